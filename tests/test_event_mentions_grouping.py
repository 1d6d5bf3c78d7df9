"""How mentions of one event are read and grouped: a medium phrase or an apposition between
commas names the event of the clause before it, "when" after a recalled date takes up that
time, an event an article names nobody for never joins another article's event of other
people, and a contact two articles recall is one event.  Texts written for these tests."""
from __future__ import annotations

import pytest
from conftest import events_on, fact_values, report_of_article, report_of_corpus

RECALLED_BY_VIDEO = {
    "en": "Starmer and Carney discuss tariffs\n\nLONDON, May 3 (Agency) - British Prime Minister Keir "
          "Starmer spoke by phone with Canadian Prime Minister Mark Carney on Friday, Downing Street said.\n\n"
          "The two leaders last spoke in February, by video, when they discussed steel tariffs.\n",
    "ar": "ستارمر وكارني يبحثان الرسوم\n\nلندن - أجرى رئيس الوزراء البريطاني كير ستارمر اتصالا هاتفيا مع "
          "رئيس الوزراء الكندي مارك كارني يوم الجمعة.\n\nوكان آخر اتصال بين الزعيمين في فبراير الماضي، عبر "
          "تقنية الفيديو، حين بحثا الرسوم الجمركية.\n",
}


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_medium_between_commas_is_how_the_recalled_contact_was_held(tmp_path, lang):
    rep = report_of_article(tmp_path, RECALLED_BY_VIDEO[lang], "2025-05-03")
    (main,) = events_on(rep, "2025-05-02")
    (recalled,) = events_on(rep, "2025-02-01")
    assert fact_values(main, "medium") == [{"medium": "phone"}]
    assert fact_values(recalled, "medium") == [{"medium": "video"}]


def test_when_after_a_recalled_date_takes_up_that_contact(tmp_path):
    text = ("Sanchez and Costa hold call\n\nMADRID - Spanish Prime Minister Pedro Sanchez held a 20-minute "
            "phone call with Portuguese Prime Minister Luis Montenegro on Tuesday, his office said.\n\n"
            "Sanchez and Montenegro last talked in November, when they held a video call lasting about "
            "90 minutes. When the call ended, Sanchez left for Brussels.\n")
    rep = report_of_article(tmp_path, text, "2024-10-09")
    (main,) = events_on(rep, "2024-10-08")
    (recalled,) = [ev for ev in rep["events"] if ev is not main]
    assert fact_values(main, "medium") == [{"medium": "phone"}]
    assert fact_values(main, "duration") == [{"minutes": {"min": 20, "max": 20}}]
    assert {"medium": "video"} in fact_values(recalled, "medium")
    assert all(v["minutes"]["min"] > 60 for v in fact_values(recalled, "duration"))


def test_an_apposition_names_the_event_again(tmp_path):
    text = ("Rutte and Frederiksen agree on drones\n\nTHE HAGUE, Oct 2 (Agency) - Dutch Prime Minister Mark "
            "Rutte and Danish Prime Minister Mette Frederiksen held a video call on Wednesday.\n\n"
            "Their first conversation, a 15-minute phone call, took place on Sept. 12, a spokesman said.\n")
    rep = report_of_article(tmp_path, text, "2024-10-02")
    (first,) = events_on(rep, "2024-09-12")
    assert {p for p in first["participants"]} == {p for p in events_on(rep, "2024-10-02")[0]["participants"]}
    assert fact_values(first, "medium") == [{"medium": "phone"}]
    assert fact_values(first, "duration") == [{"minutes": {"min": 15, "max": 15}}]


# an article names nobody for an earlier call ("a 25-minute call took place on June 9"); another
# article has a call of other people dated in June: not one event (a conflict on its length
# would be false)
UNNAMED = {
    "a": ("Kristersson, Orpo talk again\n\nSTOCKHOLM, July 9 (Agency) - Swedish Prime Minister "
          "Ulf Kristersson and Finnish Prime Minister Petteri Orpo held a video call on "
          "Wednesday.\n\nA 25-minute phone call took place on June 9, officials said.\n", "2025-07-09"),
    "b": ("Scholz calls Ramaphosa\n\nBERLIN - German Chancellor Olaf Scholz spoke by phone with "
          "South African President Cyril Ramaphosa in June for about 45 minutes, a spokesman "
          "said on Friday.\n", "2025-06-20"),
}


def test_an_event_its_article_names_nobody_for_joins_no_event_of_other_people(tmp_path):
    rep = report_of_corpus(tmp_path, UNNAMED)
    for ev in rep["events"]:
        assert len({c["doc"] for f in ev["facts"] for c in f["claims"]}) == 1, ev["participants"]


