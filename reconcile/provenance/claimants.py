"""The original claimant behind a claim, and how many independent ones a fact rests on.

A claimant is who gave the information: the speaker the article attributes the claim to, or the
outlet when it speaks in its own voice.  A spokesman or aide speaks for their institution
(the gazetteer's ``affiliation``: Peskov -> Kremlin), so the Kremlin and its spokesman are one
source; a head of state whose affiliation is the state speaks for themselves.  An outlet's own
voice is the outlet of the original of the article's copy group, or the agency it credits for
its copy: copies count once, one agency's story run by several outlets is one source, and two
articles of one outlet are one source.  An article that attributes the fact to someone and also
states it in its own words is restating that someone: its own voice does not count again.
``independent_sources`` is the number of distinct claimants among the claims stated next to the
event (a value read from an article's lead is context).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from reconcile.records import Claim, Document, Entity, Relay, Source
from reconcile.report.format import NO_OUTLET

# what a person speaks for when their affiliation is one of these: the institution, not themselves
INSTITUTIONS = ("org",)


@dataclass(frozen=True)
class Claimant:
    key: str       # what makes two claimants the same
    label: str     # how a reader is told who it is


NO_RELAY = Relay()


def claimant_of(c: Claim, docs: Mapping[str, Document], relays: Mapping[str, Relay],
                entities: Mapping[str, Entity]) -> Claimant:
    if c.speaker:
        eid = _institution(c.speaker, entities)
        ent = entities.get(eid)
        return Claimant(f"entity:{eid}", ent.name if ent else eid)
    origin = docs[relays.get(c.doc, NO_RELAY).copy_of or c.doc]
    wire = relays.get(origin.id, NO_RELAY).wire or relays.get(c.doc, NO_RELAY).wire
    if wire:
        agency = entities.get(wire)
        return Claimant(f"entity:{wire}", agency.name if agency else wire)
    outlet = origin.outlet
    return Claimant(f"outlet:{outlet}" if outlet else f"document:{origin.id}", outlet or NO_OUTLET)


def _institution(eid: str, entities: Mapping[str, Entity]) -> str:
    ent = entities.get(eid)
    if ent is None or ent.type != "person" or not ent.affiliation:
        return eid
    home = entities.get(ent.affiliation)
    return ent.affiliation if home is not None and home.type in INSTITUTIONS else eid


def sources_of(claims: list[Claim], docs: Mapping[str, Document], relays: Mapping[str, Relay],
               entities: Mapping[str, Entity]) -> list[Source]:
    """The distinct claimants among ``claims`` (context claims excluded), in the order first met,
    each with the claims and documents that carry it."""
    by_key: dict[str, Source] = {}
    attributed = {c.doc for c in claims if c.speaker and not c.inferred}
    for c in claims:
        if c.inferred or (not c.speaker and c.doc in attributed):
            continue
        who = claimant_of(c, docs, relays, entities)
        src = by_key.get(who.key)
        if src is None:
            src = by_key[who.key] = Source(who.key, who.label, [], [])
        src.claims.append(c.id)
        if c.doc not in src.documents:
            src.documents.append(c.doc)
    return list(by_key.values())
