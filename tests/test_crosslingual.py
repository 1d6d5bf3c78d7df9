"""One event across languages: English articles written for this test about the calls the
Arabic seed articles report, one contradicting an Arabic outlet on a duration and one
contradicting itself on a start time."""
from __future__ import annotations

import shutil

import pytest
import yaml
from conftest import SEEDS

from reconcile.ingest.corpus import load_corpus
from reconcile.pipeline import analyse
from reconcile.report.writer import build_report

WIRE_DEC30 = """Biden warns Putin in late-night call as Ukraine tensions simmer

WASHINGTON (Wire One) - U.S. President Joe Biden and Russian President Vladimir Putin spoke by phone on Thursday in a conversation that lasted 50 minutes.

The call began at 3:35 p.m. EST, a senior administration official told reporters. The conversation was requested by Moscow, the official said.
"""

WIRE_DEC7 = """Kremlin calls Putin-Biden video summit frank and businesslike

MOSCOW (Wire Two) - The video call between Vladimir Putin and Joe Biden on Tuesday lasted just over an hour, the Kremlin said on Wednesday.
"""

WIRE_FEB12 = """Biden tells Putin an invasion would bring swift costs

WASHINGTON (Wire Three) - Joe Biden and Vladimir Putin held a phone call on Saturday that lasted about an hour, the White House said. The call started at 11:04 a.m. Washington time.
"""

WIRE_SELF = """Putin and Biden discuss security guarantees by phone

MOSCOW (Wire Four) - Vladimir Putin and Joe Biden held a telephone conversation on Thursday that began at 11:35 p.m. Moscow time, according to the Kremlin.

The call, which started at 21:10 GMT, focused on the eastward expansion of NATO.
"""

ENGLISH = {
    "800_wire_dec30": (WIRE_DEC30, "Wire One", "2021-12-31"),
    "801_wire_dec7": (WIRE_DEC7, "Wire Two", "2021-12-08"),
    "802_wire_feb12": (WIRE_FEB12, "Wire Three", "2022-02-13"),
    "803_wire_self": (WIRE_SELF, "Wire Four", "2021-12-31"),
}


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("mixed") / "corpus"
    shutil.copytree(SEEDS, corpus)
    manifest = yaml.safe_load((SEEDS / "sources.yaml").read_text(encoding="utf-8"))
    for name, (text, outlet, published) in ENGLISH.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
        manifest[f"{name}.txt"] = {"outlet": outlet, "language": "en", "published": published}
    (corpus / "sources.yaml").write_text(yaml.safe_dump(manifest, allow_unicode=True), encoding="utf-8")
    return build_report(analyse(load_corpus([corpus])), "mixed")


def _call(report, day):
    found = [ev for ev in report["events"] if ev["kind"] == "call" and ev["date"]
             and ev["date"]["start"] == ev["date"]["end"] == day
             and set(ev["participants"]) == {"Joe Biden", "Vladimir Putin"}]
    assert len(found) == 1, [(e["id"], e["participants"], e["date"], e["documents"]) for e in report["events"]]
    return found[0]


def _fact(ev, name):
    return next(f for f in ev["facts"] if f["fact"] == name)


@pytest.mark.parametrize("day,docs", [
    ("2021-12-30", {"000_ef8e19684d263ac7", "001_2a0fee5fc085109d", "002_2808b5d65a21cd4e",
                    "800_wire_dec30", "803_wire_self"}),
    ("2021-12-07", {"002_2808b5d65a21cd4e", "004_37c19ced86855876", "801_wire_dec7"}),
    ("2022-02-12", {"003_a2b39e0f3c473ada", "802_wire_feb12"}),
])
def test_one_event_per_call_across_languages(mixed, day, docs):
    assert set(_call(mixed, day)["documents"]) == docs


def test_an_english_outlet_contradicting_an_arabic_one_is_a_conflict(mixed):
    duration = _fact(_call(mixed, "2021-12-07"), "duration")
    assert duration["status"] == "conflict"
    by_doc = {c["doc"]: c for c in duration["claims"]}
    english, arabic = by_doc["801_wire_dec7"], by_doc["002_2808b5d65a21cd4e"]
    assert english["language"] == "en" and arabic["language"] == "ar"
    assert english["value"]["minutes"]["min"] == 60 and english["value"]["minutes"]["max"] < 120
    assert [sorted(p) for p in duration["conflicting_pairs"]] == [sorted([english["id"], arabic["id"]])]


def test_an_article_contradicting_itself_is_flagged(mixed):
    start = _fact(_call(mixed, "2021-12-30"), "start_time")
    assert start["status"] == "conflict"
    assert start["self_contradictions"] == ["803_wire_self"]
    values = {c["value"]["utc"]["start"] for c in start["claims"] if c["doc"] == "803_wire_self"}
    assert values == {"2021-12-30T20:35Z", "2021-12-30T21:10Z"}


def test_english_wording_corroborates_arabic(mixed):
    dec30 = _call(mixed, "2021-12-30")
    duration = _fact(dec30, "duration")
    assert duration["status"] == "corroborated"
    assert {c["language"] for c in duration["claims"]} == {"ar", "en"}
    feb12 = _fact(_call(mixed, "2022-02-12"), "duration")
    assert feb12["status"] == "corroborated" and "802_wire_feb12" in {c["doc"] for c in feb12["claims"]}
    initiator = _fact(dec30, "initiator")
    assert initiator["status"] == "corroborated"
    assert "800_wire_dec30" in {c["doc"] for c in initiator["claims"]}


def test_no_other_conflicts(mixed):
    conflicts = {(ev["date"]["start"], f["fact"]) for ev in mixed["events"] for f in ev["facts"]
                 if f["status"] == "conflict"}
    assert conflicts == {("2021-12-07", "duration"), ("2021-12-30", "start_time")}
