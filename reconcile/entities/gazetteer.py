"""Resolve names to entities: gazetteer first, then fuzzy spelling variants, then new names
introduced by a title ("الرئيس X", "المتحدث باسم Y X").

Matching is on folded text.  Fuzzy matching is anchored: a variant is accepted only next to
a surname or first name the gazetteer knows, and the surname decides, so two people who
share a first name (فلاديمير بوتين / فلاديمير زيلينسكي) are never merged.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz, process

from reconcile.engine.normalise import NormalText, fold
from reconcile.engine.rules import RULES_DIR, RuleError, load_yaml, strip_lines, trie_regex
from reconcile.records import Entity, EntityRef

_WORD = re.compile(r"\w+")
# word tokens that never belong to a person's name (checked on folded text)
_DIGIT = re.compile(r"\d")
_PUNCT_GAP = re.compile(r"[^\w\s\"]")        # a comma or a full stop ends a name


@dataclass
class _Surface:
    entity: str
    kind: str                 # name | adjective | role
    valid: tuple[str | None, str | None] = (None, None)
    exact_case: str | None = None   # "US": an all-capitals short alias matches only as written


@dataclass
class Gazetteer:
    entities: dict[str, Entity]
    surfaces: dict[str, dict[str, list[_Surface]]]   # lang -> folded surface -> candidates
    titles: dict[str, list[str]]
    path: Path
    stopwords: dict[str, set[str]] = field(default_factory=dict)
    counterparts: dict[str, set[str]] = field(default_factory=dict)
    qualifiers: dict[str, set[str]] = field(default_factory=dict)
    article: dict[str, str] = field(default_factory=dict)
    contraction: dict[str, list[str]] = field(default_factory=dict)
    proclitic: dict[str, str] = field(default_factory=dict)
    clitic_letters: dict[str, str] = field(default_factory=dict)
    _regex: dict[str, re.Pattern] = field(default_factory=dict)

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, path: Path = RULES_DIR / "entities.yaml") -> Gazetteer:
        data = load_yaml(path, "entities")
        if not isinstance(data, dict) or not isinstance(data.get("entities"), list):
            raise RuleError(f"{path}:1: expected a mapping with an 'entities' list")
        entities: dict[str, Entity] = {}
        surfaces: dict[str, dict[str, list[_Surface]]] = {}
        isos: set[str] = set()

        def add(lang: str, text: str, s: _Surface, where: str) -> None:
            if not text or not str(text).strip():
                raise RuleError(f"{where}: empty alias")
            surfaces.setdefault(lang, {}).setdefault(fold(str(text)), []).append(s)

        for raw in data["entities"]:
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
            for lang, names in aliases.items():
                for n in names or []:
                    # folding lower-cases: "US" would match the pronoun "us"
                    exact = str(n) if str(n).isupper() and len(str(n)) <= 4 else None
                    add(lang, n, _Surface(ent.id, "name", exact_case=exact), where)
            for lang, names in (e.get("adjectives") or {}).items():
                for n in names or []:
                    exact = str(n) if str(n).isupper() and len(str(n)) <= 4 else None
                    add(lang, n, _Surface(ent.id, "adjective", exact_case=exact), where)
            for role in ent.roles:
                valid = (str(role["from"]) if role.get("from") else None,
                         str(role["to"]) if role.get("to") else None)
                for lang in ("ar", "en"):
                    for n in role.get(lang) or []:
                        add(lang, n, _Surface(ent.id, "role", valid), where)
        _add_cldr_countries(entities, surfaces, isos)
        for eid, ent in entities.items():
            if ent.affiliation and ent.affiliation not in entities:
                ent.affiliation = None     # a country CLDR names by another id; harmless
        def words(key: str) -> dict[str, list[str]]:
            """A per-language word list; YAML's bare on/no/yes are booleans: reject them."""
            out = {}
            for k, v in strip_lines(data.get(key) or {}).items():
                if not isinstance(v, list) or not all(isinstance(t, str) for t in v):
                    bad = [t for t in (v if isinstance(v, list) else [v]) if not isinstance(t, str)]
                    raise RuleError(f"{path}: '{key}.{k}' must be a list of quoted words (got {bad!r}; "
                                    "quote words like on, no, yes)")
                out[k] = [fold(t) for t in v]
            return out

        titles = words("title_words")
        stop = {k: set(v) for k, v in words("name_stopwords").items()}
        counterparts = {k: set(v) for k, v in words("counterpart_words").items()}
        qualifiers = {k: set(v) for k, v in words("title_qualifiers").items()}
        article = {k: fold(v) for k, v in strip_lines(data.get("article_prefix") or {}).items()}
        contraction = {k: [fold(x) for x in v] for k, v in strip_lines(data.get("article_contraction") or {}).items()}
        proclitic = {k: str(v) for k, v in strip_lines(data.get("proclitic_pattern") or {}).items()}
        letters = {k: fold(str(v)) for k, v in strip_lines(data.get("clitic_letters") or {}).items()}
        return cls(entities, surfaces, titles, path, stop, counterparts, qualifiers, article,
                   contraction, proclitic, letters)

    def regex(self, lang: str) -> re.Pattern:
        if lang not in self._regex:
            words = list(self.surfaces.get(lang, {}))
            # "للبيت الأبيض": a preposition merged with the article ("ل" + "ال" -> "لل")
            art, merged = (self.contraction.get(lang) or [None, None])[:2]
            contracted = [merged + w[len(art):] for w in words if art and w.startswith(art)]
            alt = trie_regex(words + contracted)
            pre = self.proclitic.get(lang, "")
            flags = re.IGNORECASE if lang == "en" else 0
            self._regex[lang] = re.compile(rf"(?<!\w){pre}(?P<name>{alt})(?!\w)", flags)
        return self._regex[lang]

    def lookup(self, lang: str, folded_surface: str) -> list[_Surface]:
        table = self.surfaces.get(lang, {})
        s = " ".join(folded_surface.split())
        if s in table:
            return table[s]
        art, merged = (self.contraction.get(lang) or [None, None])[:2]
        if art and s.startswith(merged) and art + s[len(merged):] in table:
            return table[art + s[len(merged):]]
        return []

    # ------------------------------------------------------------------ matching
    def find(self, nt: NormalText, lang: str, ref: dt.date | None,
             known_words: frozenset[str] = frozenset()) -> list[EntityRef]:
        """Entity mentions in one document, as spans of the original text."""
        out = []
        for s, e, eid, how in self.find_folded(nt, lang, ref, known_words):
            os_, oe = nt.to_original(s, e)
            out.append(EntityRef(eid, (os_, oe), nt.original[os_:oe], how))
        return out

    def find_folded(self, nt: NormalText, lang: str, ref: dt.date | None,
                    known_words: frozenset[str] = frozenset()) -> list[tuple[int, int, str, str]]:
        """(start, end, entity id, how) in folded offsets, sorted."""
        refs: list[tuple[int, int, str, str]] = []   # folded start, end, entity id, how
        text = nt.text
        unresolved: list[tuple[int, int]] = []
        for m in self.regex(lang).finditer(text):
            s, e = m.start("name"), m.end("name")
            cands = self.lookup(lang, text[s:e])
            if any(c.exact_case for c in cands):
                os_, oe = nt.to_original(s, e)
                written = nt.original[os_:oe].replace(".", "")
                cands = [c for c in cands if not c.exact_case or c.exact_case.replace(".", "") == written]
            eid, how = self._choose(cands, ref)
            if eid:
                refs.append((s, e, eid, how))
            else:
                unresolved.append((s, e))   # a title whose holder on that day is unknown
        refs = self._drop_roles_before_names(refs, text)
        refs = self._fuzzy(refs, text, lang, ref, known_words, unresolved)
        return sorted(refs)

    def _choose(self, cands: list[_Surface], ref: dt.date | None) -> tuple[str | None, str]:
        names = [c for c in cands if c.kind == "name"]
        if names:
            return names[0].entity, "gazetteer"
        adjs = [c for c in cands if c.kind == "adjective"]
        if adjs:
            return adjs[0].entity, "adjective"
        roles = [c for c in cands if c.kind == "role"]
        if not roles:
            return None, ""
        if ref is not None:
            iso = ref.isoformat()
            live = [c for c in roles if (c.valid[0] or "0000") <= iso and (c.valid[1] or "9999") > iso]
            holders = {c.entity for c in live}
            if len(holders) == 1:
                return holders.pop(), "role"
            return None, ""
        holders = {c.entity for c in roles}
        return (holders.pop(), "role") if len(holders) == 1 else (None, "")

    def _drop_roles_before_names(self, refs, text):
        """"الرئيس الأمريكي جو بايدن": the name, not the title, says who it is."""
        refs = sorted(refs)
        out = []
        for i, r in enumerate(refs):
            if r[3] == "role" and i + 1 < len(refs):
                nxt = refs[i + 1]
                gap = text[r[1]:nxt[0]]
                if nxt[3] in ("gazetteer", "fuzzy") and len(gap) <= 3 and \
                        self.entities[nxt[2]].type == "person":
                    continue
            out.append(r)
        return out

    # ------------------------------------------------------------------ fuzzy variants
    def _person_names(self, lang: str) -> list[tuple[str, str]]:
        cache = getattr(self, "_pn", None)
        if cache is None:
            cache = self._pn = {}
        if lang not in cache:
            cache[lang] = [(fold(a), e.id) for e in self.entities.values() if e.type == "person"
                           for a in e.aliases.get(lang, []) if len(a.split()) >= 2]
        return cache[lang]

    def _fuzzy(self, refs, text, lang, ref, known_words=frozenset(), unresolved=()):
        """Extend or add person mentions whose spelling the gazetteer does not list."""
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
        covered = set()
        for s, e in unresolved:
            covered.update(range(s, e))
        for s, e, _, _ in refs:
            covered.update(range(s, e))
        by_start = {w[0]: i for i, w in enumerate(words)}
        names = self._person_names(lang)
        first_tokens, last_tokens, first_index = self._name_parts(lang)
        out = []
        learned: dict[str, str] = {}
        for s, e, eid, how in refs:
            ent = self.entities[eid]
            i = by_start.get(s)
            # a known surname with an unlisted first-name spelling before it: extend
            if ent.type == "person" and how == "gazetteer" and i and len(text[s:e].split()) == 1:
                ps, pe, pw = words[i - 1]
                if pe <= s and text[pe:s].strip() in ("", '"') and ps not in covered and \
                        len(pw) >= 3 and eid in first_tokens:
                    best = max(fuzz.ratio(pw, f) for f in first_tokens[eid])
                    if best >= 75:
                        out.append((ps, e, eid, "fuzzy"))
                        covered.update(range(ps, s))
                        continue
            # a known first name with an unlisted surname spelling after it
            out.append((s, e, eid, how))
        # first name known exactly, surname a variant: "ليز تروس" for "ليز تراس"
        for i, (s, e, w) in enumerate(words[:-1]):
            if s in covered or w not in first_index:
                continue
            ns, ne, nw = words[i + 1]
            if ns in covered or text[e:ns].strip() not in ("",) or len(nw) < 3:
                continue
            best = None
            for eid in first_index[w]:
                score = max(fuzz.ratio(nw, t) for t in last_tokens[eid])
                if score >= 70 and (best is None or score > best[0]):
                    best = (score, eid)
            if best:
                out.append((s, ne, best[1], "fuzzy"))
                covered.update(range(s, ne))
                learned[nw] = best[1]
        # a surname variant learned above, standing alone later in the same article
        if learned:
            for s, e, w in words:
                if s in covered:
                    continue
                if w in learned:
                    out.append((s, e, learned[w], "fuzzy"))
                elif w[:1] in self.clitic_letters.get(lang, "") and w[1:] in learned:   # "وتروس"
                    out.append((s + 1, e, learned[w[1:]], "fuzzy"))
                else:
                    continue
                covered.update(range(s, e))
        # a full name after a title that matches no alias exactly ("سيرغي شويغو")
        # which words a person's name covers, by the word's start
        starts = [w[0] for w in words]
        person_at: dict[int, str] = {}
        for s, e, eid, _ in out:
            if self.entities[eid].type == "person":
                i = bisect_right(starts, s) - 1
                while 0 <= i < len(words) and words[i][0] < e:
                    if words[i][1] > s:
                        person_at[words[i][0]] = eid
                    i += 1
        out.extend(self._titled(words, covered, text, names, lang, person_at, known_words))
        return out

    def _name_parts(self, lang: str):
        """First and last name tokens of every multi-word person alias, and the reverse index."""
        cache = self.__dict__.setdefault("_parts", {})
        if lang not in cache:
            first: dict[str, set[str]] = {}
            last: dict[str, set[str]] = {}
            for alias, eid in self._person_names(lang):
                toks = alias.split()
                first.setdefault(eid, set()).add(toks[0])
                last.setdefault(eid, set()).add(toks[-1])
            index: dict[str, list[str]] = {}
            for eid in sorted(first):
                for t in sorted(first[eid]):
                    index.setdefault(t, []).append(eid)
            cache[lang] = (first, last, index)
        return cache[lang]

    @staticmethod
    def _covered(word, covered) -> bool:
        return any(p in covered for p in range(word[0], word[1]))

    def _titled(self, words, covered, text, names, lang, person_at, known_words):
        """Names right after a title ("وزير الدفاع الروسي سيرغي شويغو"): a fuzzy variant of a
        gazetteer person, or else a person the gazetteer does not know yet."""
        found = []
        counterparts = self.counterparts.get(lang, set())
        qualifiers = self.qualifiers.get(lang, set())
        titles = set(self.titles.get(lang, [])) | counterparts
        stop = self.stopwords.get(lang, set())
        i = 0
        while i < len(words) - 1:
            w = words[i][2]
            two = f"{w} {words[i + 1][2]}"
            if w not in titles and two not in titles:
                i += 1
                continue
            j = i + (2 if two in titles else 1)
            # skip what qualifies the title: adjectives, institutions, more title words; a
            # person already named there means the title is taken
            named = False
            article = self.article.get(lang)
            while j < len(words) and j < i + 8 and (self._covered(words[j], covered) or words[j][2] in titles
                                                   or words[j][2] in qualifiers
                                                   or (article and words[j][2].startswith(article))):
                eid = person_at.get(words[j][0]) if self._covered(words[j], covered) else None
                if eid:
                    named = True
                    break
                j += 1
            if named:
                i = j + 1
                continue
            run = []
            k = j
            while k < len(words) and len(run) < 3:
                s, e, t = words[k]
                gap = text[(run[-1][1] if run else words[k - 1][1]):s]
                if self._covered(words[k], covered) or t in stop or t in titles or t in known_words \
                        or _DIGIT.search(t) or (article and t.startswith(article)) \
                        or "\n" in gap or _PUNCT_GAP.search(gap) \
                        or len(t) < 2 or (run and text[run[-1][1]:s].strip() not in ("",)):
                    break
                run.append(words[k])
                k += 1
            if len(run) >= 2 and text[words[j - 1][1]:run[0][0]].strip() in ("", '"'):
                a, b = run[0], run[-1]
                cand = " ".join(r[2] for r in run[:2])
                hit = process.extractOne(cand, [n for n, _ in names], scorer=fuzz.ratio,
                                         processor=None, score_cutoff=78)
                eid = None
                if hit:
                    eid = names[hit[2]][1]
                    last = max(fuzz.ratio(run[1][2], n.split()[-1]) for n, x in names if x == eid)
                    if last < 75:
                        eid = None
                    b = run[1]
                if eid is None and w in counterparts:
                    i = k
                    continue
                if eid is None:
                    eid = self.discover(text[a[0]:b[1]], lang)
                    found.append((a[0], b[1], eid, "title"))
                else:
                    found.append((a[0], b[1], eid, "fuzzy"))
                covered.update(range(a[0], b[1]))
                i = k
                continue
            i += 1
        return found

    def discover(self, folded_name: str, lang: str) -> str:
        """A person named after a title but absent from the gazetteer: one entity per spelling,
        merged across documents later (``resolve``)."""
        eid = "new-" + "-".join(folded_name.split())
        if eid not in self.entities:
            self.entities[eid] = Entity(id=eid, name=" ".join(folded_name.split()), type="person",
                                        labels={lang: " ".join(folded_name.split())},
                                        aliases={lang: [folded_name]})
        return eid


def _add_cldr_countries(entities, surfaces, isos) -> None:
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
            surfaces.setdefault("ar", {}).setdefault(fold(ar[code]), []).append(_Surface(eid, "name"))
        surfaces.setdefault("en", {}).setdefault(fold(en_name), []).append(_Surface(eid, "name"))
        entities[eid] = ent


_GAZ: dict[str, Gazetteer] = {}


def gazetteer(path: Path = RULES_DIR / "entities.yaml") -> Gazetteer:
    if str(path) not in _GAZ:
        try:
            _GAZ[str(path)] = Gazetteer.load(path)
        except (TypeError, ValueError, AttributeError, KeyError) as exc:
            raise RuleError(f"{path}: malformed gazetteer: {exc}") from None
    return _GAZ[str(path)]
