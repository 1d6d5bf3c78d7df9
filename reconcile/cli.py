"""The command line: a thin layer over the pipeline (``reconcile --help``)."""
from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import NoReturn

import typer
from tabulate import tabulate

from reconcile.ingest.files import shown

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Line up the factual claims news articles make and show where they agree or conflict.")
rules_app = typer.Typer(add_completion=False, no_args_is_help=True, help="Work with the rule files.")
app.add_typer(rules_app, name="rules")


@app.callback()
def options(rules: Path | None = typer.Option(
        None, "--rules", metavar="DIR", exists=True, file_okay=False, resolve_path=True,
        help="Use the rule files in DIR (a copy of the shipped rules/ folder) for this run; "
             "the environment variable RECONCILE_RULES does the same.")):
    """Options every command takes."""
    if rules is not None:
        _use_rules(rules)


def _use_rules(folder: Path) -> None:
    """Point every command at ``folder``.  The loader reads RECONCILE_RULES once, when it is
    first imported, and every command imports it lazily, after this."""
    loaded = sys.modules.get("reconcile.engine.rules")
    if loaded is not None and Path(loaded.RULES_DIR).resolve() != folder:
        _fail(f"--rules {folder}: the rule files of {loaded.RULES_DIR} are already loaded in this process")
    os.environ["RECONCILE_RULES"] = str(folder)


# Exit codes of `reconcile run` (README: "Exit codes"); 70 (internal error) is reconcile.guard's.
EXIT_NOTHING_READ, EXIT_USAGE, EXIT_WITH_PROBLEMS, EXIT_NOT_WRITTEN = 1, 2, 3, 4


def _fail(msg: str, code: int = 2) -> NoReturn:
    _err(f"reconcile: {msg}")
    raise typer.Exit(code)


def _err(line: str) -> None:
    """One line on stderr: control and escape characters shown visibly (a file name holding a
    newline cannot forge another line, an article's escape sequence never reaches the terminal)."""
    from reconcile.report.format import terminal_safe
    typer.echo(terminal_safe(line), err=True)


def _table(rows: list, headers: list[str], fmt: str = "simple") -> str:
    """A table for the terminal, every cell made safe to print."""
    from reconcile.report.format import terminal_safe
    return tabulate([[terminal_safe(x) for x in r] for r in rows], headers=headers, tablefmt=fmt,
                    disable_numparse=True)


def _analyse(paths: list[Path], review_file: Path | None = None, follow_symlinks: bool = False):
    from reconcile.engine.rules import RuleError
    from reconcile.ingest.corpus import load_corpus
    from reconcile.pipeline import analyse
    from reconcile.review.log import ReviewLog
    decisions = []
    if review_file is not None and review_file.exists():
        log = ReviewLog(review_file)
        for warning in log.problems:
            _err(f"warning: {warning}")
        decisions = log.effective()
    try:
        corpus = load_corpus([str(p) for p in paths], follow_symlinks=follow_symlinks)
        for problem in corpus.problems:
            _err(problem.line())
        if not corpus.documents:
            _fail("no readable documents in " + ", ".join(shown(str(p)) for p in paths), EXIT_NOTHING_READ)
        a = analyse(corpus, decisions)
    except RuleError as exc:
        _fail(f"broken rule file: {exc}", 2)
    for problem in a.problems[len(corpus.problems):]:
        _err(problem.line())
    return a, corpus


def _report_name(name: str | None, paths: list[Path]) -> str:
    """The report's file name stem: a plain name, so NAME.json stays inside --out."""
    from reconcile.guard import corpus_name, name_problem
    if name is None:
        return corpus_name(paths)
    problem = name_problem(name)
    if problem:
        _fail(problem, EXIT_USAGE)
    return name


