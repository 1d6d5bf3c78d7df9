"""A "then" word ("back then", "at the time", "آنذاك", "حينها") sends the event of its clause
back to the contact the article has just recalled, on either side of the event word; "then"
meaning "next" ("and then they spoke", "ثم") and bounds ("since then", "منذ حينها") do not.
Texts written for these tests."""
from __future__ import annotations

import pytest
from conftest import events_by_start, fact_values, report_of_article

from reconcile.engine.normalise import fold
from reconcile.extract.context import language_context
from reconcile.extract.hits import marker_hits
from reconcile.extract.positions import Starts
from reconcile.extract.recalled_time import recalls_earlier_time


def _recalls(lang: str, text: str) -> bool:
    ctx = language_context(lang)
    t = fold(text)
    return recalls_earlier_time(t, ctx, Starts(marker_hits(ctx, t)["then_marker"]), 0, len(t))


@pytest.mark.parametrize("lang,text", [
    ("en", "Back then, Sanchez spent two hours on the phone with Meloni."),
    ("en", "Sanchez spent two hours on the phone with Meloni at that time."),
    ("en", "At the time, Sanchez spent two hours on the phone with Meloni."),
    ("en", "Sanchez spent two hours on the phone with Meloni then."),
    ("en", "Sanchez spent two hours on the phone with Meloni at the time, aides said."),
    ("ar", "وقد أمضى سانشيز حينها ساعتين على الهاتف مع ميلوني."),
    ("ar", "وقد أمضى سانشيز ساعتين على الهاتف مع ميلوني آنذاك."),
    ("ar", "ويومها تحادث سانشيز مع ميلوني ساعتين."),
    ("ar", "وفي ذلك الوقت تحادث سانشيز مع ميلوني ساعتين."),
])
def test_a_then_word_on_either_side_recalls(lang, text):
    assert _recalls(lang, text)


@pytest.mark.parametrize("lang,text", [
    ("en", "And then they spoke by phone for an hour."),
    ("en", "Then-President Sanchez spoke with Meloni for an hour."),
    ("en", "At the time of the call, Sanchez was in Madrid."),
    ("en", "They have spoken for many hours since then."),
    ("en", "Sanchez will not call Meloni until then."),
    ("ar", "ثم تحادث سانشيز مع ميلوني ساعة."),
    ("ar", "ومنذ حينها تحادث سانشيز مع ميلوني مرارا."),
    ("ar", "وجرى الاتصال في وقتها المحدد."),
])
def test_then_as_next_or_as_a_bound_does_not(lang, text):
    assert not _recalls(lang, text)


RECALLED = {
    "en": "Spanish Prime Minister Pedro Sanchez and Italian Prime Minister Giorgia Meloni spoke by phone on "
          "Thursday for 25 minutes. It was their first phone call since October 2022. At the time, Sanchez "
          "spent nearly three hours on the phone with Meloni.\n",
    "ar": "تحادث رئيس الوزراء الإسباني بيدرو سانشيز ورئيسة الوزراء الإيطالية جورجيا ميلوني هاتفيا يوم الخميس "
          "لمدة 25 دقيقة. وهذا أول اتصال هاتفي بينهما منذ تشرين الأول 2022. ويومها كانت ميلوني قد تولت "
          "لتوها رئاسة الحكومة، وقد أمضى سانشيز حينها قرابة ثلاث ساعات على الهاتف مع ميلوني.\n",
}


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_length_told_back_then_goes_to_the_recalled_contact(tmp_path, lang):
    days = events_by_start(report_of_article(tmp_path, RECALLED[lang], "2024-05-24"))
    assert fact_values(days["2024-05-23"], "duration") == [{"minutes": {"min": 25, "max": 25}}]
    recalled = days["2022-10-01"]
    assert any(v["minutes"]["min"] <= 180 <= v["minutes"]["max"] for v in fact_values(recalled, "duration"))
    assert {"medium": "phone"} in fact_values(recalled, "medium")


NEXT = {
    "en": "Spanish Prime Minister Pedro Sanchez and Italian Prime Minister Giorgia Meloni met in Rome on "
          "Thursday. It was their first meeting since October 2022. The two leaders then talked for three "
          "hours over dinner.\n",
    "ar": "التقى رئيس الوزراء الإسباني بيدرو سانشيز رئيسة الوزراء الإيطالية جورجيا ميلوني في روما يوم "
          "الخميس. وهذا أول لقاء بينهما منذ تشرين الأول 2022. ثم تحادث الزعيمان لمدة ثلاث ساعات على العشاء.\n",
}


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_then_as_next_keeps_the_length_with_the_new_event(tmp_path, lang):
    days = events_by_start(report_of_article(tmp_path, NEXT[lang], "2024-05-24"))
    assert not fact_values(days.get("2022-10-01") or {"facts": []}, "duration")
    assert any(v["minutes"]["max"] == 180 for v in fact_values(days["2024-05-23"], "duration"))


OTHER_PEOPLE = {
    "en": "Spanish Prime Minister Pedro Sanchez and Italian Prime Minister Giorgia Meloni spoke by phone on "
          "Thursday for 25 minutes. It was their first phone call since October 2022. At the time, Sanchez "
          "spent an hour on the phone with French President Emmanuel Macron.\n",
    "ar": "تحادث رئيس الوزراء الإسباني بيدرو سانشيز ورئيسة الوزراء الإيطالية جورجيا ميلوني هاتفيا يوم الخميس "
          "لمدة 25 دقيقة. وهذا أول اتصال هاتفي بينهما منذ تشرين الأول 2022. وكان سانشيز قد أمضى حينها ساعة "
          "على الهاتف مع الرئيس الفرنسي إيمانويل ماكرون.\n",
}


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_contact_back_then_with_someone_else_is_not_the_recalled_one(tmp_path, lang):
    days = events_by_start(report_of_article(tmp_path, OTHER_PEOPLE[lang], "2024-05-24"))
    assert not fact_values(days["2022-10-01"], "duration")
    assert fact_values(days["2024-05-23"], "duration") == [{"minutes": {"min": 25, "max": 25}}]


OWN_EVENT_THEN = {
    "en": "Spanish Prime Minister Pedro Sanchez and Italian Prime Minister Giorgia Meloni spoke by phone on "
          "Thursday. At the time, the call lasted 25 minutes, an aide said.\n",
    "ar": "تحادث رئيس الوزراء الإسباني بيدرو سانشيز ورئيسة الوزراء الإيطالية جورجيا ميلوني هاتفيا يوم "
          "الخميس. ويومها أعلن مكتب سانشيز أن المكالمة استمرت 25 دقيقة.\n",
}


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_then_after_the_article_s_own_event_is_that_event(tmp_path, lang):
    days = events_by_start(report_of_article(tmp_path, OWN_EVENT_THEN[lang], "2024-05-24"))
    assert fact_values(days["2024-05-23"], "duration") == [{"minutes": {"min": 25, "max": 25}}]
