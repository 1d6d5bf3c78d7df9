"""The gazetteer: the entities ``rules/entities.yaml`` lists (and every country CLDR names),
their spellings per language, and the word lists that help find names it does not list.

Loaded once per process and frozen after loading: what a run adds (people found after a
title, entities a reviewer split off) lives in that run's ``EntityRegistry`` (registry.py),
so one run never sees another's.  The spellings derived within one language (offices, role
and letter variants: derived_surfaces.py) are added when that language is first read.
Finding mentions in a text is in mentions.py.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from reconcile.engine.normalise import fold
from reconcile.engine.rules import RULES_DIR, RuleError, load_yaml, strip_lines
from reconcile.entities.aliases import with_derived_aliases
from reconcile.entities.derived_surfaces import DerivedSpellings, LanguageSurfaces, Surface, SurfaceTable
from reconcile.entities.name_parts import NameParts, TitleWords
from reconcile.entities.surface_matcher import SurfaceMatcher
from reconcile.records import Entity


@dataclass(frozen=True)
class Gazetteer:
    entities: Mapping[str, Entity]
    surfaces: Mapping[str, Mapping[str, tuple[Surface, ...]]]   # lang -> folded surface -> candidates
    titles: Mapping[str, tuple[str, ...]]
    path: Path
    stopwords: Mapping[str, frozenset[str]]
    counterparts: Mapping[str, frozenset[str]]
    qualifiers: Mapping[str, frozenset[str]]
    former: Mapping[str, frozenset[str]]             # lang -> words making a title a past holder's
    leaders: Mapping[str, tuple[str, ...]]           # lang -> head-of-state/government titles
    article: Mapping[str, str]
    contraction: Mapping[str, tuple[str, ...]]
    proclitic: Mapping[str, str]
    clitic_letters: Mapping[str, str]
    offices: Mapping[str, str]                       # person id -> the id of their office
    anaphora: Mapping[str, Mapping[str, tuple[str, ...]]]   # kind -> lang -> folded phrases
    anaphor_not_after: Mapping[str, frozenset[str]]
    anaphor_followers: Mapping[str, re.Pattern]
    # Built from the fields above on first use per language and never changed after: memoised
    # derivations, not state.
    _matcher: dict[str, SurfaceMatcher] = field(default_factory=dict, init=False, repr=False, compare=False)
    _person_names: dict[str, list[tuple[str, str]]] = field(default_factory=dict, init=False, repr=False,
                                                            compare=False)
    _name_parts: dict[str, NameParts] = field(default_factory=dict, init=False, repr=False, compare=False)
    _title_words: dict[str, TitleWords] = field(default_factory=dict, init=False, repr=False, compare=False)
    # what other modules derive the same way, keyed by (deriving function, language)
    memo: dict[tuple[Any, str], Any] = field(default_factory=dict, init=False, repr=False, compare=False)
    # each language's table as ``surfaces`` gives it, read here (in C) at every lookup
    _tables: dict[str, Mapping[str, tuple[Surface, ...]]] = field(default_factory=dict, init=False, repr=False,
                                                                  compare=False)

    @classmethod
    def load(cls, path: Path = RULES_DIR / "entities.yaml") -> Gazetteer:
        data = load_yaml(path, "entities")
        if not isinstance(data, dict) or not isinstance(data.get("entities"), list):
            raise RuleError(f"{path}:1: expected a mapping with an 'entities' list")
        entities: dict[str, Entity] = {}
        surfaces: dict[str, SurfaceTable] = {}
        isos: set[str] = set()
        plurals = _setting(data, "adjective_plurals", dict)
        entries = with_derived_aliases(data["entities"])
        for raw in entries:
            _read_entity(raw, path, entities, surfaces, isos, plurals)
        _add_cldr_countries(entities, surfaces, isos)
        _add_institutions(entities, surfaces, {raw["id"]: raw.get("adjectives") or {} for raw in entries})
        lists = _WordLists(data, path)
        # offices, role and letter variants: added to a language's spellings when it is first read
        derived = DerivedSpellings(entries, entities, lists.words("leader_titles"), lists.words("leader_words"),
                                   strip_lines(data.get("letter_variants") or {}))
        for ent in entities.values():
            if ent.affiliation and ent.affiliation not in entities:
                ent.affiliation = None     # a country CLDR names by another id; harmless
        return cls(
            entities=MappingProxyType(entities),
            surfaces=LanguageSurfaces(surfaces, derived.complete),
            titles=lists.tuples("title_words"),
            path=path,
            stopwords=lists.sets("name_stopwords"),
            counterparts=lists.sets("counterpart_words"),
            qualifiers=lists.sets("title_qualifiers"),
            former=lists.sets("former_words"),
            leaders=lists.tuples("leader_titles"),
            article=_setting(data, "article_prefix", fold),
            contraction=_setting(data, "article_contraction", lambda v: tuple(fold(x) for x in v)),
            proclitic=_setting(data, "proclitic_pattern", str),
            clitic_letters=_setting(data, "clitic_letters", lambda v: fold(str(v))),
            offices=MappingProxyType(derived.offices),
            anaphora=_anaphora(data),
            anaphor_not_after=lists.sets("anaphor_not_after"),
            anaphor_followers=_setting(data, "anaphor_followers", lambda v: re.compile(str(v))))

    # ------------------------------------------------------------------ surfaces
    def contracted_article(self, lang: str) -> tuple[str, str] | None:
        """The article and its form merged with a preposition ("ال", "لل"), if the language has it."""
        pair = self.contraction.get(lang) or ()
        return (pair[0], pair[1]) if len(pair) >= 2 and pair[0] else None

    def matcher(self, lang: str) -> SurfaceMatcher:
        """Finds this language's spellings in a folded text, glued proclitics allowed."""
        if lang not in self._matcher:
            words = list(self.surfaces.get(lang, {}))
            # "للبيت الأبيض": a preposition merged with the article ("ل" + "ال" -> "لل")
            contraction = self.contracted_article(lang)
            contracted = []
            if contraction:
                art, merged = contraction
                contracted = [merged + w[len(art):] for w in words if w.startswith(art)]
            self._matcher[lang] = SurfaceMatcher(words + contracted, self.proclitic.get(lang, ""),
                                                 ignore_case=lang == "en")
        return self._matcher[lang]

    def lookup(self, lang: str, folded_surface: str) -> Sequence[Surface]:
        table = self._tables.get(lang)
        if table is None:
            table = self._tables[lang] = self.surfaces.get(lang, {})
        s = " ".join(folded_surface.split())
        if s in table:
            return table[s]
        contraction = self.contracted_article(lang)
        if contraction:
            art, merged = contraction
            if s.startswith(merged) and art + s[len(merged):] in table:
                return table[art + s[len(merged):]]
        return []

    # ------------------------------------------------------------------ people's names
    def person_names(self, lang: str) -> list[tuple[str, str]]:
        """(folded alias, entity id) of every person alias of two words or more."""
        if lang not in self._person_names:
            self._person_names[lang] = [(fold(a), e.id) for e in self.entities.values() if e.type == "person"
                                        for a in e.aliases.get(lang, []) if len(a.split()) >= 2]
        return self._person_names[lang]

    def title_words(self, lang: str) -> TitleWords:
        if lang not in self._title_words:
            self._title_words[lang] = TitleWords.of(self.titles.get(lang, ()), self.counterparts.get(lang, frozenset()),
                                                    self.stopwords.get(lang, frozenset()))
        return self._title_words[lang]

    def name_parts(self, lang: str) -> NameParts:
        """First and last name tokens of every multi-word person alias, and the reverse index.
        A title or honorific leading an alias ("King Salman", "الشيخ محمد بن زايد") is no first
        name: "King" before another king's name must not make him this one."""
        if lang not in self._name_parts:
            first: dict[str, set[str]] = {}
            last: dict[str, set[str]] = {}
            lead = set(self.titles.get(lang, ())) | self.qualifiers.get(lang, frozenset())
            for alias, eid in self.person_names(lang):
                toks = alias.split()
                while len(toks) > 2 and toks[0] in lead:
                    toks = toks[1:]
                if toks[0] in lead:
                    continue
                first.setdefault(eid, set()).add(toks[0])
                last.setdefault(eid, set()).add(toks[-1])
            index: dict[str, list[str]] = {}
            for eid in sorted(first):
                for t in sorted(first[eid]):
                    index.setdefault(t, []).append(eid)
            self._name_parts[lang] = NameParts(first, last, index)
        return self._name_parts[lang]


