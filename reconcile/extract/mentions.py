"""Event mentions: what each clause with an event word says happened, between whom, when,
where and by what medium."""
from __future__ import annotations

import re

from reconcile.dimensions import dates
from reconcile.engine.rules import fold_pattern
from reconcile.entities.registry import EntityRegistry
from reconcile.extract.attribution import COLLECTIVE, Speakers
from reconcile.extract.context import LanguageContext
from reconcile.extract.hits import medium_value, trigger_value
from reconcile.extract.locations import locations
from reconcile.extract.mention_index import MentionIndex, mention_index
from reconcile.extract.parties import distribute, pronoun_subject
from reconcile.extract.positions import hit_start
from reconcile.extract.recalled_time import apart, back_then
from reconcile.extract.sentences import sentence_at
from reconcile.records import DocExtraction, EventMentions, Hit, Marker, RawMention, Segment, Span


def event_mentions(ex: DocExtraction, ctx: LanguageContext, gaz: EntityRegistry, segments: list[Segment],
                   markers: dict[str, list[Marker]], speakers: Speakers) -> EventMentions:
    """One mention per segment that anchors an event (its clause has an event word)."""
    idx = mention_index(ex, segments, markers, speakers)
    mentions: list[RawMention] = []
    by_segment: dict[int, int] = {}
    for gi, sg in enumerate(segments):
        if sg.anchor != gi:
            continue
        m = _mention(ex, ctx, gaz, idx, sg, idx.by_anchor[gi])
        if m is not None:
            m.previous = m.previous or back_then(ex, ctx, idx.then, mentions[-1] if mentions else None, m)
            by_segment[gi] = len(mentions)
            mentions.append(m)
            mentions.extend(_previous_since(ex, ctx, gaz, idx, m))
            mentions.extend(distribute(ex, ctx, gaz, m))
    _retense(mentions, ex, idx)
    for h in _since_dates(ex, ctx, idx, ex.hits["date"]) + _since_clause_dates(ex, ctx, idx, ex.hits["date"]):
        if h.value and "start" in h.value:
            h.value["bound"] = "after"      # a lower bound: completes no year, dates no story
    _same_day(mentions)
    apart(ex, markers, mentions)
    return EventMentions(mentions, by_segment)


def _same_day(mentions: list[RawMention]) -> None:
    """"the same day", "اليوم نفسه": the day of the event the text has just dated."""
    last = None
    for m in mentions:
        for h in m.dates:
            if h.value and "refers" in h.value:
                h.value = dict(last) if last else None
        # a day, not a month, and of an event that happened ("invited him to visit next month")
        own = next((h.value for h in m.dates if h.value and not m.previous and not m.future
                    and h.value.get("start", "") == h.value.get("end", "")), None)
        last = own or last


def _since_dates(ex: DocExtraction, ctx: LanguageContext, idx: MentionIndex, dts: list[Hit],
                 reach: int = 0) -> list[Hit]:
    """The dates right after "since"/"منذ" (or up to ``reach`` words after it: "since Trump's
    Jan. 20 inauguration"): a lower bound of the event, never its day."""
    # every mention, its recalled contacts and the article's pass ask about the same dates:
    # each is read once (the answer depends on the text before it only)
    since = _marker_regexes(ctx)[2 if reach else 0]
    t = ex.nt.text
    memo = idx.after_since
    out = []
    for h in dts:
        key = (h.start, h.end, reach)
        found = memo.get(key)
        if found is None:
            found = memo[key] = bool(since.search(t, max(0, h.start - 16 - 20 * reach), h.start) or
                                     since.match(t[h.start:h.end]))
        if found:
            out.append(h)
    return out


def _since_clause_dates(ex: DocExtraction, ctx: LanguageContext, idx: MentionIndex, dts: list[Hit]) -> list[Hit]:
    return [h for h, _ in _since_clauses(ex, ctx, idx, dts)]


def _since_clauses(ex: DocExtraction, ctx: LanguageContext, idx: MentionIndex, dts: list[Hit]) -> list[tuple[Hit, int]]:
    """"the first call between them since Putin phoned Biden shortly before the invasion in
    February 2022": a "since" that opens a clause (no date right after it) behind a "first"
    word tells the earlier contact; every date from it to the end of the sentence is that
    contact's, never this one's.  Each such date, with where its "since" opens."""
    out = []
    for h in dts:
        opening = _since_opening(ex, ctx, idx, h.start)
        if opening is not None and not any(_since_dates(ex, ctx, idx, [d], reach=2) for d in dts
                                           if opening[0] <= d.start <= opening[1] + 24):
            out.append((h, opening[0]))
    return out


