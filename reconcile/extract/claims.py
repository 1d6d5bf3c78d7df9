"""Claims from rule hits: durations, clock times, the date, medium and place of each event
mention, and who asked for it; each with the mention it is about and its speaker."""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from operator import attrgetter

from reconcile.entities.registry import EntityRegistry
from reconcile.extract import clocks
from reconcile.extract.attribution import Speakers, speaker_at
from reconcile.extract.context import LanguageContext
from reconcile.extract.hits import medium_value
from reconcile.extract.parties import pronoun_subject
from reconcile.extract.positions import Starts, hit_start, speech_verbs
from reconcile.records import (
    DocExtraction,
    Document,
    EntityMention,
    EventMentions,
    Hit,
    Marker,
    RawClaim,
    RawMention,
    Segment,
)


def claim_id(doc: Document, span: tuple[int, int], fact: str) -> str:
    """Stable across runs and corpus growth: the document's content hash, the span, the fact."""
    h = hashlib.sha1(f"{doc.sha256}:{span[0]}:{span[1]}:{fact}".encode()).hexdigest()[:10]
    return f"c-{h}"


class _Claims:
    """The claims of one document as they are found: where each position's clause and event
    mention are, and who is speaking there."""

    def __init__(self, ex: DocExtraction, ctx: LanguageContext, segments: list[Segment], found: EventMentions,
                 speakers: Speakers):
        self.ex, self.ctx, self.segments, self.found, self.speakers = ex, ctx, segments, found, speakers
        self.seg_starts = list(map(attrgetter("start"), segments))
        self.speech = speech_verbs(ex.hits)     # for pronoun subjects: one index per article
        self.out: list[RawClaim] = []

    def segment_at(self, pos: int) -> Segment | None:
        i = bisect_right(self.seg_starts, pos) - 1
        return self.segments[i] if i >= 0 and self.segments[i].start <= pos < self.segments[i].end else None

    def mention_for(self, pos: int) -> tuple[int | None, int | None]:
        """(mention index or None, sentence index) of a position; (None, None) outside every clause."""
        i = bisect_right(self.seg_starts, pos) - 1
        if not (i >= 0 and self.segments[i].start <= pos < self.segments[i].end):
            return None, None
        anchor = self.segments[i].anchor
        return (self.found.by_segment.get(anchor) if anchor is not None else None), self.segments[i].sentence

    def counted(self, mi: int | None) -> bool:
        """The mention counts several contacts ("have spoken twice"): nothing it says is about one."""
        return mi is not None and self.found.mentions[mi].generic

    def add(self, fact: str, h: Hit, value: dict, mi: int | None, si: int, hedge: str | None = None,
            local: dict | None = None) -> None:
        self.out.append(RawClaim(fact, h, value, si, mi, speaker_at(self.ctx, self.speakers, si, h.start),
                                 hedge, False, local))


def claims(ex: DocExtraction, ctx: LanguageContext, gaz: EntityRegistry, segments: list[Segment], found: EventMentions,
           markers: dict[str, list[Marker]], speakers: Speakers) -> list[RawClaim]:
    c = _Claims(ex, ctx, segments, found, speakers)
    _durations(c, markers)
    _clock_times(c, markers)
    _event_facts(c)
    _initiators(c, gaz)
    return c.out


