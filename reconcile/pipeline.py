"""ingest -> normalise -> extract -> entities -> events -> verdicts: one call, typed records out."""
from __future__ import annotations

import datetime as dt
import gc
import hashlib
from collections import defaultdict
from collections.abc import Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from operator import itemgetter

from reconcile.dimensions import clock_time
from reconcile.engine.normalise import fold
from reconcile.engine.rules import RULES_DIR, ruleset
from reconcile.entities.discovered import merge_discovered, merge_institutions
from reconcile.entities.gazetteer import gazetteer
from reconcile.entities.registry import EntityRegistry
from reconcile.events import DocEvent, EventCluster, EventGrouper, event_day
from reconcile.events.dates import publication_span
from reconcile.events.grouper import number_events
from reconcile.events.siblings import place_on_page_day
from reconcile.events.zones import zone_tolerance
from reconcile.extract import LanguageContext, claim_id, extract_document, language_context
from reconcile.ingest import metadata
from reconcile.ingest.corpus import load_corpus
from reconcile.ingest.language import detect_language, languages_in
from reconcile.provenance.relays import relays
from reconcile.records import (
    Claim,
    CopyGroup,
    Corpus,
    DocExtraction,
    Document,
    Entity,
    Event,
    FactVerdict,
    Problem,
    QuoteGroup,
    RawClaim,
    Relay,
    Span,
    Unplaced,
)
from reconcile.review.log import Decision, apply_fact_decisions
from reconcile.verdicts import FACT_ORDER, Reconciler


@dataclass
class Analysis:
    corpus: Corpus
    entities: Mapping[str, Entity]       # the gazetteer's, and those this run discovered or split off
    extractions: list[DocExtraction]
    events: list[Event]
    clusters: list[EventCluster]
    verdicts: list[FactVerdict]
    quote_groups: list[QuoteGroup]
    surfaces: dict[str, set[str]]
    grouper: EventGrouper
    reconciler: Reconciler
    problems: list[Problem] = field(default_factory=list)
    reviews: dict[int, Decision] = field(default_factory=dict)       # verdict index -> decision
    unmatched: list[Decision] = field(default_factory=list)          # decisions that fit nothing now
    unmatched_splits: list[Decision] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)          # found, but in no event
    copy_groups: list[CopyGroup] = field(default_factory=list)      # articles that are copies of one another
    relays: dict[str, Relay] = field(default_factory=dict)          # whom a document's own voice relays


def supported_languages() -> list[str]:
    return sorted(p.name for p in RULES_DIR.iterdir() if p.is_dir() and (p / "language.yaml").exists())


@contextmanager
def without_cyclic_gc():
    """A run builds millions of small acyclic records; the cyclic collector would walk them
    over and over for nothing (a fifth of the time on large corpora)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()       # what the run built is long-lived: keep the collector off it
            gc.enable()


def analyse(corpus: Corpus, decisions: list[Decision] | None = None) -> Analysis:
    """The whole analysis; ``decisions`` are a reviewer's (``review.ReviewLog.effective()``)."""
    with without_cyclic_gc():
        return _analyse(corpus, decisions or [])


