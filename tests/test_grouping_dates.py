"""Event grouping and event dates, round two (texts written for these tests): one call dated a
day apart across far-apart time zones, counted past contacts, "the same day", "the first since",
dates of other verbs, who takes part, and the year of an undated page."""
from __future__ import annotations

import datetime as dt

import yaml

from reconcile.events.zones import hours_apart
from reconcile.ingest.corpus import load_corpus
from reconcile.pipeline import analyse
from reconcile.report.writer import build_report


def _corpus(tmp_path, docs):
    manifest = {}
    for name, (text, published) in docs.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        lang = "ar" if any("\u0600" <= ch <= "\u06ff" for ch in text) else "en"
        manifest[f"{name}.txt"] = {"outlet": f"Outlet {name}", "language": lang, "published": published, "url": None}
    (tmp_path / "sources.yaml").write_text(yaml.safe_dump(manifest), encoding="utf-8")
    return build_report(analyse(load_corpus([tmp_path])), "dates")


def _events_of(report, doc):
    return [ev for ev in report["events"] if doc in ev["documents"]]


def _values(ev, fact, doc=None):
    return sorted(str(c["value"]) for f in ev["facts"] if f["fact"] == fact for c in f["claims"]
                  if doc is None or c["doc"] == doc)


# ---------------------------------------------------------------- time-zone day slack
PARIS_SIDE = """Macron and Xi hold video talks

French President Emmanuel Macron held a video call with Chinese President Xi Jinping on Thursday evening. The call lasted two hours, the Elysee said.
"""
BEIJING_SIDE = """Xi, Macron talk trade by video link

Chinese President Xi Jinping held a video call with French President Emmanuel Macron on Friday morning. The video call lasted about two hours.
"""


def test_clocks_of_far_apart_countries_are_hours_apart():
    day = dt.date(2024, 4, 4)
    assert hours_apart(["France", "China"], day) >= 4
    assert hours_apart(["France", "Germany"], day) == 0


def test_one_call_dated_a_day_apart_across_far_zones_is_one_event(tmp_path):
    rep = _corpus(tmp_path, {"paris": (PARIS_SIDE, "2024-04-05"), "beijing": (BEIJING_SIDE, "2024-04-05")})
    ev = _events_of(rep, "paris")
    assert len(ev) == 1 and "beijing" in ev[0]["documents"], [(e["id"], e["documents"]) for e in rep["events"]]
    assert ev[0]["date"] == {"start": "2024-04-04", "end": "2024-04-05"}
    dates = [f for f in ev[0]["facts"] if f["fact"] == "date"]
    assert dates and dates[0]["status"] != "conflict"


def test_neighbours_in_one_time_zone_keep_two_days_apart(tmp_path):
    one = PARIS_SIDE.replace("Chinese President Xi Jinping", "German Chancellor Olaf Scholz")
    two = BEIJING_SIDE.replace("Chinese President Xi Jinping", "German Chancellor Olaf Scholz")
    rep = _corpus(tmp_path, {"paris": (one, "2024-04-05"), "berlin": (two, "2024-04-05")})
    assert _events_of(rep, "paris") != _events_of(rep, "berlin")


def test_a_counted_past_contact_is_no_medium_of_this_call(tmp_path):
    text = PARIS_SIDE + "\nThe two leaders had already spoken twice by phone.\n"
    rep = _corpus(tmp_path, {"paris": (text, "2024-04-05")})
    [ev] = [e for e in _events_of(rep, "paris") if _values(e, "duration")]
    assert "phone" not in " ".join(_values(ev, "medium")) and "video" in " ".join(_values(ev, "medium"))


# ---------------------------------------------------------------- "the first since <date>"
FIRST_SINCE_EN = """Erdogan and Zelensky speak again

Turkish President Recep Tayyip Erdogan held a phone call with Ukrainian President Volodymyr Zelensky on Monday, their first since March 2021. The call lasted 40 minutes.
"""
FIRST_SINCE_AR = """أردوغان وزيلينسكي

أجرى الرئيس التركي رجب طيب أردوغان اتصالا هاتفيا مع الرئيس الأوكراني فولوديمير زيلينسكي يوم الاثنين، هو الأول بينهما منذ مارس 2021. واستمر الاتصال 40 دقيقة.
"""


def _dated(report, doc):
    return {(ev["date"] or {}).get("start"): ev for ev in _events_of(report, doc)}


def test_the_date_after_since_dates_the_previous_contact_not_this_one(tmp_path):
    for name, text in (("en", FIRST_SINCE_EN), ("ar", FIRST_SINCE_AR)):
        folder = tmp_path / name
        folder.mkdir()
        rep = _corpus(folder, {name: (text, "2023-06-07")})
        by_day = _dated(rep, name)
        assert "2023-06-05" in by_day, (name, list(by_day))
        now = by_day["2023-06-05"]
        assert _values(now, "duration") and "2021" not in " ".join(_values(now, "date"))
        before = by_day.get("2021-03-01")
        assert before is not None and "2021-03-01" in " ".join(_values(before, "date")), (name, list(by_day))
        assert not _values(before, "duration")


def test_since_alone_dates_nothing(tmp_path):
    text = FIRST_SINCE_EN.replace("their first since March 2021", "as fighting has raged since March 2021")
    rep = _corpus(tmp_path, {"plain": (text, "2023-06-07")})
    assert list(_dated(rep, "plain")) == ["2023-06-05"]


def test_an_undated_article_with_first_since_is_not_the_previous_contact(tmp_path):
    # the year of "since" completes no day and month: "on 5 June" is not June 2021
    text = FIRST_SINCE_EN.replace("on Monday", "on 5 June")
    dated = FIRST_SINCE_EN.replace("The call lasted 40 minutes.", "")
    rep = _corpus(tmp_path, {"undated": (text, None), "dated": (dated, "2023-06-07")})
    assert "dated" in _dated(rep, "undated").get("2023-06-05", {}).get("documents", [])


