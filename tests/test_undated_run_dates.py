"""Undated pages in a run of dated ones (texts written for these tests): a day and month with no
year is read in the year the run's dated articles were published, when only one year fits; and
"the 5th of this month" says in which month the page was written, which picks the event its
undated "today's call" is among several between the same people."""
from __future__ import annotations

import datetime as dt

import yaml

from reconcile.events.dates import year_in_run
from reconcile.ingest.corpus import load_corpus
from reconcile.pipeline import analyse
from reconcile.report.writer import build_report


def _report(tmp_path, docs, lang):
    manifest = {}
    for name, (text, published) in docs.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        manifest[f"{name}.txt"] = {"outlet": f"Outlet {name}", "language": lang, "published": published, "url": None}
    (tmp_path / "sources.yaml").write_text(yaml.safe_dump(manifest), encoding="utf-8")
    return build_report(analyse(load_corpus([tmp_path])), "undated")


def _events_of(report, doc):
    return [ev for ev in report["events"] if doc in ev["documents"]]


def _claims(ev, doc, fact):
    return [c for f in ev["facts"] if f["fact"] == fact for c in f["claims"] if c["doc"] == doc]


# ------------------------------------------------------------------ the run's year
def test_a_day_and_month_takes_the_one_year_of_the_run_that_fits():
    run = ("2023-04-11", "2023-06-20")
    assert year_in_run({"month": 6, "day": 9}, run) == dt.date(2023, 6, 9)
    # its weekday must fit too: 9 June 2023 is a Friday, not a Monday
    assert year_in_run({"month": 6, "day": 9, "weekday": 4}, run) == dt.date(2023, 6, 9)
    assert year_in_run({"month": 6, "day": 9, "weekday": 0}, run) is None


def test_no_year_when_the_run_leaves_two_open_or_none():
    # a run across a year's end: 20 November of either year is near enough to it
    assert year_in_run({"month": 11, "day": 20}, ("2022-12-01", "2023-10-30")) is None
    # a run spread over many years says nothing
    assert year_in_run({"month": 6, "day": 9}, ("2015-01-01", "2023-06-20")) is None
    assert year_in_run({"month": 6, "day": 9}, None) is None
    # a day far from every publication day of the run
    assert year_in_run({"month": 12, "day": 24}, ("2023-04-11", "2023-06-20")) is None


DATED_APRIL = """Erdogan and Zelensky discuss grain exports

Turkish President Recep Tayyip Erdogan spoke by phone with Ukrainian President Volodymyr Zelensky on Tuesday about grain exports through the Black Sea.
"""

DATED_JUNE = """Erdogan, Zelensky talk prisoner swap

Turkish President Recep Tayyip Erdogan held a phone call with Ukrainian President Volodymyr Zelensky on Tuesday about a prisoner swap.
"""

UNDATED_PLANNED = """Envoys to meet in Ankara

Turkish and Ukrainian officials will meet in Ankara on Friday, June 9, to prepare the exchange, a ministry statement said.
"""


def test_an_undated_page_dates_an_event_no_other_article_reports_in_the_run_year(tmp_path):
    report = _report(tmp_path, {"april": (DATED_APRIL, "2023-04-12"), "june": (DATED_JUNE, "2023-06-21"),
                                "planned": (UNDATED_PLANNED, None)}, "en")
    (ev,) = _events_of(report, "planned")
    assert ev["date"] == {"start": "2023-06-09", "end": "2023-06-09"}
    assert [c["value"] for c in _claims(ev, "planned", "date")] == [{"date": {"start": "2023-06-09", "end": "2023-06-09"}}]


def test_a_run_over_many_years_leaves_it_undated(tmp_path):
    report = _report(tmp_path, {"april": (DATED_APRIL, "2016-04-12"), "june": (DATED_JUNE, "2023-06-21"),
                                "planned": (UNDATED_PLANNED, None)}, "en")
    (ev,) = _events_of(report, "planned")
    assert ev["date"] is None


# ------------------------------------------------------------------ "of this month"
AR_DATED_APRIL = """السيسي وأردوغان يبحثان هاتفيا الأوضاع في السودان

تلقى الرئيس عبد الفتاح السيسي اتصالا هاتفيا من الرئيس التركي رجب طيب أردوغان يوم الثلاثاء 11 أبريل 2023، استمر نحو نصف ساعة.
"""

AR_DATED_JUNE = """اتصال هاتفي بين السيسي وأردوغان

أجرى الرئيس عبد الفتاح السيسي اتصالا هاتفيا مع الرئيس التركي رجب طيب أردوغان يوم الثلاثاء 20 يونيو 2023 تناول العلاقات الثنائية.
"""