def _analyse(corpus: Corpus, decisions: list[Decision]) -> Analysis:
    registry = EntityRegistry(gazetteer())       # this run's own: no run sees another's entities
    overrides = _entity_splits(registry, decisions)
    problems = list(corpus.problems)
    exs, langs = _extract(corpus, registry, overrides, problems)
    # every entity the articles name, once (the merges look at each id once, in no particular order)
    named: set[str] = set().union(*(map(itemgetter(2), ex.entities) for ex in exs))
    people = merge_discovered(registry.entities, (eid for eid in named if eid.startswith("new-")))
    _use_canonical_ids(exs, people)       # participant lists are unique from here on
    named = {people.get(eid, eid) for eid in named}
    institutions = merge_institutions(registry.entities, registry.institution_kinds,
                                      named.intersection(registry.institution_kinds))
    if institutions:
        _use_canonical_ids(exs, institutions)
    grouper = EventGrouper(registry.entities, publication_span(exs))
    doc_events = [de for ex in exs for de in grouper.in_document(ex)]
    clusters = place_on_page_day(grouper, grouper.across(doc_events), exs)
    by_doc = {(ex.doc.id, ex.lang): ex for ex in exs}
    removed, unmatched = _regroup(grouper, clusters, by_doc, decisions)
    clusters = number_events(clusters, registry.entities)
    rec = Reconciler(registry.entities, grouper.lift)
    unplaced: list[Unplaced] = []
    doc_relays, copy_groups = relays(exs, registry.entities)
    events, verdicts = _events_and_verdicts(clusters, by_doc, removed, grouper, rec, corpus, unplaced, doc_relays)
    unplaced.extend(_not_attached(exs, clusters))
    quote_groups = rec.quotes([q for ex in exs for q in ex.quotes], _negations(langs))
    reviews, unmatched_facts = apply_fact_decisions(verdicts, decisions)
    return Analysis(corpus, registry.entities, exs, events, clusters, verdicts, quote_groups,
                    _surfaces(exs, registry.entities),
                    grouper, rec, problems, reviews, unmatched + unmatched_facts,
                    [d for d in decisions if d.action == "split_entity" and d.entity not in registry.entities],
                    unplaced, copy_groups, doc_relays)


def _extract(corpus: Corpus, registry: EntityRegistry, overrides: dict[tuple[str, str], str],
             problems: list[Problem]) -> tuple[list[DocExtraction], list[str]]:
    """Every document read in each language it is written in that has rules; also the
    languages read, in the order first met."""
    contexts: dict[str, LanguageContext] = {}
    exs: list[DocExtraction] = []
    available = supported_languages()
    for position, doc in enumerate(corpus.documents):
        for lang in _languages_to_read(doc, available, problems):   # a document mixing scripts is read in each
            if lang not in contexts:
                contexts[lang] = language_context(lang)
            try:   # the boundary of one document: whatever fails in it costs only it
                if doc.outlet is None or doc.published is None:
                    doc = _with_inferred_metadata(corpus, position, doc, lang)
                exs.append(extract_document(doc, contexts[lang], registry, overrides))
            except Exception as exc:  # noqa: BLE001
                problems.append(Problem(doc.path or doc.id, f"could not be analysed in '{lang}' "
                                        f"({type(exc).__name__}: {str(exc)[:200]}), skipped"))
    return exs, list(contexts)


def _languages_to_read(doc: Document, available: list[str], problems: list[Problem]) -> list[str]:
    """The document's languages that have rules; a Problem when none has."""
    langs = [x for x in languages_in(doc.text, doc.language or detect_language(doc.text)) if x]
    usable = [x for x in langs if x in available]
    if not usable:
        problems.append(Problem(doc.path or doc.id, f"no rules for language '{(langs or ['?'])[0]}' yet "
                                f"(have: {', '.join(available)}), skipped"))
    return usable


def _with_inferred_metadata(corpus: Corpus, position: int, doc: Document, lang: str) -> Document:
    """The document with the outlet and date its text gives, replaced in the corpus too."""
    inferred = metadata.infer(doc, ruleset(lang))
    if inferred is not doc:
        corpus.documents[position] = inferred
    return inferred


def _use_canonical_ids(exs: list[DocExtraction], canon: dict[str, str]) -> None:
    """Name each discovered person by the one entity their spellings were merged into."""
    if not canon:      # most runs merge nothing: only the participant lists are made unique
        for ex in exs:
            for m in ex.mentions:
                m.participants = list(dict.fromkeys(m.participants))
        return
    for ex in exs:
        ex.entities = [(s, e, canon.get(eid, eid), how) for s, e, eid, how in ex.entities]
        for m in ex.mentions:
            m.participants = list(dict.fromkeys(canon.get(p, p) for p in m.participants))
        for c in ex.claims:
            c.speaker = canon.get(c.speaker, c.speaker) if c.speaker else None
            if "entity" in c.value:
                c.value = {"entity": canon.get(c.value["entity"], c.value["entity"])}
        for q in ex.quotes:
            q.speaker = canon.get(q.speaker, q.speaker) if q.speaker else None


