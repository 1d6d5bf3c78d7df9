"""Weekdays, clock readings and their roles in the tense of their own clause, page stamps, lines
telling an event is still going on, and zones named once for a story (issue 8, held-out round 3),
in sentences written for these tests."""
from __future__ import annotations

import hashlib

from reconcile.entities.gazetteer import gazetteer
from reconcile.entities.registry import EntityRegistry
from reconcile.extract import extract_document, language_context
from reconcile.records import DocExtraction, Document

# a Tuesday: "on Monday" in the past tense is 2024-10-14, the coming one 2024-10-21
PAGE_DAY = "2024-10-15"


def _extract(text: str, lang: str) -> DocExtraction:
    ctx = language_context(lang)
    doc = Document(id="t", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                   language=lang, published=PAGE_DAY)
    return extract_document(doc, ctx, EntityRegistry(gazetteer(ctx.rs.root / "entities.yaml")))


def _dates(text: str, lang: str) -> list[str]:
    return [c.value["date"]["start"] for c in _extract(text, lang).claims if c.fact == "date"]


def _times(text: str, lang: str) -> list[tuple[str, int, int, str | None]]:
    return [(c.fact, c.local_time["hour"], c.local_time["minute"], c.local_time.get("zone"))
            for c in _extract(text, lang).claims if c.local_time is not None]


def _facts(text: str, lang: str) -> list[str]:
    return [c.fact for c in _extract(text, lang).claims]


# --- a weekday told in the past is the last such day, whatever a later clause plans

def test_english_weekday_past_despite_a_future_relative_clause():
    text = ("Polish Prime Minister Donald Tusk and Spanish Prime Minister Pedro Sanchez held talks in "
            "Warsaw on Monday evening, covering the energy forum that Madrid will host next spring.")
    assert _dates(text, "en") == ["2024-10-14"]


def test_english_weekday_ahead_when_the_event_is_planned():
    text = "Donald Tusk will hold talks with Pedro Sanchez in Warsaw on Monday, his office said."
    assert _dates(text, "en") == ["2024-10-21"]


def test_arabic_weekday_past_despite_next_month_in_another_clause():
    text = ("عقد رئيس الوزراء البولندي دونالد توسك ورئيس الوزراء الإسباني بيدرو سانشيز مساء الاثنين في "
            "وارسو مباحثات استمرت ساعة ونصف الساعة، تناولت المنتدى الذي تستضيفه مدريد في مارس المقبل.")
    assert _dates(text, "ar") == ["2024-10-14"]


def test_arabic_weekday_ahead_when_planned():
    text = "من المقرر أن يعقد دونالد توسك وبيدرو سانشيز مباحثات في وارسو يوم الاثنين."
    assert _dates(text, "ar") == ["2024-10-21"]


# --- ranges, brackets and roles

def test_a_range_restated_in_brackets_is_one_start_and_one_end():
    text = ("The talks between Tusk and Sanchez, which ran from 6 p.m. to 8.20 p.m. Warsaw time "
            "(1600-1820 GMT), covered the forum that Madrid will host in March.")
    assert _times(text, "en") == [("start_time", 18, 0, "Europe/Warsaw"), ("end_time", 20, 20, "Europe/Warsaw")]


def test_a_start_word_after_a_schedule_word_is_the_planned_time():
    assert _times("The meeting was scheduled to begin at 4.45 p.m. CET, but Tusk arrived late.", "en") == \
        [("scheduled_time", 16, 45, "Europe/Berlin")]


def test_a_start_word_far_after_a_schedule_word_is_the_start():
    text = "The meeting, scheduled for the morning after the ministers had argued for weeks, began at 11 a.m. CET."
    assert _times(text, "en")[-1][0] == "start_time"


def test_arabic_was_scheduled_to_begin_at_an_hour_in_words():
    text = "وكان من المقرر أن تبدأ مباحثات توسك وسانشيز في الخامسة والربع مساء بتوقيت وارسو."
    assert _times(text, "ar") == [("scheduled_time", 17, 15, "Europe/Warsaw")]


def test_arabic_hour_word_after_a_preposition_needs_a_day_part():
    assert _times("التقى توسك سانشيز في الثانية من زيارته.", "ar") == []


def test_arabic_zone_of_a_city_outside_the_exemplar_list():
    text = "بدأ الاجتماع بين توسك وسانشيز الساعة التاسعة مساء بتوقيت جدة."
    assert _times(text, "ar") == [("start_time", 21, 0, "Asia/Riyadh")]


# --- a zone named once for the story carries to the next sentence of its paragraph

def test_arabic_zone_carries_to_the_next_sentence():
    text = ("كان من المقرر أن يبدأ اجتماع توسك وسانشيز الساعة السادسة مساء بتوقيت وارسو، لكنه تأخر. "
            "وانتهى الاجتماع الساعة الثامنة والنصف مساء.")
    assert _times(text, "ar")[-1] == ("end_time", 20, 30, "Europe/Warsaw")


