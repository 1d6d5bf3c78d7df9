"""Who really said it (texts written for these tests): a spokesman speaks for his institution,
one claimant carried by several outlets is one source, copies of one article count once, a
date read from an article's lead is context, and every explanation lists exactly the sources
it counts."""
from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
import yaml

from reconcile.engine.normalise import fold
from reconcile.ingest.corpus import load_corpus
from reconcile.pipeline import analyse
from reconcile.provenance.copies import copy_groups
from reconcile.records import Document
from reconcile.report.writer import build_report, render_markdown

KREMLIN_AND_SPOKESMAN = """Putin and Lukashenko discuss gas prices

Russian President Vladimir Putin and Belarusian President Alexander Lukashenko held a phone call on Thursday that lasted 40 minutes, the Kremlin said.
Kremlin spokesman Dmitry Peskov told reporters the call lasted 40 minutes.
"""

PESKOV_ONE = """Putin, Lukashenko talk by phone

Russian President Vladimir Putin and Belarusian President Alexander Lukashenko held a phone call on Thursday. The conversation lasted 40 minutes, Kremlin spokesman Dmitry Peskov said.
"""

PESKOV_TWO = """Kremlin: Putin spoke to Lukashenko

Vladimir Putin and Alexander Lukashenko spoke by telephone on Thursday, a conversation that lasted 40 minutes, Dmitry Peskov told journalists in Moscow.
"""

MINSK_OFFICIAL = """Lukashenko, Putin hold call

Belarusian President Alexander Lukashenko and Russian President Vladimir Putin held a phone call on Thursday. It lasted 40 minutes, Belarusian presidential spokeswoman Natalya Eismont said.
"""

STORY = """Finland and Estonia leaders discuss Baltic cable damage

HELSINKI — Finnish President Alexander Stubb and Estonian President Alar Karis held a telephone conversation on Monday about the damaged undersea cables. The call lasted about half an hour, according to a statement from the Finnish presidency. Both leaders called for a joint investigation and for stronger protection of energy infrastructure in the Baltic Sea. Stubb said the two countries would share what their navies had found so far.
"""


def _report(tmp_path: Path, docs: dict[str, tuple[str, str, str | None]]) -> dict:
    manifest = {}
    for name, (text, outlet, published) in docs.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        manifest[f"{name}.txt"] = {"outlet": outlet, "language": "en", "published": published}
    (tmp_path / "sources.yaml").write_text(yaml.safe_dump(manifest), encoding="utf-8")
    return build_report(analyse(load_corpus([tmp_path])), "provenance")


def _fact(report: dict, fact: str) -> dict:
    found = [f for ev in report["events"] for f in ev["facts"] if f["fact"] == fact]
    assert len(found) == 1, [(ev["id"], ev["participants"], [f["fact"] for f in ev["facts"]]) for ev in report["events"]]
    return found[0]


def test_an_institution_and_its_spokesman_are_one_source(tmp_path):
    duration = _fact(_report(tmp_path, {"a": (KREMLIN_AND_SPOKESMAN, "Outlet A", "2024-03-08")}), "duration")
    assert duration["independent_sources"] == 1
    assert [s["claimant"] for s in duration["sources"]] == ["Kremlin"]
    assert duration["status"] == "single_source"


def test_one_spokesman_quoted_by_two_outlets_is_one_source(tmp_path):
    report = _report(tmp_path, {"a": (PESKOV_ONE, "Outlet A", "2024-03-08"),
                                "b": (PESKOV_TWO, "Outlet B", "2024-03-08")})
    duration = _fact(report, "duration")
    assert {c["doc"] for c in duration["claims"]} == {"a", "b"}
    assert duration["independent_sources"] == 1 and duration["status"] == "single_source"
    assert duration["sources"][0]["documents"] == ["a", "b"]


def test_two_outlets_with_their_own_officials_are_two_sources(tmp_path):
    report = _report(tmp_path, {"a": (PESKOV_ONE, "Outlet A", "2024-03-08"),
                                "b": (MINSK_OFFICIAL, "Outlet B", "2024-03-08")})
    duration = _fact(report, "duration")
    assert duration["independent_sources"] == 2 and duration["status"] == "corroborated"
    assert duration["explanation"].startswith("2 independent sources agree")


