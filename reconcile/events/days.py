"""Day arithmetic on the events' dates: a ``Day`` is a (first, last) span of ISO days."""
from __future__ import annotations

import datetime as dt

Day = tuple[str, str]


def width(d: Day) -> int:
    """Days from a span's first day to its last (0 for one day)."""
    return days_between(d[0], d[1])


def days_between(a: str, b: str) -> int:
    """Days from ISO day ``a`` to ISO day ``b``."""
    return (dt.date.fromisoformat(b) - dt.date.fromisoformat(a)).days


def days_of(d: Day, cap: int) -> list[dt.date]:
    """Every day of a span, at most ``cap`` + 1 of them."""
    lo = dt.date.fromisoformat(d[0])
    return [lo + dt.timedelta(days=i) for i in range(min(width(d), cap) + 1)]


def day_keys(d: Day, cap: int = 400) -> list[str]:
    """Every day of a span as ISO strings (capped: a span longer than a year is as good as
    undated)."""
    return [x.isoformat() for x in days_of(d, cap)]


def overlap(a: Day | None, b: Day | None) -> bool:
    return bool(a and b and a[0] <= b[1] and b[0] <= a[1])


def single_day(d: Day | None) -> dt.date | None:
    """The day of a one-day span, else None."""
    return dt.date.fromisoformat(d[0]) if d and d[0] == d[1] else None