def _since_opening(ex: DocExtraction, ctx: LanguageContext, idx: MentionIndex, pos: int) -> Span | None:
    """The last "since" before ``pos`` in its sentence with a "first" word before it, read once
    per position."""
    if pos in idx.since_openings:
        return idx.since_openings[pos]
    _since_end, first, _reach, since_word = _marker_regexes(ctx)
    t = ex.nt.text
    si = sentence_at(ex.sentences, idx.sentence_starts, pos)
    found: Span | None = None
    if si is not None:
        lo = ex.sentences[si][0]
        opening = [ms for ms in since_word.finditer(t, lo, pos) if first.search(t, lo, ms.start())]
        found = opening[-1].span() if opening else None
    idx.since_openings[pos] = found
    return found


def _previous_since(ex: DocExtraction, ctx: LanguageContext, gaz: EntityRegistry, idx: MentionIndex,
                    m: RawMention) -> list[RawMention]:
    """"the first call between them since September 2022": the date after "since" is the day
    of the previous contact of the same people, a recalled event of its own."""
    # (a mention that is itself the earlier contact, "آخر مكالمة ... منذ <date>", still takes
    # the date after "since" through the mention made here)
    if m.future or m.generic:
        return []
    t = ex.nt.text
    first = _marker_regexes(ctx)[1]
    sentence = ex.sentences[m.sentence]
    out = []
    in_scope = idx.dates.between(*m.scope)
    # a clause after "since" is the earlier contact's: the claims in it are that contact's
    clause = {id(h): at for h, at in _since_clauses(ex, ctx, idx, in_scope)}
    for h in _since_dates(ex, ctx, idx, in_scope) + [h for h in in_scope if id(h) in clause]:
        lo = max(sentence[0], h.start - 100)
        if id(h) in clause or \
                any(not any(d.start <= f.start() < d.end for d in idx.dates.between(lo, h.start))
                    for f in first.finditer(t, lo, h.start)):
            at = clause.get(id(h), h.start)
            out.append(RawMention(m.doc, m.sentence, (at, h.end), m.trigger, m.kind,
                                  _since_parties(ex, gaz, at, h.start) or list(m.participants),
                                  m.dual, [h], m.medium, True, False, False, []))
    return out


def _since_parties(ex: DocExtraction, gaz: EntityRegistry, start: int, end: int) -> list[str]:
    """"the first call between them since X phoned Y in May 2021": a clause after "since"
    that names two people or more is their contact, not the main clause's people again."""
    named = list(dict.fromkeys(eid for _s, _e, eid, _how in ex.entities_in(start, end)
                               if eid in gaz.entities and gaz.entities[eid].type == "person"))
    return named if len(named) >= 2 else []


def _marker_regexes(ctx: LanguageContext) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str],
                                                   re.Pattern[str]]:
    """"since" at the end of a stretch of text (or opening a date), a "first" word, "since"
    with up to two words after it (no punctuation), and "since" anywhere."""
    if _marker_regexes not in ctx.memo:
        pre = f"(?:{re.escape(ctx.conjunction)})?" if ctx.conjunction and len(ctx.conjunction) == 1 else ""
        since, first = ctx.rs.lex("since_marker").alternation, ctx.rs.lex("first_marker").alternation
        word = r"[^\s,.;:!?،؛]+"
        ctx.memo[_marker_regexes] = (re.compile(rf"(?<!\w){pre}{since}\s+$|^{since}\s"),
                                 re.compile(rf"(?<!\w){pre}{first}(?!\w)"),
                                 re.compile(rf"(?<!\w){pre}{since}(?:\s+{word}){{0,2}}\s+$|^{since}\s"),
                                 re.compile(rf"(?<!\w){pre}{since}(?!\w)"))
    return ctx.memo[_marker_regexes]


