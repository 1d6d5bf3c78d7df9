"""Indented JSON, byte for byte what ``json.dumps(value, ensure_ascii=False, indent=2,
allow_nan=False)`` writes, in one recursive pass appending to a list.

The standard library's indented encoder is pure Python generators nested as deep as the data,
so each piece of text passes up through every level above it; for a report of a thousand
articles that cost as much as grouping them.  Strings still go through the C string encoder.
"""
from __future__ import annotations

from json.encoder import encode_basestring
from typing import Any

_STEP = "  "


def indented_json(value: Any) -> str:
    out: list[str] = []
    _write(value, out, "\n")
    return "".join(out)


def _write(o: Any, out: list[str], nl: str) -> None:
    """``o`` at the nesting whose line break and indent is ``nl``."""
    if isinstance(o, dict):
        if not o:
            out.append("{}")
            return
        inner = nl + _STEP
        sep = "{" + inner
        for k, v in o.items():
            head = sep + (encode_basestring(k) if type(k) is str else _key(k)) + ": "
            sep = "," + inner
            t = type(v)
            if t is str:                # most values: no call
                out.append(head + encode_basestring(v))
            elif t is int:
                out.append(head + int.__repr__(v))
            else:
                out.append(head)
                _write(v, out, inner)
        out.append(nl + "}")
    elif isinstance(o, list | tuple):
        if not o:
            out.append("[]")
            return
        inner = nl + _STEP
        sep = "[" + inner
        for v in o:
            if type(v) is str:
                out.append(sep + encode_basestring(v))
            else:
                out.append(sep)
                _write(v, out, inner)
            sep = "," + inner
        out.append(nl + "]")
    else:
        out.append(_scalar(o))


def _scalar(o: Any) -> str:
    # the order of json's own checks: a bool is an int, a str subclass is a str
    if isinstance(o, str):
        return encode_basestring(o)
    if o is None:
        return "null"
    if o is True:
        return "true"
    if o is False:
        return "false"
    if isinstance(o, int):
        return int.__repr__(o)
    if isinstance(o, float):
        return _float(o)
    raise TypeError(f"Object of type {o.__class__.__name__} is not JSON serializable")


def _float(o: float) -> str:
    if o != o or o in (float("inf"), float("-inf")):
        raise ValueError("Out of range float values are not JSON compliant: " + repr(o))
    return float.__repr__(o)


def _key(k: Any) -> str:
    if isinstance(k, str):
        return encode_basestring(k)
    if isinstance(k, float):
        return encode_basestring(_float(k))
    if k is True:
        return '"true"'
    if k is False:
        return '"false"'
    if k is None:
        return '"null"'
    if isinstance(k, int):
        return encode_basestring(int.__repr__(k))
    raise TypeError(f"keys must be str, int, float, bool or None, not {k.__class__.__name__}")
