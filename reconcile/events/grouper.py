"""Group event mentions into events: first within a document (anaphora: "المكالمة" is the
call the article is telling), then across documents (same kind, overlapping day, compatible
parties).  Same people on different days are different events.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from reconcile.dimensions.dates import is_partial, parse_iso_day
from reconcile.events.claims import attach_claims
from reconcile.events.dates import (
    article_years,
    by_claims,
    claim_resolved,
    complete_partial,
    date_from_story,
    date_in_run,
    drop_statement_days,
    narrow,
    resolve_constraints,
    story_date,
    written_within,
)
from reconcile.events.days import Day, days_between, overlap, width
from reconcile.events.docevent import (
    DocEvent,
    MentionSays,
    add_mention,
    apart_ok,
    article_fits,
    bound_undated,
    kept_apart,
    merge_kind,
    name_unnamed,
    place_undated_previous,
)
from reconcile.events.index import ClusterIndex
from reconcile.events.series import listed_events
from reconcile.events.zones import zone_pairs
from reconcile.records import DocExtraction, Entity, RawMention
from reconcile.verdicts import Reconciler

_YEAR_REACH = 120      # characters: how far a written year completes a day and month
# days a statement may come after the event it reports ("spoke on Tuesday", "said on Friday")
_STATEMENT_LAG_DAYS = 7


@dataclass
class EventCluster:
    kind: str
    persons: set[str] = field(default_factory=set)
    collectives: set[str] = field(default_factory=set)
    members: list[DocEvent] = field(default_factory=list)
    id: str = ""
    key: str = ""
    seq: int = 0
    extra_claims: list = field(default_factory=list)   # (extraction, raw claim) moved here by a reviewer
    # dated a day apart by outlets in far-apart time zones: its date spans both days
    zone_slack: bool = False

    def join(self, de: DocEvent) -> None:
        """A document's event becomes one of this event's: its kind, parties and dates count."""
        self.kind = merge_kind(self.kind, de.kind)
        self.persons |= de.persons
        self.collectives |= de.collectives
        self.add(de)

    def add(self, de: DocEvent) -> None:
        """Add a document's event; the aggregates behind ``date`` are kept up to date here so
        that reading the date costs nothing however many articles the event has."""
        self.members.append(de)
        if not hasattr(self, "_singles"):
            self._singles: Counter[Day] = Counter()
            self._spans: list[Day] = []
            self._inferred: Counter[Day] = Counter()
            self._mediums: set[str] = set()
            self._locations: set[str] = set()
            self._docs: set[str] = set()
        if de.explicit_dates or de.recalled:
            self._docs.add(de.doc)
        for d in de.explicit_dates:
            if d[0] == d[1]:
                self._singles[d] += 1
            elif d not in self._spans:
                self._spans.append(d)
        if de.date_inferred and de.date:
            self._inferred[de.date] += 1
        self._mediums |= de.mediums
        self._locations |= de.locations
        self._date_cache = self._compute_date()

    def infer_day(self, de: DocEvent, day: Day) -> None:
        """A member's day found after grouping (an undated page's news on its page's day)."""
        de.date, de.date_inferred = day, True
        self._inferred[day] += 1
        self._date_cache = self._compute_date()

    @property
    def mediums(self) -> set[str]:
        return getattr(self, "_mediums", set())

    @property
    def locations(self) -> set[str]:
        return getattr(self, "_locations", set())

    def holds(self, doc: str) -> bool:
        """Whether one of its members is an event that article dates or recalls."""
        return doc in getattr(self, "_docs", ())

    @property
    def date(self) -> Day | None:
        return getattr(self, "_date_cache", None)

    def _compute_date(self) -> Day | None:
        if self._singles:
            top = max(self._singles.items(), key=lambda kv: (kv[1], kv[0]))[0]
            if self.zone_slack:
                near = [d[0] for d in self._singles if abs(days_between(top[0], d[0])) == 1] + [top[0]]
                return (min(near), max(near))
            return top
        spans = self._spans
        # the inferred day most members give, of those inside every span (first met on a tie)
        inferred = [(d, n) for d, n in self._inferred.items() if all(overlap(d, sp) for sp in spans)]
        if inferred:
            return max(inferred, key=lambda dn: dn[1])[0]
        if spans:
            lo = max(s[0] for s in spans)
            hi = min(s[1] for s in spans)
            return (lo, hi) if lo <= hi else min(spans, key=lambda s: (width(s), s))
        return None

    @property
    def documents(self) -> list[str]:
        return sorted({m.doc for m in self.members})






