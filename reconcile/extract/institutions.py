"""Institutions the gazetteer does not know, named where they speak: "Türkiye's Directorate of
Communications said", "the Office of the President said", "ذكرت دائرة الاتصال في الرئاسة
التركية".  An office, directorate or council is named by a head word (``institution_head``,
whose value is the kind of body it names, the same in every language) with a name of its own:
capitalised words joined to it ("Directorate of Communications", "Cabinet Office"), or in Arabic
the words after it up to a body the gazetteer knows ("دائرة الاتصال في الرئاسة التركية").  The
head word alone after the article ("the directorate said", "الدائرة") names the last such body
of its kind the article named.

Each is registered as a run entity (``EntityRegistry.discover_org``) under the state it serves:
the country named with it ("Türkiye's", "of Ukraine", the presidency it sits in), else the
country of the dateline.  Articles in two scripts naming one body are merged later
(``entities.discovered.merge_institutions``).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from reconcile.entities.anaphora import dateline_state
from reconcile.entities.registry import EntityRegistry
from reconcile.entities.words import Word, split_words
from reconcile.extract.clocks import dateline_span
from reconcile.extract.context import LanguageContext
from reconcile.records import DocExtraction, EntityMention

_NAME_WORDS = 4          # own words of a name: "Office of the President", "دائرة الاتصال"
_WORDS = re.compile(r"\w+")
_COUNTRY_SPILL = 12      # characters a country's name may run past the word it starts with


def with_institutions(ex: DocExtraction, ctx: LanguageContext, gaz: EntityRegistry) -> list[EntityMention]:
    """``ex.entities`` with the institutions the text names added (mentions inside one dropped)."""
    lex = ctx.rs.lexicons.get("institution_head")
    link = ctx.rs.lexicons.get("institution_link")
    if lex is None or link is None:
        return ex.entities
    links = frozenset(link.entries)
    t = ex.nt.text
    # most articles use no head word: the list of words with offsets (costly to build for every
    # article) is only needed when one does
    words = split_words(t)[2] if _names_head(ctx, lex.entries, t) else []
    found: list[EntityMention] = []
    last_of_kind: dict[str, str] = {}
    home = _dateline_country(ex, gaz)
    i = 0
    # only a head word starts anything: the loop visits those, in order, past the body last read
    for at in [n for n, (_s, _e, w) in enumerate(words) if w in lex.entries]:
        if at < i:
            continue
        i = at
        s, e, w = words[i]
        kind = lex.entries[w]
        if kind is None or _covered(ex.entities, s, e):
            i += 1
            continue
        named = _named_body(ex, ctx, gaz, (words, links), i, home)
        if named is not None:
            ns, ne, end_i, affiliation = named
            written = ex.doc.text[slice(*ex.span(ns, ne))]
            eid = gaz.discover_org(_full_name(gaz, ctx.lang, written, affiliation), ctx.lang, kind, affiliation)
            found.append((ns, ne, eid, "gazetteer"))
            last_of_kind[kind] = eid
            i = end_i
            continue
        if kind in last_of_kind and _after_article(ctx, t, words, i):
            found.append((s, e, last_of_kind[kind], "anaphor"))
        i += 1
    found += _bare_institutions(ex, ctx, gaz, words, home, found)
    if not found:
        return ex.entities
    kept = [m for m in ex.entities if not any(fs <= m[0] and m[1] <= fe for fs, fe, _, _ in found)]
    return sorted(kept + found)


# each language's head words as one regex, compiled once

def _head_regex(ctx: LanguageContext, heads: Iterable[str]) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """A head word standing as a whole word (what ``split_words`` would list), and the heads that
    are single words; a head that is no single word could never be one of them."""
    if _head_regex not in ctx.memo:
        single = tuple(w for w in sorted(heads, key=lambda w: (-len(w), w)) if _WORDS.fullmatch(w))
        alts = "|".join(map(re.escape, single))
        ctx.memo[_head_regex] = (re.compile(rf"(?<!\w)(?:{alts})(?!\w)" if alts else r"(?!)"), single)
    return ctx.memo[_head_regex]


def _names_head(ctx: LanguageContext, heads: Iterable[str], t: str) -> bool:
    """Whether a head word stands in the text as a whole word.  Most articles hold none even
    inside other words: a substring test per head (C speed) spares them the regex, which tries
    its lookbehind at every character."""
    regex, single = _head_regex(ctx, heads)
    return any(w in t for w in single) and regex.search(t) is not None


def _named_body(ex: DocExtraction, ctx: LanguageContext, gaz: EntityRegistry,
                words_links: tuple[Sequence[Word], frozenset[str]], i: int,
                home: str | None) -> tuple[int, int, int, str | None] | None:
    """(start, end, index of the word after it, country) of a body named from the head at ``i``:
    where names are capitalised, by its capitals; else by the article its own words take."""
    words, links = words_links
    article = gaz.gazetteer.article.get(ctx.lang)
    if article:
        return _definite_body(ex, gaz, words, links, i, article)
    return _cased_body(ex, gaz, words, links, i, home)


def _cased_body(ex: DocExtraction, gaz: EntityRegistry, words: Sequence[Word], links: frozenset[str], i: int,
                home: str | None) -> tuple[int, int, int, str | None] | None:
    """"Directorate of Communications", "Office of the President of Ukraine", "Cabinet Office":
    the head written with a capital, with capitalised words after ("of" ...) or before it."""
    t = ex.nt.text
    if not _capital(ex, words[i]):
        return None
    start, end, j = words[i][0], words[i][1], i + 1
    affiliation = None
    own = 0
    while j < len(words) and own < _NAME_WORDS and t[words[j - 1][1]:words[j][0]] == " ":
        s, e, w = words[j]
        country = _country_at(ex, gaz, s, e)
        if country and words[j - 1][2] in links:
            affiliation, end, j = country, e, j + 1      # "of Ukraine": whose it is
            break
        if w in links or (_capital(ex, words[j]) and not _covered(ex.entities, s, e, "role")):
            if w not in links:
                own, end = own + 1, e
            j += 1
            continue
        break
    if own == 0:
        k = i - 1
        while k >= 0 and own < 2 and t[words[k][1]:words[k + 1][0]] == " " and _capital(ex, words[k]) \
                and not _covered(ex.entities, words[k][0], words[k][1]):
            start, own, k = words[k][0], own + 1, k - 1
        if own == 0 or _sentence_start(t, start):
            return None
    before = ex.entities_in(max(0, start - 24), start)
    if before and not t[before[-1][1]:start].replace("'s", "").replace("’s", "").strip():
        affiliation = affiliation or _country_of(gaz, before[-1][2])
    return start, end, j, affiliation or home


def _definite_body(ex: DocExtraction, gaz: EntityRegistry, words: Sequence[Word], links: frozenset[str], i: int,
                   article: str) -> tuple[int, int, int, str | None] | None:
    """"دائرة الاتصال في الرئاسة التركية": the head, its own words (with the article), and the
    body or state it belongs to, which the gazetteer knows."""
    t = ex.nt.text
    j = i + 1
    own = 0
    while j < len(words) and own < 2 and words[j][2].startswith(article) and \
            not _covered(ex.entities, words[j][0], words[j][1]):
        own, j = own + 1, j + 1
    if own == 0 or j >= len(words):
        return None
    if words[j][2] in links:
        j += 1
    after = ex.entities_in(words[j - 1][1], words[j][1] + 1) if j < len(words) else []
    if not after or t[words[j - 1][1]:after[0][0]].strip():
        return None
    es, ee, eid, _ = after[0]
    country = _country_of(gaz, eid)
    if country is None:
        return None
    k = j
    while k < len(words) and words[k][0] < ee:
        k += 1
    return words[i][0], ee, k, country


def _bare_institutions(ex: DocExtraction, ctx: LanguageContext, gaz: EntityRegistry, words: Sequence[Word],
                       home: str | None, found: list[EntityMention]) -> list[EntityMention]:
    """"the presidential office said", "قالت الحكومة": a state's own institution named bare
    (``bare_institution``) is the dateline country's, when a person serving that country is
    named in the article too (it is then the story's, not a foreign one's)."""
    lex = ctx.rs.lexicons.get("bare_institution")
    serving = (gaz.entities[eid] for _, _, eid, _ in ex.entities)
    if lex is None or home is None or not any(e.type == "person" and e.affiliation == home for e in serving):
        return []
    t = ex.nt.text
    words = words or split_words(t)[2]
    out: list[EntityMention] = []
    # a name looked up from word i starts with that word (then a space, a mark or its end):
    # a word no entry starts with need not be looked up at all
    firsts = _first_words(ctx, lex.entries)
    for i in range(len(words)):
        if words[i][2] not in firsts:
            continue
        for n in (3, 2, 1):
            if i + n > len(words):
                continue
            s, e = words[i][0], words[i + n - 1][1]
            kind = lex.entries.get(" ".join(t[s:e].split()))
            eid = f"{home}-{kind}"
            if kind and eid in gaz.entities and not _covered(ex.entities + found, s, e) and \
                    not _qualified(ex, t, e):
                out.append((s, e, eid, "gazetteer"))
                break
    return out


def _first_words(ctx: LanguageContext, names: Iterable[str]) -> frozenset[str]:
    """The first word (``_WORDS``) of each bare institution's name."""
    if _first_words not in ctx.memo:
        ctx.memo[_first_words] = frozenset(m.group() for m in map(_WORDS.match, names) if m)
    return ctx.memo[_first_words]


