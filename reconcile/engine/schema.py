"""Check a rule file against its JSON Schema (reconcile/engine/schemas/) and say what is wrong
where: ``rules/en/duration.yaml:42: unknown key 'exmaples' in rule 'hour_long'``.

The schemas describe every key a rule file may have; a key no code reads is not in them, so a
misspelt key fails at load instead of being silently ignored.
"""
from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError, best_match
from referencing import Registry, Resource

from reconcile.engine.quickschema import Check, Unsupported, compile_check
from reconcile.engine.yamlfile import RuleError, YamlFile, as_json

SCHEMAS = Path(__file__).resolve().parent / "schemas"

# list items named by one of their keys in messages: "in rule 'hour_long'"
_ITEM_NAMES = {"rules": ("rule", "name"), "entities": ("entity", "id"), "outlets": ("outlet", "name")}


def schema_names() -> list[str]:
    return sorted(p.stem for p in SCHEMAS.glob("*.json"))


@cache
def _registry() -> Registry:
    resources = []
    for path in sorted(SCHEMAS.glob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema["$id"], Resource.from_contents(schema)))
    return Registry().with_resources(resources)


@cache
def _validator(name: str) -> Draft202012Validator:
    uri = f"{name}.json"
    schema = _inlined(_registry().contents(uri), _registry().resolver(uri), 0)
    return Draft202012Validator(schema, registry=_registry(), format_checker=FormatChecker(["regex", "date"]))


@cache
def _quick(name: str) -> Check:
    """The plain Python check of a schema (quickschema.py): several times faster than
    jsonschema on a valid file; a schema it cannot read exactly is left to jsonschema."""
    validator = _validator(name)
    try:
        return compile_check(validator.schema, validator.format_checker.conforms)
    except (Unsupported, KeyError, TypeError, ValueError, re.error):
        return lambda data: False


_INLINE_DEPTH = 8      # a reference nested deeper (a recursive one) is left for the validator


def _inlined(node: Any, resolver: Any, depth: int) -> Any:
    """The schema with each ``$ref`` replaced by what it points to (as ``allOf``, which is what
    a reference beside other keywords means): the same verdicts, but the validator no longer
    resolves a reference again for every entity and every rule (it halved the check)."""
    if isinstance(node, list):
        return [_inlined(x, resolver, depth) for x in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node and depth < _INLINE_DEPTH:
        target = resolver.lookup(node["$ref"])
        rest = {k: _inlined(v, resolver, depth) for k, v in node.items() if k != "$ref"}
        inlined = _inlined(target.contents, target.resolver, depth + 1)
        return {"allOf": [inlined], **rest} if rest else inlined
    return {k: _inlined(v, resolver, depth) for k, v in node.items()}


def check(doc: YamlFile, schema: str) -> None:
    """Raise RuleError for the first problem (by line) of ``doc`` against ``schema``."""
    data = as_json(doc.data)
    if _quick(schema)(data):
        return
    problems = []
    for error in _validator(schema).iter_errors(data):
        error = best_match([error])          # inside anyOf, the branch that came closest
        where, what = _explain(error)
        problems.append((doc.line(where), what + _place(data, list(error.absolute_path))))
    if problems:
        line, what = min(problems)
        raise RuleError(f"{doc.path}:{line}: {what}")


def _explain(error: ValidationError) -> tuple[list[str | int], str]:
    """(the path of the offending key or value, what is wrong with it)."""
    path = list(error.absolute_path)
    if error.validator in ("additionalProperties", "unevaluatedProperties"):
        known = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
        extra = sorted(k for k in error.instance if k not in known) if isinstance(error.instance, dict) else []
        return path + extra[:1], f"unknown key {extra[0]!r}" if extra else error.message
    if error.validator == "format" and error.validator_value == "regex" and isinstance(error.instance, str):
        try:
            re.compile(error.instance)
        except re.error as exc:
            return path, f"{_key(path)}bad regex: {exc}"
    if error.validator in ("anyOf", "oneOf") and isinstance(error.schema, dict) and error.schema.get("description"):
        return path, f"{_key(path)}{error.instance!r} does not fit: {_first_sentence(error.schema['description'])}"
    if error.validator == "required":
        return path, error.message.replace(" is a required property", " is missing")
    return path, f"{_key(path)}{error.message}"


def _first_sentence(text: str) -> str:
    return text.split(". ")[0].rstrip(".")


def _key(path: list[str | int]) -> str:
    keys = [p for p in path if isinstance(p, str)]
    return f"'{keys[-1]}': " if keys else ""


def _place(data: Any, path: list[str | int]) -> str:
    """Which named item the path is inside: " in rule 'hour_long'", " in an example of rule
    'hour_long'", " in lexicon 'month'"."""
    node: Any = data
    place = ""
    for i, step in enumerate(path):
        node = _at(node, step)
        listed = path[i - 1] if i > 0 and isinstance(step, int) else None
        if listed == "examples":
            place = f" in an example{place.replace(' in ', ' of ', 1)}"
        elif listed in _ITEM_NAMES and isinstance(node, dict) and node.get(_ITEM_NAMES[listed][1]) is not None:
            kind, key = _ITEM_NAMES[listed]
            place = f" in {kind} {str(node[key])!r}"
        elif i == 1 and path[0] == "lexicons" and len(path) > 2:
            place = f" in lexicon {step!r}"
    return place


def _at(node: Any, step: str | int) -> Any:
    if isinstance(node, dict):
        return node.get(step)
    if isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
        return node[step]
    return None
