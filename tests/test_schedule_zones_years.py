"""Schedule words that make a reading a plan, not a second start; noon named in words; a day
part after "من"; a month of last or next year; a zone from an unpunctuated Arabic dateline
(issue 8, held-out round 4), in sentences written for these tests."""
from __future__ import annotations

import hashlib

from conftest import report_of_corpus

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


# --- an undated page's "the same morning" news, alone in the run, takes the page's day

_DATED_AR = """ساعي وتبون يبحثان الطاقة

أجرى الرئيس التونسي قيس سعيد والرئيس الجزائري عبد المجيد تبون يوم الخميس محادثات في تونس العاصمة حول الطاقة.
"""
_UNDATED_AR = """سعيد يستقبل تبون

أجرى الرئيس التونسي قيس سعيد والرئيس الجزائري عبد المجيد تبون، الخميس، محادثات في تونس العاصمة استمرت ساعتين.

وكان سعيد قد أجرى صباح اليوم نفسه اتصالا هاتفيا مع رئيس المجلس الرئاسي الليبي محمد المنفي استمر خمس عشرة دقيقة.
"""
_DATED_EN = """Saied and Tebboune discuss energy

Tunisian President Kais Saied held talks with Algerian President Abdelmadjid Tebboune in Tunis on Thursday.
"""
_UNDATED_EN = """Saied hosts Tebboune

Tunisian President Kais Saied held talks with Algerian President Abdelmadjid Tebboune in Tunis on Thursday that lasted two hours.

Earlier that morning, Saied spoke by phone with Libyan Presidential Council head Mohamed al-Menfi for 15 minutes.
"""


def _run(tmp_path, lang: str, dated: str, undated: str) -> dict:
    return report_of_corpus(tmp_path, {"dated": (dated, "2024-10-18"), "page": (undated, None)}, "same-morning",
                            outlets={"dated": "A", "page": "B"})


def test_same_morning_on_an_undated_page_takes_the_page_s_day(tmp_path):
    for lang, dated, undated in (("ar", _DATED_AR, _UNDATED_AR), ("en", _DATED_EN, _UNDATED_EN)):
        run = tmp_path / lang
        run.mkdir()
        report = _run(run, lang, dated, undated)
        menfi = [ev for ev in report["events"] if any("Menfi" in p or "المنفي" in p for p in ev["participants"])]
        assert menfi and all(ev["date"] and ev["date"]["start"] == "2024-10-17" for ev in menfi), (lang, menfi)


# --- an abbreviation several regions use ("IST": India, Israel, Ireland) is the dateline's
# zone when the dateline is one of them, and no zone otherwise (never the dateline's other zone)

_IST = ("{dateline}Indian Prime Minister Narendra Modi held a phone call with Japanese Prime Minister "
        "Shigeru Ishiba on Monday.\n\nThe call began at 4.15 pm IST and ended at 5 pm, an official said.")


def test_ist_under_an_indian_dateline_is_india_time():
    text = _IST.format(dateline="MUMBAI, Oct 14 (Wire) - ")
    assert _times(text, "en") == [("end_time", 17, 0, "Asia/Kolkata"), ("start_time", 16, 15, "Asia/Kolkata")]


def test_ist_under_another_dateline_names_no_zone():
    text = _IST.format(dateline="LONDON, Oct 14 (Wire) - ")
    # neither the start nor the end told in the same breath is on London's clock
    assert _times(text, "en") == [("end_time", 17, 0, None), ("start_time", 16, 15, None)]


def test_ist_without_a_dateline_names_no_zone():
    assert ("start_time", 16, 15, None) in _times(_IST.format(dateline=""), "en")


def test_lower_case_ist_is_no_zone_word():
    text = ("MUMBAI, Oct 14 (Wire) - Narendra Modi held a phone call with Shigeru Ishiba on Monday. "
            "The call began at 4.15 pm, the ist of it being trade.")
    assert _times(text, "en") == [("start_time", 16, 15, "Asia/Kolkata")]


# --- every capital the gazetteer knows is a city the clock rules can tell the time of

def test_every_gazetteer_city_names_a_zone():
    import yaml

    from reconcile.engine.normalise import fold
    from reconcile.engine.rules import ruleset
    root = language_context("en").rs.root
    data = yaml.safe_load((root / "entities.yaml").read_text(encoding="utf-8"))
    cities = [e for v in data.values() if isinstance(v, list) for e in v
              if isinstance(e, dict) and e.get("type") == "city"]
    for lang in ("ar", "en"):
        rs = ruleset(lang)
        missing = [a for e in cities for a in (e.get("aliases") or {}).get(lang, [])
                   if rs.lex_value("tz_city", fold(a)) is None and rs.lex_value("timezone", fold(a)) is None]
        assert not missing, (lang, missing)


