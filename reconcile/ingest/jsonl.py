"""One line of a JSON Lines feed: an object with an "id" and a "text"."""
from __future__ import annotations

import json
from typing import Any

from reconcile.ingest.defects import Skip, kind_name


def parse_jsonl_line(line: str) -> tuple[str, str, dict[str, Any]]:
    """(id, text, record) from one JSON line; raises Skip naming the defect."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise Skip(f"invalid JSON: {exc.msg} at column {exc.colno}") from None
    except RecursionError:
        raise Skip("invalid JSON: nested too deeply") from None
    if not isinstance(record, dict):
        raise Skip(f"expected a JSON object, got a {kind_name(record)}")
    doc_id, text = record.get("id"), record.get("text")
    if not isinstance(doc_id, str) or not doc_id.strip():
        raise Skip("missing or empty \"id\"")
    if text is None:
        raise Skip("missing \"text\"")
    if not isinstance(text, str):
        raise Skip(f"\"text\" should be a string, got a {kind_name(text)}")
    if not text.strip():
        raise Skip("empty \"text\"")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate written as a \ud8xx escape
        raise Skip("\"text\" contains an invalid \\u escape (lone surrogate)") from None
    return doc_id, text, record
