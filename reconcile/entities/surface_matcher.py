"""Find the gazetteer's spellings in a folded text.

This gives exactly the name spans, in the same order, that ``re.finditer`` gives with the
pattern ``(?<!\\w){proclitic}(?P<name>{trie of the spellings})(?!\\w)`` (blank in a spelling:
any run of blanks; IGNORECASE for a language written in cases), without compiling that
pattern: its alternation of ~7 000 spellings is 70 000 characters, and ``re``'s parser and
compiler, which are pure Python, took 0.2-0.3 s of every run to build it.  An Aho-Corasick
automaton (pyahocorasick, C) of the same spellings builds in a few milliseconds and scans in
C; the regex's choices are then replayed on its hits in Python:

* at one start, the regex walks the spellings' prefix tree greedily and backtracks: it ends
  at the LONGEST spelling that starts there and is followed by no word character;
* before the name, each optional letter set of the proclitic (``[وف]?[بلك]?``) is taken when
  the text allows and dropped on backtracking: the name starts are tried in that order
  (depth first), and the first that starts a spelling wins;
* ``finditer`` takes the leftmost start whose previous character is no word character, then
  goes on from the end of that match.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

import ahocorasick

from reconcile.engine.rules import RuleError

# The lower-case letters Python's IGNORECASE treats as one letter though they differ (they
# share an upper case: "ı"/"i", "ſ"/"s", "ς"/"σ"); first of each set: the one both sides are
# mapped to.  Folded text and folded spellings are lower case already (normalise lowers every
# letter), so these are the only letters case-blind matching has to merge.
# tests/test_surface_matcher.py checks this list against ``re``'s own table.
CASE_TWINS = ("i\u0131", "s\u017f", "\u00b5\u03bc", "\u0345\u03b9\u1fbe", "\u0390\u1fd3", "\u03b0\u1fe3",
              "\u03b2\u03d0", "\u03b5\u03f5", "\u03b8\u03d1", "\u03ba\u03f0", "\u03c0\u03d6", "\u03c1\u03f1",
              "\u03c2\u03c3", "\u03c6\u03d5", "\u0432\u1c80", "\u0434\u1c81", "\u043e\u1c82", "\u0441\u1c83",
              "\u0442\u1c84\u1c85", "\u044a\u1c86", "\u0463\u1c87", "\u1c88\ua64b", "\u1e61\u1e9b",
              "\ufb05\ufb06")
_TWIN_OF = {ord(c): twins[0] for twins in CASE_TWINS for c in twins[1:]}
_HAS_TWIN = re.compile("[" + re.escape("".join(chr(c) for c in _TWIN_OF)) + "]")
# a blank in a spelling matches any run of blanks (\s+): the scanned text has one space instead
_ODD_BLANK = re.compile(r"[^\S ]")
# "[وف]?[بلك]?": the only shape of proclitic the matcher replays
_PROCLITIC = re.compile(r"(?:\[[^\]\\^-]+\]\?)*")
_LETTER_SET = re.compile(r"\[([^\]]+)\]\?")


def _is_word(ch: str) -> bool:
    # what \w matches in a str pattern
    return ch.isalnum() or ch == "_"


class SurfaceMatcher:
    """The gazetteer spellings of one language, ready to be found in folded texts."""

    def __init__(self, words: Iterable[str], proclitic: str = "", ignore_case: bool = False):
        if not _PROCLITIC.fullmatch(proclitic):
            raise RuleError(f"proclitic_pattern {proclitic!r}: only optional letter sets such as "
                            "'[وف]?[بلك]?' are supported")
        self._twins = _TWIN_OF if ignore_case else None
        self._letter_sets = [self._canonical(s) for s in _LETTER_SET.findall(proclitic)]
        self._clitics = frozenset("".join(self._letter_sets))
        self._automaton = ahocorasick.Automaton()
        # spellings differing only by case twins ("kalın", "kalin") are one key; which one the
        # regex would reach first decides between keys of different length matching at one start
        ranks: dict[str, int] = {}
        for rank, w in enumerate(sorted(set(words), key=_trying_order)):
            ranks.setdefault(self._canonical(w), rank)
        for key, rank in ranks.items():
            self._automaton.add_word(key, (len(key), rank))
        if ranks:
            self._automaton.make_automaton()

    def _canonical(self, text: str) -> str:
        return text.translate(self._twins) if self._twins is not None and _HAS_TWIN.search(text) else text

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every name found in ``text`` (folded), left to right."""
        if self._automaton.kind != ahocorasick.AHOCORASICK:
            return []
        scanned = self._canonical(text)
        runs: _BlankRuns | None = None
        if not scanned.isprintable() or "  " in scanned:
            runs = _BlankRuns(scanned)
            scanned = runs.text
        chosen = self._chosen(scanned)
        if not chosen:
            return []
        clitics = self._clitics
        out = []
        end = 0
        for start in self._match_starts(scanned, chosen):
            if start < end:
                continue           # finditer goes on from the end of the previous match
            if scanned[start] not in clitics:
                name_starts: Iterable[int] = (start,)
            else:
                name_starts = self._name_starts(scanned, start)
            for s in name_starts:
                if s in chosen:
                    end = chosen[s]
                    out.append((s, end))
                    break
        return runs.back(out) if runs else out

    def _chosen(self, text: str) -> dict[int, int]:
        """name start -> end of the spelling the regex would choose there: of those followed by
        no word character, the first it tries (the longest unless case twins differ), for every
        start that has no word character before it or a proclitic letter."""
        chosen: dict[int, tuple[int, int]] = {}
        earlier = chosen.get
        n = len(text)
        clitics = self._clitics
        # one pass per hit of the automaton (tens per article): each character read once
        for last, (length, rank) in self._automaton.iter(text):
            e = last + 1
            if e < n:
                after = text[e]
                if after.isalnum() or after == "_":
                    continue
            s = e - length
            if s:
                before = text[s - 1]
                if (before.isalnum() or before == "_") and before not in clitics:
                    continue
            seen = earlier(s)
            if seen is None or rank < seen[0]:
                chosen[s] = (rank, e)
        return {s: e for s, (_, e) in chosen.items()}

    def _match_starts(self, text: str, chosen: dict[int, int]) -> list[int]:
        """Where a match may begin, in order: after a non-word character, with only proclitic
        letters (at most one per set) between there and a name start."""
        clitics = self._clitics
        if not clitics:
            return sorted(chosen)       # ``_chosen`` kept only starts after a non-word character
        starts = set()
        depth = len(self._letter_sets)
        for s in chosen:
            if not s or text[s - 1] not in clitics:
                starts.add(s)           # after a non-word character (``_chosen``): no proclitic
                continue
            p = s
            while True:
                if not p or not _is_word(text[p - 1]):
                    starts.add(p)
                if not p or s - p == depth or text[p - 1] not in clitics:
                    break
                p -= 1
        return sorted(starts)

    def _name_starts(self, text: str, p: int) -> list[int]:
        """Where the name starts after the proclitic, in the regex's order of trying: each
        letter set taken (when the text has one of its letters) before it is left out."""
        tried = [p]
        n = len(text)
        for letters in self._letter_sets:
            # each way of reading the sets so far, the next set taken first, then left out
            tried = [q for at in tried
                     for q in ((at + 1, at) if at < n and text[at] in letters else (at,))]
        return tried