# --- a national agency's credit at the head of a story with no city dateline gives its clock

def test_agency_credit_gives_its_country_s_clock():
    text = ("(QNA) - The Amir of Qatar Sheikh Tamim bin Hamad Al Thani held a phone call with French "
            "President Emmanuel Macron on Monday.\n\nThe call began at 7.10 pm, the Amiri Diwan said.")
    assert _times(text, "en") == [("start_time", 19, 10, "Asia/Qatar")]


def test_arabic_city_then_agency_after_a_dash_is_a_dateline():
    text = ("الرئيس يتلقى اتصالا\n\nالدوحة - قنا\n\n"
            "تلقى حضرة صاحب السمو الشيخ تميم بن حمد آل ثاني أمير البلاد المفدى اتصالا هاتفيا من الرئيس "
            "الفرنسي إيمانويل ماكرون، وجرى الاتصال في السابعة من مساء اليوم.")
    assert _times(text, "ar") == [("start_time", 19, 0, "Asia/Qatar")]


def test_arabic_agency_credit_alone():
    text = ("/ قنا /\n\nتلقى حضرة صاحب السمو الشيخ تميم بن حمد آل ثاني أمير البلاد المفدى اتصالا هاتفيا من "
            "الرئيس الفرنسي إيمانويل ماكرون، وجرى الاتصال في السابعة من مساء اليوم.")
    assert _times(text, "ar") == [("start_time", 19, 0, "Asia/Qatar")]


def test_a_world_agency_gives_no_clock():
    text = ("(Reuters) - The Amir of Qatar Sheikh Tamim bin Hamad Al Thani held a phone call with French "
            "President Emmanuel Macron on Monday.\n\nThe call began at 7.10 pm, the Amiri Diwan said.")
    assert _times(text, "en") == [("start_time", 19, 10, None)]


def test_agency_credit_over_talks_abroad_gives_no_clock():
    text = ("عمان - بترا\n\nالتقى جلالة الملك عبدالله الثاني في واشنطن الرئيس الأميركي، وبدأ اللقاء "
            "في الحادية عشرة صباحا بالتوقيت المحلي.")
    assert _times(text, "ar") == [("start_time", 11, 0, None)]


def test_a_city_and_a_source_that_is_no_agency_is_no_dateline():
    text = ("مدريد - وكالة الأندلس\n\nالتقى رئيس الوزراء الإسباني بيدرو سانشيز في برازيليا الرئيس البرازيلي "
            "لولا دا سيلفا، وبدأ الاجتماع في العاشرة صباحا بالتوقيت المحلي.")
    assert all(z != "Europe/Madrid" for *_rest, z in _times(text, "ar"))


# --- an Arabic reading said to be near, before or after the hour spans those minutes

def test_arabic_hedged_readings_are_widened():
    text = ("أجرى الرئيس التونسي قيس سعيد اتصالا هاتفيا بالرئيس الجزائري عبد المجيد تبون، "
            "وبدأ الاتصال قبيل الساعة الثامنة مساء بتوقيت تونس.")
    (claim,) = [c for c in _extract(text, "ar").claims if c.local_time is not None]
    assert claim.local_time["widen"] == [-30, 0]
    text = text.replace("قبيل الساعة الثامنة", "بعيد الثامنة")
    (claim,) = [c for c in _extract(text, "ar").claims if c.local_time is not None]
    assert (claim.local_time["hour"], claim.local_time["widen"]) == (20, [0, 30])


_CST = ("{dateline}U.S. President Joe Biden held a phone call with Chinese President Xi Jinping on "
        "Monday.\n\nThe call began at 9.05 a.m. CST, an official said.")


def test_cst_takes_the_dateline_country_s_zone():
    assert _times(_CST.format(dateline="WASHINGTON, Oct 14 (Wire) - "), "en") == \
        [("start_time", 9, 5, "America/Chicago")]
    assert _times(_CST.format(dateline="BEIJING, Oct 14 (Wire) - "), "en") == \
        [("start_time", 9, 5, "Asia/Shanghai")]


def test_cst_without_a_dateline_names_no_zone():
    assert _times(_CST.format(dateline=""), "en") == [("start_time", 9, 5, None)]


def test_arabic_minutes_before_the_hour():
    text = ("أجرى الرئيس التونسي قيس سعيد اتصالا هاتفيا بالرئيس الجزائري عبد المجيد تبون، "
            "وبدأ الاتصال في السادسة إلا ربعا مساء بتوقيت تونس.")
    assert _times(text, "ar") == [("start_time", 17, 45, "Africa/Tunis")]
