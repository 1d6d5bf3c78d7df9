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
(prepositions such as "مع", "بين", "أن") and the filler vocabulary below are written here.

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

    python bench/make_corpus.py --docs 1000 --out bench/out/corpus_1000.jsonl
    python bench/make_corpus.py --docs 200 --folder bench/out/corpus_200/
    python bench/make_corpus.py --check            # filler produces no claims (needs reconcile)

Same --docs and --seed give the same bytes.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from random import Random
from zoneinfo import ZoneInfo

import yaml
from babel.dates import get_day_names, get_month_names

GENERATOR_VERSION = 3
ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"

# --------------------------------------------------------------------------- rule files


class Rules:
    """The lexicons of rules/<lang>/*.yaml, the language settings and the gazetteer."""

    def __init__(self, rules_dir: Path = RULES, lang: str = "ar"):
        self.lex: dict[str, object] = {}
        self.settings: dict[str, dict] = {}
        for path in sorted((rules_dir / lang).glob("*.yaml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            for name, entries in (data.get("lexicons") or {}).items():
                self.lex[name] = entries
            self.settings[path.stem] = data
        cldr = (self.settings.get("language") or {}).get("cldr") or {}
        self.locales = list(cldr.get("locales") or ["ar"])
        gaz = yaml.safe_load((rules_dir / "entities.yaml").read_text(encoding="utf-8"))
        self.entities = {e["id"]: e for e in gaz["entities"]}
        # months: number -> distinct wide names over the CLDR locales (Egyptian, Levantine, Maghrebi)
        self.months: dict[int, list[str]] = {}
        for loc in self.locales:
            for num, name in get_month_names("wide", locale=loc).items():
                names = self.months.setdefault(num, [])
                if name not in names:
                    names.append(name)
        # weekdays: Python weekday() -> name (Babel keys 0 = Monday as well)
        self.weekdays = dict(get_day_names("wide", locale=self.locales[0]))

    def fingerprint(self) -> str:
        """A digest of everything the generator reads from the rule files."""
        data = {"lex": self.lex, "entities": self.entities, "months": self.months, "days": self.weekdays,
                "locales": self.locales}
        return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
                              .encode("utf-8")).hexdigest()[:16]

    def words(self, name: str, where=None) -> list[str]:
        """The surfaces of lexicon ``name`` (a list or a mapping), optionally filtered by value."""
        entries = self.lex.get(name) or []
        if isinstance(entries, dict):
            return [k for k, v in entries.items() if where is None or where(k, v)]
        return [k for k in entries if where is None or where(k, None)]

    def value(self, name: str, surface: str):
        entries = self.lex.get(name) or {}
        return entries.get(surface) if isinstance(entries, dict) else None

    def prefer(self, name: str, preferred: list[str], where=None) -> list[str]:
        """The preferred surfaces the lexicon has, else every surface it has."""
        have = self.words(name, where)
        keep = [w for w in preferred if w in have]
        return keep or have


# --------------------------------------------------------------------------- Arabic helpers


_PRONOUN = re.compile(r"(ه|ها|هما|هم)$")
_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def is_feminine_noun(w: str) -> bool:
    """Agreement for a trigger noun: -ة, a plural in -ات, or -ت before a pronoun suffix."""
    bare = w.split()[-1]
    return bare.endswith("ة") or bool(re.search(r"ات(ه|ها|هما|هم)?$", bare)) or \
        bool(re.search(r"ت(ه|ها|هما|هم)$", bare))


def fem_of(verb: str, lexicon_words: list[str]) -> str:
    """The feminine past form listed next to ``verb`` (أجرى -> أجرت, استمر -> استمرت)."""
    for cand in (verb + "ت", verb[:-1] + "ت"):
        if cand in lexicon_words:
            return cand
    return verb + "ت" if not verb.endswith(("ى", "ا")) else verb[:-1] + "ت"


def glue_lam(prefix: str, name: str) -> str:
    """"وفقا ل" + "الكرملين" -> "وفقا للكرملين"; "بيان لـ" + "بوتين" -> "بيان لبوتين"."""
    head = prefix.rstrip("ـ").rstrip()
    if not head.endswith("ل"):
        return f"{prefix} {name}"
    head = head[:-1]
    if name.startswith("ال"):
        return f"{head}لل{name[2:]}"
    return f"{head}ل{name}"


# --------------------------------------------------------------------------- world


@dataclass
class Person:
    id: str
    full: list[str]            # multi-word aliases
    short: list[str]           # one-word aliases
    roles: list[dict]          # {ar: [...], from, to}
    side: str                  # lifted affiliation (a country or an organisation)
    female: bool
    spokes: bool               # speaks for an office rather than meeting counterparts

    def titles_on(self, day: dt.date) -> list[str]:
        iso = day.isoformat()
        out = []
        for r in self.roles:
            lo, hi = str(r.get("from") or "0000"), str(r.get("to") or "9999")
            if lo <= iso < hi:
                out.extend(r.get("ar") or [])
        return out


@dataclass
class World:
    persons: dict[str, Person]
    orgs: dict[str, dict]                 # institutions that speak (not media)
    media: list[str]                      # agency aliases
    countries: dict[str, dict]            # id -> entity (with aliases, adjectives)
    capitals: dict[str, list[str]]        # country id -> capital aliases
    cities: list[str]                     # every city alias
    city_zone: dict[str, str]             # city alias -> IANA zone (from the timezone lexicon)


def build_world(r: Rules) -> World:
    ents = r.entities

    def lift(eid: str) -> str:
        seen = set()
        while eid in ents and eid not in seen:
            seen.add(eid)
            e = ents[eid]
            if e["type"] == "country" or not (e.get("affiliation") or e.get("capital_of")):
                return eid
            eid = e.get("affiliation") or e.get("capital_of")
        return eid

    persons, orgs, media, countries, capitals, cities = {}, {}, [], {}, {}, []
    for eid, e in ents.items():
        ar = list((e.get("aliases") or {}).get("ar") or [])
        if e["type"] == "person":
            roles = list(e.get("roles") or [])
            titles = [t for r_ in roles for t in (r_.get("ar") or [])]
            female = any(t.split()[0] in ("وزيرة", "المتحدثة", "الناطقة", "رئيسة") for t in titles) or \
                (bool(ar) and len(ar[0].split()[0]) > 3 and ar[0].split()[0].endswith("ا"))
            spokes = any("باسم" in t or t.startswith(("مساعد", "مستشار")) for t in titles)
            persons[eid] = Person(eid, [a for a in ar if " " in a] or ar, [a for a in ar if " " not in a],
                                  roles, lift(eid), female, spokes)
        elif e["type"] == "org":
            orgs[eid] = e
        elif e["type"] == "media":
            media.extend(ar)
        elif e["type"] == "country":
            countries[eid] = e
        elif e["type"] == "city":
            cities.extend(ar)
            if e.get("capital_of"):
                capitals.setdefault(e["capital_of"], []).extend(ar)
    tz = r.lex.get("timezone") or {}
    city_zone = {c: tz[c] for c in cities if c in tz}
    return World(persons, orgs, media, countries, capitals, cities, city_zone)


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


# --------------------------------------------------------------------------- filler (written here)
# Claim-free background sentences: no event noun, no duration, clock time, date, speech verb,
# initiator cue or medium word (``--check`` verifies this against the real extractor).

F_SUBJECTS = [
    "المستثمرون الأجانب", "خبراء الطاقة", "المزارعون", "صناع القرار", "الدبلوماسيون الغربيون",
    "المحللون العسكريون", "المراقبون", "رجال الأعمال", "الاقتصاديون", "الناشطون الحقوقيون",
    "أصحاب المصانع", "الباحثون في الشؤون الأوروبية", "التجار", "ممثلو شركات التأمين",
]
F_PREDICATES = [
    "يتابعون بقلق ارتفاع أسعار الغاز والحبوب",
    "يراهنون على تهدئة تعيد الثقة إلى سلاسل الإمداد",
    "يخشون اتساع رقعة التوتر على الحدود الشرقية لأوروبا",
    "يطالبون بضمانات تحمي خطوط نقل الطاقة",
    "يرون أن العقوبات المتبادلة أضرت بالطرفين",
    "يتوقعون موجة جديدة من التضخم تطال الأسر محدودة الدخل",
    "يدعون إلى تخفيف القيود المفروضة على صادرات الأسمدة",
    "يحذرون من تداعيات طويلة على الأمن الغذائي",
    "ينتظرون إشارات واضحة قبل ضخ استثمارات جديدة",
    "يعولون على الوساطات الإقليمية لخفض حدة الأزمة",
    "يبدون تشاؤما حيال فرص التوصل إلى تسوية شاملة",
    "يستعدون لشتاء صعب مع تراجع مخزونات الوقود",
    "يلاحظون تحولا في خطاب العواصم الكبرى تجاه الملف",
    "يرصدون تحركات عسكرية متزايدة قرب خطوط التماس",
]
F_OPENERS = ["وفي سياق متصل", "من جانب آخر", "وعلى صعيد آخر", "في غضون ذلك", "إلى ذلك",
             "وفي الأثناء", "ومن ناحية أخرى", "على الصعيد الاقتصادي", "وعلى الأرض"]
F_COUNTRY_PREDICATES = [
    "تواجه ضغوطا متزايدة لتنويع مصادر الطاقة",
    "تسعى إلى تعزيز حضورها الاقتصادي في آسيا الوسطى",
    "رفعت إنفاقها الدفاعي إلى مستويات غير مسبوقة",
    "تعمل على إعادة ترتيب أولوياتها التجارية",
    "تلوح بإجراءات مضادة إذا استمرت القيود",
    "تراقب عن كثب التطورات في منطقة البحر الأسود",
    "تحاول الحفاظ على توازن دقيق بين شركائها",
    "شهدت احتجاجات على غلاء المعيشة",
    "وقعت اتفاقيات لتوريد الحبوب إلى دول أفريقية",
    "تدرس خيارات جديدة لنقل صادراتها عبر الموانئ الجنوبية",
]
F_TAILS = [
    "في ظل حالة من عدم اليقين تخيم على الأسواق",
    "وسط دعوات إلى ضبط النفس",
    "بحسب تقديرات مراكز بحثية مستقلة",
    "رغم التحذيرات المتكررة من عواقب التصعيد",
    "مع تزايد المخاوف من انقطاع الإمدادات",
    "في محاولة لاحتواء التوتر",
    "بالتوازي مع تحركات دبلوماسية مكثفة",
    "ما يعكس حجم التحديات المقبلة",
]
F_NUMBERS = [
    "وتشير الأرقام إلى أن حجم التبادل التجاري تراجع بنحو {p} بالمئة",
    "وارتفعت أسعار القمح في الأسواق العالمية بنسبة {p} بالمئة",
    "وتقدر خسائر قطاع النقل بما يزيد على {b} مليار دولار",
    "ويعتمد {c} على الخارج في تأمين قرابة {p} بالمئة من احتياجاته من الطاقة",
]
Q_OPENERS = ["نحن مستعدون", "لا نرى بديلا عن الحوار", "موقفنا واضح", "نريد أن نكون صريحين",
             "ننتظر خطوات ملموسة", "الكرة الآن في ملعب الطرف الآخر", "لقد قلنا ذلك مرارا",
             "هذه لحظة مهمة", "علينا أن نتحلى بالواقعية", "أقولها بكل وضوح"]
Q_BODIES = [
    "لمواصلة العمل على خفض التصعيد وبناء الثقة خطوة بعد خطوة",
    "ولن نقبل بأي ترتيبات تمس أمننا القومي أو مصالح شعبنا",
    "ونأمل أن تتحول التفاهمات إلى اتفاقات مكتوبة قابلة للتنفيذ",
    "فالمنطقة لا تحتمل مزيدا من التوتر والانقسام",
    "وسنواصل التنسيق مع شركائنا لضمان الاستقرار",
    "وقد اتفقنا على تشكيل {n} فرق عمل مشتركة",
    "وهناك {n} ملفات رئيسية ما زالت مفتوحة بيننا",
    "والمطلوب إرادة سياسية حقيقية وليس بيانات عامة",
    "ولا يمكن فرض الحلول من الخارج",
    "وأي تقدم يجب أن يقاس بالأفعال لا بالأقوال",
]
Q_TOPICS = ["فيما يتعلق ب{t}", "في ملف {t}", "عندما يتعلق الأمر ب{t}", "بشأن {t}", "حول {t}"]
Q_CLOSINGS = ["ولدينا الوقت الكافي لذلك", "وهذا ما أبلغناه بوضوح", "والأيام المقبلة ستثبت ذلك",
              "وسنرى ما سيحدث", "وهذا هو جوهر المسألة", "ونحن لن نتراجع عن ذلك"]


# --------------------------------------------------------------------------- composer


class Composer:
    def __init__(self, rules: Rules, seed: int):
        self.r = rules
        self.w = build_world(rules)
        self.rng = Random(seed)
        r = rules
        # lexicon selections by grammatical kind
        trig = lambda kinds: (lambda k, v: (v or {}).get("kind") in kinds and not (v or {}).get("generic"))
        self.trig_def = {k: [w for w in r.words("trigger", trig((k,)))
                             if w.startswith("ال") and " " not in w and not _PRONOUN.search(w)]
                         for k in ("call", "meeting", "talks")}
        self.trig_indef = {k: [w for w in r.words("trigger", trig((k,)))
                               if not w.startswith("ال") and " " not in w
                               and not _PRONOUN.search(w)]
                           for k in ("call", "meeting", "talks")}
        self.trig_generic = r.words("trigger", lambda k, v: bool((v or {}).get("generic")))
        past = r.words("past_marker")
        self.v_held = r.prefer("past_marker", ["أجرى", "عقد"])           # transitive "held"
        self.v_held_by_kind = {"call": r.prefer("past_marker", ["أجرى"]),
                               "talks": r.prefer("past_marker", ["أجرى", "عقد"]),
                               "meeting": r.prefer("past_marker", ["عقد"])}
        self.v_took_place = r.prefer("past_marker", ["جرى"])            # intransitive
        self.v_discussed = r.prefer("past_marker", ["بحث", "ناقش", "تباحث"])
        self.past = past
        self.future_markers = r.prefer("future_marker", ["من المقرر", "من المتوقع"])
        self.previous_markers = r.words("previous_marker")
        cues = r.words("duration_cue")
        self.cue_verbs = [c for c in cues if fem_of(c, cues) in cues and fem_of(c, cues) != c
                          and c[0] not in "يت"]                             # استمر, استغرق, دام, امتد
        self.cue_all = cues
        self.cue_nominal = r.prefer("duration_cue", ["لمدة", "على مدى", "طيلة", "طوال"])
        roles = r.words("time_role")
        self.start_verbs = [w for w in r.words("time_role", lambda k, v: v == "start_time")
                            if fem_of(w, roles) in roles and fem_of(w, roles) != w]
        self.end_verbs = [w for w in r.words("time_role", lambda k, v: v == "end_time")
                          if fem_of(w, roles) in roles and fem_of(w, roles) != w]
        self.roles_all = roles
        self.say = [w for w in r.words("say_verb") if not w.startswith(("ي", "ت")) and not w.startswith("قول")
                    and w not in ("نفى", "نفت", "زعم", "زعمت", "نقل", "نقلت", "وصف", "وصفت", "رأى", "رأت",
                                  "اعتبر", "اعتبرت", "كتب", "كتبت", "أعرب", "أعربت", "لفت", "لفتت")]
        self.say = [w for w in self.say if w + "ت" in r.words("say_verb") or w[:-1] + "ت" in r.words("say_verb")
                    or w.endswith("ت")]
        self.say_masc = [w for w in self.say if not w.endswith("ت") or w + "ت" in self.say]
        self.according_cues = [w for w in r.words("according_to") if not w.endswith(("ما", "ل", "لـ"))
                                or w.endswith(("بيان ل", "بيان لـ"))]
        self.init_cues = r.words("initiator_cue")
        self.hedge_before = r.lex.get("hedge_before") or {}
        self.hedge_after = r.lex.get("hedge_after") or {}
        self.units = r.lex.get("duration_unit") or {}
        self.fractions = r.lex.get("fraction") or {}
        self.minus = r.words("minus")
        self.numwords = self._number_words()
        self.daypart = r.lex.get("daypart") or {}
        self.hour_words = {v: k for k, v in (r.lex.get("hour_word") or {}).items()}
        self.minute_words: dict[int, list[str]] = {}
        for k, v in (r.lex.get("minute_word") or {}).items():
            if k.startswith("ال"):
                self.minute_words.setdefault(int(v), []).append(k)
        self.zones = {k: v for k, v in (r.lex.get("timezone") or {}).items()}
        self.rel_day = r.lex.get("relative_day") or {}
        self.ordinal = {v: k for k, v in (r.lex.get("ordinal_day") or {}).items()}
        self.periods = r.lex.get("period") or {}
        self.rel_period = r.lex.get("relative_period") or {}
        self.period_unit = r.lex.get("period_unit") or {}
        self.year_words = r.words("year_word")
        self.dual = r.words("dual_reference")
        self.counterpart = r.words("counterpart")
        self.loc_prep = r.words("location_prep")
        med = r.lex.get("medium_word") or {}
        self.medium = {m: [w for w, v in med.items() if v == m] for m in ("phone", "video", "in_person")}
        self.participants = [p for p in self.w.persons.values() if not p.spokes]
        self.outlets = self._outlets()

    # ------------------------------------------------------------------ vocab helpers
    def _number_words(self) -> dict[int, list[str]]:
        out: dict[int, list[str]] = {}
        for k, v in (self.r.lex.get("number_word") or {}).items():
            out.setdefault(int(v), []).append(k)
        return out

    def _outlets(self) -> list[str]:
        """Outlet names (metadata only): the gazetteer's English city names + a masthead noun."""
        nouns = ["Daily", "Times", "Post", "Herald", "Observer", "Tribune", "Courier", "Gazette", "Today"]
        cities = [e["name"] for e in self.r.entities.values() if e["type"] == "city"]
        names = [f"{c} {n}" for c in cities for n in nouns]
        Random(7).shuffle(names)
        return sorted(names[:48])

    def pick(self, xs):
        return self.rng.choice(list(xs))

    def maybe(self, p: float) -> bool:
        return self.rng.random() < p

    def num_word(self, n: int, feminine_noun: bool = True) -> str | None:
        """Arabic words for 1..99 from number_word (the forms counted feminine nouns take)."""
        def one(v):
            cands = self.numwords.get(v) or []
            if not cands:
                return None
            if 3 <= v <= 10:
                short = [c for c in cands if not c.endswith("ة")] if feminine_noun else \
                    [c for c in cands if c.endswith("ة")]
                return (short or cands)[0]
            if v >= 20:
                ins = [c for c in cands if c.endswith("ين")]
                return (ins or cands)[0]
            return cands[0]
        if 11 <= n <= 19:
            cands = self.numwords.get(n) or []
            fem = [c for c in cands if c.endswith("عشرة")] if feminine_noun else [c for c in cands if c.endswith("عشر")]
            return (fem or cands or [None])[0]
        if n < 20 or n % 10 == 0:
            return one(n)
        u, t = one(n % 10), one(n - n % 10)
        return f"{u} و{t}" if u and t else None

    def digits(self, n) -> str:
        s = str(n)
        return s.translate(_INDIC) if self.maybe(0.1) else s

    # ------------------------------------------------------------------ entity references
    def person_ref(self, pid: str, day: dt.date, style: str | None = None) -> str:
        p = self.w.persons[pid]
        titles = p.titles_on(day)
        style = style or self.pick(["title+full", "title+full", "full", "short", "title"] if titles
                                   else ["full", "full", "short"])
        if style == "title" and titles:
            return self.pick(titles)
        if style == "title+full" and titles:
            return f"{self.pick(titles)} {self.pick(p.full)}"
        if style == "short" and p.short:
            return self.pick(p.short)
        return self.pick(p.full)

    def speaker_ref(self, eid: str, day: dt.date) -> str:
        return self.speaker(eid, day)[0]

    def speaker(self, eid: str, day: dt.date) -> tuple[str, bool]:
        """(words naming the speaker, feminine agreement)."""
        if eid in self.w.persons:
            return (self.person_ref(eid, day, self.pick(["title+full", "title+full", "full", "title"])),
                    self.w.persons[eid].female)
        alias = self.pick(self.w.orgs[eid]["aliases"]["ar"])
        return alias, is_feminine_noun(alias.split()[0])

    def says(self, eid: str, day: dt.date) -> str:
        """"قالت وزارة الخارجية الروسية إن" / "أكد الكرملين أن": a speech verb, its subject, that."""
        who, female = self.speaker(eid, day)
        v = self.pick(self.say_masc)
        if female:
            v = fem_of(v, self.say)
        return f"{v} {who} {'إن' if v.startswith('قال') else 'أن'}"

    def according(self, eid: str, day: dt.date) -> str:
        """"بحسب الكرملين", "وفقا للبيت الأبيض", "نقلا عن ..." (according_to + the source)."""
        cue = self.pick(self.according_cues)
        if cue.endswith("ا") and " " not in cue:
            cue += " ل"                                   # "وفقا" / "طبقا" take ل
        return glue_lam(cue, self.speaker_ref(eid, day))

    def side_ref(self, side: str) -> str:
        """A state named for an initiator: its capital, its name, or an adjective after a cue."""
        c = self.w.countries.get(side)
        opts = []
        if self.w.capitals.get(side):
            opts.append(self.pick(self.w.capitals[side]))
        if c:
            opts.append(self.pick(c["aliases"]["ar"]))
            adjs = [a for a in (c.get("adjectives") or {}).get("ar") or [] if a.startswith("ال") and not a.endswith("ة")]
            if adjs:
                opts.append("الجانب " + self.pick(adjs))
        return self.pick(opts) if opts else ""

    # ------------------------------------------------------------------ values in words
    def duration_phrase(self, m: int, hedge: str | None = None) -> str:
        """Words for ``m`` minutes (exact), from duration_unit/fraction/number_word."""
        u = self.units
        hour1 = [k for k, v in u.items() if v.get("minutes") == 60 and "count" not in v and k.endswith("ة")]
        hours = [k for k, v in u.items() if v.get("minutes") == 60 and "count" not in v and k.endswith("ات")]
        hour2 = [k for k, v in u.items() if v.get("minutes") == 60 and v.get("count") == 2]
        min1 = [k for k, v in u.items() if v.get("minutes") == 1 and "count" not in v and k.endswith("ة")]
        mins = [k for k, v in u.items() if v.get("minutes") == 1 and "count" not in v and not k.endswith("ة")]
        frac = {v: k for k, v in self.fractions.items() if " " not in k}
        opts: list[str] = []
        h, rest = divmod(m, 60)

        def hours_words(hh):
            if hh == 1:
                return self.pick(hour1)
            if hh == 2:
                return self.pick(hour2)
            w = self.num_word(hh) if self.maybe(0.7) else None
            return f"{w or self.digits(hh)} {self.pick(hours)}"

        def minutes_words(mm):
            unit = self.pick(mins) if 3 <= mm <= 10 else self.pick(min1)
            w = self.num_word(mm) if self.maybe(0.35) else None
            return f"{w or self.digits(mm)} {unit}"

        opts.append(minutes_words(m))
        if h and rest == 0:
            opts += [hours_words(h)] * 3
            if h == 1:
                one = [w for w in self.numwords.get(1, []) if w.endswith("ة")]
                if one:
                    opts.append(f"{self.pick(hour1)} {self.pick(one)}")
        if h == 0 and rest in (15, 30, 20) and {15: 0.25, 30: 0.5, 20: 0.3333}[rest] in frac:
            opts += [f"{frac[{15: 0.25, 30: 0.5, 20: 0.3333}[rest]]} {self.pick(hour1)}"] * 2
        if h >= 1 and rest in (15, 30, 20):
            f = frac.get({15: 0.25, 30: 0.5, 20: 0.3333}[rest])
            if f:
                opts += [f"{hours_words(h)} و{f}"] * 2
        if h >= 1 and rest == 45 and self.minus and 0.25 in frac:
            opts.append(f"{hours_words(h + 1)} {self.pick(self.minus)} {frac[0.25]}")
        if h == 0 and rest == 45 and self.minus and 0.25 in frac:
            opts.append(f"{self.pick(hour1)} {self.pick(self.minus)} {frac[0.25]}")
        if h >= 1 and rest and rest not in (15, 30, 20, 45):
            opts.append(f"{hours_words(h)} و{minutes_words(rest)}")
        return self.pick(opts)

    def hedged_duration(self, m: int, true_m: int, allow_wide: bool = True) -> str:
        """A phrase whose interval (after the rule file's widening) contains ``true_m``."""
        hb = self.hedge_before
        choice = self.rng.random()
        approx_b = [k for k, v in hb.items() if v == "approx"]
        approx_a = [k for k, v in self.hedge_after.items() if v == "approx"]
        if choice < 0.45 or m != true_m:
            return self.duration_phrase(m)
        if choice < 0.7 and approx_b:
            return f"{self.pick(approx_b)} {self.duration_phrase(m)}"
        if choice < 0.8 and approx_a:
            return f"{self.duration_phrase(m)} {self.pick(approx_a)}"
        if allow_wide and choice < 0.9:
            lower = [x for x in (15, 30, 45, 60, 90, 120, 180) if x < true_m <= 1.5 * x]
            more = [k for k, v in hb.items() if v == "more_than"]
            if lower and more:
                return f"{self.pick(more)} {self.duration_phrase(max(lower))}"
        if allow_wide:
            upper = [x for x in (30, 60, 90, 120, 180, 240) if x > true_m >= 0.5 * x]
            less = [k for k, v in hb.items() if v == "less_than"]
            if upper and less:
                return f"{self.pick(less)} {self.duration_phrase(min(upper))}"
        return self.duration_phrase(m)

    def zone_phrase(self, zone_word: str) -> str:
        pre = self.pick(["بتوقيت", "بتوقيت", "حسب توقيت", "وفق توقيت", "على توقيت"])
        if zone_word in self.w.city_zone and self.maybe(0.2):
            return f"{pre} {self.pick(['العاصمة', 'مدينة'])} {zone_word}"
        return f"{pre} {zone_word}"

    def pick_zone(self, utc: dt.datetime, near: list[str]) -> tuple[str, dt.datetime]:
        """A zone word whose local date is the event's UTC date (so no midnight crossings)."""
        words = list(self.zones)
        pref = [w for w in near if w in self.zones]
        for _ in range(20):
            zw = self.pick(pref) if pref and self.maybe(0.6) else self.pick(words)
            local = utc.astimezone(ZoneInfo(self.zones[zw]))
            if local.date() == utc.date() and 5 <= local.hour <= 23:
                return zw, local
        zw = [w for w in words if self.zones[w] == "UTC"][0]
        return zw, utc

    def clock_phrase(self, local: dt.datetime, zone_word: str) -> str:
        h, m = local.hour, local.minute
        dp = self.daypart
        am = [k for k, v in dp.items() if v == "am" and " " not in k and len(k) > 1]
        pm = [k for k, v in dp.items() if v == "pm" and len(k) > 1]
        noon = [k for k, v in dp.items() if v == "noon" and len(k) > 1]
        night = [k for k, v in dp.items() if v == "night" and len(k) > 1]
        h12 = h % 12 or 12
        if h < 12:
            part = self.pick(am)
        elif h == 12 or (h == 13 and noon):
            part = self.pick(noon) if noon else self.pick(pm)
        elif h >= 20 and night and self.maybe(0.4):
            part = self.pick(night)
        else:
            part = self.pick(pm)
        zone = self.zone_phrase(zone_word)
        at = self.pick(["الساعة", "الساعة", "في تمام الساعة", "تمام الساعة"])
        style = self.rng.random()
        if style < 0.35:
            return f"{at} {h:02d}:{m:02d} {zone}" if self.maybe(0.5) else f"{at} {h}:{m:02d} {zone}"
        if style < 0.6:
            sep = ":" if self.maybe(0.85) else "."
            return f"{at} {h12}{sep}{m:02d} {part} {zone}"
        if style < 0.8 and h12 in self.hour_words and (m in self.minute_words or m % 5 == 0):
            hw = self.hour_words[h12]
            if m == 0:
                mins = ""
            elif m in self.minute_words:
                mins = f" و{self.pick(self.minute_words[m])}"
            else:
                unit = [k for k, v in self.units.items() if v.get("minutes") == 1 and "count" not in v
                        and k.endswith("ة") != (3 <= m <= 10)]
                mins = f" و{m} {self.pick(unit)}"
            return f"{at.replace('الساعة', '').strip() + ' ' if 'تمام' in at else ''}الساعة {hw}{mins} {part} {zone}"
        if m == 0:
            return f"الساعة {h12} {part} {zone}"
        return f"{at} {h:02d}:{m:02d} {zone}"

    def day_month(self, d: dt.date, with_year: bool | None = None) -> str:
        months = self.r.months[d.month]
        style = self.rng.random()
        if style < 0.15 and d.day in self.ordinal:
            day = f"{self.ordinal[d.day]} من"
        else:
            day = self.digits(d.day) if self.maybe(0.85) else f"الـ{d.day}"
        if len(months) > 1 and self.maybe(0.35):
            a, b = self.rng.sample(months, 2)
            month = f"{a}/ {b}" if self.maybe(0.5) else f"{a}/{b}"
        else:
            month = self.pick(months)
        year = with_year if with_year is not None else self.maybe(0.4)
        if year:
            yw = self.pick(self.year_words) + " " if self.year_words and self.maybe(0.2) else ""
            return f"{day} {month} {yw}{self.digits(d.year)}"
        return f"{day} {month}"

    def date_phrase(self, day: dt.date, ref: dt.date) -> str:
        """How an article published on ``ref`` names ``day`` (the past or the same day)."""
        wd = self.r.weekdays[day.weekday()]
        offset = (day - ref).days
        rel = [k for k, v in self.rel_day.items() if v == offset and " " not in k and k != "الليلة"]
        opts = [self.day_month(day), f"{wd} {self.day_month(day)}", f"يوم {wd} {self.day_month(day, False)}"]
        if rel:
            opts += [f"{self.pick(rel)} {wd}", f"{self.pick(rel)} {wd}", f"{self.pick(rel)}، {wd}"]
        if -6 <= offset <= 0:
            opts += [wd, f"يوم {wd}"]
        return self.pick(opts)

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
            start_utc = dt.datetime.combine(day, dt.time(self.rng.randrange(6, 18), self.pick([0, 0, 5, 10, 15, 20, 30, 30, 40, 45, 50])),
                                            tzinfo=dt.UTC)
            if kind == "call":
                medium = self.pick(["phone", "phone", "video"])
            elif kind == "meeting":
                medium = "in_person" if self.maybe(0.85) else "video"
            else:
                medium = self.pick(["phone", "video", "in_person", "in_person"])
            city = None
            if medium == "in_person":
                city = self.pick(self.w.cities)
            init = self.pick([a.id, b.id])
            sides = {a.side, b.side}
            speakers = [p.id for p in self.w.persons.values() if p.spokes and p.side in sides]
            speakers += [oid for oid, o in self.w.orgs.items() if self._lift(oid) in sides]
            speakers += [a.id, b.id]
            ev = Event(len(events) + 1, kind, a.id, b.id, day, minutes, start_utc, medium, init, city,
                       speakers, reports=k)
            for _ in range(self.rng.choice([0, 1, 1, 2])):
                sp = self.pick(speakers)
                topic = self.pick(Q_TOPICS).format(t=self.pick(TOPICS))
                words = f"{self.pick(Q_OPENERS)} {topic} {self.pick(Q_BODIES)} {self.pick(Q_CLOSINGS)}"
                ev.quotes.append((sp, words.split(), str(self.rng.randint(2, 9))))
            if k >= 2:
                if self.maybe(0.35):
                    ev.conflict["duration"] = self.rng.randrange(k)
                if self.maybe(0.12):
                    ev.conflict["start_time"] = self.rng.randrange(k)
                if self.maybe(0.1):
                    ev.conflict["initiator"] = self.rng.randrange(k)
            events.append(ev)
            total += k
        return events

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
        kind = ev.kind
        # this outlet's word for the event; a call may be called talks, a meeting talks
        if kind == "call":
            rkind = "call" if self.maybe(0.8) else "talks"
        elif kind == "meeting":
            rkind = "meeting" if self.maybe(0.8) else "talks"
        else:
            rkind = "talks"
        tdef = self.pick(self.trig_def[rkind])
        fem = is_feminine_noun(tdef)
        sentences: list[tuple[str, str]] = []     # (role, text)

        A, B = self.person_ref(a.id, ref), self.person_ref(b.id, ref)
        date = self.date_phrase(ev.day, ref)
        sentences.append(("lead", self.lead(ev, rkind, a, b, A, B, date, ref)))
        # claims about the event
        facts = ["duration", "start_time", "initiator"]
        if ev.medium != "in_person" or self.maybe(0.3):
            facts.append("medium")
        rng.shuffle(facts)
        drop = rng.random()
        if drop < 0.25:
            facts = facts[:-1]
        for fact in facts:
            dissent = ev.conflict.get(fact) == idx
            s = getattr(self, f"s_{fact}")(ev, tdef, fem, ref, dissent)
            if s:
                sentences.append(("claim", s))
        for sp, words, num in ev.quotes:
            if self.maybe(0.75):
                sentences.append(("claim", self.s_quote(sp, words, num, ref)))
        context = []
        if self.maybe(0.35):
            context.append(self.s_previous(a, b, ev, ref))
        if self.maybe(0.25):
            context.append(self.s_future(a, b, ev, ref))
        if self.maybe(0.2):
            context.append(self.s_generic(a, ref))
        # filler to size: 8-30 sentences, about 2-6 KB
        target = rng.randint(2000, 6000)
        head = self.headline(a, b, rkind)
        dateline = f"{self.pick(self.w.cities)} {self.pick(['-', '-', '–'])} {self.pick(self.w.media)}"
        body = [s for _, s in sentences]
        fill: list[str] = []
        while True:
            n = len(body) + len(context) + len(fill)
            size = len((head + dateline + " ".join(body + context + fill)).encode("utf-8"))
            if n >= 30 or (n >= 8 and size >= target):
                break
            fill.append(self.filler())
        # layout: lead first, claims interleaved with filler, context after the claims
        order = [body[0]]
        rest = body[1:]
        pool = fill[:]
        for s in rest:
            if pool and self.maybe(0.5):
                order.append(pool.pop(0))
            order.append(s)
        order += context
        order += pool
        paras, cur = [], []
        for s in order:
            cur.append(s)
            if len(cur) >= rng.randint(1, 3):
                paras.append(" ".join(cur))
                cur = []
        if cur:
            paras.append(" ".join(cur))
        paras[0] = f"{dateline}: {paras[0]}" if self.maybe(0.6) else paras[0]
        text = head + "\n\n" + "\n\n".join(paras) + "\n"
        pub = ref.isoformat()
        if self.maybe(0.5):
            pub += f"T{rng.randrange(8, 23):02d}:{rng.randrange(60):02d}"
        return {"id": doc_id, "text": text, "outlet": outlet, "language": "ar", "published": pub}

    # ------------------------------------------------------------------ sentences
    def _verb(self, choices: list[str], female: bool) -> str:
        v = self.pick(choices)
        return fem_of(v, self.past) if female else v

    def lead(self, ev, rkind, a, b, A, B, date, ref) -> str:
        med_word = self._medium_for(ev.medium, None)
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
            return f"{v}، {date}، {indef}{adj} بين {A} و{B}{where}، {self.pick(['تناولت', 'تطرقت إلى', 'ركزت على'])} {self.pick(TOPICS)}."
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
        return f"ويأتي ذلك بعد {tdef} {prev} بين {self.person_ref(a.id, ref, 'short')} و{self.person_ref(b.id, ref, 'short')} {when}."

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
        return f"و{fut} أن يعقد {self.person_ref(a.id, ref, 'short')} و{self.person_ref(b.id, ref, 'short')} {indef} {when}{where}."

    def s_generic(self, a, ref) -> str:
        g = self.pick(self.trig_generic)
        region = self.pick(["الأوروبيين", "دول المنطقة", "الحلفاء", "الشركاء الآسيويين"])
        return f"وتندرج هذه الخطوة ضمن {g} {self.pick(['يجريها', 'يقوم بها'])} {self.person_ref(a.id, ref, 'short')} مع {region} {self.pick(F_TAILS)}."

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


TOPICS = ["الوضع الأمني في شرق أوروبا", "ملف الطاقة وإمدادات الغاز", "الاستقرار الاستراتيجي",
          "تبادل الأسرى", "ممرات تصدير الحبوب", "الضمانات الأمنية", "الملف النووي الإيراني",
          "التعاون الاقتصادي", "الأزمة الإنسانية", "الحد من التسلح"]


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
    doc_event = {d["id"]: ev.n for d, (ev, _) in zip(docs, slots)}
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
    from reconcile.extract import extract_document, language_context
    from reconcile.records import Document
    comp = Composer(Rules(), seed)
    ctx, gaz = language_context("ar"), gazetteer()
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
