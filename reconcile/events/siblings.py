"""Other news of the same story on an undated page.  A page with no date of its own ("the
Elysee said on Friday that the call ...") has its main event dated only once it is placed
among the other articles' events.  The other events it reports as news alongside ("... the
office added that Macron also spoke with Lula", "وأضاف المكتب أن ... تحدث أيضا مع ...") say no day
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

from reconcile.dimensions.dates import partial_fits
from reconcile.events.dates import by_claims, clashes, narrow, resolve_constraints
from reconcile.events.days import Day, day_keys, days_between, width
from reconcile.events.zones import zone_tolerance
from reconcile.records import DocExtraction

if TYPE_CHECKING:
    from reconcile.events.grouper import DocEvent, EventCluster, EventGrouper

# days either side of the page's day an event reported alongside may be on are the time-zone
# slack of tolerances.yaml (the same moment is one day in Washington and the next in Beijing)


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
    compatible = grouper.compatible()
    slack = zone_tolerance()[0]
    emptied: set[int] = set()
    for ex in exs:
        if ex.ref is not None or not ex.mentions:
            continue
        page = pages.get((ex.doc.id, ex.lang), [])
        announced = {id(de) for de in page if _announced(ex, de)}
        day = _page_day([de for de in page if id(de) not in announced], home, slack)
        if day is None:
            continue
        for de in page:
            if id(de) in announced or not _news_left_undated(de, home):
                continue
            target = _day_event(grouper, de, _near(day, by_day, ex.doc.id, slack), compatible)
            if target is None:
                _date_to_page_day(de, home[id(de)], day)
                continue
            emptied.add(id(home[id(de)]))
            target.join(de)
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
    if all("weekday" in h.value and "month" not in h.value and partial_fits(h.value, lo)
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


def _page_day(told: list[DocEvent], home: dict[int, EventCluster], slack: int) -> Day | None:
    """The day the page's own news was placed on: that of every event it reports (not recalled;
    ``told`` holds no announced one) that joined an event dated to the day; None when none did,
    or when they are more than a time zone's day apart."""
    days = [d for de in told if not de.recalled
            and (d := home[id(de)].date) is not None and width(d) <= slack]
    if not days:
        return None
    lo, hi = min(d[0] for d in days), max(d[1] for d in days)
    return (lo, hi) if days_between(lo, hi) <= slack else None


def _news_left_undated(de: DocEvent, home: dict[int, EventCluster]) -> bool:
    """An event the page reports as news (not announced: the caller checks), with no day of its
    own and none found for it: alone in an event of its own (one other pages joined is theirs
    too, and stays as it is)."""
    alone = home[id(de)]
    return (de.date is None and not de.recalled and bool(de.persons or de.collectives)
            and alone.date is None and len(alone.members) == 1)


def _near(day: Day, by_day: dict[str, list[EventCluster]], doc: str, slack: int) -> list[EventCluster]:
    """The events dated to the page's day or a day either side, that hold none of the page's
    own events (those are other events, by the page's own account), in the order they were made.
    (``by_day`` files an event under every day it covers: each one found overlaps the span.)"""
    lo = (dt.date.fromisoformat(day[0]) - dt.timedelta(days=slack)).isoformat()
    hi = (dt.date.fromisoformat(day[1]) + dt.timedelta(days=slack)).isoformat()
    found = {id(c): c for key in day_keys((lo, hi)) for c in by_day.get(key, [])
             if all(m.doc != doc for m in c.members)}
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
    return fits[0] if fits and not clashes(de.claims, fits[0], compatible) else None
