"""People the run discovered (named after a title, unknown to the gazetteer), merged across
articles: one person under slightly different spellings in one script ("Pavel Zarubin",
"Pavel Zarubine"), and under the two scripts (an Arabic article's "أحمد فهمي" is an English
article's "Ahmed Fahmy").

Across scripts names are compared by their consonant skeletons: both spellings are
transliterated to ASCII (anyascii, a maintained table-driven transliterator) and reduced to the
consonants both scripts write.  Arabic leaves most short vowels unwritten and writes long ones
as و/ي, which transliterate as w/y, so vowels and those two letters go; consonant pairs that
outlets render interchangeably (v/f, p/b, g/j, q/k/c) are one class.  Only an exact match of
every word's skeleton, with exactly one person of the other script, merges.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from anyascii import anyascii
from rapidfuzz import fuzz

from reconcile.records import Entity

_ARABIC = re.compile("[\u0600-\u06ff]")
_DIGRAPHS = (("kh", "k"), ("sh", "s"), ("ch", "s"), ("th", "t"), ("dh", "d"), ("gh", "g"), ("ph", "f"))
_CLASSES = str.maketrans({"v": "f", "p": "b", "j": "g", "q": "k", "c": "k", "x": "ks"})
_NOT_CONSONANT = re.compile(r"[^bdfghklmnrstz]+")
_REPEATS = re.compile(r"(.)\1+")


def skeleton(name: str) -> tuple[str, ...]:
    """The consonants of each word, the same for "Dmitry Peskov" and "دميتري بيسكوف"."""
    out = []
    for word in name.replace("ة", "").split():       # ta marbuta: a final vowel in Latin spellings
        t = anyascii(word).lower()
        for digraph, one in _DIGRAPHS:
            t = t.replace(digraph, one)
        t = _REPEATS.sub(r"\1", _NOT_CONSONANT.sub("", t.translate(_CLASSES)))
        if t:
            out.append(t)
    return tuple(out)


def merge_discovered(entities: Mapping[str, Entity], found: Iterable[str]) -> dict[str, str]:
    """discovered id -> the id it is merged into."""
    people = sorted(set(found))
    canon = _same_script(entities, people)
    latin: dict[tuple[str, ...], list[str]] = {}
    for eid in people:
        if eid not in canon and not _ARABIC.search(entities[eid].name):
            latin.setdefault(skeleton(entities[eid].name), []).append(eid)
    loose: dict[tuple, list[str]] = {}
    for k, ids in latin.items():
        if len(k) >= 2 and len(k[-1]) >= _LONG_SURNAME:
            loose.setdefault(_loose(k), []).extend(ids)
    for eid in people:
        name = entities[eid].name
        if eid in canon or not _ARABIC.search(name):
            continue
        key = skeleton(name)
        same = latin.get(key, []) if len(key) >= 2 else []    # a single name is too weak a key
        if not same and len(key) >= 2 and len(key[-1]) >= _LONG_SURNAME:
            same = loose.get(_loose(key), [])
        if len(same) == 1:
            canon[eid] = same[0]        # named in Latin letters: the spelling the other articles share
    return canon


# a surname of this many consonants or more is rare enough to carry a match whose given names
# differ in one transliterated letter ("Oleksandr" / "ألكسندر", the Ukrainian and the Russian form)
_LONG_SURNAME = 4


def _loose(key: tuple[str, ...]) -> tuple:
    """The skeleton with each given name kept as its first consonant and its length."""
    return tuple((w[:1], len(w)) for w in key[:-1]) + key[-1:]


def _same_script(entities: Mapping[str, Entity], people: list[str]) -> dict[str, str]:
    """The surname must agree closely, so a shared first name never merges."""
    canon: dict[str, str] = {}
    for i, a in enumerate(people):
        if a in canon:
            continue
        na = entities[a].name.lower().split()      # names are shown as written: compared folded
        for b in people[i + 1:]:
            nb = entities[b].name.lower().split()
            if b in canon:
                continue
            if fuzz.ratio(" ".join(na), " ".join(nb)) >= 88 and fuzz.ratio(na[-1], nb[-1]) >= 85:
                canon[b] = a
    return canon


def merge_institutions(entities: Mapping[str, Entity], kinds: Mapping[str, str],
                       found: Iterable[str]) -> dict[str, str]:
    """Discovered institution id -> the one it is merged into: an Arabic-named body ("دائرة
    الاتصال في الرئاسة التركية") is the Latin-named one ("Directorate of Communications") when
    exactly one body of that kind serves that state in Latin letters, and exactly one in Arabic."""
    by_key: dict[tuple[str, str, bool], set[str]] = {}
    for eid in set(found):
        ent = entities[eid]
        if eid in kinds and ent.affiliation:
            by_key.setdefault((kinds[eid], ent.affiliation, bool(_ARABIC.search(ent.name))), set()).add(eid)
    canon: dict[str, str] = {}
    for (kind, country, arabic), ids in by_key.items():
        latin = by_key.get((kind, country, False), set())
        if arabic and len(ids) == 1 and len(latin) == 1:
            canon[next(iter(ids))] = next(iter(latin))
    return canon
