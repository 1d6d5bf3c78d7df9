"""Partial dates in event grouping: an undated page's "on Tuesday" or "March 18" picks the
event it joins and is resolved against that event's day; a year written elsewhere in the
article completes a day and month.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from reconcile.dimensions.clock_time import to_utc
from reconcile.dimensions.dates import partial_fits, resolve_partial, year_for
from reconcile.events.days import Day, days_of, overlap, single_day, width
from reconcile.records import DocExtraction, Hit, RawClaim

if TYPE_CHECKING:
    from reconcile.events.grouper import DocEvent, EventCluster

_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
# how far before the first and after the last publication day of a run's dated articles a day
# and month written without a year on an undated page is still read in the run's year: an
# undated page of the run was most likely written among the others, about days near them
_RUN_SLACK = dt.timedelta(days=62)
# a run spread over more years than this says nothing about an undated page's year
_RUN_YEARS_MAX = 3
# an event an undated page leaves undated, in the month it was written: it may come a little
# after that month ends ("the leaders will speak next week")
_AFTER_MONTH = dt.timedelta(days=7)


def publication_span(exs: list[DocExtraction]) -> Day | None:
    """The first and last publication day of the run's dated articles."""
    refs = [ex.ref for ex in exs if ex.ref is not None]
    return (min(refs).isoformat(), max(refs).isoformat()) if refs else None


def year_in_run(v: dict, run: Day | None) -> dt.date | None:
    """A day and month an undated page writes without a year, in the one year that puts it
    among the run's publication days (give or take ``_RUN_SLACK``) and on its weekday if one
    is written; None when no year or more than one does."""
    if run is None or "month" not in v:
        return None
    lo = dt.date.fromisoformat(run[0]) - _RUN_SLACK
    hi = dt.date.fromisoformat(run[1]) + _RUN_SLACK
    if hi.year - lo.year > _RUN_YEARS_MAX:
        return None
    fits = []
    for y in range(lo.year, hi.year + 1):
        try:
            d = dt.date(y, v["month"], v["day"])
        except ValueError:
            continue
        if lo <= d <= hi and ("weekday" not in v or d.weekday() == v["weekday"]):
            fits.append(d)
    return fits[0] if len(fits) == 1 else None


def complete_partial(h: Hit, years: list[tuple[int, int]], run: Day | None,
                     reach: int) -> dt.date | None:
    """The day of a day and month written without a year on an undated page: in a year the
    article writes close by ("March 18" near "2025"; a distant one often dates a recalled
    event), else in the run's year (``year_in_run``)."""
    near = [py for py in years if abs(py[0] - h.start) <= reach]
    if near:
        return year_for(h.value, min(near, key=lambda py: abs(py[0] - h.start))[1])
    return year_in_run(h.value, run)


def date_in_run(de: DocEvent, run: Day | None) -> None:
    """An undated page's event that joins no other, with a day and month written for it
    ("on Sunday, March 23"): on that day of the run's year (``year_in_run``), when one year
    fits them all.  Only then: a year borrowed from the run never decides which event it is."""
    if de.date is not None or de.recalled:
        return
    days = {year_in_run(h.value, run) for _, h in de.constraints
            if "month" in h.value and id(h) not in de.silent_ids}
    day = days.pop() if len(days) == 1 else None
    if day is not None:
        de.date = (day.isoformat(), day.isoformat())
        de.explicit_dates.append(de.date)


def written_within(ex: DocExtraction, years: list[tuple[int, int]], run: Day | None,
                   reach: int) -> Day | None:
    """The days an undated page's undated events may be on: the month it says it was written
    in ("7 June of this month"), and a week after; None when it does not say, or says two."""
    months = set()
    for h in ex.hits["date"]:
        if h.value and h.value.get("current_month") and (day := complete_partial(h, years, run, reach)):
            months.add((day.year, day.month))
    if len(months) != 1:
        return None
    y, m = months.pop()
    first = dt.date(y, m, 1)
    last = dt.date(y, m, calendar.monthrange(y, m)[1]) + _AFTER_MONTH
    return first.isoformat(), last.isoformat()


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
    """A phone call is not a video call, and a summit held by video is not one held face to
    face (either may also be called a conversation or a meeting)."""
    return bool(_MEDIA & a and _MEDIA & b and not a & b & _MEDIA)


