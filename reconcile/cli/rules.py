"""``reconcile rules check``: every rule file loaded, every example run."""
from __future__ import annotations

import typer

from reconcile.cli.app import rules_app


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
