"""Write the analysis as the JSON report (the public contract, docs/report.md) and as a
Markdown summary a fact-checker can paste into a story file.  Same input, same bytes."""
from __future__ import annotations

import json
from pathlib import Path

from reconcile import __version__
from reconcile.pipeline import Analysis
from reconcile.records import STATUS_ORDER, Claim, Document, FactVerdict
from reconcile.report.atomic import write_atomic, write_set  # noqa: F401 - the writers' entry points
from reconcile.report.format import NO_SPEAKER, describe_value, outlet_name
from reconcile.review.log import fact_id, review_summary

SCHEMA_ID = "reconcile.report/1"
SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / "report.schema.json"


def _entity_name(a: Analysis, eid: str | None) -> str | None:
    if not eid:
        return None
    ent = a.entities.get(eid)
    return ent.name if ent else eid


def _value_out(a: Analysis, v: dict) -> dict:
    if "entity" in v:
        return {"entity": _entity_name(a, v["entity"])}
    return v


def claim_json(a: Analysis, c: Claim, docs: dict) -> dict:
    doc = docs[c.doc]
    return {
        "id": c.id, "doc": c.doc, "outlet": doc.outlet, "language": c.language,
        "value": _value_out(a, c.value), "text": c.text, "span": list(c.span),
        "sentence": doc.text[c.sentence[0]:c.sentence[1]], "sentence_span": list(c.sentence),
        "speaker": _entity_name(a, c.speaker), "hedge": c.hedge, "inferred": c.inferred,
        "rule": c.rule, "attached_by": c.attached_by or None,
    }


def _document_json(a: Analysis, d: Document, read_as: list[str]) -> dict:
    relay = a.relays.get(d.id)
    return {"id": d.id, "outlet": d.outlet, "language": d.language, "published": d.published,
            "url": d.url, "sha256": d.sha256, "encoding": d.encoding, "path": d.path, "read_as": read_as,
            "inferred": list(d.inferred), "copy_of": relay.copy_of if relay else None,
            "wire": _entity_name(a, relay.wire) if relay else None}


def build_report(a: Analysis, name: str) -> dict:
    docs = {d.id: d for d in a.corpus.documents}
    read_in: dict[str, list[str]] = {}
    for ex in a.extractions:
        read_in.setdefault(ex.doc.id, []).append(ex.lang)
    by_event: dict[str, list[tuple[int, FactVerdict]]] = {}
    for i, v in enumerate(a.verdicts):
        by_event.setdefault(v.event, []).append((i, v))
    used: set[str] = set(a.surfaces)
    entities = []
    for eid in sorted(used, key=lambda e: (a.entities[e].name, e)):
        ent = a.entities[eid]
        labels = dict(sorted(ent.labels.items()))
        entities.append({"id": ent.id, "name": ent.name, "type": ent.type, "labels": labels,
                         "surfaces": sorted(a.surfaces[eid])})
    events = []
    for ev, cl in zip(a.events, a.clusters, strict=True):
        facts = []
        for i, v in by_event.get(ev.id, []):
            review = a.reviews.get(i)
            facts.append({"id": fact_id(v.fact, [c.id for c in v.claims]),
                          "fact": v.fact, "status": v.status, "independent_sources": v.independent_sources,
                          "explanation": v.explanation,
                          "sources": [{"claimant": src.label, "key": src.key, "documents": src.documents,
                                       "claims": src.claims} for src in v.sources],
                          "conflicting_pairs": [list(p) for p in v.conflicting],
                          "self_contradictions": v.self_contradictions,
                          "review": review_summary(review) if review else None,
                          "claims": [claim_json(a, c, docs) for c in v.claims]})
        events.append({"id": ev.id, "key": cl.key, "kind": ev.kind,
                       "participants": [_entity_name(a, p) for p in ev.participants],
                       "date": {"start": ev.date[0], "end": ev.date[1]} if ev.date else None,
                       "locations": [_entity_name(a, x) for x in ev.locations],
                       "documents": ev.documents, "facts": facts})
    quotes = []
    for g in a.quote_groups:
        quotes.append({"speaker": _entity_name(a, g.speaker), "status": g.status, "text": g.text,
                       "note": g.note or None,
                       "claims": [{"doc": q.doc, "span": list(q.span), "text": q.text,
                                   "speaker": _entity_name(a, q.speaker)} for q in g.quotes]})
    counts = {s: sum(1 for v in a.verdicts if v.status == s) for s in STATUS_ORDER}
    return {
        "schema": SCHEMA_ID,
        "generated_by": f"reconcile {__version__}",
        "corpus": name,
        "summary": {"documents": len(a.corpus.documents), "events": len(events), "facts": counts,
                    "quotes": {s: sum(1 for q in quotes if q["status"] == s) for s in STATUS_ORDER}},
        "documents": [_document_json(a, d, read_in.get(d.id, [])) for d in a.corpus.documents],
        "copy_groups": [{"original": g.original, "members": list(g.members)} for g in a.copy_groups],
        "problems": [{"source": p.source, "severity": p.severity, "message": p.message} for p in a.problems],
        "entities": entities,
        "events": events,
        "quotes": quotes,
        "unplaced": [{"doc": u.doc, "fact": u.fact, "text": u.text, "span": list(u.span), "reason": u.reason,
                      "value": _value_out(a, u.value) if u.value else None, "local": u.local}
                     for u in a.unplaced],
        "review": {"decisions_applied": len(a.reviews),
                   "unmatched": [json.loads(d.to_json()) for d in a.unmatched + a.unmatched_splits]},
    }