def _events_and_verdicts(clusters: list[EventCluster], by_doc: dict[tuple[str, str], DocExtraction],
                         removed: set[str], grouper: EventGrouper, rec: Reconciler,
                         corpus: Corpus, unplaced: list[Unplaced],
                         doc_relays: dict[str, Relay]) -> tuple[list[Event], list[FactVerdict]]:
    """One Event per grouped cluster, and one verdict per fact claimed about it."""
    docs = {d.id: d for d in corpus.documents}
    # an event dated a day apart across far-apart time zones: its date claims agree within that day
    zone_rec = Reconciler(rec.entities, rec.lift, replace(rec.tol, date_days=rec.tol.date_days + zone_tolerance()[0]))
    events: list[Event] = []
    verdicts: list[FactVerdict] = []
    for c in clusters:
        claims = _cluster_claims(c, by_doc, removed, unplaced)
        events.append(Event(c.id, grouper.report_kind(c), grouper.participants(c), c.date, claims,
                            c.documents, sorted(c.locations)))
        by_fact = defaultdict(list)
        for cl in claims:
            by_fact[cl.fact].append(cl)
        for fact in sorted(by_fact, key=lambda f: (FACT_ORDER.index(f) if f in FACT_ORDER else 99, f)):
            verdicts.append((zone_rec if c.zone_slack else rec).verdict(c.id, fact, by_fact[fact], docs,
                                                                         doc_relays))
    return events, verdicts


def _cluster_claims(c: EventCluster, by_doc: dict[tuple[str, str], DocExtraction], removed: set[str],
                    unplaced: list[Unplaced]) -> list[Claim]:
    """The event's claims, once each: its articles' own (less those a reviewer moved away),
    then those a reviewer moved to it.  A clock time with no day to convert it on is kept,
    unconverted, among the unplaced."""
    claims: list[Claim] = []
    seen = set()
    own: list[tuple[DocExtraction, RawClaim, dt.date | None, bool]] = []
    for de in c.members:
        outright = _outright(de.claims)
        if outright:      # the article and its own day looked up once for all its claims
            ex, day = by_doc[(de.doc, de.lang)], _own_day(de)
            own.extend((ex, rc, day, False) for rc in outright)
    for ex, rc, day, moved in own + [(ex, rc, None, True) for ex, rc in c.extra_claims]:
        claim = _to_claim(ex, rc, c, day)
        if claim is None:
            unplaced.append(_unplaced(ex, rc, "no day is known for this event to convert the local time on"))
        elif claim.id not in seen and (moved or claim.id not in removed):
            seen.add(claim.id)
            claim.attached_by = "reviewer" if moved else claim.attached_by
            claims.append(claim)
    return claims


def _outright(raw: list[RawClaim]) -> list[RawClaim]:
    """An article's claims on one event, less what a verb only implies ("X made a call to Y",
    "the leaders met") where the article says the same fact outright ("at the request of Z",
    "by video"): one article does not contradict itself."""
    implied = [bool(rc.hit.rule_value.get("implied")) for rc in raw]
    if not any(implied):
        return raw
    said = {rc.fact for rc, imp in zip(raw, implied, strict=True) if not imp}
    return [rc for rc, imp in zip(raw, implied, strict=True) if not (imp and rc.fact in said)]


def _own_day(de: DocEvent) -> dt.date | None:
    """The day an article itself gives its event (a clock time it writes is on that day, even
    when other outlets, in other time zones, date the event a day apart)."""
    if de.day_hint is not None:
        return de.day_hint
    if de.date and de.date[0] == de.date[1] and not de.date_inferred:
        return dt.date.fromisoformat(de.date[0])
    return None


def _unplaced(ex: DocExtraction, rc: RawClaim, reason: str) -> Unplaced:
    os_, oe = ex.span(rc.hit.start, rc.hit.end)
    return Unplaced(ex.doc.id, rc.fact, (os_, oe), ex.doc.text[os_:oe], reason,
                    None if rc.local_time is not None else dict(rc.value), rc.local_time)


