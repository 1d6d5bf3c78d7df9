"""Quotations: text between paired quote marks, with the sentence and speaker around it."""
from __future__ import annotations

import re
from collections.abc import Iterator

from reconcile.extract.attribution import Speakers, speaker_at
from reconcile.extract.context import LanguageContext
from reconcile.records import DocExtraction, Quote, Span


def quotes(ex: DocExtraction, ctx: LanguageContext, speakers: Speakers) -> list[Quote]:
    t = ex.nt.text
    out = []
    for qs, qe in _quoted(t):
        inner = t[qs:qe].strip()
        if len(inner.split()) < ctx.quote_min_words:
            continue
        # a quoted name is a name, not a quotation
        if any(es <= qs + 1 and ee >= qe - 1 for es, ee, _, _ in ex.entities_in(qs - 1, qs + 2)):
            continue
        si = next((i for i, (s, e) in enumerate(ex.sentences) if s <= qs < e), None)
        if si is None:
            continue
        speaker = speaker_at(ctx, speakers, si, qs)
        os_, oe = ex.span(qs, qe)
        ss, se = ex.span(*ex.sentences[si])
        out.append(Quote(ex.doc.id, (os_, oe), ex.doc.text[os_:oe], speaker, (ss, se)))
    return out


def _quoted(t: str) -> Iterator[Span]:
    """What is between quote marks paired within a paragraph, in order."""
    for para in re.finditer(r"[^\n]+", t):
        marks = [m.start() for m in re.finditer('"', para.group())]
        for a, b in zip(marks[0::2], marks[1::2], strict=False):
            yield para.start() + a + 1, para.start() + b
