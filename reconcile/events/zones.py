"""Time-zone day slack: one call is "Monday evening" in Washington and "Tuesday morning" in
Beijing.  Two outlets may then date it a day apart, and the grouping must not make two events
of it.  How far apart the parties' clocks are comes from CLDR (the zones of each party's
country), never from a list of places; how far apart they must be to allow a day's slack is in
``rules/tolerances.yaml`` (``date.zone_hours``).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from functools import cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from reconcile.events.dates import media_clash
from reconcile.verdicts import tolerances

if TYPE_CHECKING:
    from reconcile.events.grouper import EventCluster, EventGrouper


def zone_tolerance() -> tuple[int, float]:
    """(days of slack, hours the parties' clocks must lie apart for it) from tolerances.yaml."""
    tol = tolerances()
    return tol.zone_slack_days, tol.zone_hours


@cache
def _territory_codes() -> dict[str, str]:
    """Folded English CLDR country name -> ISO code ("united states" -> "US")."""
    from babel import Locale
    return {name.lower(): code for code, name in Locale("en").territories.items()
            if len(code) == 2 and code.isalpha()}


@cache
def _zones(code: str) -> tuple[str, ...]:
    from babel.core import get_global
    return tuple(get_global("territory_zones").get(code, ()))


@cache
def offsets(country_name: str, day: dt.date) -> tuple[float, float] | None:
    """The smallest and largest UTC offset (hours) in a country on a day; None if unknown."""
    code = _territory_codes().get(country_name.lower())
    if code is None:
        return None
    hours = []
    noon = dt.datetime(day.year, day.month, day.day, 12)
    for z in _zones(code):
        try:
            off = noon.replace(tzinfo=ZoneInfo(z)).utcoffset()
        except (ZoneInfoNotFoundError, ValueError):
            continue
        if off is not None:
            hours.append(off.total_seconds() / 3600)
    return (min(hours), max(hours)) if hours else None


def hours_apart(countries: Iterable[str], day: dt.date) -> float:
    """How far apart the clocks of the parties' countries surely are: the largest, over two
    countries, of the smallest gap between their ranges of offsets (0 when unknown)."""
    ranges = [r for r in (offsets(c, day) for c in set(countries)) if r is not None]
    best = 0.0
    for i, a in enumerate(ranges):
        for b in ranges[i + 1:]:
            best = max(best, b[0] - a[1], a[0] - b[1])
    return best


def day_apart_by_zones(persons: set[str], country_of: Callable[[str], str | None], day: dt.date) -> bool:
    """Whether the parties' clocks lie far enough apart that one moment often falls on two
    different local days for them."""
    slack, hours = zone_tolerance()
    if slack < 1:
        return False
    names = [n for n in (country_of(p) for p in persons) if n]
    return hours_apart(names, day) >= hours


def zone_pairs(grouper: EventGrouper, clusters: list[EventCluster]) -> list[tuple[EventCluster, EventCluster]]:
    """Events of the same people dated a day apart by different outlets, when their clocks
    lie far apart ("Monday evening" in one capital is "Tuesday morning" in the other): each
    pair is one event.  Only when each has that one neighbour and no other event of those
    people is dated either day."""
    by_key: dict[tuple[frozenset[str], str], list[EventCluster]] = {}
    for c in clusters:
        cd = c.date
        if cd and cd[0] == cd[1] and len(c.persons) >= 2:
            by_key.setdefault((frozenset(c.persons), cd[0]), []).append(c)
    pairs: list[tuple[EventCluster, EventCluster]] = []
    taken: set[int] = set()
    for (persons, day), here in sorted(by_key.items(), key=lambda kv: kv[0][1]):
        nxt = (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()
        there = by_key.get((persons, nxt), [])
        if len(here) != 1 or len(there) != 1 or id(here[0]) in taken:
            continue
        a, b = here[0], there[0]
        far = day_apart_by_zones(set(persons), lambda eid: _country_of(grouper, eid), dt.date.fromisoformat(day))
        same_kind = grouper.kinds_ok(a.kind, a.mediums, b.kind, b.mediums) and not media_clash(a.mediums, b.mediums)
        if not (far and same_kind):
            continue
        pairs.append((a, b))
        taken.add(id(b))
    return pairs


def _country_of(grouper: EventGrouper, eid: str) -> str | None:
    """The name of the country a party speaks for, if it is one."""
    ent = grouper.entities.get(grouper.lift(eid))
    return ent.name if ent is not None and ent.type == "country" else None
