"""Institutions the gazetteer does not know speak under their own name, in wordings written for
these tests: "Finland's Directorate of Public Information said", "the directorate said",
"the Office of the President said" under a dateline, "ذكرت مديرية الإعلام في الحكومة الكينية";
an Arabic article's body is an English article's of the same kind and state."""
from __future__ import annotations

import hashlib

import pytest

from reconcile.entities.gazetteer import gazetteer
from reconcile.entities.registry import EntityRegistry
from reconcile.extract import extract_document, language_context
from reconcile.pipeline import analyse
from reconcile.records import Corpus, Document


def _doc(text: str, lang: str, name: str = "t") -> Document:
    return Document(id=name, text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                    language=lang, published="2025-05-20")


def _speakers(text: str, fact: str, lang: str = "en") -> list[str | None]:
    registry = EntityRegistry(gazetteer())
    ex = extract_document(_doc(text, lang), language_context(lang), registry)
    return [registry.entities[c.speaker].name if c.speaker else None for c in ex.claims if c.fact == fact]


@pytest.mark.parametrize(("text", "speaker"), [
    ("President Stubb spoke with Kenyan President William Ruto for 40 minutes on Monday, Finland's "
     "Directorate of Public Information said.", "Finnish Directorate of Public Information"),
    ("Finland's Directorate of Public Information reported the call on Monday. The call lasted "
     "40 minutes, the directorate said.", "Finnish Directorate of Public Information"),
    ("NAIROBI - Ruto spoke with Stubb for 40 minutes on Monday, the Office of the President said.",
     "Office of the President of Kenya"),
])
def test_an_institution_named_as_subject_speaks(text, speaker):
    assert _speakers(text, "duration") == [speaker]


def test_an_arabic_institution_with_its_state_speaks():
    text = "وذكرت مديرية الإعلام في الحكومة الكينية، في بيان، أن الاتصال استمر 40 دقيقة."
    assert _speakers(text, "duration", "ar") == ["مديرية الإعلام في الحكومة الكينية"]


@pytest.mark.parametrize("text", [
    # a capitalised head at a sentence start, and a head with no name of its own, name no body
    "Office workers said the call lasted 40 minutes.",
    "An official at the office said the call lasted 40 minutes.",
])
def test_a_head_word_without_a_name_is_no_institution(text):
    assert _speakers(text, "duration") == [None]


def test_an_arabic_and_an_english_article_name_one_body():
    en = _doc("NAIROBI, May 19 (Test) - President William Ruto spoke with Alexander Stubb by phone on "
              "Monday for 40 minutes, Kenya's Directorate of Public Communications said.", "en", "a")
    ar = _doc("وذكرت مديرية الإعلام في الرئاسة الكينية، في بيان، أن الرئيس وليام روتو تحدث هاتفيا مع "
              "الرئيس الفنلندي ألكسندر ستوب يوم الاثنين لمدة 40 دقيقة.", "ar", "b")
    analysis = analyse(Corpus(documents=[en, ar], problems=[]))
    speakers = {c.speaker for ex in analysis.extractions for c in ex.claims if c.fact == "duration"}
    assert len(speakers) == 1


@pytest.mark.parametrize(("text", "lang", "speaker"), [
    ("NAIROBI, May 19 (Test) - President William Ruto spoke with Alexander Stubb on Monday for 40 minutes, "
     "the presidential office said.", "en", "Kenyan presidency"),
    ("BERLIN, May 19 (Test) - Chancellor Friedrich Merz spoke with Ruto for 40 minutes on Monday, "
     "the government said.", "en", "German government"),
    ("القاهرة - وكالة تجربة\n\nتلقى الرئيس عبد الفتاح السيسي اتصالا هاتفيا من الرئيس الكيني وليام روتو. "
     "وقالت الرئاسة إن الاتصال استمر 40 دقيقة.", "ar", "Egyptian presidency"),
])
def test_a_bare_institution_is_the_datelines_states(text, lang, speaker):
    assert _speakers(text, "duration", lang) == [speaker]


@pytest.mark.parametrize("text", [
    # no dateline; or a dateline whose state has nobody in the story: whose government is unclear
    "President William Ruto spoke with Alexander Stubb for 40 minutes, the government said.",
    "LONDON, May 19 (Test) - Ruto spoke with Stubb for 40 minutes, the government said.",
])
def test_a_bare_institution_without_a_clear_state_names_nobody(text):
    assert _speakers(text, "duration") == [None]
