"""Run one dimension's rules over a folded text: longest match wins, earliest first.

The same routine serves documents and the examples in rule files, so the tests exercise
exactly what a run does.
"""
from __future__ import annotations

from dataclasses import dataclass

from .rules import Rule, RuleSet


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
    out: list[RawMatch] = []
    for r in sorted(found, key=lambda r: (-(r.end - r.start), r.start)):
        if any(not (r.end <= o.start or r.start >= o.end) for o in out):
            continue
        out.append(r)
    out.sort(key=lambda r: r.start)
    return out
