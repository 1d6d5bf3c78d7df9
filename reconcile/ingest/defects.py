"""What stops one input being read: the loader turns it into a Problem and goes on."""
from __future__ import annotations

from typing import Any


class Skip(Exception):
    """A defect that stops one input being read; the caller words the Problem."""


def kind_name(value: Any) -> str:
    """A YAML or JSON value's kind, as a Problem names it ("got a list")."""
    return {list: "list", str: "string", int: "number", float: "number", bool: "boolean"}.get(
        type(value), type(value).__name__)
