"""A document's words, and which of its characters the mentions found so far cover."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate
from typing import Any, overload

Word = tuple[int, int, str]                 # start, end, folded word
_WORD_SPLIT = re.compile(r"(\w+)")


def split_words(text: str) -> tuple[list[int], list[str], Words]:
    """(the words' starts, the words, (start, end, word) of each): the text is cut once at its
    words, every other piece a word, and the offsets summed from the pieces' lengths (cheaper
    than a Python tuple per match object)."""
    pieces = _WORD_SPLIT.split(text)
    ends = list(accumulate(map(len, pieces)))
    starts = ends[0::2][:len(pieces) // 2]
    texts = pieces[1::2]
    return starts, texts, Words(starts, ends[1::2], texts)


class Words(Sequence[Word]):
    """A document's words as (start, end, word), each tuple made when asked for: the name
    finders look at a few words by index (those a name may start with), and a tuple for
    every word of every article cost more than the cut itself."""

    def __init__(self, starts: list[int], ends: list[int], texts: list[str]):
        self._starts, self._ends, self._texts = starts, ends, texts

    @property
    def ends(self) -> list[int]:
        """Each word's end (the loops over many words read the lists, not tuples)."""
        return self._ends

    def __len__(self) -> int:
        return len(self._texts)

    @overload
    def __getitem__(self, i: int) -> Word: ...

    @overload
    def __getitem__(self, i: slice) -> list[Word]: ...

    def __getitem__(self, i: int | slice) -> Word | list[Word]:
        if isinstance(i, slice):
            return list(zip(self._starts[i], self._ends[i], self._texts[i], strict=True))
        return self._starts[i], self._ends[i], self._texts[i]

    def __iter__(self) -> Iterator[Word]:
        return zip(self._starts, self._ends, self._texts, strict=True)


class Covered:
    """Which characters of a text some span covers: one byte per character (a set of every
    covered offset, built with a Python-level walk per span, cost more than the lookups)."""

    # spans: (start, end, ...) tuples, mentions or bare (start, end)
    def __init__(self, size: int, *spans: Iterable[tuple[Any, ...]]):
        self._flags = bytearray(size)
        self.add_all(*spans)

    def add_all(self, *spans: Iterable[tuple[Any, ...]]) -> None:
        # ``add`` inline: every mention of every article passes here, some several times
        flags = self._flags
        for group in spans:
            for span in group:
                s, e = span[0], span[1]
                if e > s:
                    flags[s:e] = b"\x01" * (e - s)

    def add(self, s: int, e: int) -> None:
        if e > s:
            self._flags[s:e] = b"\x01" * (e - s)

    def at(self, p: int) -> bool:
        return bool(self._flags[p])

    def any_in(self, s: int, e: int) -> bool:
        return self._flags.find(1, s, e) >= 0
