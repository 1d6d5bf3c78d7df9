"""Who said it: the speaker each speech cue names, and the speaker a claim is attributed to."""
from __future__ import annotations

import re

from reconcile.entities.registry import EntityRegistry
from reconcile.extract.clocks import dateline_span
from reconcile.extract.context import LanguageContext
from reconcile.extract.sentences import sentence_at
from reconcile.records import Attribution, DocExtraction, Hit, Span

COLLECTIVE = ("country", "org")
RELAYING_OUTLET_BEFORE = 40       # characters: "Interfax news agency quoted ..."
Speakers = list[list[Attribution]]     # per sentence, in order
_WORD = re.compile(r"\w+")


def attributions(ex: DocExtraction, ctx: LanguageContext, gaz: EntityRegistry) -> Speakers:
    """Per sentence, the speech cues and their speakers.

    A speech verb's subject is the first entity right after it (titles allowed between);
    an "according to" or a relay ("نقلت X عن Y") names its source after the cue.  A verb
    with no named subject ("وأضاف:", "وأشار إلى أن") keeps the last speaker named."""
    sentences = ex.sentences
    per: Speakers = [[] for _ in sentences]
    carried: str | None = None
    issuer: str | None = None       # who last issued a statement ("X said in a statement")
    statement = ctx.rs.lexicons.get("statement_noun")
    nouns = frozenset(statement.entries) if statement is not None else frozenset()
    si = 0
    names_statement: dict[int, bool] = {}     # per sentence, read once: most have several speakers
    # a relay ("نقلت وكالة X عن Y") after the speech verb it starts with: the relayed source wins
    for h in sorted(ex.hits["attribution"], key=lambda h: (h.start, (h.value or {}).get("cue") == "relay")):
        while si < len(sentences) and sentences[si][1] <= h.start:
            si += 1
        if si >= len(sentences):
            break
        cue = (h.value or {}).get("cue", "verb")
        speaker, sspan = _named_speaker(ex, ctx, gaz, h, sentences[si], cue)
        if speaker is None and _names_statement(ex.nt.text, ctx, h, nouns):
            # "according to the statement", "the readout said", "وأشار البيان": its issuer speaks
            speaker = issuer or carried
        elif speaker is None and cue == "verb":
            # "Chinese state media reported", "أفادت مصادر": someone unnamed speaks, not the last one named
            if _unnamed_subject(ex.nt.text, ctx, h):
                carried = None
                speaker = _local_media(ex, ctx, gaz, h)
            else:
                speaker = carried
        if speaker and _relays_named(gaz, per[si], speaker):
            continue
        if speaker:
            closing = _closes_sentence(ex.nt.text, ctx, h, sentences[si], sspan)
            per[si].append(Attribution(h.start, speaker, cue, sspan, closing))
            if sspan is not None:
                carried = speaker
                if si not in names_statement:
                    names_statement[si] = _names_a_noun(ex.nt.text[slice(*sentences[si])], nouns)
                if names_statement[si]:
                    issuer = speaker
    _spread_over_quotes(ex, per)
    return per


def _names_a_noun(text: str, nouns: frozenset[str]) -> bool:
    """Whether one of the words of ``text`` is one of ``nouns``; a noun that is not even part
    of the text (a substring test, at C speed) cannot be one of its words."""
    return any(n in text for n in nouns) and not nouns.isdisjoint(_WORD.findall(text))


def _names_statement(t: str, ctx: LanguageContext, h: Hit, nouns: frozenset[str]) -> bool:
    """Whether the cue's source is a statement named before ("according to the statement", "the
    directorate's readout said", "وأشار البيان"): the words next to it on the subject's side."""
    if not nouns:
        return False
    near = t[h.end:h.end + 40].replace('"', " ").split()[:3]
    if "before" in ctx.subject_sides:
        near += t[max(0, h.start - 40):h.start].replace('"', " ").split()[-2:]
    return any(w in nouns for w in _WORD.findall(" ".join(near)))


def _relays_named(gaz: EntityRegistry, sentence_atts: list[Attribution], speaker: str) -> bool:
    """"قال بيسكوف ...، حسبما نقلت وكالة فرانس برس": an outlet cited after a named speaker of the
    same sentence only carries that speaker's words."""
    return gaz.entities[speaker].type == "media" and any(
        a.span is not None and gaz.entities[a.speaker].type != "media" for a in sentence_atts)


