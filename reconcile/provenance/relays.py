"""Whom each document's own voice relays: the first article of its copy group, and the news
agency it credits for its copy.  Built once per run from the extractions."""
from __future__ import annotations

from collections.abc import Mapping

from reconcile.provenance.copies import copy_groups
from reconcile.provenance.wire import wire_credit
from reconcile.records import CopyGroup, DocExtraction, Entity, Relay


def relays(exs: list[DocExtraction], entities: Mapping[str, Entity]) -> tuple[dict[str, Relay], list[CopyGroup]]:
    """(document id -> Relay for the documents that relay someone, the copy groups)."""
    folded: dict[str, str] = {}
    wires: dict[str, str] = {}
    for ex in exs:                      # a mixed-script article is read once per language
        folded.setdefault(ex.doc.id, ex.nt.text)
        if ex.doc.id not in wires:
            agency = wire_credit(ex, entities)
            if agency:
                wires[ex.doc.id] = agency
    groups = copy_groups(folded)
    copy_of = {m: g.original for g in groups for m in g.members if m != g.original}
    out = {doc: Relay(copy_of=copy_of.get(doc), wire=wires.get(doc)) for doc in sorted(set(copy_of) | set(wires))}
    return out, groups
