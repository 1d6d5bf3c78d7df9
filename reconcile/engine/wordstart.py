"""Find where a regex can match at the start of a word, without a match attempt at every character.

A scan regex that begins with ``(?<!\\w)`` makes Python's engine start an attempt at every
character of the text, and each attempt pays for the lookbehind's Unicode category lookup:
about 0.03 s per megabyte, for each of the eight dimensions scanned in every article.  A
pattern whose first item is a character class is searched differently: the engine skips, in
one tight loop, every character outside the class, and only tries the pattern where one is
found.  So the scan *consumes* the character before a word instead of looking back at it.
That class is every non-word character of the Basic Multilingual Plane written out as ranges
(``[\\W]`` would be looked up by the same slow category call).

What the consuming form cannot see is handled apart: a word at the very start of the text
has no character before it (``WordStartScan.first``), and a text holding characters beyond
the BMP, which the class does not list, is scanned by the plain lookbehind regex (compiled
only when such a text comes).  Matches are exactly the plain regex's ``finditer``.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, cached_property

_BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")


@cache
def nonword_class() -> str:
    """A character class of every character of the BMP that ``\\w`` does not match."""
    bmp = "".join(map(chr, range(0x10000)))
    ranges = []
    last = 0
    for word in re.finditer(r"\w+", bmp):
        if word.start() > last:
            ranges.append((last, word.start() - 1))
        last = word.end()
    if last < 0x10000:
        ranges.append((last, 0xFFFF))
    return "[" + "".join(f"\\u{a:04x}" if a == b else f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges) + "]"


class WordStartScan:
    """``re.compile(r"(?<!\\w)" + body).finditer`` found by skipping to non-word characters."""

    def __init__(self, body: str, opening: str | None = None):
        self.body = body
        self.consuming = re.compile(nonword_class() + body)
        # what every match begins with (a start guard), to rule out the first word cheaply
        self.opening = re.compile(opening) if opening else None

    def may_start(self, text: str, end: int) -> bool:
        """Whether a match can begin at the start of ``text`` (False: it certainly cannot)."""
        return self.opening is None or self.opening.match(text, 0, end) is not None

    @cached_property
    def plain(self) -> re.Pattern[str]:
        return re.compile(r"(?<!\w)" + self.body)

    def first_end(self, text: str, end: int) -> int:
        """Where the match at the very start of ``text`` ends (-1: none there): no character
        precedes that word for the consuming regex to read."""
        m = self.plain.match(text, 0, end)
        return m.end() if m else -1

    def spans(self, text: str, start: int = 0, end: int | None = None,
              first_end: int | None = None) -> Iterator[tuple[int, int]]:
        """(start, end) of each match of the plain regex in text[start:end].  A caller that
        already knows where the match at 0 ends (-1: none) passes it as ``first_end``, so the
        plain regex need not be compiled for it."""
        end = len(text) if end is None else end
        if _BEYOND_BMP.search(text, max(start - 1, 0), end):
            yield from (m.span() for m in self.plain.finditer(text, start, end))
            return
        pos = start
        if start == 0:
            first_end = self.first_end(text, end) if first_end is None else first_end
            if first_end >= 0:
                yield 0, first_end
                pos = max(first_end, 1)
        search = self.consuming.search
        while True:
            # the character before ``pos`` is what the consuming regex reads first
            m = search(text, max(pos - 1, 0), end)
            if m is None:
                return
            s, e = m.start() + 1, m.end()
            yield s, e
            pos = e if e > s else s + 1
