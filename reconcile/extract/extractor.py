"""Extract claims from one document: the rule matches of every dimension, the speaker each
claim is attributed to, quotations, and the event mentions the claims are about.

Works on the folded text (``normalise``) and converts every span back to the original text
before it leaves this module.  Language-specific words all come from ``rules/<lang>/``.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

from reconcile.dimensions import clock_time, dates, duration, numbers
from reconcile.engine.matching import find
from reconcile.engine.normalise import NormalText, fold, normalise
from reconcile.engine.rules import RuleSet, fold_pattern, ruleset, trie_regex
from reconcile.entities.gazetteer import gazetteer
from reconcile.entities.registry import EntityRegistry
from reconcile.records import Document, Quote

BUILDERS = {"duration": duration.build, "clock_time": clock_time.build,
            "date": dates.build, "number": numbers.build}
COLLECTIVE = ("country", "org")


@dataclass
class Hit:
    """A rule match in folded offsets, with its value."""
    dim: str
    start: int
    end: int
    rule: str
    value: Any = None
    tokens: list = field(default_factory=list)
    rule_value: dict = field(default_factory=dict)


@dataclass
class Segment:
    start: int
    end: int
    sentence: int                 # index into DocExtraction.sentences
    anchor: int | None = None     # index of the segment whose event this one's claims go to


@dataclass
class RawMention:
    """An event mention before resolution: what one stretch of a sentence says happened."""
    doc: str
    sentence: int
    scope: tuple[int, int]        # folded
    trigger: tuple[int, int]      # folded
    kind: str
    participants: list[str]
    dual: bool
    dates: list[Hit]
    medium: str | None
    previous: bool
    future: bool
    generic: bool
    locations: list[tuple[str, int, int]]


@dataclass
class RawClaim:
    fact: str
    hit: Hit
    value: dict
    sentence: int
    mention: int | None           # index into mentions; None: the document's current event
    speaker: str | None
    hedge: str | None = None
    inferred: bool = False
    local_time: dict | None = None


@dataclass
class DocExtraction:
    doc: Document
    nt: NormalText
    lang: str
    ref: dt.date | None
    sentences: list[tuple[int, int]]
    entities: list[tuple[int, int, str, str]]
    mentions: list[RawMention]
    claims: list[RawClaim]
    quotes: list[Quote]
    hits: dict[str, list[Hit]]

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.nt.to_original(start, end)

    def entities_in(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        """Entity mentions starting in [start, end), by bisection on the sorted list."""
        starts = self.__dict__.get("_starts")
        if starts is None or len(starts) != len(self.entities):
            starts = self.__dict__["_starts"] = [e[0] for e in self.entities]
        return self.entities[bisect_left(starts, start):bisect_left(starts, end)]

    def text(self, start: int, end: int) -> str:
        s, e = self.span(start, end)
        return self.doc.text[s:e]


def claim_id(doc: Document, span: tuple[int, int], fact: str) -> str:
    """Stable across runs and corpus growth: the document's content hash, the span, the fact."""
    h = hashlib.sha1(f"{doc.sha256}:{span[0]}:{span[1]}:{fact}".encode()).hexdigest()[:10]
    return f"c-{h}"


