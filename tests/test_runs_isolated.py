"""Runs in one process do not see each other: the gazetteer is frozen and what a run adds
(people discovered after a title, entities a reviewer split off) lives in that run's registry.
Several analyse() calls in a row, with different review decisions and in either order, write
the reports a fresh process writes for each."""
from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest
from conftest import SEEDS

from reconcile.entities.gazetteer import gazetteer
from reconcile.ingest.corpus import load_corpus
from reconcile.pipeline import analyse
from reconcile.report.writer import build_report, dumps, render_markdown
from reconcile.review.log import Decision, ReviewLog

VARIANT = "فلادمير بوتين"             # a spelling of Vladimir Putin in the seeds
DISCOVERED = "new-ايميلي-هورن"         # a person the seeds name after a title only

DECISIONS = {
    "none": [],
    "split": [Decision("split_entity", entity="vladimir-putin", surfaces=[VARIANT], new_name="Someone else")],
    # the same spellings under another name, and a split of a person a run discovers: a fresh
    # process has neither the earlier split-off entity nor the discovered person when it applies them
    "split_again": [Decision("split_entity", entity="vladimir-putin", surfaces=[VARIANT], new_name="Another person"),
                    Decision("split_entity", entity=DISCOVERED, surfaces=["إيميلي هورن"], new_name="Split off")],
}


@pytest.fixture(scope="module")
def fresh_process_reports(tmp_path_factory):
    """name -> (review log, JSON, Markdown) written by `reconcile run` in its own process."""
    out = {}
    for name, decisions in DECISIONS.items():
        folder = tmp_path_factory.mktemp(name)
        log = ReviewLog(folder / "seeds.review.jsonl")
        for d in decisions:
            log.append(dataclasses.replace(d))
        proc = subprocess.run([sys.executable, "-m", "reconcile.cli", "run", str(SEEDS), "--out", str(folder),
                               "--name", "seeds", "--review", str(log.path)], capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
        out[name] = (log, (folder / "seeds.json").read_text(encoding="utf-8"),
                     (folder / "seeds.md").read_text(encoding="utf-8"))
    return out


def _in_process(log: ReviewLog) -> tuple[str, str]:
    report = build_report(analyse(load_corpus([str(SEEDS)]), ReviewLog(log.path).effective()), "seeds")
    return dumps(report), render_markdown(report)


@pytest.mark.parametrize("order", [["split", "none", "split_again"], ["split_again", "split", "none"],
                                   ["none", "split_again", "split"]])
def test_runs_in_one_process_match_fresh_processes(fresh_process_reports, order):
    for name in order:
        log, json_text, md_text = fresh_process_reports[name]
        assert _in_process(log) == (json_text, md_text), f"{name} after {order[:order.index(name)]}"


def test_the_decisions_do_change_the_report(fresh_process_reports):
    _, plain, _ = fresh_process_reports["none"]
    _, split, _ = fresh_process_reports["split"]
    _, again, _ = fresh_process_reports["split_again"]
    assert "Someone else" in split and "Someone else" not in again and "Another person" in again
    assert DISCOVERED in plain and "Split off" not in again


def test_a_run_leaves_the_gazetteer_as_loaded(fresh_process_reports):
    before = dict(gazetteer().entities)
    _in_process(fresh_process_reports["split_again"][0])
    assert dict(gazetteer().entities) == before
    assert DISCOVERED not in before
    with pytest.raises(TypeError):
        gazetteer().entities["x"] = before["vladimir-putin"]     # type: ignore[index]
