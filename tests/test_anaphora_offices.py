"""Names that point back and leaders' offices, in wordings written for these tests (other leaders,
numbers and places than any corpus): "the latter" / "الأخير" names the one named last, "the
former" the one before; "his office said" / "مكتبها" is the office of the sentence's subject;
"مكتب رئيس الوزراء X فلان" is the office speaking about its leader; honorifics ("His Highness",
"صاحب السمو") are skipped, never a person; and the gazetteer's dated roles name the holder of the
day."""
from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from reconcile.engine.normalise import normalise
from reconcile.entities.gazetteer import gazetteer
from reconcile.entities.registry import EntityRegistry
from reconcile.extract import extract_document, language_context
from reconcile.records import Document


def _mentions(text: str, lang: str, day: dt.date = dt.date(2024, 6, 1)) -> list[tuple[str, str, str]]:
    reg = EntityRegistry(gazetteer())
    return [(r.surface, r.entity_id, r.how) for r in reg.find(normalise(text), lang, day)]


def _extract(text: str, lang: str, published: str = "2024-06-01"):
    d = Document(id="t", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                 language=lang, published=published)
    registry = EntityRegistry(gazetteer())
    return extract_document(d, language_context(lang), registry), registry


def _facts(text: str, lang: str) -> dict[str, list[str | None]]:
    ex, registry = _extract(text, lang)
    out: dict[str, list[str | None]] = {}
    for c in ex.claims:
        out.setdefault(c.fact, []).append(registry.entities[c.speaker].name if c.speaker else None)
    return out


# ---------------------------------------------------------------- the latter / the former
def test_al_akhir_names_the_last_person_named():
    refs = _mentions("قال مكتب رئيس الوزراء الإسباني بيدرو سانشيز إن الأخير أجرى اتصالا هاتفيا "
                     "مع الرئيس الكيني وليام روتو.", "ar")
    assert ("الأخير", "pedro-sanchez", "anaphor") in refs


def test_a_leader_named_only_as_al_akhir_is_still_a_party_and_the_call_keeps_its_facts():
    ex, registry = _extract("أعلن مكتب الرئيس الفنلندي ألكسندر ستوب أن الأخير أجرى اتصالا هاتفيا "
                            "مع رئيس الوزراء البولندي دونالد توسك، استمر قرابة 45 دقيقة.", "ar")
    assert {"alexander-stubb", "donald-tusk"} <= set(ex.mentions[0].participants)
    assert {c.fact for c in ex.claims} >= {"duration", "medium"}


@pytest.mark.parametrize("text", [
    "وكانت زيارته الأخيرة إلى نيروبي في الأسبوع الأخير من مايو.",
    "وفي الأخير اتفق الجانبان على مواصلة التنسيق.",
    "وهذه هي المرة الأخيرة التي يلتقي فيها روتو وسانشيز.",
])
def test_al_akhir_as_an_adjective_or_an_idiom_names_nobody(text):
    assert not [r for r in _mentions(text, "ar") if r[2] == "anaphor"]


def test_the_latter_and_the_former_before_a_verb():
    refs = _mentions("Tusk met Stubb in Warsaw; the latter said the talks were useful and the former "
                     "thanked him.", "en")
    assert ("the latter", "alexander-stubb", "anaphor") in refs
    assert ("the former", "donald-tusk", "anaphor") in refs


def test_the_former_before_a_noun_is_an_adjective():
    refs = _mentions("Stubb met Tusk. The former president of Latvia also attended.", "en")
    assert not [r for r in refs if r[2] == "anaphor"]


# ---------------------------------------------------------------- offices
def test_her_office_is_the_office_of_the_sentence_subject():
    facts = _facts("Danish Prime Minister Mette Frederiksen held a 25-minute phone call with Ulf "
                   "Kristersson on Monday, her office said.", "en")
    assert facts["duration"] == ["Danish government"]


def test_maktabuha_names_the_office_of_the_leader_named_before():
    refs = _mentions("تحدثت رئيسة الوزراء الدنماركية ميته فريدريكسن مع أولف كريسترسون. "
                     "وقال مكتبها إن الاتصال دام ساعة.", "ar")
    assert ("مكتبها", "denmark-government", "anaphor") in refs


def test_the_office_of_a_leader_named_after_it_speaks_not_the_leader():
    facts = _facts("قال مكتب رئيس الوزراء الهندي ناريندرا مودي في بيان إنه أجرى اتصالا هاتفيا مع "
                   "الرئيس الكيني وليام روتو استمر 35 دقيقة.", "ar")
    assert facts["duration"] == ["Prime Minister's Office (India)"]


def test_a_spokesperson_named_after_an_institution_still_speaks():
    facts = _facts("وقالت المتحدثة باسم وزارة الخارجية الروسية ماريا زاخاروفا إن المكالمة "
                   "الهاتفية استمرت 20 دقيقة.", "ar")
    assert facts["duration"] == ["Maria Zakharova"]


def test_a_title_office_names_the_office_every_holder_shares():
    refs = _mentions("The Israeli Prime Minister's office said the call lasted an hour.", "en")
    assert refs[0][1] == "israel-pmo"


# ---------------------------------------------------------------- honorifics
def test_honorifics_after_a_title_make_no_person():
    ex, registry = _extract("Bahraini Prime Minister His Royal Highness Prince Salman bin Hamad Al Khalifa "
                            "received a phone call from Kuwaiti Emir His Highness Sheikh Mishal Al-Ahmad "
                            "Al-Jaber Al-Sabah.", "en")
    assert not [e for e in registry.entities if e not in gazetteer().entities]


def test_arabic_honorifics_make_no_person():
    ex, registry = _extract("تلقى رئيس الدولة صاحب السمو الشيخ محمد بن زايد آل نهيان حفظه الله اتصالا "
                            "هاتفيا من فخامة الرئيس اليوناني.", "ar")
    assert not [e for e in registry.entities if e not in gazetteer().entities]


def test_a_title_before_a_name_makes_no_person_of_the_country_in_it():
    ex, registry = _extract("التقى الرئيس الكيني وليام روتو، الثلاثاء، رئيس جنوب أفريقيا سيريل رامافوزا.", "ar")
    assert not [e for e in registry.entities if e not in gazetteer().entities]


# ---------------------------------------------------------------- dated roles
@pytest.mark.parametrize(("text", "lang", "day", "holder"), [
    ("الرئيس التركي", "ar", dt.date(2024, 1, 5), "recep-tayyip-erdogan"),
    ("رئيس الوزراء البريطاني", "ar", dt.date(2023, 3, 1), "rishi-sunak"),
    ("رئيس الوزراء البريطاني", "ar", dt.date(2024, 9, 1), "keir-starmer"),
    ("the Polish prime minister", "en", dt.date(2022, 5, 1), "mateusz-morawiecki"),
    ("the Polish prime minister", "en", dt.date(2024, 5, 1), "donald-tusk"),
    ("أمير الكويت", "ar", dt.date(2022, 1, 1), "nawaf-al-ahmad"),
    ("أمير الكويت", "ar", dt.date(2024, 2, 1), "mishal-al-ahmad"),
    ("Japanese Prime Minister", "en", dt.date(2022, 2, 2), "fumio-kishida"),
    ("وزير الخارجية الإيراني", "ar", dt.date(2025, 2, 1), "abbas-araghchi"),
])
def test_a_title_alone_names_the_holder_of_the_day(text, lang, day, holder):
    assert [r[1] for r in _mentions(text, lang, day)] == [holder]
