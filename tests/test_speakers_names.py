"""Who speaks, when the speaker is a person the gazetteer does not know, in wordings written for
these tests: a hyphenated given name ("Park Min-ji", "كانغ يو-جونغ"), a name before its title
("Tomas Keller, a spokesman for the ministry, said"), and a spokesman named after the title of
the leader they speak for ("المتحدث باسم الرئيس الأوكراني X")."""
from __future__ import annotations

import hashlib

import pytest

from reconcile.entities.gazetteer import gazetteer
from reconcile.entities.registry import EntityRegistry
from reconcile.extract import extract_document, language_context
from reconcile.records import Document


def _speakers(text: str, fact: str, lang: str = "en") -> list[str | None]:
    d = Document(id="t", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                 language=lang, published="2025-05-20")
    registry = EntityRegistry(gazetteer())
    ex = extract_document(d, language_context(lang), registry)
    return [registry.entities[c.speaker].name if c.speaker else None for c in ex.claims if c.fact == fact]


@pytest.mark.parametrize(("text", "speaker"), [
    ("The talks lasted 45 minutes, presidential spokesperson Park Min-ji told a briefing.", "Park Min-ji"),
    ("وقالت المتحدثة باسم الرئاسة كانغ يو-جونغ إن الاتصال استمر 40 دقيقة.", "كانغ يو-جونغ"),
])
def test_a_hyphenated_given_name_is_part_of_the_name(text, speaker):
    lang = "ar" if "ا" in text else "en"
    assert _speakers(text, "duration", lang) == [speaker]


def test_a_romanised_east_asian_name_is_named_again_by_its_family_name():
    text = ("Foreign ministry spokesman Wang Xiao-ming spoke to reporters on Monday. "
            "The call lasted 35 minutes, Wang said.")
    assert _speakers(text, "duration") == ["Wang Xiao-ming"]


def test_a_hyphenated_first_name_keeps_the_last_word_as_surname():
    text = ("Government spokeswoman Marie-Claire Dufour held a briefing on Monday. "
            "The call lasted 35 minutes, Dufour said.")
    assert _speakers(text, "duration") == ["Marie-Claire Dufour"]


@pytest.mark.parametrize("text", [
    "Tomas Keller, a spokesman for the ministry, said the talks lasted two hours.",
    "The talks lasted two hours, Tomas Keller, the chancellor's spokesman, told reporters.",
])
def test_a_name_before_its_title_is_a_person(text):
    assert _speakers(text, "duration") == ["Tomas Keller"]


@pytest.mark.parametrize("text", [
    # a place after "the" or a preposition, before an unnamed official: nobody is named
    "Tankers crossed the Red Sea, the official said, and the call lasted 30 minutes.",
    "In East Java, the governor said the call lasted 30 minutes.",
])
def test_capitalised_words_before_an_appositive_title_are_not_always_a_person(text):
    assert _speakers(text, "duration") == [None]


def test_a_spokesman_named_after_the_leaders_title_speaks():
    text = "وقال المتحدث باسم رئيس الوزراء الياباني هيروشي تاناكا إن الاتصال استمر 40 دقيقة."
    assert _speakers(text, "duration", "ar") == ["هيروشي تاناكا"]


def test_a_leaders_title_before_his_own_name_is_one_speaker():
    text = "وقال الرئيس الروسي فلاديمير بوتين إن المكالمة استمرت ساعتين."
    assert _speakers(text, "duration", "ar") == ["Vladimir Putin"]


@pytest.mark.parametrize(("text", "lang", "speaker"), [
    ("Chancellor Olaf Scholz spoke with Kenyan President William Ruto on Monday, deputy government "
     "spokeswoman Anna Vogel said in a statement. The call lasted 40 minutes, according to the statement.",
     "en", "Anna Vogel"),
    ("The Kremlin issued a statement on Monday. Putin spoke with Ruto; the readout said the call "
     "lasted 40 minutes.", "en", "Kremlin"),
    ("وقال الكرملين في بيان إن بوتين تحدث مع روتو. وأشار البيان إلى أن الاتصال استمر 40 دقيقة.",
     "ar", "Kremlin"),
])
def test_a_statement_named_again_speaks_for_its_issuer(text, lang, speaker):
    assert _speakers(text, "duration", lang) == [speaker]


def test_according_to_a_plan_is_no_statement():
    text = "The two leaders will meet for 40 minutes, according to the plan."
    assert _speakers(text, "duration") == [None]
