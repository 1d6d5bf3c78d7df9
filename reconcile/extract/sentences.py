"""Sentences, and the clauses (segments) of each sentence that an event's claims are read in."""
from __future__ import annotations

from itertools import pairwise

from reconcile.extract.context import LanguageContext
from reconcile.extract.positions import Starts
from reconcile.records import Hit, Marker, Segment, Span


def sentence_spans(ctx: LanguageContext, t: str) -> list[Span]:
    out, start = [], 0
    for m in ctx.sentence_end.finditer(t):
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
        if e > s:
            res.append((s, e))
    return res


def segments(ctx: LanguageContext, t: str, sentences: list[Span], hits: dict[str, list[Hit]],
             markers: dict[str, list[Marker]]) -> list[Segment]:
    """Clauses of each sentence; a clause without an event word lends its claims to the
    nearest clause before it that has one (or, at the start, the first one after)."""
    triggers = [(h.start, h.end) for h in hits["event"]] + \
               [(h.start, h.end) for h in hits["medium"] if not h.value.get("qualifies")]
    preps = Starts((s, e) for s, e, _ in markers["temporal_prep"])
    trig_at = Starts(triggers)
    segs: list[Segment] = []
    for si, (s, e) in enumerate(sentences):
        cuts = _cuts(ctx, t, s, e, preps, trig_at)
        first = len(segs)
        for a, b in pairwise(cuts):
            if b > a:
                segs.append(Segment(a, b, si))
        mine = segs[first:]
        _anchor(mine, [trig_at.any_between(a.start, a.end) for a in mine], first)
    return segs


def _cuts(ctx: LanguageContext, t: str, s: int, e: int, preps: Starts[Span], trig_at: Starts[Span]) -> list[int]:
    cuts = {s, e}
    for m in ctx.clause_sep.finditer(t, s, e):
        cuts.add(m.end())
    # "قبل المفاوضات": a time-relative event starts a stretch of its own
    for ps, pe in preps.between(s + 1, e):
        if trig_at.any_between(pe, pe + ctx.windows.time_relative_event):
            cuts.add(ps)
    return sorted(cuts)


def _anchor(mine: list[Segment], has: list[bool], first: int) -> None:
    """Point each clause of one sentence at the clause whose event it belongs to."""
    for i, sg in enumerate(mine):
        if has[i]:
            sg.anchor = first + i
            continue
        before = [j for j in range(i - 1, -1, -1) if has[j]]
        after = [j for j in range(i + 1, len(mine)) if has[j]]
        sg.anchor = first + (before[0] if before else after[0]) if (before or after) else None
