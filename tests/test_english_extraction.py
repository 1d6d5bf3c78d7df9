"""English phrasings of issue 8, in sentences written for these tests: contact verbs,
"-and-a-half" durations, duration adjectives of other things, progress lines, alternatives."""
from __future__ import annotations

import hashlib

from reconcile.entities.gazetteer import gazetteer
from reconcile.entities.registry import EntityRegistry
from reconcile.extract import extract_document, language_context
from reconcile.records import Document


def _claims(text: str, fact: str) -> list[dict]:
    ctx = language_context("en")
    doc = Document(id="t", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                   language="en", published="2024-04-10")
    ex = extract_document(doc, ctx, EntityRegistry(gazetteer(ctx.rs.root / "entities.yaml")))
    return [c.value for c in ex.claims if c.fact == fact]


def test_half_after_a_number_adds_up():
    got = _claims("Macron and Erdogan spoke for one-and-a-half hours on Monday.", "duration")
    assert got == [{"minutes": {"min": 90, "max": 90}}]


def test_a_duration_of_another_noun_is_no_claim():
    assert _claims("During the call Scholz backed a plan for a 45-day truce.", "duration") == []
    got = _claims("The meeting lasted five hours with a 20-minute recess.", "duration")
    assert got == [{"minutes": {"min": 300, "max": 300}}]


def test_duration_linked_to_its_event():
    got = _claims("Biden and Erdogan held an almost three-hour long meeting in Rome.", "duration")
    assert got == [{"minutes": {"min": 135, "max": 180}}]


def test_progress_is_no_total_length():
    text = "Macron and Scholz have been talking for over an hour and are still on the phone."
    assert _claims(text, "duration") == []


def test_one_medium_of_two_is_no_claim():
    assert _claims("The leaders have spoken often, either by phone or in person.", "medium") == []


def test_contact_verb_makes_an_event():
    ctx = language_context("en")
    text = "Erdogan and Scholz talked by telephone on Monday."
    doc = Document(id="t", text=text, sha256="x", language="en", published="2024-04-10")
    ex = extract_document(doc, ctx, EntityRegistry(gazetteer(ctx.rs.root / "entities.yaml")))
    assert [m.kind for m in ex.mentions] == ["call"]
    assert {c.fact for c in ex.claims} >= {"date", "medium"}


def test_previous_marker_before_the_event_word():
    ctx = language_context("en")
    text = "Their previous conversation, in January, lasted two hours."
    doc = Document(id="t", text=text, sha256="y", language="en", published="2024-04-10")
    ex = extract_document(doc, ctx, EntityRegistry(gazetteer(ctx.rs.root / "entities.yaml")))
    assert [m.previous for m in ex.mentions] == [True]
