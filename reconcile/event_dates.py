"""Partial dates in event grouping: an undated page's "on Tuesday" or "March 18" picks the
event it joins and is resolved against that event's day; a year written elsewhere in the
article completes a day and month.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from reconcile.dimensions.dates import partial_fits, resolve_partial
from reconcile.records import DocExtraction, Hit, RawClaim

if TYPE_CHECKING:
    from reconcile.events import Day, DocEvent, EventCluster

_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def _days(d: Day, cap: int) -> list[dt.date]:
    lo, hi = dt.date.fromisoformat(d[0]), dt.date.fromisoformat(d[1])
    return [lo + dt.timedelta(days=i) for i in range(min((hi - lo).days, cap) + 1)]


def article_years(ex: DocExtraction) -> list[tuple[int, int]]:
    """(position, year) of every date the article writes with its year (four figures in it)."""
    return [(h.start, int(h.value["start"][:4])) for h in ex.hits["date"]
            if h.value and h.value.get("start") and not h.value.get("bound")
            and _YEAR.search(ex.nt.text, h.start, h.end)]


def claim_resolved(ex: DocExtraction, mi: int, sentence: int, h: Hit, day: Day | None) -> None:
    """A date claim for a partial date the article's own year completed (claims are extracted
    before grouping, which is where the year is found)."""
    if day is None or any(c.hit is h and c.fact == "date" for c in ex.claims):
        return
    ex.claims.append(RawClaim("date", h, {"date": {"start": day[0], "end": day[1]}}, sentence, mi,
                              _speaker_in(ex.claims, sentence), attached_by="clause"))


def _speaker_in(claims: list[RawClaim], sentence: int) -> str | None:
    return next((c.speaker for c in claims if c.sentence == sentence and c.speaker), None)


def media_clash(a: set[str], b: set[str]) -> bool:
    """A phone call is not a video call (either may also be called a conversation)."""
    return bool({"phone", "video"} & a and {"phone", "video"} & b and not a & b & {"phone", "video"})


def _fits(c: EventCluster, de: DocEvent) -> bool | None:
    """Whether a cluster's date fits every partial date of a document's event (None: undated)."""
    if c.date is None:
        return None
    days = _days(c.date, 31)
    return all(any(partial_fits(h.value, d) for d in days) for _, h in de.constraints)


def narrow(de: DocEvent, cands: list[EventCluster]) -> list[EventCluster]:
    """The events an imprecisely dated document event may still be: same medium, not a
    recalled one when it is the article's own event, and fitting its weekday or day-month;
    a dated event that fits beats an undated one."""
    cands = [c for c in cands if not media_clash(de.mediums, c.mediums)]
    if not de.recalled:
        cands = [c for c in cands if not all(m.recalled for m in c.members)]
    if not de.constraints:
        return cands
    checked = [(c, _fits(c, de)) for c in cands]
    fitting = [c for c, ok in checked if ok]
    return fitting or [c for c, ok in checked if ok is None]


def resolve_constraints(c: EventCluster) -> None:
    """Once grouped, a member's partial date names its day within the event's date: a claim."""
    if c.date is None:
        return
    lo, hi = dt.date.fromisoformat(c.date[0]), dt.date.fromisoformat(c.date[1])
    for de in c.members:
        for sentence, h in de.constraints:
            day = resolve_partial(h.value, lo, hi)
            if day is None or any(rc.hit is h for rc in de.claims):
                continue
            de.day_hint = de.day_hint or day
            de.claims.append(RawClaim("date", h, {"date": {"start": day.isoformat(), "end": day.isoformat()}},
                                      sentence, None, _speaker_in(de.claims, sentence), attached_by="event_date"))