def _durations(c: _Claims, markers: dict[str, list[Marker]]) -> None:
    """A duration is a claim after a duration cue ("استمر", "lasted") or before an event word."""
    ex, w = c.ex, c.ctx.windows
    cue_at = Starts(markers["duration_cue"])
    progress_at = Starts(markers["progress_marker"])
    forecast_at = Starts(markers.get("forecast_cue", []))
    event_at = Starts(ex.hits["event"], key=hit_start)
    window = c.ctx.duration_cue_window
    durations = sorted((h for h in ex.hits["duration"] if h.value), key=hit_start)
    for k, h in enumerate(durations):
        # a rule may settle it: its pattern holds the cue, or it measures a pause or a truce
        claim = h.rule_value.get("claim")
        if claim == "never":
            continue
        mi, si = c.mention_for(h.start)
        if si is None or c.counted(mi):
            continue
        lo = max(ex.sentences[si][0], h.start - window, durations[k - 1].end if k else 0)
        # a cue ending in [lo, h.start]; cues are short, so look at those starting a little
        # earlier.  A cue governs the first duration after it only ("lasted three hours with
        # a 15-minute break")
        cue_before = any(lo <= ce <= h.start for cs, ce, _ in cue_at.between(lo - w.duration_cue_length, h.start + 1))
        if any(lo <= ce <= h.start for cs, ce, _ in forecast_at.between(lo - w.duration_cue_length, h.start + 1)):
            continue          # "was expected to last three hours": a forecast, not the length
        event_after = _event_after(c, event_at, h)
        adjective = c.ctx.duration_adjective
        if not event_after and adjective and adjective.search(ex.nt.text, h.start, h.end) \
                and _word_follows(ex.nt.text, h.end):
            continue          # "a 30-day halt", "a 15-minute break": the length of something else
        if progress_at.any_between(*ex.sentences[si]):
            continue          # "have been talking for over an hour": not the call's length
        if cue_before or event_after or claim == "always" or (mi is not None and _row_cell(c, h)):
            c.add("duration", h, {"minutes": h.value["minutes"]}, mi, si, h.value.get("hedge"))


def _row_cell(c: _Claims, h: Hit) -> bool:
    """A duration that is a whole cell of a list row or factbox line ("Nov. 16 - by video -
    about 3 hours", "March 4, 2022: summit, 90 minutes"): the clause holds nothing else but a
    bracketed note, it is not the first of its line, and the line has no full stop."""
    seg = c.segment_at(h.start)
    if seg is None:
        return False
    t = c.ex.nt.text
    line_start, line_end = t.rfind("\n", 0, h.start) + 1, t.find("\n", h.end)
    line = t[line_start:line_end if line_end >= 0 else len(t)].strip()
    if seg.start <= line_start or seg.start <= c.ex.sentences[seg.sentence][0] or line.endswith("."):
        return False
    rest = (t[seg.start:h.start] + " " + _NOTE.sub(" ", t[h.end:seg.end])).strip(_CELL_MARKS)
    return not rest


# a bracketed note after a cell ("about 2 hours (night in Moscow)") and the marks between cells
_NOTE = re.compile(r"\([^()\n]*\)")
_CELL_MARKS = " \t-:,;|"


def _event_after(c: _Claims, event_at: Starts[Hit], h: Hit) -> bool:
    """An event word right after a duration, or after a linking word ("three hours of talks",
    "a four-hour long meeting")."""
    t, limit = c.ex.nt.text, c.ctx.windows.event_after_duration
    for ev in event_at.between(h.end, h.end + limit + c.ctx.duration_link_length + 1):
        gap = t[h.end:ev.start].strip(" -")
        if ev.start - h.end < limit or c.ctx.rs.lex_value("duration_link", gap) is not None:
            return True
    return False


def _word_follows(t: str, end: int) -> bool:
    nxt = t[end:end + 2]
    return len(nxt) == 2 and nxt[0] == " " and nxt[1].isalpha()


def _clock_times(c: _Claims, markers: dict[str, list[Marker]]) -> None:
    """Clock times, with the role a word before gives them ("began at", "ended at"); the
    second reading of "from X to Y" ends what the first starts."""
    ex = c.ex
    zone_in_sentence: dict[int, str] = {}
    roles = Starts(markers["time_role"])
    progress = Starts(markers["progress_marker"])
    readings = clocks.arrange(ex, c.ctx)
    range_fact: str | None = None
    for k, h in enumerate(readings.hits):
        mi, si = c.mention_for(h.start)
        if si is None or k in readings.skip or c.counted(mi):
            continue
        before = [(s, v) for s, e, v in roles.between(ex.sentences[si][0], h.start)]
        if not before and (mi is None or progress.any_between(*ex.sentences[si])):
            # a bare clock reading (a page's print time) is no claim, nor the moment a line
            # says the event was still going on ("At half past nine they had been talking ...")
            continue
        if k in readings.noted and not any(s >= readings.noted[k] for s, _ in before):
            continue          # "(late evening in Tokyo)": when it was there, not when it began
        fact = _role(ex.nt.text, before)
        if fact is None and mi is not None:
            fact = "scheduled_time" if c.found.mentions[mi].future else "start_time"
        if k in readings.range_end:
            if range_fact != "start_time":
                continue      # a scheduled stretch's end is no fact of its own
            fact = "end_time"
        range_fact = fact or "start_time"
        carried = _carried_zone(ex, h, si, zone_in_sentence)
        c.add(range_fact, h, {}, mi, si, h.value.get("hedge"), _local_time(h, si, zone_in_sentence,
                                                                          carried or readings.dateline))
    _ends_later(c, roles)


