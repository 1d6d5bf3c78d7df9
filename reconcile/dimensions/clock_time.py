"""Clock times with day parts and time zones, converted to UTC with zoneinfo for a given day."""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from reconcile.dimensions.numbers import token_number
from reconcile.engine.rules import RuleSet


def _lex(tok, name):
    for lex, value in tok[3]:
        if lex == name:
            return value
    return None


def parse_clock_time(tokens: list, rs: RuleSet) -> dict | None:
    """{"hour", "minute", "zone"}: the local reading as written; None if no hour was found."""
    hour = minute = None
    daypart = zone = None
    for tok in tokens:
        surface = tok[2]
        if hour is None and surface[:1].isdigit() and (":" in surface or "." in surface):
            h, m = surface.replace(".", ":").split(":")[:2]
            hour, minute = int(h), int(m)
            continue
        hw = _lex(tok, "hour_word")
        if hw is not None and hour is None:
            hour, minute = int(hw), 0
            continue
        mw = _lex(tok, "minute_word")
        if mw is not None and hour is not None:
            minute = int(mw)
            continue
        dp = _lex(tok, "daypart")
        if dp:
            daypart = dp
            continue
        z = _lex(tok, "timezone") or _lex(tok, "tz_city")
        if z:
            zone = z
            continue
        n = token_number(tok)
        if n is not None:
            if hour is None:
                hour, minute = int(n), 0
            elif minute == 0:
                minute = int(n)
    if hour is None or not (0 <= hour <= 24) or not (0 <= (minute or 0) < 60):
        return None
    if daypart in ("pm",) and hour < 12:
        hour += 12
    elif daypart == "am" and hour == 12:
        hour = 0
    elif daypart == "noon" and 1 <= hour <= 6:
        hour += 12
    elif daypart == "night" and 6 <= hour < 12:
        hour += 12
    return {"hour": hour % 24, "minute": minute or 0, "zone": zone}


def to_utc(local: dict, day: dt.date) -> dict:
    """The UTC interval of a local reading on ``day``.  An unknown zone spans every offset
    in use (UTC-12 to UTC+14), so it can never make a false conflict."""
    naive = dt.datetime.combine(day, dt.time(local["hour"], local["minute"]))
    zone = local.get("zone")
    if zone:
        try:
            moment = naive.replace(tzinfo=ZoneInfo(zone)).astimezone(dt.UTC)
        except (ZoneInfoNotFoundError, ValueError):
            zone = None
        else:
            s = moment.strftime("%Y-%m-%dT%H:%MZ")
            return {"start": s, "end": s}
    lo = (naive - dt.timedelta(hours=14)).strftime("%Y-%m-%dT%H:%MZ")
    hi = (naive + dt.timedelta(hours=12)).strftime("%Y-%m-%dT%H:%MZ")
    return {"start": lo, "end": hi}


def build(tokens: list, rs: RuleSet, ctx: dict) -> dict | None:
    local = parse_clock_time(tokens, rs)
    if local is None:
        return None
    day = ctx.get("date")
    out = dict(local)
    if day is not None:
        out["utc"] = to_utc(local, day)
    return out
