"""The first names and surnames of the gazetteer's people, and its title words, as the name
finder (``entities.mentions``) reads them; built once per gazetteer and language."""
from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz

_CLOSEST_KEPT = 200_000


@dataclass(frozen=True)
class NameParts:
    first: dict[str, set[str]]          # entity id -> first-name tokens
    last: dict[str, set[str]]           # entity id -> surname tokens
    by_first: dict[str, list[str]]      # first-name token -> entity ids
    # (first name, word after it) -> what closest_surname found: articles put the same words
    # after a common first name again and again ("علي" also folds "على", "on").  Pure results,
    # kept while the gazetteer lives; emptied past _CLOSEST_KEPT pairs (a long-lived process)
    _closest: dict[tuple[str, str], tuple[float, str] | None] = field(
        default_factory=dict, init=False, repr=False, compare=False)

    def closest_surname(self, first: str, word: str) -> tuple[float, str] | None:
        """(score, entity): of the people with this first name, the one whose surname ``word``
        spells most closely (fuzz.ratio at least 70; the first listed on a tie), or None."""
        key = (first, word)
        if key not in self._closest:
            if len(self._closest) >= _CLOSEST_KEPT:
                self._closest.clear()
            best: tuple[float, str] | None = None
            for eid in self.by_first[first]:
                score = max(fuzz.ratio(word, t) for t in self.last[eid])
                if score >= 70 and (best is None or score > best[0]):
                    best = (score, eid)
            self._closest[key] = best
        return self._closest[key]


@dataclass(frozen=True)
class TitleWords:
    titles: frozenset[str]          # titles, and the words for "his counterpart"
    starts: frozenset[str]          # those, and the first words of two-word titles (a pair to spell out)
    not_first: frozenset[str]       # stopwords and titles: no first name ("على بوتين", "الرئيس بوتين")

    @classmethod
    def of(cls, titles: tuple[str, ...], counterparts: frozenset[str], stopwords: frozenset[str]) -> TitleWords:
        all_titles = frozenset(titles) | counterparts
        openers = frozenset(t.split(" ", 1)[0] for t in all_titles if " " in t)
        return cls(all_titles, all_titles | openers, stopwords | frozenset(titles))
