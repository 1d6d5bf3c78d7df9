"""Worst-case inputs (issue 10, "linear time and bounded output"): one test per corner found with
the profiler, each on a generated long article, asserting that what the run builds and writes
is bounded.  No timing is asserted (bench/bench_pathological.py measures that)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reconcile.cli import app
from reconcile.engine.normalise import normalise
from reconcile.extract.context import language_context
from reconcile.extract.sentences import EXCERPT_CHARS, MAX_SENTENCE_CHARS, _anchor, sentence_spans
from reconcile.ingest.metadata import _words
from reconcile.records import Segment
from reconcile.report.writer import validate
from reconcile.verdicts import MAX_CONFLICT_PAIRS, MAX_RESTATEMENTS

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import bench_pathological as bp  # noqa: E402

SIZE = 60_000      # big enough to show a quadratic corner's output, small enough for the suite


def _report(tmp_path: Path, name: str, text: str) -> tuple[dict, int]:
    src = tmp_path / "in"
    src.mkdir()
    (src / f"{name}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    res = CliRunner().invoke(app, ["run", str(src), "--out", str(out)])
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    report = json.loads((out / "in.json").read_text(encoding="utf-8"))
    assert validate(report) == []
    return report, sum(p.stat().st_size for p in out.iterdir())


def _claims(report: dict) -> list[dict]:
    return [c for ev in report["events"] for f in ev["facts"] for c in f["claims"]]


def test_anchoring_many_clauses_is_nearest_event_clause_before_else_after():
    has = [False, False, True] + [False] * 5000 + [True, False]
    segs = [Segment(i, i + 1, 0) for i in range(len(has))]
    _anchor(segs, has, 7)
    assert [s.anchor for s in segs[:4]] == [9, 9, 9, 9]
    assert segs[5002].anchor == 9 and segs[5003].anchor == 7 + 5003 and segs[5004].anchor == 7 + 5003
    alone = [Segment(0, 1, 0), Segment(1, 2, 0)]
    _anchor(alone, [False, False], 0)
    assert [s.anchor for s in alone] == [None, None]


@pytest.mark.parametrize("lang,case", [("en", "no_punct_en"), ("ar", "no_punct_ar"), ("ar", "commas_ar")])
def test_an_unpunctuated_article_is_read_in_bounded_sentences(lang, case):
    text = normalise(bp.CASES[case](SIZE)).text
    spans = sentence_spans(language_context(lang), text)
    assert max(e - s for s, e in spans) <= MAX_SENTENCE_CHARS
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    # nothing but the spaces at the cuts is left out
    assert sum(e - s for s, e in spans) >= len(text.strip()) - len(spans) * 2


@pytest.mark.parametrize("case", ["no_punct_en", "no_punct_ar", "repeated_claims_en", "repeated_claims_ar"])
def test_restated_claims_are_listed_a_bounded_number_of_times(tmp_path, case):
    report, size = _report(tmp_path, case, bp.CASES[case](SIZE))
    claims = _claims(report)
    assert claims
    assert all(len(c["sentence"]) <= EXCERPT_CHARS for c in claims)
    for ev in report["events"]:
        for f in ev["facts"]:
            per: dict[str, int] = {}
            for c in f["claims"]:
                k = json.dumps([c["doc"], c["value"], c["speaker"], c["hedge"], c["inferred"]])
                per[k] = per.get(k, 0) + 1
            assert max(per.values()) <= MAX_RESTATEMENTS
            listed = {c["id"] for c in f["claims"]}
            assert all(i in listed for s in f["sources"] for i in s["claims"])
    assert any(c.get("restatements", 0) > 100 for c in claims)
    assert size < 200_000


def test_hundreds_of_different_values_list_a_bounded_number_of_conflicting_pairs(tmp_path):
    text = "".join(f"Putin and Biden spoke by phone for {i % 300 + 1} minutes on Tuesday, the Kremlin said. "
                   for i in range(600))
    report, size = _report(tmp_path, "varied", text)
    facts = [f for ev in report["events"] for f in ev["facts"] if f["fact"] == "duration"]
    assert facts and facts[0]["status"] == "conflict"
    assert 0 < len(facts[0]["conflicting_pairs"]) <= MAX_CONFLICT_PAIRS
    assert facts[0]["self_contradictions"] == ["varied"]
    assert size < 2_000_000


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("mark", [".", "!", "?", "؟"])
def test_a_long_run_of_sentence_marks_is_one_sentence_end(lang, mark):
    ctx = language_context(lang)
    run = mark * 200_000
    ends = [m.end() for m in ctx.sentence_end.finditer(f"a {run}x b{run} c")]
    assert ends == ([] if lang == "en" and mark == "؟" else [2 + len(run) + 3 + len(run)])


def test_sentence_end_after_an_abbreviation_still_ends_at_a_run_of_dots():
    ctx = language_context("en")
    assert [m.end() for m in ctx.sentence_end.finditer("mr. smith. gen.. x... y")] == [10, 16, 21]


def test_dateline_word_count_stops_early_on_a_one_line_article():
    t = "word " * 100_000
    assert _words(t, 0, len(t), 9) == 9
    assert _words("  a b ", 0, 6, 9) == len("  a b ".split())
    assert _words("x\u2003y\x1cz", 0, 5, 9) == len("x\u2003y\x1cz".split())
