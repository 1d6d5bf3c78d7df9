"""Plain typed records passed between pipeline stages.

ingest -> normalise -> extract -> entities -> events -> verdicts -> report.
Every stage takes and returns these dataclasses; nothing else is threaded through.
Offsets (``span``) always point into ``Document.text`` exactly as decoded from disk.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]

# The three verdicts, in the order the report lists them (the one definition).
STATUS_ORDER = {"conflict": 0, "corroborated": 1, "single_source": 2}
# The order a reviewer works through them: a lone source needs checking before an agreement.
REVIEW_ORDER = {"conflict": 0, "single_source": 1, "corroborated": 2}


@dataclass(frozen=True)
class Document:
    id: str                      # file name without extension, or the jsonl "id"
    text: str                    # decoded text, never modified; all spans index into it
    sha256: str                  # of the raw bytes as read
    outlet: str | None = None
    language: str | None = None
    published: str | None = None  # "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" (outlet's local time)
    url: str | None = None
    path: str | None = None
    encoding: str = "utf-8"
    inferred: tuple[str, ...] = ()  # metadata fields read from the text, not given


@dataclass(frozen=True)
class Problem:
    """Something wrong with one input; reported as one line, never a traceback."""
    source: str      # the file (and line, for jsonl) it concerns
    message: str
    severity: str = "error"   # "error": the document was skipped; "warning": processed anyway

    def line(self) -> str:
        return f"{self.severity}: {self.source}: {self.message}"


@dataclass
class Corpus:
    documents: list[Document]
    problems: list[Problem] = field(default_factory=list)
    name: str = "corpus"


@dataclass
class EntityRef:
    entity_id: str
    span: Span
    surface: str
    how: str = "gazetteer"      # gazetteer | fuzzy | title


@dataclass
class Entity:
    id: str
    name: str
    type: str                   # person | org | country | city | ...
    labels: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    roles: list[dict[str, Any]] = field(default_factory=list)
    affiliation: str | None = None   # country/org an official speaks for
    surfaces: set[str] = field(default_factory=set)  # spellings seen in the corpus


@dataclass
class Quote:
    doc: str
    span: Span
    text: str
    speaker: str | None          # entity id
    sentence: Span


@dataclass
class Claim:
    id: str                      # stable: derived from document content and span
    doc: str
    fact: str                    # date, start_time, duration, initiator, medium, location, ...
    value: dict[str, Any]        # the report's value shape
    span: Span
    text: str
    sentence: Span
    speaker: str | None = None   # entity id
    hedge: str | None = None
    inferred: bool = False       # taken from the article's context, not its own sentence
    rule: str = ""
    language: str | None = None


@dataclass
class Event:
    id: str
    kind: str
    participants: list[str]      # entity ids
    date: tuple[str, str] | None
    claims: list[Claim] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)


@dataclass
class FactVerdict:
    event: str
    fact: str
    status: str                  # corroborated | conflict | single_source
    independent_sources: int
    explanation: str
    claims: list[Claim]
    conflicting: list[tuple[str, str]] = field(default_factory=list)  # claim id pairs
    self_contradictions: list[str] = field(default_factory=list)      # doc ids


@dataclass
class QuoteGroup:
    speaker: str | None
    status: str
    text: str
    quotes: list[Quote]
    note: str = ""
