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
from typing import Any

from reconcile.engine.rulefiles import Rule
from reconcile.engine.wordstart import BEYOND_BMP, nonword_class

# what a rule's body may test about the character before its first one (a blank put before a
# text's first word would answer differently than nothing)
_LOOKS_BEHIND = re.compile(r"\(\?<[=!]|\\A|(?<![\[\\])\^")


@dataclass(frozen=True)
class RawMatch:
    start: int          # folded offsets of a rule's match, proclitic excluded
    end: int
    rule: Rule


class DimensionScan:
    def __init__(self, rules: Sequence[Rule], bodies: Sequence[str], proclitic: str, guard: str | None):
        self.rules = list(rules)
        ahead = f"(?={guard})" if guard else ""
        parts = [f"(?:(?={proclitic}(?P<_rule{j}>{body})(?!\\w))|)" for j, body in enumerate(bodies)]
        cond = "(?!)"
        for j in reversed(range(len(bodies))):
            cond = f"(?(_rule{j})|{cond})"
        self.proclitic = proclitic
        self.longest_proclitic_first = _tried_longest_first(proclitic)
        if not self.longest_proclitic_first:
            alternation = "|".join(f"(?:{b})" for b in bodies)
            parts.append(f"(?=(?P<_scan>{proclitic}(?:{alternation})(?!\\w)))")
        self.source = ahead + "".join(parts) + cond
        self.regex = re.compile(nonword_class() + self.source)
        self.groups = [self.regex.groupindex[f"_rule{j}"] for j in range(len(bodies))]
        self.scan_group = self.regex.groupindex.get("_scan")
        self.blank_is_nothing = not any(_LOOKS_BEHIND.search(b) for b in bodies)
        self.opening = re.compile(ahead) if guard else None

    @cached_property
    def plain(self) -> re.Pattern[str]:
        return re.compile(r"(?<!\w)" + self.source)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[RawMatch]:
        """Every rule's match at each word start the scan stops at, in text order."""
        end = len(text) if end is None else end
        found: list[RawMatch] = []
        if BEYOND_BMP.search(text, max(start - 1, 0), end):
            resume = start
            for at in self.plain.finditer(text, start, end):
                if at.start() >= resume:
                    resume = self._read(at, at.start(), 0, found)
            return found
        pos = self._first_word(text, end, found) if start == 0 else start
        search = self.regex.search
        # the character before ``pos`` is the one the regex reads first
        while (m := search(text, max(pos - 1, 0), end)) is not None:
            pos = self._read(m, m.start() + 1, 0, found)
        return found

    def _first_word(self, text: str, end: int, found: list[RawMatch]) -> int:
        """The rules matching at 0 into ``found``; returns where the next word may start."""
        if self.opening is not None and not self.opening.match(text, 0, end):
            return 0
        if self.blank_is_nothing:
            first = self.regex.match(" " + text, 0, end + 1)
            return self._read(first, 1, 1, found) if first else 0
        first = self.plain.match(text, 0, end)
        return self._read(first, 0, 0, found) if first else 0

    def _read(self, m: re.Match[str], at: int, shift: int, found: list[RawMatch]) -> int:
        """The rules matching at ``at`` into ``found`` (offsets less ``shift``); returns where
        the next word start may be: where the dimension's alternation ends."""
        regs = m.regs
        proclitic, resume = -1, at
        for rule, g in zip(self.rules, self.groups, strict=True):
            a, b = regs[g]
            if a < 0:
                continue
            if a - at > proclitic:
                proclitic, resume = a - at, b
            if b > a:
                found.append(RawMatch(a - shift, b - shift, rule))
        if self.scan_group is not None:
            resume = regs[self.scan_group][1]
        return (resume if resume > at else at + 1) - shift


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
