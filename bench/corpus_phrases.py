"""Vocabulary and phrase builders for ``make_corpus.py``.

The rule files as the generator reads them (``Rules``: lexicons, language settings,
gazetteer, CLDR month and weekday names), the world they describe (people with their
titles, sides, institutions, countries, cities, agencies), the few words written here
(claim-free filler, quotations, topics) and ``Phrases``: one outlet's words for a person,
a speaker, a state, a duration, a clock time or a date, each drawn from the lexicons.
``make_corpus.Composer`` builds sentences and documents on top of it.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from random import Random
from zoneinfo import ZoneInfo

import yaml
from babel.dates import get_day_names, get_month_names

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

# --------------------------------------------------------------------------- quotations and topics (written here)

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
TOPICS = ["الوضع الأمني في شرق أوروبا", "ملف الطاقة وإمدادات الغاز", "الاستقرار الاستراتيجي",
          "تبادل الأسرى", "ممرات تصدير الحبوب", "الضمانات الأمنية", "الملف النووي الإيراني",
          "التعاون الاقتصادي", "الأزمة الإنسانية", "الحد من التسلح"]


# --------------------------------------------------------------------------- phrases


def _trigger_of(kinds: tuple[str, ...]):
    """A ``Rules.words`` filter: the non-generic triggers of the given kinds."""
    def keep(k, v) -> bool:
        return (v or {}).get("kind") in kinds and not (v or {}).get("generic")
    return keep


_FRACTION_OF = {15: 0.25, 30: 0.5, 20: 0.3333}     # minutes past the hour -> fraction value


class Phrases:
    """Lexicon selections by grammatical kind and the words for entities and values."""

    def __init__(self, rules: Rules, seed: int):
        self.r = rules
        self.w = build_world(rules)
        self.rng = Random(seed)
        r = rules
        # lexicon selections by grammatical kind
        self.trig_def = {k: [w for w in r.words("trigger", _trigger_of((k,)))
                             if w.startswith("ال") and " " not in w and not _PRONOUN.search(w)]
                         for k in ("call", "meeting", "talks")}
        self.trig_indef = {k: [w for w in r.words("trigger", _trigger_of((k,)))
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
            adjs = [a for a in (c.get("adjectives") or {}).get("ar") or []
                    if a.startswith("ال") and not a.endswith("ة")]
            if adjs:
                opts.append("الجانب " + self.pick(adjs))
        return self.pick(opts) if opts else ""

    # ------------------------------------------------------------------ values in words
    def duration_phrase(self, m: int, hedge: str | None = None) -> str:
        """Words for ``m`` minutes (exact), from duration_unit/fraction/number_word."""
        u = self._duration_units()
        frac = {v: k for k, v in self.fractions.items() if " " not in k}
        h, rest = divmod(m, 60)
        opts = [self._minutes_words(m, u)]
        if h and rest == 0:
            opts += self._whole_hours_options(h, u)
        opts += self._fraction_options(h, rest, u, frac)
        if h >= 1 and rest and rest not in (15, 30, 20, 45):
            opts.append(f"{self._hours_words(h, u)} و{self._minutes_words(rest, u)}")
        return self.pick(opts)

    def _duration_units(self) -> dict[str, list[str]]:
        """duration_unit surfaces by form: one hour, hours, two hours, one minute, minutes."""
        u = self.units
        return {
            "hour1": [k for k, v in u.items() if v.get("minutes") == 60 and "count" not in v and k.endswith("ة")],
            "hours": [k for k, v in u.items() if v.get("minutes") == 60 and "count" not in v and k.endswith("ات")],
            "hour2": [k for k, v in u.items() if v.get("minutes") == 60 and v.get("count") == 2],
            "min1": [k for k, v in u.items() if v.get("minutes") == 1 and "count" not in v and k.endswith("ة")],
            "mins": [k for k, v in u.items() if v.get("minutes") == 1 and "count" not in v and not k.endswith("ة")],
        }

    def _hours_words(self, hh: int, u: dict[str, list[str]]) -> str:
        if hh == 1:
            return self.pick(u["hour1"])
        if hh == 2:
            return self.pick(u["hour2"])
        w = self.num_word(hh) if self.maybe(0.7) else None
        return f"{w or self.digits(hh)} {self.pick(u['hours'])}"

    def _minutes_words(self, mm: int, u: dict[str, list[str]]) -> str:
        unit = self.pick(u["mins"]) if 3 <= mm <= 10 else self.pick(u["min1"])
        w = self.num_word(mm) if self.maybe(0.35) else None
        return f"{w or self.digits(mm)} {unit}"

    def _whole_hours_options(self, h: int, u: dict[str, list[str]]) -> list[str]:
        """A whole number of hours (weighted 3), and "ساعة واحدة" for one."""
        opts = [self._hours_words(h, u)] * 3
        if h == 1:
            one = [w for w in self.numwords.get(1, []) if w.endswith("ة")]
            if one:
                opts.append(f"{self.pick(u['hour1'])} {self.pick(one)}")
        return opts

    def _fraction_options(self, h: int, rest: int, u: dict[str, list[str]], frac: dict) -> list[str]:
        """A quarter, a third or a half of an hour (after hours), or an hour less a quarter."""
        opts: list[str] = []
        if rest in _FRACTION_OF:
            if h == 0 and _FRACTION_OF[rest] in frac:
                opts += [f"{frac[_FRACTION_OF[rest]]} {self.pick(u['hour1'])}"] * 2
            f = frac.get(_FRACTION_OF[rest])
            if h >= 1 and f:
                opts += [f"{self._hours_words(h, u)} و{f}"] * 2
        if rest == 45 and self.minus and 0.25 in frac:
            whole = self._hours_words(h + 1, u) if h >= 1 else self.pick(u["hour1"])
            opts.append(f"{whole} {self.pick(self.minus)} {frac[0.25]}")
        return opts

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

