"""A JSON Schema turned into plain Python checks, for the keywords the rule-file schemas use.

jsonschema builds a validator object for every value it descends into, which made checking the
rule files most of the cost of loading them.  These checks only answer "valid": when one says
yes the file is valid (each keyword is read exactly as jsonschema reads it), and when it says
no, jsonschema checks again and words the complaint (schema.py).  So a check may say no where
unsure (a list of dictionaries that must be unique) but never yes: a keyword it does not know
makes the whole schema Unsupported, and jsonschema alone is used.
"""
from __future__ import annotations

import numbers
import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

# keywords that only describe: they never make a value invalid
_ANNOTATIONS = {"$id", "$schema", "$defs", "$comment", "title", "description", "examples", "default"}

_TYPES: dict[str, Callable[[Any], bool]] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "number": lambda v: isinstance(v, numbers.Number) and not isinstance(v, bool),
    "integer": lambda v: (isinstance(v, int) and not isinstance(v, bool)) or (isinstance(v, float) and v.is_integer()),
}


class Unsupported(Exception):
    """A schema with a keyword these checks do not read exactly as jsonschema does."""


def compile_check(schema: Any, conforms: Callable[[Any, str], bool]) -> Check:
    """The check of ``schema``; ``conforms(value, format)`` is the format checker jsonschema uses."""
    if schema is True or schema == {}:
        return lambda v: True
    if schema is False:
        return lambda v: False
    if not isinstance(schema, dict):
        raise Unsupported(repr(schema))
    checks: list[Check] = []
    for key, value in schema.items():
        check = None if key in _ANNOTATIONS else _keyword(key, value, schema, conforms)
        if check is not None:
            checks.append(check)
    if len(checks) == 1:
        return checks[0]
    return lambda v: all(c(v) for c in checks)


def _keyword(key: str, value: Any, schema: dict, conforms: Callable[[Any, str], bool]) -> Check | None:
    """The check of one keyword; None for one checked together with another (``items`` with
    ``prefixItems``, ``additionalProperties`` with ``properties``)."""
    if key == "type":
        kinds = [_TYPES[t] for t in ([value] if isinstance(value, str) else value)]
        return lambda v: any(k(v) for k in kinds)
    if key in ("properties", "additionalProperties"):
        return None if key == "additionalProperties" and "properties" in schema else _object(schema, conforms)
    if key in ("items", "prefixItems"):
        return None if key == "items" and "prefixItems" in schema else _array(schema, conforms)
    if key == "required":
        names = list(value)
        return lambda v: not isinstance(v, dict) or all(n in v for n in names)
    if key == "dependentRequired":
        deps = {k: list(d) for k, d in value.items()}
        return lambda v: not isinstance(v, dict) or all(n in v for k, d in deps.items() if k in v for n in d)
    if key == "propertyNames":
        name = compile_check(value, conforms)
        return lambda v: not isinstance(v, dict) or all(name(k) for k in v)
    if key in ("anyOf", "allOf"):
        subs = [compile_check(s, conforms) for s in value]
        return (lambda v: any(s(v) for s in subs)) if key == "anyOf" else (lambda v: all(s(v) for s in subs))
    if key == "not":
        return _not(value)
    if key in ("enum", "const"):
        return _equal_to(value if key == "enum" else [value])
    return _scalar(key, value, conforms)


def _scalar(key: str, value: Any, conforms: Callable[[Any, str], bool]) -> Check:
    """Keywords about one string, number or list."""
    if key == "pattern":
        search = re.compile(value).search
        return lambda v: not isinstance(v, str) or search(v) is not None
    if key == "format":
        return lambda v: conforms(v, value)
    if key in ("minLength", "maxLength"):
        return _bound(key, value, lambda v: isinstance(v, str), len)
    if key in ("minItems", "maxItems"):
        return _bound(key, value, lambda v: isinstance(v, list), len)
    if key in ("minimum", "maximum"):
        return _bound(key, value, _TYPES["number"], lambda v: v)
    if key == "uniqueItems":
        # only strings are told apart here (jsonschema's equality has its own rules for the rest)
        return lambda v: not value or not isinstance(v, list) or (
            all(isinstance(x, str) for x in v) and len(set(v)) == len(v))
    raise Unsupported(key)


def _bound(key: str, limit: Any, applies: Callable[[Any], bool], size: Callable[[Any], Any]) -> Check:
    if key.startswith("min"):
        return lambda v: not applies(v) or size(v) >= limit
    return lambda v: not applies(v) or size(v) <= limit


def _object(schema: dict, conforms: Callable[[Any, str], bool]) -> Check:
    props = {k: compile_check(s, conforms) for k, s in (schema.get("properties") or {}).items()}
    extra = schema.get("additionalProperties", True)
    other = None if extra is True else compile_check(extra, conforms)

    def check(v: Any) -> bool:
        if not isinstance(v, dict):
            return True
        for k, x in v.items():
            known = props.get(k)
            if known is not None:
                if not known(x):
                    return False
            elif other is not None and not other(x):
                return False
        return True
    return check


def _array(schema: dict, conforms: Callable[[Any, str], bool]) -> Check:
    prefix = [compile_check(s, conforms) for s in schema.get("prefixItems") or []]
    rest = compile_check(schema.get("items", True), conforms)

    def check(v: Any) -> bool:
        if not isinstance(v, list):
            return True
        return all(c(x) for c, x in zip(prefix, v, strict=False)) and all(rest(x) for x in v[len(prefix):])
    return check


def _not(schema: Any) -> Check:
    """Only ``not`` a type: the other checks may say no where unsure, which ``not`` would turn
    into a yes."""
    if not isinstance(schema, dict) or set(schema) - _ANNOTATIONS != {"type"}:
        raise Unsupported("not")
    kinds = [_TYPES[t] for t in ([schema["type"]] if isinstance(schema["type"], str) else schema["type"])]
    return lambda v: not any(k(v) for k in kinds)


def _equal_to(values: list) -> Check:
    """``enum``/``const`` for strings and booleans (jsonschema tells True from 1); any other
    value is left to jsonschema."""
    strings = {x for x in values if isinstance(x, str)}
    flags = [x for x in values if isinstance(x, bool)]
    return lambda v: (isinstance(v, str) and v in strings) or (isinstance(v, bool) and any(v is f for f in flags))
