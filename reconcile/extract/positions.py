"""Items indexed by where they start in the text."""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from operator import attrgetter, itemgetter
from typing import Any, Generic, TypeVar

from reconcile.records import Hit

T = TypeVar("T")


# keys read at C speed (every article builds a dozen indexes of its hits and markers)
_first: Callable[[Any], int] = itemgetter(0)


class Starts(Generic[T]):
    """Items sorted by start position, with the ones starting in [a, b) found by bisection:
    a long article must not make every lookup a scan of the whole document."""

    def __init__(self, items: Iterable[T], key: Callable[[T], int] = _first):
        self.items = sorted(items, key=key)
        self.keys = list(map(key, self.items))

    def between(self, a: int, b: int) -> list[T]:
        return self.items[bisect_left(self.keys, a):bisect_left(self.keys, b)]

    def any_between(self, a: int, b: int) -> bool:
        i = bisect_left(self.keys, a)
        return i < len(self.keys) and self.keys[i] < b


hit_start: Callable[[Hit], int] = attrgetter("start")


def speech_verbs(hits: dict[str, list[Hit]]) -> Starts[Hit]:
    """The speech verbs among an article's attribution hits ("said", "أعلن"), by position."""
    return Starts([h for h in hits["attribution"] if (h.value or {}).get("cue", "verb") == "verb"], key=hit_start)
