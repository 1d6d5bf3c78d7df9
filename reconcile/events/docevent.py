"""The records of grouping within one article: an event as the article tells it
(``DocEvent``), what one mention of it says (``MentionSays``), and how a mention is added."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from reconcile.events.days import Day, overlap
from reconcile.records import DocExtraction, Hit, RawClaim, RawMention


@dataclass
class DocEvent:
    doc: str
    kind: str
    lang: str = ""
    persons: set[str] = field(default_factory=set)
    collectives: set[str] = field(default_factory=set)
    date: Day | None = None
    date_inferred: bool = False
    mediums: set[str] = field(default_factory=set)
    locations: set[str] = field(default_factory=set)
    mentions: list[int] = field(default_factory=list)
    claims: list[RawClaim] = field(default_factory=list)
    explicit_dates: list[Day] = field(default_factory=list)
    story_hit: Hit | None = None
    # partial dates of an undated page ("on Tuesday", "March 18"): (sentence, hit); they pick
    # the event it joins across documents and are resolved against that event's day
    constraints: list[tuple[int, Hit]] = field(default_factory=list)
    # ids of the hits in ``constraints``, and of those among them that pick the event but claim
    # no day (the day a statement about it was made): membership in constant time
    constraint_ids: set[int] = field(default_factory=set, repr=False)
    silent_ids: set[int] = field(default_factory=set, repr=False)
    recalled: bool = True          # every mention of it recalls an earlier one ("the last call")
    # undated, on a page that says the month it was written in: the days it may be on
    within: Day | None = None
    day_hint: dt.date | None = None  # its own day once a partial date is resolved
    # naming nobody: the people the article's other events name (whose contact it most likely
    # is); it never joins another article's event of none of them
    article_persons: set[str] = field(default_factory=set)
    # told as another contact the same day as this article's event ("earlier in the day, X
    # dialled Z"): never in one event with it, here or across articles
    apart_from: DocEvent | None = field(default=None, repr=False, compare=False)


@dataclass
class MentionSays:
    """What one event mention says about its event."""
    persons: set[str]
    collectives: set[str]
    date: Day | None
    mediums: set[str]
    locations: set[str]
    partial: Hit | None = None       # a partial date left for the grouping across documents
    from_year: Hit | None = None     # a partial date given its year by the article's other dates
    reported: bool = False           # its date is the day a statement about it was made


def add_mention(target: DocEvent, mi: int, m: RawMention, said: MentionSays) -> None:
    if said.date and said.reported:
        target.date = target.date or said.date
    elif said.date:
        target.explicit_dates.append(said.date)
        if target.date_inferred and (said.date[0] == said.date[1] or not overlap(target.date, said.date)):
            target.date, target.date_inferred = said.date, False
    target.kind = merge_kind(target.kind, m.kind)
    target.persons |= said.persons
    # "Anwar and Erdogan met in Ankara, when they co-chaired the meeting of the Malaysia-Türkiye
    # council": a meeting of two named people takes no new states or bodies from a later clause
    # that names none of its people
    foreign = said.collectives - target.collectives
    if not said.persons and not (len(target.persons) >= 2 and m.kind == "meeting" and foreign):
        target.collectives |= said.collectives
    target.mediums |= said.mediums
    target.locations |= said.locations
    target.mentions.append(mi)
    if not m.previous:
        target.recalled = False
    if said.partial is not None and id(said.partial) not in target.constraint_ids:
        target.constraints.append((m.sentence, said.partial))
        target.constraint_ids.add(id(said.partial))
        if any(h is said.partial for h in m.reported):
            target.silent_ids.add(id(said.partial))     # picks the event, claims no day



def kept_apart(target: DocEvent | None, m: RawMention, said: MentionSays) -> DocEvent | None:
    """A mention told as another contact the same day ("earlier in the day, Modi dialled X")
    is not an event of the article that has people it does not name: a call with a different
    partner is a different call."""
    if target is None or not m.apart or not said.persons or target.persons <= said.persons:
        return target
    return None


def apart_ok(de: DocEvent, members: list[DocEvent]) -> bool:
    """An article's event never joins the event its article tells it apart from."""
    return not any(x is de.apart_from or x.apart_from is de for x in members)


