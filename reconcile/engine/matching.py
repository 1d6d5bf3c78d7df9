"""Run one dimension's rules over a folded text: longest match wins, earliest first.

The same routine serves documents and the examples in rule files, so the tests exercise
exactly what a run does.
"""
from __future__ import annotations

from bisect import bisect_left

from reconcile.engine.dimscan import RawMatch
from reconcile.engine.rules import RuleSet


def find(rs: RuleSet, dim: str, folded: str, start: int = 0, end: int | None = None) -> list[RawMatch]:
    """The dimension's matches in folded[start:end]; where several rules match at one place
    (any may be longer than what another matched) the longest is kept."""
    if dim not in rs.dimensions:
        return []
    return longest_first(rs.find_scanned(dim, folded, start, end))


def longest_first(found: list[RawMatch]) -> list[RawMatch]:
    """The matches kept when several overlap."""
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
