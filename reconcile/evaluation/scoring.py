"""Hold a report against a gold annotation: which gold events it found, which claims, whether
each fact got the right status, who said what, whether every spelling of a person resolves to
one entity, whether carried quotations were aligned, and which conflicts it raised that no
careful reader sees (docs/gold.md says how each is counted)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reconcile.evaluation.gold import Gold, GoldEvent, GoldFact, GoldQuote
from reconcile.evaluation.names import Names, arabic_key, contains_fuzzy
from reconcile.evaluation.values import as_days, kind_of, overlaps, value_matches

QUOTE_SIMILARITY = 0.85


@dataclass
class Tally:
    """Counts over the gold's facts and claims, and what was missed."""
    claims_total: int = 0
    claims_hit: int = 0
    conflicts_gold: int = 0
    conflicts_found: int = 0
    facts_total: int = 0
    facts_right: int = 0
    speakers_total: int = 0
    speakers_right: int = 0
    report_claims_seen: int = 0
    report_claims_good: int = 0
    allowed_conflicts: set[tuple[int, str]] = field(default_factory=set)  # (report event index, fact)
    misses: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Score:
    events_matched: int
    events_gold: int
    events_report: int
    claim_recall: float
    claim_precision: float
    fact_accuracy: float
    speaker_accuracy: float
    entity_accuracy: float
    quote_accuracy: float
    conflicts_found: int
    conflicts_gold: int
    false_conflicts: list[str]
    misses: list[str]


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def match_events(gold_events: list[GoldEvent], report_events: list[dict[str, Any]], names: Names) -> dict[int, int]:
    """One-to-one: each gold event to the report event that shares most participants on that date
    (talks may be reported as between countries by one outlet and between envoys by another)."""
    pairs = []
    for gi, ge in enumerate(gold_events):
        gd = as_days(ge.date)
        for si, se in enumerate(report_events):
            sd = as_days(se.get("date"))
            if not (gd and sd and overlaps(gd, sd)) or kind_of(se.get("kind")) != ge.kind:
                continue
            shared = sum(any(names.same(p, q) for q in se.get("participants") or []) for p in ge.participants)
            if shared == 0 and not (gd[0] == gd[1] == sd[0] == sd[1]):
                continue  # without a shared participant, only the very same single day will do
            extra = len(se.get("participants") or []) - shared
            width = (sd[1] - sd[0]).days
            pairs.append((-shared, extra, width, gi, si))
    pairs.sort()
    used_gold, used_report, out = set(), set(), {}
    for _, _, _, gi, si in pairs:
        if gi in used_gold or si in used_report:
            continue
        used_gold.add(gi)
        used_report.add(si)
        out[gi] = si
    return out


def _score_fact(gold_event: GoldEvent, gf: GoldFact, report_facts: list[dict[str, Any]], names: Names,
                tally: Tally) -> None:
    """Count one (non-optional) gold fact against the report's facts of that name on the matched event."""
    tally.facts_total += 1
    if gf.statuses == {"conflict"}:  # a conflict every careful reader sees: was it flagged?
        tally.conflicts_gold += 1
        tally.conflicts_found += any(f.get("status") == "conflict" for f in report_facts)
    report_claims = [c for f in report_facts for c in (f.get("claims") or [])]
    hits, used = 0, set()
    for gc in gf.claims:
        tally.claims_total += 1
        tally.speakers_total += bool(gc.speaker)
        candidates = [c for c in report_claims if id(c) not in used and c.get("doc") == gc.doc
                      and value_matches(gc.value, c.get("value"), names)]
        candidates.sort(key=lambda c: not names.same(gc.speaker or "", c.get("speaker") or ""))
        if not candidates:
            tally.misses.append(f"{gold_event.id}/{gf.fact}: no claim from {gc.doc} with {gc.value}")
            continue
        hit = candidates[0]
        used.add(id(hit))
        hits += 1
        if gc.speaker and names.same(gc.speaker, hit.get("speaker") or ""):
            tally.speakers_right += 1
    tally.claims_hit += hits
    status_ok = any(f.get("status") in gf.statuses for f in report_facts)
    if hits == len(gf.claims) and status_ok:
        tally.facts_right += 1
    elif hits == len(gf.claims):
        got = [f.get("status") for f in report_facts]
        tally.misses.append(f"{gold_event.id}/{gf.fact}: status {got}, gold {sorted(gf.statuses)}")
    for c in report_claims:
        tally.report_claims_seen += 1
        if any(c.get("doc") == gc.doc and value_matches(gc.value, c.get("value"), names) for gc in gf.claims):
            tally.report_claims_good += 1


