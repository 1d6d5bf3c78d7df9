"""Plain typed records passed between pipeline stages.

ingest -> normalise -> extract -> entities -> events -> verdicts -> report.
Every stage takes and returns these dataclasses; nothing else is threaded through.
Offsets (``span``) always point into ``Document.text`` exactly as decoded from disk.
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from reconcile.engine.normalise import NormalText

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
    attached_by: str = ""        # why it belongs to its event: clause | main_event | lead | event_date | reviewer


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
class Source:
    """One independent claimant behind a fact, with what carries it."""
    key: str                     # "entity:kremlin", "outlet:Al Khaleej", "document:003_..."
    label: str                   # how a reader is told who it is
    claims: list[str]            # claim ids
    documents: list[str]         # document ids, in the order first met


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
    sources: list[Source] = field(default_factory=list)               # the independent claimants
    # a listed claim's id -> how many more claims of its document say the same (same value,
    # speaker, hedge) and are not listed (verdicts.MAX_RESTATEMENTS)
    restatements: dict[str, int] = field(default_factory=dict)


@dataclass
class QuoteGroup:
    speaker: str | None
    status: str
    text: str
    quotes: list[Quote]
    note: str = ""


# ---------------------------------------------------------------- extraction (folded offsets)
# The records below hold offsets into the folded text (``NormalText.text``) until
# ``DocExtraction.span`` converts them back to ``Document.text``.

# An entity named in the text: (start, end, entity id, how it was found: gazetteer | fuzzy |
# title | adjective ...).  A plain tuple: the gazetteer makes one per name in every article.
EntityMention = tuple[int, int, str, str]
# A marker word (``future_marker``, ``time_role`` ...): (start, end, its lexicon value).
Marker = tuple[int, int, Any]


@dataclass
class Hit:
    """A rule match in folded offsets, with its value."""
    dim: str
    start: int
    end: int
    rule: str
    value: Any = None
    tokens: list = field(default_factory=list)
    rule_value: dict = field(default_factory=dict)


@dataclass
class Segment:
    """A clause of a sentence."""
    start: int
    end: int
    sentence: int                 # index into DocExtraction.sentences
    anchor: int | None = None     # index of the segment whose event this one's claims go to


@dataclass(slots=True)
class Attribution:
    """A speech cue in a sentence and the speaker it names (or carries over)."""
    position: int                 # where the cue starts
    speaker: str                  # entity id
    cue: str                      # verb | according_to | relay
    span: Span | None             # the speaker's name; None: carried from the last one named
    closing: bool                 # ", the White House said." ending the sentence speaks for all of it


@dataclass
class RawMention:
    """An event mention before resolution: what one stretch of a sentence says happened."""
    doc: str
    sentence: int
    scope: Span
    trigger: Span
    kind: str
    participants: list[str]
    dual: bool
    dates: list[Hit]
    medium: str | None
    previous: bool
    future: bool
    generic: bool
    locations: list[tuple[str, int, int]]
    # dates of the statement that reports it ("X said on Wednesday that the call ..."): no
    # date of the event, at most the day it is known to have happened by
    reported: list[Hit] = field(default_factory=list)
    # told as another contact the same day ("earlier in the day, X dialled Z"): it joins no
    # event of the article that has people it does not name
    apart: bool = False


@dataclass
class EventMentions:
    """The event mentions of a document and which segment each one belongs to."""
    mentions: list[RawMention]
    by_segment: dict[int, int]    # index of an anchoring segment -> index into mentions


@dataclass
class RawClaim:
    fact: str
    hit: Hit
    value: dict
    sentence: int
    mention: int | None           # index into mentions; None: the document's current event
    speaker: str | None
    hedge: str | None = None
    inferred: bool = False
    local_time: dict | None = None
    attached_by: str = ""         # set by the event grouping (see Claim.attached_by)
    # the same words claim this for several events ("calls with A and B on Monday"): its id
    # in the report names the event too
    shared: bool = False


@dataclass
class Unplaced:
    """Something an article says that could not be given to an event, or a clock time that
    could not be converted: shown to the reader as found, never compared."""
    doc: str
    fact: str
    span: Span
    text: str
    reason: str
    value: dict | None = None     # the claim's value, when it has one without an event
    local: dict | None = None     # a clock time's local reading (hour, minute, zone or None)


@dataclass
class DocExtraction:
    """Everything extracted from one document in one language."""
    doc: Document
    nt: NormalText
    lang: str
    ref: dt.date | None
    sentences: list[Span]
    entities: list[EntityMention]
    mentions: list[RawMention]
    claims: list[RawClaim]
    quotes: list[Quote]
    hits: dict[str, list[Hit]]

    def span(self, start: int, end: int) -> Span:
        return self.nt.to_original(start, end)

    def entities_in(self, start: int, end: int) -> list[EntityMention]:
        """Entity mentions starting in [start, end), by bisection on the sorted list."""
        starts = self._entity_starts()
        return self.entities[bisect_left(starts, start):bisect_left(starts, end)]

    def entity_index(self, pos: int) -> int:
        """Index in ``entities`` of the first mention starting at or after ``pos``."""
        return bisect_left(self._entity_starts(), pos)

    def _entity_starts(self) -> list[int]:
        starts = self.__dict__.get("_starts")
        if starts is None or len(starts) != len(self.entities):
            starts = self.__dict__["_starts"] = [e[0] for e in self.entities]
        return starts


@dataclass(frozen=True)
class Relay:
    """Whom a document's own voice relays: the original of its copy group, the agency it credits."""
    copy_of: str | None = None   # the first document of its copy group, when it is a copy
    wire: str | None = None      # entity id of the agency it credits ("(AFP)", "— Reuters")


@dataclass(frozen=True)
class CopyGroup:
    """Documents that are copies of one another (wire copy, reprints, updated versions)."""
    original: str                # the first member in corpus order: the group is named by it
    members: tuple[str, ...]     # every member, the original first