def _trying_order(spelling: str) -> str:
    """The regex's prefix tree tries the letters after a common beginning in code-point order,
    and a longer spelling before the one that ends there."""
    return spelling + "\U0010ffff"


class _BlankRuns:
    """A text with every blank made a space and each run of blanks one space (what the scanner
    reads), and the way back to the text's offsets."""

    def __init__(self, text: str):
        # a newline is the common odd blank: str.replace is much faster than a regex pass
        text = text.replace("\n", " ")
        if not text.isprintable():       # every blank but the space is unprintable
            text = _ODD_BLANK.sub(" ", text)
        self.starts: list[int] = []      # where each run of spaces begins, in the new text
        self.extra: list[int] = [0]      # characters the runs so far took out
        pieces = []
        removed = last = 0
        i = text.find("  ")
        while i >= 0:
            j = i + 2
            while j < len(text) and text[j] == " ":
                j += 1
            pieces.append(text[last:i + 1])
            last = j
            self.starts.append(i - removed)
            removed += j - i - 1
            self.extra.append(removed)
            i = text.find("  ", j)
        pieces.append(text[last:])
        self.text = "".join(pieces)

    def back(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        if not self.starts:
            return spans
        # an offset q moves by what the runs before it took out: a run beginning at q is after
        # q, one beginning before q is wholly before it (inline: two calls per name cost more)
        starts, extra = self.starts, self.extra
        return [(s + extra[bisect_left(starts, s)], e + extra[bisect_left(starts, e)]) for s, e in spans]
