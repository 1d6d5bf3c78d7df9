"""What extraction needs of one language, compiled once: the patterns and settings of
``rules/<lang>/language.yaml`` and the rule files, the marker lexicons' joint table and the
windows.  Immutable and cached per (language, rules folder): every document of a run shares it.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path
from typing import Any

from reconcile.engine.normalise import fold
from reconcile.engine.rules import RULES_DIR, RuleError, RuleSet, fold_pattern, ruleset, trie_regex
from reconcile.engine.wordstart import WordScan

# the lexicons read in one pass over the text (``hits.marker_hits``)
# (``previous_marker_before``: a "previous" word only before the event word, "آخر اتصال", the
# last call, where after it it means "another": "اتصال آخر")
MARKERS = ("future_marker", "past_marker", "previous_marker", "previous_marker_before", "then_marker", "temporal_prep",
           "dual_reference", "time_role", "duration_cue", "relative_interval", "progress_marker", "forecast_cue",
           "separate_marker", "separate_marker_after", "apart_marker")


@dataclass(frozen=True)
class Windows:
    """How far extraction looks from one word for another (``windows:`` in language.yaml, where
    each is explained): characters, or words (``_words``), or entity mentions (``_names``)."""
    time_relative_event: int
    medium_after_event: int
    repeated_name: int
    previous_marker: int
    list_continuation: int
    location_after_head: int
    duration_cue_length: int
    event_after_duration: int
    initiator_before: int
    initiator_after: int
    appositive_words: int
    closing_subject_words: int
    closing_tail_words: int
    office_holder_names: int
    repeated_name_names: int


@dataclass(frozen=True)
class LanguageContext:
    lang: str
    rs: RuleSet
    sentence_end: re.Pattern[str]
    clause_sep: re.Pattern[str]
    quote_min_words: int
    conjunction: str                  # folded; continues a list of names past a comma
    entity_window: int
    windows: Windows
    known_words: frozenset[str]       # lexicon words the gazetteer must not read as fuzzy names
    location_qualifier: re.Pattern[str] | None
    subject_sides: tuple[str, ...]    # where a speech verb's subject stands: after and/or before it
    not_subject: frozenset[str]       # words that stop the search for a speech verb's subject
    subject_max_words: int
    duration_cue_window: int
    duration_adjective: re.Pattern[str] | None   # a duration written as an adjective ("a 30-day")
    duration_link_length: int         # the longest word between a duration and its event noun
    marker_table: Mapping[str, tuple[tuple[str, Any], ...]]   # folded words -> (lexicon, value)
    marker_regex: WordScan
    # what the extractors derive from the context once (regexes built from its lexicons), keyed by
    # the function deriving it: kept with the context, so another rules folder has its own
    memo: dict[Any, Any] = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def speech_after_claim(self) -> bool:
        """Where the subject comes first ("..., the Kremlin said"), a verb after a claim speaks for it."""
        return "before" in self.subject_sides


@cache
def language_context(lang: str, root: Path = RULES_DIR) -> LanguageContext:
    rs = ruleset(lang, root)
    L = rs.language
    table = _marker_table(rs)
    pre = fold_pattern(rs.macros.get("proclitic", ""))
    qualifier = rs.setting("location", "qualifier")
    adjective = rs.setting("duration", "adjective_form")
    return LanguageContext(
        lang=lang, rs=rs,
        sentence_end=re.compile(L.get("sentence_end") or r"[.!?]+(?=\s|$)|\n"),
        clause_sep=re.compile(L.get("clause_separators") or r"[,;]"),
        quote_min_words=int(L.get("quote_min_words") or 2),
        conjunction=fold(str(L.get("conjunction") or "")),
        entity_window=int(L.get("entity_window") or 60),
        windows=_windows(rs),
        known_words=frozenset(k for lx in rs.lexicons.values() for k in lx.entries if " " not in k and len(k) > 2),
        location_qualifier=re.compile(fold_pattern(qualifier)) if qualifier else None,
        subject_sides=tuple(rs.setting("attribution", "subject_side", ["after"]) or ["after"]),
        not_subject=frozenset(fold(str(w)) for w in (rs.setting("attribution", "not_subject", []) or [])),
        subject_max_words=int(rs.setting("attribution", "subject_max_words", 5)),
        duration_cue_window=int(rs.setting("duration", "cue_window", 40)),
        duration_adjective=re.compile(adjective) if adjective else None,
        duration_link_length=max((len(k) + 2 for k in (rs.lexicons["duration_link"].entries
                                                       if "duration_link" in rs.lexicons else ())), default=0),
        marker_table=table,
        marker_regex=WordScan(rf"{pre}(?P<core>{trie_regex(table)})(?!\w)"),
    )


def _marker_table(rs: RuleSet) -> dict[str, tuple[tuple[str, Any], ...]]:
    table: dict[str, list[tuple[str, Any]]] = {}
    for name in MARKERS:
        lx = rs.lexicons.get(name)
        for k, v in (lx.entries.items() if lx else ()):
            table.setdefault(k, []).append((name, v))
    return {k: tuple(v) for k, v in table.items()}


def _windows(rs: RuleSet) -> Windows:
    where = rs.dir / "language.yaml"
    raw = rs.language.get("windows")
    if not isinstance(raw, dict):
        raise RuleError(f"{where}:1: 'windows' must be a mapping of name -> integer")
    line = raw.get("__line__", 1)
    given = {k: v for k, v in raw.items() if k != "__line__"}
    names = [f.name for f in fields(Windows)]
    missing = [n for n in names if n not in given]
    unknown = [k for k in given if k not in names]
    bad = [k for k, v in given.items() if not isinstance(v, int) or isinstance(v, bool)]
    if missing or unknown or bad:
        problems = [f"missing {', '.join(missing)}" if missing else "",
                    f"unknown {', '.join(map(str, unknown))}" if unknown else "",
                    f"not an integer: {', '.join(map(str, bad))}" if bad else ""]
        raise RuleError(f"{where}:{line}: windows: {'; '.join(p for p in problems if p)}")
    return Windows(**{n: given[n] for n in names})