def render_markdown(report: dict) -> str:
    """Conflicts first (competing values, who said them, the words, the document), then
    corroborations, then single-source facts, then quotations."""
    docs = {d["id"]: d for d in report["documents"]}
    out = _summary_lines(report) + _document_table(report)
    for status, title in (("conflict", "Conflicts"), ("corroborated", "Corroborated"),
                          ("single_source", "Single source")):
        out += _fact_section(report, docs, status, title)
    out += _quotation_section(report)
    out += _unplaced_section(report)
    unmatched = (report.get("review") or {}).get("unmatched") or []
    if unmatched:
        out += [f"## Review decisions that match nothing in this corpus ({len(unmatched)})", ""]
        out += [f"- `{d['id']}` {d['action']} ({d.get('fact') or ''}) of {d['at']}: claims "
                + ", ".join(f"`{c}`" for c in d.get("claims", [])) for d in unmatched] + [""]
    if report["problems"]:
        out += ["## Input problems", ""] + [f"- {p['severity']}: `{p['source']}`: {p['message']}"
                                           for p in report["problems"]] + [""]
    return "\n".join(out).rstrip() + "\n"


def _summary_lines(report: dict) -> list[str]:
    s = report["summary"]
    return [f"# Discrepancy report: {report['corpus']}", "",
            f"{s['documents']} documents, {s['events']} events. Facts: "
            f"**{s['facts']['conflict']} in conflict**, {s['facts']['corroborated']} corroborated, "
            f"{s['facts']['single_source']} from a single source. "
            f"Quotations: {s['quotes']['conflict']} altered, {s['quotes']['corroborated']} carried by several outlets.",
            "", f"_{report['generated_by']}; values are normalised (minutes, UTC, days); "
            "each claim quotes the article's own words._", ""]


def _fact_section(report: dict, docs: dict, status: str, title: str) -> list[str]:
    """Every fact with this status: its explanation, any review, and each claim in its sentence."""
    rows = [(ev, f) for ev in report["events"] for f in ev["facts"] if f["status"] == status]
    out = [f"## {title} ({len(rows)})", ""]
    if not rows:
        out += ["None.", ""]
    for ev, f in rows:
        out += [f"### {_event_title(ev)} — {f['fact'].replace('_', ' ')}", "", f"{f['explanation']}.", ""]
        if f.get("review"):
            out += [_review_line(f["review"]), ""]
        for c in f["claims"]:
            note = " _(read from the article's lead)_" if c["inferred"] else ""
            out.append(f"- **{describe_value(c['value'])}** — {_source(c, docs)}{note}")
            out.append(f"  > {_quote_sentence(c)}")
        out.append("")
    return out


def _event_title(ev: dict) -> str:
    d = ev["date"]
    day = "undated" if not d else d["start"] if d["start"] == d["end"] else f"{d['start']} – {d['end']}"
    who = " – ".join(ev["participants"]) or "unnamed parties"
    return f"{ev['id']} · {ev['kind']} · {who} · {day}"


def _source(c: dict, docs: dict) -> str:
    """Who said it and where to read it: the speaker (or the outlet's own voice), the outlet,
    the document, linked to the article's URL when the corpus gave one."""
    doc = docs[c["doc"]]
    outlet = outlet_name(c["outlet"] or doc["outlet"])
    where = f"[`{c['doc']}`]({doc['url']})" if doc.get("url") else f"`{c['doc']}`"
    return f"{c['speaker']}, in {outlet} ({where})" if c["speaker"] else f"{outlet}, own voice ({where})"


