"""The command line (``reconcile --help``): the application in ``app``, one module per group of
commands; importing them registers the commands."""
from __future__ import annotations

from reconcile.cli import review, rules, run, show
from reconcile.cli.app import app
from reconcile.cli.common import err
from reconcile.cli.show import eval_cmd

__all__ = ["app", "err", "eval_cmd", "main", "review", "rules", "run", "show"]


def main() -> None:
    from reconcile.cli.guard import guarded
    guarded(app)