def _mention(ex: DocExtraction, ctx: LanguageContext, gaz: EntityRegistry, idx: MentionIndex, sg: Segment,
             scope_segs: list[Segment]) -> RawMention | None:
    t = ex.nt.text
    scope = (min(x.start for x in scope_segs), max(x.end for x in scope_segs))
    trigs = idx.triggers.between(sg.start, sg.end)
    kinds, generic, medium = _kinds(ctx, t, trigs)
    if not kinds:
        return None
    # "the contacts between the delegations that met in Istanbul": a plural's kind gives way
    # to the one event the clause tells
    single = [k for k, g in zip(kinds, generic, strict=True) if not g] or kinds
    kind = "call" if "call" in single else "meeting" if "meeting" in single else "talks"
    first = min(trigs, key=hit_start)
    # participants: named in the trigger's own clause (and a list that runs on past a
    # comma: "بين الرئيسين الروسي X، والأميركي Y"), minus speakers, places and zones
    # (a dimension's hits are sorted by start and do not overlap: the index keeps their order)
    locs = locations(ex, ctx, gaz, scope, trigs, kind != "call" and medium not in ("phone", "video"),
                     idx.places.between(*scope))
    excluded = idx.speaker_spans.between(scope[0] - ctx.entity_window, scope[1]) + [(a, b) for _, a, b in locs] + \
        [(h.start, h.end) for h in idx.clock_times.between(*scope)]
    part_ranges = _party_ranges(ex, ctx, idx, sg, scope_segs)
    parts = _parties(ex, gaz, part_ranges, excluded, kind)
    if all(gaz.entities[p].type == "person" for p in parts):
        # "X said he would speak with Y": the one speaking is the subject
        subject = pronoun_subject(ex, ctx, gaz, idx.speakers, idx.speech, sg.start, first.start, sg.sentence)
        parts = [subject] + parts if subject is not None and subject not in parts else parts
    for a, b in part_ranges + [(x.start, x.end) for x in scope_segs if x is not sg]:
        for h in idx.media.between(a, b):
            medium = medium or medium_value(ctx.rs, t, h)
    if kind == "talks" and medium in ("phone", "video"):
        kind = "call"             # "spoke by phone": the medium says what the verb was
    dual = any(idx.dual.any_between(a, b) for a, b in part_ranges)
    dts = idx.dates.between(sg.start, sg.end) or idx.dates.between(*scope)
    # "talks that covered the conference France will co-chair in June": a clause of its own
    # that looks ahead dates what it tells, not the event
    ahead = any(idx.future.any_between(a, b) for a, b in part_ranges)
    aside = [] if ahead else _future_asides(idx, scope_segs, part_ranges)
    dts = [h for h in dts if not any(x.start <= h.start < x.end for x in aside)]
    since = _since_dates(ex, ctx, idx, dts, reach=2) + _since_clause_dates(ex, ctx, idx, dts)
    channel = _channel_regex(ctx)
    reported = [h for h in dts if _speech_date(ex, idx, h, channel)]
    own = [h for h in dts if all(h is not x for x in since + reported)]
    # the day of the statement only when nothing else dates the event (a guess, see events)
    dts = own or [h for h in dts if any(h is x for x in reported)]
    # the day nearest the event word is the event's ("WASHINGTON, March 10 (Agency) -
    # ... spoke on Thursday": the dateline's day is the article's, not the call's)
    dts = sorted(dts, key=lambda h: min(abs(h.start - first.end), abs(first.start - h.end)))
    future, dts = _mention_tense(ex, idx, scope, first, dts)
    previous = idx.previous.any_between(max(first.end, sg.start),
                                        min(first.end + ctx.windows.previous_marker, sg.end)) or \
        _previous_before(t, ctx, idx, sg, first)
    return RawMention(ex.doc.id, sg.sentence, scope, (first.start, first.end), kind,
                      parts, dual, dts, medium, previous, future, all(generic), locs, reported)


def _future_asides(idx: MentionIndex, scope_segs: list[Segment], part_ranges: list[Span]) -> list[Segment]:
    """The clauses of an event's scope, outside the clauses that name its parties, that look
    ahead (a future word in them)."""
    return [x for x in scope_segs if idx.future.any_between(x.start, x.end)
            and not any(a <= x.start < b for a, b in part_ranges)]


