"""Where an event was held: a city after a locative preposition or right after the event noun
("قمة جنيف"); for an event held in person, also a country or a building named right after the
event word and a preposition ("talks in Oman", "met at the Kremlin"), and a place the
gazetteer does not know, found by its shape ("the Élysée Palace", "جزيرة كريت") when the
text says which known place it lies in.

The place where each side of a call sat is no place of the call (two sides, two places; and
a venue is no city to group by), so a call keeps only its cities.
"""
from __future__ import annotations

import re

from reconcile.entities.registry import EntityRegistry
from reconcile.extract.context import LanguageContext
from reconcile.records import DocExtraction, Hit, Span

Place = tuple[str, int, int]          # (entity id, start, end) in folded offsets

_ATTACH_REACH = 40      # characters from the event word to the preposition: "talks held on Friday in Oman"
_CONTAINER_REACH = 40   # characters after a venue's name where the place it lies in is named
# each language's ``place_name`` regex, compiled once

def locations(ex: DocExtraction, ctx: LanguageContext, gaz: EntityRegistry, scope: Span,
              trigs: list[Hit], in_person: bool = True, preps: list[Hit] | None = None) -> list[Place]:
    """The places an event mention names within its scope; ``in_person`` is False for a
    call (then only cities count).  ``preps``: the location hits starting in the scope, when
    the caller has them indexed."""
    t = ex.nt.text
    trigs = trigs or [h for h in ex.hits["event"] if scope[0] <= h.start < scope[1]]
    if preps is None:
        preps = [h for h in ex.hits["location"] if scope[0] <= h.start < scope[1]]
    events = [h for h in trigs if h.dim == "event"]
    out: list[Place] = []
    venues = _venue_ends(ex, ctx, preps)
    heads: list[int] | None = None      # where a city may start right after, read at the first city
    for es, ee, eid, how in ex.entities_in(*scope):
        ent = gaz.entities[eid]
        if ent.type in ("city", "place"):
            if heads is None:
                heads = [h.end for h in preps if not _venue_only(ctx, t, h) and not _owned(ctx, t, h)] + \
                    [h.end for h in events]
            end = next((end for end in heads if _right_before(ctx, t, end, es)), None)
            if end is None and any(h.start < es < h.end < ee for h in preps):
                end = es       # "في العاصمة الجزائرية": the preposition's "العاصمة" begins the place's name
            if end is None and any(_in_venue_city(ctx, t, ve, es) for ve in venues):
                end = es       # "في قصر السلام بجدة": the city the palace is in
            if end is not None:
                # the qualifier is the place's ("the Greek island of Crete"): its adjective names no party
                out.append((eid, min(es, end + len(t[end:es]) - len(t[end:es].lstrip())), ee))
        elif in_person and how != "adjective" and (ent.type == "country" or ent.type == "org"):
            # "talks in Oman", "met at the Kremlin": not "the drought in Somalia" (no event word
            # just before), nor "at the Kremlin's request"
            if ent.type == "country" and any(_right_before(ctx, t, h.end, es) for h in preps
                                             if _venue_only(ctx, t, h)):
                continue       # "a call from Russia": the side, not the place
            if any(_right_before(ctx, t, h.end, es, article=True) and _attached(ex, ctx, events, h) for h in preps) \
                    and not t[ee:ee + 2].startswith("'"):
                out.append((eid, es, ee))
    if in_person:
        out.extend(_found_by_shape(ex, ctx, gaz, preps, events, out))
    return _not_viewpoints(ex, out)


def _venue_ends(ex: DocExtraction, ctx: LanguageContext, preps: list[Hit]) -> list[int]:
    """Where each venue named right after a preposition ends ("at Al-Salam Palace",
    "في قصر السلام"), in folded offsets."""
    shape = _shape(ctx)
    if shape is None or ctx.rs.lexicons.get("venue_city_link") is None:
        return []
    nt, out = ex.nt, []
    for h in preps:
        _os, oe = nt.to_original(h.start, h.end)
        m = shape.match(nt.original, oe + len(nt.original[oe:]) - len(nt.original[oe:].lstrip()))
        if m is not None and m.group("venue") and (span := _to_folded(ex, m.start("venue"), m.end("venue"))):
            out.append(span[1])
    return out


def _in_venue_city(ctx: LanguageContext, t: str, venue_end: int, es: int) -> bool:
    """The city starts right after the venue, joined by a word of ``venue_city_link`` (the
    Arabic "ب" glued to it: "قصر السلام بجدة")."""
    if es < venue_end or es - venue_end > ctx.windows.location_after_head:
        return False
    return ctx.rs.lex_value("venue_city_link", t[venue_end:es].strip()) is not None


def _owned(ctx: LanguageContext, t: str, h: Hit) -> bool:
    """"the new administration in Seoul", "السفارة الأمريكية في الرياض": a preposition after a
    word of ``place_owner`` (one word at most between) places that, not the event."""
    before = t[max(0, h.start - 40):h.start].split()[-2:]
    return any(ctx.rs.lex_value("place_owner", w) is not None for w in before)


