"""Extract claims from one document: the rule matches of every dimension, the speaker each
claim is attributed to, quotations, and the event mentions the claims are about.

Works on the folded text (``normalise``) and converts every span back to the original text
before it leaves this package.  Language-specific words all come from ``rules/<lang>/``,
compiled once per language (``LanguageContext``); nothing about one document outlives its call.
"""
from __future__ import annotations

from collections.abc import Mapping

from reconcile.dimensions import dates
from reconcile.engine.normalise import normalise
from reconcile.entities.registry import EntityRegistry
from reconcile.extract.attribution import attributions
from reconcile.extract.claims import claims
from reconcile.extract.context import LanguageContext
from reconcile.extract.hits import absorb_media, document_hits, marker_hits
from reconcile.extract.institutions import with_institutions
from reconcile.extract.mentions import event_mentions
from reconcile.extract.quotes import quotes
from reconcile.extract.sentences import segments, sentence_spans
from reconcile.records import DocExtraction, Document, EntityMention

# a reviewer's split: (entity id, spelling) -> the entity that spelling now names
Overrides = Mapping[tuple[str, str], str]


def extract_document(doc: Document, ctx: LanguageContext, gaz: EntityRegistry,
                     overrides: Overrides | None = None) -> DocExtraction:
    nt = normalise(doc.text)
    t = nt.text
    ref = dates.parse_iso_day(doc.published)
    ents = gaz.find_folded(nt, ctx.lang, ref, ctx.known_words)
    if overrides:
        ents = _split_off(ents, t, overrides)
    sentences = sentence_spans(ctx, t)
    hits = document_hits(ctx.rs, t, ref)
    markers = marker_hits(ctx, t)
    # "إن الأخير أجرى اتصالا": a word that names someone already named is no "last" marker
    naming = {p for s, e, _, how in ents if how == "anaphor" for p in range(s, e)}
    if naming:
        markers = {k: [m for m in v if m[1] - 1 not in naming] for k, v in markers.items()}
    ex = DocExtraction(doc, nt, ctx.lang, ref, sentences, ents, [], [], [], hits)
    ex.entities = with_institutions(ex, ctx, gaz)
    absorb_media(hits, t, ctx.windows.medium_after_event)
    segs = segments(ctx, t, sentences, hits, markers)
    speakers = attributions(ex, ctx, gaz)
    found = event_mentions(ex, ctx, gaz, segs, markers, speakers)
    ex.mentions = found.mentions
    ex.claims = claims(ex, ctx, gaz, segs, found, markers, speakers)
    ex.quotes = quotes(ex, ctx, speakers)
    for hs in hits.values():      # values are built; the token lists would only hold memory
        for h in hs:
            h.tokens = []
    return ex


def _split_off(ents: list[EntityMention], t: str, overrides: Overrides) -> list[EntityMention]:
    """A reviewer split these spellings off into another entity."""
    return [(s, e, overrides.get((eid, " ".join(t[s:e].replace('"', " ").split())), eid), how)
            for s, e, eid, how in ents]
