"""When a gold name and a report's name are the same thing: spelling keys, known aliases, the
report's own entity table, and a fuzzy match for transliterations (Shoigu / Shoygu)."""
from __future__ import annotations

import difflib
import re
import unicodedata
from typing import Any

# names the gold and a report may spell differently for the same thing
ALIASES: tuple[frozenset[str], ...] = tuple(frozenset(group) for group in (
    {"united states", "usa", "us", "united states of america", "washington", "u.s."},
    {"russia", "russian federation", "moscow"},
    {"nato", "north atlantic treaty organization", "north atlantic alliance"},
    {"osce", "organization for security and co-operation in europe",
     "organization for security and cooperation in europe"},
    {"elysee", "elysee palace", "french presidency"},
    {"kremlin", "russian presidency"},
    {"white house", "the white house"},
    {"liz truss", "elizabeth truss"},
    {"joe biden", "joseph biden", "joseph r biden"},
))
TRANSLITERATION_SIMILARITY = 0.82
_ARABIC_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


def latin_key(name: str) -> str:
    """Lower-case ASCII letters and digits, single-spaced: accents and punctuation dropped."""
    s = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9 ]+", " ", s.lower())
    return " ".join(s.split())


def arabic_key(text: str) -> str:
    """Arabic text without diacritics and tatweel, hamza forms of alef folded, punctuation dropped."""
    s = _ARABIC_DIACRITICS.sub("", unicodedata.normalize("NFKC", str(text)))
    s = re.sub("[أإآٱ]", "ا", s).replace("ى", "ي").replace("ة", "ه")
    s = re.sub(r"[^\w\s]", " ", s)
    return " ".join(s.split())


def similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def contains_fuzzy(needle: str, hay: str) -> float:
    """Best similarity of needle against any window of hay of the same length."""
    if not needle or not hay:
        return 0.0
    if needle in hay:
        return 1.0
    n, best = len(needle), 0.0
    step = max(1, n // 8)
    for i in range(0, max(1, len(hay) - n + 1), step):
        best = max(best, similar(needle, hay[i:i + n]))
    return best


class Names:
    """Canonical-name matching, using the report's entity table as extra spellings."""

    def __init__(self, report: dict[str, Any]):
        self.keys: dict[str, set[str]] = {}
        for ent in report.get("entities") or []:
            spellings = {ent.get("name"), ent.get("id"), (ent.get("labels") or {}).get("en")}
            keys = {latin_key(s) for s in spellings if s}
            for k in keys:
                self.keys.setdefault(k, set()).update(keys)

    def expand(self, name: str) -> set[str]:
        k = latin_key(name)
        out = {k} | self.keys.get(k, set())
        for group in ALIASES:
            if out & group:
                out |= group
        return out

    def same(self, a: str | None, b: str | None) -> bool:
        if not a or not b:
            return False
        ea, eb = self.expand(a), self.expand(b)
        if ea & eb:
            return True
        return any(similar(x, y) >= TRANSLITERATION_SIMILARITY for x in ea for y in eb)