def _document_table(report: dict) -> list[str]:
    """Every document: who published it, when, where to read it, what was read from its text
    rather than given, and which document it is a copy of."""
    out = [f"## Documents ({len(report['documents'])})", "",
           "| id | outlet | language | published | URL | read from the text | copy of | agency copy |",
           "|---|---|---|---|---|---|---|---|"]
    for d in report["documents"]:
        url = f"<{d['url']}>" if d.get("url") else "–"
        inferred = ", ".join(d.get("inferred") or []) or "–"
        copy_of = f"`{d['copy_of']}`" if d.get("copy_of") else "–"
        out.append(f"| `{d['id']}` | {outlet_name(d['outlet'])} | {d['language'] or '–'} | "
                   f"{(d['published'] or '–').replace('T', ' ')} | {url} | {inferred} | {copy_of} | "
                   f"{d.get('wire') or '–'} |")
    return out + [""]


def _quote_sentence(c: dict) -> str:
    """The claim's sentence on one line, the claim's own words in bold."""
    sent, (a, b), (ss, _) = c["sentence"], c["span"], c["sentence_span"]
    a, b = a - ss, b - ss
    if 0 <= a <= b <= len(sent):
        sent = sent[:a] + "**" + sent[a:b] + "**" + sent[b:]
    return " ".join(sent.split())


def _quotation_section(report: dict) -> list[str]:
    multi = [q for q in report["quotes"] if q["status"] != "single_source"]
    out = [f"## Quotations carried by several outlets ({len(multi)})", ""]
    if not multi:
        out += ["None.", ""]
    for q in multi:
        label = "ALTERED" if q["status"] == "conflict" else "same words"
        out.append(f"- {label}: {q['speaker'] or NO_SPEAKER} — «{' '.join(q['text'].split())}»"
                   + (f" ({q['note']})" if q.get("note") else ""))
        for c in q["claims"]:
            out.append(f"  - `{c['doc']}`: «{' '.join(c['text'].split())}»")
    out.append("")
    return out


def _unplaced_section(report: dict) -> list[str]:
    """What was found but given to no event, or a clock time with no day to convert it on:
    listed as read, never compared."""
    rows = report.get("unplaced") or []
    if not rows:
        return []
    out = [f"## Could not place ({len(rows)})", ""]
    for u in rows:
        local = u.get("local")
        shown = (f"{local['hour']:02d}:{local['minute']:02d} {local.get('zone') or '(zone unknown)'} local time"
                 if local else describe_value(u["value"]) if u.get("value") else "")
        out.append(f"- `{u['doc']}` {u['fact'].replace('_', ' ')}: “{u['text']}”"
                   + (f" = {shown}" if shown else "") + f" — {u['reason']}")
    return out + [""]


def _review_line(r: dict) -> str:
    parts = [f"**Reviewed: {r['decision']}**"]
    if r.get("value") not in (None, ""):
        parts.append(f"verified value: {r['value']}")
    if r.get("reason"):
        parts.append(f"reason: {r['reason']}")
    if r.get("note"):
        parts.append(f"note: {r['note']}")
    if r.get("link"):
        parts.append(f"source: <{r['link']}>")
    if r.get("reviewer"):
        parts.append(f"by {r['reviewer']}")
    return "> " + " — ".join(parts) + f" ({r['at']})"


# Indented JSON is readable and diffs well, but only the compact form uses the C encoder;
# above this many documents a report is written one list item per line instead.
_INDENT_UP_TO = 2000


def dumps(report: dict) -> str:
    if len(report.get("documents") or []) <= _INDENT_UP_TO:
        return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    enc = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
    parts = []
    for k, v in report.items():
        if isinstance(v, list) and v:
            items = ",\n".join("  " + enc.encode(x) for x in v)
            parts.append(f"{enc.encode(k)}: [\n{items}\n ]")
        else:
            parts.append(f"{enc.encode(k)}: {enc.encode(v)}")
    return "{\n " + ",\n ".join(parts) + "\n}\n"


def validate(report: dict) -> list[str]:
    """Schema violations (empty when the report honours the contract)."""
    import jsonschema
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    v = jsonschema.Draft202012Validator(schema)
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in sorted(v.iter_errors(report), key=str)]
