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
