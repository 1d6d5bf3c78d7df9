"""Which characters of a text the mentions found so far cover."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any


class Covered:
    """Which characters of a text some span covers: one byte per character (a set of every
    covered offset, built with a Python-level walk per span, cost more than the lookups)."""

    # spans: (start, end, ...) tuples, mentions or bare (start, end)
    def __init__(self, size: int, *spans: Iterable[tuple[Any, ...]]):
        self._flags = bytearray(size)
        for group in spans:
            for span in group:
                self.add(span[0], span[1])

    def add(self, s: int, e: int) -> None:
        if e > s:
            self._flags[s:e] = b"\x01" * (e - s)

    def at(self, p: int) -> bool:
        return bool(self._flags[p])

    def any_in(self, s: int, e: int) -> bool:
        return self._flags.find(1, s, e) >= 0
