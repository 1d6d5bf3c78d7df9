"""The application and its global options; each command lives in the module for what it
works on (run, show, review, rules)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import typer

from reconcile.cli.common import fail

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
        use_rules(rules)


def use_rules(folder: Path) -> None:
    """Point every command at ``folder``.  The loader reads RECONCILE_RULES once, when it is
    first imported, and every command imports it lazily, after this."""
    loaded = sys.modules.get("reconcile.engine.rules")
    if loaded is not None and Path(loaded.RULES_DIR).resolve() != folder:
        fail(f"--rules {folder}: the rule files of {loaded.RULES_DIR} are already loaded in this process")
    os.environ["RECONCILE_RULES"] = str(folder)
