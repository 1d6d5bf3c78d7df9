"""Review decisions: the log survives crashes, decisions survive corpus growth, and
merges, moves and splits change the recomputed verdicts."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
import yaml
from conftest import ROOT, SEEDS
from test_generalisation import FORTY_MINUTES
from typer.testing import CliRunner

from reconcile.cli import app
from reconcile.review.log import Decision, ReviewLog, review_path

runner = CliRunner()

EXTRA = """الكرملين يعلن موعد محادثات جديدة

موسكو - وكالات

أعلن المتحدث باسم الكرملين دميتري بيسكوف أن الرئيس الروسي فلاديمير بوتين سيجري اتصالا هاتفيا مع الرئيس الفرنسي إيمانويل ماكرون يوم الاثنين 3 يناير.
"""


def _corpus(tmp_path, extra: dict[str, tuple[str, str]]):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    manifest = yaml.safe_load((SEEDS / "sources.yaml").read_text(encoding="utf-8"))
    for name, (text, published) in extra.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
        manifest[f"{name}.txt"] = {"outlet": f"Outlet {name}", "language": "ar", "published": published}
    (corpus / "sources.yaml").write_text(yaml.safe_dump(manifest, allow_unicode=True), encoding="utf-8")
    return corpus


def _run(corpus, out):
    res = runner.invoke(app, ["run", str(corpus), "--out", str(out)])
    assert res.exit_code == 0, res.output
    return json.loads((out / "corpus.json").read_text(encoding="utf-8"))


def _fact(report, participants, day, fact):
    for ev in report["events"]:
        if set(participants) <= set(ev["participants"]) and ev["date"] and ev["date"]["start"] == day:
            for f in ev["facts"]:
                if f["fact"] == fact:
                    return ev, f
    return None, None


DEC30 = (["Joe Biden", "Vladimir Putin"], "2021-12-30")


@pytest.fixture()
def forty(tmp_path):
    corpus = _corpus(tmp_path, {"900_forty": (FORTY_MINUTES, "2021-12-31")})
    out = tmp_path / "out"
    return corpus, out, _run(corpus, out)


def test_a_decision_survives_a_growing_corpus(forty, tmp_path):
    corpus, out, report = forty
    _, dur = _fact(report, *DEC30, "duration")
    assert dur["status"] == "conflict"
    res = runner.invoke(app, ["decide", dur["id"], "-r", str(out / "corpus.json"), "--resolve", "50 min",
                              "--note", "the White House readout says 50", "--link", "https://example.org/readout"])
    assert res.exit_code == 0, res.output
    (corpus / "950_extra.txt").write_text(EXTRA, encoding="utf-8")
    manifest = yaml.safe_load((corpus / "sources.yaml").read_text(encoding="utf-8"))
    manifest["950_extra.txt"] = {"outlet": "Outlet extra", "language": "ar", "published": "2021-12-31"}
    (corpus / "sources.yaml").write_text(yaml.safe_dump(manifest, allow_unicode=True), encoding="utf-8")
    again = _run(corpus, out)
    _, dur2 = _fact(again, *DEC30, "duration")
    assert dur2["review"]["decision"] == "resolved"
    # the typed "50 min" is read with the duration rules and kept as a value
    assert dur2["review"]["value"] == {"minutes": {"min": 50, "max": 50}} and "readout" in dur2["review"]["note"]
    assert "950_extra" in {d["id"] for d in again["documents"]}
    assert any(c["doc"] == "950_extra" for ev in again["events"] for f in ev["facts"] for c in f["claims"])
    md = (out / "corpus.md").read_text(encoding="utf-8")
    assert "Reviewed: resolved" in md and "https://example.org/readout" in md


def test_decisions_that_match_nothing_are_listed_not_dropped(forty, tmp_path):
    corpus, out, report = forty
    _, dur = _fact(report, *DEC30, "duration")
    runner.invoke(app, ["decide", dur["id"], "-r", str(out / "corpus.json"), "--confirm"])
    (corpus / "900_forty.txt").unlink()
    # the 50-minute claim is still there, so the decision still has a fact; drop its words too
    log = ReviewLog(review_path(out / "corpus.json"))
    gone = Decision("confirm", claims=["c-doesnotexist"], fact="duration")
    log.append(gone)
    again = _run(corpus, out)
    assert gone.id in {d["id"] for d in again["review"]["unmatched"]}
    assert gone.id in (review_path(out / "corpus.json")).read_text(encoding="utf-8")


def test_merging_two_events_recomputes_their_facts(forty, tmp_path):
    corpus, out, report = forty
    ev_biden, f = _fact(report, ["Joe Biden", "Vladimir Putin"], "2022-02-12", "duration")
    ev_macron, _ = _fact(report, ["Emmanuel Macron", "Vladimir Putin"], "2022-02-12", "duration")
    assert f["status"] == "corroborated"
    res = runner.invoke(app, ["merge", ev_biden["id"], ev_macron["id"], "-r", str(out / "corpus.json")])
    assert res.exit_code == 0, res.output
    again = _run(corpus, out)
    _, merged = _fact(again, ["Joe Biden", "Vladimir Putin", "Emmanuel Macron"], "2022-02-12", "duration")
    assert merged["status"] == "conflict"                       # 100 min against about an hour
    assert len(again["events"]) == len(report["events"]) - 1


def test_moving_a_claim_recomputes_both_events(forty, tmp_path):
    corpus, out, report = forty
    _, dur = _fact(report, *DEC30, "duration")
    forty_claim = next(c["id"] for c in dur["claims"] if c["doc"] == "900_forty")
    dec7, _ = _fact(report, ["Joe Biden", "Vladimir Putin"], "2021-12-07", "duration")
    res = runner.invoke(app, ["move", forty_claim, dec7["id"], "-r", str(out / "corpus.json")])
    assert res.exit_code == 0, res.output
    again = _run(corpus, out)
    assert _fact(again, *DEC30, "duration")[1]["status"] == "single_source"
    _, dec7_duration = _fact(again, ["Joe Biden", "Vladimir Putin"], "2021-12-07", "duration")
    assert dec7_duration["status"] == "conflict"               # 40 min against two hours
    assert forty_claim in {c["id"] for c in dec7_duration["claims"]}


def test_splitting_an_entity_recomputes_what_its_spelling_carried(forty, tmp_path):
    corpus, out, report = forty
    putin = next(e for e in report["entities"] if e["name"] == "Vladimir Putin")
    variant = next(s for s in putin["surfaces"] if s.startswith("فلادمير"))
    res = runner.invoke(app, ["split", "vladimir-putin", variant, "--name", "Someone else",
                              "-r", str(out / "corpus.json")])
    assert res.exit_code == 0, res.output
    again = _run(corpus, out)
    assert _fact(again, *DEC30, "duration")[1]["status"] == "single_source"
    split_off = next(e for e in again["entities"] if e["name"] == "Someone else")
    assert split_off["surfaces"] == [variant]


def test_undo_takes_a_decision_back(forty, tmp_path):
    corpus, out, report = forty
    _, dur = _fact(report, *DEC30, "duration")
    runner.invoke(app, ["decide", dur["id"], "-r", str(out / "corpus.json"), "--dismiss", "--reason", "x"])
    assert runner.invoke(app, ["undo", "-r", str(out / "corpus.json")]).exit_code == 0
    again = _run(corpus, out)
    assert _fact(again, *DEC30, "duration")[1]["review"] is None
    log = ReviewLog(review_path(out / "corpus.json"))
    assert [d.action for d in log.decisions] == ["dismiss", "undo"] and log.effective() == []


def test_scriptable_commands_have_stable_exit_codes(forty, tmp_path):
    corpus, out, report = forty
    rep = str(out / "corpus.json")
    _, dur = _fact(report, *DEC30, "duration")
    assert runner.invoke(app, ["review", rep, "--list", "--fail-on-open"]).exit_code == 3
    assert runner.invoke(app, ["decide", "f-nosuchfact", "-r", rep, "--confirm"]).exit_code == 2
    assert runner.invoke(app, ["decide", dur["id"], "-r", rep]).exit_code == 2          # no action
    assert runner.invoke(app, ["decide", dur["id"], "-r", rep, "--dismiss"]).exit_code == 2   # no reason
    assert runner.invoke(app, ["decide", dur["id"], "-r", rep, "--confirm"]).exit_code == 0
    listed = runner.invoke(app, ["review", rep, "--list", "--status", "conflict", "--fail-on-open"])
    assert listed.exit_code == 0 and "confirmed" in listed.output


def test_a_torn_last_line_is_ignored_and_reported(tmp_path):
    log = ReviewLog(tmp_path / "r.review.jsonl")
    a = log.append(Decision("confirm", claims=["c-1"], fact="duration"))
    with open(log.path, "ab") as fh:
        fh.write(b'{"action": "dismiss", "claims": ["c-2"')          # the process died here
    again = ReviewLog(log.path)
    assert [d.id for d in again.decisions] == [a.id]
    assert len(again.problems) == 1 and "unfinished last line" in again.problems[0]
    b = again.append(Decision("confirm", claims=["c-3"], fact="date"))   # starts on a fresh line
    assert [d.id for d in ReviewLog(log.path).decisions] == [a.id, b.id]


WRITER = r"""
import sys
from reconcile.review.log import Decision, ReviewLog
log = ReviewLog(sys.argv[1])
i = 0
while True:
    d = log.append(Decision("confirm", claims=[f"c-{i:06d}"], fact="duration", note="x" * 2000))
    print(d.id, flush=True)          # printed only once the line is on disk
    i += 1