# ---------------------------------------------------------------- a date of another verb
STATEMENT_NEXT_DAY = """The Turkish presidency said on Thursday that it was Ukraine that asked for Turkish President Recep Tayyip Erdogan to speak by phone with Ukrainian President Volodymyr Zelensky.
The two leaders spoke by phone on Wednesday about the grain corridor. The presidency said the call had lasted for 50 minutes.
"""
STATEMENT_ONLY = """Erdogan to call Zelensky

The Turkish presidency said on Thursday that Turkish President Recep Tayyip Erdogan would hold a phone call with Ukrainian President Volodymyr Zelensky in the evening.
"""


def test_the_day_a_statement_was_made_does_not_date_the_call_it_reports(tmp_path):
    rep = _corpus(tmp_path, {"statement": (STATEMENT_NEXT_DAY, "2023-06-08")})
    by_day = _dated(rep, "statement")
    assert list(by_day) == ["2023-06-07"], list(by_day)
    ev = by_day["2023-06-07"]
    assert _values(ev, "duration") and "2023-06-08" not in " ".join(_values(ev, "date"))


def test_a_statement_day_still_dates_a_call_nothing_else_dates(tmp_path):
    rep = _corpus(tmp_path, {"only": (STATEMENT_ONLY, "2023-06-08")})
    assert "2023-06-08" in _dated(rep, "only")


# ---------------------------------------------------------------- "the same day"
SAME_DAY_EN = """Busy Monday in Ankara

Turkish President Recep Tayyip Erdogan met German Chancellor Olaf Scholz in Ankara on Monday. The same day, Erdogan held a phone call with Ukrainian President Volodymyr Zelensky that lasted half an hour.
"""
SAME_DAY_AR = """يوم حافل في أنقرة

التقى الرئيس التركي رجب طيب أردوغان المستشار الألماني أولاف شولتس في أنقرة يوم الاثنين. وفي اليوم نفسه أجرى أردوغان اتصالا هاتفيا مع الرئيس الأوكراني فولوديمير زيلينسكي استمر نصف ساعة.
"""


def test_the_same_day_is_the_day_of_the_event_just_named(tmp_path):
    for name, text in (("en", SAME_DAY_EN), ("ar", SAME_DAY_AR)):
        folder = tmp_path / name
        folder.mkdir()
        rep = _corpus(folder, {name: (text, "2023-06-08")})
        calls = [ev for ev in _events_of(rep, name) if _values(ev, "duration")]
        assert [ev["date"] for ev in calls] == [{"start": "2023-06-05", "end": "2023-06-05"}], \
            (name, [(e["kind"], e["date"], e["participants"]) for e in rep["events"]])


# ---------------------------------------------------------------- a list under year headings
FACTBOX = """Erdogan and Zelensky: their earlier calls

Turkish President Recep Tayyip Erdogan and Ukrainian President Volodymyr Zelensky had these phone calls:

2020:

Oct. 3 - a phone call on grain

2019:

Aug. 7 - a phone call on prisoners
"""


def test_a_line_that_is_only_a_year_dates_the_rows_below_it(tmp_path):
    rep = _corpus(tmp_path, {"box": (FACTBOX, "2021-03-01")})
    days = sorted(d for ev in _events_of(rep, "box") for d in _values(ev, "date"))
    assert any("2020-10-03" in d for d in days) and any("2019-08-07" in d for d in days), days


# ---------------------------------------------------------------- a day named for each city
VIEWPOINTS = """Leaders talk across the Pacific

French President Emmanuel Macron and Chinese President Xi Jinping held a video call lasting two hours on Monday evening in Paris, Tuesday morning in Beijing.
"""


def test_a_day_named_for_each_of_two_cities_is_no_location(tmp_path):
    rep = _corpus(tmp_path, {"views": (VIEWPOINTS, "2024-04-09")})
    assert all(not _values(ev, "location") for ev in _events_of(rep, "views"))


def test_a_date_a_few_words_after_since_dates_neither_this_call_nor_a_contact(tmp_path):
    text = FIRST_SINCE_EN.replace("their first since March 2021", "their first since Zelensky's March 2021 visit")
    rep = _corpus(tmp_path, {"visit": (text, "2023-06-07")})
    assert list(_dated(rep, "visit")) == ["2023-06-05"]


def test_a_weekday_elsewhere_does_not_stop_a_day_and_month_from_picking_its_event(tmp_path):
    # "on Saturday" is when the plan was announced; "June 5" is the call's day
    undated = """Erdogan to call Zelensky

Turkish officials said on Saturday that Turkish President Recep Tayyip Erdogan will hold a phone call with Ukrainian President Volodymyr Zelensky on June 5.
"""
    dated = FIRST_SINCE_EN.replace(", their first since March 2021", "")
    rep = _corpus(tmp_path, {"plan": (undated, None), "dated": (dated, "2023-06-07")})
    assert "dated" in _dated(rep, "plan").get("2023-06-05", {}).get("documents", [])


def test_the_previous_contact_is_between_the_same_two_people(tmp_path):
    text = FIRST_SINCE_AR.replace("هو الأول بينهما منذ مارس 2021.", "وهي المرة الأولى التي يتحدث فيها الاثنان منذ مارس 2021.")
    rep = _corpus(tmp_path, {"pair": (text, "2023-06-07")})
    before = _dated(rep, "pair").get("2021-03-01")
    assert before is not None and len(before["participants"]) == 2, [(e["date"], e["participants"]) for e in rep["events"]]
