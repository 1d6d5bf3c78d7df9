"""One dimension's rules as one regex, searched word start by word start.

Each rule is a lookahead with a group of its own, so one match attempt at a word start says
which rules match there and where each ends (a rule is free to be longer than another); a
final condition lets the attempt succeed only where one did.  Every rule body is parsed and
compiled once per run, inside this one regex (compiling it dominates a run's setup).

Where a word may start is found at C speed: the regex begins by consuming the non-word
character before the word (``wordstart.nonword_class``), which Python's engine searches as a
charset prefix, skipping every other character in one tight loop, instead of trying a
``(?<!\\w)`` lookbehind at each character.  What that form cannot see is handled apart:

* the first word of a text, with no character before it: the same regex on the text behind
  one blank, when no rule can tell the blank from nothing (no lookbehind, no ``^``); else the
  plain form below;
* a text holding characters beyond the Basic Multilingual Plane, which the class does not
  list: the plain form, ``(?<!\\w)`` and the same body, compiled only if such a text comes.

Matches stop where the dimension's alternation would: the next word start tried is the end
of the first rule (in file order) matching with the longest proclitic.  That is the
alternation's own choice when the proclitic is a row of optional letters from disjoint
classes ("[وف]?[بلك]?"): the engine then tries proclitics longest first.  Any other proclitic
gets the alternation itself as one more lookahead.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from re import _constants as C  # type: ignore[attr-defined]  # CPython's own parser: no stub
from re import _parser  # type: ignore[attr-defined]
from typing import Any, NamedTuple

from reconcile.engine.prefixes import Prefix, guard_regex
from reconcile.engine.rulefiles import Rule
from reconcile.engine.wordstart import BEYOND_BMP, nonword_class

# what a rule's body may test about the character before its first one (a blank put before a
# text's first word would answer differently than nothing)
_LOOKS_BEHIND = re.compile(r"\(\?<[=!]|\\A|(?<![\[\\])\^")


class RawMatch(NamedTuple):
    """A rule's match (a tuple: tens of thousands are made per 1000 articles)."""
    start: int          # folded offsets of a rule's match, proclitic excluded
    end: int
    rule: Rule


class DimensionScan:
    """One dimension's rules: the regex source of their scan, compiled on first use (a
    dimension scanned with others is compiled inside their JointScan)."""

    def __init__(self, rules: Sequence[Rule], bodies: Sequence[str], proclitic: str,
                 prefixes: frozenset[Prefix] | None):
        self.rules = list(rules)
        self.bodies = list(bodies)
        self.proclitic = proclitic
        self.prefixes = prefixes
        self.guard = f"(?={guard_regex(prefixes)})" if prefixes else ""
        self.longest_proclitic_first = _tried_longest_first(proclitic)
        self.blank_is_nothing = not any(_LOOKS_BEHIND.search(b) for b in bodies)
        # what every match begins with, to rule out the first word cheaply
        self.opening = re.compile(self.guard) if self.guard else None

    def source(self, tag: str) -> str:
        """The scan at one word start, its groups named after ``tag``: rule j is group
        ``{tag}r{j}``, and where needed the alternation of all rules is ``{tag}s``."""
        pre = self.proclitic
        parts = [f"(?:(?={pre}(?P<{tag}r{j}>{body})(?!\\w))|)" for j, body in enumerate(self.bodies)]
        if not self.longest_proclitic_first:
            alternation = "|".join(f"(?:{b})" for b in self.bodies)
            parts.append(f"(?=(?P<{tag}s>{pre}(?:{alternation})(?!\\w)))")
        cond = "(?!)"
        for j in reversed(range(len(self.bodies))):
            cond = f"(?({tag}r{j})|{cond})"
        return self.guard + "".join(parts) + cond

    def groups(self, regex: re.Pattern[str], tag: str) -> _Groups:
        return _Groups(self.rules, [regex.groupindex[f"{tag}r{j}"] for j in range(len(self.rules))],
                       regex.groupindex.get(f"{tag}s"))

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile(nonword_class() + self.source("_"))

    @cached_property
    def plain(self) -> re.Pattern[str]:
        return re.compile(r"(?<!\w)" + self.source("_"))

    def may_start(self, text: str, end: int) -> bool:
        return self.opening is None or self.opening.match(text, 0, end) is not None

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[RawMatch]:
        """Every rule's match at each word start the scan stops at, in text order."""
        end = len(text) if end is None else end
        found: list[RawMatch] = []
        if BEYOND_BMP.search(text, max(start - 1, 0), end):
            groups = self.groups(self.plain, "_")
            resume = start
            for at in self.plain.finditer(text, start, end):
                if at.start() >= resume:
                    resume = groups.read(at.regs, at.start(), 0, found)
            return found
        pos = 0
        if start:
            pos = start
        elif self.may_start(text, end):
            pos = self.first_word(text, end, found, None)
        groups = self.groups(self.regex, "_")
        search = self.regex.search
        # the character before ``pos`` is the one the regex reads first
        while (m := search(text, max(pos - 1, 0), end)) is not None:
            pos = groups.read(m.regs, m.start() + 1, 0, found)
        return found

    def first_word(self, text: str, end: int, found: list[RawMatch], padded: re.Match[str] | None) -> int:
        """The rules matching at 0 into ``found``; returns where the next word may start.
        ``padded``: what the regex matched on the text behind one blank, when read already."""
        if self.blank_is_nothing:
            m = padded or self.regex.match(" " + text, 0, end + 1)
            return self.groups(m.re, "_").read(m.regs, 1, 1, found) if m else 0
        m = self.plain.match(text, 0, end)
        return self.groups(self.plain, "_").read(m.regs, 0, 0, found) if m else 0