@app.command()
def run(paths: list[Path] = typer.Argument(...,
                                          help="Folders or files of articles (.txt with sources.yaml, or .jsonl)."),
        out: Path = typer.Option(Path("reports"), "--out", "-o", help="Folder for NAME.json and NAME.md."),
        name: str | None = typer.Option(None, help="Report name (default: the folder's name)."),
        review: Path | None = typer.Option(
            None, help="Review decisions to apply (default: OUT/NAME.review.jsonl if present)."),
        follow_symlinks: bool = typer.Option(
            False, "--follow-symlinks",
            help="Read symbolic links in a folder that point outside it (default: skipped, named).")):
    """Write the discrepancy report (JSON + Markdown), applying any review decisions.

    Example: reconcile run seeds/ --out reports/

    Exit codes: 0 report written, every input read; 1 nothing readable, no report; 2 usage error
    (bad option, --name, broken rule file); 3 report written, some inputs skipped (listed on
    stderr and in the report's problems); 4 the report could not be written.
    """
    from reconcile.pipeline import without_cyclic_gc
    from reconcile.report.atomic import write_set
    from reconcile.report.writer import build_report, dumps, render_markdown
    name = _report_name(name, paths)
    review = review or out / f"{name}.review.jsonl"
    a, _ = _analyse(paths, review, follow_symlinks)
    if a.reviews or a.unmatched or a.unmatched_splits:
        _err(f"{review}: {len(a.reviews)} fact decisions applied; "
             f"{len(a.unmatched) + len(a.unmatched_splits)} match nothing now (listed in the report)")
    with without_cyclic_gc():
        report = build_report(a, name)
        json_text, md_text = dumps(report), render_markdown(report)
    try:
        write_set({out / f"{name}.json": json_text, out / f"{name}.md": md_text})
    except OSError as exc:
        _fail(f"cannot write the report to {shown(str(out))}: {exc.strerror or exc}", EXIT_NOT_WRITTEN)
    s = report["summary"]["facts"]
    typer.echo(f"{shown(str(out / (name + '.json')))}: {len(report['documents'])} documents, "
               f"{len(report['events'])} events, {s['conflict']} conflicts, {s['corroborated']} corroborated, "
               f"{s['single_source']} single source")
    if any(p.severity == "error" for p in a.problems):   # an input was skipped: named above and in the report
        raise typer.Exit(EXIT_WITH_PROBLEMS)


class Status(str, Enum):
    conflict = "conflict"
    corroborated = "corroborated"
    single_source = "single_source"


def _load_report(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        _fail(f"{path}: no such report")
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        _fail(f"{path}: not a readable JSON report ({exc})")
    if not isinstance(data, dict) or not str(data.get("schema", "")).startswith("reconcile.report/"):
        _fail(f"{path}: not a reconcile report (no 'schema': 'reconcile.report/1')")
    from reconcile.report.writer import validate
    errors = validate(data)
    if errors:
        _fail(f"{path}: not a valid reconcile report ({errors[0]})")
    return data


@app.command()
def show(report: Path = typer.Argument(..., help="A JSON report written by 'reconcile run'."),
         status: Status | None = typer.Option(None, help="Only facts with this status."),
         event: str | None = typer.Option(None, help="Only this event id (e.g. E3)."),
         fmt: str = typer.Option("simple", "--fmt", help="Any tabulate format: simple, github, grid, plain...")):
    """Print a report's facts as tables in the terminal, conflicts first.

    Example: reconcile show reports/seeds.json --status conflict
    """
    data = _load_report(report)
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
                             _short_value(c["value"]), c["speaker"] or "-", outlet_name(c["outlet"]),
                             c["doc"], " ".join(c["text"].split()), ev["kind"], day,
                             " – ".join(ev["participants"]), urls.get(c["doc"], "")))
    if not rows:
        typer.echo("no facts match")
        return
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    headers = ["event", "fact", "status", "value", "speaker", "outlet", "document", "words", "kind", "date",
               "participants", "url"]
    typer.echo(_table([r[1:] for r in rows], headers, fmt))


def _short_value(v: dict) -> str:
    from reconcile.report.format import describe_value
    return describe_value(v)


