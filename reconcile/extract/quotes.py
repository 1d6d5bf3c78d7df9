"""Quotations: text between paired quote marks, with the sentence and speaker around it."""
from __future__ import annotations

from reconcile.extract.attribution import Speakers, quoted_spans, speaker_at
from reconcile.extract.context import LanguageContext
from reconcile.extract.sentences import sentence_at
from reconcile.records import DocExtraction, Quote


def quotes(ex: DocExtraction, ctx: LanguageContext, speakers: Speakers) -> list[Quote]:
    t = ex.nt.text
    out = []
    starts = [s for s, _ in ex.sentences]
    for qs, qe in quoted_spans(t):
        inner = t[qs:qe].strip()
        if len(inner.split()) < ctx.quote_min_words:
            continue
        # a quoted name is a name, not a quotation
        if any(es <= qs + 1 and ee >= qe - 1 for es, ee, _, _ in ex.entities_in(qs - 1, qs + 2)):
            continue
        si = sentence_at(ex.sentences, starts, qs)
        if si is None:
            continue
        speaker = speaker_at(ctx, speakers, si, qs)
        os_, oe = ex.span(qs, qe)
        ss, se = ex.span(*ex.sentences[si])
        out.append(Quote(ex.doc.id, (os_, oe), ex.doc.text[os_:oe], speaker, (ss, se)))
    return out