def quoted_spans(t: str) -> list[Span]:
    """What is between quote marks paired within a paragraph (a line), in order."""
    out: list[Span] = []
    if '"' not in t:
        return out
    at = 0          # where the line starts in the text
    # str.split and str.find run at C speed: most lines hold no mark and cost one scan
    for line in t.split("\n"):
        if '"' in line:
            marks = []
            i = line.find('"')
            while i != -1:
                marks.append(at + i)
                i = line.find('"', i + 1)
            out.extend((a + 1, b) for a, b in zip(marks[0::2], marks[1::2], strict=False))
        at += len(line) + 1
    return out


def _spread_over_quotes(ex: DocExtraction, per: Speakers) -> None:
    """A quotation of several sentences has one speaker: the one named right after its closing
    mark ('"... . ...," Ushakov said') or right before its opening one ('X said: "... . ..."')."""
    sentences = ex.sentences
    starts = [s for s, _ in sentences]
    t = ex.nt.text
    for qs, qe in quoted_spans(t):
        first = sentence_at(sentences, starts, qs)
        last = sentence_at(sentences, starts, qe)
        if first is None or last is None or first == last:
            continue
        # who opens the quotation speaks it; a source cited after it ("..., according to X") relays
        before = [(first, a) for a in per[first] if a.position < qs and a.span is not None
                  and len(t[a.span[1]:qs].split()) <= 6]
        after = [(last, a) for a in per[last] if a.position >= qe and a.span is not None
                 and len(t[qe:a.position].split()) <= 4]
        found = before[-1] if before else (after[0] if after else None)
        if found is None:
            continue
        own, source = found
        for si in range(first, last + 1):
            if si != own and not any(a.closing for a in per[si]):
                # placed at the sentence end and closing: it speaks for every claim of the sentence
                per[si].append(Attribution(sentences[si][1], source.speaker, source.cue, None, True))


def _unnamed_subject(t: str, ctx: LanguageContext, h: Hit) -> bool:
    """Whether the verb's subject is an unnamed source ("sources said", "قالت مصادر")."""
    words = _source_words(ctx)
    near = []
    if "before" in ctx.subject_sides:
        near += t[max(0, h.start - 40):h.start].replace('"', " ").split()[-2:]
    if "after" in ctx.subject_sides:
        near += t[h.end:h.end + 40].replace('"', " ").split()[:2]
    return any(w in words for w in near)


def _source_words(ctx: LanguageContext) -> frozenset[str]:
    """The words of ``unnamed_source`` and ``source_noun``, gathered once per context."""
    if _source_words not in ctx.memo:
        lexicons = [ctx.rs.lexicons.get(n) for n in ("unnamed_source", "source_noun")]
        ctx.memo[_source_words] = frozenset(w for lex in lexicons if lex is not None for w in lex.entries)
    return ctx.memo[_source_words]


def _local_media(ex: DocExtraction, ctx: LanguageContext, gaz: EntityRegistry, h: Hit) -> str | None:
    """"local media reported" under a "Beijing [China], Nov 16 -" dateline: the media of the
    country the article is datelined from (``local_media`` words next to the verb)."""
    lex = ctx.rs.lexicons.get("local_media")
    if lex is None:
        return None
    t = ex.nt.text
    near = " ".join((t[max(0, h.start - 40):h.start] if "before" in ctx.subject_sides else t[h.end:h.end + 40]).split())
    if not any(f" {w} " in f" {near} " for w in lex.entries):
        return None
    where = dateline_span(ex)
    for _es, _ee, eid, _how in ex.entities_in(*where) if where else ():
        ent = gaz.entities[eid]
        country = eid if ent.type == "country" else (ent.affiliation if ent.type == "city" else None)
        if country and f"{country}-media" in gaz.entities:
            return f"{country}-media"
    return None


def _named_speaker(ex: DocExtraction, ctx: LanguageContext, gaz: EntityRegistry, h: Hit, sentence: Span,
                   cue: str) -> tuple[str | None, Span | None]:
    """The speaker named next to a cue: before a verb where subjects come first (English
    "Peskov said"), else after the cue (Arabic "قال بيسكوف", "according to X")."""
    if cue == "verb" and "before" in ctx.subject_sides:
        speaker, sspan = _subject_before(ex, ctx, gaz, h, sentence[0])
        if speaker is not None:
            return speaker, sspan
    if "after" in ctx.subject_sides:
        speaker, sspan = _subject_after(ex, ctx, gaz, h, sentence[1], cue)
        if speaker is None and cue == "verb" and "before" not in ctx.subject_sides:
            return _fronted_subject(ex, gaz, h, sentence[0])
        return speaker, sspan
    return None, None


