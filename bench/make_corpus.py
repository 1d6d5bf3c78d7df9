#!/usr/bin/env python3
"""Generate a synthetic Arabic news corpus for benchmarking ``reconcile``.

Every claim-bearing word comes from the rule files: durations are written with the
``duration_unit`` / ``fraction`` / ``number_word`` / ``hedge_*`` lexicons and introduced by a
``duration_cue``; clock times with ``hour_word`` / ``minute_word`` / ``daypart`` and a zone from
``timezone``; dates with Babel month and weekday names (the CLDR locales ``language.yaml``
lists) and the ``relative_day`` / ``ordinal_day`` / ``period`` words of ``date.yaml``; events
with ``trigger`` / ``past_marker`` / ``future_marker`` / ``time_role``; speakers with
``say_verb`` / ``according_to``; initiators with ``initiator_cue``; media with
``medium_word``.  People, institutions, countries and cities (with their titles, valid on
the publication day) come from ``rules/entities.yaml``.  Only the grammatical glue
(prepositions such as "مع", "بين", "أن") and the filler vocabulary (in corpus_phrases.py) are
written here.

Where a sentence frame needs a word of one grammatical kind (a transitive "held" verb, a
feminine trigger), the frame names the words it prefers and keeps those the lexicon has;
if a rule file drops them the frame falls back to whatever the lexicon offers.

The corpus is a set of *events* (a call, a meeting or talks between two people on one day,
with a duration, a start time in some zone, an initiator and a medium).  Each event is
reported by one to six outlets on the day or the day after, with different wording, zones,
hedges and speakers; about a third of the events have an outlet that reports a conflicting
duration, fewer a conflicting start time or initiator.  Reports also mention earlier and
announced events, carry quotations (sometimes trimmed or altered by another outlet) and
are padded with claim-free filler so each document is 8-30 sentences and roughly 2-6 KB.

This module holds the events, the sentences and documents built from them, and the corpus
writers; corpus_phrases.py holds the rule files as read here, the vocabulary and the words
for entities and values (durations, clock times, dates).

    python bench/make_corpus.py --docs 1000 --out bench/out/corpus_1000.jsonl
    python bench/make_corpus.py --docs 200 --folder bench/out/corpus_200/
    python bench/make_corpus.py --check            # filler produces no claims (needs reconcile)

Same --docs and --seed give the same bytes.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from corpus_phrases import (
    F_COUNTRY_PREDICATES,
    F_NUMBERS,
    F_OPENERS,
    F_PREDICATES,
    F_SUBJECTS,
    F_TAILS,
    Q_BODIES,
    Q_CLOSINGS,
    Q_OPENERS,
    Q_TOPICS,
    ROOT,
    RULES,
    TOPICS,
    Phrases,
    Rules,
    fem_of,
    is_feminine_noun,
)

GENERATOR_VERSION = 3

# --------------------------------------------------------------------------- events


@dataclass
class Event:
    n: int
    kind: str                  # call | meeting | talks
    a: str                     # person ids
    b: str
    day: dt.date
    minutes: int
    start_utc: dt.datetime
    medium: str                # phone | video | in_person
    initiator: str             # person id
    city: str | None           # where a meeting was held (alias)
    speakers: list[str]        # entity ids that speak about it
    quotes: list[tuple[str, list[str], str]] = field(default_factory=list)  # speaker, words, number
    conflict: dict = field(default_factory=dict)   # fact -> index of the dissenting report
    reports: int = 1


DURATIONS = [15, 20, 25, 30, 35, 40, 45, 50, 60, 60, 60, 75, 80, 85, 90, 90, 100, 105, 120, 120,
             135, 150, 180, 240]


# --------------------------------------------------------------------------- composer


class Composer(Phrases):
    """Events, the sentences reporting them and whole documents (one outlet's report)."""

    # ------------------------------------------------------------------ event pool
    def make_events(self, n_docs: int) -> list[Event]:
        weights = [(1, 5), (2, 15), (3, 20), (4, 20), (5, 20), (6, 20)]
        events: list[Event] = []
        seen = set()
        total = 0
        start, span = dt.date(2021, 2, 1), (dt.date(2023, 12, 20) - dt.date(2021, 2, 1)).days
        while total < n_docs:
            k = self.rng.choices([w for w, _ in weights], [p for _, p in weights])[0]
            for _ in range(50):
                a, b = self.rng.sample(self.participants, 2)
                if a.side == b.side:
                    continue
                day = start + dt.timedelta(days=self.rng.randrange(span))
                kind = self.rng.choices(["call", "meeting", "talks"], [50, 25, 25])[0]
                if (kind, a.id, b.id, day) in seen or (kind, b.id, a.id, day) in seen:
                    continue
                seen.add((kind, a.id, b.id, day))
                break
            minutes = self.pick(DURATIONS)
            start_utc = self._start_utc(day)
            medium, city = self._medium_and_city(kind)
            init = self.pick([a.id, b.id])
            speakers = self._speakers_for(a, b)
            ev = Event(len(events) + 1, kind, a.id, b.id, day, minutes, start_utc, medium, init, city,
                       speakers, reports=k)
            self._plant_quotes(ev)
            self._plant_conflicts(ev, k)
            events.append(ev)
            total += k
        return events

    def _start_utc(self, day: dt.date) -> dt.datetime:
        hour = self.rng.randrange(6, 18)
        minute = self.pick([0, 0, 5, 10, 15, 20, 30, 30, 40, 45, 50])
        return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=dt.UTC)

    def _medium_and_city(self, kind: str) -> tuple[str, str | None]:
        """How the event was held, and the city of an in-person one."""
        if kind == "call":
            medium = self.pick(["phone", "phone", "video"])
        elif kind == "meeting":
            medium = "in_person" if self.maybe(0.85) else "video"
        else:
            medium = self.pick(["phone", "video", "in_person", "in_person"])
        city = None
        if medium == "in_person":
            city = self.pick(self.w.cities)
        return medium, city

    def _speakers_for(self, a, b) -> list[str]:
        """Spokespeople and institutions of either side, then the two participants."""
        sides = {a.side, b.side}
        speakers = [p.id for p in self.w.persons.values() if p.spokes and p.side in sides]
        speakers += [oid for oid, o in self.w.orgs.items() if self._lift(oid) in sides]
        speakers += [a.id, b.id]
        return speakers

    def _plant_quotes(self, ev: Event) -> None:
        """0-2 quotations (speaker, words, the number a {n} slot carries)."""
        for _ in range(self.rng.choice([0, 1, 1, 2])):
            sp = self.pick(ev.speakers)
            topic = self.pick(Q_TOPICS).format(t=self.pick(TOPICS))
            words = f"{self.pick(Q_OPENERS)} {topic} {self.pick(Q_BODIES)} {self.pick(Q_CLOSINGS)}"
            ev.quotes.append((sp, words.split(), str(self.rng.randint(2, 9))))

    def _plant_conflicts(self, ev: Event, k: int) -> None:
        """Which of the ``k`` reports dissents on the duration, the start time, the initiator."""
        if k >= 2:
            if self.maybe(0.35):
                ev.conflict["duration"] = self.rng.randrange(k)
            if self.maybe(0.12):
                ev.conflict["start_time"] = self.rng.randrange(k)
            if self.maybe(0.1):
                ev.conflict["initiator"] = self.rng.randrange(k)

    def _lift(self, eid: str) -> str:
        ents = self.r.entities
        seen = set()
        while eid in ents and eid not in seen:
            seen.add(eid)
            e = ents[eid]
            if e["type"] == "country" or not e.get("affiliation"):
                return eid
            eid = e["affiliation"]
        return eid

    # ------------------------------------------------------------------ one report
    def report(self, ev: Event, idx: int, doc_id: str, outlet: str) -> dict:
        rng = self.rng
        offset = rng.choice([0, 1, 1])
        ref = ev.day + dt.timedelta(days=offset)
        a, b = self.w.persons[ev.a], self.w.persons[ev.b]
        if rng.random() < 0.5:
            a, b = b, a
        rkind = self._reported_kind(ev.kind)
        tdef = self.pick(self.trig_def[rkind])
        fem = is_feminine_noun(tdef)

        A, B = self.person_ref(a.id, ref), self.person_ref(b.id, ref)
        date = self.date_phrase(ev.day, ref)
        body = [self.lead(ev, rkind, a, b, A, B, date, ref)]
        body += self._claim_sentences(ev, idx, tdef, fem, ref)
        context = self._context_sentences(a, b, ev, ref)
        # filler to size: 8-30 sentences, about 2-6 KB
        target = rng.randint(2000, 6000)
        head = self.headline(a, b, rkind)
        dateline = f"{self.pick(self.w.cities)} {self.pick(['-', '-', '–'])} {self.pick(self.w.media)}"
        fill = self._filler_to_size(head + dateline, body + context, target)
        paras = self._paragraphs(self._layout(body, context, fill))
        paras[0] = f"{dateline}: {paras[0]}" if self.maybe(0.6) else paras[0]
        text = head + "\n\n" + "\n\n".join(paras) + "\n"
        pub = ref.isoformat()
        if self.maybe(0.5):
            pub += f"T{rng.randrange(8, 23):02d}:{rng.randrange(60):02d}"
        return {"id": doc_id, "text": text, "outlet": outlet, "language": "ar", "published": pub}

    def _reported_kind(self, kind: str) -> str:
        """This outlet's word for the event; a call may be called talks, a meeting talks."""
        if kind == "call":
            return "call" if self.maybe(0.8) else "talks"
        if kind == "meeting":
            return "meeting" if self.maybe(0.8) else "talks"
        return "talks"

    def _claim_sentences(self, ev: Event, idx: int, tdef: str, fem: bool, ref: dt.date) -> list[str]:
        """Claims about the event (some facts left out, in any order), then its quotations."""
        facts = ["duration", "start_time", "initiator"]
        if ev.medium != "in_person" or self.maybe(0.3):
            facts.append("medium")
        self.rng.shuffle(facts)
        drop = self.rng.random()
        if drop < 0.25:
            facts = facts[:-1]
        out = []
        for fact in facts:
            dissent = ev.conflict.get(fact) == idx
            s = getattr(self, f"s_{fact}")(ev, tdef, fem, ref, dissent)
            if s:
                out.append(s)
        for sp, words, num in ev.quotes:
            if self.maybe(0.75):
                out.append(self.s_quote(sp, words, num, ref))
        return out

    def _context_sentences(self, a, b, ev: Event, ref: dt.date) -> list[str]:
        """An earlier event of the pair, an announced one, a generic series (each maybe)."""
        context = []
        if self.maybe(0.35):
            context.append(self.s_previous(a, b, ev, ref))
        if self.maybe(0.25):
            context.append(self.s_future(a, b, ev, ref))
        if self.maybe(0.2):
            context.append(self.s_generic(a, ref))
        return context

    def _filler_to_size(self, heading: str, sentences: list[str], target: int) -> list[str]:
        """Filler sentences until the document has 30 sentences, or 8 and ``target`` bytes."""
        fill: list[str] = []
        while True:
            n = len(sentences) + len(fill)
            size = len((heading + " ".join(sentences + fill)).encode("utf-8"))
            if n >= 30 or (n >= 8 and size >= target):
                break
            fill.append(self.filler())
        return fill

    def _layout(self, body: list[str], context: list[str], fill: list[str]) -> list[str]:
        """Lead first, claims interleaved with filler, context after the claims."""
        order = [body[0]]
        pool = fill[:]
        for s in body[1:]:
            if pool and self.maybe(0.5):
                order.append(pool.pop(0))
            order.append(s)
        order += context
        order += pool
        return order

    def _paragraphs(self, order: list[str]) -> list[str]:
        """Sentences grouped into paragraphs of 1-3."""
        paras, cur = [], []
        for s in order:
            cur.append(s)
            if len(cur) >= self.rng.randint(1, 3):
                paras.append(" ".join(cur))
                cur = []
        if cur:
            paras.append(" ".join(cur))
        return paras

    # ------------------------------------------------------------------ sentences
    def _verb(self, choices: list[str], female: bool) -> str:
        v = self.pick(choices)
        return fem_of(v, self.past) if female else v

    def lead(self, ev, rkind, a, b, A, B, date, ref) -> str:
        self._medium_for(ev.medium, None)     # a draw the sentence does not use; kept so the corpus stays the same
        indef = self.pick(self.trig_indef[rkind])
        adj = self._medium_adj(ev.medium, indef)
        where = ""
        if ev.city and self.maybe(0.8):
            where = f" {self.pick([p for p in self.loc_prep if not p.endswith('العاصمة')] or ['في'])} {ev.city}"
        style = self.rng.random()
        if style < 0.4:
            v = self._verb(self.v_held_by_kind[rkind], a.female)
            cp = {(False, False): "نظيره", (False, True): "نظيرته", (True, False): "نظيرها",
                  (True, True): "نظيرتها"}[(a.female, b.female)]
            with_b = f"مع {cp} {B}" if cp in self.counterpart and self.maybe(0.25) else f"مع {B}"
            return f"{v} {A}، {date}، {indef}{adj} {with_b}{where}."
        if style < 0.7:
            v = self._verb(self.v_took_place, is_feminine_noun(indef))
            return (f"{v}، {date}، {indef}{adj} بين {A} و{B}{where}، "
                    f"{self.pick(['تناولت', 'تطرقت إلى', 'ركزت على'])} {self.pick(TOPICS)}.")
        v = self._verb(self.v_held_by_kind[rkind], a.female)
        return f"{self.says(self.pick(ev.speakers), ref)} {A} {v}، {date}، {indef}{adj} مع {B}{where}."

    def _medium_for(self, medium, trig) -> str:
        return self.pick(self.medium.get(medium) or [""])

    def _medium_adj(self, medium: str, trig: str) -> str:
        """A medium word agreeing with the trigger: "اتصالا هاتفيا", "مكالمة هاتفية", "عبر الفيديو"."""
        words = self.medium.get(medium) or []
        preps = [w for w in words if " " in w or w.startswith("ب")]
        if trig.startswith("ال"):
            adjs = [w for w in words if w.startswith("ال") and " " not in w]
            adjs = [w for w in adjs if w.endswith("ة") == is_feminine_noun(trig)]
        elif trig.endswith("ا"):
            adjs = [w for w in words if w.endswith("يا") and not w.startswith("ال")]
        elif is_feminine_noun(trig) and not trig.endswith("ات"):
            adjs = [w for w in words if w.endswith("ية") and not w.startswith("ال")]
        else:
            adjs = []
        opts = adjs + preps
        if not opts or self.maybe(0.2):
            return ""
        return " " + self.pick(opts)

    def s_duration(self, ev, tdef, fem, ref, dissent) -> str:
        m = ev.minutes
        if dissent:
            m = m * 2 if m <= 90 else max(10, int(round(m / 2.5 / 5)) * 5)
        phrase = self.hedged_duration(m, m)
        style = self.rng.random()
        verb = self.pick(self.cue_verbs) if self.cue_verbs else "استمر"
        verb_f = fem_of(verb, self.cue_all) if fem else verb
        if style < 0.35:
            return f"و{verb_f} {tdef} {phrase}."
        if style < 0.6:
            return f"{self.says(self.pick(ev.speakers), ref)} {tdef} {verb_f} {phrase}."
        if style < 0.8:
            return f"و{verb_f} {tdef} {phrase}، {self.according(self.pick(ev.speakers), ref)}."
        nominal = self.pick(self.cue_nominal)
        d = self.pick([w for w in self.dual if w in ("الطرفان", "الجانبان", "الرجلان")] or self.dual)
        talked = self.pick(self.v_discussed)
        return f"و{talked} {d} {self.pick(TOPICS)} {nominal} {phrase}."

    def s_start_time(self, ev, tdef, fem, ref, dissent) -> str:
        utc = ev.start_utc + (dt.timedelta(minutes=60) if dissent else dt.timedelta(0))
        sides = [self.w.persons[ev.a].side, self.w.persons[ev.b].side]
        near = [c for s in sides for c in self.w.capitals.get(s, [])]
        zw, local = self.pick_zone(utc, near)
        clock = self.clock_phrase(local, zw)
        verb = self.pick(self.start_verbs) if self.start_verbs else "بدأ"
        verb_f = fem_of(verb, self.roles_all) if fem else verb
        if self.maybe(0.25):
            zw2, local2 = self.pick_zone(utc, [])
            if zw2 != zw:
                clock += f" ({local2.hour:02d}:{local2.minute:02d} {self.zone_phrase(zw2)})"
        style = self.rng.random()
        if style < 0.5:
            return f"و{verb_f} {tdef} {clock}."
        return f"{self.says(self.pick(ev.speakers), ref)} {tdef} {verb_f} {clock}."

    def s_initiator(self, ev, tdef, fem, ref, dissent) -> str:
        init = ev.initiator
        if dissent:
            init = ev.b if init == ev.a else ev.a
        p = self.w.persons[init]
        who = self.person_ref(init, ref) if self.maybe(0.6) else (self.side_ref(p.side) or self.person_ref(init, ref))
        cue = self.pick(self.init_cues)
        first = cue.split()[0]
        if first in ("جاءت", "جرت"):
            if not fem:
                cue = cue.replace(first, first[:-1], 1)
            core = f"{tdef} {cue} {who}"
        elif first in ("المبادرة", "كانت"):
            core = f"{cue} {who}"
        elif first == "مبادرة":
            core = f"{tdef} {'جاءت' if fem else 'جاء'} ب{cue} {who}"
        else:
            core = f"{tdef} {'جرت' if fem else 'جرى'} {cue} {who}"
        if self.maybe(0.5):
            return f"{self.says(self.pick(ev.speakers), ref)} {core}."
        return f"وأوضح البيان أن {core}." if self.maybe(0.3) else f"و{core}."

    def s_medium(self, ev, tdef, fem, ref, dissent) -> str:
        words = self.medium.get(ev.medium) or []
        preps = [w for w in words if " " in w or w.startswith("ب")] or words
        if not preps:
            return ""
        v = self._verb(self.v_took_place, fem)
        tail = f"، {self.according(self.pick(ev.speakers), ref)}" if self.maybe(0.4) else ""
        return f"و{v} {tdef} {self.pick(preps)}{tail}."

    def s_quote(self, sp, words, num, ref) -> str:
        words = list(words)
        if self.maybe(0.2) and len(words) > 6:          # an outlet trims the opening
            words = words[self.rng.randint(1, 3):]
        text = " ".join(words).replace("{n}", num if not self.maybe(0.15) else str(int(num) + 1))
        text = text.replace("{n}", num)
        q = self.pick([("«", "»"), ("«", "»"), ("\"", "\""), ("“", "”")])
        says = self.says(sp, ref)
        if self.maybe(0.5):
            return f"و{says.rsplit(' ', 1)[0]}: {q[0]}{text}{q[1]}."
        return f"{says} {q[0]}{text}{q[1]}."

    def s_previous(self, a, b, ev, ref) -> str:
        """An earlier event of the same pair, dated by a part of a month or a past weekday."""
        back = self.rng.randint(20, 200)
        d = ev.day - dt.timedelta(days=back)
        kind = self.pick(["call", "meeting", "talks"])
        indef = self.pick(self.trig_indef[kind])
        dual = self.pick([w for w in self.dual if w.endswith("ان") and w in ("الطرفان", "الجانبان", "الرجلان")]
                         or self.dual)
        v = self.pick(self.v_held_by_kind[kind])
        per = [k for k, val in self.periods.items() if " " not in k]
        months = self.r.months[d.month]
        when = f"{self.pick(per)} {self.pick(months)} {d.year}" if self.maybe(0.6) else self.day_month(d, True)
        prev = self.pick(self.previous_markers) if self.previous_markers else ""
        if self.maybe(0.5):
            v2 = v[:-1] + "يا" if v.endswith("ى") else v + "ا"
            return f"وكان {dual} قد {v2} {indef} {when}."
        tdef = self.pick(self.trig_def[kind])
        return (f"ويأتي ذلك بعد {tdef} {prev} بين {self.person_ref(a.id, ref, 'short')} "
                f"و{self.person_ref(b.id, ref, 'short')} {when}.")

    def s_future(self, a, b, ev, ref) -> str:
        kind = self.pick(["meeting", "talks", "call"])
        indef = self.pick(self.trig_indef[kind])
        fut = self.pick(self.future_markers)
        d = ref + dt.timedelta(days=self.rng.randint(3, 40))
        nxt = [k for k, v in self.rel_period.items() if v == 1 and not k.endswith("ة")]
        units = [k for k, v in self.period_unit.items() if v in ("week", "month")]
        opts = [self.day_month(d, False) + " " + self.pick(nxt) if nxt else self.day_month(d, True)]
        if units and nxt:
            opts.append(f"{self.pick(units)} {self.pick(nxt)}")
        when = self.pick(opts)
        where = f" في {self.pick(self.w.cities)}" if kind != "call" and self.maybe(0.5) else ""
        return (f"و{fut} أن يعقد {self.person_ref(a.id, ref, 'short')} "
                f"و{self.person_ref(b.id, ref, 'short')} {indef} {when}{where}.")

    def s_generic(self, a, ref) -> str:
        g = self.pick(self.trig_generic)
        region = self.pick(["الأوروبيين", "دول المنطقة", "الحلفاء", "الشركاء الآسيويين"])
        return (f"وتندرج هذه الخطوة ضمن {g} {self.pick(['يجريها', 'يقوم بها'])} "
                f"{self.person_ref(a.id, ref, 'short')} مع {region} {self.pick(F_TAILS)}.")

    def headline(self, a, b, rkind) -> str:
        A, B = self.pick(a.short or a.full), self.pick(b.short or b.full)
        return f"{A} و{B} {self.pick(['يتفقان على', 'يختلفان حول', 'يستعرضان', 'يناقشان'])} {self.pick(TOPICS)}"

    def filler(self) -> str:
        rng = self.rng
        style = rng.random()
        country = self.pick([self.pick(c["aliases"]["ar"]) for c in self.w.countries.values()])
        if style < 0.35:
            s = f"{self.pick(F_OPENERS)}، {self.pick(F_SUBJECTS)} {self.pick(F_PREDICATES)} {self.pick(F_TAILS)}"
        elif style < 0.7:
            s = f"{self.pick(F_OPENERS)}، {country} {self.pick(F_COUNTRY_PREDICATES)} {self.pick(F_TAILS)}"
        elif style < 0.85:
            s = self.pick(F_NUMBERS).format(p=rng.randint(3, 40), b=rng.randint(2, 90), c=country)
            s += f" {self.pick(F_TAILS)}"
        else:
            s = f"{self.pick(F_SUBJECTS)} {self.pick(F_PREDICATES)}، في حين {country} {self.pick(F_COUNTRY_PREDICATES)}"
        return s + "."