# --------------------------------------------------------------------------- loading
def _read_entity(raw: Any, path: Path, entities: dict[str, Entity], surfaces: dict[str, SurfaceTable],
                 isos: set[str], plurals: Mapping[str, dict] | None = None) -> None:
    """One entry of the ``entities`` list: the entity, and every spelling that names it."""
    where = f"{path}:{raw.get('__line__', '?') if isinstance(raw, dict) else '?'}"
    if not isinstance(raw, dict) or not raw.get("id") or not raw.get("name") or not raw.get("type"):
        raise RuleError(f"{where}: an entity needs id, name and type")
    e = strip_lines(raw)
    if e["id"] in entities:
        raise RuleError(f"{where}: duplicate entity id '{e['id']}'")
    aliases = e.get("aliases") or {}
    if not isinstance(aliases, dict):
        raise RuleError(f"{where}: aliases must map a language to a list")
    ent = Entity(id=e["id"], name=e["name"], type=e["type"],
                 labels={lang: (names or [e["name"]])[0] for lang, names in aliases.items()},
                 aliases={k: list(v or []) for k, v in aliases.items()},
                 roles=e.get("roles") or [],
                 affiliation=e.get("affiliation") or e.get("capital_of"))
    ent.labels.setdefault("en", e["name"])
    entities[ent.id] = ent
    if e.get("iso"):
        isos.add(str(e["iso"]))
    adjectives = _with_plurals(e.get("adjectives") or {}, plurals or {})
    for lang, text, surface in _entity_surfaces(ent, aliases, adjectives):
        if not text or not str(text).strip():
            raise RuleError(f"{where}: empty alias")
        surfaces.setdefault(lang, {}).setdefault(fold(str(text)), []).append(surface)


