"""One document's event words, hits and markers by position, built once for all its event
mentions (``mentions.event_mentions``), with what the mentions' tests found that others ask again."""
from __future__ import annotations

from dataclasses import dataclass, field
from operator import itemgetter

from reconcile.extract.attribution import Speakers
from reconcile.extract.positions import Starts, hit_start, speech_verbs
from reconcile.records import DocExtraction, Hit, Marker, Segment, Span


@dataclass
class MentionIndex:
    """One document's event words, hits and markers by position."""
    triggers: Starts[Hit]
    dates: Starts[Hit]
    media: Starts[Hit]
    clock_times: Starts[Hit]
    places: Starts[Hit]                     # location hits (prepositions before a place)
    past: Starts[Marker]
    future: Starts[Marker]
    dual: Starts[Marker]
    previous: Starts[Marker]
    previous_before: Starts[Marker]         # "previous" words that count only before the event word
    then: Starts[Marker]                    # "back then", "آنذاك": the time of an event named before
    speaker_spans: Starts[Span]
    speech: Starts[Hit]                     # speech verbs ("said", "أعلن")
    speakers: Speakers
    by_anchor: dict[int, list[Segment]]     # anchoring segment -> the segments its event covers
    sentence_starts: list[int]              # where each sentence starts (sentences.sentence_at)
    # what the "since" tests found for each date (start, end, reach) and position: asked again
    # by every mention whose scope holds it
    after_since: dict[tuple[int, int, int], bool] = field(default_factory=dict)
    since_openings: dict[int, Span | None] = field(default_factory=dict)


def mention_index(ex: DocExtraction, segments: list[Segment], markers: dict[str, list[Marker]],
           speakers: Speakers) -> MentionIndex:
    hits = ex.hits
    trig_hits = hits["event"] + [h for h in hits["medium"] if not (h.value or {}).get("qualifies")]
    by_anchor: dict[int, list[Segment]] = {}
    for x in segments:
        if x.anchor is not None:
            by_anchor.setdefault(x.anchor, []).append(x)
    return MentionIndex(Starts(trig_hits, key=hit_start), Starts(hits["date"], key=hit_start),
                  Starts(hits["medium"], key=hit_start), Starts(hits["clock_time"], key=hit_start),
                  Starts(hits["location"], key=hit_start),
                  Starts(markers["past_marker"]), Starts(markers["future_marker"]),
                  Starts(markers["dual_reference"]), Starts(markers["previous_marker"]),
                  Starts(markers["previous_marker_before"]), Starts(markers["then_marker"]),
                  Starts(a.span for per in speakers for a in per if a.span),
                  speech_verbs(hits),
                  speakers, by_anchor, list(map(itemgetter(0), ex.sentences)))
