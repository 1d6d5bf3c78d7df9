"""What a regex's matches can begin with, as a lookahead the regex engine checks first.

A dimension's scan regex is the alternation of all its rules behind a lookbehind and optional
proclitics, so Python's engine can neither skip ahead to a literal nor reject a word quickly:
at every word it walks the rules' optional openings and lookaheads.  The first few characters
every match can begin with, read once from the parsed pattern and written as a prefix tree,
reject almost every word after a character or two.  The guard only ever admits more than the
pattern does (zero-width assertions are skipped, character classes kept whole), so a guarded
regex matches exactly where the unguarded one does.
"""
from __future__ import annotations

import re
from re import _constants as C  # type: ignore[attr-defined]  # CPython's own parser: no stub
from re import _parser  # type: ignore[attr-defined]
from typing import Any

# how many characters the guard looks at: 4 rejects nearly all non-starting words; more adds
# branches without rejecting more
DEPTH = 4
# a pattern whose openings are more varied than this gets no guard (it would cost more than it saves)
MAX_PREFIXES = 4000

Prefix = tuple[str, ...]          # one regex atom (a character or a class) per character
_CATEGORIES = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
               C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W"}
# flags under which a character or class would match other characters than written
_CHANGES_CLASSES = re.IGNORECASE | re.ASCII | re.LOCALE


class _NoGuard(Exception):
    """A construct the reading does not follow (a back-reference, a flag changing classes)."""


def start_guard(pattern: str, depth: int = DEPTH) -> str | None:
    """A regex matching (at least) wherever ``pattern`` can begin a match, looking at most
    ``depth`` characters ahead; None when no useful one can be read (a match may be empty)."""
    found = start_prefixes(pattern, depth)
    return guard_regex(found) if found is not None else None


def start_prefixes(pattern: str, depth: int = DEPTH, atoms: dict[str, frozenset[Prefix] | None] | None = None,
                   allow_empty: bool = False) -> frozenset[Prefix] | None:
    """What ``start_guard`` is made of: the first ``depth`` atoms of every match (fewer when a
    match can be shorter); None when they cannot be read.  Prefixes of several patterns
    together make the guard of their alternation.  ``atoms``: characters standing for a
    pattern read before, with its prefixes (None: unreadable); ``allow_empty``: an empty
    match is one more prefix, not a reason for no guard (a pattern read as an atom)."""
    try:
        tree = _parser.parse(pattern)
        if tree.state.flags & _CHANGES_CLASSES:
            return None
        found = _sequence(list(tree), depth, atoms or {})
    except (_NoGuard, re.error):
        return None
    return None if () in found and not allow_empty else frozenset(found)


Atoms = dict[str, frozenset[Prefix] | None]


def _sequence(items: list[tuple[Any, Any]], depth: int, atoms: Atoms) -> set[Prefix]:
    """Prefixes of a sequence: each item's prefixes extend those not yet ``depth`` long."""
    out: set[Prefix] = {()}
    for op, av in items:
        done = {p for p in out if len(p) >= depth}
        if len(done) == len(out):
            break
        nexts = _item(op, av, depth, atoms)
        out = done | {(p + q)[:depth] for p in out - done for q in nexts}
        if len(out) > MAX_PREFIXES:
            raise _NoGuard("too many openings")
    return out


def _item(op: Any, av: Any, depth: int, atoms: Atoms) -> set[Prefix] | frozenset[Prefix]:
    if op is C.LITERAL:
        return _literal(chr(av), atoms)
    if op is C.NOT_LITERAL:
        return {("[^" + re.escape(chr(av)) + "]",)}
    if op is C.ANY:
        return {(r"[\s\S]",)}      # whatever DOTALL says, this admits more
    if op is C.IN:
        return {(_class(av),)}
    if op is C.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if (add_flags | del_flags) & _CHANGES_CLASSES:
            raise _NoGuard("flags")
        return _sequence(list(sub), depth, atoms)
    if op is C.ATOMIC_GROUP:
        return _sequence(list(av), depth, atoms)
    if op is C.BRANCH:
        return set().union(*(_sequence(list(alt), depth, atoms) for alt in av[1]))
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        return _repeat(av, depth, atoms)
    if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
        return {()}                # zero width: skipping a condition only admits more
    raise _NoGuard(str(op))


def _literal(ch: str, atoms: Atoms) -> set[Prefix] | frozenset[Prefix]:
    """A character, or the prefixes of what it stands for."""
    if ch not in atoms:
        return {(re.escape(ch),)}
    read = atoms[ch]
    if read is None:
        raise _NoGuard("an atom without prefixes")
    return read


def _repeat(av: Any, depth: int, atoms: Atoms) -> set[Prefix]:
    """``sub{lo,hi}``: 0..depth copies (more cannot change the first ``depth`` characters)."""
    lo, hi, sub = av
    once = _sequence(list(sub), depth, atoms)
    may_be_empty = () in once
    out: set[Prefix] = set()
    copies: set[Prefix] = {()}
    most = min(hi, depth)
    for n in range(most + 1):
        if n >= lo or may_be_empty:
            out |= copies
        if n < most:
            copies = {p if len(p) >= depth else (p + q)[:depth] for p in copies for q in once}
            if len(copies) > MAX_PREFIXES:
                raise _NoGuard("too many openings")
    # at least ``lo`` copies, more than ``depth`` of them: the prefix is already full length
    return out | {p for p in copies if len(p) >= depth}


def _class(av: Any) -> str:
    pieces = []
    for op, a in av:
        if op is C.NEGATE:
            pieces.append("^")
        elif op is C.LITERAL:
            pieces.append(re.escape(chr(a)))
        elif op is C.RANGE:
            pieces.append(re.escape(chr(a[0])) + "-" + re.escape(chr(a[1])))
        elif op is C.CATEGORY and a in _CATEGORIES:
            pieces.append(_CATEGORIES[a])
        else:
            raise _NoGuard(str(op))
    return "[" + "".join(pieces) + "]"


def guard_regex(prefixes: frozenset[Prefix] | set[Prefix]) -> str:
    """The prefixes as a prefix tree; a prefix shorter than the depth admits anything after it."""
    tree: dict[str, dict] = {}
    for p in prefixes:
        node = tree
        for atom in p:
            node = node.setdefault(atom, {})
        node[""] = {}

    def walk(node: dict[str, dict]) -> str:
        if "" in node:
            return ""
        branches = [atom + walk(child) for atom, child in sorted(node.items())]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return walk(tree)