def _role(t: str, before: list[tuple[int, str]]) -> str | None:
    """The role the last role word before a reading gives it; a start word right after a
    schedule word ("was scheduled to begin at", "كان من المقرر أن تبدأ") is what was planned."""
    if not before:
        return None
    fact = before[-1][1]
    if fact == "start_time" and len(before) > 1 and before[-2][1] == "scheduled_time" and \
            len(t[before[-2][0]:before[-1][0]].split()) <= _SCHEDULED_START_WORDS:
        return "scheduled_time"
    return fact


# words from a schedule word to the start word it governs ("من المقرر أن تبدأ": three)
_SCHEDULED_START_WORDS = 4


def _carried_zone(ex: DocExtraction, h: Hit, si: int, zone_in_sentence: dict[int, str]) -> str | None:
    """The zone a reading named in the sentence before, in the same paragraph ("was to begin
    at 7.30 p.m. Riyadh time ... It ended at 10 p.m."): the story keeps telling its clock."""
    zone = zone_in_sentence.get(si - 1)
    if zone is None or si == 0 or "\n" in ex.nt.text[ex.sentences[si - 1][0]:h.start]:
        return None
    return zone


def _local_time(h: Hit, si: int, zone_in_sentence: dict[int, str], dateline: str | None) -> dict:
    local = {k: h.value[k] for k in ("hour", "minute", "zone", "twelve_hour") if k in h.value}
    if h.value.get("widen"):
        local["widen"] = h.value["widen"]
    if local["zone"] is None and (h.value.get("zone_choices") or zone_in_sentence.get(si) == ""):
        # "IST" away from India, Israel or Ireland: a zone named, none known, for the sentence
        zone_in_sentence.setdefault(si, "")
        return local
    if local["zone"] is None and zone_in_sentence.get(si):
        # "began at 3:35 p.m. EST and ended at 4:25 p.m.": the zone named once holds
        local["zone"] = zone_in_sentence[si]
    elif local["zone"]:
        zone_in_sentence[si] = local["zone"]
    if local["zone"] is None and dateline:
        local["zone"] = dateline       # a reading under "WASHINGTON -" is Washington's time
    return local


def _ends_later(c: _Claims, roles: Starts[Marker]) -> None:
    """"began at 9:10 and ended 40 minutes later": the end is the start moved on by the
    duration, which is also the event's length."""
    t, ex = c.ex.nt.text, c.ex
    starts = [rc for rc in c.out if rc.fact == "start_time" and rc.local_time]
    claimed = {rc.hit.start for rc in c.out if rc.fact == "duration"}
    for h in ex.hits["duration"]:
        v = h.value or {}
        if not v or v["minutes"]["min"] != v["minutes"]["max"] or h.start in claimed:
            continue
        after = t[h.end:h.end + 16].split()[:1]
        if not after or c.ctx.rs.lex_value("later_marker", after[0].strip(",.;")) is None:
            continue
        near = roles.between(h.start - c.ctx.windows.duration_cue_length, h.start)
        if not near or near[-1][2] != "end_time" or t[near[-1][1]:h.start].strip():
            continue
        start = next((rc for rc in reversed(starts) if rc.hit.end <= h.start and rc.sentence == _sentence(c, h)), None)
        end = clocks.add_minutes(start.local_time, v["minutes"]["min"]) if start and start.local_time else None
        if start is None or end is None:
            continue
        c.add("end_time", h, {}, start.mention, start.sentence, None, end)
        c.add("duration", h, {"minutes": v["minutes"]}, start.mention, start.sentence)


def _sentence(c: _Claims, h: Hit) -> int | None:
    return c.mention_for(h.start)[1]


