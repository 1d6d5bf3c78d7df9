"""The command line: a thin layer over the pipeline (``reconcile --help``)."""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from tabulate import tabulate

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Line up the factual claims news articles make and show where they agree or conflict.")
rules_app = typer.Typer(add_completion=False, no_args_is_help=True, help="Work with the rule files.")
app.add_typer(rules_app, name="rules")


def _fail(msg: str, code: int = 2) -> None:
    typer.echo(f"reconcile: {msg}", err=True)
    raise typer.Exit(code)


def _analyse(paths: list[Path]):
    from .pipeline import analyse
    from .ingest import load_corpus
    from .rules import RuleError
    try:
        corpus = load_corpus([str(p) for p in paths])
        for p in corpus.problems:
            typer.echo(p.line(), err=True)
        if not corpus.documents:
            _fail("no readable documents in " + ", ".join(map(str, paths)), 1)
        a = analyse(corpus)
    except RuleError as exc:
        _fail(f"broken rule file: {exc}", 2)
    for p in a.problems[len(corpus.problems):]:
        typer.echo(p.line(), err=True)
    return a, corpus


def _corpus_name(paths: list[Path]) -> str:
    if len(paths) == 1:
        p = paths[0].resolve()
        return p.name if p.is_dir() else p.stem
    return "corpus"


@app.command()
def run(paths: list[Path] = typer.Argument(..., help="Folders or files of articles (.txt with sources.yaml, or .jsonl)."),
        out: Path = typer.Option(Path("reports"), "--out", "-o", help="Folder for NAME.json and NAME.md."),
        name: Optional[str] = typer.Option(None, help="Report name (default: the folder's name).")):
    """Write the discrepancy report (JSON + Markdown).

    Example: reconcile run seeds/ --out reports/
    """
    from .pipeline import without_cyclic_gc
    from .report import build_report, dumps, render_markdown, write_atomic
    a, _ = _analyse(paths)
    name = name or _corpus_name(paths)
    with without_cyclic_gc():
        report = build_report(a, name)
        json_text, md_text = dumps(report), render_markdown(report)
    try:
        write_atomic(out / f"{name}.json", json_text)
        write_atomic(out / f"{name}.md", md_text)
    except OSError as exc:
        _fail(f"cannot write the report to {out}: {exc.strerror or exc}", 1)
    s = report["summary"]["facts"]
    typer.echo(f"{out / (name + '.json')}: {len(report['documents'])} documents, {len(report['events'])} events, "
               f"{s['conflict']} conflicts, {s['corroborated']} corroborated, {s['single_source']} single-source")


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
    from .report import validate
    errors = validate(data)
    if errors:
        _fail(f"{path}: not a valid reconcile report ({errors[0]})")
    return data


@app.command()
def show(report: Path = typer.Argument(..., help="A JSON report written by 'reconcile run'."),
         status: Optional[Status] = typer.Option(None, help="Only facts with this status."),
         event: Optional[str] = typer.Option(None, help="Only this event id (e.g. E3)."),
         fmt: str = typer.Option("simple", "--fmt", help="Any tabulate format: simple, github, grid, plain...")):
    """Print a report's facts as tables in the terminal, conflicts first.

    Example: reconcile show reports/seeds.json --status conflict
    """
    data = _load_report(report)
    order = {"conflict": 0, "corroborated": 1, "single_source": 2}
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
                             _short_value(c["value"]), c["speaker"] or "-", c["outlet"] or c["doc"],
                             " ".join(c["text"].split()), ev["kind"], day,
                             " – ".join(ev["participants"])))
    if not rows:
        typer.echo("no facts match")
        return
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    headers = ["event", "fact", "status", "value", "speaker", "source", "words", "kind", "date", "participants"]
    typer.echo(tabulate([r[1:] for r in rows], headers=headers, tablefmt=fmt, disable_numparse=True))


def _short_value(v: dict) -> str:
    from .report import _describe
    return _describe(v)


@app.command()
def claims(paths: list[Path] = typer.Argument(..., help="Articles to read."),
           fmt: str = typer.Option("simple", "--fmt", help="tabulate format.")):
    """List every extracted claim with its span and rule, for people tuning rules.

    Example: reconcile claims seeds/004_37c19ced86855876.txt
    """
    a, _ = _analyse(paths)
    rows = []
    for v in a.verdicts:
        for c in v.claims:
            rows.append((c.doc, v.event, c.fact, f"{c.span[0]}-{c.span[1]}", " ".join(c.text.split()),
                         _short_value(_public(a, c.value)),
                         a.gaz.entities[c.speaker].name if c.speaker else "-", c.rule))
    rows.sort()
    typer.echo(tabulate(rows, headers=["doc", "event", "fact", "span", "words", "value", "speaker", "rule"],
                        tablefmt=fmt, disable_numparse=True))


def _public(a, v):
    if "entity" in v and v["entity"] in a.gaz.entities:
        return {"entity": a.gaz.entities[v["entity"]].name}
    return v


class GraphFormat(str, Enum):
    graphml = "graphml"
    json = "json"


@app.command()
def graph(paths: list[Path] = typer.Argument(..., help="Articles to read."),
          format: GraphFormat = typer.Option(GraphFormat.graphml, "--format", help="graphml or json."),
          out: Optional[Path] = typer.Option(None, "--out", "-o", help="File to write (default: stdout).")):
    """Export the claim graph (documents, outlets, entities, events, claims).

    Example: reconcile graph seeds/ --format graphml -o seeds.graphml
    """
    from .graph import build_graph, export
    from .report import write_atomic
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


@rules_app.command("check")
def rules_check(verbose: bool = typer.Option(False, "--verbose", "-v", help="List passing examples too.")):
    """Load every rule file and run every example in it; name file and line of what fails.

    Example: reconcile rules check
    """
    from .rulecheck import check_all
    results, errors = check_all()
    for e in errors:
        typer.echo(f"error: {e}", err=True)
    bad = [r for r in results if not r.ok]
    for r in results if verbose else bad:
        tag = "ok  " if r.ok else "FAIL"
        kind = "counter-example" if r.counter else "example"
        typer.echo(f"{tag} {r.where}: {r.dim} {kind} «{r.text}»" + ("" if r.ok else f": {r.detail}"))
    typer.echo(f"{len(results) - len(bad)} passed, {len(bad)} failed" + (f", {len(errors)} broken files" if errors else ""))
    if bad or errors:
        raise typer.Exit(1)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
