"""Time-zone abbreviations in context (texts written for these tests): one that is also an
English word is a zone only in capitals next to a clock reading."""
from __future__ import annotations

import hashlib

from reconcile.entities.gazetteer import gazetteer
from reconcile.entities.registry import EntityRegistry
from reconcile.extract import extract_document, language_context
from reconcile.records import Document


def _times(text: str) -> list[tuple[int, int, str | None]]:
    ctx = language_context("en")
    doc = Document(id="t", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                   language="en", published="2024-04-10")
    ex = extract_document(doc, ctx, EntityRegistry(gazetteer(ctx.rs.root / "entities.yaml")))
    return [(c.local_time["hour"], c.local_time["minute"], c.local_time["zone"])
            for c in ex.claims if c.local_time is not None]


def test_a_zone_abbreviation_in_capitals_names_its_zone():
    assert _times("The Kenyan and Zambian presidents spoke by phone on Tuesday. "
                  "The call began at 2.40pm CAT.") == [(14, 40, "Africa/Maputo")]
    assert _times("Wong held a phone call with Ardern on Monday. It started at 8.10pm AEDT.") == \
        [(20, 10, "Australia/Sydney")]


def test_the_same_letters_in_lower_case_are_a_word_not_a_zone():
    got = _times("The presidents spoke by phone on Tuesday. The call began at 2.40pm cat owners said.")
    assert all(zone is None for _h, _m, zone in got)
    got = _times("The leaders met on Tuesday at 1500 art lovers' favourite museum.")
    assert got == []