"""


def test_a_killed_writer_loses_nothing_it_finished(tmp_path):
    path = tmp_path / "kill.review.jsonl"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE,
                            text=True, cwd=ROOT)
    done = []
    deadline = time.time() + 20
    while len(done) < 40 and time.time() < deadline:
        line = proc.stdout.readline()
        if line:
            done.append(line.strip())
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    rest = proc.stdout.read().split()
    done += rest
    log = ReviewLog(path)
    ids = [d.id for d in log.decisions]
    assert len(done) >= 40
    assert set(done) <= set(ids)                         # every completed decision is there
    assert len(log.problems) <= 1                        # at most the one being written
    assert ids == sorted(ids, key=ids.index) and len(ids) == len(set(ids))


def test_decide_finds_the_report_under_reports_when_not_given(forty, tmp_path, monkeypatch):
    corpus, out, report = forty
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reports").mkdir()
    shutil.copy(out / "corpus.json", tmp_path / "reports" / "corpus.json")
    _, dur = _fact(report, *DEC30, "duration")
    res = runner.invoke(app, ["decide", dur["id"], "--confirm"])
    assert res.exit_code == 0, res.output
    assert ReviewLog(tmp_path / "reports" / "corpus.review.jsonl").effective()[0].action == "confirm"
    assert runner.invoke(app, ["decide", "f-nothing", "--confirm"]).exit_code == 2