@dataclass(frozen=True)
class _Groups:
    """Where one dimension's rules are in a compiled scan."""
    rules: list[Rule]
    indices: list[int]
    scan: int | None

    def read(self, regs: tuple[tuple[int, int], ...], at: int, shift: int, found: list[RawMatch]) -> int:
        """The rules matching at ``at`` (``regs``: a match's group spans) into ``found``
        (offsets less ``shift``); returns where the next word start may be: where the
        dimension's alternation ends."""
        proclitic, resume = -1, at
        for rule, g in zip(self.rules, self.indices, strict=True):
            a, b = regs[g]
            if a < 0:
                continue
            if a - at > proclitic:
                proclitic, resume = a - at, b
            if b > a:
                found.append(RawMatch(a - shift, b - shift, rule))
        if self.scan is not None:
            resume = regs[self.scan][1]
        return (resume if resume > at else at + 1) - shift


class JointScan:
    """Several dimensions scanned in one pass: one attempt at each word start tries every
    dimension (each behind its own guard), where eight scans made eight attempts.  Each
    dimension still stops where its own scan would."""

    def __init__(self, scans: Sequence[DimensionScan]):
        self.scans = list(scans)
        prefixes = [s.prefixes for s in self.scans if s.prefixes]
        # the union of their guards first: a word no dimension can begin with fails at once
        ahead = f"(?={guard_regex(frozenset().union(*prefixes))})" if len(prefixes) == len(self.scans) else ""
        blocks = "".join(f"(?:(?P<_d{k}>){s.source(f'_{k}')}|)" for k, s in enumerate(self.scans))
        cond = "(?!)"
        for k in reversed(range(len(self.scans))):
            cond = f"(?(_d{k})|{cond})"
        self.regex = re.compile(nonword_class() + ahead + blocks + cond)
        self.marks = [self.regex.groupindex[f"_d{k}"] for k in range(len(self.scans))]
        self.groups = [s.groups(self.regex, f"_{k}") for k, s in enumerate(self.scans)]

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[list[RawMatch]]:
        """Each dimension's ``DimensionScan.find``, in one pass."""
        end = len(text) if end is None else end
        if BEYOND_BMP.search(text, max(start - 1, 0), end):
            return [s.find(text, start, end) for s in self.scans]
        found: list[list[RawMatch]] = [[] for _ in self.scans]
        resume = [start] * len(self.scans)
        if start == 0:
            self._first_word(text, end, found, resume)
        marks, groups = self.marks, self.groups
        search = self.regex.search
        pos = start
        while (m := search(text, max(pos - 1, 0), end)) is not None:
            pos = m.start() + 1
            regs = m.regs
            for k, mark in enumerate(marks):
                if regs[mark][0] >= 0 and pos >= resume[k]:
                    resume[k] = groups[k].read(regs, pos, 0, found[k])
            pos += 1
        return found

    def _first_word(self, text: str, end: int, found: list[list[RawMatch]], resume: list[int]) -> None:
        """The dimensions matching at 0: read from the joint regex behind one blank when no
        rule of theirs looks behind, else by their own plain regex."""
        starting = [k for k, s in enumerate(self.scans) if s.may_start(text, end)]
        padded = None
        if any(self.scans[k].blank_is_nothing for k in starting):
            padded = self.regex.match(" " + text, 0, end + 1)
        for k in starting:
            scan = self.scans[k]
            if not scan.blank_is_nothing:
                resume[k] = scan.first_word(text, end, found[k], None)
            elif padded is not None and padded.regs[self.marks[k]][0] >= 0:
                resume[k] = self.groups[k].read(padded.regs, 1, 1, found[k])


def _tried_longest_first(proclitic: str) -> bool:
    """Whether the proclitic is optional letters in a row, each from a class no other shares:
    then at any word the engine tries its possible lengths longest first."""
    try:
        items = list(_parser.parse(proclitic))
    except re.error:
        return False
    seen: set[int] = set()
    for op, av in items:
        if op is not C.MAX_REPEAT or av[0] != 0 or av[1] != 1 or len(av[2]) != 1:
            return False
        chars = _letters(*av[2][0])
        if chars is None or chars & seen:
            return False
        seen |= chars
    return True


def _letters(op: Any, av: Any) -> set[int] | None:
    if op is C.LITERAL:
        return {av}
    if op is C.IN and all(o is C.LITERAL for o, _ in av):
        return {a for _, a in av}
    return None
