"""Where a word may begin, found at C speed: the class of every non-word character.

A regex that begins with ``(?<!\\w)`` makes Python's engine start an attempt at every
character of the text, and each attempt pays for the lookbehind's Unicode category lookup.
A regex whose first item is a character class is searched differently: the engine skips, in
one tight loop, every character outside the class.  So a scan may consume the character
before a word instead of looking back at it, with this class: every non-word character of the
Basic Multilingual Plane written out as ranges (``[\\W]`` would be looked up by the same slow
category call).  A text with characters beyond the BMP needs the plain form.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

# what nonword_class does not list: a text holding one is scanned the plain way
BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")


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


class WordScan:
    """The matches of ``(?<!\\w)`` + ``body`` (a regex of whole words), found by consuming the
    character before each word.  Read a match by its named groups: the whole match holds that
    character too."""

    def __init__(self, body: str):
        self.plain = re.compile(r"(?<!\w)" + body)
        self.consuming = re.compile(nonword_class() + body)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """What ``plain.finditer(text)`` yields, group for group."""
        if BEYOND_BMP.search(text):
            yield from self.plain.finditer(text)
            return
        pos = 0
        first = self.plain.match(text)
        if first is not None:
            yield first
            pos = max(first.end(), 1)
        search = self.consuming.search
        # the character before ``pos`` is the one the consuming regex reads first
        while (m := search(text, max(pos - 1, 0))) is not None:
            yield m
            pos = m.end() if m.end() > m.start() + 1 else m.start() + 2