RECALLED_TWICE = {
    "a": (RECALLED_BY_VIDEO["en"], "2025-05-03"),
    "b": ("Carney, Starmer talk trade\n\nOTTAWA - Canadian Prime Minister Mark Carney spoke with "
          "British Prime Minister Keir Starmer on Friday about trade. It was their first "
          "conversation since February, when they spoke by video.\n", "2025-05-03"),
}


def test_a_contact_two_articles_recall_is_one_event(tmp_path):
    rep = report_of_corpus(tmp_path, RECALLED_TWICE)
    feb = events_on(rep, "2025-02-01")
    assert len(feb) == 1
    assert {c["doc"] for f in feb[0]["facts"] for c in f["claims"]} == {"a", "b"}
    assert {"medium": "video"} in fact_values(feb[0], "medium")


AHEAD_ASIDE = {
    "en": "Sanchez and Meloni meet in Rome\n\nROME - Spanish Prime Minister Pedro Sanchez held talks with Italian "
          "Prime Minister Giorgia Meloni in Rome on Tuesday. The discussions, which lasted two hours, covered "
          "the summit that Italy will host in November.\n",
    "ar": "سانشيز وميلوني في روما\n\nروما - عقد رئيس الوزراء الإسباني بيدرو سانشيز ورئيسة الوزراء الإيطالية "
          "جورجيا ميلوني مساء الثلاثاء في روما مباحثات استمرت ساعتين، تناولت التحضير للقمة التي تستضيفها "
          "إيطاليا في نوفمبر المقبل.\n",
}


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_clause_that_looks_ahead_makes_neither_the_event_nor_its_day_ahead(tmp_path, lang):
    rep = report_of_article(tmp_path, AHEAD_ASIDE[lang], "2024-10-10")
    (ev,) = [ev for ev in rep["events"] if fact_values(ev, "duration")]
    assert ev["date"] == {"start": "2024-10-08", "end": "2024-10-08"}
    assert not events_on(rep, "2024-10-15")
    assert fact_values(ev, "duration") == [{"minutes": {"min": 120, "max": 120}}]


def test_a_date_with_its_own_ahead_word_still_looks_ahead(tmp_path):
    text = ("سانشيز وميلوني\n\nمدريد - سيجري رئيس الوزراء الإسباني بيدرو سانشيز اتصالا هاتفيا مع رئيسة "
            "الوزراء الإيطالية جورجيا ميلوني، الثلاثاء المقبل.\n")
    rep = report_of_article(tmp_path, text, "2024-10-10")
    (ev,) = rep["events"]
    assert ev["date"] == {"start": "2024-10-15", "end": "2024-10-15"}


RECEIVED = {
    "en": "Emir receives Spanish premier\n\nDOHA - Qatar's Emir Sheikh Tamim bin Hamad Al Thani received Spanish "
          "Prime Minister Pedro Sanchez at the Amiri Diwan Palace in Doha on Monday for talks on energy.\n",
    "ar": "أمير قطر يستقبل سانشيز\n\nالدوحة - استقبل أمير دولة قطر الشيخ تميم بن حمد آل ثاني في قصر لوسيل "
          "بالدوحة يوم الاثنين رئيس الوزراء الإسباني بيدرو سانشيز.\n",
}


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_guest_received_at_a_palace_of_a_city_was_met_there_in_person(tmp_path, lang):
    rep = report_of_article(tmp_path, RECEIVED[lang], "2024-10-08")
    (ev,) = events_on(rep, "2024-10-07")
    assert ev["kind"] == "meeting"
    assert {"entity": "Doha"} in fact_values(ev, "location")
    assert {"medium": "in_person"} in fact_values(ev, "medium")


@pytest.mark.parametrize("text", [
    "Qatar's Emir Sheikh Tamim bin Hamad Al Thani received a letter from Spanish Prime Minister Pedro Sanchez on Monday.\n",
    "Spanish Prime Minister Pedro Sanchez hosted a dinner in Madrid on Monday.\n",
])
def test_received_or_hosted_without_a_guest_is_no_meeting(tmp_path, text):
    rep = report_of_article(tmp_path, text, "2024-10-08")
    assert not [ev for ev in rep["events"] if ev["kind"] == "meeting"]


def test_a_city_an_administration_sits_in_is_no_place_of_the_event(tmp_path):
    text = ("Sanchez to host Macron\n\nMADRID - Spanish Prime Minister Pedro Sanchez is expected to host "
            "French President Emmanuel Macron in Madrid in November, in what would be the first visit under "
            "the new administration in Paris.\n")
    rep = report_of_article(tmp_path, text, "2024-10-08")
    places = {v["entity"] for ev in rep["events"] for v in fact_values(ev, "location")}
    assert places == {"Madrid"}
