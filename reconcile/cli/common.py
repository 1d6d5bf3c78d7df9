"""What every command shares: failing with one line, writing safely to the terminal, reading
the articles or a report, and the exit codes."""
from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import NoReturn

import typer
from tabulate import tabulate

from reconcile.ingest.files import shown

# Exit codes of `reconcile run` (README: "Exit codes"); 70 (internal error) is reconcile.cli.guard's.
EXIT_NOTHING_READ, EXIT_USAGE, EXIT_WITH_PROBLEMS, EXIT_NOT_WRITTEN = 1, 2, 3, 4


def fail(msg: str, code: int = 2) -> NoReturn:
    err(f"reconcile: {msg}")
    raise typer.Exit(code)


def err(line: str) -> None:
    """One line on stderr: control and escape characters shown visibly (a file name holding a
    newline cannot forge another line, an article's escape sequence never reaches the terminal)."""
    from reconcile.report.format import terminal_safe
    typer.echo(terminal_safe(line), err=True)


def table(rows: list, headers: list[str], fmt: str = "simple") -> str:
    """A table for the terminal, every cell made safe to print."""
    from reconcile.report.format import terminal_safe
    return tabulate([[terminal_safe(x) for x in r] for r in rows], headers=headers, tablefmt=fmt,
                    disable_numparse=True)


def analyse_paths(paths: list[Path], review_file: Path | None = None, follow_symlinks: bool = False):
    from reconcile.engine.rules import RuleError
    from reconcile.ingest.corpus import load_corpus
    from reconcile.pipeline import analyse
    from reconcile.review.log import ReviewLog
    decisions = []
    if review_file is not None and review_file.exists():
        log = ReviewLog(review_file)
        for warning in log.problems:
            err(f"warning: {warning}")
        decisions = log.effective()
    try:
        corpus = load_corpus([str(p) for p in paths], follow_symlinks=follow_symlinks)
        for problem in corpus.problems:
            err(problem.line())
        if not corpus.documents:
            fail("no readable documents in " + ", ".join(shown(str(p)) for p in paths), EXIT_NOTHING_READ)
        a = analyse(corpus, decisions)
    except RuleError as exc:
        fail(f"broken rule file: {exc}", 2)
    for problem in a.problems[len(corpus.problems):]:
        err(problem.line())
    return a, corpus


def report_name(name: str | None, paths: list[Path]) -> str:
    """The report's file name stem: a plain name, so NAME.json stays inside --out."""
    from reconcile.cli.guard import corpus_name, name_problem
    if name is None:
        return corpus_name(paths)
    problem = name_problem(name)
    if problem:
        fail(problem, EXIT_USAGE)
    return name


class Status(str, Enum):
    conflict = "conflict"
    corroborated = "corroborated"
    single_source = "single_source"


def load_report(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        fail(f"{path}: no such report")
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        fail(f"{path}: not a readable JSON report ({exc})")
    if not isinstance(data, dict) or not str(data.get("schema", "")).startswith("reconcile.report/"):
        fail(f"{path}: not a reconcile report (no 'schema': 'reconcile.report/1')")
    from reconcile.report.writer import validate
    errors = validate(data)
    if errors:
        fail(f"{path}: not a valid reconcile report ({errors[0]})")
    return data


def short_value(v: dict) -> str:
    from reconcile.report.format import describe_value
    return describe_value(v)