class Extractor:
    def __init__(self, lang: str, rs: RuleSet | None = None, gaz: EntityRegistry | None = None):
        self.lang = lang
        self.rs = rs or ruleset(lang)
        self.gaz = gaz or EntityRegistry(gazetteer())
        L = self.rs.language
        self.sentence_end = re.compile(L.get("sentence_end") or r"[.!?]+(?=\s|$)|\n")
        self.clause_sep = re.compile(L.get("clause_separators") or r"[,;]")
        self.quote_min_words = int(L.get("quote_min_words") or 2)
        # the conjunction that continues a list of names past a comma ("، والأميركي ...")
        self.conjunction = fold(str(L.get("conjunction") or ""))
        self.window = int(L.get("entity_window") or 60)
        self.overrides: dict[tuple[str, str], str] = {}
        self.speech_after_claim = "before" in (self.rs.setting("attribution", "subject_side", ["after"]) or [])
        self.known_words = frozenset(k for lx in self.rs.lexicons.values() for k in lx.entries
                                     if " " not in k and len(k) > 2)
        q = self.rs.setting("location", "qualifier")
        self.location_qualifier = re.compile(fold_pattern(q)) if q else None
        ev = self.rs.dimensions.get("event")
        self.ev_window = int((ev.settings.get("window") if ev else None) or 40)

    # ------------------------------------------------------------------ helpers
    MARKERS = ("future_marker", "past_marker", "previous_marker", "temporal_prep", "dual_reference",
               "time_role", "duration_cue", "relative_interval")

    def _marker_hits(self, folded: str) -> dict[str, list[tuple[int, int, Any]]]:
        """Every marker lexicon in one pass: the union of their words is scanned once, and each
        match is read back into the lexicons its words (or a run of them) belong to, longest
        first within each lexicon, as separate passes would."""
        if not hasattr(self, "_marker_rx"):
            table: dict[str, list[tuple[str, Any]]] = {}
            for name in self.MARKERS:
                lx = self.rs.lexicons.get(name)
                for k, v in (lx.entries.items() if lx else ()):
                    table.setdefault(k, []).append((name, v))
            pre = fold_pattern(self.rs.macros.get("proclitic", ""))
            self._marker_table = table
            self._marker_rx = re.compile(rf"(?<!\w){pre}(?P<core>{trie_regex(table)})(?!\w)")
        out: dict[str, list] = {name: [] for name in self.MARKERS}
        for m in self._marker_rx.finditer(folded):
            words = [(w.start(), w.end()) for w in re.finditer(r"\S+", m.group("core"))]
            base = m.start("core")
            found: dict[str, list[tuple[int, int, Any]]] = {}
            for i in range(len(words)):
                for j in range(len(words), i, -1):
                    s0, e0 = base + words[i][0], base + words[j - 1][1]
                    for name, v in self._marker_table.get(" ".join(folded[s0:e0].split()), ()):
                        spans = found.setdefault(name, [])
                        if not any(a <= s0 and e0 <= b for a, b, _ in spans):
                            spans.append((s0, e0, v))
            for name, spans in found.items():
                out[name].extend(sorted(spans))
        return out

    def _hits(self, dim: str, folded: str, ctx: dict) -> list[Hit]:
        out = []
        for r in find(self.rs, dim, folded):
            toks = self.rs.tokens(folded, r.start, r.end)
            h = Hit(dim, r.start, r.end, f"{r.rule.where} {r.rule.name}", None, toks, r.rule.value)
            b = BUILDERS.get(dim)
            h.value = b(toks, self.rs, dict(ctx, rule=r.rule.value)) if b else dict(r.rule.value)
            out.append(h)
        return out

    # ------------------------------------------------------------------ main
    def extract(self, doc: Document) -> DocExtraction:
        nt = normalise(doc.text)
        t = nt.text
        ref = dates.parse_iso_day(doc.published)
        ents = self.gaz.find_folded(nt, self.lang, ref, self.known_words)
        if self.overrides:          # a reviewer split these spellings off into another entity
            ents = [(s, e, self.overrides.get((eid, " ".join(t[s:e].replace('"', " ").split())), eid), how)
                    for s, e, eid, how in ents]
        sentences = self._sentences(t)
        hits = {d: self._hits(d, t, {"ref": ref}) for d in ("duration", "clock_time", "date", "medium",
                                                            "initiator", "location", "attribution", "event")}
        markers = self._marker_hits(t)
        ex = DocExtraction(doc, nt, self.lang, ref, sentences, ents, [], [], [], hits)
        segments = self._segments(t, sentences, hits, markers)
        speakers = self._attributions(ex, hits["attribution"], sentences)
        self._mentions(ex, segments, hits, markers, speakers)
        self._claims(ex, segments, hits, markers, speakers)
        ex.quotes = self._quotes(ex, speakers)
        for hs in hits.values():      # values are built; the token lists would only hold memory
            for h in hs:
                h.tokens = []
        return ex

    # ------------------------------------------------------------------ structure
    def _absorb_media(self, hits, t) -> None:
        """A medium word right after an event noun qualifies it ("اتصالات هاتفية"); it is
        a claim about that event, not an event word of its own."""
        ends = {h.end for h in hits["event"]}
        for h in hits["medium"]:
            h.value = dict(h.value or {})
            h.value["qualifies"] = any(0 < h.start - e <= 2 and not t[e:h.start].strip() for e in ends)

    def _sentences(self, t: str) -> list[tuple[int, int]]:
        out, start = [], 0
        for m in self.sentence_end.finditer(t):
            if m.end() > start:
                out.append((start, m.end()))
            start = m.end()
        if start < len(t):
            out.append((start, len(t)))
        res = []
        for s, e in out:
            while s < e and t[s].isspace():
                s += 1
            while e > s and t[e - 1].isspace():
                e -= 1
            if e > s:
                res.append((s, e))
        return res

    def _segments(self, t, sentences, hits, markers) -> list[Segment]:
        """Clauses of each sentence; a clause without an event word lends its claims to the
        nearest clause before it that has one (or, at the start, the first one after)."""
        self._absorb_media(hits, t)
        triggers = [(h.start, h.end) for h in hits["event"]] + \
                   [(h.start, h.end) for h in hits["medium"] if not h.value.get("qualifies")]
        preps = Starts((s, e) for s, e, _ in markers["temporal_prep"])
        trig_at = Starts(triggers)
        segs: list[Segment] = []
        for si, (s, e) in enumerate(sentences):
            cuts = {s, e}
            for m in self.clause_sep.finditer(t, s, e):
                cuts.add(m.end())
            # "قبل المفاوضات": a time-relative event starts a stretch of its own
            for ps, pe in preps.between(s + 1, e):
                if trig_at.any_between(pe, pe + 13):
                    cuts.add(ps)
            cuts = sorted(cuts)
            first = len(segs)
            for a, b in zip(cuts, cuts[1:]):
                if b > a:
                    segs.append(Segment(a, b, si))
            mine = segs[first:]
            has = [trig_at.any_between(a.start, a.end) for a in mine]
            for i, sg in enumerate(mine):
                if has[i]:
                    sg.anchor = first + i
                    continue
                before = [j for j in range(i - 1, -1, -1) if has[j]]
                after = [j for j in range(i + 1, len(mine)) if has[j]]
                sg.anchor = first + (before[0] if before else after[0]) if (before or after) else None
        return segs

    # ------------------------------------------------------------------ attribution
    def _attributions(self, ex: DocExtraction, att_hits: list[Hit], sentences) -> list[list[tuple[int, str, str, tuple[int, int] | None]]]:
        """Per sentence: (position, speaker entity id, cue kind, speaker span or None).

        A speech verb's subject is the first entity right after it (titles allowed between);
        an "according to" or a relay ("نقلت X عن Y") names its source after the cue.  A verb
        with no named subject ("وأضاف:", "وأشار إلى أن") keeps the last speaker named."""
        t = ex.nt.text
        ents = ex.entities
        ent_starts = [x[0] for x in ents]
        breakers = {fold_word(w) for w in (self.rs.setting("attribution", "not_subject", []) or [])}
        max_words = int(self.rs.setting("attribution", "subject_max_words", 5))
        # where a speech verb's subject stands: after it (Arabic "قال بيسكوف"), before it
        # (English "Peskov said"), or either
        sides = self.rs.setting("attribution", "subject_side", ["after"]) or ["after"]
        per: list[list] = [[] for _ in sentences]
        carried: str | None = None
        si = 0
        for h in sorted(att_hits, key=lambda h: h.start):
            while si < len(sentences) and sentences[si][1] <= h.start:
                si += 1
            if si >= len(sentences):
                break
            e = sentences[si][1]
            cue = (h.value or {}).get("cue", "verb")
            speaker, sspan = None, None
            if cue == "verb" and "before" in sides:
                speaker, sspan = self._subject_before(ex, h, sentences[si][0], breakers, max_words)
            k0 = bisect_left(ent_starts, h.end)
            for k in range(k0, len(ents)) if speaker is None and "after" in sides else ():
                es, ee, eid, how = ents[k]
                if es > h.end + self.window or es >= e:
                    break
                between = t[h.end:es]
                if self.sentence_end.search(between):
                    break
                words = between.replace('"', " ").split()
                if cue == "verb" and (len(words) > max_words or any(w in breakers for w in words)
                                      or ":" in between):
                    break
                ent = self.gaz.entities[eid]
                eid = self._speaker_ref(eid, how)
                if eid is None:
                    continue
                # "المتحدثة باسم وزارة الخارجية فلانة الفلانية": the person after the office
                if ent.type in COLLECTIVE:
                    for es2, ee2, eid2, how2 in ents[k + 1:k + 4]:
                        gap = t[ee:es2]
                        if self.gaz.entities[eid2].type == "person" and how2 != "adjective" and \
                                not gap.replace('"', " ").strip():
                            eid, es, ee = eid2, es2, ee2
                            break
                speaker, sspan = eid, (es, ee)
                # the same person named twice in a row ("المتحدث باسم الكرملين دميتري بيسكوف")
                for es2, ee2, eid2, _ in ents[k + 1:k + 3]:
                    if eid2 == eid and es2 - sspan[1] <= 3:
                        sspan = (sspan[0], ee2)
                break
            if speaker is None and cue == "verb":
                speaker = carried
            if speaker:
                # ", the White House said." closing the sentence speaks for all of it
                comma = t.rfind(",", sentences[si][0], sspan[0]) if sspan else -1
                closing = bool(sspan) and sspan[0] < h.start and comma >= 0 \
                    and len(t[comma + 1:sspan[0]].split()) <= 5 and not re.search(r"[;:\"]", t[comma + 1:sspan[0]]) \
                    and len(t[h.end:sentences[si][1]].split()) <= 3
                per[si].append((h.start, speaker, cue, sspan, closing))
                if sspan is not None:
                    carried = speaker
        return per

    def _subject_before(self, ex, h, sent_start, breakers, max_words):
        """The entity just before a speech verb ("a White House official said"), stepping
        over one appositive ("Dmitry Peskov, the Kremlin spokesman, said")."""
        t = ex.nt.text
        for es, ee, eid, how in reversed(ex.entities_in(sent_start, h.start)):
            between = t[ee:h.start]
            words = between.replace('"', " ").split()
            if between.strip() == ",":
                continue          # inside an appositive: its head comes before the comma
            appositive = re.fullmatch(r"\s*,[^,;:]*,\s*", between) and len(words) <= 8
            if not appositive and (len(words) > max_words or any(w in breakers for w in words)
                                   or re.search(r"[,;:]", between)):
                return None, None
            eid = self._speaker_ref(eid, how)
            if eid is not None:
                return eid, (es, ee)
        return None, None

    def _speaker_ref(self, eid: str, how: str) -> str | None:
        """Who an entity mention can speak as: an agency only relays and an adjective names
        nobody; a capital speaks for its state ("أكدت موسكو")."""
        ent = self.gaz.entities[eid]
        if ent.type == "media" or how == "adjective":
            return None
        if ent.type == "city":
            return ent.affiliation
        return eid

    def speaker_at(self, per_sentence, si: int, pos: int) -> str | None:
        atts = per_sentence[si]
        closing = [a for a in atts if a[0] > pos and len(a) > 4 and a[4]]
        if closing:
            return closing[-1][1]
        before = [a for a in atts if a[0] <= pos]
        if before:
            # an "according to" after the claim outranks the verb before it ("..., وفق بيان X")
            after_acc = [a for a in atts if a[0] > pos and a[2] == "according_to"]
            if after_acc and before[-1][3] is None:
                return after_acc[0][1]
            return before[-1][1]
        # "..., the Kremlin said": where the subject comes first, a verb after the claim speaks too
        kinds = ("according_to", "relay", "verb") if self.speech_after_claim else ("according_to", "relay")
        after = [a for a in atts if a[0] > pos and a[2] in kinds]
        return after[0][1] if after else None

    # ------------------------------------------------------------------ events
    def _mentions(self, ex, segments, hits, markers, speakers) -> None:
        t = ex.nt.text
        trig_hits = hits["event"] + [h for h in hits["medium"] if not (h.value or {}).get("qualifies")]
        speaker_spans = Starts(a[3] for per in speakers for a in per if a[3])
        by_anchor: dict[int, list[Segment]] = {}
        for x in segments:
            if x.anchor is not None:
                by_anchor.setdefault(x.anchor, []).append(x)
        trig_at = Starts(trig_hits, key=lambda h: h.start)
        at = {name: Starts(hits[name], key=lambda h: h.start) for name in ("date", "medium", "clock_time")}
        mark = {name: Starts(markers[name]) for name in ("past_marker", "future_marker", "dual_reference",
                                                         "previous_marker")}
        self._seg_mention: dict[int, int] = {}
        for gi, sg in enumerate(segments):
            if sg.anchor != gi:
                continue
            scope_segs = by_anchor[gi]
            scope = (min(x.start for x in scope_segs), max(x.end for x in scope_segs))
            trigs = trig_at.between(sg.start, sg.end)
            kinds, generic, medium = [], [], None
            for h in trigs:
                if h.dim == "event":
                    v = self.rs.lex_value("trigger", t[h.start:h.end]) or {}
                    if not v:
                        toks = h.tokens
                        v = next((val for tk in toks for lx, val in tk[3] if lx == "trigger"), {})
                    kinds.append(v.get("kind", "talks"))
                    generic.append(bool(v.get("generic")))
                else:
                    med = self._medium_value(t, h)
                    medium = medium or med
                    if med in ("phone", "video"):
                        kinds.append("call")
                        generic.append(False)
            if not kinds:
                continue
            kind = "call" if "call" in kinds else "meeting" if "meeting" in kinds else "talks"
            is_generic = all(generic)
            first = min(trigs, key=lambda h: h.start)
            # participants: named in the trigger's own clause (and a list that runs on past a
            # comma: "بين الرئيسين الروسي X، والأميركي Y"), minus speakers, places and zones
            locs = self._locations(ex, scope, hits, trigs)
            excluded = speaker_spans.between(scope[0] - self.window, scope[1]) + [(a, b) for _, a, b in locs] + \
                [(h.start, h.end) for h in at["clock_time"].between(*scope)]
            part_ranges = [(sg.start, sg.end)]
            # "أجرى الرئيسان X وY، السبت، اتصالا": the verb's clause names the parties
            earlier = [x for x in scope_segs if x.end <= sg.start and x.sentence == sg.sentence]
            if any(mark["past_marker"].any_between(x.start, x.end) or mark["future_marker"].any_between(x.start, x.end)
                   for x in earlier):
                part_ranges.extend((x.start, x.end) for x in earlier)
            later = sorted((x for x in scope_segs if x.start >= sg.end), key=lambda x: x.start)
            for x in later:
                head = t[x.start:x.end].lstrip(" \"")
                if self.conjunction and head.startswith(self.conjunction) and ex.entities_in(x.start, x.start + 12):
                    part_ranges.append((x.start, x.end))
                else:
                    break
            persons, collectives, named_collective = [], [], False
            for es, ee, eid, how in (e for a, b in part_ranges for e in ex.entities_in(a, b)):
                if any(a <= es < b for a, b in excluded):
                    continue
                ent = self.gaz.entities[eid]
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
                collectives = []          # "الساحل الشرقي الأمريكي": an adjective is no party to a call
            parts = _dedupe(persons) if persons else _dedupe(collectives)
            for a, b in part_ranges:
                for h in at["medium"].between(a, b):
                    medium = medium or self._medium_value(t, h)
            dual = any(mark["dual_reference"].any_between(a, b) for a, b in part_ranges)
            own_dates = at["date"].between(sg.start, sg.end)
            dts = own_dates or at["date"].between(*scope)
            # the day nearest the event word is the event's ("WASHINGTON, March 10 (Agency) -
            # ... spoke on Thursday": the dateline's day is the article's, not the call's)
            dts = sorted(dts, key=lambda h: min(abs(h.start - first.end), abs(first.start - h.end)))
            future = mark["future_marker"].any_between(*scope)
            previous = mark["previous_marker"].any_between(max(first.end, sg.start), min(first.end + 26, sg.end))
            self._seg_mention[gi] = len(ex.mentions)
            ex.mentions.append(RawMention(ex.doc.id, sg.sentence, scope, (first.start, first.end), kind,
                                          parts, dual, dts, medium, previous, future, is_generic, locs))
        # re-resolve dates with the tense of their mention
        for m in ex.mentions:
            is_past = mark["past_marker"].any_between(*m.scope)
            tense = "future" if m.future else "past" if is_past else None
            for h in m.dates:
                if not h.rule_value.get("order"):      # figures need no tense
                    h.value = dates.parse_date(h.tokens, ex.ref, tense)

    def _medium_value(self, t, h) -> str | None:
        v = self.rs.lex_value("medium_word", t[h.start:h.end])
        if v is None:
            v = next((val for tk in h.tokens for lx, val in tk[3] if lx == "medium_word"), None)
        return v

    def _locations(self, ex, scope, hits, trigs) -> list[tuple[str, int, int]]:
        """Cities after "في" (or right after an event noun: "قمة جنيف") within the scope."""
        out = []
        qualifier = self.location_qualifier
        heads = [h.end for h in hits["location"] if scope[0] <= h.start < scope[1]] + \
                [h.end for h in trigs if h.dim == "event"]
        for es, ee, eid, how in ex.entities_in(*scope):
            ent = self.gaz.entities[eid]
            if ent.type != "city":
                continue
            for end in heads:
                gap = ex.nt.text[end:es].strip() if es >= end else None
                if gap is not None and es - end <= 30 and (not gap or (qualifier and qualifier.fullmatch(gap))):
                    out.append((eid, es, ee))
                    break
        return out

    # ------------------------------------------------------------------ claims
    def _claims(self, ex, segments, hits, markers, speakers) -> None:
        t = ex.nt.text
        seg_starts = [sg.start for sg in segments]

        def seg_of(pos):
            i = bisect_right(seg_starts, pos) - 1
            return i if i >= 0 and segments[i].start <= pos < segments[i].end else None

        def mention_for(pos):
            gi = seg_of(pos)
            if gi is None:
                return None, None
            anchor = segments[gi].anchor
            return (self._seg_mention.get(anchor) if anchor is not None else None), segments[gi].sentence

        def add(fact, h, value, mi, si, hedge=None, local=None):
            ex.claims.append(RawClaim(fact, h, value, si, mi, self.speaker_at(speakers, si, h.start),
                                      hedge, False, local))

        cue_at = Starts(markers["duration_cue"])
        event_at = Starts(hits["event"], key=lambda h: h.start)
        window = int(self.rs.setting("duration", "cue_window", 40))
        for h in hits["duration"]:
            if not h.value:
                continue
            mi, si = mention_for(h.start)
            if si is None:
                continue
            s0 = ex.sentences[si][0]
            lo = max(s0, h.start - window)
            # a cue ending in [lo, h.start]; cues are short, so look at those starting a little earlier
            cue_before = any(lo <= ce <= h.start for cs, ce, _ in cue_at.between(lo - 40, h.start + 1))
            event_after = event_at.any_between(h.end, h.end + 3)
            if not (cue_before or event_after):
                continue
            add("duration", h, {"minutes": h.value["minutes"]}, mi, si, h.value.get("hedge"))
        # clock times: a parenthesis right after restates the same moment in another zone
        times = sorted(hits["clock_time"], key=lambda h: h.start)
        zone_in_sentence: dict[int, str] = {}
        roles = Starts(markers["time_role"])
        for h in times:
            if not h.value:
                continue
            mi, si = mention_for(h.start)
            if si is None:
                continue
            lo = ex.sentences[si][0]
            before = [(s, v) for s, e, v in roles.between(lo, h.start)]
            if mi is None and not before:
                continue          # a bare clock reading (a page's print time) is no claim
            fact = before[-1][1] if before else None
            if fact is None and mi is not None:
                fact = "scheduled_time" if ex.mentions[mi].future else "start_time"
            fact = fact or "start_time"
            local = {k: h.value[k] for k in ("hour", "minute", "zone")}
            if local["zone"] is None and zone_in_sentence.get(si):
                # "began at 3:35 p.m. EST and ended at 4:25 p.m.": the zone named once holds
                local["zone"] = zone_in_sentence[si]
            elif local["zone"]:
                zone_in_sentence[si] = local["zone"]
            add(fact, h, {}, mi, si, None, local)
        medium_at = Starts(hits["medium"], key=lambda h: h.start)
        for m_i, m in enumerate(ex.mentions):
            if m.generic:
                continue
            # the event's day is the first date of its clause; another day in the same stretch
            # that does not fit it dates something else ("بعد لقاء جرى في ...")
            chosen = next((h.value for h in m.dates if h.value and "start" in h.value), None)
            for h in m.dates:
                v = h.value
                if v and "start" in v and v["start"] <= chosen["end"] and chosen["start"] <= v["end"]:
                    add("date", h, {"date": {"start": v["start"], "end": v["end"]}}, m_i, m.sentence)
            for h in medium_at.between(*m.scope):
                v = self._medium_value(t, h)
                if v:
                    add("medium", h, {"medium": v}, m_i, m.sentence)
            for eid, es, ee in m.locations:
                h = Hit("location", es, ee, "location")
                add("location", h, {"entity": eid}, m_i, m.sentence)
        for h in hits["initiator"]:
            mi, si = mention_for(h.start)
            if si is None:
                continue
            side = (h.value or {}).get("entity_side", "after")
            limit = ex.sentences[si][0] if side == "before" else ex.sentences[si][1]
            target = self._initiator_near(ex, h, limit, side)
            if target:
                eid, es, ee = target
                span_hit = Hit("initiator", min(h.start, es), max(ee, h.end), h.rule)
                add("initiator", span_hit, {"entity": eid}, mi, si)

    def _initiator_near(self, ex, cue, limit, side):
        """The entity an initiator cue points at: the first one after it ("بطلب من موسكو"),
        or the one right before it ("at Putin's request"), within the sentence."""
        if side == "before":
            candidates = reversed(ex.entities_in(limit, cue.start))
            too_far = lambda es, ee: cue.start - ee > 4
        else:
            candidates = ex.entities_in(cue.end, len(ex.nt.text))
            too_far = lambda es, ee: es > min(limit, cue.end + self.window // 2)
        for es, ee, eid, how in candidates:
            if too_far(es, ee):
                return None
            ref = self._initiator_ref(es, ee, eid)
            if ref:
                return ref
        return None

    def _initiator_ref(self, es, ee, eid):
        """An agency reporting the request is not the one asking; a capital speaks for its state."""
        ent = self.gaz.entities[eid]
        if ent.type == "media":
            return None
        if ent.type == "city" and ent.affiliation:
            return ent.affiliation, es, ee
        return eid, es, ee

    # ------------------------------------------------------------------ quotes
    def _quotes(self, ex, speakers) -> list[Quote]:
        t = ex.nt.text
        out = []
        # pair quote marks within a paragraph, in order
        for para in re.finditer(r"[^\n]+", t):
            marks = [m.start() for m in re.finditer('"', para.group())]
            for a, b in zip(marks[0::2], marks[1::2]):
                qs, qe = para.start() + a + 1, para.start() + b
                inner = t[qs:qe].strip()
                if len(inner.split()) < self.quote_min_words:
                    continue
                # a quoted name is a name, not a quotation
                if any(es <= qs + 1 and ee >= qe - 1 for es, ee, _, _ in ex.entities_in(qs - 1, qs + 2)):
                    continue
                si = next((i for i, (s, e) in enumerate(ex.sentences) if s <= qs < e), None)
                if si is None:
                    continue
                speaker = self.speaker_at(speakers, si, qs)
                os_, oe = ex.span(qs, qe)
                ss, se = ex.span(*ex.sentences[si])
                out.append(Quote(ex.doc.id, (os_, oe), ex.doc.text[os_:oe], speaker, (ss, se)))
        return out


class Starts:
    """Items sorted by start position, with the ones starting in [a, b) found by bisection:
    a long article must not make every lookup a scan of the whole document."""

    def __init__(self, items, key=lambda x: x[0]):
        self.items = sorted(items, key=key)
        self.keys = [key(x) for x in self.items]

    def between(self, a: int, b: int) -> list:
        return self.items[bisect_left(self.keys, a):bisect_left(self.keys, b)]

    def any_between(self, a: int, b: int) -> bool:
        i = bisect_left(self.keys, a)
        return i < len(self.keys) and self.keys[i] < b


def fold_word(w: str) -> str:
    return fold(str(w))


def _dedupe(xs):
    seen, out = set(), []
    for x in xs:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out
