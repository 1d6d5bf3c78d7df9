"""Another contact the same day, told in the article of the main one ("Earlier in the day, X
dialled Z", "وكان X قد أجرى في وقت سابق اليوم اتصالا بـ Z"), is an event of its own: its
length, initiator and medium never join the main event's, even when the other partner is
not recognised.  Texts written for these tests."""
from __future__ import annotations

from conftest import fact_values, report_of_article, report_of_corpus


def _events(tmp_path, text, published):
    return report_of_article(tmp_path, text, published, "apart")["events"]


def _minutes(ev):
    return sorted(v["minutes"]["min"] for v in fact_values(ev, "duration"))


EN = """Carney and Merz discuss tariffs by phone

OTTAWA, June 3 (Maple Wire) - Prime Minister Mark Carney on Tuesday held a 25-minute phone call with German Chancellor Friedrich Merz, his office said.

Earlier in the day, Carney dialled an old ally for a 40-minute conversation on critical minerals, the office said.
"""

AR = """كارني وميرتس يبحثان هاتفيا الرسوم الجمركية

أجرى رئيس الوزراء الكندي مارك كارني اليوم الثلاثاء اتصالا هاتفيا بالمستشار الألماني فريدريش ميرتس استمر 25 دقيقة.

وكان كارني قد أجرى في وقت سابق اليوم اتصالا هاتفيا بالرئيس الفنلندي ألكسندر ستوب، استمر ساعة.
"""

SAME = """Carney and Merz discuss tariffs by phone

OTTAWA, June 3 (Maple Wire) - Prime Minister Mark Carney on Tuesday held a 25-minute phone call with German Chancellor Friedrich Merz, his office said.

Earlier in the day, the call had been announced by the chancellery, which said it would last about half an hour.
"""


def _main(events):
    return next(ev for ev in events if "Friedrich Merz" in str(ev))


def test_an_earlier_call_with_someone_else_is_its_own_event_en(tmp_path):
    events = _events(tmp_path, EN, "2025-06-03")
    main = _main(events)
    assert _minutes(main) == [25]
    other = [ev for ev in events if ev is not main and 40 in _minutes(ev)]
    assert other and fact_values(other[0], "medium") == [{"medium": "phone"}]
    assert [v["entity"] for v in fact_values(other[0], "initiator")] == ["Mark Carney"]


def test_an_earlier_call_with_someone_else_is_its_own_event_ar(tmp_path):
    events = _events(tmp_path, AR, "2025-06-03")
    main = _main(events)
    assert _minutes(main) == [25]
    assert not fact_values(main, "initiator") or \
        {v["entity"] for v in fact_values(main, "initiator")} == {"Mark Carney"}
    assert any(60 in _minutes(ev) for ev in events if ev is not main)


def test_an_earlier_word_about_the_same_call_stays_with_it(tmp_path):
    # naming nobody, "the call" told earlier in the day is still the article's call
    events = _events(tmp_path, SAME, "2025-06-03")
    calls = [ev for ev in events if fact_values(ev, "duration")]
    assert len(calls) == 1


def test_an_undated_page_dates_its_other_call_by_its_main_event(tmp_path):
    # one dated article fixes the day of the talks; the undated page's call "the same morning"
    # with someone else is on that day too, and not part of the talks
    docs = {"a": ("HELSINKI, May 12 (Baltic Wire) - Finnish President Alexander Stubb held talks with German "
                  "Chancellor Friedrich Merz in Helsinki on Monday, the presidency said.\n", "2025-05-12"),
            "b": ("عقد الرئيس الفنلندي ألكسندر ستوب والمستشار الألماني فريدريش ميرتس، الاثنين، في هلسنكي، جلسة "
                  "مباحثات استمرت ساعتين.\n\nوكان ميرتس قد أجرى صباح اليوم نفسه اتصالا هاتفيا مع الرئيس الفرنسي "
                  "إيمانويل ماكرون استمر عشرين دقيقة.\n", None)}
    events = report_of_corpus(tmp_path, docs, "apart", outlets={"a": "Baltic Wire", "b": "Other"})["events"]
    call = [ev for ev in events if "Emmanuel Macron" in ev["participants"]]
    assert call and (call[0]["date"] or {}).get("start") == "2025-05-12"
    assert _minutes(call[0]) == [20]
    talks = [ev for ev in events if "Alexander Stubb" in ev["participants"]]
    assert talks and 20 not in _minutes(talks[0])


def test_the_caller_named_after_a_title_with_a_nationality(tmp_path):
    # "من رئيس الوزراء الياباني X": the nationality in the title is not the caller; its holder is
    text = ("ميرتس وإيشيبا\n\nتلقى المستشار الألماني فريدريش ميرتس، مساء الخميس، اتصالا هاتفيا من رئيس "
            "الوزراء الياباني شيغيرو إيشيبا، تناول العلاقات الثنائية.\n")
    events = _events(tmp_path, text, "2025-06-06")
    assert [v["entity"] for ev in events for v in fact_values(ev, "initiator")] == ["Shigeru Ishiba"]


def test_also_a_call_with_someone_unnamed_is_its_own_event(tmp_path):
    # the other partner is not recognised: "also" still tells another contact
    text = ("Carney and Merz discuss tariffs by phone\n\nOTTAWA, June 3 (Maple Wire) - Prime Minister Mark Carney "
            "on Tuesday held a 25-minute phone call with German Chancellor Friedrich Merz, his office said.\n\n"
            "Carney also held a 40-minute call with the head of a regional bloc, the office said.\n")
    events = _events(tmp_path, text, "2025-06-03")
    assert _minutes(_main(events)) == [25]