def _with_plurals(adjectives: dict, plurals: Mapping[str, dict]) -> dict:
    """"الأوكرانيين" from "الأوكراني": each adjective ending in a singular suffix is also read
    with the plural suffixes of its language (``adjective_plurals`` in entities.yaml)."""
    out = {}
    for lang, words in adjectives.items():
        words = list(words or [])
        for singular, endings in (plurals.get(lang) or {}).items():
            words += [str(w)[:-len(singular)] + p for w in list(words) if str(w).endswith(singular)
                      for p in endings if str(w)[:-len(singular)] + p not in words]
        out[lang] = words
    return out


def _entity_surfaces(ent: Entity, aliases: dict, adjectives: dict) -> list[tuple[str, Any, Surface]]:
    """(language, spelling, surface): names, then adjectives, then the titles of its roles."""
    out = []
    for kind, table in (("name", aliases), ("adjective", adjectives)):
        for lang, names in table.items():
            for n in names or []:
                out.append((lang, n, Surface(ent.id, kind, exact_case=_exact_case(n))))
                # an acronym in Latin capitals ("RT", "BBC", "NATO") is written so in every
                # language's text: "المصدر: RT"
                if kind == "name" and _exact_case(n) and str(n).isascii() and ent.type in ("media", "org"):
                    out.extend((other, n, Surface(ent.id, kind, exact_case=_exact_case(n)))
                               for other in table if other != lang)
    for role in ent.roles:
        valid = (str(role["from"]) if role.get("from") else None,
                 str(role["to"]) if role.get("to") else None)
        for lang in ("ar", "en"):
            for n in role.get(lang) or []:
                out.append((lang, n, Surface(ent.id, "role", valid)))
    return out


def _exact_case(spelling: Any) -> str | None:
    # folding lower-cases: "US" would match the pronoun "us"
    s = str(spelling)
    return s if s.isupper() and len(s) <= 4 else None


