"""One line of a JSON Lines feed: an object with an "id" and a "text"."""
from __future__ import annotations

import json
import math
from typing import Any

from reconcile.ingest.decoding import utf8_encodable
from reconcile.ingest.defects import Skip, kind_name


def parse_jsonl_line(line: str) -> tuple[str, str, dict[str, Any]]:
    """(id, text, record) from one JSON line; raises Skip naming the defect."""
    try:
        record = json.loads(line, parse_int=_int, parse_float=_float, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise Skip(f"invalid JSON: {exc.msg} at column {exc.colno}") from None
    except RecursionError:
        raise Skip("invalid JSON: nested too deeply") from None
    if not isinstance(record, dict):
        raise Skip(f"expected a JSON object, got a {kind_name(record)}")
    doc_id, text = record.get("id"), record.get("text")
    if not isinstance(doc_id, str) or not doc_id.strip():
        raise Skip("missing or empty \"id\"")
    if not utf8_encodable(doc_id):
        raise Skip("\"id\" contains an invalid \\u escape (lone surrogate)")
    if text is None:
        raise Skip("missing \"text\"")
    if not isinstance(text, str):
        raise Skip(f"\"text\" should be a string, got a {kind_name(text)}")
    if not text.strip():
        raise Skip("empty \"text\"")
    if not utf8_encodable(text):  # a lone surrogate written as a \ud8xx escape
        raise Skip("\"text\" contains an invalid \\u escape (lone surrogate)")
    return doc_id, text, record


MAX_DIGITS = 50   # no field of an article is a number this long; int() of 5,000 digits raises


def _int(digits: str) -> int:
    if len(digits) > MAX_DIGITS:
        raise Skip(f"invalid JSON: a number of {len(digits)} digits")
    return int(digits)


def _float(digits: str) -> float:
    value = float(digits)
    if not math.isfinite(value):
        raise Skip(f"invalid JSON: {digits[:20]} is out of range")
    return value


def _no_constant(name: str) -> None:
    raise Skip(f"invalid JSON: {name} is not a JSON value")