def _fronted_subject(ex: DocExtraction, gaz: EntityRegistry, h: Hit, sent_start: int) -> tuple[str | None, Span | None]:
    """A subject put first where the verb usually leads ("لكن وكالة X أفادت بأن"): a name
    ending right where the verb starts, with nothing between, speaks."""
    before = ex.entities_in(sent_start, h.start)
    if before:
        es, ee, eid, how = before[-1]
        if ee <= h.start and not ex.nt.text[ee:h.start].strip():
            speaker = speaker_ref(gaz, eid, how)
            if speaker is not None:
                return speaker, (es, ee)
    return None, None


def _subject_after(ex: DocExtraction, ctx: LanguageContext, gaz: EntityRegistry, h: Hit, sent_end: int,
                   cue: str) -> tuple[str | None, Span | None]:
    t = ex.nt.text
    ents = ex.entities
    for k in range(ex.entity_index(h.end), len(ents)):
        es, ee, eid, how = ents[k]
        if es > h.end + ctx.entity_window or es >= sent_end:
            break
        between = t[h.end:es]
        if ctx.sentence_end.search(between):
            break
        words = _past_opener(ctx, between.replace('"', " ").split())
        if _names_nobody(ctx, words, gaz.entities[eid].type):
            return _relaying_outlet(ex, gaz, h) if cue == "relay" else (None, None)
        if cue == "verb" and (len(words) > ctx.subject_max_words or any(w in ctx.not_subject for w in words)
                              or ":" in between):
            break
        speaker = speaker_ref(gaz, eid, how)
        if speaker is None:
            continue
        if gaz.entities[eid].type in COLLECTIVE:
            speaker, es, ee = _office_holder(ex, ctx, gaz, k, (speaker, es, ee))
        elif how == "role":
            speaker, es, ee = _title_chain(ex, gaz, k, (speaker, es, ee))
        return speaker, _repeated_name(ex, ctx, k, speaker, (es, ee))
    if cue == "relay" and _names_nobody(ctx, t[h.end:sent_end].replace('"', " ").split()[:3], "person"):
        return _relaying_outlet(ex, gaz, h)
    return None, None


def _past_opener(ctx: LanguageContext, words: list[str]) -> list[str]:
    """"وصف كل من الكرملين والإليزيه": words that open a subject of several ("both") are part of it."""
    lex = ctx.rs.lexicons.get("subject_opener")
    for n in (2, 1):
        if lex is not None and len(words) >= n and " ".join(words[:n]) in lex.entries:
            return words[n:]
    return words


def _names_nobody(ctx: LanguageContext, words: list[str], etype: str) -> bool:
    """An unnamed source stands before the next name ("citing informed sources, Putin..."):
    that name is talked about, it does not speak, unless the source is placed in it
    ("an official at the Élysée", "مصادر في الكرملين": the institution speaks)."""
    lex = ctx.rs.lexicons.get("unnamed_source")
    if lex is None or not any(w in lex.entries for w in words):
        return False
    within = ctx.rs.lexicons.get("source_within")
    last = max(i for i, w in enumerate(words) if w in lex.entries)
    # "مصدر حكومي ألماني", "مصادر الكرملين": the institution names the source itself
    placed = last == len(words) - 1 or (within is not None and any(w in within.entries for w in words[last + 1:]))
    return not (placed and etype != "person")


def _relaying_outlet(ex: DocExtraction, gaz: EntityRegistry, h: Hit) -> tuple[str | None, Span | None]:
    """"نقلت وكالة X عن مصادر": the source is unnamed, so the outlet that relays it is the claimant."""
    # the outlet is inside the cue ("نقلت وكالة X عن") or its subject just before ("X quoted")
    for es, ee, eid, how in reversed(ex.entities_in(max(0, h.start - RELAYING_OUTLET_BEFORE), h.end)):
        if gaz.entities[eid].type == "media" and how != "adjective":
            return eid, (es, ee)
    return None, None


def _office_holder(ex: DocExtraction, ctx: LanguageContext, gaz: EntityRegistry, k: int,
                   office: tuple[str, int, int]) -> tuple[str, int, int]:
    """The person named right after the office ("المتحدثة باسم وزارة الخارجية فلانة الفلانية"),
    unless the office is that person's own ("مكتب رئيسة الوزراء الإيطالية جورجيا ميلوني": the office
    speaks, about her)."""
    t = ex.nt.text
    ee = office[2]
    for es2, ee2, eid2, how2 in ex.entities[k + 1:k + 1 + ctx.windows.office_holder_names]:
        gap = t[ee:es2]
        if gaz.entities[eid2].type == "person" and how2 != "adjective" and not gap.replace('"', " ").strip():
            if gaz.gazetteer.offices.get(eid2) == office[0]:
                return office
            return eid2, es2, ee2
    return office