def _qualified(ex: DocExtraction, t: str, e: int) -> bool:
    """"the government of Japan", "الحكومة الألمانية": a name right after says whose it is."""
    after = ex.entities_in(e, e + 2)
    return bool(after) or t[e:e + 4] == " of "


def _full_name(gaz: EntityRegistry, lang: str, written: str, country: str | None) -> str:
    """The name with the state it serves, where the text left it to the context: "Office of the
    President" (a title) of Ukraine; "Directorate of Communications" with the state's adjective
    ("Turkish"), taken from its government's name ("Turkish government")."""
    if country is None or gaz.gazetteer.article.get(lang) or \
            any(n in written for n in gaz.entities[country].aliases.get(lang, [])):
        return written
    titles = {w.lower() for w in gaz.gazetteer.titles.get(lang, ())}
    if written.split()[-1].lower() in titles:
        return f"{written} of {gaz.entities[country].name}"
    government = gaz.entities.get(f"{country}-government")
    suffix = " government"
    if government is not None and government.name.endswith(suffix) and " " not in government.name[:-len(suffix)]:
        return f"{government.name[:-len(suffix)]} {written}"
    return written


def _country_of(gaz: EntityRegistry, eid: str) -> str | None:
    ent = gaz.entities[eid]
    if ent.type == "country":
        return eid
    home = ent.affiliation
    if ent.type in ("org", "city") and home is not None and home in gaz.entities and \
            gaz.entities[home].type == "country":
        return home
    return None


