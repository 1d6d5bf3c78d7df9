"""Which of an article's events each claim is about: its mention's, else the one the article
is telling at its sentence; a claim inside a clause that recalls an earlier contact is that
contact's."""
from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from reconcile.records import DocExtraction

if TYPE_CHECKING:
    from reconcile.events.grouper import DocEvent


def attach_claims(ex: DocExtraction, by_mention: dict[int, DocEvent],
                   current_at: list[tuple[int, DocEvent]]) -> None:
    """Each claim goes to its mention's event, else to the event current at its sentence."""
    # "the first call since X phoned Y ...": a claim inside the clause that tells a recalled
    # contact is that contact's
    recalled = [(ex.mentions[mi].scope, ev) for mi, ev in by_mention.items()
                if ex.mentions[mi].previous and ex.mentions[mi].scope[1] - ex.mentions[mi].scope[0] > 0]
    told_from = [si for si, _ in current_at]      # sentence order: the events told from there on
    for c in ex.claims:
        inside = next((ev for (a, b), ev in recalled if a <= c.hit.start < b), None) if recalled else None
        e: DocEvent | None
        if c.mention is not None and inside is not None and not ex.mentions[c.mention].previous:
            e = inside
            c.attached_by = c.attached_by or "clause"
        elif c.mention is not None:
            e = by_mention.get(c.mention)
            c.attached_by = c.attached_by or "clause"
        else:
            k = bisect_right(told_from, c.sentence)
            e = current_at[k - 1][1] if k else None
            c.attached_by = "main_event"
        if e is not None:
            e.claims.append(c)
