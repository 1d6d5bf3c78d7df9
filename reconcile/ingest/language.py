"""Which language (script) a text is written in."""
from __future__ import annotations

import re


def is_arabic(ch: str) -> bool:
    return ("\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\u08a0" <= ch <= "\u08ff"
            or "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff")


def is_latin_letter(ch: str) -> bool:
    return ch.isalpha() and (ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff")


def detect_language(text: str) -> str | None:
    """'ar' or 'en' when Arabic or Latin letters make up most letters, else None."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return None
    arabic = sum(1 for ch in letters if is_arabic(ch))
    latin = sum(1 for ch in letters if is_latin_letter(ch))
    if arabic > len(letters) / 2:
        return "ar"
    if latin > len(letters) / 2:
        return "en"
    return None


def languages_in(text: str, primary: str | None) -> list[str]:
    """The document's language first, then the other script's language when a real share of
    the text is written in it (an Arabic article quoting an English statement)."""
    letters = {"ar": _ARABIC_LETTERS, "en": _LATIN_LETTERS}
    counts: dict[str, int] = {}

    def count(lang: str) -> int:
        # counted by regex (in C), run by run, and only when needed: the document's own script
        # (most of its letters) only when the other has enough letters to be read at all
        if lang not in counts:
            counts[lang] = sum(map(len, letters[lang].findall(text)))
        return counts[lang]

    out = [primary] if primary else []
    for lang in letters:
        if lang not in out and count(lang) >= 80 and count(lang) >= 0.15 * sum(map(count, letters)):
            out.append(lang)
    return out


_ARABIC_LETTERS = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]+")
_LATIN_LETTERS = re.compile("[A-Za-z\u00c0-\u024f]+")
