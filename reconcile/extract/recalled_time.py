"""A "then" word ("back then", "at that time", "آنذاك", "حينها") points back to the time of an
event the article has already named: the event words of its clause tell that earlier event
("he had spent two hours on the phone with him back then"), not a new one.

Unlike "last" or "previous", which qualify the event noun they stand next to, a "then" word
times its whole clause, so it counts on either side of the event word.  The ``then_marker``
lexicon gives where each word counts: ``anywhere`` in the clause, only at the ``clause_end``
(a bare "then" is "next" before a verb: "and then they spoke for an hour"; "at the time of the
call" is the call's own time), or only opening a clause after a comma (``after_comma``: "they
last spoke in May, when they held a video call": "when" takes up the time just named; "when
the call ended" opening a sentence does not).  A word of ``then_marker_blocker`` right before it turns it into
a bound ("since then", "منذ حينها"), which says nothing of when the clause's event was."""
from __future__ import annotations

import re

from reconcile.engine.rules import fold_pattern
from reconcile.extract.context import LanguageContext
from reconcile.extract.positions import Starts
from reconcile.records import DocExtraction, Marker, RawMention

_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?،؛)\"”»]|$)")
_AFTER_COMMA = re.compile(r"[,،;؛]\s*$")

def _blocker(ctx: LanguageContext) -> re.Pattern[str] | None:
    """A bound word ending the text just before a "then" word ("since ", "ومنذ ")."""
    if _blocker not in ctx.memo:
        lx = ctx.rs.lexicons.get("then_marker_blocker")
        pre = fold_pattern(ctx.rs.macros.get("proclitic", ""))
        ctx.memo[_blocker] = re.compile(rf"(?<!\w){pre}(?:{lx.alternation})\s+$") if lx else None
    return ctx.memo[_blocker]


def recalls_earlier_time(t: str, ctx: LanguageContext, thens: Starts[Marker], lo: int, hi: int) -> bool:
    """Whether a "then" word in ``t[lo:hi]`` (an event's clauses in one sentence) sends the
    event back to the time of one named before."""
    blocker = _blocker(ctx)
    for ms, me, where in thens.between(lo, hi):
        if me > hi:
            continue
        if blocker is not None and blocker.search(t, max(0, ms - 24), ms):
            continue          # "since then", "until then": a bound, not the event's time
        if where == "clause_end" and not _CLAUSE_END.match(t, me):
            continue          # "and then they spoke", "then-President", "at the time of the call"
        if where == "after_comma" and not _AFTER_COMMA.search(t, max(0, ms - 4), ms):
            continue          # "When the call ended, ...": the time of this event, not an earlier one
        return True
    return False


def back_then(ex: DocExtraction, ctx: LanguageContext, thens: Starts[Marker], last: RawMention | None,
              m: RawMention) -> bool:
    """Whether an undated mention is of the contact the article recalled just before it (in
    its sentence or the one before): a "then" word points back to the time of the event last
    named, and when that is the article's own event, the mention is of it, not a recalled one."""
    if m.previous or m.dates or last is None or not last.previous or \
            last.sentence not in (m.sentence, m.sentence - 1):
        return False
    start = ex.sentences[m.sentence][0]
    return recalls_earlier_time(ex.nt.text, ctx, thens, max(m.scope[0], start), m.scope[1])


def apart(ex: DocExtraction, markers: dict[str, list[Marker]], mentions: list[RawMention]) -> None:
    """Mark the mentions told as another contact the same day ("Earlier in the day, X
    dialled Z", "وكان X قد أجرى في وقت سابق اليوم اتصالا بـ Z"): an ``apart_marker`` in the
    sentence, before the end of the mention's clauses."""
    at = Starts(markers.get("apart_marker", []))
    for m in mentions:
        start = ex.sentences[m.sentence][0]
        m.apart = m.apart or at.any_between(start, max(start, m.scope[1]))
