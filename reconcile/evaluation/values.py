"""Does a report's value match a gold value?  One test per value shape, with the tolerances of
docs/gold.md: minutes overlap (±1 min), a moment lies in the report's interval (±1 min), days
overlap, entity names are the same thing, media are the same word."""
from __future__ import annotations

import datetime as dt
from typing import Any

from reconcile.evaluation.names import Names

Days = tuple[dt.date, dt.date]
ONE_MINUTE = dt.timedelta(minutes=1)


def as_days(v: Any) -> Days | None:
    """(first, last) day of a day, a [first, last] pair or a {start, end} mapping; None when unreadable."""
    if v is None:
        return None
    if isinstance(v, dict):
        v = [v.get("start"), v.get("end")]
    if not isinstance(v, list | tuple):
        v = [v, v]
    try:
        lo, hi = (x if isinstance(x, dt.date) else dt.date.fromisoformat(str(x)[:10]) for x in v)
    except (TypeError, ValueError):
        return None
    return lo, hi


def as_moment(s: Any) -> dt.datetime | None:
    """A naive UTC datetime; a moment with a zone is converted to UTC."""
    if s is None:
        return None
    s = str(s).strip().replace("Z", "+00:00")
    try:
        m = dt.datetime.fromisoformat(s)
    except ValueError:
        return None
    if m.tzinfo is not None:
        m = m.astimezone(dt.UTC).replace(tzinfo=None)
    return m


def overlaps(a: tuple[Any, Any], b: tuple[Any, Any], slack: float = 0) -> bool:
    if slack:
        return bool(a[0] - slack <= b[1] and b[0] - slack <= a[1])
    return bool(a[0] <= b[1] and b[0] <= a[1])


def value_matches(gold: dict[str, Any], got: Any, names: Names) -> bool:
    """Whether the report's value ``got`` is the gold value, by the gold value's shape."""
    if not isinstance(got, dict):
        return False
    if "minutes" in gold:
        return _minutes_match(gold["minutes"], got.get("minutes"))
    if "utc" in gold:
        return _moment_match(gold["utc"], got.get("utc"))
    if "date" in gold:
        g, d = as_days(gold["date"]), as_days(got.get("date"))
        return bool(g and d and overlaps(g, d))
    if "entity" in gold:
        return names.same(gold["entity"], got.get("entity"))
    if "medium" in gold:
        return str(got.get("medium", "")).lower() == str(gold["medium"]).lower()
    return False


def _minutes_match(gold: list[float], got: Any) -> bool:
    if not isinstance(got, dict) or got.get("min") is None or got.get("max") is None:
        return False
    return overlaps((gold[0], gold[1]), (float(got["min"]), float(got["max"])), slack=1)


def _moment_match(gold: Any, got: Any) -> bool:
    if not isinstance(got, dict):
        return False
    g, lo, hi = as_moment(gold), as_moment(got.get("start")), as_moment(got.get("end"))
    if not (g and lo and hi):
        return False
    return lo - ONE_MINUTE <= g <= hi + ONE_MINUTE


def kind_of(kind: Any) -> str:
    """A report's event kind as the gold's call | meeting."""
    k = str(kind or "").lower()
    if any(w in k for w in ("call", "phone", "video", "conversation")):
        return "call"
    if any(w in k for w in ("meet", "summit", "talk", "negotiat", "consult", "visit")):
        return "meeting"
    return k
