"""A verified value typed by a reviewer, read with the fact's own rules: a duration must read as
a duration ("45 minutes", "ساعة"), a date as a date, a clock time as a clock time, so "roughly
fifty" is refused with a message rather than stored unchecked."""
from __future__ import annotations

from typing import Any

from reconcile.review.log import ReviewError

# fact -> the dimension its values are read with
DIMENSION = {"duration": "duration", "date": "date", "start_time": "clock_time", "end_time": "clock_time",
             "scheduled_time": "clock_time"}
EXAMPLE = {"duration": "45 minutes", "date": "2021-12-30 or 30 December 2021", "clock_time": "20:35 GMT"}


def _languages() -> list[str]:
    from reconcile.pipeline import supported_languages
    return supported_languages()


def parse_resolved(fact: str, typed: Any) -> Any:
    """The report's value shape for what was typed ({"minutes": ...}, {"date": ...}); the text
    itself for clock times (checked, kept as typed: it has no day to convert on) and for facts
    named by a word (initiator, medium, location).  ReviewError when it does not read as a value
    of this fact."""
    if not isinstance(typed, str):
        return typed                        # a claim's own value (resolve --claim)
    text = " ".join(typed.split())
    dim = DIMENSION.get(fact)
    if not text:
        raise ReviewError("the verified value is empty")
    if dim is None:
        return text
    for lang in _languages():
        value = _read(lang, dim, text)
        if value is not None:
            return text if dim == "clock_time" else value
    raise ReviewError(f"'{text}' does not read as a {fact.replace('_', ' ')} "
                      f"(type it as the articles would, e.g. '{EXAMPLE[dim]}')")


def _read(lang: str, dim: str, text: str) -> Any:
    from reconcile.dimensions.dates import parse_iso_day
    from reconcile.engine.matching import find
    from reconcile.engine.normalise import normalise
    from reconcile.engine.rules import ruleset
    from reconcile.extract.hits import BUILDERS
    if dim == "date":
        day = parse_iso_day(text)
        if day is not None:
            return {"date": {"start": day.isoformat(), "end": day.isoformat()}}
    rs = ruleset(lang)
    nt = normalise(text)
    whole = [m for m in find(rs, dim, nt.text) if m.start == 0 and m.end >= len(nt.text.rstrip())]
    if not whole:
        return None
    m = whole[0]
    try:
        v = BUILDERS[dim](rs.tokens(nt.text, m.start, m.end), rs, {"ref": None, "rule": m.rule.value})
    except (ValueError, OverflowError, KeyError, TypeError):
        return None
    if not isinstance(v, dict) or not v:
        return None
    if dim == "duration":
        return {"minutes": v["minutes"]} if v.get("minutes") else None
    if dim == "date":
        return {"date": {"start": v["start"], "end": v["end"]}} if v.get("start") else None
    return v
