"""Commands that read a report: ``show`` (its facts as tables) and ``eval`` (against a gold file)."""
from __future__ import annotations

from pathlib import Path

import typer

from reconcile.cli.app import app
from reconcile.cli.common import Status, fail, load_report, short_value, table


@app.command()
def show(report: Path = typer.Argument(..., help="A JSON report written by 'reconcile run'."),
         status: Status | None = typer.Option(None, help="Only facts with this status."),
         event: str | None = typer.Option(None, help="Only this event id (e.g. E3)."),
         fmt: str = typer.Option("simple", "--fmt", help="Any tabulate format: simple, github, grid, plain...")):
    """Print a report's facts as tables in the terminal, conflicts first.

    Example: reconcile show reports/seeds.json --status conflict
    """
    data = load_report(report)
    from reconcile.records import STATUS_ORDER as order
    from reconcile.report.format import outlet_name
    urls = {d["id"]: d.get("url") or "" for d in data.get("documents") or []}
    rows = []
    for ev in data["events"]:
        if event and ev["id"] != event:
            continue
        for f in ev["facts"]:
            if status and f["status"] != status.value:
                continue
            d = ev["date"]
            day = "" if not d else d["start"] if d["start"] == d["end"] else f"{d['start']}..{d['end']}"
            for c in f["claims"]:
                rows.append((order[f["status"]], ev["id"], f["fact"], f["status"],
                             short_value(c["value"]), c["speaker"] or "-", outlet_name(c["outlet"]),
                             c["doc"], " ".join(c["text"].split()), ev["kind"], day,
                             " – ".join(ev["participants"]), urls.get(c["doc"], "")))
    if not rows:
        typer.echo("no facts match")
        return
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    headers = ["event", "fact", "status", "value", "speaker", "outlet", "document", "words", "kind", "date",
               "participants", "url"]
    typer.echo(table([r[1:] for r in rows], headers, fmt))


@app.command("eval")
def eval_cmd(report: Path = typer.Argument(..., help="A JSON report written by 'reconcile run'."),
             gold: Path = typer.Argument(..., help="A gold annotation of the same corpus (docs/gold.md)."),
             verbose: bool = typer.Option(False, "--verbose", "-v",
                                          help="Also list every missed claim, wrong status, entity problem "
                                               "and false conflict."),
             min_claim_recall: float | None = typer.Option(None, "--min-claim-recall", "--min-recall"),
             min_claim_precision: float | None = typer.Option(None, "--min-claim-precision", "--min-precision"),
             min_fact_accuracy: float | None = typer.Option(None, "--min-fact-accuracy", "--min-facts"),
             min_speaker_accuracy: float | None = typer.Option(None, "--min-speaker-accuracy", "--min-speakers"),
             min_entity_accuracy: float | None = typer.Option(None, "--min-entity-accuracy", "--min-entities"),
             min_quote_accuracy: float | None = typer.Option(None, "--min-quote-accuracy", "--min-quotes"),
             min_conflict_recall: float | None = typer.Option(
                 None, "--min-conflict-recall",
                 help="Share of the gold's clear conflicts (status exactly [conflict]) flagged as conflicts."),
             max_false_conflicts: int | None = typer.Option(None, "--max-false-conflicts")):
    """Score a report against a gold annotation: one summary line (-v: every miss).

    Example: reconcile eval reports/seeds.json gold/seeds.gold.yaml --min-recall 0.9 --max-false-conflicts 0

    Exit codes: 0 every threshold given holds, 1 one does not, 2 unreadable report or gold file.
    """
    from reconcile.evaluation.gold import GoldError, load_gold
    from reconcile.evaluation.scoring import score
    from reconcile.evaluation.summary import Thresholds, details, shortfalls, summary_line
    data = load_report(report)
    try:
        gold_data = load_gold(gold)
    except GoldError as exc:
        fail(str(exc), 2)
    result = score(data, gold_data)
    if verbose:
        for line in details(result):
            typer.echo(line)
    failed = shortfalls(result, Thresholds(
        claim_recall=min_claim_recall, claim_precision=min_claim_precision, fact_accuracy=min_fact_accuracy,
        speaker_accuracy=min_speaker_accuracy, entity_accuracy=min_entity_accuracy,
        quote_accuracy=min_quote_accuracy, conflict_recall=min_conflict_recall,
        max_false_conflicts=max_false_conflicts))
    typer.echo(summary_line(result, failed))
    if failed:
        raise typer.Exit(1)