def test_a_zone_does_not_cross_a_paragraph():
    text = ("Tusk and Sanchez were due to meet at 6 p.m. Warsaw time.\n\n"
            "Tusk later spoke by phone with Zelensky, starting at 9 p.m.")
    assert _times(text, "en")[-1] == ("start_time", 21, 0, None)


# --- page furniture and lines telling the event is still going on

def test_a_page_stamp_is_no_event_time():
    text = ("Tusk and Sanchez met in Warsaw on Monday, starting at 6 p.m. CET.\n"
            "Updated, 9.05 p.m.: The talks ended at 8.20 p.m. CET.")
    assert _times(text, "en") == [("start_time", 18, 0, "Europe/Berlin"), ("end_time", 20, 20, "Europe/Berlin")]


def test_arabic_page_stamp_is_no_event_time():
    text = "آخر تحديث: الساعة 21:05 بتوقيت وارسو\nوانتهى اجتماع توسك وسانشيز الساعة 20:20 بتوقيت وارسو."
    assert _times(text, "ar") == [("end_time", 20, 20, "Europe/Warsaw")]


def test_a_line_saying_the_talks_were_still_going_on_gives_no_length_nor_start():
    text = "At a quarter to eight, an aide said Tusk and Sanchez had been talking for nearly two hours."
    facts = _facts(text, "en")
    assert "duration" not in facts and "start_time" not in facts


def test_a_finished_meeting_still_gives_its_length():
    assert "duration" in _facts("Tusk and Sanchez talked for nearly two hours on Monday.", "en")


def test_arabic_talks_still_under_way_give_no_length():
    text = "وقال مصدر إن محادثات توسك وسانشيز لا تزال جارية منذ ساعتين."
    assert "duration" not in _facts(text, "ar")


# --- an hour without a day part may be morning or evening; a 24-hour style says which

def _local(text: str) -> list[dict]:
    return [c.local_time for c in _extract(text, "en").claims if c.local_time is not None]


def test_english_hour_without_day_part_spans_both_halves_of_the_day():
    assert _local("Tusk and Sanchez began talking at a quarter past ten on Monday.")[0].get("twelve_hour")


def test_english_24_hour_styles_are_one_moment():
    for text in ("Tusk and Sanchez spoke by phone at 0915 GMT on Monday.", "Tusk called Sanchez at 9h15 GMT on Monday.",
                 "Tusk and Sanchez spoke by phone at 9.15 a.m. GMT on Monday."):
        assert not _local(text)[0].get("twelve_hour"), text


# --- Arabic ranges: a start and an end, the day part and zone written once

def test_arabic_range_of_hours_in_words_is_a_start_and_an_end():
    text = "وعقد توسك وسانشيز اجتماعا من الساعة الرابعة وحتى السادسة والربع مساء بتوقيت وارسو."
    assert _times(text, "ar") == [("start_time", 16, 0, "Europe/Warsaw"), ("end_time", 18, 15, "Europe/Warsaw")]


def test_arabic_range_of_digital_readings_is_a_start_and_an_end():
    text = "واجتمع توسك وسانشيز من الساعة 11:05 حتى الساعة 12:50 بتوقيت وارسو."
    assert _times(text, "ar") == [("start_time", 11, 5, "Europe/Warsaw"), ("end_time", 12, 50, "Europe/Warsaw")]


def test_arabic_until_a_round_is_no_reading():
    assert _times("واستمر اجتماع توسك وسانشيز حتى الجولة الثانية.", "ar") == []


# --- "earlier in the day" is the day just told; "since March" dates the previous contact only

def test_earlier_in_the_day_takes_the_day_just_told():
    text = ("Tusk and Sanchez held talks in Warsaw on Monday.\n\n"
            "Earlier in the day, before leaving Madrid, Sanchez spoke by phone with Giorgia Meloni "
            "for about 20 minutes.")
    assert _dates(text, "en") == ["2024-10-14", "2024-10-14"]


def test_since_a_month_dates_the_previous_contact_not_this_one():
    text = ("Tusk and Sanchez spoke by phone on Monday. It was their first conversation since March, "
            "when they met in Brussels.")
    assert sorted(_dates(text, "en")) == ["2024-03-01", "2024-10-14"]


def test_stalled_since_a_month_dates_no_event():
    assert _dates("Talks between Tusk and Sanchez have stalled since March.", "en") == []


# --- "1610-1755 GMT": a stretch to the minute is a start and an end; "9-10 a.m." stays a window

def test_a_stretch_to_the_minute_is_a_start_and_an_end():
    for text in ("Tusk and Sanchez held talks from 1610-1755 GMT on Monday.",
                 "Tusk and Sanchez held talks on Monday, 4.10-5.55 p.m. GMT."):
        assert _times(text, "en") == [("start_time", 16, 10, "UTC"), ("end_time", 17, 55, "UTC")], text


def test_a_window_of_bare_hours_is_no_moment():
    assert _times("Tusk and Sanchez were to speak by phone on Monday, 9-10 a.m. GMT.", "en") == []
