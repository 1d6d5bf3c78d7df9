"""Spellings of a person's name that outlets write as a matter of course, derived from the
spellings the gazetteer lists instead of listed one by one:

* a royal's patronymic name with and without the dynasty's name: "Tamim bin Hamad" and "Tamim
  bin Hamad Al Thani", "محمد بن راشد" and "محمد بن راشد آل مكتوم";
* a monarch's title and name without the regnal number: "King Felipe" for "King Felipe VI",
  "الملك محمد" for "الملك محمد السادس" (only with the title: the bare given name is anyone's);
* a capital named by its state: "the Spanish capital", "capital of Spain", "العاصمة الإسبانية",
  "عاصمة إسبانيا", from the names and adjectives of the state the city is ``capital_of``.

A derived spelling that another entity lists, or that two entities would derive, is dropped.
The canonical name of a royal carries the dynasty's name ("Mohamed bin Zayed Al Nahyan"), the
form in which news agencies and reference works give it in full.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from reconcile.engine.normalise import fold

# "<given> bin <father...> Al <dynasty>": the dynasty is the last word after "Al"/"آل"
_FAMILY = {"en": re.compile(r"^(?P<base>.+ (?:bin|bint|ibn) .+) (?P<family>Al[ -]\S+)$"),
           "ar": re.compile(r"^(?P<base>.+ (?:بن|بنت) .+) (?P<family>آل \S+)$")}
_PATRONYMIC = {"en": re.compile(r" (?:bin|bint|ibn) "), "ar": re.compile(r" (?:بن|بنت) ")}
_REGNAL = {"en": re.compile(r"^(?P<base>(?:King|Queen|Emperor|Sultan|Emir|Pope) .+) [IVX]+$"),
           "ar": re.compile(r"^(?P<base>(?:الملك|الملكة|السلطان|الأمير|البابا|الإمبراطور) .+) "
                            r"(?:الأول|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع|العاشر)$")}


def with_derived_aliases(raw_entities: Iterable) -> list:
    """The entity entries of entities.yaml, each person's aliases completed as above."""
    entries = list(raw_entities)
    listed: dict[tuple[str, str], set[str]] = {}
    for raw in entries:
        for lang, names in _aliases(raw).items():
            for n in names:
                listed.setdefault((lang, fold(str(n))), set()).add(raw["id"])
    derived = {raw["id"]: _derived(raw) for raw in entries if isinstance(raw, dict) and raw.get("type") == "person"}
    states = {raw["id"]: raw for raw in entries if isinstance(raw, dict) and raw.get("type") == "country"}
    derived.update({raw["id"]: _capital_names(states[raw["capital_of"]]) for raw in entries
                    if isinstance(raw, dict) and raw.get("capital_of") in states})
    owners: dict[tuple[str, str], set[str]] = {}
    for eid, by_lang in derived.items():
        for lang, names in by_lang.items():
            for n in names:
                owners.setdefault((lang, fold(n)), set()).add(eid)
    out = []
    for raw in entries:
        extra = derived.get(raw.get("id") if isinstance(raw, dict) else None)
        if not extra:
            out.append(raw)
            continue
        new = dict(raw)
        aliases = {lang: list(v or []) for lang, v in _aliases(raw).items()}
        for lang, names in extra.items():
            aliases[lang] = aliases.get(lang, []) + [
                n for n in names if owners[(lang, fold(n))] == {raw["id"]}
                and listed.get((lang, fold(n)), {raw["id"]}) == {raw["id"]} and n not in aliases.get(lang, [])]
        new["aliases"] = aliases
        if raw.get("type") == "person":
            new["name"] = _full_name(str(raw["name"]), aliases.get("en", []))
        out.append(new)
    return out


def _aliases(raw) -> dict:
    a = raw.get("aliases") if isinstance(raw, dict) else None
    return {k: v for k, v in a.items() if isinstance(v, list)} if isinstance(a, dict) else {}


def _derived(raw: dict) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for lang, names in _aliases(raw).items():
        if lang not in _FAMILY:
            continue
        names = [str(n) for n in names]
        families = {m.group("family") for n in names if (m := _FAMILY[lang].match(n))}
        new: list[str] = []
        for n in names:
            m = _FAMILY[lang].match(n)
            if m:
                new.append(m.group("base"))
            elif len(families) == 1 and _PATRONYMIC[lang].search(n):
                new.append(f"{n} {next(iter(families))}")
            r = _REGNAL[lang].match(n)
            if r:
                new.append(r.group("base"))
        out[lang] = [n for n in dict.fromkeys(new) if n not in names]
    return out


# how outlets name a capital by its state; {adj_f}: the Arabic feminine definite adjective
_CAPITAL = {"en": ("the {adj} capital", "capital of {name}", "{name}'s capital"),
            "ar": ("العاصمة {adj_f}", "عاصمة {name}")}


def _capital_names(state: dict) -> dict[str, list[str]]:
    raw_adjectives = state.get("adjectives")
    adjectives: dict = raw_adjectives if isinstance(raw_adjectives, dict) else {}
    out: dict[str, list[str]] = {}
    for lang, patterns in _CAPITAL.items():
        names = [str(n) for n in _aliases(state).get(lang, [])]
        adj = [str(a) for a in adjectives.get(lang) or [] if not (str(a).isupper() and len(str(a)) <= 3)]
        adj_f = [a for a in adj if a.startswith("ال") and a.endswith("ة")]
        out[lang] = [p.format(name=n, adj=a, adj_f=a) for p in patterns
                     for n, a in _fill(p, names, adj, adj_f)]
    return out


def _fill(pattern: str, names: list[str], adj: list[str], adj_f: list[str]) -> list[tuple[str, str]]:
    if "{name}" in pattern:
        return [(n, "") for n in names]
    return [("", a) for a in (adj_f if "{adj_f}" in pattern else adj)]


def _full_name(name: str, en_aliases: list[str]) -> str:
    """"Mohamed bin Zayed" -> "Mohamed bin Zayed Al Nahyan" when that is a listed spelling."""
    if not _PATRONYMIC["en"].search(f" {name} ") or _FAMILY["en"].match(name):
        return name
    full = [a for a in en_aliases if (m := _FAMILY["en"].match(a)) and m.group("base") == name]
    return full[0] if full else name
