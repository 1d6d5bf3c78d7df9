"""Matching-only normalisation with a map back to the original text.

Rules, gazetteer aliases and document text all go through ``fold`` so that one spelling in a
rule file matches every variant in a document (hamza forms, ta marbuta, diacritics, tatweel,
Arabic-Indic digits, the many quote marks).  The normalised string is never shown to a user:
``NormalText.to_original`` maps every match back to the exact characters of the document.
"""
from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress

# Harakat, Quranic marks and superscript alef carry no identity for matching; tatweel is
# typographic stretching.  All are deleted.
_DELETE = set(chr(c) for c in range(0x0610, 0x061B)) | set(chr(c) for c in range(0x064B, 0x0660)) \
    | {"\u0670", "\u0640"} | set(chr(c) for c in range(0x06D6, 0x06EE)) \
    | {"\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff", "\u00ad"}

_REPLACE = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ی": "ي", "ئ": "ي",
    "ة": "ه", "ؤ": "و",
    "ک": "ك", "ڤ": "ف", "گ": "ك",
    "،": "،", "؛": ";", "٪": "%", "٫": ".", "٬": ",",
    # every quotation mark becomes the ASCII double quote: outlets use «», “”, „, ‘’ alike
    "’": "'", "‘": "'", "ʼ": "'",
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "‹": '"', "›": '"',
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2002": " ", "\u2003": " ",
    "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-",
}
for _i, _d in enumerate("٠١٢٣٤٥٦٧٨٩"):
    _REPLACE[_d] = str(_i)
for _i, _d in enumerate("۰۱۲۳۴۵۶۷۸۹"):
    _REPLACE[_d] = str(_i)

# "الـ10": the article written against a numeral with a tatweel; drop it so the number is bare.
_ARTICLE_BEFORE_DIGIT = re.compile(r"ال\u0640+(?=[0-9٠-٩۰-۹])")


def _fold_char(ch: str) -> str:
    if ch in _DELETE:
        return ""
    if ch in _REPLACE:
        return _REPLACE[ch]
    if ord(ch) < 128:
        return ch.lower()
    out = unicodedata.normalize("NFKC", ch)
    if out != ch:
        return "".join(_fold_char(c) for c in out)
    return ch.lower()


@dataclass(frozen=True)
class NormalText:
    original: str
    text: str                 # folded
    index: Sequence[int]      # index[i] = position in original of folded char i; len(text)+1 long

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) range of the folded text to the original text."""
        if start >= len(self.text):
            return len(self.original), len(self.original)
        o_start = self.index[start]
        o_end = self.index[end - 1] + 1 if end > start else o_start
        # a folded char may stand for several original ones (a deleted mark right after it)
        while o_end < len(self.original) and self.original[o_end] in _DELETE and \
                self.original[o_end] not in "\u0640":
            o_end += 1
        return o_start, o_end


_TABLE: dict[int, str | None] = {ord(k): v for k, v in _REPLACE.items()}
# Characters of the general punctuation block fold to themselves or to what _REPLACE says;
# NFKC maps a few (en quad, ellipsis...) to other characters: those take the slow path.
_SAFE_PUNCT = {c for c in range(0x2000, 0x2070) if unicodedata.normalize("NFKC", chr(c)) == chr(c)}
_TABLE.update({ord(c): None for c in _DELETE})
_TABLE.update({c: chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})
_DELETABLE = re.compile("[" + "".join(sorted(_DELETE)) + "]")
# Characters whose NFKC form differs (presentation forms, full-width, ligatures) or whose
# lower case is not a single character need the slow per-character path: every character
# outside Latin-1's first 192, the Arabic block and the general punctuation block, and the
# few of that block NFKC changes and no table entry covers.  One character class, so one
# search of the text tells.
_SLOW_PUNCT = "".join(chr(c) for c in range(0x2000, 0x2070) if c not in _SAFE_PUNCT and chr(c) not in _REPLACE
                      and chr(c) not in _DELETE)
_NEEDS_SLOW = re.compile("[\u00c0-\u05ff\u0700-\u1fff\u2070-\U0010ffff" + re.escape(_SLOW_PUNCT) + "]")

# str.translate looks every character up in the table (slow on Arabic text); one str.replace
# per table entry the text holds gives the same string several times faster, since no entry
# yields a character another entry would change (checked in tests/test_normalise.py)
_SHORT = 300
_REPLACEMENTS = tuple((chr(k), v or "") for k, v in sorted(_TABLE.items()) if v != chr(k))


def _translated(s: str) -> str:
    if len(s) < _SHORT:
        return s.translate(_TABLE)      # a word or a name: fewer lookups than entries to try
    for ch, to in _REPLACEMENTS:
        if ch in s:
            s = s.replace(ch, to)
    return s


def _fast_source(original: str) -> str | None:
    """``original`` ready for the fast path, when every char maps to one char or is deleted:
    "الـ10", the article is deleted like the tatweel (replaced by one, same length, so offsets
    hold).  None when some char needs the slow per-character path."""
    if _NEEDS_SLOW.search(original):
        return None
    if "\u0640" in original:
        return _ARTICLE_BEFORE_DIGIT.sub(lambda m: "\u0640" * len(m.group()), original)
    return original


def normalise(original: str) -> NormalText:
    """Fold ``original`` for matching and keep, for every folded char, where it came from."""
    source = _fast_source(original)
    if source is None:
        return _normalise_slow(original)
    text = _translated(source)
    if len(text) == len(original):
        return NormalText(original, text, range(len(original) + 1))
    kept = [True] * len(original)
    for m in _DELETABLE.finditer(source):
        kept[m.start()] = False
    # a machine-int array: a list of Python ints costs ~8x the memory per character
    index = array("l", compress(range(len(original)), kept))
    index.append(len(original))
    return NormalText(original, text, index)


def _normalise_slow(original: str) -> NormalText:
    skip: set[int] = set()
    for m in _ARTICLE_BEFORE_DIGIT.finditer(original):
        skip.update(range(m.start(), m.end()))
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(original):
        if i in skip:
            continue
        folded = _fold_char(ch)
        for c in folded:
            out.append(c)
            index.append(i)
    index.append(len(original))
    return NormalText(original, "".join(out), array("l", index))


@lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """The folded form of a rule word or alias (no offsets needed, so none are built)."""
    source = _fast_source(s)
    return _normalise_slow(s).text if source is None else _translated(source)


_NON_WORD = re.compile(r"[^\w\s]+")


def key(s: str) -> str:
    """A loose comparison key: folded, punctuation dropped, spaces collapsed."""
    return " ".join(_NON_WORD.sub(" ", fold(s)).split())
