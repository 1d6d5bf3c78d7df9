"""Sentences, and the clauses (segments) of each sentence that an event's claims are read in."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from itertools import pairwise

from reconcile.engine.prefixes import start_guard
from reconcile.extract.context import LanguageContext
from reconcile.extract.positions import Starts
from reconcile.records import Hit, Marker, Segment, Span


def sentence_spans(ctx: LanguageContext, t: str) -> list[Span]:
    out, start = [], 0
    for m in _sentence_ends(ctx, t):
        if m.end() > start:
            out.append((start, m.end()))
        start = m.end()
    if start < len(t):
        out.append((start, len(t)))
    res = []
    for s, e in out:
        while s < e and t[s].isspace():
            s += 1
        while e > s and t[e - 1].isspace():
            e -= 1
        if e - s > MAX_SENTENCE_CHARS:
            res.extend(_bounded(ctx, t, s, e))
        elif e > s:         # most sentences: one stretch, no call to cut it
            res.append((s, e))
    return res


def _sentence_ends(ctx: LanguageContext, t: str) -> Iterator[re.Match[str]]:
    """What ``ctx.sentence_end.finditer(t)`` yields.  The pattern opens with a lookbehind, so
    the engine would start an attempt at every character; every match begins with a character
    of its first-character guard (``start_guard``), which a plain search finds at C speed, and
    the pattern is tried only there.  A match is never empty (the guard says so), so the next
    one is looked for from the end of the last, as ``finditer`` does."""
    pattern = ctx.sentence_end
    if _sentence_ends not in ctx.memo:
        guard = start_guard(pattern.pattern, 1)
        ctx.memo[_sentence_ends] = re.compile(guard) if guard is not None and \
            not pattern.flags & (re.IGNORECASE | re.ASCII | re.LOCALE) else None
    first_chars = ctx.memo[_sentence_ends]
    if first_chars is None:
        yield from pattern.finditer(t)
        return
    pos = 0
    match = pattern.match
    for c in first_chars.finditer(t):
        at = c.start()
        if at >= pos and (m := match(t, at)) is not None:
            yield m
            pos = m.end()


# The longest stretch read as one sentence.  An article without sentence punctuation would
# otherwise be one "sentence", and every window that reaches back to a sentence's start (and
# every claim's evidence) would span the whole article.  Far longer than any sentence written
# for a reader (the longest in the dev corpora is 500 characters).
MAX_SENTENCE_CHARS = 1500


def _bounded(ctx: LanguageContext, t: str, s: int, e: int, limit: int = MAX_SENTENCE_CHARS) -> list[Span]:
    """A sentence as stretches of at most ``limit`` characters, each cut at the last clause
    mark in the second half of its window, else at the last space there, else hard; offsets
    stay those of ``t``."""
    out: list[Span] = []
    while e - s > limit:
        lo, hi = s + limit // 2, s + limit
        cut = None
        for m in ctx.clause_sep.finditer(t, lo, hi):
            cut = m.end()
        if cut is None:
            sp = max(t.rfind(" ", lo, hi), t.rfind("\n", lo, hi), t.rfind("\t", lo, hi))
            cut = sp + 1 if sp > lo else hi
        a, b = s, cut
        while b > a and t[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
        s = cut
        while s < e and t[s].isspace():
            s += 1
    if e > s:
        out.append((s, e))
    return out


def sentence_at(sentences: list[Span], starts: list[int], pos: int) -> int | None:
    """The index of the sentence holding ``pos`` (``starts``: each sentence's start), by
    bisection: sentences are sorted and do not overlap."""
    i = bisect_right(starts, pos) - 1
    return i if i >= 0 and pos < sentences[i][1] else None


def segments(ctx: LanguageContext, t: str, sentences: list[Span], hits: dict[str, list[Hit]],
             markers: dict[str, list[Marker]]) -> list[Segment]:
    """Clauses of each sentence; a clause without an event word lends its claims to the
    nearest clause before it that has one (or, at the start, the first one after)."""
    words = [(h.start, h.end) for h in hits["event"]]
    triggers = words + [(h.start, h.end) for h in hits["medium"] if not h.value.get("qualifies")]
    preps = Starts((s, e) for s, e, _ in markers["temporal_prep"])
    trig_at, word_at = Starts(triggers), Starts(words)
    separate = _separate_starts(t, markers, trig_at)
    segs: list[Segment] = []
    for si, (s, e) in enumerate(sentences):
        cuts = _cuts(ctx, t, s, e, preps, trig_at)
        # rare: most sentences keep their cuts (sorted, unique) as they are
        extra = separate.between(s + 1, e) if separate.keys else []
        if extra:
            cuts = sorted(set(cuts).union(extra))
        first = len(segs)
        if len(cuts) == 2:          # a sentence of one clause (most of them): cuts are sorted and unique
            segs.append(Segment(cuts[0], cuts[1], si))
        else:
            segs += [Segment(a, b, si) for a, b in pairwise(cuts) if b > a]
        # most sentences have no event word: none of their clauses anchors one (``anchor`` stays None)
        if trig_at.any_between(s, e):
            mine = segs[first:]
            _anchor(mine, _anchoring(ctx, t, mine, trig_at, word_at), first)
    return segs


def _anchoring(ctx: LanguageContext, t: str, mine: list[Segment], trig_at: Starts[Span],
               word_at: Starts[Span]) -> list[bool]:
    """Which clauses of a sentence anchor an event: those with an event word, but not
    - a medium word alone after a clause with an event word ("they last spoke in May, by
      video, when ...": how that event was held, no event of its own);
    - an event noun in apposition to the event noun the clause before ends with ("their first
      conversation, a 25-minute phone call, took place ...": the same event named again)."""
    out: list[bool] = []
    seen_word = False
    apposition = _apposition_regex(ctx)
    for i, a in enumerate(mine):
        word = word_at.any_between(a.start, a.end)
        if word and i and apposition is not None and out[i - 1] and \
                _renames(t, mine[i - 1], a, word_at, apposition):
            word = False
        out.append(word or (not seen_word and trig_at.any_between(a.start, a.end)))
        seen_word = seen_word or word or out[-1]
    return out


def _renames(t: str, before: Segment, a: Segment, word_at: Starts[Span], apposition: re.Pattern[str]) -> bool:
    """Whether clause ``a`` opens with an indefinite event noun phrase right after a clause
    that ends with an event word."""
    ends = word_at.between(before.start, before.end)
    if not ends or t[ends[-1][1]:before.end].strip(" ,،") != "":
        return False
    words = word_at.between(a.start, a.end)
    return bool(apposition.fullmatch(t, a.start, words[0][0]))


def _apposition_regex(ctx: LanguageContext) -> re.Pattern[str] | None:
    """An indefinite article (``apposition_article``) and at most three words (a length, an
    adjective), nothing else, before an event noun."""
    if _apposition_regex not in ctx.memo:
        lx = ctx.rs.lexicons.get("apposition_article")
        ctx.memo[_apposition_regex] = re.compile(
            rf"\s*(?:{lx.alternation})\s+(?:[\w-]+\s+){{0,3}}") if lx else None
    return ctx.memo[_apposition_regex]


def _cuts(ctx: LanguageContext, t: str, s: int, e: int, preps: Starts[Span], trig_at: Starts[Span]) -> list[int]:
    ends = [m.end() for m in ctx.clause_sep.finditer(t, s, e)]
    # most clauses-to-be are whole sentences (s < e): no set to sort
    marks = sorted({s, e, *ends}) if ends or s >= e else [s, e]
    inside = preps.between(s + 1, e)
    if not inside:
        return marks
    cuts = set(marks)
    # "قبل المفاوضات": a time-relative event starts a stretch of its own, and so does one
    # told after a temporal preposition in a clause that already has its event ("the call
    # comes after Kyiv agreed last week during talks in Jeddah": those talks are another event)
    for ps, pe in inside:
        k = bisect_right(marks, ps)
        lo, hi = marks[k - 1], marks[k] if k < len(marks) else e
        if trig_at.any_between(pe, pe + ctx.windows.time_relative_event) or \
                (trig_at.any_between(lo, ps) and trig_at.any_between(pe, hi)):
            cuts.add(ps)
    return sorted(cuts)


def _separate_starts(t: str, markers: dict[str, list[Marker]], trig_at: Starts[Span]) -> Starts[int]:
    """Where "a separate call", "another meeting", "اتصالا منفصلا" start: the event word with
    a "separate" word right before it (or right after it, where adjectives follow their noun)
    is an event of its own, so its clause starts there ("spoke with X on Monday and had a
    separate call with Y": Y is no party to the first)."""
    out = []
    for ms, me, _v in markers.get("separate_marker", []):
        nxt = trig_at.between(me, me + 2)
        if nxt and not t[me:nxt[0][0]].strip():
            out.append(ms)
    for ms, _me, _v in markers.get("separate_marker_after", []):
        prev = trig_at.between(ms - 40, ms)
        if prev and prev[-1][1] <= ms and not t[prev[-1][1]:ms].strip():
            out.append(prev[-1][0])
    return Starts(out, key=lambda x: x)


def _anchor(mine: list[Segment], has: list[bool], first: int) -> None:
    """Point each clause of one sentence at the clause whose event it belongs to."""
    # the nearest clause with an event word after each clause, then one pass forward keeping
    # the nearest one before: linear in the clauses however many a sentence has
    nxt: list[int | None] = [None] * len(mine)
    following: int | None = None
    for i in range(len(mine) - 1, -1, -1):
        nxt[i] = following
        if has[i]:
            following = i
    last: int | None = None
    for i, sg in enumerate(mine):
        if has[i]:
            last = i
            sg.anchor = first + i
            continue
        j = last if last is not None else nxt[i]
        sg.anchor = first + j if j is not None else None


# How much of a claim's sentence the report quotes: the claim's words and some context, never a
# whole unpunctuated article (each claim would copy it).
EXCERPT_CHARS = 400


def excerpt_span(text: str, sentence: Span, claim: Span, limit: int = EXCERPT_CHARS) -> Span:
    """The part of the sentence quoted as the claim's evidence: the whole sentence when it is
    short, else about ``limit`` characters around the claim (cut at spaces), always holding the
    claim's own words."""
    ss, se = sentence
    cs, ce = max(ss, min(claim[0], se)), min(se, max(claim[1], ss))
    if se - ss <= limit:
        return ss, se
    room = max(0, limit - (ce - cs))
    start = max(ss, cs - room // 2)
    end = min(se, ce + room - (cs - start))
    start = max(ss, min(start, cs - (room - (end - ce))))
    # cut at a space when one is near, so no word is split
    sp = text.find(" ", start, min(cs, start + 40)) if start > ss else -1
    start = sp + 1 if sp != -1 else start
    ep = text.rfind(" ", max(ce, end - 40), end) if end < se else -1
    end = ep if ep != -1 else end
    return start, end
