"""Run one dimension's rules over a folded text: longest match wins, earliest first.

The same routine serves documents and the examples in rule files, so the tests exercise
exactly what a run does.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from reconcile.engine.rules import Rule, RuleSet
from reconcile.engine.wordstart import WordStartScan


@dataclass(frozen=True)
class RawMatch:
    start: int          # folded offsets
    end: int
    rule: Rule


def find(rs: RuleSet, dim: str, folded: str, start: int = 0, end: int | None = None) -> list[RawMatch]:
    d = rs.dimensions.get(dim)
    if d is None:
        return []
    end = len(folded) if end is None else end
    found: list[RawMatch] = []
    scan = rs.word_scan(dim)
    first_end = _at_text_start(d.rules, scan, folded, end, found) if start == 0 else None
    # one pass finds where any rule of the dimension can start; each rule then tries there
    # (and is free to be longer than what the scan matched)
    for s, _ in scan.spans(folded, start, end, first_end):
        if s == 0 and start == 0:
            continue        # tried above
        for rule in d.rules:
            m = rule.regex.match(folded, s, end)
            if m and m.end("core") > m.start("core"):
                found.append(RawMatch(m.start("core"), m.end("core"), rule))
    return _longest_first(found)


def _at_text_start(rules: list[Rule], scan: WordStartScan, folded: str, end: int,
                   found: list[RawMatch]) -> int | None:
    """Each rule tried at the start of the text, into ``found``; returns where the scan's own
    match there ends (-1: none), or None when only the scan regex can tell.  The scan is the
    rules' alternation, in order, behind one optional proclitic: when every rule that matches
    took a proclitic of the same length, the scan took that one too, and its first
    alternative to match is the first of those rules' own match."""
    if not scan.may_start(folded, end):
        return -1
    matched = []
    for rule in rules:
        m = rule.regex.match(folded, 0, end)
        if m:
            matched.append(m)
            if m.end("core") > m.start("core"):
                found.append(RawMatch(m.start("core"), m.end("core"), rule))
    if not matched:
        return -1
    return matched[0].end() if len({m.start("core") for m in matched}) == 1 else None


def _longest_first(found: list[RawMatch]) -> list[RawMatch]:
    # longest first; a match overlapping one already taken is dropped.  Taken spans do not
    # overlap, so kept sorted by start, a neighbour check by bisection is enough.
    starts: list[int] = []
    taken: list[RawMatch] = []
    for r in sorted(found, key=lambda r: (-(r.end - r.start), r.start)):
        i = bisect_left(starts, r.start)
        if i < len(taken) and taken[i].start < r.end:
            continue
        if i > 0 and taken[i - 1].end > r.start:
            continue
        starts.insert(i, r.start)
        taken.insert(i, r)
    return taken
