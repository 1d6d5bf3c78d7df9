"""The one formatter for values shown to a person (Markdown, ``show``, the review app).

A value is the report's value shape (``{"minutes": {...}}``, ``{"utc": {...}}``, ...); what a
reader sees is how a fact-checker would say it: "50 min", "60–75 min", "20:35 UTC 2021-12-30".
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any


def describe_value(v: Any, name: Callable[[str], str] = str) -> str:
    """A value as a reader says it; ``name`` turns an entity id into its display name."""
    if not isinstance(v, dict):
        return str(v)
    if "minutes" in v:
        lo, hi = v["minutes"]["min"], v["minutes"]["max"]
        return f"{_number(lo)} min" if lo == hi else f"{_number(lo)}–{_number(hi)} min"
    if "utc" in v:
        s, e = v["utc"]["start"], v["utc"]["end"]
        return f"{s[11:16]} UTC {s[:10]}" if s == e else f"{s[:16]}–{e[:16]} UTC"
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