def _title_chain(ex: DocExtraction, gaz: EntityRegistry, k: int,
                 principal: tuple[str, int, int]) -> tuple[str, int, int]:
    """"المتحدث باسم الرئيس الكيني حسين محمد": another person named right after a
    leader's title holds the title before it (a title and its own holder's name are one mention)."""
    if k + 1 < len(ex.entities):
        es2, ee2, eid2, how2 = ex.entities[k + 1]
        if eid2 != principal[0] and how2 != "adjective" and gaz.entities[eid2].type == "person" and \
                not ex.nt.text[principal[2]:es2].strip():
            return eid2, es2, ee2
    return principal


def _repeated_name(ex: DocExtraction, ctx: LanguageContext, k: int, speaker: str, sspan: Span) -> Span:
    """The same person named twice in a row ("المتحدث باسم الكرملين دميتري بيسكوف") is one name."""
    for es2, ee2, eid2, _ in ex.entities[k + 1:k + 1 + ctx.windows.repeated_name_names]:
        if eid2 == speaker and es2 - sspan[1] <= ctx.windows.repeated_name:
            sspan = (sspan[0], ee2)
    return sspan


def _closes_sentence(t: str, ctx: LanguageContext, h: Hit, sentence: Span, sspan: Span | None) -> bool:
    """Whether the cue closes its sentence (", the White House said."): then it speaks for all of it."""
    if not sspan or sspan[0] >= h.start:
        return False
    comma = t.rfind(",", sentence[0], sspan[0])
    if comma < 0:
        return False
    subject = t[comma + 1:sspan[0]]
    return len(subject.split()) <= ctx.windows.closing_subject_words and not re.search(r"[;:\"]", subject) \
        and len(t[h.end:sentence[1]].split()) <= ctx.windows.closing_tail_words


def _subject_before(ex: DocExtraction, ctx: LanguageContext, gaz: EntityRegistry, h: Hit,
                    sent_start: int) -> tuple[str | None, Span | None]:
    """The entity just before a speech verb ("a White House official said"), stepping
    over one appositive ("Dmitry Peskov, the Kremlin spokesman, said")."""
    t = ex.nt.text
    end = h.start
    for es, ee, eid, how in reversed(ex.entities_in(sent_start, h.start)):
        between = t[ee:end]
        prep = t[max(sent_start, es - 12):es].split()[-1:]
        if gaz.entities[eid].type in ("city", "place") and prep and prep[0] in ctx.not_subject and not between.strip():
            end = t.rfind(prep[0], sent_start, es)    # "Erdogan's office in Ankara confirmed": the office speaks
            continue
        words = between.replace('"', " ").split()
        if between.strip() == ",":
            continue          # inside an appositive: its head comes before the comma
        appositive = re.fullmatch(r"\s*,[^,;:]*,\s*", between) and len(words) <= ctx.windows.appositive_words
        if not appositive and (len(words) > ctx.subject_max_words or any(w in ctx.not_subject for w in words)
                               or re.search(r"[,;:]", between)):
            return None, None
        speaker = speaker_ref(gaz, eid, how)
        if speaker is not None:
            return speaker, (es, ee)
    return None, None


def speaker_ref(gaz: EntityRegistry, eid: str, how: str) -> str | None:
    """Who an entity mention can speak as: an adjective names nobody; a capital speaks for its
    state ("أكدت موسكو"); an outlet named as the source ("CNN reported", "according to TASS")
    is the claimant (one that relays a named source is passed over by the relay cue); any other
    place speaks for nobody."""
    ent = gaz.entities[eid]
    if how == "adjective" or ent.type == "place":
        return None          # a place that is no capital speaks for nobody
    if ent.type == "city":
        return ent.affiliation
    return eid


def speaker_at(ctx: LanguageContext, per_sentence: Speakers, si: int, pos: int) -> str | None:
    """The speaker of what is said at ``pos`` in sentence ``si``."""
    atts = per_sentence[si]
    closing = [a for a in atts if a.position > pos and a.closing]
    if closing:
        return closing[-1].speaker
    before = [a for a in atts if a.position <= pos]
    if before:
        # an "according to" after the claim outranks the verb before it ("..., وفق بيان X")
        after_acc = [a for a in atts if a.position > pos and a.cue == "according_to"]
        if after_acc and before[-1].span is None:
            return after_acc[0].speaker
        return before[-1].speaker
    # "..., the Kremlin said": where the subject comes first, a verb after the claim speaks too
    kinds = ("according_to", "relay", "verb") if ctx.speech_after_claim else ("according_to", "relay")
    after = [a for a in atts if a.position > pos and a.cue in kinds]
    return after[0].speaker if after else None
