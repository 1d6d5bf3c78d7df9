"""`reconcile eval`: a desk measures the tool on its own annotated corpus.  The scorer's rules
(one value shape at a time, statuses, speakers, entities, quotes, false conflicts), the gold
file's checks (one line naming file and line, exit 2), thresholds (exit 1) and the summary line."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from reconcile.cli import app
from reconcile.evaluation.gold import GoldError, gold_from_data, load_gold
from reconcile.evaluation.names import Names
from reconcile.evaluation.scoring import score
from reconcile.evaluation.summary import Thresholds, shortfalls, summary_line
from reconcile.evaluation.values import value_matches
from reconcile.report.writer import dumps

ROOT = Path(__file__).resolve().parent.parent
SEED_GOLD = ROOT / "gold" / "seeds.gold.yaml"
NO_NAMES = Names({})


def _runner() -> CliRunner:
    try:
        return CliRunner(mix_stderr=False)
    except TypeError:
        return CliRunner()


# --------------------------------------------------------------------------- value shapes

@pytest.mark.parametrize("gold, got, ok", [
    ({"minutes": [40, 40]}, {"minutes": {"min": 41, "max": 45}}, True),     # one minute of slack
    ({"minutes": [40, 40]}, {"minutes": {"min": 42, "max": 45}}, False),
    ({"minutes": [30, 40]}, {"minutes": {"min": None, "max": 45}}, False),
    ({"utc": "2019-06-02T08:10"}, {"utc": {"start": "2019-06-02T08:11Z", "end": "2019-06-02T08:20Z"}}, True),
    ({"utc": "2019-06-02T08:10"}, {"utc": {"start": "2019-06-02T11:12+03:00",
                                           "end": "2019-06-02T11:30+03:00"}}, False),
    ({"date": "2019-06-02"}, {"date": {"start": "2019-06-01", "end": "2019-06-03"}}, True),
    ({"date": ["2019-06-04", "2019-06-05"]}, {"date": {"start": "2019-06-01", "end": "2019-06-03"}}, False),
    ({"entity": "Recep Tayyip Erdogan"}, {"entity": "recep tayyip  erdoğan"}, True),
    ({"entity": "United States"}, {"entity": "Washington"}, True),                 # a known alias
    ({"medium": "video"}, {"medium": "Video"}, True),
    ({"medium": "video"}, {"minutes": {"min": 1, "max": 2}}, False),
])
def test_each_value_shape_has_its_tolerance(gold, got, ok):
    assert value_matches(gold, got, NO_NAMES) is ok


def test_the_reports_entity_table_adds_spellings():
    names = Names({"entities": [{"id": "mohammed-bin-salman", "name": "Mohammed bin Salman",
                                 "labels": {"en": "MBS"}}]})
    assert names.same("MBS", "Mohammed bin Salman")
    assert names.same("Sergey Shoygu", "Sergei Shoigu")                            # transliteration
    assert not names.same("Olaf Scholz", "Emmanuel Macron")


# --------------------------------------------------------------------------- scoring

def _report(facts, *, participants=("Narendra Modi", "Fumio Kishida"), entities=(), quotes=()):
    return {"entities": list(entities), "quotes": list(quotes), "events": [
        {"id": "E1", "kind": "call", "participants": list(participants),
         "date": {"start": "2023-03-20", "end": "2023-03-20"}, "facts": facts}]}


def _claim(doc, minutes, speaker=None):
    return {"doc": doc, "value": {"minutes": {"min": minutes, "max": minutes}}, "speaker": speaker}


def _gold(status, claims, *, optional=False, entities=(), quotes=()):
    return gold_from_data({"events": [{
        "id": "g1", "kind": "call", "participants": ["Narendra Modi", "Fumio Kishida"], "date": "2023-03-20",
        "facts": [{"fact": "duration", "status": status, "optional": optional, "claims": claims}]}],
        "entities": list(entities), "quotes": list(quotes)})


def test_a_found_claim_with_its_speaker_and_status_scores_full():
    gold = _gold(["single_source"], [{"doc": "a", "value": {"minutes": [35, 35]}, "speaker": "Fumio Kishida"}])
    report = _report([{"fact": "duration", "status": "single_source",
                       "claims": [_claim("a", 35, "Fumio Kishida"), _claim("a", 90)]}])
    r = score(report, gold)
    assert (r.events_matched, r.claim_recall, r.fact_accuracy, r.speaker_accuracy) == (1, 1.0, 1.0, 1.0)
    assert r.claim_precision == 0.5                      # the 90-minute claim is not in the gold
    assert r.misses == [] and r.false_conflicts == []


def test_a_wrong_status_and_an_unflagged_conflict_are_counted():
    gold = _gold(["conflict"], [{"doc": "a", "value": {"minutes": [35, 35]}},
                                {"doc": "b", "value": {"minutes": [70, 70]}}])
    report = _report([{"fact": "duration", "status": "corroborated", "claims": [_claim("a", 35), _claim("b", 70)]}])
    r = score(report, gold)
    assert (r.claim_recall, r.fact_accuracy, r.conflicts_found, r.conflicts_gold) == (1.0, 0.0, 0, 1)
    assert r.misses == ["g1/duration: status ['corroborated'], gold ['conflict']"]


def test_a_conflict_the_gold_does_not_list_is_false_unless_the_fact_is_optional():
    claims = [{"doc": "a", "value": {"minutes": [35, 35]}}]
    report = _report([{"fact": "duration", "status": "conflict", "claims": [_claim("a", 35), _claim("b", 70)]}])
    assert score(report, _gold(["single_source"], claims)).false_conflicts == ["E1/duration"]
    assert score(report, _gold(["single_source"], claims, optional=True)).false_conflicts == []


def test_a_missed_claim_and_an_unmatched_event_are_named():
    gold = _gold(["single_source"], [{"doc": "a", "value": {"minutes": [35, 35]}}])
    r = score(_report([], participants=("Olaf Scholz", "Justin Trudeau")), gold)
    # no shared participant, but the very same single day: still the same event
    assert r.events_matched == 1 and r.claim_recall == 0.0
    assert r.misses == ["g1/duration: no claim from a with {'minutes': [35, 35]}"]


def test_entities_every_spelling_one_entity_and_no_merge():
    entities = [{"id": "olaf-scholz", "name": "Olaf Scholz", "surfaces": ["أولاف شولتس", "شولتز"]},
                {"id": "germany", "name": "Germany", "surfaces": ["ألمانيا"]}]
    gold = _gold(["single_source"], [], entities=[
        {"name": "Olaf Scholz", "surfaces": ["اولاف شولتس", "شولتز"]},        # hamza folded
        {"name": "Germany", "surfaces": ["ألمانيا", "برلين"]}])                # Berlin not resolved
    r = score(_report([], entities=entities), gold)
    assert r.entity_accuracy == 0.5
    assert r.misses[-1] == "entity Germany: surfaces resolve to ['None', 'germany']"


def test_two_gold_people_resolved_to_one_entity_is_a_wrong_merge():
    entities = [{"id": "ahmed", "name": "Ahmed Aboul Gheit", "surfaces": ["أحمد أبو الغيط", "أحمد عطاف"]}]
    gold = _gold(["single_source"], [], entities=[{"name": "Ahmed Aboul Gheit", "surfaces": ["أحمد أبو الغيط"]},
                                                  {"name": "Ahmed Attaf", "surfaces": ["أحمد عطاف"]}])
    r = score(_report([], entities=entities), gold)
    assert r.entity_accuracy == 0.0 and "entities merged: {'ahmed'}" in r.misses


def test_a_carried_quotation_must_be_aligned_across_its_documents():
    quote = {"speaker": "Ursula von der Leyen", "status": ["corroborated"], "docs": ["a", "b"],
             "text": "we will stand with our partners for as long as it takes"}
    report_quote = {"status": "corroborated", "text": "We will stand with our partners, for as long as it takes.",
                    "claims": [{"doc": "a"}, {"doc": "b"}, {"doc": "c"}]}
    gold = _gold(["single_source"], [], quotes=[quote])
    assert score(_report([], quotes=[report_quote]), gold).quote_accuracy == 1.0
    one_doc = dict(report_quote, claims=[{"doc": "a"}])
    assert score(_report([], quotes=[one_doc]), gold).quote_accuracy == 0.0


def test_thresholds_are_reported_in_the_summary_line():
    gold = _gold(["conflict"], [{"doc": "a", "value": {"minutes": [35, 35]}}])
    r = score(_report([{"fact": "duration", "status": "single_source", "claims": [_claim("a", 35)]}]), gold)
    failed = shortfalls(r, Thresholds(fact_accuracy=0.5, conflict_recall=1.0, max_false_conflicts=0))
    assert failed == ["fact_accuracy 0.00 < 0.5", "conflict_recall 0/1 < 1.0"]
    assert summary_line(r, failed) == (
        "events 1/1 matched (1 in report) | claims R=1.00 P=1.00 | facts 0.00 | speakers 1.00 | "
        "entities 1.00 | quotes 1.00 | conflicts found 0/1 | false conflicts 0 | "
        "BELOW: fact_accuracy 0.00 < 0.5; conflict_recall 0/1 < 1.0")


# --------------------------------------------------------------------------- gold files

def test_the_projects_seed_gold_is_valid():
    gold = load_gold(SEED_GOLD)
    assert gold.corpus == "seeds" and gold.events and gold.entities and gold.quotes


@pytest.mark.parametrize("text, expected", [
    ("", "empty gold file"),
    ("events: [\n", ":2: malformed YAML"),
    ("events:\n  - id: x\n    kind: phonecall\n    participants: [A]\n    date: 2020-02-02\n", ":3: 'kind': 'phonecall'"),
    ("events:\n  - id: x\n    kind: call\n    participants: [A]\n", ":2: 'date' is missing"),
    ("events:\n  - id: x\n    kind: call\n    participants: [A]\n    date: 2020-02-02\n    facts:\n"
     "      - fact: duration\n        status: [single_source]\n        claims:\n"
     "          - {doc: d, value: {minutes: 5}}\n", ":10: 'minutes'"),
    ("events: []\nevnets: []\n", "'evnets' was unexpected"),
])
def test_a_bad_gold_file_is_one_line_naming_file_and_line(tmp_path, text, expected):
    path = tmp_path / "bad.gold.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GoldError) as err:
        load_gold(path)
    message = str(err.value)
    assert message.startswith(str(path)) and expected in message and "\n" not in message


# --------------------------------------------------------------------------- the command

@pytest.fixture(scope="module")
def seed_report_file(tmp_path_factory, seed_report):
    path = tmp_path_factory.mktemp("eval") / "seeds.json"
    path.write_text(dumps(seed_report), encoding="utf-8")
    return path


def test_eval_prints_one_summary_line_and_exits_0(seed_report_file):
    res = _runner().invoke(app, ["eval", str(seed_report_file), str(SEED_GOLD), "--min-recall", "0.5"])
    assert res.exit_code == 0, res.output
    assert res.stdout.count("\n") == 1 and res.stdout.startswith("events ") and "BELOW" not in res.stdout


def test_eval_exits_1_below_a_threshold_and_v_lists_the_misses(seed_report_file, tmp_path):
    report = json.loads(seed_report_file.read_text(encoding="utf-8"))
    broken = copy.deepcopy(report)
    for ev in broken["events"]:
        for f in ev["facts"]:
            f["status"] = "conflict"
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    res = _runner().invoke(app, ["eval", str(path), str(SEED_GOLD), "-v", "--max-false-conflicts", "1",
                                 "--min-facts", "0.9"])
    assert res.exit_code == 1
    lines = res.stdout.splitlines()
    assert any(line.startswith("false conflict: E") for line in lines)
    assert any(line.startswith("miss: ") and "status ['conflict']" in line for line in lines)
    assert "BELOW: fact_accuracy" in lines[-1] and "false_conflicts" in lines[-1]


@pytest.mark.parametrize("which", ["report", "gold"])
def test_eval_exits_2_on_unusable_input_without_a_traceback(seed_report_file, tmp_path, which):
    bad = tmp_path / ("bad.json" if which == "report" else "bad.yaml")
    bad.write_text("{not json" if which == "report" else "events: 3\n", encoding="utf-8")
    args = [str(bad), str(SEED_GOLD)] if which == "report" else [str(seed_report_file), str(bad)]
    res = _runner().invoke(app, ["eval", *args])
    assert res.exit_code == 2
    err = res.stderr.strip()
    assert str(bad) in err and "\n" not in err and "Traceback" not in res.output


def test_gold_values_read_the_same_whether_yaml_dates_are_quoted_or_not(tmp_path):
    plain = yaml.safe_load("date: 2023-03-20")["date"]
    path = tmp_path / "g.yaml"
    path.write_text(f"events:\n  - {{id: g, kind: call, participants: [A], date: {plain}}}\n"
                    f"  - {{id: h, kind: call, participants: [A], date: '{plain}'}}\n", encoding="utf-8")
    first, second = load_gold(path).events
    assert first.date == second.date == "2023-03-20"


# --------------------------------------------------------------------------- how a claim was attached

def test_the_review_card_shows_how_a_claim_was_attached_when_the_report_says(seed_report):
    from reconcile.review.model import attachment
    from reconcile.review.widgets import ClaimCard
    claim = copy.deepcopy(seed_report["events"][0]["facts"][0]["claims"][0])
    claim.pop("attached_by", None)
    assert attachment(claim) is None
    assert "attached" not in ClaimCard(1, claim, None, bidi=False)._head.plain
    claim["attached_by"] = "event_date"
    assert attachment(claim) == "the event's date"
    assert "attached  the event's date" in ClaimCard(1, claim, None, bidi=False)._head.plain
    assert attachment(dict(claim, attached_by="nearest_trigger")) == "nearest trigger"   # a basis added later


def test_claims_lists_the_mention_each_claim_is_tied_to():
    res = _runner().invoke(app, ["claims", str(ROOT / "seeds" / "004_37c19ced86855876.txt"), "--fmt", "plain"])
    assert res.exit_code == 0, res.output
    header, *rows = res.stdout.splitlines()
    assert header.split()[-1] == "mention" or "attached by" in header
    assert rows and all("«" in r or "main event" in r or "article lead" in r for r in rows)
