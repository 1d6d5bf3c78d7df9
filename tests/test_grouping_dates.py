"""Event grouping and event dates, round two (texts written for these tests): one call dated a
day apart across far-apart time zones, counted past contacts, "the same day", "the first since",
dates of other verbs, who takes part, and the year of an undated page."""
from __future__ import annotations

import datetime as dt

import yaml

from reconcile.event_zones import hours_apart
from reconcile.ingest.corpus import load_corpus
from reconcile.pipeline import analyse
from reconcile.report.writer import build_report


def _corpus(tmp_path, docs):
    manifest = {}
    for name, (text, published) in docs.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        manifest[f"{name}.txt"] = {"outlet": f"Outlet {name}", "language": "en", "published": published, "url": None}
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
