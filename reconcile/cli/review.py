"""Review commands: the app, ``review --list``, and the decisions recorded without it."""
from __future__ import annotations

from pathlib import Path

import typer

from reconcile.cli.app import app
from reconcile.cli.common import Status, err, fail, load_report, table


def review_target(report: Path):
    from reconcile.review.log import ReviewLog, review_path
    data = load_report(report)
    return data, ReviewLog(review_path(report))


def find_report(report: Path | None, handle: str | None) -> Path:
    """The report a decision is about: the one given, else the only report under reports/
    that holds the fact, claim or event named."""
    if report is not None:
        return report
    candidates = []
    for p in sorted(Path("reports").glob("*.json")):
        try:
            text = p.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if '"schema": "reconcile.report/' in text[:200] and (handle is None or f'"{handle}"' in text):
            candidates.append(p)
    if len(candidates) != 1:
        where = "none" if not candidates else ", ".join(map(str, candidates))
        fail(f"say which report with --report (reports/*.json holding '{handle}': {where})", 2)
    return candidates[0]


def record(report: Path | None, make, handle: str | None = None) -> None:
    from reconcile.review.log import ReviewError
    report = find_report(report, handle)
    data, log = review_target(report)
    for warning in log.problems:
        err(f"warning: {warning}")
    try:
        # made under the log's lock, on the log as it is on disk now (two undos never take
        # back the same decision)
        d = log.append_with(lambda current: make(data, current))
    except ReviewError as exc:
        fail(str(exc), 2)
    except OSError as exc:
        fail(f"cannot write {log.path}: {exc.strerror or exc}", 1)
    from reconcile.report.format import terminal_safe
    typer.echo(terminal_safe(f"{log.path}: recorded {d.action} {d.id}; "
                             "run `reconcile run` again to recompute the report"))


REPORT_OPT = typer.Option(None, "--report", "-r",
                          help="The JSON report the decision is about "
                               "(default: the one under reports/ holding the id).")


@app.command()
def decide(fact: str = typer.Argument(..., help="A fact id (f-...) from the report, or one of its claim ids."),
           report: Path | None = REPORT_OPT,
           confirm: bool = typer.Option(False, "--confirm", help="The conflict is real."),
           dismiss: bool = typer.Option(False, "--dismiss", help="Not a real conflict (give --reason)."),
           resolve: str | None = typer.Option(None, "--resolve", help="The verified value."),
           claim: str | None = typer.Option(None, "--claim", help="With --resolve: the claim that is right."),
           reason: str | None = typer.Option(None, help="Why (required to dismiss)."),
           note: str | None = typer.Option(None, help="A note for the story file."),
           link: str | None = typer.Option(None, help="A source backing the decision."),
           reviewer: str | None = typer.Option(None, help="Who decided.")):
    """Record a decision on a fact without opening the review app.

    Example: reconcile decide f-1a2b3c4d5e -r reports/seeds.json --dismiss --reason "different calls"

    Exit codes: 0 recorded, 1 the review file cannot be written, 2 bad arguments or unknown id.
    """
    from reconcile.review.log import fact_decision
    chosen = [x for x in (confirm, dismiss, resolve is not None or claim is not None) if x]
    if len(chosen) != 1:
        fail("give exactly one of --confirm, --dismiss, --resolve", 2)
    action = "confirm" if confirm else "dismiss" if dismiss else "resolve"
    record(report, lambda data, _: fact_decision(data, fact, action, value=resolve, right_claim=claim,
                                                reason=reason, note=note, link=link, reviewer=reviewer), fact)


@app.command()
def move(claim: str = typer.Argument(..., help="The claim id to move."),
         event: str = typer.Argument(..., help="The event id it belongs to (e.g. E3)."),
         report: Path | None = REPORT_OPT, note: str | None = typer.Option(None)):
    """Mark a claim as attached to the wrong event and move it.

    Example: reconcile move c-0123456789 E3 -r reports/seeds.json
    """
    from reconcile.review.log import move_decision
    record(report, lambda data, _: move_decision(data, claim, event, note=note), claim)


@app.command()
def merge(event_a: str = typer.Argument(...), event_b: str = typer.Argument(...),
          report: Path | None = REPORT_OPT, note: str | None = typer.Option(None)):
    """Say two events are one.

    Example: reconcile merge E3 E4 -r reports/seeds.json
    """
    from reconcile.review.log import merge_decision
    record(report, lambda data, _: merge_decision(data, event_a, event_b, note=note))


@app.command()
def split(entity: str = typer.Argument(..., help="Entity id or name."),
          surfaces: list[str] = typer.Argument(..., help="The spellings that belong to someone else."),
          name: str | None = typer.Option(None, "--name", help="Who they are."),
          report: Path | None = REPORT_OPT):
    """Split spellings off an entity (they name someone else).

    Example: reconcile split vladimir-putin "فلاديمير" --name "Vladimir (unknown)" -r reports/seeds.json
    """
    from reconcile.review.log import split_decision
    record(report, lambda data, _: split_decision(data, entity, surfaces, new_name=name), entity)


@app.command()
def undo(report: Path | None = REPORT_OPT,
         decision: str | None = typer.Argument(None, help="Decision id (default: the last one in force).")):
    """Take a decision back (the log keeps both).

    Example: reconcile undo -r reports/seeds.json
    """
    from reconcile.review.log import Decision, ReviewError

    report = find_report(report, None)

    def make(data, log):
        target = decision or (log.last_undoable().id if log.last_undoable() else None)
        if not target or target not in {d.id for d in log.effective()}:
            raise ReviewError("nothing to undo" if not target else f"no decision '{target}' in force")
        return Decision("undo", undoes=target)
    record(report, make)


@app.command("review")
def review_cmd(report: Path = typer.Argument(..., help="A JSON report written by 'reconcile run'."),
               list_: bool = typer.Option(False, "--list", help="Print the facts and their review state; no app."),
               status: Status | None = typer.Option(None, help="With --list: only this status."),
               fail_on_open: bool = typer.Option(False, "--fail-on-open",
                                                 help="With --list: exit 3 when a conflict has no decision.")):
    """Review flagged facts: the full-screen app, or --list for scripts.

    Example: reconcile review reports/seeds.json --list --status conflict

    Exit codes: 0 fine, 2 not a report, 3 (--fail-on-open) conflicts without a decision.
    """
    data, log = review_target(report)
    for warning in log.problems:
        err(f"warning: {warning}")
    if not list_:
        from reconcile.review.app import run_app
        run_app(report, data, log)
        return
    from reconcile.records import REVIEW_ORDER as order
    from reconcile.review.log import DECISION_STATE, decisions_by_fact, iter_facts
    decided = decisions_by_fact(data, log.effective())
    rows, open_conflicts = [], 0
    for ev, f in iter_facts(data):
        if status and f["status"] != status.value:
            continue
        d = decided.get(f.get("id"))
        state = DECISION_STATE[d.action] if d else "open"
        if f["status"] == "conflict" and not d:
            open_conflicts += 1
        rows.append((order[f["status"]], ev["id"], f.get("id", ""), f["fact"], f["status"], state,
                     " – ".join(ev["participants"]), (d.reason or d.note or "") if d else ""))
    rows.sort()
    typer.echo(table([r[1:] for r in rows], ["event", "fact id", "fact", "status", "review",
                                               "participants", "reason / note"]) if rows else "no facts match")
    if fail_on_open and open_conflicts:
        raise typer.Exit(3)