class _WordLists:
    """The per-language word lists of entities.yaml, folded."""

    def __init__(self, data: dict, path: Path):
        self.data, self.path = data, path

    def words(self, key: str) -> dict[str, list[str]]:
        """YAML's bare on/no/yes are booleans: reject them."""
        out = {}
        for k, v in strip_lines(self.data.get(key) or {}).items():
            if not isinstance(v, list) or not all(isinstance(t, str) for t in v):
                bad = [t for t in (v if isinstance(v, list) else [v]) if not isinstance(t, str)]
                raise RuleError(f"{self.path}: '{key}.{k}' must be a list of quoted words (got {bad!r}; "
                                "quote words like on, no, yes)")
            out[k] = [fold(t) for t in v]
        return out

    def tuples(self, key: str) -> Mapping[str, tuple[str, ...]]:
        return MappingProxyType({k: tuple(v) for k, v in self.words(key).items()})

    def sets(self, key: str) -> Mapping[str, frozenset[str]]:
        return MappingProxyType({k: frozenset(v) for k, v in self.words(key).items()})


def _setting(data: dict, key: str, convert) -> Mapping[str, Any]:
    """A per-language setting of entities.yaml, each value converted."""
    return MappingProxyType({k: convert(v) for k, v in strip_lines(data.get(key) or {}).items()})


def _add_cldr_countries(entities: dict[str, Entity], surfaces: dict[str, SurfaceTable], isos: set[str]) -> None:
    """Every ISO country CLDR names in Arabic and English, unless the gazetteer has it."""
    from babel import Locale
    ar, en = Locale("ar").territories, Locale("en").territories
    for code, en_name in en.items():
        if not (len(code) == 2 and code.isalpha()) or code in isos or code in ("ZZ", "EU", "UN", "EZ", "QO"):
            continue
        eid = re.sub(r"[^a-z0-9]+", "-", en_name.lower()).strip("-")
        if eid in entities:
            continue
        ent = Entity(id=eid, name=en_name, type="country", labels={"en": en_name},
                     aliases={"en": [en_name]})
        if code in ar:
            ent.labels["ar"] = ar[code]
            ent.aliases["ar"] = [ar[code]]
            surfaces.setdefault("ar", {}).setdefault(fold(ar[code]), []).append(Surface(eid, "name"))
        surfaces.setdefault("en", {}).setdefault(fold(en_name), []).append(Surface(eid, "name"))
        entities[eid] = ent


# "الحكومة الألمانية", "German government", "حكومة اليابان": each state's government and presidency
# are institutions of their own, which speak for the state but are not the state.
# A country's media, named together ("Chinese state media reported", "وسائل الإعلام الروسية"), are
# one collective source of their own, like an outlet.
_INSTITUTIONS = (
    ("government", "Government of {name}", "{adj} government",
     {"en": ["{name} government", "government of {name}", "{name}'s government", "{adj} government"],
      # "مصدر حكومي ألماني", "مصادر حكومية فرنسية": a source of that government
      "ar": ["حكومة {name}", "الحكومة {adj_f}", "حكومي {adj_i}", "حكومية {adj_i}"]}, "org"),
    ("presidency", "Presidency of {name}", "{adj} presidency",
     {"en": ["{adj} presidency", "presidency of {name}"], "ar": ["الرئاسة {adj_f}"]}, "org"),
    ("media", "Media of {name}", "{adj} media",
     {"en": ["{adj} media", "{adj} state media", "{adj} state-run media", "{adj} state-owned media",
             "{adj} official media", "{adj} government media", "{name}'s state media"],
      "ar": ["وسائل الإعلام {adj_f}", "وسائل الإعلام الرسمية {adj_f}", "وسائل إعلام {adj}",
             "الإعلام {adj}", "الإعلام الرسمي {adj}", "وسائل الإعلام الحكومية {adj_f}"]}, "media"),
)