def _venue_only(ctx: LanguageContext, t: str, h: Hit) -> bool:
    """"at", "into", "from": a building's preposition, not a city's ("from Moscow" is a side)."""
    return ctx.rs.lex_value("venue_prep", t[h.start:h.end]) is not None


def _right_before(ctx: LanguageContext, t: str, end: int, es: int, article: bool = False) -> bool:
    """The place starts right after a head (a preposition or an event noun): nothing between,
    or a qualifier ("in the Swiss city of"), or (``article``) the definite article."""
    if es < end or es - end > ctx.windows.location_after_head:
        return False
    gap = t[end:es].strip()
    q = ctx.location_qualifier
    return not gap or bool(q and q.fullmatch(gap)) or (article and ctx.rs.lex_value("place_article", gap) is not None)


def _attached(ex: DocExtraction, ctx: LanguageContext, events: list[Hit], prep: Hit) -> bool:
    """The preposition follows an event word of the clause with nothing between but words
    that say it took place, and dates ("talks held on Friday in"; not "talks with his
    counterparts in", where the place is the counterparts')."""
    t = ex.nt.text
    for h in events:
        if h.end <= prep.start and prep.start - h.end <= _ATTACH_REACH:
            gap = list(t[h.end:prep.start])
            for d in ex.hits["date"]:
                if h.end <= d.start and d.end <= prep.start:
                    gap[d.start - h.end:d.end - h.end] = " " * (d.end - d.start)
            if all(ctx.rs.lex_value("place_link", w) is not None for w in "".join(gap).split()):
                return True
    return False


def _shape(ctx: LanguageContext) -> re.Pattern[str] | None:
    """The ``place_name`` regex, matched on the text as written (capitals tell a name)."""
    if _shape not in ctx.memo:
        raw = ctx.rs.setting("location", "place_name")
        ctx.memo[_shape] = re.compile(raw) if raw else None
    return ctx.memo[_shape]


def _found_by_shape(ex: DocExtraction, ctx: LanguageContext, gaz: EntityRegistry, preps: list[Hit],
                    events: list[Hit], known: list[Place]) -> list[Place]:
    """"in the Élysée Palace", "on the Greek island of Crete", "في قصر الإليزيه": a venue or an
    island the gazetteer does not know, after a preposition attached to the event word, kept
    when the text says the known place it lies in (the island's country, "... in Paris")."""
    shape = _shape(ctx)
    if shape is None:
        return []
    nt = ex.nt
    out: list[Place] = []
    for h in preps:
        if not _attached(ex, ctx, events, h):
            continue
        _os, oe = nt.to_original(h.start, h.end)
        m = shape.match(nt.original, oe + len(nt.original[oe:]) - len(nt.original[oe:].lstrip()))
        if m is None:
            continue
        group = "venue" if m.group("venue") else "island"
        name = " ".join(m.group(group).split())
        span = _to_folded(ex, m.start(group), m.end(group))
        if span is None:
            continue
        fs, fe = span
        if any(ks < fe and fs < ke for _, ks, ke in known):
            continue
        inside = _container(ex, gaz, fs, fe, h.end)
        if inside is not None:
            # from the preposition on: "the Greek island of" is the place's, no party's
            start = h.end + len(nt.text[h.end:fs]) - len(nt.text[h.end:fs].lstrip())
            out.append((gaz.discover_place(name, ctx.lang, inside), start, fe))
    return out


def _to_folded(ex: DocExtraction, os_: int, oe: int) -> Span | None:
    """Folded offsets of a span of the original text."""
    to_orig = ex.nt.to_original
    lo = next((i for i in range(max(0, os_ - 4), min(len(ex.nt.text), os_ + 4))
               if to_orig(i, i + 1)[0] >= os_), None)
    if lo is None:
        return None
    hi = lo
    while hi < len(ex.nt.text) and to_orig(hi, hi + 1)[1] <= oe:
        hi += 1
    return lo, hi


def _container(ex: DocExtraction, gaz: EntityRegistry, fs: int, fe: int, prep_end: int) -> str | None:
    """The known place a venue lies in: a country or city named between the preposition and
    the name ("the Greek island of"), or just after it ("... of the People in Beijing",
    "جزيرة كريت اليونانية")."""
    for es, _ee, eid, _how in ex.entities_in(prep_end, fe + _CONTAINER_REACH):
        if fs <= es < fe:
            continue
        if gaz.entities[eid].type in ("country", "city") and (es < fs or len(ex.nt.text[fe:es].split()) <= 1):
            return eid
    return None


def _not_viewpoints(ex: DocExtraction, found: list[Place]) -> list[Place]:
    """"Monday evening in Washington, Tuesday morning in Beijing": a day named for each of two
    cities tells the time where each one is, not where the event was."""
    t = ex.nt.text
    dated = {eid for eid, es, _ee in found
             if any(0 <= es - d.end <= 8 and len(t[d.end:es].split()) <= 1 for d in ex.hits["date"])}
    return [x for x in found if x[0] not in dated] if len(dated) >= 2 else found
