"""Run one dimension's rules over a folded text: longest match wins, earliest first.

The same routine serves documents and the examples in rule files, so the tests exercise
exactly what a run does.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from reconcile.engine.rules import Rule, RuleSet


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
    scan = rs.scan_regex(dim)
    # one pass finds where any rule of the dimension can start; each rule then tries there
    # (and is free to be longer than what the scan matched)
    for s in scan.finditer(folded, start, end):
        for rule in d.rules:
            m = rule.regex.match(folded, s.start(), end)
            if m and m.end("core") > m.start("core"):
                found.append(RawMatch(m.start("core"), m.end("core"), rule))
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