@app.command()
def claims(paths: list[Path] = typer.Argument(..., help="Articles to read."),
           fmt: str = typer.Option("simple", "--fmt", help="tabulate format.")):
    """List every extracted claim with its span, rule and the event mention it was tied to, for people tuning rules.

    Example: reconcile claims seeds/004_37c19ced86855876.txt
    """
    a, _ = _analyse(paths)
    tied_to = _mentions_of_claims(a)
    rows: list[tuple[str, ...]] = []
    for v in a.verdicts:
        for c in v.claims:
            rows.append((c.doc, v.event, c.fact, f"{c.span[0]}-{c.span[1]}", " ".join(c.text.split()),
                         _short_value(_public(a, c.value)),
                         a.entities[c.speaker].name if c.speaker else "-", c.rule,
                         tied_to.get((c.doc, c.fact, c.span), "article lead" if c.inferred else "-"),
                         getattr(c, "attached_by", None) or "-"))
    rows.sort()
    headers = ["doc", "event", "fact", "span", "words", "value", "speaker", "rule", "mention", "attached by"]
    if all(r[-1] == "-" for r in rows):      # a run that does not say how claims were attached
        rows, headers = [r[:-1] for r in rows], headers[:-1]
    typer.echo(_table(rows, headers, fmt))


def _mentions_of_claims(a) -> dict[tuple[str, str, tuple[int, int]], str]:
    """(doc, fact, span) -> the event mention extraction tied the claim to: its kind and trigger
    words ("call «phoned»"), or "main event" when the claim was left to the article's current event."""
    out: dict[tuple[str, str, tuple[int, int]], str] = {}
    for ex in a.extractions:
        for rc in ex.claims:
            key = (ex.doc.id, rc.fact, ex.span(rc.hit.start, rc.hit.end))
            if rc.mention is None:
                out.setdefault(key, "main event")
                continue
            m = ex.mentions[rc.mention]
            ts, te = ex.span(*m.trigger)
            out.setdefault(key, f"{m.kind} «{' '.join(ex.doc.text[ts:te].split())}»")
    return out


def _public(a, v):
    if "entity" in v and v["entity"] in a.entities:
        return {"entity": a.entities[v["entity"]].name}
    return v


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
    data = _load_report(report)
    try:
        gold_data = load_gold(gold)
    except GoldError as exc:
        _fail(str(exc), 2)
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


class GraphFormat(str, Enum):
    graphml = "graphml"
    json = "json"


@app.command()
def graph(paths: list[Path] = typer.Argument(..., help="Articles to read."),
          format: GraphFormat = typer.Option(GraphFormat.graphml, "--format", help="graphml or json."),
          out: Path | None = typer.Option(None, "--out", "-o", help="File to write (default: stdout).")):
    """Export the claim graph (documents, outlets, entities, events, claims).

    Example: reconcile graph seeds/ --format graphml -o seeds.graphml
    """
    from reconcile.graph import build_graph, export
    from reconcile.report.atomic import write_atomic
    a, _ = _analyse(paths)
    text = export(build_graph(a), format.value)
    if out:
        try:
            write_atomic(out, text)
        except OSError as exc:
            _fail(f"cannot write the graph to {out}: {exc.strerror or exc}", 1)
        typer.echo(f"{out}: written")
    else:
        sys.stdout.write(text)


# --------------------------------------------------------------------------- review
def _review_target(report: Path):
    from reconcile.review.log import ReviewLog, review_path
    data = _load_report(report)
    return data, ReviewLog(review_path(report))


def _find_report(report: Path | None, handle: str | None) -> Path:
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
        _fail(f"say which report with --report (reports/*.json holding '{handle}': {where})", 2)
    return candidates[0]


def _record(report: Path | None, make, handle: str | None = None) -> None:
    from reconcile.review.log import ReviewError
    report = _find_report(report, handle)
    data, log = _review_target(report)
    for warning in log.problems:
        _err(f"warning: {warning}")
    try:
        # made under the log's lock, on the log as it is on disk now (two undos never take
        # back the same decision)
        d = log.append_with(lambda current: make(data, current))
    except ReviewError as exc:
        _fail(str(exc), 2)
    except OSError as exc:
        _fail(f"cannot write {log.path}: {exc.strerror or exc}", 1)
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
        _fail("give exactly one of --confirm, --dismiss, --resolve", 2)
    action = "confirm" if confirm else "dismiss" if dismiss else "resolve"
    _record(report, lambda data, _: fact_decision(data, fact, action, value=resolve, right_claim=claim,
                                                reason=reason, note=note, link=link, reviewer=reviewer), fact)


