"""Other news of the same story on an undated page.  A page with no date of its own ("the
Kremlin said on Wednesday that the call ...") has its main event dated only once it is placed
among the other articles' events.  The other events it reports as news alongside ("... also
said Zelensky held a call with Trump", "كما أكدت الرئاسة أن ... أجرى اتصالا مع ...") say no day
of their own; when several events of the run fit one of them (the same two people spoke on
several days) it joined none.  Those are taken to be on the day the page's main events were
placed on (a day either side for time zones) when choosing among the events they fit: only an
event dated to that day, the one there, and only when what the page says of it clashes with
nothing said there.  A recalled event ("their last call") or an announced one ("will speak")
says nothing of the page's day and is left alone.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from reconcile.dimensions.dates import resolve_partial
from reconcile.events.dates import by_claims, narrow, resolve_constraints
from reconcile.events.days import Day, day_keys, days_between, overlap, width
from reconcile.events.docevent import merge_kind
from reconcile.records import DocExtraction, RawClaim
from reconcile.verdicts import Reconciler

if TYPE_CHECKING:
    from reconcile.events.grouper import DocEvent, EventCluster, EventGrouper

# days either side of the page's day an event reported alongside may be on (time zones: the
# same moment is one day in Washington and the next in Beijing)
_ZONE_DAYS = 1
# the facts whose values tell two events of the same people apart: an event reported alongside
# joins no event whose outlets say otherwise (a different event, not a conflict)
_TELLING_FACTS = ("duration", "initiator")


def place_on_page_day(grouper: EventGrouper, clusters: list[EventCluster],
                      exs: Iterable[DocExtraction]) -> list[EventCluster]:
    """The events of the run, with the undated news of undated pages moved to the event of
    their page's day that they fit (when one does); emptied events are dropped."""
    home = {id(de): c for c in clusters for de in c.members}
    pages: dict[tuple[str, str], list[DocEvent]] = {}
    for c in clusters:
        for de in c.members:
            pages.setdefault((de.doc, de.lang), []).append(de)
    by_day = _precise_by_day(clusters)
    compatible = Reconciler(grouper.entities, grouper.lift).compatible
    emptied: set[int] = set()
    for ex in exs:
        if ex.ref is not None or not ex.mentions:
            continue
        page = pages.get((ex.doc.id, ex.lang), [])
        day = _page_day(ex, page, home)
        if day is None:
            continue
        for de in page:
            if not _news_left_undated(ex, de, home):
                continue
            target = _day_event(grouper, de, _near(day, by_day, ex.doc.id), compatible)
            if target is None:
                _date_to_page_day(de, home[id(de)], day)
                continue
            emptied.add(id(home[id(de)]))
            target.add(de)
            target.kind = merge_kind(target.kind, de.kind)
            target.persons |= de.persons
            target.collectives |= de.collectives
            home[id(de)] = target
            resolve_constraints(target)
    return [c for c in clusters if id(c) not in emptied]


def _date_to_page_day(de: DocEvent, alone: EventCluster, day: Day) -> None:
    """News of the page that joined no other event, told on the weekday the page's own news
    was placed on ("صباح اليوم نفسه", "on Monday" again): that day.  Only a page placed on one
    day, and only when every weekday it writes fits that day."""
    if day[0] != day[1] or not de.constraints:
        return
    lo = dt.date.fromisoformat(day[0])
    if all("weekday" in h.value and "month" not in h.value and resolve_partial(h.value, lo, lo) == lo
           for _s, h in de.constraints):
        alone.infer_day(de, day)
        resolve_constraints(alone)


def _precise_by_day(clusters: list[EventCluster]) -> dict[str, list[EventCluster]]:
    """The events dated to a day (or two across time zones), by each day they cover."""
    out: dict[str, list[EventCluster]] = {}
    for c in clusters:
        if c.date is not None and width(c.date) <= 1:
            for key in day_keys(c.date):
                out.setdefault(key, []).append(c)
    return out


def _announced(ex: DocExtraction, de: DocEvent) -> bool:
    """An event the page announces ("they will speak on ..."): not news of the page's day."""
    return any(ex.mentions[mi].future for mi in de.mentions if mi < len(ex.mentions))


def _page_day(ex: DocExtraction, page: list[DocEvent], home: dict[int, EventCluster]) -> Day | None:
    """The day the page's own news was placed on: that of every event it reports (not recalled,
    not announced) that joined an event dated to the day; None when none did, or when they
    are more than a time zone's day apart."""
    days = [d for de in page if not de.recalled and not _announced(ex, de)
            and (d := home[id(de)].date) is not None and width(d) <= _ZONE_DAYS]
    if not days:
        return None
    lo, hi = min(d[0] for d in days), max(d[1] for d in days)
    return (lo, hi) if days_between(lo, hi) <= _ZONE_DAYS else None


def _news_left_undated(ex: DocExtraction, de: DocEvent, home: dict[int, EventCluster]) -> bool:
    """An event the page reports as news, with no day of its own and none found for it: alone
    in an event of its own (one other pages joined is theirs too, and stays as it is)."""
    alone = home[id(de)]
    return (de.date is None and not de.recalled and bool(de.persons or de.collectives)
            and alone.date is None and len(alone.members) == 1 and not _announced(ex, de))


def _near(day: Day, by_day: dict[str, list[EventCluster]], doc: str) -> list[EventCluster]:
    """The events dated to the page's day or a day either side, that hold none of the page's
    own events (those are other events, by the page's own account), in the order they were made."""
    lo = (dt.date.fromisoformat(day[0]) - dt.timedelta(days=_ZONE_DAYS)).isoformat()
    hi = (dt.date.fromisoformat(day[1]) + dt.timedelta(days=_ZONE_DAYS)).isoformat()
    found = {id(c): c for key in day_keys((lo, hi)) for c in by_day.get(key, [])
             if overlap(c.date, (lo, hi)) and all(m.doc != doc for m in c.members)}
    return sorted(found.values(), key=lambda c: c.seq)


def _day_event(grouper: EventGrouper, de: DocEvent, near: list[EventCluster],
               compatible: Callable[[dict, dict], bool]) -> EventCluster | None:
    """The one event near the page's day a reported event fits (kind, parties, medium, any
    weekday it writes), and whose claims none of its own contradict; None if none or several."""
    cands = [c for c in near if grouper.kinds_ok(c.kind, c.mediums, de.kind, de.mediums)
             and grouper.parties_ok(c.persons, c.collectives, de.persons, de.collectives)]
    fits = narrow(de, cands)
    if len(fits) > 1:
        return by_claims(de, fits, compatible)
    return fits[0] if fits and not _clashes(de.claims, fits[0], compatible) else None


def _clashes(mine: list[RawClaim], c: EventCluster, compatible: Callable[[dict, dict], bool]) -> bool:
    """Whether a value the page gives for a telling fact disagrees with one given there."""
    theirs = [rc for m in c.members for rc in m.claims if rc.fact in _TELLING_FACTS and rc.value]
    return any(a.fact == b.fact and a.local_time is None and b.local_time is None
               and not compatible(a.value, b.value)
               for a in mine if a.fact in _TELLING_FACTS and a.value for b in theirs)