def _reported_event(cands: list[DocEvent], current: DocEvent | None, said_on: Day | None) -> DocEvent | None:
    """"the call ..., a spokeswoman said on Wednesday": the day of the statement is the last
    the event can have been on; an event the article has already met on or before it is that
    one (a statement day never opens an event of its own then)."""
    if not said_on or said_on[0] != said_on[1]:
        return None
    before = [e for e in cands if e.date and not e.recalled and e.date[1] <= said_on[0]
              and days_between(e.date[1], said_on[0]) <= _STATEMENT_LAG_DAYS]
    return (current if current in before else before[-1]) if before else None






def kinds_ok(ak: str, amed: set, bk: str, bmed: set) -> bool:
    if "talks" in (ak, bk) or ak == bk:
        return True
    meds = amed | bmed
    return "video" in meds and "in_person" not in meds      # a summit held by video


class EventGrouper:
    def __init__(self, entities: Mapping[str, Entity], run_days: Day | None = None):
        self.entities, self.run_days = entities, run_days     # run_days: the year of an undated page
        self._lifted: dict[str, str] = {}
        # party -> the events filed under it, each once (by id, in the order they were filed)
        self._party_index: dict[str, dict[int, EventCluster]] = {}
        self._reconciler: Any = None

    # ------------------------------------------------------------------ compatibility
    def lift(self, eid: str) -> str:
        """The state or organisation an entity stands for (Peskov -> Kremlin -> Russia)."""
        if (hit := self._lifted.get(eid)) is None:
            hit = self._lifted[eid] = self._lift(eid)
        return hit

    def _lift(self, eid: str) -> str:
        seen = set()
        while eid in self.entities and eid not in seen:
            seen.add(eid)
            ent = self.entities[eid]
            if ent.type in ("country",) or not ent.affiliation:
                return eid
            eid = ent.affiliation
        return eid

    def parties_ok(self, ap: set, ac: set, bp: set, bc: set, relaxed: bool = False) -> bool:
        if not (ap or ac) or not (bp or bc):
            return True                      # one side names nobody: nothing contradicts
        if ap and bp and not relaxed:
            return ap <= bp or bp <= ap
        la = {self.lift(x) for x in ap | ac}
        lb = {self.lift(x) for x in bp | bc}
        return bool(la & lb) and (la <= lb or lb <= la or relaxed)

    kinds_ok = staticmethod(kinds_ok)

    # ------------------------------------------------------------------ one document
    def in_document(self, ex: DocExtraction) -> list[DocEvent]:
        story, story_hit = story_date(ex)
        years = article_years(ex) if ex.ref is None else []
        events: list[DocEvent] = []
        current: DocEvent | None = None
        pair: set[str] | None = None
        by_mention: dict[int, DocEvent] = {}
        current_at: list[tuple[int, DocEvent]] = []
        for mi, m in enumerate(ex.mentions):
            if m.generic:
                events.extend(listed_events(ex, mi, m, self._what_mention_says(m, pair, years)))
                continue
            said = self._what_mention_says(m, pair, years)
            if said.date is None and m.previous and not said.locations:
                continue      # "the last call", undated: placed later if at all ("the talks in X" may be)
            target = kept_apart(self._mention_target(events, current, m, said), m, said)
            if target is None:
                # an undated event the article reports happened: the day the article is about;
                # an announced one without a date stays undated
                guess = None if (said.date or m.future or m.previous) else story
                target = DocEvent(ex.doc.id, m.kind, ex.lang, date=said.date or guess,
                                  date_inferred=(said.date is None and guess is not None) or said.reported,
                                  apart_from=current if m.apart else None,
                                  story_hit=story_hit if (guess and not said.date) else None)
                events.append(target)
            add_mention(target, mi, m, said)
            if said.from_year is not None:
                claim_resolved(ex, mi, m.sentence, said.from_year, said.date)
            by_mention[mi] = target
            if not m.previous:
                current = target
            current_at.append((m.sentence, target))
            if len(target.persons) == 2 and not m.apart:     # "the two leaders": the article's pair
                pair = set(target.persons)
        place_undated_previous(ex, events, by_mention, lambda m: self._what_mention_says(m, None, years),
                               self.parties_ok)
        bound_undated(events, written_within(ex, years, self.run_days, _YEAR_REACH) if ex.ref is None else None)
        attach_claims(ex, by_mention, current_at)
        drop_statement_days(ex, events)
        date_from_story(ex, events)
        name_unnamed(events)
        for e in events:
            # "met in person", "held by video": how it was held, however the article says it
            e.mediums |= {str(c.value["medium"]) for c in e.claims if c.fact == "medium" and c.value.get("medium")}
        return events

    def _what_mention_says(self, m: RawMention, pair: set[str] | None,
                           years: list[tuple[int, int]]) -> MentionSays:
        persons = {p for p in m.participants if self.entities[p].type == "person"}
        collectives = set(m.participants) - persons
        if m.dual and len(persons) < 2 and pair and (not persons or persons <= pair):
            persons, collectives = set(pair), set()
        date = next(((h.value["start"], h.value["end"]) for h in m.dates
                     if h.value and h.value.get("start")), None)
        # "on Friday (Mar 8)": the fullest of the partial dates written together
        partials = [] if date else [h for h in m.dates if is_partial(h.value)]
        partial = max(partials, key=lambda h: len(h.value)) if partials else None
        from_year = None
        if partial is not None and "month" in partial.value and years:
            # "March 18" on an undated page that writes "18 March 2025" or "2025" nearby
            day = complete_partial(partial, years, None, _YEAR_REACH)
            if day is not None:
                date, from_year, partial = (day.isoformat(), day.isoformat()), partial, None
        # "the Kremlin said on Wednesday that the call ...": the statement's day, a guess
        reported = bool(date) and any(h is r for h in m.dates[:1] for r in m.reported)
        return MentionSays(persons, collectives, date, {m.medium} if m.medium else set(),
                            {loc for loc, _, _ in m.locations}, partial, from_year, reported)

    def _mention_target(self, events: list[DocEvent], current: DocEvent | None, m: RawMention,
                        said: MentionSays) -> DocEvent | None:
        """The article's event a mention is about, if it is one already met."""
        date, locs = said.date, said.locations
        cands = [e for e in events if self.kinds_ok(e.kind, e.mediums, m.kind, said.mediums)
                 and self.parties_ok(e.persons, e.collectives, said.persons, said.collectives,
                                     relaxed=bool(date and date[0] == date[1] and e.date == date
                                                  and locs & e.locations))]
        if locs:        # "محادثات جنيف": the talks held there, if the article has them
            cands = [e for e in cands if e.locations & locs]
        if not date and not m.previous:
            # "the call" is the article's own event, not one it recalls ("the first since ...")
            cands = [e for e in cands if not e.recalled]
        if said.reported and (stated := _reported_event(cands, current, date)) is not None:
            return stated
        if date and date[0] == date[1]:
            # an event placed on the article's day only by guess (a headline, "the call")
            # takes the day the article then writes for it
            same = [e for e in cands if e.date == date or (e.date_inferred and (
                overlap(e.date, date) or (not e.explicit_dates and not m.future and not m.previous
                                           and kinds_ok(e.kind, set(), m.kind, set()) and self._same_sides(e, said))))]
            return same[-1] if same else None
        if date:
            inside = [e for e in cands if overlap(e.date, date)]
            return inside[0] if len(inside) == 1 else None
        if not said.persons and not said.collectives:
            # "المكالمة": the latest event of that kind in the article
            same_kind = [e for e in cands if e.kind == m.kind]
            return current if current in same_kind else (same_kind[-1] if same_kind else
                                                         (current if current in cands else None))
        return cands[-1] if cands else None

    def _same_sides(self, e: DocEvent, said: MentionSays) -> bool:
        """The same sides, however named ("Sisi and Erdogan", "the leaders of Egypt and Turkey")."""
        return {self.lift(x) for x in e.persons | e.collectives} == \
            {self.lift(x) for x in said.persons | said.collectives}

    # ------------------------------------------------------------------ across documents
    def across(self, doc_events: list[DocEvent]) -> list[EventCluster]:
        index = ClusterIndex()
        ordered = sorted(doc_events, key=_placing_order)
        merged = False
        for de in ordered:
            if not merged and _placing_order(de)[0] > 0:
                # the precisely dated are placed: one event dated a day apart across time
                # zones is made one before the imprecisely dated pick among the events
                self._merge_zones(index)
                merged = True
            # an event named by states alone may be one others name by its people
            keys = de.persons or self._keys(de.collectives)
            pick = self._best_cluster(de, [c for c in index.pool(de, self._party_index, keys | de.collectives)
                                           if apart_ok(de, c.members)])
            if pick is None and de.recalled and de.date is None:
                continue      # recalled and undated: it joins an event others report, or none
            if pick is None:
                date_in_run(de, self.run_days)      # an event of its own: dated in the run's year
                pick = index.new_cluster(EventCluster(de.kind))
            old_date = pick.date
            pick.join(de)
            for p in self._keys(de.persons | de.collectives):
                self._party_index.setdefault(p, {})[id(pick)] = pick
            index.reindex(pick, old_date, self._keys(pick.persons | pick.collectives))
        if not merged:
            self._merge_zones(index)
        for c in index.clusters:
            resolve_constraints(c)
        date_apart(index.clusters)
        return index.clusters        # numbered by the caller once a reviewer's regrouping is applied

    def _best_cluster(self, de: DocEvent, pool: list[EventCluster]) -> EventCluster | None:
        """The event a document's event joins: the one sharing most parties; an imprecisely
        dated one joins only when it fits a single event."""
        cands = []
        for c in pool:
            if not self.kinds_ok(c.kind, c.mediums, de.kind, de.mediums):
                continue
            cd = c.date
            if de.date and cd and not overlap(cd, de.date):
                continue
            same_day_place = bool(de.date and cd and de.date == cd and de.date[0] == de.date[1]
                                  and de.locations & c.locations)
            if not self.parties_ok(c.persons, c.collectives, de.persons, de.collectives, same_day_place) or \
                    not article_fits(de, c.members, c.persons, c.collectives, self.lift):
                continue
            shared = len((c.persons | c.collectives) & (de.persons | de.collectives))
            cands.append((shared, c.seq, c))
        precise = de.date and de.date[0] == de.date[1] and not de.date_inferred
        if cands and precise:
            return max(cands, key=lambda sc: (sc[0], -sc[1]))[2]
        fits = narrow(de, [c for _, _, c in cands])
        if len(fits) > 1 and _one_day(fits):
            # every event it fits is on one day: the day is settled, choose as for a dated event
            parties = de.persons | de.collectives
            return max(fits, key=lambda c: (len((c.persons | c.collectives) & parties),
                                            -len((c.persons | c.collectives) - parties), -c.seq))
        # several events fit its day: where it was held, or what it says of the event, may tell which
        return (_held_there(de, fits) or by_claims(de, fits, self.compatible())) if len(fits) > 1 else \
            (fits[0] if fits else None)

    def compatible(self) -> Callable[[dict, dict], bool]:
        """Whether two values of a fact agree, as a verdict would judge them."""
        if self._reconciler is None:
            self._reconciler = Reconciler(self.entities, self.lift)
        return self._reconciler.compatible

    def _keys(self, parties: set[str]) -> set[str]:
        """Its parties and the states they stand for ("the presidents of A and B" finds A's and B's leaders)."""
        return parties | {self.lift(p) for p in parties}

    def _merge_zones(self, index: ClusterIndex) -> None:
        for keep, gone in zone_pairs(self, index.clusters):
            old_date = keep.date
            keep.zone_slack = True
            self.merge(keep, gone)
            index.remove(gone)
            for filed in self._party_index.values():
                filed.pop(id(gone), None)
            index.reindex(keep, old_date, self._keys(keep.persons | keep.collectives))

    def merge(self, keep: EventCluster, gone: EventCluster) -> None:
        """A reviewer says two events are one."""
        for de in gone.members:
            keep.add(de)
        keep.persons |= gone.persons
        keep.collectives |= gone.collectives
        keep.kind = merge_kind(keep.kind, gone.kind)
        keep.extra_claims.extend(gone.extra_claims)
        gone.members, gone.extra_claims = [], []

    def report_kind(self, c: EventCluster) -> str:
        if c.kind == "call" or (c.mediums & {"phone", "video"} and "in_person" not in c.mediums):
            return "call"
        return "meeting"

    def participants(self, c: EventCluster) -> list[str]:
        """Calls are between people; talks are between the parties named as such, if any."""
        kind = self.report_kind(c)
        ids = c.persons if (kind == "call" and c.persons) or not c.collectives else c.collectives
        return sorted(ids, key=lambda x: self.entities[x].name)