_MEDIA = frozenset({"phone", "video", "in_person"})


def _fits(c: EventCluster, de: DocEvent) -> bool | None:
    """Whether a cluster's date fits every partial date of a document's event (None: undated)."""
    if c.date is None:
        return None
    days = days_of(c.date, 31)
    # a day and month written says more than a weekday elsewhere in the article (which may
    # be the day a statement was made)
    full = [h for _, h in de.constraints if "month" in h.value]
    # the day a statement was made ("the Kremlin said on Thursday") need not be the event's
    # when the article names the event's own day too
    own = [h for _, h in de.constraints if id(h) not in de.silent_ids]
    return all(any(partial_fits(h.value, d) for d in days)
               for h in full or own or [h for _, h in de.constraints])


def narrow(de: DocEvent, cands: list[EventCluster]) -> list[EventCluster]:
    """The events an imprecisely dated document event may still be: same medium, not a
    recalled one when it is the article's own event, and fitting its weekday or day-month;
    a dated event that fits beats an undated one."""
    # an event the article itself dates or recalls apart from this one ("the last call was on
    # 3 May") is another event, whatever the other outlets add to it
    cands = [c for c in cands if not media_clash(de.mediums, c.mediums)
             and not (de.date is None and c.holds(de.doc))]
    if not de.recalled:
        cands = [c for c in cands if not all(m.recalled for m in c.members)]
    if de.persons and de.date is None:
        # undated, "X's call with his adviser" is not the event of X alone others report
        cands = [c for c in cands if not c.persons or de.persons <= c.persons]
    if de.date is None and de.within is not None:
        # undated on a page that says the month it was written in: an event of that month
        inside = [c for c in cands if c.date and overlap(c.date, de.within)]
        cands = inside or [c for c in cands if c.date is None]
    if not de.constraints:
        return cands
    checked = [(c, _fits(c, de)) for c in cands]
    fitting = [c for c, ok in checked if ok] or _fit_most(de, cands)
    # a weekday fits some day of any month: an event dated to the day (or two, across time
    # zones) that fits says more than a month-long span that does
    exact = [c for c in fitting if c.date and width(c.date) <= 1]
    return exact or fitting or [c for c, ok in checked if ok is None]


def _fit_most(de: DocEvent, cands: list[EventCluster]) -> list[EventCluster]:
    """Two weekdays for one event ("said on Thursday", "spoke on Wednesday") cannot both be
    its day: one is a statement's.  The events dated to the day that fit the most of them."""
    weekdays = {h.value["weekday"] for _, h in de.constraints if set(h.value) == {"weekday"}}
    if len(weekdays) < 2:
        return []
    scored = []
    for c in cands:
        if c.date and width(c.date) <= 1:
            days = days_of(c.date, 1)
            scored.append((sum(any(partial_fits({"weekday": w}, d) for d in days) for w in weekdays), c))
    best = max((n for n, _ in scored), default=0)
    return [c for n, c in scored if n == best] if best else []


# the facts whose values tell two events of the same people apart (every call is by phone)
_TELLING_FACTS = ("duration", "initiator")
# clock readings tell them apart too, once read on a candidate event's day: "began at 10 a.m.
# ET" is one moment on that day, which the event's own start either is or is not
_CLOCK_FACTS = ("start_time", "scheduled_time", "end_time")


