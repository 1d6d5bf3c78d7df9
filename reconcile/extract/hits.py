"""Rule matches of every dimension and marker words, in folded offsets."""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

from reconcile.dimensions import clock_time, dates, duration, numbers
from reconcile.engine.dimscan import RawMatch
from reconcile.engine.matching import find, longest_first
from reconcile.engine.rules import DOCUMENT_DIMENSIONS, RuleSet
from reconcile.extract.context import MARKERS, LanguageContext
from reconcile.records import Hit, Marker

BUILDERS = {"duration": duration.build, "clock_time": clock_time.build,
            "date": dates.build, "number": numbers.build}
# the dimensions matched in every document, in the order DocExtraction.hits lists them
DIMENSIONS = DOCUMENT_DIMENSIONS
# whose matches are read word by word, by a builder; the others' tokens would mostly be built
# for nothing (a medium or event word is read whole, and word by word only when it is no
# lexicon entry itself: medium_value, trigger_value)
READ_BY_TOKEN = frozenset(BUILDERS)


def document_hits(rs: RuleSet, folded: str, ref: dt.date | None) -> dict[str, list[Hit]]:
    """Every document dimension's hits, from one joint scan of the text."""
    found = dict(zip(rs.joint_dimensions, rs.joint.find(folded), strict=True))
    # a rules folder may lack a dimension: it has no hits
    return {dim: _hits(rs, dim, longest_first(found.get(dim, [])), folded, ref) for dim in DIMENSIONS}


def rule_hits(rs: RuleSet, dim: str, folded: str, ref: dt.date | None) -> list[Hit]:
    """One dimension's hits (for a dimension of its own, or one looked at alone)."""
    return _hits(rs, dim, find(rs, dim, folded), folded, ref)


def _hits(rs: RuleSet, dim: str, matches: list[RawMatch], folded: str, ref: dt.date | None) -> list[Hit]:
    out = []
    read = dim in READ_BY_TOKEN
    b = BUILDERS.get(dim)
    for r in matches:
        toks = rs.tokens(folded, r.start, r.end) if read else []
        h = Hit(dim, r.start, r.end, f"{r.rule.where} {r.rule.name}", None, toks, r.rule.value)
        h.value = b(toks, rs, {"ref": ref, "rule": r.rule.value}) if b else dict(r.rule.value)
        out.append(h)
    return out


def marker_hits(ctx: LanguageContext, folded: str) -> dict[str, list[Marker]]:
    """Every marker lexicon in one pass: the union of their words is scanned once, and each
    match is read back into the lexicons its words (or a run of them) belong to, longest
    first within each lexicon, as separate passes would."""
    out: dict[str, list[Marker]] = {name: [] for name in MARKERS}
    table = ctx.marker_table
    for m in ctx.marker_regex.finditer(folded):
        core = m.group("core")
        if core and not _BLANK.search(core):
            # one word (most markers): the match is that word's entry and nothing inside it,
            # one span per lexicon (a lexicon lists a word once)
            start = m.start("core")
            for name, v in table.get(core, ()):
                out[name].append((start, start + len(core), v))
            continue
        for name, spans in _read_back(ctx, folded, m).items():
            out[name].extend(sorted(spans))
    return out


_NON_BLANK = re.compile(r"\S+")
_BLANK = re.compile(r"\s")


def _read_back(ctx: LanguageContext, folded: str, m: re.Match[str]) -> dict[str, list[Marker]]:
    core = m.group("core")
    words = [(w.start(), w.end()) for w in _NON_BLANK.finditer(core)]
    base = m.start("core")
    found: dict[str, list[Marker]] = {}
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            s0, e0 = base + words[i][0], base + words[j - 1][1]
            for name, v in ctx.marker_table.get(" ".join(folded[s0:e0].split()), ()):
                spans = found.setdefault(name, [])
                if not any(a <= s0 and e0 <= b for a, b, _ in spans):
                    spans.append((s0, e0, v))
    return found


def absorb_media(hits: dict[str, list[Hit]], t: str, gap: int) -> None:
    """A medium word right after an event noun qualifies it ("اتصالات هاتفية"); it is
    a claim about that event, not an event word of its own."""
    ends = {h.end for h in hits["event"]}
    for h in hits["medium"]:
        h.value = dict(h.value or {})
        # the event words ending at most ``gap`` characters before it, by their end (a set)
        h.value["qualifies"] = any(h.start - d in ends and not t[h.start - d:h.start].strip()
                                   for d in range(1, gap + 1))


def medium_value(rs: RuleSet, t: str, h: Hit) -> str | None:
    v = rs.lex_value("medium_word", t[h.start:h.end])
    if v is None:
        v = next((val for tk in rs.tokens(t, h.start, h.end) for lx, val in tk[3] if lx == "medium_word"), None)
    return v


def _event_word_in(rs: RuleSet, words: list[str]) -> dict[str, Any]:
    """The value of the longest event word inside a match that holds more ("have twice spoken")."""
    for n in range(len(words), 0, -1):
        for i in range(len(words) - n + 1):
            phrase = " ".join(words[i:i + n])
            v = rs.lex_value("trigger", phrase) or rs.lex_value("contact_verb", phrase) or \
                rs.lex_value("visit_word", phrase)
            if v:
                return dict(v)
    return {}


_EVENT_WORDS = ("trigger", "contact_verb", "call_verb", "host_verb", "visit_word")


def trigger_value(rs: RuleSet, t: str, h: Hit) -> dict[str, Any]:
    """What an event word says: its kind ("call", "meeting", "talks") and whether it is generic
    (a plural, or a rule's count of contacts: "have spoken twice")."""
    surface = t[h.start:h.end]
    v = rs.lex_value("trigger", surface) or rs.lex_value("contact_verb", surface) or \
        rs.lex_value("call_verb", surface) or rs.lex_value("host_verb", surface) or {}
    if not v:
        v = next((val for tk in rs.tokens(t, h.start, h.end) for lx, val in tk[3] if lx in _EVENT_WORDS), {})
    if not v:
        v = _event_word_in(rs, surface.split())
    if (h.value or {}).get("generic") and not v.get("generic"):
        v = {**v, "generic": True}
    return v