def _held_there(de: DocEvent, fits: list[EventCluster]) -> EventCluster | None:
    """"the talks in Istanbul": of the events a document's event fits, the one held there."""
    placed = [c for c in fits if c.locations & de.locations] if de.locations else []
    return placed[0] if len(placed) == 1 else None


def number_events(clusters: list[EventCluster], entities: Mapping[str, Entity]) -> list[EventCluster]:
    """Drop events with nothing claimed, order them by day and name them E1, E2, ..."""
    clusters = [c for c in clusters if any(m.claims for m in c.members) or c.extra_claims]
    clusters.sort(key=lambda c: (c.date or ("9999", "9999"), c.kind,
                                 sorted(entities[p].name for p in c.persons | c.collectives)))
    for i, c in enumerate(clusters, 1):
        c.id = f"E{i}"
        basis = f"{c.kind}|{c.date}|{sorted(c.persons)}|{sorted(c.collectives)}"
        c.key = hashlib.sha1(basis.encode()).hexdigest()[:12]
    return clusters


def _one_day(clusters: list[EventCluster]) -> bool:
    days = {c.date for c in clusters}
    day = days.pop() if len(days) == 1 else None
    return day is not None and day[0] == day[1]


def _placing_order(d: DocEvent) -> tuple[int, int, str, str]:
    """Precisely dated events are placed first, then spans by width, then the undated."""
    if d.date is None:
        return (2, 0, "", d.doc)
    return (0 if d.date[0] == d.date[1] and not d.date_inferred else 1, width(d.date), d.date[0], d.doc)


def event_day(c: EventCluster) -> dt.date | None:
    d = c.date
    return parse_iso_day(d[0]) if d and d[0] == d[1] else None


def date_apart(clusters: list[EventCluster]) -> None:
    """"وكانت ميلوني قد أجرت صباح اليوم نفسه اتصالا مع Y": an undated contact told as another
    the same day as its article's event is on that event's day, once the day is known."""
    home = {id(de): c for c in clusters for de in c.members}
    for c in clusters:
        if c.date is not None:
            continue
        for de in c.members:
            main = home.get(id(de.apart_from)) if de.apart_from is not None else None
            if main is not None and main.date is not None and main.date[0] == main.date[1]:
                c.infer_day(de, main.date)
                break
