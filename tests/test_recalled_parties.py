"""Who an event phrase is about and how a recalled event was held, on texts written for these
tests: an event phrase put before the main clause ("In their first call since 2019, X urged Y")
is about the people that clause names; "the last call of this kind" was held as the article's
own event was."""
from __future__ import annotations

from conftest import events_by_start, fact_values, report_of_article


def _report(tmp_path, text, published, name="recalled"):
    return report_of_article(tmp_path, text, published, name)


FRONTED = {
    "en": "In their first phone call since March 2019, Turkish President Recep Tayyip Erdogan urged German "
          "Chancellor Olaf Scholz on Monday to back a new round of talks, Ankara said.\n",
    "ar": "في أول اتصال هاتفي منذ عام 2019، حث الرئيس التركي رجب طيب أردوغان المستشار الألماني أولاف "
          "شولتس، الاثنين، على دعم جولة جديدة من المحادثات، وفق ما أعلنت أنقرة.\n",
}


def test_a_fronted_event_phrase_is_about_the_main_clause_people(tmp_path):
    for lang, text in FRONTED.items():
        folder = tmp_path / lang
        folder.mkdir()
        days = events_by_start(_report(folder, text, "2024-06-04"))
        since = "2019-03-01" if lang == "en" else "2019-01-01"
        assert since in days, (lang, list(days))
        assert sorted(days[since]["participants"]) == ["Olaf Scholz", "Recep Tayyip Erdoğan"], lang


def test_a_fronted_phrase_that_names_someone_keeps_its_own_parties(tmp_path):
    text = ("In a phone call with Emmanuel Macron, Recep Tayyip Erdogan told Olaf Scholz's envoy on "
            "Monday that talks must resume.\n")
    rep = _report(tmp_path, text, "2024-06-04")
    assert all("Olaf Scholz" not in ev["participants"] for ev in rep["events"] if ev["kind"] == "call")


SAME_KIND = {
    "en": "Recep Tayyip Erdogan and Olaf Scholz spoke by phone on Monday. The last call of this kind "
          "between them took place on 3 March 2023, Ankara said.\n",
    "ar": "تحدث الرئيس التركي رجب طيب أردوغان والمستشار الألماني أولاف شولتس هاتفيا يوم الاثنين. وكان آخر "
          "اتصال من هذا النوع بينهما قد جرى في 3 مارس 2023.\n",
}


def test_the_last_event_of_this_kind_was_held_the_same_way(tmp_path):
    for lang, text in SAME_KIND.items():
        folder = tmp_path / lang
        folder.mkdir()
        days = events_by_start(_report(folder, text, "2024-06-04"))
        assert fact_values(days["2023-03-03"], "medium") == [{"medium": "phone"}], lang


def test_of_this_kind_with_no_medium_told_claims_none(tmp_path):
    text = ("Recep Tayyip Erdogan and Olaf Scholz held talks on Monday. The last talks of this kind "
            "between them took place on 3 March 2023.\n")
    days = events_by_start(_report(tmp_path, text, "2024-06-04"))
    assert fact_values(days["2023-03-03"], "medium") == []


LAST_KNOWN = {
    "en": "Recep Tayyip Erdogan and Olaf Scholz spoke on Monday. It was the first time the two leaders "
          "had talked since May 2021, the last known phone call between them.\n",
    "ar": "تحادث الرئيس التركي رجب طيب أردوغان والمستشار الألماني أولاف شولتس يوم الاثنين. وهي المرة الأولى "
          "التي يتحدث فيها الزعيمان منذ أيار 2021، والتي كانت آخر مكالمة هاتفية معروفة بينهما.\n",
}


def test_an_undated_last_call_is_the_earlier_contact_its_sentence_dates(tmp_path):
    for lang, text in LAST_KNOWN.items():
        folder = tmp_path / lang
        folder.mkdir()
        days = events_by_start(_report(folder, text, "2024-06-04"))
        assert fact_values(days["2021-05-01"], "medium") == [{"medium": "phone"}], (lang, list(days))
        assert fact_values(days["2024-06-03"], "medium") == [], lang


def test_an_undated_last_call_alone_stays_unplaced(tmp_path):
    text = ("Recep Tayyip Erdogan and Olaf Scholz spoke on Monday. Their last phone call, officials "
            "recalled, had been tense.\n")
    rep = _report(tmp_path, text, "2024-06-04")
    assert all(fact_values(ev, "medium") == [] for ev in rep["events"])


def _speakers(ev, fact):
    return [c.get("speaker") for f in ev["facts"] if f["fact"] == fact for c in f["claims"]]


def test_local_media_are_the_dateline_country_media(tmp_path):
    text = ("Ankara [Turkey], June 4 (Agency): Recep Tayyip Erdogan and Olaf Scholz spoke by phone on "
            "Monday for about 40 minutes, local media reported.\n")
    rep = _report(tmp_path, text, "2024-06-04")
    ev = next(ev for ev in rep["events"] if fact_values(ev, "duration"))
    assert _speakers(ev, "duration") == ["Turkish media"]


def test_local_media_without_a_dateline_stay_unnamed(tmp_path):
    text = ("Recep Tayyip Erdogan and Olaf Scholz spoke by phone on Monday for about 40 minutes, local "
            "media reported.\n")
    rep = _report(tmp_path, text, "2024-06-04")
    ev = next(ev for ev in rep["events"] if fact_values(ev, "duration"))
    assert _speakers(ev, "duration") == [None]


BACK_THEN = {
    "en": "Recep Tayyip Erdogan and Olaf Scholz spoke by phone on Monday for 40 minutes. It was their first "
          "call since March 2023. Erdogan had spent three hours on the phone with Scholz back then.\n",
    "ar": "تحادث الرئيس التركي رجب طيب أردوغان والمستشار الألماني أولاف شولتس هاتفيا يوم الاثنين لمدة 40 دقيقة. "
          "وهذا أول اتصال بينهما منذ آذار 2023. وقد استمرت المكالمة آنذاك ثلاث ساعات.\n",
}


def test_a_length_told_of_back_then_is_not_the_new_event_s(tmp_path):
    for lang, text in BACK_THEN.items():
        folder = tmp_path / lang
        folder.mkdir()
        days = events_by_start(_report(folder, text, "2024-06-04"))
        assert fact_values(days["2024-06-03"], "duration") == [{"minutes": {"min": 40, "max": 40}}], lang