@app.command()
def move(claim: str = typer.Argument(..., help="The claim id to move."),
         event: str = typer.Argument(..., help="The event id it belongs to (e.g. E3)."),
         report: Path | None = REPORT_OPT, note: str | None = typer.Option(None)):
    """Mark a claim as attached to the wrong event and move it.

    Example: reconcile move c-0123456789 E3 -r reports/seeds.json
    """
    from reconcile.review.log import move_decision
    _record(report, lambda data, _: move_decision(data, claim, event, note=note), claim)


@app.command()
def merge(event_a: str = typer.Argument(...), event_b: str = typer.Argument(...),
          report: Path | None = REPORT_OPT, note: str | None = typer.Option(None)):
    """Say two events are one.

    Example: reconcile merge E3 E4 -r reports/seeds.json
    """
    from reconcile.review.log import merge_decision
    _record(report, lambda data, _: merge_decision(data, event_a, event_b, note=note))


@app.command()
def split(entity: str = typer.Argument(..., help="Entity id or name."),
          surfaces: list[str] = typer.Argument(..., help="The spellings that belong to someone else."),
          name: str | None = typer.Option(None, "--name", help="Who they are."),
          report: Path | None = REPORT_OPT):
    """Split spellings off an entity (they name someone else).

    Example: reconcile split vladimir-putin "فلاديمير" --name "Vladimir (unknown)" -r reports/seeds.json
    """
    from reconcile.review.log import split_decision
    _record(report, lambda data, _: split_decision(data, entity, surfaces, new_name=name), entity)


@app.command()
def undo(report: Path | None = REPORT_OPT,
         decision: str | None = typer.Argument(None, help="Decision id (default: the last one in force).")):
    """Take a decision back (the log keeps both).

    Example: reconcile undo -r reports/seeds.json
    """
    from reconcile.review.log import Decision, ReviewError

    report = _find_report(report, None)

    def make(data, log):
        target = decision or (log.last_undoable().id if log.last_undoable() else None)
        if not target or target not in {d.id for d in log.effective()}:
            raise ReviewError("nothing to undo" if not target else f"no decision '{target}' in force")
        return Decision("undo", undoes=target)
    _record(report, make)


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
    data, log = _review_target(report)
    for warning in log.problems:
        _err(f"warning: {warning}")
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
    typer.echo(_table([r[1:] for r in rows], ["event", "fact id", "fact", "status", "review",
                                               "participants", "reason / note"]) if rows else "no facts match")
    if fail_on_open and open_conflicts:
        raise typer.Exit(3)


@rules_app.command("check")
def rules_check(verbose: bool = typer.Option(False, "--verbose", "-v", help="List passing examples too.")):
    """Load every rule file and run every example in it; name file and line of what fails.

    Example: reconcile rules check
    """
    from reconcile.engine.rulecheck import check_all
    results, errors = check_all()
    for e in errors:
        typer.echo(f"error: {e}", err=True)
    bad = [r for r in results if not r.ok]
    for r in results if verbose else bad:
        tag = "ok  " if r.ok else "FAIL"
        kind = "counter-example" if r.counter else "example"
        typer.echo(f"{tag} {r.where}: {r.dim} {kind} «{r.text}»" + ("" if r.ok else f": {r.detail}"))
    broken = f", {len(errors)} broken files" if errors else ""
    typer.echo(f"{len(results) - len(bad)} passed, {len(bad)} failed{broken}")
    if bad or errors:
        raise typer.Exit(1)


def main() -> None:
    from reconcile.guard import guarded
    guarded(app)


if __name__ == "__main__":
    main()