def _not_attached(exs: list[DocExtraction], clusters: list[EventCluster]) -> list[Unplaced]:
    """Claims the grouping gave to no reported event (an unnamed or generic event, a recalled
    one with no date): the reader still sees them."""
    placed = {id(rc) for c in clusters for de in c.members for rc in de.claims}
    placed |= {id(rc) for c in clusters for _, rc in c.extra_claims}
    return [_unplaced(ex, rc, "not attached to any event") for ex in exs for rc in ex.claims
            if id(rc) not in placed and not rc.inferred]


def _negations(langs: list[str]) -> set[str]:
    """The negation words of every language read: a quote that gains or loses one is altered."""
    negations: set[str] = set()
    for lang in langs:
        negations |= {fold(w) for w in (ruleset(lang).language.get("negations") or [])}
    return negations


def _surfaces(exs: list[DocExtraction], entities: Mapping[str, Entity]) -> dict[str, set[str]]:
    """Entity id -> the spellings the articles use for it, with the entity's own shorter
    names written inside a longer one ("Peskov" in "Dmitry Peskov", "نوفوستي" in "وكالة نوفوستي")."""
    surfaces: dict[str, set[str]] = defaultdict(set)
    seen: set[tuple[str, str, str]] = set()     # the corpus names the same entity the same way thousands of times
    seen_raw: set[tuple[str, str, str]] = set()     # ... mostly in the very same characters
    for ex in exs:
        to_original, text, lang = ex.nt.to_original, ex.doc.text, ex.lang     # ex.span, without its frame
        for s, e, eid, _ in ex.entities:
            os_, oe = to_original(s, e)
            raw = (eid, lang, text[os_:oe])
            if raw in seen_raw:
                continue
            seen_raw.add(raw)
            written = " ".join(raw[2].replace('"', " ").split())
            if (eid, ex.lang, written) in seen:
                continue
            seen.add((eid, ex.lang, written))
            surfaces[eid].add(written)
            ent = entities.get(eid)
            padded = f" {written.lower()} "
            for alias in (ent.aliases.get(ex.lang, []) if ent else []):
                # as written: a discovered person's aliases are folded ("scavino" in "Dan Scavino")
                at = padded.find(f" {alias.lower()} ")
                if alias.lower() != written.lower() and at >= 0:
                    surfaces[eid].add(written[at:at + len(alias)])
    return surfaces


def _claim_id_in(ex: DocExtraction, rc: RawClaim, c: EventCluster, span: Span | None = None) -> str:
    """The claim's id in the report: a date read from the article's lead may date several of
    its events, and so may the words of a plural ("calls with A and B"), so its id also names
    the event (one claim each).  ``span``: the claim's in the original text, when known."""
    cid = claim_id(ex.doc, span or ex.span(rc.hit.start, rc.hit.end), rc.fact)
    if rc.inferred or rc.shared:
        basis = f"{cid}|{c.kind}|{sorted(c.persons)}|{sorted(c.collectives)}"
        cid = f"{cid}-{hashlib.sha1(basis.encode()).hexdigest()[:4]}"
    return cid


def _entity_splits(registry: EntityRegistry, decisions: list[Decision]) -> dict[tuple[str, str], str]:
    """A reviewer's "these spellings are someone else": (entity, folded surface) -> new entity."""
    out: dict[tuple[str, str], str] = {}
    for d in decisions:
        entity = d.entity
        if d.action != "split_entity" or entity is None or entity not in registry.entities or not d.surfaces:
            continue
        folded = sorted(fold(x) for x in d.surfaces)
        name = d.new_name or f"{registry.entities[entity].name} ({d.surfaces[0]})"
        new_id = registry.split_off(entity, folded, name)
        for f in folded:
            out[(entity, f)] = new_id
    return out


# where a claim now is: claim id -> (event, the extraction it comes from, the raw claim)
ClaimPlaces = dict[str, tuple[EventCluster, DocExtraction, RawClaim]]