def test_an_article_and_its_lightly_edited_copy_are_one_source(tmp_path):
    edited = STORY.replace("the damaged undersea cables", "the damaged subsea cables") + "Updated at 10:00.\n"
    report = _report(tmp_path, {"a": (STORY, "Outlet A", "2024-11-18"), "b": (edited, "Outlet B", "2024-11-18")})
    assert report["copy_groups"] == [{"original": "a", "members": ["a", "b"]}]
    assert {d["id"]: d["copy_of"] for d in report["documents"]} == {"a": None, "b": "a"}
    duration = _fact(report, "duration")
    assert {c["doc"] for c in duration["claims"]} == {"a", "b"}
    assert duration["independent_sources"] == 1 and duration["status"] == "single_source"
    assert "| `b` | Outlet B | en | 2024-11-18 | – | – | `a` |" in render_markdown(report)


def test_different_stories_on_one_event_are_not_copies(tmp_path):
    other = """Estonia's Karis and Finland's Stubb speak on cables

TALLINN — Estonian President Alar Karis said he had spoken with his Finnish counterpart Alexander Stubb on Monday. The two agreed their governments would pool evidence on the cable damage, Karis told public broadcaster ERR, and called for a swift European response.
"""
    report = _report(tmp_path, {"a": (STORY, "Outlet A", "2024-11-18"), "b": (other, "Outlet B", "2024-11-18")})
    assert report["copy_groups"] == []


# what a desk edits in a copy: a word for a synonym here and there, an update line
SYNONYMS = [("damaged", "broken"), ("joint", "common"), ("stronger", "better"), ("share", "pool"),
            ("found so far", "seen so far"), ("Both leaders", "The two leaders"), ("navies", "navy divers"),
            ("energy infrastructure", "energy facilities")]


def _edited_copies(n: int) -> list[Document]:
    docs = []
    for i in range(n):
        text = STORY
        for old, new in random.Random(i).sample(SYNONYMS, 3):
            text = text.replace(old, new, 1)
        docs.append(Document(id=f"copy{i:03d}", text=f"{text}Updated at {i // 60 % 24:02d}:{i % 60:02d}.\n",
                             sha256=f"{i:064x}", outlet=f"Outlet {i}", language="en", published="2024-11-18"))
    return docs


def test_three_hundred_edited_copies_are_one_group():
    docs = _edited_copies(300)
    started = time.perf_counter()
    groups = copy_groups({d.id: fold(d.text) for d in docs})
    print(f"copy detection, 300 copies: {time.perf_counter() - started:.3f} s")   # a figure, not a test
    assert len(groups) == 1 and len(groups[0].members) == 300


def test_three_hundred_edited_copies_are_one_source(tmp_path):
    for d in _edited_copies(300):
        (tmp_path / f"{d.id}.txt").write_text(d.text, encoding="utf-8")
    (tmp_path / "sources.yaml").write_text(yaml.safe_dump(
        {f"copy{i:03d}.txt": {"outlet": f"Outlet {i}", "language": "en", "published": "2024-11-18"}
         for i in range(300)}), encoding="utf-8")
    report = build_report(analyse(load_corpus([tmp_path])), "copies")
    duration = _fact(report, "duration")
    assert len({c["doc"] for c in duration["claims"]}) == 300
    assert duration["independent_sources"] == 1, duration["explanation"][:300]


def test_a_lead_date_makes_no_corroboration(tmp_path):
    # the call's day is written next to it in one article; the other is dated only by its page
    lead_only = """Stubb and Karis discuss cables — 18 November 2024

The presidents of Finland and Estonia, Alexander Stubb and Alar Karis, held a telephone conversation about the damaged cables.
"""
    report = _report(tmp_path, {"a": (STORY, "Outlet A", "2024-11-19"), "b": (lead_only, "Outlet B", "2024-11-18")})
    date = _fact(report, "date")
    by_doc = {c["doc"]: c for c in date["claims"]}
    assert by_doc["a"]["value"] == by_doc["b"]["value"] == {"date": {"start": "2024-11-18", "end": "2024-11-18"}}
    assert by_doc["b"]["inferred"] and not by_doc["a"]["inferred"]
    assert date["status"] == "single_source" and date["independent_sources"] == 1
    assert [s["documents"] for s in date["sources"]] == [["a"]]


def _every_fact(report: dict):
    for ev in report["events"]:
        yield from ev["facts"]


