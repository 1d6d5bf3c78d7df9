"""Dates and spans of days, resolved against the article's publication date.

Tokens come from the rule files (CLDR month and weekday names, relative words); this module
turns them into a closed interval of days.  With no reference date (an undated page) what the
text says is kept as a partial date, a constraint the event grouping resolves later:
``{"weekday": 1}`` ("on Tuesday"), ``{"month": 3, "day": 18}`` ("March 18"), and both
("Tuesday, March 18").  ``resolve_partial`` turns one into a day once a year or a day is known.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from reconcile.engine.rules import RuleSet


def _values(tokens, name):
    return [v for t in tokens for lex, v in t[3] if lex == name]


def _month_span(year: int, month: int, period: list | None) -> tuple[dt.date, dt.date]:
    last = calendar.monthrange(year, month)[1]
    lo, hi = (period or [1, 31])
    return dt.date(year, month, min(lo, last)), dt.date(year, month, min(hi, last))


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    i = year * 12 + (month - 1) + delta
    return i // 12, i % 12 + 1


def _pick_year(month: int, day: int, ref: dt.date, tense: str | None) -> int:
    """The year that puts day/month where the article's tense says: the next occurrence for a
    future event, the last one for a past event, else the nearest to the reference."""
    cands = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            cands.append(dt.date(y, month, min(day, calendar.monthrange(y, month)[1])))
        except ValueError:
            continue
    if tense == "future":
        future = [c for c in cands if c >= ref]
        if future:
            return min(future).year
    if tense == "past":
        past = [c for c in cands if c <= ref]
        if past:
            return max(past).year
    return min(cands, key=lambda c: abs((c - ref).days)).year


@dataclass
class _DateWords:
    """What a matched date says, read from its tokens."""
    months: list
    weekdays: list
    rel_day: list
    unit: list
    years: list[int]
    days: list[int]
    period: list | None        # part of a month or year: [first day, last day]
    rel: int | None            # relative_period: -1 last, 0 this, +1 next

    @classmethod
    def read(cls, tokens: list) -> _DateWords:
        # every lexicon's values in one pass over the tokens (``_values`` per lexicon would
        # read them eight times), in token order
        by_lexicon: dict[str, list] = {}
        for t in tokens:
            for lex, v in t[3]:
                by_lexicon.setdefault(lex, []).append(v)
        values = by_lexicon.get
        digits = [str(v) for v in values("digits", ()) if str(v).isdigit()]
        period = values("period")
        rel = values("relative_period")
        return cls(months=values("month", []), weekdays=values("weekday", []),
                   rel_day=values("relative_day", []), unit=values("period_unit", []),
                   years=[int(d) for d in digits if len(d) == 4],
                   days=[int(d) for d in digits if len(d) <= 2] + [int(o) for o in values("ordinal_day", ())],
                   period=period[0] if period else None, rel=rel[0] if rel else None)


def _span(a: dt.date, b: dt.date) -> dict:
    return {"start": a.isoformat(), "end": b.isoformat()}


def parse_date(tokens: list, ref: dt.date | None, tense: str | None = None) -> dict | None:
    w = _DateWords.read(tokens)
    if w.months:
        return _named_month(w, ref, tense)
    if w.unit:
        if ref is None:
            return None
        span = _relative_period(w, ref)
        if span is not None:
            return span
    if w.rel_day:
        if ref is None:
            return {"weekday": int(w.weekdays[0])} if w.weekdays else None
        d = ref + dt.timedelta(days=int(w.rel_day[0]))
        return _span(d, d)
    if w.weekdays:
        return _weekday(w, ref, tense)
    if w.years:
        return _span(dt.date(w.years[0], 1, 1), dt.date(w.years[0], 12, 31))
    return None


def _named_month(w: _DateWords, ref: dt.date | None, tense: str | None) -> dict | None:
    """"4 March", "March 2022", "early next March": a day or a part of the month."""
    month = int(w.months[0])
    if w.years:
        year = w.years[0]
    elif ref is None:
        return _partial(w)
    elif w.rel is not None and "year" in w.unit:
        year = ref.year + int(w.rel)        # "February of last year": the year, not the month, is last
    elif w.rel is not None:
        year, _ = _shift_month(ref.year, ref.month, 0)
        if w.rel > 0:
            year = ref.year if month > ref.month else ref.year + 1
        elif w.rel < 0:
            year = ref.year if month < ref.month else ref.year - 1
    else:
        year = _pick_year(month, w.days[0] if w.days else 15, ref, tense)
    if w.days:
        try:
            d = dt.date(year, month, w.days[0])
        except ValueError:
            return None
        return _span(d, d)
    return _span(*_month_span(year, month, w.period))


def _partial(w: _DateWords) -> dict | None:
    """A day and month with no year and no reference: kept as a constraint (with its weekday).
    "7 June of this month" also says the article was written in June: ``current_month``."""
    if not w.days or not 1 <= w.days[0] <= 31:
        return None
    out: dict = {"month": int(w.months[0]), "day": w.days[0]}
    if w.weekdays:
        out["weekday"] = int(w.weekdays[0])
    if w.rel == 0 and not w.unit:
        out["current_month"] = True
    return out


def is_partial(v: dict | None) -> bool:
    return bool(v) and "start" not in v and ("weekday" in v or "month" in v)   # type: ignore[operator]


def partial_fits(v: dict, day: dt.date) -> bool:
    """Whether a day satisfies a partial date (weekday, month and day)."""
    if "weekday" in v and day.weekday() != v["weekday"]:
        return False
    return "month" not in v or (day.month, day.day) == (v["month"], v["day"])


def resolve_partial(v: dict, lo: dt.date, hi: dt.date) -> dt.date | None:
    """The one day between lo and hi (inclusive, at most a year apart) that fits a partial date."""
    days = [lo + dt.timedelta(days=i) for i in range(min((hi - lo).days, 366) + 1)]
    fits = [d for d in days if partial_fits(v, d)]
    return fits[0] if len(fits) == 1 else None


def year_for(v: dict, year: int) -> dt.date | None:
    """A month-day date in the year another full date of the article gives; with a weekday, the
    year next to it in which that day is that weekday (a weekday that fits no such year: None)."""
    for y in (year, year - 1, year + 1):
        try:
            d = dt.date(y, v["month"], v["day"])
        except ValueError:
            continue
        if "weekday" not in v or d.weekday() == v["weekday"]:
            return d
        if "weekday" not in v:
            break
    return None


def _relative_period(w: _DateWords, ref: dt.date) -> dict | None:
    """"last week", "early next month", "late last year"; None for a unit it does not know."""
    shift = w.rel or 0
    if w.unit[0] == "month":
        y, m = _shift_month(ref.year, ref.month, shift)
        return _span(*_month_span(y, m, w.period))
    if w.unit[0] == "week":
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=shift)
        return _span(monday, monday + dt.timedelta(days=6))
    if w.unit[0] == "year":
        y = ref.year + shift
        if w.period:   # first, middle or last third of the year
            third = {1: (1, 4), 11: (5, 8), 21: (9, 12)}[w.period[0]]
            return _span(dt.date(y, third[0], 1), _month_span(y, third[1], None)[1])
        return _span(dt.date(y, 1, 1), dt.date(y, 12, 31))
    return None


def _weekday(w: _DateWords, ref: dt.date | None, tense: str | None) -> dict:
    """"Thursday", "next Monday": the nearest such day the tense allows."""
    wd = int(w.weekdays[0])
    if ref is None:
        return {"weekday": wd}
    back = (ref.weekday() - wd) % 7
    fwd = (wd - ref.weekday()) % 7
    if w.rel is not None and w.rel > 0:
        d = ref + dt.timedelta(days=fwd or 7)
    elif w.rel is not None and w.rel < 0:
        d = ref - dt.timedelta(days=back or 7)
    elif tense == "future":
        d = ref + dt.timedelta(days=fwd)
    else:
        d = ref - dt.timedelta(days=back)
    return _span(d, d)


# Dates outside these years are not dates (a typo, a year 0000, a reference near the calendar's
# ends): refused where a date is built and where one is read, so no later arithmetic overflows.
YEAR_MIN, YEAR_MAX = 1900, 2100


def in_bounds(day: dt.date) -> bool:
    return YEAR_MIN <= day.year <= YEAR_MAX


def build(tokens: list, rs: RuleSet, ctx: dict) -> dict | None:
    refers = (ctx.get("rule") or {}).get("refers")
    if refers:
        return {"refers": refers}      # "the same day": the grouping gives it the day it refers to
    order = (ctx.get("rule") or {}).get("order")
    try:
        v = parse_figures(tokens, order) if order else parse_date(tokens, ctx.get("ref"), ctx.get("tense"))
    except (ValueError, OverflowError):   # a year the calendar cannot hold
        return None
    if v and "start" in v and not all(parse_iso_day(v[k]) for k in ("start", "end")):
        return None
    return v


def parse_figures(tokens: list, order: str) -> dict | None:
    """"30/12/2021" (dmy), "2021-12-30" (ymd), "12/30/2021" (mdy): the rule says the order."""
    digits = [int(v) for v in _values(tokens, "digits") if str(v).isdigit()]
    if len(digits) != 3 or sorted(order) != ["d", "m", "y"]:
        return None
    parts = dict(zip(order, digits, strict=True))
    try:
        d = dt.date(parts["y"], parts["m"], parts["d"])
    except ValueError:
        return None
    return {"start": d.isoformat(), "end": d.isoformat()}


def parse_iso_day(s: str | None) -> dt.date | None:
    if not s:
        return None
    try:
        day = dt.date.fromisoformat(str(s)[:10])
    except ValueError:
        return None
    return day if in_bounds(day) else None
