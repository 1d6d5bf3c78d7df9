"""Who speaks, in wordings written for these tests: a source the institution itself qualifies
("مصدر حكومي ياباني"), a subject of several ("كل من X و Y"), a circumstantial participle that
goes on with the sentence's speaker ("..., لافتا إلى أن")."""
from __future__ import annotations

import hashlib

import pytest

from reconcile.entities.gazetteer import gazetteer
from reconcile.entities.registry import EntityRegistry
from reconcile.extract import extract_document, language_context
from reconcile.records import Document


def _extract(text: str, lang: str = "ar"):
    d = Document(id="t", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                 language=lang, published="2023-04-20")
    registry = EntityRegistry(gazetteer())
    return extract_document(d, language_context(lang), registry), registry


def _speakers(text: str, fact: str, lang: str = "ar") -> list[str | None]:
    ex, registry = _extract(text, lang)
    return [registry.entities[c.speaker].name if c.speaker else None for c in ex.claims if c.fact == fact]


@pytest.mark.parametrize(("text", "speaker"), [
    ("تحدث الرئيسان هاتفيا لمدة ساعتين، حسبما أفاد مصدر حكومي ياباني لوكالة رويترز.", "Japanese government"),
    ("وقالت مصادر حكومية إسبانية إن المكالمة استمرت ساعة.", "Spanish government"),
])
def test_a_source_the_government_qualifies_speaks_for_it(text, speaker):
    assert _speakers(text, "duration") == [speaker]


def test_an_unqualified_source_still_names_nobody():
    assert _speakers("قالت مصادر دبلوماسية إن أردوغان تحدث هاتفيا مع ميلوني لمدة ساعة.", "duration") == [None]


def test_the_first_of_a_subject_of_several_speaks():
    text = "ووصف كل من البيت الأبيض والكرملين المكالمة بأنها بناءة واستمرت ثلاث ساعات."
    assert _speakers(text, "duration") == ["White House"]


def test_a_participle_goes_on_with_the_speaker_named_before():
    text = ("قال المتحدث باسم الرئاسة التركية إن الاتصال كان مثمرا. "
            "مشيرا إلى أن المكالمة الهاتفية استمرت 40 دقيقة.")
    assert _speakers(text, "duration") == ["Turkish presidency"]