def _country_at(ex: DocExtraction, gaz: EntityRegistry, s: int, e: int) -> str | None:
    for _ms, me, eid, _ in ex.entities_in(s, e):
        if me <= e + _COUNTRY_SPILL:
            return _country_of(gaz, eid)
    return None


def _dateline_country(ex: DocExtraction, gaz: EntityRegistry) -> str | None:
    """The country of the article's dateline: a dated one ("Beijing, Nov 16 -"), or a place
    in capitals opening a line ("KYIV — President ...")."""
    where = dateline_span(ex)
    for _s, _e, eid, _ in ex.entities_in(*where) if where else []:
        country = _country_of(gaz, eid)
        if country:
            return country
    return dateline_state(gaz.gazetteer, ex.nt, ex.entities)


def _covered(ents: list[EntityMention], s: int, e: int, but: str = "") -> bool:
    """Whether a mention (other than one found ``but`` way) covers part of [s, e)."""
    return any(ms < e and s < me and how != but for ms, me, _, how in ents)


def _capital(ex: DocExtraction, word: tuple[int, int, str]) -> bool:
    os_, _ = ex.span(word[0], word[1])
    c = ex.nt.original[os_:os_ + 1]
    return c.isupper()


def _sentence_start(t: str, pos: int) -> bool:
    """"Office workers said": a capital at a sentence's start proves nothing."""
    before = t[max(0, pos - 3):pos].strip()
    return pos == 0 or before == "" or before[-1:] in ".!?\n:\"—-"


def _after_article(ctx: LanguageContext, t: str, words: Sequence[Word], i: int) -> bool:
    """"the directorate said", "الدائرة": the head alone, made definite."""
    if ctx.lang == "ar":
        return False
    return i > 0 and words[i - 1][2] == "the" and t[words[i - 1][1]:words[i][0]] == " " and \
        not (i + 1 < len(words) and words[i + 1][2] == "of" and t[words[i][1]:words[i + 1][0]] == " ")
