"""The plain Python schema checks (reconcile/engine/quickschema.py) may only say "valid" where
jsonschema does: every shipped rule file passes them, and no broken copy of one passes them
unless jsonschema passes it too."""
from __future__ import annotations

import copy
import random
from typing import Any

import pytest

from reconcile.engine import schema
from reconcile.engine.quickschema import Unsupported, compile_check
from reconcile.engine.rules import RULES_DIR, load_yaml
from reconcile.engine.yamlfile import as_json


def _shipped() -> list[tuple[str, Any]]:
    """(schema name, data as JSON) of every rule file that has a schema."""
    out = []
    for path in sorted(RULES_DIR.rglob("*.yaml")):
        data = load_yaml(path)
        if path.parent == RULES_DIR:
            name = path.stem if path.stem in schema.schema_names() else None
        else:
            name = "language" if path.name == "language.yaml" else f"dimension-{data['dimension']}"
        if name:
            out.append((name, as_json(data)))
    return out


SHIPPED = _shipped()
ODD_VALUES = [None, True, False, 0, 1, -3, 2.5, 3.0, "", "x", "ab(", "2022-13-01", "2022-03-01", [], {},
              ["a", "a"], [1], {"a": 1}, "before", "after", "past"]


@pytest.mark.parametrize("name", schema.schema_names())
def test_every_schema_compiles(name: str) -> None:
    validator = schema._validator(name)
    compile_check(validator.schema, validator.format_checker.conforms)


def test_shipped_files_pass_quickly() -> None:
    assert len(SHIPPED) > 20
    for name, data in SHIPPED:
        assert schema._quick(name)(data), name


def _mutated(data: Any, rnd: random.Random) -> Any:
    """``data`` with one value replaced, removed, added to or misspelt."""
    data = copy.deepcopy(data)
    nodes: list[tuple[tuple, Any]] = []

    def walk(x: Any, path: tuple) -> None:
        nodes.append((path, x))
        items = x.items() if isinstance(x, dict) else enumerate(x) if isinstance(x, list) else ()
        for k, v in items:
            walk(v, (*path, k))
    walk(data, ())
    path, node = rnd.choice(nodes[1:])
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    r = rnd.random()
    if r < 0.5:
        parent[path[-1]] = copy.deepcopy(rnd.choice(ODD_VALUES))
    elif r < 0.65 and isinstance(parent, dict):
        del parent[path[-1]]
    elif r < 0.8 and isinstance(parent, dict):
        parent["zz_unknown"] = 1
    elif r < 0.9 and isinstance(parent, list):
        parent.append(copy.deepcopy(rnd.choice([*ODD_VALUES, node])))
    elif isinstance(node, str):
        parent[path[-1]] = node + rnd.choice(["(", "x", " "])
    else:
        parent[path[-1]] = copy.deepcopy(rnd.choice(nodes)[1])
    return data


def test_no_yes_where_jsonschema_says_no() -> None:
    rnd = random.Random(8)
    for _ in range(1500):
        name, data = rnd.choice(SHIPPED)
        for _ in range(1 + rnd.randrange(3)):
            data = _mutated(data, rnd)
        if schema._quick(name)(data):
            assert schema._validator(name).is_valid(data), name


@pytest.mark.parametrize("keywords", [{"patternProperties": {"a": {}}}, {"not": {"minimum": 1}}, {"$ref": "x.json"}])
def test_unknown_keywords_are_left_to_jsonschema(keywords: dict) -> None:
    with pytest.raises(Unsupported):
        compile_check({"type": "object", **keywords}, lambda v, f: True)


def test_equality_tells_booleans_from_numbers() -> None:
    check = compile_check({"enum": ["a", True]}, lambda v, f: True)
    assert check("a") and check(True)
    assert not check(1) and not check(False) and not check("b")