# --------------------------------------------------------------------------- corpus


def generate(n_docs: int, seed: int = 1, rules_dir: Path = RULES) -> list[dict]:
    return generate_with_truth(n_docs, seed, rules_dir)[0]


def generate_with_truth(n_docs: int, seed: int = 1, rules_dir: Path = RULES) -> tuple[list[dict], dict]:
    """The documents, and what was planted: which event each document reports, which
    events have an outlet that dissents on a fact."""
    comp = Composer(Rules(rules_dir), seed)
    events = comp.make_events(n_docs)
    slots = [(ev, i) for ev in events for i in range(ev.reports)][:n_docs]
    comp.rng.shuffle(slots)
    docs = []
    used: dict[int, list[str]] = {}
    for k, (ev, i) in enumerate(slots):
        taken = used.setdefault(ev.n, [])
        free = [o for o in comp.outlets if o not in taken] or comp.outlets
        outlet = comp.pick(free)
        taken.append(outlet)
        docs.append(comp.report(ev, i, f"syn{k:06d}", outlet))
    doc_event = {d["id"]: ev.n for d, (ev, _) in zip(docs, slots, strict=True)}
    reported = sorted(set(doc_event.values()))
    by_n = {ev.n: ev for ev in events}
    truth = {
        "generator_version": GENERATOR_VERSION, "seed": seed, "documents": len(docs),
        "events": len(reported),
        "events_with_2plus_reports": sum(1 for n in reported if list(doc_event.values()).count(n) >= 2),
        "planted_conflicts": {f: sum(1 for n in reported if f in by_n[n].conflict
                                     and by_n[n].conflict[f] < by_n[n].reports
                                     and any(doc_event[d] == n for d in doc_event))
                              for f in ("duration", "start_time", "initiator")},
        "doc_event": doc_event,
    }
    return docs, truth