def _regroup(grouper: EventGrouper, clusters: list[EventCluster], by_doc: dict[tuple[str, str], DocExtraction],
             decisions: list[Decision]) -> tuple[set[str], list[Decision]]:
    """Apply a reviewer's merges and moves to the grouped events.  Returns the claim ids moved
    out of their event and the decisions that match nothing any more."""
    if not any(d.action in ("merge_events", "move_claim") for d in decisions):
        return set(), []
    where: ClaimPlaces = {}
    for c in clusters:
        for de in c.members:
            ex = by_doc[(de.doc, de.lang)]
            for rc in de.claims:
                # a decision may name a claim read from the lead by its id in the report
                where[_claim_id_in(ex, rc, c)] = (c, ex, rc)
    removed: set[str] = set()
    unmatched: list[Decision] = []
    for d in decisions:
        if d.action == "merge_events" and not _merge_events(grouper, where, d):
            unmatched.append(d)
        elif d.action == "move_claim" and not _move_claim(where, d, removed):
            unmatched.append(d)
    return removed, unmatched


def _merge_events(grouper: EventGrouper, where: ClaimPlaces, d: Decision) -> bool:
    """Merge the events holding the decision's claims; False when fewer than two claims are found."""
    found = [where[x][0] for x in d.claims if x in where]
    targets = list({id(c): c for c in found}.values())
    if len(found) < 2:
        return False
    keep = targets[0]
    for other in targets[1:]:
        grouper.merge(keep, other)
        for cid, (c, ex, rc) in list(where.items()):
            if c is other:
                where[cid] = (keep, ex, rc)
    return True


def _move_claim(where: ClaimPlaces, d: Decision, removed: set[str]) -> bool:
    """Move the decision's claim to the event of its target claim; False when either is gone."""
    src = next((where[x] for x in d.claims if x in where), None)
    dst = where.get(d.target or "")
    if src is None or dst is None:
        return False
    cid = next(x for x in d.claims if x in where)
    if src[0] is not dst[0]:
        removed.add(cid)
        dst[0].extra_claims.append((src[1], src[2]))
        where[cid] = (dst[0], src[1], src[2])
    return True


def _to_claim(ex: DocExtraction, rc: RawClaim, c: EventCluster, own_day: dt.date | None = None) -> Claim | None:
    h = rc.hit
    os_, oe = ex.span(h.start, h.end)
    ss, se = ex.span(*ex.sentences[rc.sentence])
    value = dict(rc.value)
    if rc.local_time is not None:
        # the day written with it, else the article's own day for the event, else the event's
        # (a clock time read before its event had a day is converted once it has one)
        day = _day_near(ex, h) or own_day or event_day(c) or ex.ref
        if day is None:
            return None
        value = {"utc": {**clock_time.to_utc(rc.local_time, day), **_as_read(rc.local_time, day)}}
    cid = _claim_id_in(ex, rc, c, (os_, oe))
    return Claim(id=cid, doc=ex.doc.id, fact=rc.fact, value=value,
                 span=(os_, oe), text=ex.doc.text[os_:oe], sentence=(ss, se), speaker=rc.speaker,
                 hedge=rc.hedge, inferred=rc.inferred, rule=h.rule, language=ex.lang,
                 attached_by=rc.attached_by)


def _as_read(local: dict, day: dt.date) -> dict:
    """The reading a UTC value was converted from, kept beside it for the reader."""
    return {"local": f"{local['hour']:02d}:{local['minute']:02d}", "zone": local.get("zone"), "day": day.isoformat()}


def _day_near(ex: DocExtraction, h) -> dt.date | None:
    """The day written with a clock time ("22:10 مساء الأحد"): inside it or right after."""
    for d in ex.hits["date"]:
        v = d.value or {}
        if v.get("start") and v["start"] == v.get("end") and h.start <= d.start <= h.end + 3 and \
                "\n" not in ex.nt.text[h.end:d.start]:      # not the next line's (a list's next row)
            return dt.date.fromisoformat(v["start"])
    return None


def run_paths(paths) -> Analysis:
    return analyse(load_corpus(paths))
