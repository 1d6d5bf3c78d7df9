"""The one formatter for values shown to a person (Markdown, ``show``, the review app).

A value is the report's value shape (``{"minutes": {...}}``, ``{"utc": {...}}``, ...); what a
reader sees is how a fact-checker would say it: "50 min", "60–75 min", "20:35 UTC 2021-12-30".
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.dates import get_timezone_name

# One wording for each thing that can be missing, wherever it is shown.
NO_OUTLET = "outlet not named"
NO_SPEAKER = "not attributed"
NO_ZONE = "zone not given"


def describe_value(v: Any, name: Callable[[str], str] = str) -> str:
    """A value as a reader says it; ``name`` turns an entity id into its display name."""
    if not isinstance(v, dict):
        return str(v)
    if "minutes" in v:
        lo, hi = v["minutes"]["min"], v["minutes"]["max"]
        return f"{_number(lo)} min" if lo == hi else f"{_number(lo)}–{_number(hi)} min"
    if "utc" in v:
        return _moment(v["utc"])
    if "date" in v:
        s, e = v["date"]["start"], v["date"]["end"]
        return s if s == e else f"{s}–{e}"
    if "entity" in v:
        return name(v["entity"])
    if "medium" in v:
        return str(v["medium"]).replace("_", " ")
    return str(v)


def _number(x: float) -> str:
    x = float(x)
    return str(int(x)) if x == int(x) else f"{x:.1f}"


def _moment(u: dict) -> str:
    """A UTC value, with the reading it was converted from: "20:35 UTC 2021-12-30 — 15:35
    Eastern Time".  A reading whose zone is unknown is shown as read, not as its UTC span."""
    s, e = u["start"], u["end"]
    local = u.get("local")
    if local and not u.get("zone"):
        return f"{local} local time, {NO_ZONE} ({u.get('day') or s[:10]})"
    utc = f"{s[11:16]} UTC {s[:10]}" if s == e else f"{s[:16]}–{e[:16]} UTC"
    if not local or (local == s[11:16] and s == e):
        return utc                  # read in UTC (or GMT) already
    return f"{utc} — {local} {zone_name(u['zone'])}"


def zone_name(zone: str | None) -> str:
    """A time zone as a reader knows it ("Eastern Time", "Moscow Time"), from CLDR."""
    if not zone:
        return NO_ZONE
    if zone.startswith("Etc/") or zone in ("UTC", "GMT"):
        return zone.rsplit("/", 1)[-1]
    try:
        return str(get_timezone_name(ZoneInfo(zone), "long", locale="en", zone_variant="generic"))
    except (ZoneInfoNotFoundError, ValueError, LookupError):
        return zone


def outlet_name(outlet: str | None) -> str:
    return outlet or NO_OUTLET

