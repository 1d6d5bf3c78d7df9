"""Commands that read articles: ``run`` (the report), ``claims`` (for rule tuners), ``graph``."""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer

from reconcile.cli.app import app
from reconcile.cli.common import (
    EXIT_NOT_WRITTEN,
    EXIT_WITH_PROBLEMS,
    analyse_paths,
    err,
    fail,
    report_name,
    short_value,
    table,
)
from reconcile.ingest.files import shown


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
    name = report_name(name, paths)
    review = review or out / f"{name}.review.jsonl"
    a, _ = analyse_paths(paths, review, follow_symlinks)
    if a.reviews or a.unmatched or a.unmatched_splits:
        err(f"{review}: {len(a.reviews)} fact decisions applied; "
             f"{len(a.unmatched) + len(a.unmatched_splits)} match nothing now (listed in the report)")
    with without_cyclic_gc():
        report = build_report(a, name)
        json_text, md_text = dumps(report), render_markdown(report)
    try:
        write_set({out / f"{name}.json": json_text, out / f"{name}.md": md_text})
    except OSError as exc:
        fail(f"cannot write the report to {shown(str(out))}: {exc.strerror or exc}", EXIT_NOT_WRITTEN)
    s = report["summary"]["facts"]
    typer.echo(f"{shown(str(out / (name + '.json')))}: {len(report['documents'])} documents, "
               f"{len(report['events'])} events, {s['conflict']} conflicts, {s['corroborated']} corroborated, "
               f"{s['single_source']} single source")
    if any(p.severity == "error" for p in a.problems):   # an input was skipped: named above and in the report
        raise typer.Exit(EXIT_WITH_PROBLEMS)


@app.command()
def claims(paths: list[Path] = typer.Argument(..., help="Articles to read."),
           fmt: str = typer.Option("simple", "--fmt", help="tabulate format.")):
    """List every extracted claim with its span, rule and the event mention it was tied to, for people tuning rules.

    Example: reconcile claims seeds/004_37c19ced86855876.txt
    """
    a, _ = analyse_paths(paths)
    tied_to = _mentions_of_claims(a)
    rows: list[tuple[str, ...]] = []
    for v in a.verdicts:
        for c in v.claims:
            rows.append((c.doc, v.event, c.fact, f"{c.span[0]}-{c.span[1]}", " ".join(c.text.split()),
                         short_value(_public(a, c.value)),
                         a.entities[c.speaker].name if c.speaker else "-", c.rule,
                         tied_to.get((c.doc, c.fact, c.span), "article lead" if c.inferred else "-"),
                         getattr(c, "attached_by", None) or "-"))
    rows.sort()
    headers = ["doc", "event", "fact", "span", "words", "value", "speaker", "rule", "mention", "attached by"]
    if all(r[-1] == "-" for r in rows):      # a run that does not say how claims were attached
        rows, headers = [r[:-1] for r in rows], headers[:-1]
    typer.echo(table(rows, headers, fmt))


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
    a, _ = analyse_paths(paths)
    text = export(build_graph(a), format.value)
    if out:
        try:
            write_atomic(out, text)
        except OSError as exc:
            fail(f"cannot write the graph to {out}: {exc.strerror or exc}", 1)
        typer.echo(f"{out}: written")
    else:
        sys.stdout.write(text)
