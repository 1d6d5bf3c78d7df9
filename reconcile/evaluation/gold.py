"""Read a gold annotation (docs/gold.md) into typed records, or say in one line what is wrong
with it and where: ``gold/seeds.gold.yaml:42: 'kind': 'phonecall' is not one of ['call', 'meeting']``.

The YAML is read with the safe loader (through the rule files' reader, which keeps line
numbers) and checked against ``schema/gold.schema.json`` before anything is built from it, so
the scorer never meets a half-formed gold file.  Days are kept as ISO strings: YAML reads an
unquoted 2021-12-30 as a date, a quoted one as text, and both mean the same day.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

from reconcile.engine.yamlfile import RuleError, as_json, read_yaml

SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / "gold.schema.json"


class GoldError(Exception):
    """A gold file that cannot be used; the message (one line) names the file."""


@dataclass(frozen=True)
class GoldClaim:
    doc: str
    value: dict[str, Any]           # one key: minutes | utc | date | entity | medium
    speaker: str | None = None


@dataclass(frozen=True)
class GoldFact:
    fact: str
    statuses: frozenset[str]
    claims: list[GoldClaim]
    optional: bool = False


@dataclass(frozen=True)
class GoldEvent:
    id: str
    kind: str
    participants: list[str]
    date: Any                       # a day, [first, last] or {start, end}, days as ISO strings
    facts: list[GoldFact] = field(default_factory=list)


@dataclass(frozen=True)
class GoldEntity:
    name: str
    surfaces: list[str]


@dataclass(frozen=True)
class GoldQuote:
    speaker: str
    statuses: frozenset[str]
    docs: list[str]
    text: str


@dataclass(frozen=True)
class Gold:
    corpus: str | None
    events: list[GoldEvent]
    entities: list[GoldEntity]
    quotes: list[GoldQuote]


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def load_gold(path: Path) -> Gold:
    """The gold file at ``path``; GoldError when it is unreadable, not YAML or not gold."""
    if not path.is_file():
        raise GoldError(f"{path}: no such gold file")
    try:
        doc = read_yaml(path)
    except RuleError as exc:
        raise GoldError(str(exc)) from None
    data = as_json(doc.data)
    if data is None:
        raise GoldError(f"{path}: empty gold file")
    errors = sorted(_validator().iter_errors(data), key=lambda e: doc.line(list(e.absolute_path)))
    if errors:
        error = best_match([errors[0]])
        where = list(error.absolute_path)
        keys = [p for p in where if isinstance(p, str)] if error.validator != "required" else []
        key = f"'{keys[-1]}': " if keys else ""
        message = " ".join(error.message.replace(" is a required property", " is missing").split())
        raise GoldError(f"{path}:{doc.line(where)}: {key}{message} (not a gold file, see docs/gold.md)")
    return gold_from_data(data)


def gold_from_data(data: dict[str, Any]) -> Gold:
    """Records from gold data already checked against the schema."""
    return Gold(corpus=data.get("corpus"),
                events=[_event(e) for e in data.get("events") or []],
                entities=[GoldEntity(g["name"], list(g["surfaces"])) for g in data.get("entities") or []],
                quotes=[GoldQuote(q["speaker"], frozenset(q["status"]), list(q["docs"]), q["text"])
                        for q in data.get("quotes") or []])


def _event(e: dict[str, Any]) -> GoldEvent:
    facts = [GoldFact(fact=f["fact"], statuses=frozenset(f.get("status") or []),
                      claims=[GoldClaim(c["doc"], dict(c["value"]), c.get("speaker")) for c in f["claims"]],
                      optional=bool(f.get("optional")))
             for f in e.get("facts") or []]
    return GoldEvent(id=e["id"], kind=e["kind"], participants=list(e["participants"]), date=e["date"], facts=facts)