def _event_facts(c: _Claims) -> None:
    medium_at = Starts(c.ex.hits["medium"], key=hit_start)
    first = len(c.out)
    for m_i, m in enumerate(c.found.mentions):
        if not m.generic:
            _mention_facts(c, m_i, m, medium_at)
    # one plural's words made a claim for each of its events ("calls with A and B on Monday")
    count = Counter((rc.fact, rc.hit.start, rc.hit.end) for rc in c.out[first:])
    for rc in c.out[first:]:
        rc.shared = count[(rc.fact, rc.hit.start, rc.hit.end)] > 1
    _same_kind_media(c)


def _same_kind_media(c: _Claims) -> None:
    """"the last call of this kind", "آخر اتصال من هذا النوع": an event named as one of the kind
    the article tells was held as the article's own event was (the medium its latest earlier
    mention gives, when one does)."""
    marker = _same_kind_regex(c.ctx)
    if marker is None:
        return
    t, mentions = c.ex.nt.text, c.found.mentions
    for m_i, m in enumerate(mentions):
        found = marker.match(t, m.trigger[1], min(len(t), m.trigger[1] + _SAME_KIND_REACH))
        if found is None or m.generic or m.medium or any(rc.mention == m_i and rc.fact == "medium" for rc in c.out):
            continue
        held = next((x.medium for x in reversed(mentions[:m_i]) if x.medium and not x.previous and not x.generic),
                    None)
        if held:
            h = Hit("medium", found.start("words"), found.end("words"), "medium: an event of the kind told")
            c.add("medium", h, {"medium": held}, m_i, m.sentence)


_SAME_KIND_REACH = 40      # characters from an event word to the end of "of this kind" after it

def _same_kind_regex(ctx: LanguageContext) -> re.Pattern[str] | None:
    if _same_kind_regex not in ctx.memo:
        lx = ctx.rs.lexicons.get("same_kind")
        ctx.memo[_same_kind_regex] = re.compile(rf"\s+(?P<words>(?:{lx.alternation}))(?!\w)") if lx else None
    return ctx.memo[_same_kind_regex]


def _mention_facts(c: _Claims, m_i: int, m: RawMention, medium_at: Starts[Hit]) -> None:
    """The date, media and places of one event mention."""
    _dates(c, m_i, m)
    for h in medium_at.between(*m.scope):
        v = medium_value(c.ctx.rs, c.ex.nt.text, h)
        if v and not _alternative(c, h):
            c.add("medium", h, {"medium": v}, m_i, m.sentence)
    for eid, es, ee in m.locations:
        c.add("location", Hit("location", es, ee, "location"), {"entity": eid}, m_i, m.sentence)
    if m.kind != "meeting" or m.medium is not None or m.generic:
        return
    if m.locations:
        # "met in Geneva", "the summit in Bali": a meeting held in a named place was held in person
        _eid, es, ee = m.locations[0]
        c.add("medium", Hit("medium", es, ee, "medium: a meeting in a named place"), {"medium": "in_person"},
              m_i, m.sentence)
    elif c.ctx.rs.lex_value("in_person_verb", c.ex.nt.text[m.trigger[0]:m.trigger[1]]) is not None:
        # "the two leaders last met", "استقبل الرئيس ضيفه": a meeting verb no medium word
        # qualifies says the two sat in one room
        # (implied: an article that names the medium of this event outright overrules it)
        verb = Hit("medium", m.trigger[0], m.trigger[1], "medium: a meeting verb", rule_value={"implied": True})
        c.add("medium", verb, {"medium": "in_person"}, m_i, m.sentence)


def _alternative(c: _Claims, h: Hit) -> bool:
    """A medium offered as one of two ("either by phone or video") says nothing of the event."""
    t = c.ex.nt.text
    before = t[max(0, h.start - 12):h.start].split()
    after = t[h.end:h.end + 12].split()
    return any(c.ctx.rs.lex_value("medium_alternative", w.strip(",")) is not None
               for w in before[-1:] + after[:1])