def _speech_date(ex: DocExtraction, idx: MentionIndex, h: Hit, channel: re.Pattern[str] | None) -> bool:
    """A date right after a speech verb and its speaker ("the Kremlin said on Wednesday that",
    "أعلن الكرملين، الأربعاء، أن") dates the statement, not the event it reports."""
    t = ex.nt.text
    for cue in idx.speech.between(max(0, h.start - _SPEECH_REACH), h.start):
        if cue.end > h.start or idx.triggers.between(cue.end, h.start):
            continue
        gap = list(t[cue.end:h.start])
        for es, ee, _eid, _how in ex.entities_in(cue.end, h.start):
            gap[es - cue.end:ee - cue.end] = " " * (ee - es)
        # "said in a statement on Thursday": how it was said is no word between them
        rest = channel.sub(" ", "".join(gap)) if channel else "".join(gap)
        if len(re.findall(r"\w+", rest)) <= _SPEECH_GAP_WORDS:
            return True
    return False


def _channel_regex(ctx: LanguageContext) -> re.Pattern[str] | None:
    """How a statement was made ("in a statement", "في بيان"), from ``statement_channel``."""
    if _channel_regex not in ctx.memo:
        lx = ctx.rs.lexicons.get("statement_channel")
        ctx.memo[_channel_regex] = re.compile(rf"(?<!\w)(?:{lx.alternation})(?!\w)") if lx else None
    return ctx.memo[_channel_regex]


_SPEECH_REACH = 60      # characters from a speech verb to the date it says the statement was made
_SPEECH_GAP_WORDS = 2   # words besides the speaker's name between them ("told reporters on")


def _previous_before(t: str, ctx: LanguageContext, idx: MentionIndex, sg: Segment, first: Hit) -> bool:
    """A "previous" marker in the words just before the event word ("their last call", "the
    previous conversation"), unless it belongs to a date ("last week's call")."""
    lo = max(sg.start, first.start - ctx.windows.previous_marker)
    if _marker_regexes(ctx)[2].search(t, lo, first.start):
        return True           # "since the Geneva talks", "منذ لقائهما في الدوحة": an earlier event
    if _last_before(t, idx, first):
        return True
    if "before" not in ctx.rs.setting("event", "previous_marker_sides", ["before", "after"]):
        return False
    for ms, me, _v in idx.previous.between(lo, first.start):
        if me > first.start or len(t[me:first.start].split()) > 2:
            continue
        if any(h.start <= ms < h.end for h in idx.dates.between(lo - ctx.windows.previous_marker, ms + 1)):
            continue
        return True
    return False


def _last_before(t: str, idx: MentionIndex, first: Hit) -> bool:
    """"آخر اتصال" (the last call): a word that is "previous" only right before an indefinite
    event noun; after it ("اتصال آخر") it means "another"."""
    return any(not t[me:first.start].strip() and not t.startswith("ال", first.start)
               for _ms, me, _v in idx.previous_before.between(first.start - 12, first.start))


def _kinds(ctx: LanguageContext, t: str, trigs: list[Hit]) -> tuple[list[str], list[bool], str | None]:
    """What the event words of a clause name (call, meeting, talks), whether each is generic,
    and the medium a medium word names ("اتصال هاتفي")."""
    kinds: list[str] = []
    generic: list[bool] = []
    medium = None
    words = [(h.start, h.end) for h in trigs if h.dim == "event"]
    for h in trigs:
        if h.dim != "event" and any(a <= h.start < b for a, b in words):
            medium = medium or medium_value(ctx.rs, t, h)    # "phone calls": the noun says how many
            continue
        if h.dim == "event":
            v = trigger_value(ctx.rs, t, h)
            kinds.append(v.get("kind", "talks"))
            generic.append(bool(v.get("generic")))
        else:
            med = medium_value(ctx.rs, t, h)
            medium = medium or med
            if med in ("phone", "video"):
                kinds.append("call")
                generic.append(False)
    return kinds, generic, medium


def _party_ranges(ex: DocExtraction, ctx: LanguageContext, idx: MentionIndex, sg: Segment,
                  scope_segs: list[Segment]) -> list[Span]:
    """Where an event's parties are named: its own clause, the clauses before it in the sentence
    when the verb is there, and the clauses after it that continue a list of names."""
    t = ex.nt.text
    part_ranges = [(sg.start, sg.end)]
    # "أجرى الرئيسان X وY، السبت، اتصالا": the verb's clause names the parties
    earlier = [x for x in scope_segs if x.end <= sg.start and x.sentence == sg.sentence]
    if any(idx.past.any_between(x.start, x.end) or idx.future.any_between(x.start, x.end) for x in earlier):
        part_ranges.extend((x.start, x.end) for x in earlier)
    if _fronted(ex, ctx, sg):
        end = ex.sentences[sg.sentence][1]
        cut = ctx.clause_sep.search(t, sg.end, end)
        part_ranges.append((sg.end, cut.end() if cut else end))
    later = sorted((x for x in scope_segs if x.start >= sg.end), key=lambda x: x.start)
    for x in later:
        head = t[x.start:x.end].lstrip(" \"")
        if ctx.conjunction and head.startswith(ctx.conjunction) and \
                ex.entities_in(x.start, x.start + ctx.windows.list_continuation):
            part_ranges.append((x.start, x.end))
        else:
            break
    return part_ranges


