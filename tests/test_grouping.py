"""Event grouping of undated pages (written for these tests): a weekday or a day and month
with no year picks the event it belongs to among several between the same people, and a
clock time read there is converted once that event has a day."""
from __future__ import annotations

import pytest
import yaml

from reconcile.ingest.corpus import load_corpus
from reconcile.pipeline import analyse
from reconcile.report.writer import build_report, render_markdown

FIRST = """Erdogan and Zelensky discuss prisoner exchange

Turkish President Recep Tayyip Erdogan spoke by phone on Wednesday with Ukrainian President Volodymyr Zelensky about a new prisoner exchange. The call lasted about 45 minutes, officials said.
"""

SECOND = """Erdogan, Zelensky talk grain corridor

Turkish President Recep Tayyip Erdogan held a phone call with Ukrainian President Volodymyr Zelensky on Tuesday about the grain corridor.
"""

UNDATED_WEEKDAY = """Grain corridor on the agenda

Ukrainian President Volodymyr Zelensky and Turkish President Recep Tayyip Erdogan held a phone call on Tuesday that lasted an hour. The call began at 11:00 GMT.
"""

UNDATED_DAY_MONTH = """Prisoner exchange talks

In a phone call on May 3, Ukrainian President Volodymyr Zelensky thanked Turkish President Recep Tayyip Erdogan for his mediation.
"""


def _corpus(tmp_path, docs):
    manifest = {}
    for name, (text, published) in docs.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        manifest[f"{name}.txt"] = {"outlet": f"Outlet {name}", "language": "en", "published": published, "url": None}
    (tmp_path / "sources.yaml").write_text(yaml.safe_dump(manifest), encoding="utf-8")
    return build_report(analyse(load_corpus([tmp_path])), "grouping")


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return _corpus(tmp_path_factory.mktemp("grouping"), {
        "first": (FIRST, "2023-05-04"), "second": (SECOND, "2023-05-17"),
        "weekday": (UNDATED_WEEKDAY, None), "daymonth": (UNDATED_DAY_MONTH, None)})


def _event_of(report, doc):
    found = [ev for ev in report["events"] if doc in ev["documents"]]
    assert len(found) == 1, [(e["id"], e["documents"], e["date"]) for e in report["events"]]
    return found[0]


def _claims(ev, doc, fact):
    return [c for f in ev["facts"] if f["fact"] == fact for c in f["claims"] if c["doc"] == doc]


def test_an_undated_weekday_picks_the_event_on_that_weekday(report):
    ev = _event_of(report, "weekday")
    assert ev["date"] == {"start": "2023-05-16", "end": "2023-05-16"} and "second" in ev["documents"]
    # a weekday alone on an undated page picks the event but claims no day of it
    assert _claims(ev, "weekday", "date") == []


def test_a_clock_time_is_converted_once_its_event_has_a_day(report):
    ev = _event_of(report, "weekday")
    starts = _claims(ev, "weekday", "start_time")
    assert [c["value"]["utc"]["start"] for c in starts] == ["2023-05-16T11:00Z"]


def test_an_undated_day_and_month_picks_the_event_of_that_day(report):
    ev = _event_of(report, "daymonth")
    assert ev["date"]["start"] == "2023-05-03" and "first" in ev["documents"]
    assert [c["value"]["date"]["start"] for c in _claims(ev, "daymonth", "date")] == ["2023-05-03"]


def test_every_claim_says_why_it_is_in_its_event(report):
    claims = [c for ev in report["events"] for f in ev["facts"] for c in f["claims"]]
    assert claims and all(c["attached_by"] in ("clause", "main_event", "lead", "event_date") for c in claims)


def test_a_weekday_that_fits_no_event_joins_none(tmp_path):
    text = UNDATED_WEEKDAY.replace("on Tuesday", "on Friday")
    rep = _corpus(tmp_path, {"first": (FIRST, "2023-05-04"), "second": (SECOND, "2023-05-17"),
                             "friday": (text, None)})
    ev = _event_of(rep, "friday")
    assert ev["documents"] == ["friday"] and ev["date"] is None


def test_a_clock_time_with_no_day_is_listed_unconverted(tmp_path):
    rep = _corpus(tmp_path, {"first": (FIRST, "2023-05-04"), "second": (SECOND, "2023-05-17"),
                             "friday": (UNDATED_WEEKDAY.replace("on Tuesday", "on Friday"), None)})
    local = [u for u in rep["unplaced"] if u["fact"] == "start_time"]
    assert [(u["local"]["hour"], u["local"]["minute"]) for u in local] == [(11, 0)]
    assert "Could not place" in render_markdown(rep)


def test_a_year_elsewhere_in_an_undated_article_completes_a_day_and_month(tmp_path):
    # a year written close by (within a sentence) completes it; a distant one is not trusted
    text = UNDATED_DAY_MONTH.replace("mediation.", "mediation in the 10 March 2023 exchange.")
    rep = _corpus(tmp_path, {"daymonth": (text, None)})
    dates = [c["value"]["date"]["start"] for ev in rep["events"] for f in ev["facts"] if f["fact"] == "date"
             for c in f["claims"] if "May 3" in c["text"]]
    assert dates == ["2023-05-03"]



def test_a_day_and_month_fitting_two_events_of_one_day_joins_the_closest_parties():
    # two events on 16 May between the same people (one also names a third party): an undated
    # page's "May 16" settles its day either way, so it joins the one whose parties match
    from reconcile.entities.gazetteer import gazetteer
    from reconcile.events import DocEvent, EventCluster, EventGrouper
    from reconcile.records import Hit

    grouper = EventGrouper(gazetteer().entities)
    pair = {"recep-tayyip-erdogan", "volodymyr-zelensky"}
    wider = EventCluster("call", persons=pair | {"jens-stoltenberg"}, seq=0)
    exact = EventCluster("call", persons=set(pair), seq=1)
    for c, doc in ((wider, "w"), (exact, "e")):
        c.add(DocEvent(doc, "call", persons=set(c.persons), date=("2023-05-16", "2023-05-16"),
                       explicit_dates=[("2023-05-16", "2023-05-16")], recalled=False))
    undated = DocEvent("u", "call", persons=set(pair), recalled=False,
                       constraints=[(0, Hit("date", 0, 9, "test", {"month": 5, "day": 16}))])
    assert grouper._best_cluster(undated, [wider, exact]) is exact