def write_jsonl(docs: list[dict], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="\n") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    tmp.replace(path)


def write_folder(docs: list[dict], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    manifest = {}
    for d in docs:
        name = f"{d['id']}.txt"
        (folder / name).write_text(d["text"], encoding="utf-8")
        manifest[name] = {"outlet": d["outlet"], "language": d["language"], "published": d["published"],
                          "url": None}
    (folder / "sources.yaml").write_text(
        "# synthetic corpus written by bench/make_corpus.py\n" +
        yaml.safe_dump(manifest, allow_unicode=True, sort_keys=True), encoding="utf-8")


def check_filler(n: int = 400, seed: int = 1) -> int:
    """Run the real extractor over filler sentences: none may yield a claim or an event."""
    from reconcile.entities.gazetteer import gazetteer
    from reconcile.entities.registry import EntityRegistry
    from reconcile.extract import extract_document, language_context
    from reconcile.records import Document
    comp = Composer(Rules(), seed)
    ctx, gaz = language_context("ar"), EntityRegistry(gazetteer())
    bad = 0
    for i in range(n):
        s = comp.filler()
        doc = Document(id=f"f{i}", text=s, sha256="0", language="ar", published="2022-02-01")
        r = extract_document(doc, ctx, gaz)
        if r.claims or r.mentions:
            bad += 1
            print(f"filler yields {len(r.claims)} claims / {len(r.mentions)} mentions: {s}")
    print(f"{n} filler sentences checked, {bad} with claims or event mentions")
    return 1 if bad else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=1000, help="number of documents (default 1000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, help="JSON Lines file to write (default bench/out/corpus_N.jsonl)")
    ap.add_argument("--folder", type=Path, help="write a folder of .txt files + sources.yaml instead")
    ap.add_argument("--check", action="store_true", help="verify that filler sentences carry no claims")
    args = ap.parse_args(argv)
    if args.check:
        return check_filler(seed=args.seed)
    docs, truth = generate_with_truth(args.docs, args.seed)
    if args.folder:
        write_folder(docs, args.folder)
        where = args.folder
        truth_path = args.folder / "truth.json"
    else:
        where = args.out or ROOT / "bench" / "out" / f"corpus_{args.docs}_s{args.seed}.jsonl"
        write_jsonl(docs, where)
        truth_path = where.with_suffix(".truth.json")
    truth_path.write_text(json.dumps(truth, indent=1) + "\n", encoding="utf-8")
    size = sum(len(d["text"].encode("utf-8")) for d in docs)
    print(f"{where}: {len(docs)} documents, {size / 1e6:.1f} MB of text", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
