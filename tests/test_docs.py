"""The project's own documents stay in step with the code: the report contract (docs/report.md)
describes every field the schema names and every field a real report carries."""
from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = (ROOT / "docs" / "report.md").read_text(encoding="utf-8")
SCHEMA = json.loads((ROOT / "reconcile" / "report" / "schema" / "report.schema.json").read_text(encoding="utf-8"))
SCHEMA_WORDS = {"$schema", "$id", "$ref", "$defs", "title", "type", "required", "properties", "items",
                "const", "enum", "pattern", "minimum", "minLength", "minItems", "maxItems", "oneOf",
                "minProperties", "maxProperties", "additionalProperties"}


def _documented(name: str) -> bool:
    return f"`{name}`" in CONTRACT or f'"{name}"' in CONTRACT


def _schema_fields(node, out: set[str]) -> set[str]:
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "properties":
                out.update(v)
            _schema_fields(v, out)
    elif isinstance(node, list):
        for v in node:
            _schema_fields(v, out)
    return out


def _report_fields(node, out: set[str]) -> set[str]:
    if isinstance(node, dict):
        for k, v in node.items():
            out.add(k)
            # value shapes and counts are keyed by data, not by field name
            if k not in ("facts", "quotes") or not isinstance(v, dict):
                _report_fields(v, out)
    elif isinstance(node, list):
        for v in node:
            _report_fields(v, out)
    return out


def test_contract_describes_every_schema_field():
    missing = sorted(f for f in _schema_fields(SCHEMA, set()) if not _documented(f))
    assert not missing, f"docs/report.md does not describe: {missing}"


def test_contract_describes_every_field_of_a_real_report(seed_report):
    labels = {label for e in seed_report["entities"] for label in e["labels"]}   # language codes
    fields = _report_fields(seed_report, set()) - labels - SCHEMA_WORDS
    missing = sorted(f for f in fields if not _documented(f))
    assert not missing, f"docs/report.md does not describe: {missing}"


def test_contract_names_the_schema_version():
    assert SCHEMA["properties"]["schema"]["const"] in CONTRACT


def test_readme_and_code_point_at_the_projects_own_contract():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/report.md" in readme
    for path in [ROOT / "README.md", *sorted((ROOT / "reconcile").rglob("*.py"))]:
        assert not re.search(r"\.\./(shared/)?spec/report\.md", path.read_text(encoding="utf-8")), path


def _command_names(typer_app, prefix: str = "") -> list[str]:
    names = [f"{prefix}{cmd.name or cmd.callback.__name__.replace('_', '-')}" for cmd in typer_app.registered_commands]
    for group in typer_app.registered_groups:
        names.extend(_command_names(group.typer_instance, f"{prefix}{group.name or group.typer_instance.info.name} "))
    return names


def test_readme_shows_every_command():
    from reconcile.cli import app
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    names = _command_names(app)
    assert "eval" in names
    missing = [n for n in names if f"reconcile {n}" not in readme]
    assert not missing, f"commands not shown in README.md: {missing}"


GOLD_DOC = (ROOT / "docs" / "gold.md").read_text(encoding="utf-8")
GOLD_SCHEMA = json.loads((ROOT / "reconcile" / "evaluation" / "schema" / "gold.schema.json").read_text(encoding="utf-8"))


def test_gold_format_describes_every_key_and_threshold():
    keys = _schema_fields(GOLD_SCHEMA, set())
    missing = sorted(k for k in keys if f"{k}:" not in GOLD_DOC and f"`{k}" not in GOLD_DOC)
    assert not missing, f"docs/gold.md does not describe: {missing}"
    import inspect

    from reconcile.cli import eval_cmd
    options = [p.default.param_decls for p in inspect.signature(eval_cmd).parameters.values()
               if p.default.__class__.__name__ == "OptionInfo"]
    undocumented = sorted(o for decls in options for o in decls if o.startswith("--") and f"`{o}`" not in GOLD_DOC)
    assert not undocumented, f"docs/gold.md does not describe: {undocumented}"
    assert "docs/gold.md" in (ROOT / "README.md").read_text(encoding="utf-8")