def _dates(c: _Claims, m_i: int, m: RawMention) -> None:
    # the event's day is the first date of its clause; another day in the same stretch
    # that does not fit it dates something else ("بعد لقاء جرى في ...")
    chosen = next((h.value for h in m.dates if h.value and "start" in h.value), None)
    if chosen is None:
        return
    for h in m.dates:
        v = h.value
        if v and "start" in v and v["start"] <= chosen["end"] and chosen["start"] <= v["end"]:
            c.add("date", h, {"date": {"start": v["start"], "end": v["end"]}}, m_i, m.sentence)


def _initiators(c: _Claims, gaz: EntityRegistry) -> None:
    ex = c.ex
    for h in ex.hits["initiator"]:
        mi, si = c.mention_for(h.start)
        if si is None:
            continue
        if (h.value or {}).get("entity_side", "after") == "before":
            target = _initiator_before(c, gaz, h, ex.sentences[si][0]) or _pronoun_initiator(c, gaz, h, si)
        else:
            target = _initiator_after(c, gaz, h, ex.sentences[si][1])
        if target:
            eid, es, ee = target
            span_hit = Hit("initiator", min(h.start, es), max(ee, h.end), h.rule)
            c.add("initiator", span_hit, {"entity": eid}, mi, si)


def _initiator_before(c: _Claims, gaz: EntityRegistry, cue: Hit, limit: int) -> tuple[str, int, int] | None:
    """The entity right before an initiator cue ("at Putin's request"), within the sentence."""
    near = c.ctx.windows.initiator_before
    found = _first_initiator(gaz, reversed(c.ex.entities_in(limit, cue.start)), lambda es, ee: cue.start - ee > near)
    if found is not None and gaz.entities[found[0]].type == "country":
        # "King Abdullah II of Jordan, who had asked for the call": the holder named before his
        # country, when only "of" stands between them
        t, lo = c.ex.nt.text, max(limit, found[1] - _HOLDER_REACH)
        before = [(eid, es, ee) for es, ee, eid, _how in c.ex.entities_in(lo, found[1])
                  if gaz.entities[eid].type == "person"]
        if before and c.ctx.rs.lex_value("holder_country_link", t[before[-1][2]:found[1]].strip()) is not None:
            return before[-1]
    return found


def _pronoun_initiator(c: _Claims, gaz: EntityRegistry, cue: Hit, si: int) -> tuple[str, int, int] | None:
    """"Scholz said he was phoning Macron": the pronoun before the verb stands for the speaker."""
    who = pronoun_subject(c.ex, c.ctx, gaz, c.speakers, c.speech, c.ex.sentences[si][0], cue.start, si)
    return (who, cue.start, cue.end) if who is not None else None


def _initiator_after(c: _Claims, gaz: EntityRegistry, cue: Hit, limit: int) -> tuple[str, int, int] | None:
    """The first entity after an initiator cue ("بطلب من موسكو"), within the sentence."""
    last = min(limit, cue.end + c.ctx.windows.initiator_after)
    found = _first_initiator(gaz, c.ex.entities_in(cue.end, len(c.ex.nt.text)), lambda es, ee: es > last)
    if found is not None and any(how == "adjective" for _s, _e, _i, how in c.ex.entities_in(found[1], found[2])):
        # "من رئيس الوزراء الماليزي أنور إبراهيم": a nationality in the title, then its holder
        after = c.ex.entities_in(found[2], min(limit, found[2] + _HOLDER_REACH))
        holder = next(((eid, es, ee) for es, ee, eid, _how in after if gaz.entities[eid].type == "person"), None)
        if holder is not None and not c.ex.nt.text[found[2]:holder[1]].strip():
            return holder
    return found


_HOLDER_REACH = 40      # characters from a title's nationality to the name of the one holding it


def _first_initiator(gaz: EntityRegistry, candidates: Iterable[EntityMention],
                     too_far: Callable[[int, int], bool]) -> tuple[str, int, int] | None:
    for es, ee, eid, _how in candidates:
        if too_far(es, ee):
            return None
        ref = _initiator_ref(gaz, es, ee, eid)
        if ref:
            return ref
    return None


def _initiator_ref(gaz: EntityRegistry, es: int, ee: int, eid: str) -> tuple[str, int, int] | None:
    """An agency reporting the request is not the one asking.  A capital stays the place the
    article names ("initiated by Ankara"): verdicts compare it with its state."""
    if gaz.entities[eid].type == "media":
        return None
    return eid, es, ee