# undated: "today's call", "the first since their meeting on the 5th of this month (June)"
AR_UNDATED = """موعد الاتصال بين الرئيسين

قال المتحدث الرئاسي إن المكالمة الهاتفية المرتقبة اليوم بين الرئيس عبد الفتاح السيسي والرئيس التركي رجب طيب أردوغان ستجري عند الساعة الثالثة بتوقيت القاهرة.
وتأتي المكالمة بعد لقاء جمع وزيري خارجية البلدين في 5 حزيران الجاري.
"""


def test_this_month_picks_the_event_of_that_month_for_today_s_call(tmp_path):
    report = _report(tmp_path, {"april": (AR_DATED_APRIL, "2023-04-11"), "june": (AR_DATED_JUNE, "2023-06-20"),
                                "undated": (AR_UNDATED, None)}, "ar")
    calls = [ev for ev in _events_of(report, "undated") if ev["kind"] == "call"]
    assert [ev["date"] for ev in calls] == [{"start": "2023-06-20", "end": "2023-06-20"}]
    # its clock reading is converted on that day: three o'clock, either half of the day
    (sched,) = _claims(calls[0], "undated", "scheduled_time")
    assert sched["value"]["utc"]["start"] <= "2023-06-20T12:00Z" <= sched["value"]["utc"]["end"]


def test_without_this_month_today_s_call_stays_apart(tmp_path):
    undated = AR_UNDATED.replace("5 حزيران الجاري", "5 حزيران")
    report = _report(tmp_path, {"april": (AR_DATED_APRIL, "2023-04-11"), "june": (AR_DATED_JUNE, "2023-06-20"),
                                "undated": (undated, None)}, "ar")
    calls = [ev for ev in _events_of(report, "undated") if ev["kind"] == "call"]
    assert all(ev["date"] is None for ev in calls)


AR_WILL_BE = """المكالمة مساء اليوم

أعلن القصر الرئاسي أن المكالمة الهاتفية بين الرئيس عبد الفتاح السيسي والرئيس التركي رجب طيب أردوغان ستكون عند الساعة الخامسة مساء بتوقيت القاهرة.
"""


def test_will_be_at_five_is_the_scheduled_time_not_the_start(tmp_path):
    report = _report(tmp_path, {"will": (AR_WILL_BE, "2023-06-20")}, "ar")
    (ev,) = [ev for ev in _events_of(report, "will") if ev["kind"] == "call"]
    assert _claims(ev, "will", "start_time") == []
    (sched,) = _claims(ev, "will", "scheduled_time")
    assert sched["value"]["utc"]["start"] == "2023-06-20T14:00Z"


# ------------------------------------------------------------------ a series listed with its days
SERIES = """Erdogan and Zelensky keep in touch

Turkish President Recep Tayyip Erdogan and Ukrainian President Volodymyr Zelensky have held two phone calls this spring, on April 11 and June 20, officials in Ankara said.
"""


def test_a_series_listed_with_its_days_is_one_event_per_day(tmp_path):
    report = _report(tmp_path, {"april": (DATED_APRIL, "2023-04-12"), "june": (DATED_JUNE, "2023-06-21"),
                                "series": (SERIES, "2023-06-28")}, "en")
    dates = sorted(ev["date"]["start"] for ev in _events_of(report, "series"))
    assert dates == ["2023-04-11", "2023-06-20"]
    for ev in _events_of(report, "series"):
        assert "april" in ev["documents"] or "june" in ev["documents"]
        assert [c["value"]["date"]["start"] for c in _claims(ev, "series", "date")] == [ev["date"]["start"]]


def test_the_ends_of_a_stretch_are_no_series(tmp_path):
    stretch = SERIES.replace("on April 11 and June 20", "between April 11 and June 20")
    report = _report(tmp_path, {"series": (stretch, "2023-06-28")}, "en")
    assert all(ev["date"] is None or ev["date"]["start"] != ev["date"]["end"]
               for ev in _events_of(report, "series"))


AR_SERIES = """السيسي وأردوغان

أجرى الرئيس عبد الفتاح السيسي والرئيس التركي رجب طيب أردوغان اتصالين هاتفيين هذا العام، في 11 أبريل و20 يونيو، بحسب مصادر رسمية.
"""


def test_an_arabic_series_listed_with_its_days(tmp_path):
    report = _report(tmp_path, {"april": (AR_DATED_APRIL, "2023-04-11"), "june": (AR_DATED_JUNE, "2023-06-20"),
                                "series": (AR_SERIES, "2023-06-28")}, "ar")
    dates = sorted(ev["date"]["start"] for ev in _events_of(report, "series"))
    assert dates == ["2023-04-11", "2023-06-20"]