def merge_kind(a: str, b: str) -> str:
    if a == b:
        return a
    if "call" in (a, b):
        return "call"
    if "meeting" in (a, b):
        return "meeting"
    return "talks"


def place_undated_previous(ex: DocExtraction, events: list[DocEvent], by_mention: dict[int, DocEvent],
                           says: Callable[[RawMention], MentionSays],
                           parties_ok: Callable[[set, set, set, set], bool]) -> None:
    """The undated "last call"s the article's mentions left out, each put with the earlier
    contact its sentence dates (when there is one)."""
    for mi, m in enumerate(ex.mentions):
        if m.previous and not m.generic and mi not in by_mention:
            said = says(m)
            if said.date is None and (recalled := recalled_alongside(ex, events, m, said, parties_ok) or
                                      just_recalled(ex, events, mi, said, parties_ok)):
                add_mention(recalled, mi, m, said)
                by_mention[mi] = recalled


def recalled_alongside(ex: DocExtraction, events: list[DocEvent], m: RawMention, said: MentionSays,
                        parties_ok: Callable[[set, set, set, set], bool]) -> DocEvent | None:
    """"the first time they spoke since December 2022, which was the last known call": an
    undated "last call" is the earlier contact its own sentence dates, when there is one."""
    same = [e for e in events if e.recalled and e.date
            and any(ex.mentions[k].sentence == m.sentence for k in e.mentions)
            and parties_ok(e.persons, e.collectives, said.persons, said.collectives)]
    return same[0] if len(same) == 1 else None


def just_recalled(ex: DocExtraction, events: list[DocEvent], mi: int, said: MentionSays,
                  parties_ok: Callable[[set, set, set, set], bool]) -> DocEvent | None:
    """"It was their first call since March. He had spent two hours on the phone with him back
    then": an undated recalled contact told right after a dated one (the mention just before
    it, in its sentence or the one before) is that contact, when it is of its kind and people."""
    m = ex.mentions[mi]
    if mi == 0 or ex.mentions[mi - 1].sentence not in (m.sentence, m.sentence - 1):
        return None
    before = [e for e in events if mi - 1 in e.mentions and e.recalled and e.date]
    e = before[0] if before else None
    if e is None or not (e.kind == m.kind or "talks" in (e.kind, m.kind)):
        return None
    persons, collectives = e.persons, e.collectives
    if not (persons or collectives):
        # "their first call since March" names nobody: the people are those of the event it
        # is said of, in the same sentence
        said_of = [x for x in events if not x.recalled and
                   any(ex.mentions[k].sentence == ex.mentions[mi - 1].sentence for k in x.mentions)]
        persons, collectives = (said_of[0].persons, said_of[0].collectives) if said_of else (set(), set())
    return e if parties_ok(persons, collectives, said.persons, said.collectives) else None


def bound_undated(events: list[DocEvent], within: Day | None) -> None:
    """The days an article's undated events may be on: the month the page says it was written in."""
    for e in events:
        e.within = None if e.date else within


def name_unnamed(events: list[DocEvent]) -> None:
    """Give each event that names nobody the people the article's other events name."""
    named = {p for e in events for p in e.persons}
    for e in events:
        if not (e.persons or e.collectives):
            e.article_persons = named


def article_fits(de: DocEvent, members: list[DocEvent], persons: set[str], collectives: set[str],
                 lift: Callable[[str], str]) -> bool:
    """An event its article names nobody for ("a 25-minute call took place on June 9") is not
    another article's event between people none of whose states that article names (either
    way round: ``members`` are the other event's, ``persons`` and ``collectives`` its parties)."""
    mine = de.persons | de.collectives
    theirs = persons | collectives
    if mine and theirs:
        return True                     # both named: parties_ok judges
    mine = mine or de.article_persons
    theirs = theirs or {p for m in members for p in m.article_persons}
    return not (mine and theirs) or bool({lift(p) for p in mine} & {lift(p) for p in theirs})
