"""A hand-edited review log: every bad line is reported (file:line) and skipped by every command;
appends are locked, never through a symlink; undo is race-free; typed values are checked."""
from __future__ import annotations

import json
import multiprocessing
import os

import pytest
from typer.testing import CliRunner

from reconcile.cli import app as cli
from reconcile.review.log import Decision, ReviewError, ReviewLog, parse_line
from reconcile.review.values import parse_resolved

GOOD = {"action": "confirm", "fact": "duration", "claims": ["c-1"], "id": "d-1", "at": "2022-01-01T00:00:00Z"}
BAD_LINES = [
    b'{"action": "confirm", "fact": "duration", "cla',                       # truncated
    b'{"action": "confirm", "fact": 3, "claims": ["c"], "id": "d", "at": "2022-01-01T00:00:00Z"}',
    b'{"action": "confirm", "fact": "d", "claims": "c-1", "id": "d", "at": "2022-01-01T00:00:00Z"}',
    b'{"action": "explode", "id": "d", "at": "2022-01-01T00:00:00Z"}',
    b'{"action": "resolve", "fact": "duration", "claims": ["c"], "value": NaN, "id": "d", "at": "2022-01-01T00:00:00Z"}',
    b'{"action": "resolve", "fact": "duration", "claims": ["c"], "value": Infinity, "id": "d", "at": "x"}',
    b'{"action": "confirm", "fact": "caf\xe9", "claims": ["c"], "id": "d", "at": "2022-01-01T00:00:00Z"}',
    b'[1, 2, 3]', b'"just a string"', b'null', b'42',
    b'{"action": "undo", "id": "d", "at": "2022-01-01T00:00:00Z"}',               # undoes nothing
    b'{"action": "merge_events", "claims": ["c-1"], "id": "d", "at": "2022-01-01T00:00:00Z"}',
    b'{"action": "confirm", "fact": "duration", "claims": ["c"], "id": "d", "at": "yesterday"}',
    b'{"action": "confirm", "fact": "duration", "claims": ["c"], "id": "d", "at": "2022-01-01T00:00:00Z", "x": 1}',
    b'{"action": "confirm", "fact": "duration", "claims": ["c"], "id": "d", "at": "2022-01-01T00:00:00Z"} trailing',
    b'{"action": "split_entity", "entity": "e", "surfaces": [], "id": "d", "at": "2022-01-01T00:00:00Z"}',
    b'{"action": "confirm", "fact": "d", "claims": ["\\udce9"], "id": "d", "at": "2022-01-01T00:00:00Z"}',
    b'[' * 100000,
]


@pytest.mark.parametrize("line", BAD_LINES, ids=range(len(BAD_LINES)))
def test_each_bad_line_is_refused_with_a_message(line):
    with pytest.raises(ValueError):
        parse_line(line)


def test_bad_lines_are_reported_by_line_and_skipped(tmp_path):
    path = tmp_path / "r.review.jsonl"
    good = json.dumps(GOOD).encode()
    path.write_bytes(b"\n".join([good, *BAD_LINES, good.replace(b"d-1", b"d-2")]) + b"\n" + b'{"action": "con')
    log = ReviewLog(path)
    assert [d.id for d in log.decisions] == ["d-1", "d-2"]
    assert len(log.problems) == len(BAD_LINES) + 1
    assert log.problems[0].startswith(f"{path}:2:") and "unfinished last line" in log.problems[-1]
    log.append(Decision("undo", undoes="d-2"))       # a torn tail: the new line starts afresh
    assert [d.id for d in ReviewLog(path).decisions][-1] != "d-2" and len(ReviewLog(path).decisions) == 3


def test_every_command_survives_a_bad_log(tmp_path, seed_report):
    from reconcile.report.writer import dumps
    report = tmp_path / "seeds.json"
    report.write_text(dumps(seed_report), encoding="utf-8")
    log = tmp_path / "seeds.review.jsonl"
    log.write_bytes(b"\n".join(BAD_LINES) + b"\n")
    runner = CliRunner()
    fact = next(f for ev in seed_report["events"] for f in ev["facts"])
    for args in (["review", str(report), "--list"], ["decide", fact["id"], "-r", str(report), "--confirm"],
                 ["undo", "-r", str(report)], ["show", str(report)]):
        res = runner.invoke(cli, args)
        assert res.exception is None or isinstance(res.exception, SystemExit), (args, res.output)
        assert res.exit_code in (0, 2), (args, res.output)
    res = runner.invoke(cli, ["decide", fact["id"], "-r", str(report), "--confirm", "--note", "caf\udce9"])
    assert res.exit_code == 2 and "UTF-8" in res.output


def test_a_symlinked_log_is_not_written_through(tmp_path):
    target = tmp_path / "elsewhere.txt"
    target.write_text("keep\n")
    link = tmp_path / "r.review.jsonl"
    link.symlink_to(target)
    with pytest.raises(OSError, match="symbolic link"):
        ReviewLog(link).append(Decision("undo", undoes="d-1"))
    assert target.read_text() == "keep\n"


def _undo_last(path: str, barrier) -> None:
    barrier.wait()
    log = ReviewLog(path)

    def make(current):
        last = current.last_undoable()
        if last is None:
            raise ReviewError("nothing to undo")
        return Decision("undo", undoes=last.id)
    try:
        log.append_with(make)
    except ReviewError:
        pass


def test_concurrent_undos_never_take_back_the_same_decision(tmp_path):
    path = tmp_path / "r.review.jsonl"
    log = ReviewLog(path)
    for i in range(3):
        log.append(Decision("confirm", fact="duration", claims=[f"c-{i}"], id=f"d-{i}"))
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(4)
    procs = [ctx.Process(target=_undo_last, args=(str(path), barrier)) for _ in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(20)
    undone = [d.undoes for d in ReviewLog(path).decisions if d.action == "undo"]
    assert len(undone) == len(set(undone)) and len(undone) == 3 and not ReviewLog(path).effective()
    assert os.stat(path).st_size > 0


def test_resolved_values_are_read_with_the_facts_rules():
    assert parse_resolved("duration", "45 min") == {"minutes": {"min": 45, "max": 45}}
    assert parse_resolved("date", "2021-12-30") == {"date": {"start": "2021-12-30", "end": "2021-12-30"}}
    for fact, typed in (("duration", "roughly fifty"), ("duration", "50"), ("date", "soon"), ("start_time", "x")):
        with pytest.raises(ReviewError):
            parse_resolved(fact, typed)


def test_a_merge_anchored_on_a_lead_date_is_applied(seed_report):
    """An event whose smallest claim id is a date read from the article's lead (its id carries a
    suffix): both the new anchors (own claims) and an old decision naming the lead claim apply."""
    from conftest import SEEDS

    from reconcile.ingest.corpus import load_corpus
    from reconcile.pipeline import analyse
    from reconcile.review.log import event_claims, merge_decision
    events = seed_report["events"]
    lead = [ev for ev in events if any(c["inferred"] for f in ev["facts"] for c in f["claims"])]
    assert lead, "the seeds have an event dated from an article's lead"
    a = lead[0]
    b = next(ev for ev in events if ev["id"] != a["id"])
    old = Decision("merge_events", claims=[event_claims(a)[0], event_claims(b)[0]], note="same call")
    for d in (merge_decision(seed_report, a["id"], b["id"], note="same call"), old):
        result = analyse(load_corpus([SEEDS]), [d])
        assert d not in result.unmatched and len(result.events) == len(events) - 1