def _add_institutions(entities: dict[str, Entity], surfaces: dict[str, SurfaceTable],
                      adjectives_of: dict[str, dict]) -> None:
    """Every country's government and presidency, named from the country's names and
    adjectives; a spelling already taken ("الرئاسة الروسية": the Kremlin) stays with its owner."""
    for country in [e for e in entities.values() if e.type == "country"]:
        adjectives = _country_adjectives(adjectives_of.get(country.id) or {})
        for kind, plain, with_adj, patterns, etype in _INSTITUTIONS:
            eid = f"{country.id}-{kind}"
            if eid in entities:
                continue
            spellings = {lang: [p.format(name=n, adj=a, adj_f=a, adj_i=a)
                                for p in pats for n in country.aliases.get(lang, [])[:4]
                                for a in (adjectives.get((lang, _adjective_form(p))) or [""])
                                if ("{adj" not in p or a)]
                         for lang, pats in patterns.items()}
            free = {lang: [x for x in dict.fromkeys(v) if fold(x) not in surfaces.get(lang, {})]
                    for lang, v in spellings.items()}
            if not any(free.values()):
                continue
            owner = _owner_of_taken(entities, surfaces, spellings)
            if owner:
                # the Kremlin is "the Russian presidency": its other spellings name it too
                for lang, names in free.items():
                    for n in names:
                        surfaces.setdefault(lang, {}).setdefault(fold(n), []).append(Surface(owner, "name"))
                continue
            en_adj = adjectives.get(("en", "any"))
            name = with_adj.format(adj=en_adj[0]) if en_adj else plain.format(name=country.name)
            ent = Entity(id=eid, name=name, type=etype, labels={"en": name},
                         aliases={k: v for k, v in free.items() if v}, affiliation=country.id)
            entities[eid] = ent
            for lang, names in ent.aliases.items():
                for n in names:
                    surfaces.setdefault(lang, {}).setdefault(fold(n), []).append(Surface(eid, "name"))


def _owner_of_taken(entities: dict[str, Entity], surfaces: dict[str, SurfaceTable],
                    spellings: dict[str, list[str]]) -> str | None:
    """The one institution that already owns some of these spellings, if any."""
    owners = {c.entity for lang, v in spellings.items() for x in v
              for c in surfaces.get(lang, {}).get(fold(x), []) if entities[c.entity].type == "org"}
    return owners.pop() if len(owners) == 1 else None


def _adjective_form(pattern: str) -> str:
    return "f" if "{adj_f}" in pattern else ("i" if "{adj_i}" in pattern else "any")


def _country_adjectives(adj: dict) -> dict[tuple[str, str], list[str]]:
    """(language, "any" | "f" | "i") -> adjectives; "f": the Arabic feminine definite form
    ("الألمانية"); "i": the indefinite forms ("ألماني", "ألمانية"), which follow an indefinite noun."""
    out: dict[tuple[str, str], list[str]] = {}
    for lang, words in adj.items():
        if not isinstance(words, list):
            continue
        words = [str(w) for w in words]
        out[(lang, "any")] = [w for w in words if not (w.isupper() and len(w) <= 3)]
        out[(lang, "f")] = [w for w in words if w.startswith("ال") and w.endswith("ة")]
        out[(lang, "i")] = [w for w in words if not w.startswith("ال") and lang == "ar"]
    return out


def _anaphora(data: dict) -> Mapping[str, Mapping[str, tuple[str, ...]]]:
    """kind (latter | former | office) -> language -> folded phrases."""
    out = {}
    for kind, by_lang in strip_lines(data.get("anaphora") or {}).items():
        out[kind] = MappingProxyType({lang: tuple(fold(str(w)) for w in words) for lang, words in by_lang.items()})
    return MappingProxyType(out)


_GAZ: dict[str, Gazetteer] = {}


def gazetteer(path: Path = RULES_DIR / "entities.yaml") -> Gazetteer:
    """The gazetteer at ``path``, loaded once per process (it is frozen, so sharing is safe)."""
    if str(path) not in _GAZ:
        try:
            _GAZ[str(path)] = Gazetteer.load(path)
        except (TypeError, ValueError, AttributeError, KeyError) as exc:
            raise RuleError(f"{path}: malformed gazetteer: {exc}") from None
    return _GAZ[str(path)]
