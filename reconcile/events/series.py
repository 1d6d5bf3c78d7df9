"""A series of contacts listed with its days ("the two have spoken twice this year, on 3 May
and 9 June"; "تحادثا مرتين، في 3 أيار و9 حزيران"): one past event per day listed, each with the
series' parties and medium, where a count alone names no one event."""
from __future__ import annotations

from reconcile.dimensions.dates import is_partial
from reconcile.engine.normalise import fold
from reconcile.engine.rules import ruleset
from reconcile.events.docevent import DocEvent, MentionSays
from reconcile.records import DocExtraction, Hit, RawClaim, RawMention


def listed_events(ex: DocExtraction, mi: int, m: RawMention, said: MentionSays) -> list[DocEvent]:
    """One recalled event per day of a list after a series' event word, in its sentence; none
    unless two days or more are listed, joined only by commas and "and", and not as the ends of
    a stretch ("between 3 and 9 May")."""
    days = _listed_days(ex, m)
    if len(days) < 2:
        return []
    medium_hits = [h for h in ex.hits["medium"] if m.scope[0] <= h.start < m.scope[1]]
    out: list[DocEvent] = []
    for h in days:
        de = DocEvent(ex.doc.id, m.kind, ex.lang, set(said.persons), set(said.collectives),
                      mediums=set(said.mediums), mentions=[mi])
        if is_partial(h.value):
            de.constraints.append((m.sentence, h))
            de.constraint_ids.add(id(h))
        else:
            de.date = (h.value["start"], h.value["end"])
            de.explicit_dates.append(de.date)
            de.claims.append(RawClaim("date", h, {"date": {"start": de.date[0], "end": de.date[1]}},
                                      m.sentence, None, None, attached_by="clause"))
        if medium_hits and said.mediums and not out:      # one claim per span: the first day's
            de.claims.append(RawClaim("medium", medium_hits[0], {"medium": sorted(said.mediums)[0]},
                                      m.sentence, None, None, attached_by="clause"))
        out.append(de)
    return out


def _listed_days(ex: DocExtraction, m: RawMention) -> list[Hit]:
    rs = ruleset(ex.lang)
    joiners, openers = rs.lexicons.get("list_joiner"), rs.lexicons.get("range_opener")
    if joiners is None or openers is None:
        return []
    t = ex.nt.text
    start, end = m.trigger[1], ex.sentences[m.sentence][1]
    days: list[Hit] = []
    for h in sorted((h for h in ex.hits["date"] if start <= h.start < end), key=lambda h: h.start):
        if not _one_day(h.value):
            if days:
                break
            continue
        if days and fold(t[days[-1].end:h.start]).strip(" ,،") not in ("", *joiners.entries):
            break
        if not days and _word_before(t, start, h.start) in openers.entries:
            return []
        days.append(h)
    return days


def _one_day(v: dict | None) -> bool:
    """A day: a date of one day, or a day and month with no year (an undated page)."""
    if not v:
        return False
    if v.get("start"):
        return v["start"] == v.get("end") and not v.get("bound")
    return is_partial(v) and "month" in v


def _word_before(t: str, lo: int, at: int) -> str:
    words = t[lo:at].split()
    return fold(words[-1]) if words else ""
