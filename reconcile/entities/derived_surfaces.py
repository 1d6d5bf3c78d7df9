"""The spellings the gazetteer derives within one language once every listed spelling is known:
a leader's office ("مكتب نتنياهو", "Macron's office"), a leader's title with any spelling of the
state ("the French leader"), and a name in the language's letter variants ("هونج كونج") or
without its accents ("Elysee").

Each language's table is completed the first time it is read (``LanguageSurfaces``): a run
reads the languages of its documents, often one, and every step below reads and writes one
language's table only, so a table completed alone is the table completed with all the others.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from reconcile.engine.normalise import fold
from reconcile.entities.roles import role_variants
from reconcile.records import Entity

# folded surface -> the entities it may name, in the order the rule files list them
SurfaceTable = dict[str, list["Surface"]]


@dataclass(frozen=True)
class Surface:
    entity: str
    kind: str                 # name | adjective | role
    valid: tuple[str | None, str | None] = (None, None)
    exact_case: str | None = None   # "US": an all-capitals short alias matches only as written


class LanguageSurfaces(Mapping[str, Mapping[str, tuple[Surface, ...]]]):
    """lang -> folded surface -> candidates, each language's table completed by ``complete``
    (language, table) and frozen when first asked for."""

    def __init__(self, tables: dict[str, SurfaceTable], complete: Callable[[str, SurfaceTable], None]):
        self._tables, self._complete = tables, complete
        self._frozen: dict[str, Mapping[str, tuple[Surface, ...]]] = {}

    def __getitem__(self, lang: str) -> Mapping[str, tuple[Surface, ...]]:
        if lang not in self._frozen:
            table = self._tables[lang]
            self._complete(lang, table)
            self._frozen[lang] = MappingProxyType({k: tuple(v) for k, v in table.items()})
        return self._frozen[lang]

    def __iter__(self) -> Iterator[str]:
        return iter(self._tables)

    def __len__(self) -> int:
        return len(self._tables)


class DerivedSpellings:
    """What completes a language's table; whatever a malformed rule file would fail on is read
    here, when the gazetteer loads, not when a language is first asked for."""

    def __init__(self, raw_entities: list, entities: Mapping[str, Entity], leader_titles: Mapping[str, list[str]],
                 leader_words: Mapping[str, list[str]], letter_variants: Mapping[str, Mapping[str, str]]):
        self.entities = entities
        self.offices, self._office_names = _offices(raw_entities, entities)
        self._leader_titles, self._leader_words = leader_titles, leader_words
        self._swaps = {lang: {ord(a): b for a, b in letters.items()}
                       for lang, letters in letter_variants.items() if letters}
        self._countries = frozenset(eid for eid, e in entities.items() if e.type == "country")

    def complete(self, lang: str, table: SurfaceTable) -> None:
        """Offices, then role variants, then letter variants: each step reads the spellings
        the ones before it added."""
        for name, office in self._office_names.get(lang, ()):
            _add_office_surface(table, lang, name, office)
        self._add_role_variants(lang, table)
        self._add_spelling_variants(lang, table)

    def _add_role_variants(self, lang: str, table: SurfaceTable) -> None:
        """"the French leader", "U.S. President": a leader's title with any spelling of the state."""
        if lang not in self._leader_titles:
            return
        spellings: dict[tuple[str, str], tuple[list[str], list[str]]] = {}
        for key, found in table.items():
            for sf in found:
                if sf.kind in ("name", "adjective") and sf.entity in self._countries:
                    seen, usable = spellings.setdefault((lang, sf.entity), ([], []))
                    seen.append(key)
                    if not sf.exact_case or "." in key:     # "U.S." is no word; "US" folds to "us"
                        usable.append(key)
        for _, key, eid, start, end in role_variants(self.entities, spellings, {lang: self._leader_titles[lang]},
                                                     self._leader_words, fold):
            found = table.setdefault(key, [])
            if all(sf.kind == "role" and sf.entity != eid for sf in found):
                found.append(Surface(eid, "role", (start, end)))

    def _add_spelling_variants(self, lang: str, table: SurfaceTable) -> None:
        """Spellings outlets use for a listed name without listing it: the letter variants of
        ``letter_variants`` (Arabic ج for the g sound written غ elsewhere: "هونج كونج"), and, in
        a language without any, names without their accents ("Elysee")."""
        swaps = self._swaps.get(lang)
        extra: SurfaceTable = {}
        for key, cands in table.items():
            names = [c for c in cands if c.kind == "name" and c.entity not in self._countries]
            if not names:
                continue
            variant = _variant(swaps, key)
            if variant != key and variant not in table:
                extra.setdefault(variant, []).extend(names)
        for key, cands in extra.items():
            table[key] = cands


def _variant(swaps: dict[int, str] | None, key: str) -> str:
    """``key`` with the language's letter variants swapped in, or in a language without any,
    without its accents; ``key`` itself when there is nothing to change."""
    if swaps:
        return key.translate(swaps)
    if key.isascii():        # nothing to decompose: the per-character pass would give it back
        return key
    return "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))


_OFFICE_PATTERNS = {"en": ["{n}'s office", "office of {n}", "office of the {n}"], "ar": ["مكتب {n}", "ديوان {n}"]}


def _offices(raw_entities: list, entities: Mapping[str, Entity]) -> tuple[dict[str, str],
                                                                          dict[str, list[tuple[str, str]]]]:
    """"Macron's office", "مكتب نتنياهو": a leader's office is the institution the gazetteer
    names as that person's ``office`` (the Élysée, the Kremlin), not the person.  The office of
    a title ("مكتب رئيس الوزراء الهندي", "the Italian Prime Minister's office") is that office too
    when every holder of the title shares it.  Returns person id -> office id, and per language
    the (name or title, office) whose office spellings name that office, in the order added."""
    offices: dict[str, str] = {}
    names: dict[str, list[tuple[str, str]]] = {lang: [] for lang in _OFFICE_PATTERNS}
    by_title: dict[tuple[str, str], set[str]] = {}
    for raw in raw_entities:
        office = isinstance(raw, dict) and (raw.get("office") or _default_office(raw, entities))
        if not office or office not in entities or raw.get("id") not in entities:
            continue
        person = entities[raw["id"]]
        offices[person.id] = office
        for lang in _OFFICE_PATTERNS:
            names[lang].extend((n, office) for n in person.aliases.get(lang, []))
            for role in person.roles:
                for n in role.get(lang) or []:
                    by_title.setdefault((lang, str(n)), set()).add(office)
    # a title several offices share ("the President") names none of them
    for (lang, title), owners in by_title.items():
        if len(owners) == 1:
            names[lang].append((title, next(iter(owners))))
    return offices, names


# the institution a head of state or government speaks through when the gazetteer names none
_DEFAULT_OFFICES = (("President", "presidency"), ("Prime Minister", "government"), ("Chancellor", "government"))


def _default_office(raw: dict, entities: Mapping[str, Entity]) -> str | None:
    """A president's office is the presidency of their state, a prime minister's its government."""
    if raw.get("type") != "person" or not raw.get("affiliation"):
        return None
    for role in raw.get("roles") or []:
        titles = " ".join(str(t) for t in role.get("en") or [])
        for word, kind in _DEFAULT_OFFICES:
            office = f"{raw['affiliation']}-{kind}"
            if word in titles and "Vice" not in titles and office in entities:
                return office
    return None


def _add_office_surface(table: SurfaceTable, lang: str, name: str, office: str) -> None:
    for p in _OFFICE_PATTERNS[lang]:
        key = fold(p.format(n=name))
        if key not in table:
            table[key] = [Surface(office, "name")]