def _fronted(ex: DocExtraction, ctx: LanguageContext, sg: Segment) -> bool:
    """"In their first call since 2022, Macron urged Putin ...", "خلال الاتصال، أكد X لنظيره Y":
    an event phrase put before the sentence's main clause, naming nobody itself, is about the
    people that clause names."""
    t = ex.nt.text
    opener = _fronting_regex(ctx)
    return bool(opener and sg.start == ex.sentences[sg.sentence][0]
                and opener.match(t, sg.start, sg.end) and not ex.entities_in(sg.start, sg.end))


def _fronting_regex(ctx: LanguageContext) -> re.Pattern[str] | None:
    """The prepositions that open a fronted event phrase (``fronting_prep``), after any
    quotation mark and proclitic conjunction."""
    if _fronting_regex not in ctx.memo:
        lx = ctx.rs.lexicons.get("fronting_prep")
        pre = fold_pattern(ctx.rs.macros.get("proclitic", ""))
        ctx.memo[_fronting_regex] = re.compile(rf"\s*[\"'“«]?\s*{pre}(?:{lx.alternation})(?!\w)") if lx else None
    return ctx.memo[_fronting_regex]


def _parties(ex: DocExtraction, gaz: EntityRegistry, part_ranges: list[Span], excluded: list[Span],
             kind: str) -> list[str]:
    """The people named as parties, or else the states and organisations."""
    persons, collectives, named_collective = [], [], False
    for es, _ee, eid, how in (e for a, b in part_ranges for e in ex.entities_in(a, b)):
        if any(a <= es < b for a, b in excluded):
            continue
        ent = gaz.entities[eid]
        if ent.type == "media":
            continue
        if ent.type == "person":
            persons.append(eid)
        elif ent.type in COLLECTIVE:
            collectives.append(eid)
            named_collective = named_collective or how != "adjective"
        elif ent.type == "city" and ent.affiliation:
            collectives.append(ent.affiliation)    # "موسكو" speaking for Russia
            named_collective = True
    if kind == "call" and not named_collective:
        collectives = []          # "الساحل الغربي الكندي": an adjective is no party to a call
    return _dedupe(persons) if persons else _dedupe(collectives)


def _retense(mentions: list[RawMention], ex: DocExtraction, idx: MentionIndex) -> None:
    """Re-resolve dates with the tense of their mention; a day and month under a line that
    is only a year ("2021:", a list's heading) is in that year."""
    headings: list[tuple[int, int]] | None = None     # read at the first date to resolve: most articles have none
    for m in mentions:
        is_past = idx.past.any_between(*m.scope) or m.previous
        tense = "future" if m.future and _future_of_event(idx, m) else "past" if is_past else None
        for h in m.dates:
            if h.rule_value.get("order") or h.rule_value.get("refers"):      # figures need no tense
                continue
            h.value = dates.parse_date(h.tokens, ex.ref, _clause_tense(ex, idx, m, h) or tense)
            if headings is None:
                headings = _year_headings(ex.nt.text)
            year = next((y for at, y in reversed(headings) if at < h.start), None)
            partial = dates.parse_date(h.tokens, None) if year is not None else None
            if partial and dates.is_partial(partial) and "month" in partial:
                day = dates.year_for(partial, year)     # type: ignore[arg-type]
                h.value = {"start": day.isoformat(), "end": day.isoformat()} if day else h.value


def _future_of_event(idx: MentionIndex, m: RawMention) -> bool:
    """Whether a future word in the mention's scope is about the event rather than part of
    another date ("the summit in Milan next September", "في سبتمبر المقبل"): such a date says
    itself which way it lies, and a day named for the event keeps the tense of its verbs."""
    for mk in idx.future.between(*m.scope):
        if not any(h.start <= mk[0] and mk[1] <= h.end for h in idx.dates.between(mk[0] - _DATE_REACH, mk[1])):
            return True
    return False