def _score_events(gold: Gold, report_events: list[dict[str, Any]], matched: dict[int, int], names: Names) -> Tally:
    tally = Tally()
    for gi, ge in enumerate(gold.events):
        si = matched.get(gi)
        se = report_events[si] if si is not None else {}
        by_fact: dict[Any, list[dict[str, Any]]] = {}
        for f in se.get("facts") or []:
            by_fact.setdefault(f.get("fact"), []).append(f)
        for gf in ge.facts:
            if si is not None and ("conflict" in gf.statuses or gf.optional):
                tally.allowed_conflicts.add((si, gf.fact))
            if not gf.optional:
                _score_fact(ge, gf, by_fact.get(gf.fact, []), names, tally)
    return tally


def false_conflicts(report_events: list[dict[str, Any]], allowed: set[tuple[int, str]]) -> list[str]:
    """Conflicts the report flags where the gold lists none (nor an optional fact)."""
    return [f"{se.get('id')}/{f.get('fact')}"
            for si, se in enumerate(report_events) for f in se.get("facts") or []
            if f.get("status") == "conflict" and (si, f.get("fact")) not in allowed]


def score_entities(gold: Gold, report: dict[str, Any], names: Names, misses: list[str]) -> tuple[int, int]:
    """(right, total) over the gold's alias groups: every surface resolves to the one entity of
    that name, and no two groups resolve to the same entity (a wrong merge costs one)."""
    by_surface: dict[str, set[str | None]] = {}
    entity_name: dict[str | None, Any] = {}
    for e in report.get("entities") or []:
        eid = e.get("id") or e.get("name")
        entity_name[eid] = e.get("name") or eid
        for s in e.get("surfaces") or []:
            by_surface.setdefault(arabic_key(s), set()).add(eid)
    right, owners_of_group = 0, []
    for g in gold.entities:
        owners: set[str | None] = set()
        for s in g.surfaces:
            owners |= by_surface.get(arabic_key(s), {None})
        owners_of_group.append(owners)
        if len(owners) == 1 and None not in owners and names.same(g.name, entity_name[next(iter(owners))]):
            right += 1
        else:
            misses.append(f"entity {g.name}: surfaces resolve to {sorted(map(str, owners))}")
    for i, a in enumerate(owners_of_group):  # two groups on one entity: a wrong merge
        for b in owners_of_group[i + 1:]:
            if a == b and len(a) == 1 and None not in a:
                right -= 1
                misses.append(f"entities merged: {a}")
    return right, len(gold.entities)


def _quote_aligned(gq: GoldQuote, report_quotes: list[dict[str, Any]]) -> bool:
    want = arabic_key(gq.text)
    for sq in report_quotes:
        docs = {c.get("doc") for c in sq.get("claims") or []}
        if not set(gq.docs) <= docs or sq.get("status") not in gq.statuses:
            continue
        got = arabic_key(sq.get("text", ""))
        if contains_fuzzy(want, got) >= QUOTE_SIMILARITY or contains_fuzzy(got, want) >= QUOTE_SIMILARITY:
            return True
    return False


def score_quotes(gold: Gold, report: dict[str, Any], misses: list[str]) -> tuple[int, int]:
    """(aligned, total) over the gold's carried quotations."""
    right = 0
    for gq in gold.quotes:
        ok = _quote_aligned(gq, report.get("quotes") or [])
        right += ok
        if not ok:
            misses.append(f"quote of {gq.speaker} in {gq.docs}: not aligned")
    return right, len(gold.quotes)


def score(report: dict[str, Any], gold: Gold) -> Score:
    """How close ``report`` (a report dict, docs/report.md) comes to ``gold``."""
    names = Names(report)
    report_events = report.get("events") or []
    matched = match_events(gold.events, report_events, names)
    tally = _score_events(gold, report_events, matched, names)
    entities_right, entities_total = score_entities(gold, report, names, tally.misses)
    quotes_right, quotes_total = score_quotes(gold, report, tally.misses)
    precision = (_ratio(tally.report_claims_good, tally.report_claims_seen)
                 if tally.report_claims_seen or not tally.claims_total else 0.0)
    return Score(
        events_matched=len(matched), events_gold=len(gold.events), events_report=len(report_events),
        claim_recall=_ratio(tally.claims_hit, tally.claims_total),
        claim_precision=precision,
        fact_accuracy=_ratio(tally.facts_right, tally.facts_total),
        speaker_accuracy=_ratio(tally.speakers_right, tally.speakers_total),
        entity_accuracy=_ratio(max(entities_right, 0), entities_total),
        quote_accuracy=_ratio(quotes_right, quotes_total),
        conflicts_found=tally.conflicts_found, conflicts_gold=tally.conflicts_gold,
        false_conflicts=false_conflicts(report_events, tally.allowed_conflicts),
        misses=tally.misses)
