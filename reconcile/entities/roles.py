"""A leader's title written with any spelling of the state: the gazetteer lists "French
President" and "الرئيس الفرنسي"; outlets also write "the France president", "the French leader",
"U.S. President", "الزعيم الفرنسي".  Each role title made of a head-of-state or government word
and a spelling of the holder's state is also read with every other spelling of that state
(its names and adjectives) and with the generic leader word.  Where two holders share such a
title ("the German leader" for a president and a chancellor both listed) the title names
neither (roles resolve to one live holder or to nobody)."""
from __future__ import annotations

from collections.abc import Iterable, Mapping

# (language, folded spelling, entity id, valid from, valid to)
RoleVariant = tuple[str, str, str, str | None, str | None]


def role_variants(entities: Mapping, spellings: Mapping[tuple[str, str], tuple[list[str], list[str]]],
                  heads: Mapping[str, Iterable[str]], leader: Mapping[str, Iterable[str]],
                  fold) -> list[RoleVariant]:
    """The variants of every person's role titles.  ``spellings``: (language, country id) ->
    its folded names and adjectives as found in a title, and those a variant may be written
    with (not "us": only "US" as written names the state, which folding cannot keep);
    ``heads``: per language the folded head titles ("president", "الرييس"); ``leader``: the
    generic words ("leader", "الزعيم")."""
    out: list[RoleVariant] = []
    for ent in entities.values():
        if ent.type != "person" or not ent.affiliation:
            continue
        for role in ent.roles:
            valid = (str(role["from"]) if role.get("from") else None, str(role["to"]) if role.get("to") else None)
            for lang in heads:
                found, usable = spellings.get((lang, ent.affiliation), ([], []))
                if not usable:
                    continue
                for title in role.get(lang) or []:
                    for key in _variants(fold(str(title)), found, usable, list(heads[lang]),
                                         list(leader.get(lang, ()))):
                        out.append((lang, key, ent.id, *valid))
    return out


def _split_title(title: str, found: list[str], heads: list[str]) -> tuple[str, bool] | None:
    """(the head word, whether the state comes first) when the title is "<state> <head>" or
    "<head> <state>"; longer spellings are tried first, as a regex alternation of them would
    (plain string tests: one regex per state and language took a tenth of a second to compile)."""
    heads_set = set(heads)
    for w in sorted(found, key=len, reverse=True):
        if title.startswith(w + " ") and title[len(w) + 1:] in heads_set:
            return title[len(w) + 1:], True
    found_set = set(found)
    for h in sorted(heads, key=len, reverse=True):
        if title.startswith(h + " ") and title[len(h) + 1:] in found_set:
            return h, False
    return None


def _variants(title: str, found: list[str], words: list[str], heads: list[str], leader: list[str]) -> list[str]:
    """The title with each spelling of the state and each head word or leader word, in the
    title's own order: "<state> <head>" (English) or "<head> <state>" (Arabic); an article
    before it ("the French president") is left to the text around the match, and a title with
    more words ("US Vice President", "نائب الرئيس الأمريكي") is no leader's."""
    split = _split_title(title, found, heads)
    if split is None:
        return []
    head, state_first = split
    out = []
    for w in words:
        for h in [head] + leader:
            body = f"{w} {h}" if state_first else f"{h} {w}"
            out.append(body)
    return [x for x in out if x != title]
