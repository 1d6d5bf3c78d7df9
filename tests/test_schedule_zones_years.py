"""Schedule words that make a reading a plan, not a second start; noon named in words; a day
part after "من"; a month of last or next year; a zone from an unpunctuated Arabic dateline
(issue 8, held-out round 4), in sentences written for these tests."""
from __future__ import annotations

import hashlib

from reconcile.entities.gazetteer import gazetteer
from reconcile.entities.registry import EntityRegistry
from reconcile.extract import extract_document, language_context
from reconcile.records import DocExtraction, Document

PAGE_DAY = "2024-10-15"


def _extract(text: str, lang: str, published: str | None = PAGE_DAY) -> DocExtraction:
    ctx = language_context(lang)
    doc = Document(id="t", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                   language=lang, published=published)
    return extract_document(doc, ctx, EntityRegistry(gazetteer(ctx.rs.root / "entities.yaml")))


def _times(text: str, lang: str) -> list[tuple[str, int, int, str | None]]:
    return sorted((c.fact, c.local_time["hour"], c.local_time["minute"], c.local_time.get("zone"))
                  for c in _extract(text, lang).claims if c.local_time is not None)


def _dates(text: str, lang: str) -> list[str]:
    return [c.value["date"]["start"] for c in _extract(text, lang).claims if c.fact == "date"]


# --- a planned hour is a scheduled time, never a second start

def test_english_slotted_for_is_the_plan():
    text = ("Brazilian President Luiz Inacio Lula da Silva held a phone call with French President "
            "Emmanuel Macron on Monday. The call had been slotted for 4 pm Paris time but began at "
            "4.40 pm Paris time, an aide said.")
    assert _times(text, "en") == [("scheduled_time", 16, 0, "Europe/Paris"), ("start_time", 16, 40, "Europe/Paris")]


def test_english_was_to_begin_is_the_plan():
    text = ("Kenyan President William Ruto spoke by phone with Nigerian President Bola Tinubu on "
            "Monday. The call was to begin at 3 pm GMT but started at 3.25 pm GMT.")
    assert _times(text, "en") == [("scheduled_time", 15, 0, "UTC"), ("start_time", 15, 25, "UTC")]


def test_english_began_alone_stays_a_start():
    text = ("Kenyan President William Ruto spoke by phone with Nigerian President Bola Tinubu on "
            "Monday. The call began at 3.25 pm GMT.")
    assert _times(text, "en") == [("start_time", 15, 25, "UTC")]


def test_arabic_kana_muqarraran_is_the_plan():
    text = ("أجرى الرئيس البرازيلي لولا دا سيلفا اتصالا هاتفيا بنظيره الفرنسي إيمانويل ماكرون. "
            "وكان مقرراً أن يجري الاتصال في الرابعة عصرا بتوقيت باريس، غير أنه بدأ في الخامسة مساء.")
    assert _times(text, "ar") == [("scheduled_time", 16, 0, "Europe/Paris"), ("start_time", 17, 0, "Europe/Paris")]


# --- noon named in words, a day part after "من"

def test_english_sat_down_with_shortly_after_noon():
    text = ("Spanish Prime Minister Pedro Sanchez sat down with Portuguese Prime Minister Luis "
            "Montenegro at the Sao Bento palace shortly after noon Lisbon time on Monday.")
    assert _times(text, "en") == [("start_time", 12, 0, "Europe/Lisbon")]


def test_english_sat_down_for_an_interview_is_no_meeting():
    text = "Pedro Sanchez sat down for an interview with a Portuguese broadcaster on Monday."
    assert not [c for c in _extract(text, "en").claims if c.fact == "date"]


def test_arabic_noon_in_words_starts_the_talks():
    text = ("عقد رئيس الوزراء البرتغالي لويس مونتينيغرو ونظيره الإسباني بيدرو سانشيز محادثات "
            "انطلقت عند منتصف النهار بتوقيت لشبونة واستمرت ساعتين.")
    assert _times(text, "ar") == [("start_time", 12, 0, "Europe/Lisbon")]


def test_arabic_min_before_the_day_part():
    text = ("أجرى الرئيس التونسي قيس سعيد اتصالا هاتفيا بالرئيس الجزائري عبد المجيد تبون، "
            "وبدأ الاتصال في الثالثة من بعد الظهر بتوقيت تونس.")
    assert _times(text, "ar") == [("start_time", 15, 0, "Africa/Tunis")]


def test_arabic_noon_word_alone_is_no_reading():
    text = "أجرى الرئيس التونسي قيس سعيد اتصالا هاتفيا بالرئيس الجزائري عبد المجيد تبون في منتصف الأسبوع."
    assert _times(text, "ar") == []


# --- a month of last or next year

def test_english_month_of_last_year_is_last_years():
    text = "Ruto and Tinubu last met in person in Abuja in March of last year."
    assert _dates(text, "en") == ["2023-03-01"]


def test_english_month_next_year():
    text = "Ruto will host Tinubu in Nairobi in February next year."
    assert _dates(text, "en") == ["2025-02-01"]


def test_arabic_month_of_last_year_is_last_years():
    text = "وكان الرئيسان قد التقيا آخر مرة في الجزائر في مارس من العام الماضي."
    assert _dates(text, "ar") == ["2023-03-01"]


def test_arabic_month_of_next_year():
    text = "وسيلتقي الرئيس التونسي قيس سعيد بالرئيس الجزائري عبد المجيد تبون في تونس في أبريل من العام المقبل."
    assert _dates(text, "ar") == ["2025-04-01"]


def test_arabic_bare_last_month_name_is_unchanged():
    text = "وكان الرئيسان قد التقيا في الجزائر في مارس الماضي."
    assert _dates(text, "ar") == ["2024-03-01"]


# --- the zone of an Arabic dateline written "CITY في DAY MONTH / AGENCY /"

def test_arabic_dateline_with_fi_gives_the_zone():
    text = ("الرياض في 15 أكتوبر / واس /\n\n"
            "أجرى ولي العهد الأمير محمد بن سلمان اتصالا هاتفيا بالرئيس الفرنسي إيمانويل ماكرون، "
            "وجرى الاتصال في السادسة من مساء اليوم.")
    assert _times(text, "ar") == [("start_time", 18, 0, "Asia/Riyadh")]


def test_arabic_sentence_opening_with_a_city_is_no_dateline():
    text = ("الرياض تستضيف القمة الأسبوع المقبل.\n\n"
            "أجرى ولي العهد الأمير محمد بن سلمان اتصالا هاتفيا بالرئيس الفرنسي إيمانويل ماكرون، "
            "وجرى الاتصال في السادسة من مساء اليوم.")
    assert _times(text, "ar") == [("start_time", 18, 0, None)]