@pytest.mark.parametrize("fixture", ["seed_report"])
def test_every_explanation_counts_the_sources_it_lists(fixture, request):
    for f in _every_fact(request.getfixturevalue(fixture)):
        _check_count(f)


def _check_count(f: dict) -> None:
    n = f["independent_sources"]
    assert n == len(f["sources"]) >= 1, f
    if f["status"] == "corroborated":
        assert f["explanation"].startswith(f"{n} independent sources agree: ")
        assert f["explanation"].count("; ") == n - 1, f["explanation"]
    for s in f["sources"]:
        assert s["claimant"] in f["explanation"] or f["status"] == "conflict", (s, f["explanation"])


def test_every_dev_explanation_counts_the_sources_it_lists(tmp_path):
    shared = Path(__file__).resolve().parent.parent.parent / "shared" / "dev"
    if not shared.is_dir():
        pytest.skip(f"{shared} is missing (../shared beside the checkout holds the dev corpora)")
    for corpus in sorted(shared.iterdir()):
        if (corpus / "texts").is_dir():
            for f in _every_fact(build_report(analyse(load_corpus([corpus / "texts"])), corpus.name)):
                _check_count(f)


WIRE_A = """Baltic leaders seek cable inquiry

HELSINKI (Reuters) - Finland's president Alexander Stubb and Estonia's president Alar Karis spoke by telephone on Monday about the damaged undersea cables, a call that lasted half an hour.
"""

WIRE_B = """Cable damage: Stubb and Karis call for investigation

Helsinki - Reuters

The presidents of Finland and Estonia, Alexander Stubb and Alar Karis, discussed the broken cables on Monday in a 30-minute phone call and asked investigators to report within a month.
"""

CAPTION = """Stubb and Karis discuss cables

Alexander Stubb speaking in Helsinki last week (Reuters)

The presidents of Finland and Estonia, Alexander Stubb and Alar Karis, held a 30-minute phone call on Monday about the damaged cables.
"""


def test_two_outlets_running_one_agency_story_are_one_source(tmp_path):
    report = _report(tmp_path, {"a": (WIRE_A, "Outlet A", "2024-11-19"), "b": (WIRE_B, "Outlet B", "2024-11-19")})
    assert {d["id"]: d["wire"] for d in report["documents"]} == {"a": "Reuters", "b": "Reuters"}
    duration = _fact(report, "duration")
    assert {c["doc"] for c in duration["claims"]} == {"a", "b"}
    assert [s["claimant"] for s in duration["sources"]] == ["Reuters"]
    assert "| `b` | Outlet B | en | 2024-11-19 | – | – | – | Reuters |" in render_markdown(report)


def test_a_photo_credit_is_no_agency_copy(tmp_path):
    report = _report(tmp_path, {"a": (CAPTION, "Outlet A", "2024-11-19"), "b": (WIRE_A, "Outlet B", "2024-11-19")})
    assert {d["id"]: d["wire"] for d in report["documents"]} == {"a": None, "b": "Reuters"}
    duration = _fact(report, "duration")
    assert sorted(s["claimant"] for s in duration["sources"]) == ["Outlet A", "Reuters"]
    assert duration["status"] == "corroborated"


def test_the_seed_summary_opens_with_its_documents_and_shows_local_readings(seed_report):
    md = render_markdown(seed_report)
    table = md.index("## Documents (5)")
    assert table < md.index("## Conflicts")
    for d in seed_report["documents"]:
        assert f"| `{d['id']}` |" in md
    # a UTC time says what it was converted from
    assert "20:35 UTC 2021-12-30 — 15:35 Eastern Time" in md
    starts = [c for ev in seed_report["events"] for f in ev["facts"] if f["fact"] == "start_time"
              for c in f["claims"]]
    assert starts and all(c["value"]["utc"].get("local") for c in starts)


def test_each_claim_links_to_its_article(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(PESKOV_ONE, encoding="utf-8")
    (folder / "sources.yaml").write_text(yaml.safe_dump({"a.txt": {
        "outlet": "Outlet A", "language": "en", "published": "2024-03-08",
        "url": "https://news.example/putin-lukashenko"}}), encoding="utf-8")
    md = render_markdown(build_report(analyse(load_corpus([folder])), "links"))
    assert "in Outlet A ([`a`](https://news.example/putin-lukashenko))" in md
    assert "| <https://news.example/putin-lukashenko> |" in md
