"""The code stays in pieces one person can hold in their head: no module over 500 lines, no
class over 250 (function complexity is ruff's C901, configured in pyproject.toml)."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "reconcile"
MODULES = sorted(PACKAGE.rglob("*.py"))


def test_no_module_over_500_lines():
    long = {str(p.relative_to(PACKAGE)): n for p in MODULES
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500}
    assert not long, long


def test_no_class_over_250_lines():
    big = {}
    for p in MODULES:
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and node.end_lineno - node.lineno + 1 > 250:
                big[f"{p.relative_to(PACKAGE)}:{node.lineno} {node.name}"] = node.end_lineno - node.lineno + 1
    assert not big, big


def test_every_stage_is_found_in_one_look():
    stages = ["ingest", "engine", "extract", "entities", "events", "provenance", "verdicts", "report", "review",
              "dimensions", "evaluation", "cli"]
    for stage in stages:
        assert (PACKAGE / stage).is_dir() or (PACKAGE / f"{stage}.py").is_file(), stage