def by_claims(de: DocEvent, cands: list[EventCluster],
              compatible: Callable[[dict, dict], bool]) -> EventCluster | None:
    """The one event among several an imprecisely dated article's event agrees with: what it
    says of the length, who called or when it began matches what others say of that event
    (within the tolerances of a verdict) and clashes with none of it, on more facts than for
    any other.  None when that does not single one out."""
    mine = _values(de.claims, _TELLING_FACTS)
    clocks = [rc for rc in de.claims if rc.fact in _CLOCK_FACTS and _zoned(rc)]
    if not mine and not clocks:
        return None
    agreeing = []
    for c in cands:
        claims = [rc for m in c.members for rc in m.claims]
        ours, theirs = dict(mine), _values(claims, tuple(mine))
        day = single_day(c.date)
        if clocks and day is not None:
            ours.update(_clock_values(clocks, day))
            theirs.update(_clock_values([rc for rc in claims if rc.fact in ours and _zoned(rc)], day))
        agree = clash = 0
        for f, vs in ours.items():
            if f not in theirs:
                continue
            pairs = [compatible(v, w) for v in vs for w in theirs[f]]
            agree += any(pairs)
            clash += not all(pairs)
        if agree and not clash:
            agreeing.append((agree, c))
    best = max((n for n, _ in agreeing), default=0)
    top = [c for n, c in agreeing if n == best]
    return top[0] if len(top) == 1 else None


def clashes(mine: list[RawClaim], c: EventCluster, compatible: Callable[[dict, dict], bool]) -> bool:
    """Whether a value an article gives for a telling fact (length, who called) disagrees with
    one the event's articles give: then it tells of another event, not of this one."""
    ours = _values(mine, _TELLING_FACTS)
    theirs = _values([rc for m in c.members for rc in m.claims], tuple(ours))
    return any(not compatible(v, w) for f, vs in ours.items() for v in vs for w in theirs.get(f, []))


def _values(claims: list[RawClaim], facts: tuple[str, ...]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for rc in claims:
        if rc.fact in facts and rc.value and rc.local_time is None:
            out.setdefault(rc.fact, []).append(rc.value)
    return out


def _zoned(rc: RawClaim) -> bool:
    """A clock reading whose zone is known: one without spans every offset and agrees with
    anything, so it tells nothing."""
    return bool(rc.local_time and rc.local_time.get("zone"))


def _clock_values(claims: list[RawClaim], day: dt.date) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for rc in claims:
        if rc.local_time is not None:
            out.setdefault(rc.fact, []).append({"utc": to_utc(rc.local_time, day)})
    return out




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
            if "month" not in h.value or id(h) in de.silent_ids:
                continue          # a weekday alone, or the day of a statement, claims no date
            de.claims.append(RawClaim("date", h, {"date": {"start": day.isoformat(), "end": day.isoformat()}},
                                      sentence, None, _speaker_in(de.claims, sentence), attached_by="event_date"))


def drop_statement_days(ex: DocExtraction, events: list[DocEvent]) -> None:
    """An event the article dates itself ("the two leaders spoke on Tuesday") is not dated by
    the day a statement about it was made ("the Kremlin said on Wednesday that the call ...")."""
    reported = {id(h) for m in ex.mentions for h in m.reported}
    if not reported:
        return
    for e in events:
        if e.explicit_dates:
            e.claims = [c for c in e.claims if not (c.fact == "date" and id(c.hit) in reported)]


def date_from_story(ex: DocExtraction, events: list[DocEvent]) -> None:
    """An event dated only by the day the article is about claims that day, read from its lead."""
    for e in events:
        if e.date_inferred and e.date is not None and e.story_hit is not None and \
                not any(c.fact == "date" for c in e.claims):
            h = e.story_hit
            e.claims.append(RawClaim("date", h, {"date": {"start": e.date[0], "end": e.date[1]}},
                                     _sentence_of(ex, h.start), None, None, None, True, attached_by="lead"))


def _sentence_of(ex: DocExtraction, pos: int) -> int:
    return next((i for i, (s, e) in enumerate(ex.sentences) if s <= pos < e), 0)


def story_date(ex: DocExtraction) -> tuple[Day | None, Hit | None]:
    """The day the article reports on: its first dated day near publication, else the
    publication date itself."""
    ref = ex.ref
    if ref is None:
        return None, None
    for h in sorted(ex.hits["date"], key=lambda h: h.start):
        v = h.value or {}
        if v.get("start") and v["start"] == v.get("end") and not v.get("bound"):
            d = dt.date.fromisoformat(v["start"])
            if ref - dt.timedelta(days=7) <= d <= ref + dt.timedelta(days=1):
                return (v["start"], v["end"]), h
    return (ref.isoformat(), ref.isoformat()), None
