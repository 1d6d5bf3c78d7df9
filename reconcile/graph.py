"""The claim graph, built from the finished records (not threaded through the pipeline).

Nodes: documents, outlets, entities, events, claims.  Edges: asserts (document -> claim),
published_by (document -> outlet), about (claim -> event), attributed_to (claim -> entity),
participant (event -> entity), corroborates / conflicts_with (claim -> claim),
same_as (quotation -> quotation).
"""
from __future__ import annotations

import itertools
import json

import networkx as nx

from reconcile.pipeline import Analysis
from reconcile.records import FactVerdict, QuoteGroup


def build_graph(a: Analysis) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    _add_documents(g, a)
    for eid in a.surfaces:
        ent = a.entities[eid]
        g.add_node(f"entity:{eid}", kind="entity", label=ent.name, type=ent.type)
    for ev in a.events:
        date = f"{ev.date[0]}/{ev.date[1]}" if ev.date else ""
        g.add_node(f"event:{ev.id}", kind="event", label=f"{ev.kind} {date}", date=date)
        for p in ev.participants:
            g.add_node(f"entity:{p}", kind="entity", label=_name(a, p), type=a.entities[p].type)
            g.add_edge(f"event:{ev.id}", f"entity:{p}", key="participant", kind="participant")
    for v in a.verdicts:
        _add_claims(g, a, v)
    for grp in a.quote_groups:
        _add_quotes(g, grp)
    return g


def _name(a: Analysis, eid: str) -> str:
    return a.entities[eid].name if eid in a.entities else eid


def _add_documents(g: nx.MultiDiGraph, a: Analysis) -> None:
    for d in a.corpus.documents:
        g.add_node(f"doc:{d.id}", kind="document", label=d.id, published=d.published or "",
                   language=d.language or "")
        if d.outlet:
            g.add_node(f"outlet:{d.outlet}", kind="outlet", label=d.outlet)
            g.add_edge(f"doc:{d.id}", f"outlet:{d.outlet}", key="published_by", kind="published_by")


def _add_claims(g: nx.MultiDiGraph, a: Analysis, v: FactVerdict) -> None:
    """A fact's claims, and how each pair of them relates."""
    for c in v.claims:
        n = f"claim:{c.id}"
        g.add_node(n, kind="claim", label=c.text, fact=c.fact,
                   value=json.dumps(c.value, ensure_ascii=False, sort_keys=True), status=v.status)
        g.add_edge(f"doc:{c.doc}", n, key="asserts", kind="asserts")
        g.add_edge(n, f"event:{v.event}", key="about", kind="about")
        if c.speaker:
            g.add_node(f"entity:{c.speaker}", kind="entity", label=_name(a, c.speaker),
                       type=a.entities[c.speaker].type)
            g.add_edge(n, f"entity:{c.speaker}", key="attributed_to", kind="attributed_to")
    bad = {frozenset(p) for p in v.conflicting}
    for x, y in itertools.combinations(v.claims, 2):
        rel = "conflicts_with" if frozenset((x.id, y.id)) in bad else "corroborates"
        if rel == "corroborates" and (x.doc == y.doc and x.speaker == y.speaker):
            continue          # a restatement in the same source corroborates nothing
        g.add_edge(f"claim:{x.id}", f"claim:{y.id}", key=rel, kind=rel)


def _add_quotes(g: nx.MultiDiGraph, grp: QuoteGroup) -> None:
    """A group's quotations, each the same words as every other."""
    ids = []
    for q in grp.quotes:
        n = f"quote:{q.doc}:{q.span[0]}-{q.span[1]}"
        ids.append(n)
        g.add_node(n, kind="quote", label=q.text, status=grp.status)
        g.add_edge(f"doc:{q.doc}", n, key="asserts", kind="asserts")
        if q.speaker:
            g.add_edge(n, f"entity:{q.speaker}", key="attributed_to", kind="attributed_to")
    for x, y in itertools.combinations(ids, 2):
        g.add_edge(x, y, key="same_as", kind="same_as")


def export(g: nx.MultiDiGraph, fmt: str) -> str:
    if fmt == "graphml":
        return "\n".join(nx.generate_graphml(g, prettyprint=True)) + "\n"
    if fmt == "json":
        data = nx.node_link_data(g, edges="edges")
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    raise ValueError(f"unknown graph format '{fmt}' (graphml or json)")