def _mention_tense(ex: DocExtraction, idx: MentionIndex, scope: Span, first: Hit,
                   dts: list[Hit]) -> tuple[bool, list[Hit]]:
    """Whether a mention's event is still to come, and the dates that are its own.  With words
    of both tenses in its scope, the event word's own clause tells; when it has none ("the
    talks, which ran until late, covered the conference the two will co-chair in June"), the
    nearest clause of one tense does, and a date in a clause of the other tense only is
    another thing's."""
    future = idx.future.any_between(*scope)
    if not (future and idx.past.any_between(*scope)):
        return future, dts
    t = ex.nt.text
    sent = _sentence_span(ex, idx, first.start)
    lo, hi = _clause_of(t, sent, first.start, first.end)
    tense = _tense_between(idx, lo, hi)
    if tense is None:
        if idx.future.any_between(lo, hi):
            return future, dts          # "من المقرر عقد اجتماع": a clause of both is still to come
        words = [(mk, tense) for tense, at in (("future", idx.future), ("past", idx.past)) for mk in at.between(*scope)
                 if _tense_between(idx, *_clause_of(t, _sentence_span(ex, idx, mk[0]), mk[0], mk[1])) == tense]
        if not words:
            return future, dts
        _, tense = min(words, key=lambda w: min(abs(w[0][0] - first.end), abs(first.start - w[0][1])))
    own = [h for h in dts
           if _tense_between(idx, *_clause_of(t, _sentence_span(ex, idx, h.start), h.start, h.end)) in (None, tense)]
    return tense == "future", own


def _sentence_span(ex: DocExtraction, idx: MentionIndex, pos: int) -> Span:
    si = sentence_at(ex.sentences, idx.sentence_starts, pos)
    return ex.sentences[si] if si is not None else (0, len(ex.nt.text))


def _clause_of(t: str, sent: Span, start: int, end: int) -> Span:
    """The stretch between the clause marks around a span, within its sentence."""
    start = max(max((t.rfind(p, sent[0], start) for p in _CLAUSE_MARKS), default=-1) + 1, sent[0])
    ends = [e for e in (t.find(p, end, sent[1]) for p in _CLAUSE_MARKS) if e >= 0]
    return start, min(ends, default=sent[1])


def _tense_between(idx: MentionIndex, start: int, end: int) -> str | None:
    past, future = idx.past.any_between(start, end), idx.future.any_between(start, end)
    return "past" if past and not future else "future" if future and not past else None


def _clause_tense(ex: DocExtraction, idx: MentionIndex, m: RawMention, h: Hit) -> str | None:
    """With words of both tenses in a mention's scope ("held talks on Sunday evening, covering
    the fair Milan will host next year"), the tense of the date's own clause, when it has
    words of one tense only."""
    lo, hi = m.scope
    if not (idx.past.any_between(lo, hi) and idx.future.any_between(lo, hi)):
        return None
    return _tense_between(idx, *_clause_of(ex.nt.text, ex.sentences[m.sentence], h.start, h.end))


_CLAUSE_MARKS = (",", ";", "،", "؛")

# how far before a future word the date it may be part of starts ("early next month")
_DATE_REACH = 40

# a line that is only a year, heading the list of dates below it ("2022:"): the first line, and
# any other after its newline (a literal the engine skips to at C speed, where a pattern opening
# with ``^`` is attempted at every character)
_YEAR_HEADING = re.compile(r"[ \t]*((?:19|20)\d\d)[ \t]*:?[ \t]*$", re.MULTILINE)
_YEAR_HEADING_AFTER_NEWLINE = re.compile(r"\n[ \t]*((?:19|20)\d\d)[ \t]*:?[ \t]*$", re.MULTILINE)


def _year_headings(t: str) -> list[tuple[int, int]]:
    """(where the line starts, the year) of each line that is only a year."""
    first = _YEAR_HEADING.match(t)
    return ([(0, int(first.group(1)))] if first else []) + \
        [(mh.start() + 1, int(mh.group(1))) for mh in _YEAR_HEADING_AFTER_NEWLINE.finditer(t)]


def _dedupe(xs: list[str]) -> list[str]:
    seen, out = set(), []
    for x in xs:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out
