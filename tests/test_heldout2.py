"""The second held-out corpus (tests/corpora/heldout2/): articles written for this test, in the style
of wire copy and Arabic news sites, about events and leaders outside the dev corpora and the first
held-out corpus (Sisi-Erdogan call and their earlier meeting in Ankara, Sanchez-Lula talks in
Brasilia, King Abdullah II-Starmer call), with a gold file written before the tool was run. No rule was tuned on it: it is our stand-in for the hidden corpora.

Ratchet: the corpus scores at least what it scored the day the test was written (floors a little
under those scores; raise them when accuracy improves, never lower them to pass), and raises no
false conflict. Self-contained: nothing outside the checkout is read.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from reconcile.cli import app
from reconcile.report.writer import dumps

HELDOUT = Path(__file__).resolve().parent / "corpora" / "heldout2"
GOLD = HELDOUT / "gold.yaml"

# the scores of the day the test was written were
# events 4/4 | claims R=0.86 P=0.98 | facts 0.72 | speakers 0.53 | entities 0.83 | conflicts 1/1 | false 0
FLOORS: dict[str, str] = {
    "--min-claim-recall": "0.84",
    "--min-claim-precision": "0.96",
    "--min-fact-accuracy": "0.70",
    "--min-speaker-accuracy": "0.50",
    "--min-entity-accuracy": "0.80",
    "--min-conflict-recall": "1.0",
    "--max-false-conflicts": "0",
}


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    from reconcile.ingest.corpus import load_corpus
    from reconcile.pipeline import analyse
    from reconcile.report.writer import build_report
    path = tmp_path_factory.mktemp("heldout2") / "heldout2.json"
    path.write_text(dumps(build_report(analyse(load_corpus([HELDOUT])), "heldout2")), encoding="utf-8")
    return path


def _eval(report: Path, *args: str) -> tuple[int, str]:
    res = CliRunner().invoke(app, ["eval", str(report), str(GOLD), *args])
    return res.exit_code, res.stdout


def test_the_gold_names_exactly_the_corpus_files():
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    texts = sorted(p.stem for p in HELDOUT.glob("*.txt"))
    manifest = yaml.safe_load((HELDOUT / "sources.yaml").read_text(encoding="utf-8"))
    assert sorted(gold["documents"]) == texts
    assert sorted(Path(k).stem for k in manifest) == texts
    langs = [v["language"] for v in manifest.values()]
    assert langs.count("ar") == langs.count("en") == 5


def test_the_heldout_corpus_scores_no_worse_than_its_floors(report):
    floors = [x for option, floor in FLOORS.items() for x in (option, floor)]
    code, line = _eval(report, *floors)
    assert code == 0, f"the held-out corpus fell below its floors: {line}"


def test_the_heldout_corpus_raises_no_false_conflict_and_finds_the_real_one(report):
    code, line = _eval(report)
    assert code == 0
    assert "false conflicts 0" in line
    assert "conflicts found 1/1" in line
    assert "events 4/4 matched" in line
