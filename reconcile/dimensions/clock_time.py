"""Clock times with day parts and time zones, converted to UTC with zoneinfo for a given day."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from reconcile.dimensions.numbers import token_number, token_value
from reconcile.engine.rules import RuleSet


@dataclass
class _Reading:
    """A clock reading as its tokens are read, left to right."""
    hour: int | None = None
    minute: int | None = None
    daypart: str | None = None
    zone: str | None = None
    with_minutes: bool = False     # "17:00": written on a 24-hour clock
    last_end: int = -2
    hedge: str | None = None
    offset: int | None = None        # minutes before or after the hour ("a quarter to nine")
    relation: int = 0                # +1 past the hour, -1 to it
    local: bool = False              # "local time": the zone of wherever the article is from
    choices: list[str] | None = None  # "IST": one of several regions' zones, the dateline's or none
    less: bool = False               # "الخامسة إلا ربعا": the minutes are counted back from the hour

    def take(self, tok) -> None:
        surface = tok[2]
        touching = tok[0] == self.last_end                         # "9h05": one word
        glued, self.last_end = tok[0] - self.last_end == 1, tok[1]   # "8,33": minutes after a comma
        if self.hour is None and surface[:1].isdigit() and (":" in surface or "." in surface):
            h, m = surface.replace(".", ":").split(":")[:2]
            self.hour, self.minute, self.with_minutes = int(h), int(m), True
            return
        if self.hour is None and surface.isdigit() and len(surface) == 4:
            self.hour, self.minute, self.with_minutes = int(surface[:2]), int(surface[2:]), True   # "1435 GMT"
            return
        if self._take_offset(tok):
            return
        hw = token_value(tok, "hour_word")
        if hw is not None and self.hour is None:
            self.hour, self.minute = int(hw), 0
            return
        if token_value(tok, "clock_less") is not None and self.hour is not None:
            self.less = True
            return
        mw = token_value(tok, "minute_word")
        if mw is not None and self.hour is not None:
            # "14h35", "9h05": a 24-hour style; "السابعة والنصف" is a 12-hour one
            self.minute, self.with_minutes = int(mw), self.with_minutes or touching
            return
        dp = token_value(tok, "daypart")
        if dp:
            self.daypart = dp
            return
        z = token_value(tok, "timezone") or token_value(tok, "tz_city")
        if z:
            self.zone = z
            return
        choices = token_value(tok, "ambiguous_zone")
        if choices:
            self.choices = [str(c) for c in choices]
            return
        hedge = token_value(tok, "clock_hedge")
        if hedge:
            self.hedge = hedge
            return
        if token_value(tok, "local_zone"):
            self.local = True
            return
        self._take_number(tok, glued)

    def _take_offset(self, tok) -> bool:
        """"half past two", "a quarter to nine", "ten past six": minutes counted from an hour."""
        part = token_value(tok, "clock_fraction")
        if part is not None and self.hour is None:
            self.offset = int(part)
            return True
        rel = token_value(tok, "clock_relation")
        if rel is None or self.relation:
            return False
        if self.offset is None and self.hour is not None:
            self.offset, self.hour, self.minute = self.hour, None, None    # "ten" in "ten past six"
        self.relation = int(rel)
        return True

    def settle(self) -> None:
        """Count the minutes of "a quarter to nine" back from the hour."""
        if self.less and self.hour is not None and self.minute:
            self.hour, self.minute, self.less = (self.hour - 1) % 24, 60 - self.minute, False
        if not self.relation or self.hour is None or self.offset is None:
            return
        if self.relation > 0:
            self.minute = self.offset
        else:
            self.hour, self.minute = (self.hour - 1) % 24, 60 - self.offset

    def _take_number(self, tok, glued: bool) -> None:
        n = token_number(tok)
        if n is None:
            return
        if self.hour is None:
            self.hour, self.minute = int(n), 0
        elif self.minute == 0:
            self.minute, self.with_minutes = int(n), glued


def _on_24h_clock(hour: int, daypart: str | None) -> int:
    """The hour a day part means: "3 pm" is 15, "12 am" is 0, "2 noon" (ظهرا) is 14."""
    if daypart in ("pm",) and hour < 12:
        return hour + 12
    if daypart == "am" and hour == 12:
        return 0
    if daypart == "noon" and 1 <= hour <= 6:
        return hour + 12
    if daypart == "night" and 6 <= hour < 12:
        return hour + 12
    return hour


def parse_clock_time(tokens: list, rs: RuleSet) -> dict | None:
    """{"hour", "minute", "zone"}, and "daypart" (whether the reading says which half of the
    day it is) and "hedge" when given: the local reading as written; None if no hour was found."""
    r = _Reading()
    for tok in tokens:
        r.take(tok)
    r.settle()
    if r.relation and r.offset is None:
        return None
    if r.hour is None or not (0 <= r.hour <= 24) or not (0 <= (r.minute or 0) < 60):
        return None
    out: dict[str, Any] = {"hour": _on_24h_clock(r.hour, r.daypart) % 24, "minute": r.minute or 0, "zone": r.zone,
           "daypart": r.daypart is not None or r.hour == 0 or r.hour > 12}
    if r.daypart is None and not r.with_minutes and 1 <= r.hour <= 11 and \
            rs.setting("clock_time", "bare_hour_is_twelve_hour", False):
        out["twelve_hour"] = True    # "at five": morning or evening, the text does not say
    if r.hedge:
        out["hedge"] = r.hedge
    if r.local and r.zone is None:
        out["local_zone"] = True
    if r.choices and r.zone is None:
        out["zone_choices"] = r.choices
    return out


def to_utc(local: dict, day: dt.date) -> dict:
    """The UTC interval of a local reading on ``day``.  An unknown zone spans every offset
    in use (UTC-12 to UTC+14), so it can never make a false conflict.  A hedged reading
    ("shortly before 8 p.m.") spans the minutes its ``widen`` gives (clock_time.yaml)."""
    widen = local.get("widen") or (0, 0)
    start, end = _utc_span(local["hour"], local["minute"], local.get("zone"), bool(local.get("twelve_hour")),
                           widen[0], widen[1], day)
    return {"start": start, "end": end}


@lru_cache(maxsize=4096)     # a corpus gives the same few readings on the same few days again and again
def _utc_span(hour: int, minute: int, zone: str | None, twelve_hour: bool, before_minutes: int,
              after_minutes: int, day: dt.date) -> tuple[str, str]:
    naive = dt.datetime.combine(day, dt.time(hour, minute))
    # an hour that may be read on either half of the day spans both readings
    later = dt.timedelta(hours=12 if twelve_hour else 0)
    before, after = dt.timedelta(minutes=before_minutes), dt.timedelta(minutes=after_minutes)
    if zone:
        try:
            moment = naive.replace(tzinfo=_zone(zone)).astimezone(dt.UTC)
        except (ZoneInfoNotFoundError, ValueError):
            pass
        else:
            return (moment + before).strftime("%Y-%m-%dT%H:%MZ"), (moment + after + later).strftime("%Y-%m-%dT%H:%MZ")
    lo = (naive - dt.timedelta(hours=14)).strftime("%Y-%m-%dT%H:%MZ")
    hi = (naive + dt.timedelta(hours=12) + later).strftime("%Y-%m-%dT%H:%MZ")
    return lo, hi


@lru_cache(maxsize=1024)
def _zone(name: str) -> ZoneInfo:
    # ZoneInfo keeps only the last few zones alive: a corpus naming many would read their
    # files again and again
    return ZoneInfo(name)


def hedge_widen(rs: RuleSet, hedge: str | None) -> list[int] | None:
    """[minutes before, minutes after] a hedged reading may lie ("around": both ways)."""
    if not hedge:
        return None
    spec = (rs.setting("clock_time", "widen", {}) or {}).get(hedge)
    return [int(spec[0]), int(spec[1])] if spec else None


def build(tokens: list, rs: RuleSet, ctx: dict) -> dict | None:
    local = parse_clock_time(tokens, rs)
    if local is None:
        return None
    widen = hedge_widen(rs, local.get("hedge"))
    if widen:
        local["widen"] = widen
    day = ctx.get("date")
    out = dict(local)
    if day is not None:
        out["utc"] = to_utc(local, day)
    return out
