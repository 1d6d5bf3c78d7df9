"""Durations as closed intervals of minutes, widened by hedge words ("نحو", "أكثر من ... بقليل").

The matched words are read as a sequence of typed tokens (number, fraction, unit, hedge,
minus) from the rule file's lexicons; this module only does the arithmetic.
"""
from __future__ import annotations

from reconcile.dimensions.numbers import token_number, token_value
from reconcile.engine.rules import RuleSet


def parse_duration(tokens: list, rs: RuleSet) -> tuple[float, float, list[str]] | None:
    """(low, high, hedge kinds) in minutes, or None when no unit was named."""
    total = 0.0
    pending: float | None = None
    pending_frac: float | None = None
    last_unit: dict | None = None
    last_implicit = False
    sign = 1
    hedges: list[str] = []
    for k, tok in enumerate(tokens):
        unit = token_value(tok, "duration_unit") or token_value(tok, "definite_unit")
        frac = token_value(tok, "fraction")
        if token_value(tok, "minus"):
            sign = -1
            continue
        h = token_value(tok, "hedge_before") or token_value(tok, "hedge_after")
        if h:
            hedges.append(h)
            continue
        if unit:
            count = pending if pending is not None else pending_frac if pending_frac is not None \
                else unit.get("count", 1)
            last_implicit = pending is None and pending_frac is None and "count" not in unit
            total += sign * count * float(unit["minutes"])
            last_unit, pending, pending_frac, sign = unit, None, None, 1
            continue
        if frac is not None:
            nxt = tokens[k + 1] if k + 1 < len(tokens) else None
            unit_follows = nxt is not None and (token_value(nxt, "duration_unit") or token_value(nxt, "definite_unit"))
            if last_unit is not None and pending is None and not unit_follows:
                total += sign * float(frac) * float(last_unit["minutes"])   # "ساعة ونصف"
                sign = 1
            elif pending is not None and unit_follows:
                pending += float(frac)                                     # "two-and-a-half hours"
            else:
                pending_frac = float(frac)                                 # "ربع ساعة"
            continue
        n = token_number(tok)
        if n is not None:
            pending = n if pending is None else pending + n   # "خمس وأربعين"
    if last_unit is None:
        return None
    if pending is not None and last_implicit:     # "ساعة واحدة": the count after the unit
        total += (pending - 1) * float(last_unit["minutes"])
    lo, hi = _widened(total, hedges, rs)
    return round(lo, 2), round(hi, 2), hedges


def _widened(total: float, hedges: list[str], rs: RuleSet) -> tuple[float, float]:
    """The interval the hedges allow around ``total``: the rule file's factors for the hedges
    together, else the widest of each one's own."""
    widen = rs.setting("duration", "widen", {}) or {}
    spec = widen.get("+".join(hedges))
    if spec is None and hedges:
        spec = [0.0, 0.0]
        for h in hedges:
            w = widen.get(h, [0, 0])
            spec = [min(spec[0], w[0]), max(spec[1], w[1])]
    if spec:
        return total * (1 + float(spec[0])), total * (1 + float(spec[1]))
    return total, total


def build(tokens: list, rs: RuleSet, ctx: dict) -> dict | None:
    parsed = parse_duration(tokens, rs)
    if parsed is None:
        return None
    lo, hi, hedges = parsed
    lo = int(lo) if lo == int(lo) else lo
    hi = int(hi) if hi == int(hi) else hi
    return {"minutes": {"min": lo, "max": hi}, "hedge": "+".join(hedges) or None}
