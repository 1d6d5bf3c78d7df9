"""Write the analysis as the JSON report (the public contract, docs/report.md) and as a
Markdown summary a fact-checker can paste into a story file.  Same input, same bytes."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import orjson

from reconcile import __version__
from reconcile.extract.sentences import excerpt_span
from reconcile.pipeline import Analysis, without_cyclic_gc
from reconcile.records import STATUS_ORDER, Claim, Document, FactVerdict
from reconcile.report.format import (
    NO_SPEAKER,
    describe_value,
    json_safe,
    md_code,
    md_code_link,
    md_link,
    md_text,
    outlet_name,
)
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
    return json_safe(v)


def claim_json(a: Analysis, c: Claim, docs: dict, restatements: int = 0) -> dict:
    doc = docs[c.doc]
    es, ee = excerpt_span(doc.text, c.sentence, c.span)
    out = {
        "id": c.id, "doc": c.doc, "outlet": doc.outlet, "language": c.language,
        "value": _value_out(a, c.value), "text": c.text, "span": list(c.span),
        "sentence": doc.text[es:ee], "sentence_span": [es, ee],
        "speaker": _entity_name(a, c.speaker), "hedge": c.hedge, "inferred": c.inferred,
        "rule": c.rule, "attached_by": c.attached_by or None,
    }
    if restatements:      # only when the document said it more often than is listed
        out["restatements"] = restatements
    return out


def _document_json(a: Analysis, d: Document, read_as: list[str]) -> dict:
    relay = a.relays.get(d.id)
    return {"id": d.id, "outlet": d.outlet, "language": d.language, "published": d.published,
            "url": d.url, "sha256": d.sha256, "encoding": d.encoding, "path": d.path, "read_as": read_as,
            "inferred": list(d.inferred), "copy_of": relay.copy_of if relay else None,
            "wire": _entity_name(a, relay.wire) if relay else None}


@without_cyclic_gc()   # the report is as acyclic as the analysis it is built from
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
                          "sources": [{"claimant": src.label, "key": src.key, "documents": list(src.documents),
                                       "claims": list(src.claims)} for src in v.sources],
                          "conflicting_pairs": [list(p) for p in v.conflicting],
                          "self_contradictions": list(v.self_contradictions),
                          "review": json_safe(review_summary(review)) if review else None,
                          "claims": [claim_json(a, c, docs, v.restatements.get(c.id, 0)) for c in v.claims]})
        events.append({"id": ev.id, "key": cl.key, "kind": ev.kind,
                       "participants": [_entity_name(a, p) for p in ev.participants],
                       "date": {"start": ev.date[0], "end": ev.date[1]} if ev.date else None,
                       "locations": [_entity_name(a, x) for x in ev.locations],
                       "documents": list(ev.documents), "facts": facts})
    quotes = []
    for g in a.quote_groups:
        quotes.append({"speaker": _entity_name(a, g.speaker), "status": g.status, "text": g.text,
                       "note": g.note or None,
                       "claims": [{"doc": q.doc, "span": list(q.span), "text": q.text,
                                   "speaker": _entity_name(a, q.speaker)} for q in g.quotes]})
    counts = {s: sum(1 for v in a.verdicts if v.status == s) for s in STATUS_ORDER}
    # typed fields (str, int, lists of str) are built as plain JSON values above; json_safe goes
    # only through the values of no fixed type (claim values, review entries): walking the whole
    # report took most of the time to build it
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
        "unplaced": [json_safe({"doc": u.doc, "fact": u.fact, "text": u.text, "span": list(u.span), "reason": u.reason,
                                "value": _value_out(a, u.value) if u.value else None, "local": u.local})
                     for u in a.unplaced],
        "review": {"decisions_applied": len(a.reviews),
                   "unmatched": json_safe([json.loads(d.to_json()) for d in a.unmatched + a.unmatched_splits])},
    }


def render_markdown(report: dict) -> str:
    """Conflicts first (competing values, who said them, the words, the document), then
    corroborations, then single-source facts, then quotations.  Every string that comes from an
    article, a manifest or a review log goes through ``md_text``/``md_code``/``md_link``."""
    docs = {d["id"]: d for d in report["documents"]}
    out = _summary_lines(report) + _document_table(report)
    for status, title in (("conflict", "Conflicts"), ("corroborated", "Corroborated"),
                          ("single_source", "Single source")):
        out += _fact_section(report, docs, status, title)
    out += _quotation_section(report)
    out += _unplaced_section(report)
    out += _unmatched_section(report)
    if report["problems"]:
        out += ["## Input problems", ""] + [f"- {md_text(p['severity'])}: {md_code(p['source'])}: "
                                           f"{md_text(p['message'])}" for p in report["problems"]] + [""]
    return "\n".join(out).rstrip() + "\n"


def _unmatched_section(report: dict) -> list[str]:
    """Review decisions that match nothing now: what they were, on which events, and the note."""
    unmatched = (report.get("review") or {}).get("unmatched") or []
    if not unmatched:
        return []
    out = [f"## Review decisions that match nothing in this corpus ({len(unmatched)})", ""]
    for d in unmatched:
        what = str(d.get("action", "")).replace("_", " ")
        line = f"- {md_code(d.get('id', ''))} {md_text(what)}"
        if d.get("fact"):
            line += f" ({md_text(d['fact'])})"
        if d.get("events"):
            line += " of events " + ", ".join(md_code(e) for e in d["events"])
        line += f" of {md_text(d.get('at', ''))}: claims " + ", ".join(md_code(c) for c in d.get("claims") or [])
        if d.get("note"):
            line += f" — note: {md_text(d['note'])}"
        out.append(line)
    return out + [""]


def _summary_lines(report: dict) -> list[str]:
    s = report["summary"]
    return [f"# Discrepancy report: {md_text(report['corpus'])}", "",
            f"{s['documents']} documents, {s['events']} events. Facts: "
            f"**{s['facts']['conflict']} in conflict**, {s['facts']['corroborated']} corroborated, "
            f"{s['facts']['single_source']} from a single source. "
            f"Quotations: {s['quotes']['conflict']} altered, {s['quotes']['corroborated']} carried by several outlets.",
            "", f"_{md_text(report['generated_by'])}; values are normalised (minutes, UTC, days); "
            "each claim quotes the article's own words._", ""]


def _fact_section(report: dict, docs: dict, status: str, title: str) -> list[str]:
    """Every fact with this status: its explanation, any review, and each claim in its sentence."""
    rows = [(ev, f) for ev in report["events"] for f in ev["facts"] if f["status"] == status]
    out = [f"## {title} ({len(rows)})", ""]
    if not rows:
        out += ["None.", ""]
    # an article's claims share its source line (speaker, outlet, document): written once each
    sources: dict[tuple[str, str | None, str | None], str] = {}
    for ev, f in rows:
        out += [f"### {_event_title(ev)} — {md_text(f['fact'].replace('_', ' '))}", "",
                f"{md_text(f['explanation'])}.", ""]
        if f.get("review"):
            out += [_review_line(f["review"]), ""]
        for c in f["claims"]:
            note = " _(read from the article's lead)_" if c["inferred"] else ""
            if c.get("restatements"):
                note += f" _(said {c['restatements']} more times in this document, not listed)_"
            who = (c["doc"], c["outlet"], c["speaker"])
            source = sources.get(who) or sources.setdefault(who, _source(c, docs))
            out.append(f"- **{md_text(describe_value(c['value']))}** — {source}{note}")
            out.append(f"  > {_quote_sentence(c)}")
        out.append("")
    return out


def _event_title(ev: dict) -> str:
    d = ev["date"]
    day = "undated" if not d else d["start"] if d["start"] == d["end"] else f"{d['start']} – {d['end']}"
    who = " – ".join(ev["participants"]) or "unnamed parties"
    return md_text(f"{ev['id']} · {ev['kind']} · {who} · {day}")


def _source(c: dict, docs: dict) -> str:
    """Who said it and where to read it: the speaker (or the outlet's own voice), the outlet,
    the document, linked to the article's URL when the corpus gave one (http, https, mailto)."""
    doc = docs[c["doc"]]
    outlet = md_text(outlet_name(c["outlet"] or doc["outlet"]))
    where = md_code_link(c["doc"], doc.get("url"))
    return (f"{md_text(c['speaker'])}, in {outlet} ({where})" if c["speaker"]
            else f"{outlet}, own voice ({where})")


def _document_table(report: dict) -> list[str]:
    """Every document: who published it, when, where to read it, what was read from its text
    rather than given, and which document it is a copy of."""
    out = [f"## Documents ({len(report['documents'])})", "",
           "| id | outlet | language | published | URL | read from the text | copy of | agency copy |",
           "|---|---|---|---|---|---|---|---|"]
    for d in report["documents"]:
        url = md_link(d["url"], d["url"]) if d.get("url") else "–"
        inferred = md_text(", ".join(d.get("inferred") or []) or "–")
        copy_of = md_code(d["copy_of"], in_table=True) if d.get("copy_of") else "–"
        published = md_text((d["published"] or "–").replace("T", " "))
        out.append(f"| {md_code(d['id'], in_table=True)} | {md_text(outlet_name(d['outlet']))} | "
                   f"{md_text(d['language'] or '–')} | {published} | {url} | {inferred} | {copy_of} | "
                   f"{md_text(d.get('wire') or '–')} |")
    return out + [""]


def _quote_sentence(c: dict) -> str:
    """The claim's excerpt on one line, the claim's own words in bold (each part escaped)."""
    sent, (a, b), (ss, _) = c["sentence"], c["span"], c["sentence_span"]
    a, b = a - ss, b - ss
    if 0 <= a <= b <= len(sent):
        words = md_text(sent[a:b])
        bold = f"**{words}**" if words else ""
        return (md_text(sent[:a].lstrip(), strip=False) + bold + md_text(sent[b:].rstrip(), strip=False)).strip()
    return md_text(sent)


def _quotation_section(report: dict) -> list[str]:
    multi = [q for q in report["quotes"] if q["status"] != "single_source"]
    out = [f"## Quotations carried by several outlets ({len(multi)})", ""]
    if not multi:
        out += ["None.", ""]
    for q in multi:
        label = "ALTERED" if q["status"] == "conflict" else "same words"
        out.append(f"- {label}: {md_text(q['speaker'] or NO_SPEAKER)} — «{md_text(q['text'])}»"
                   + (f" ({md_text(q['note'])})" if q.get("note") else ""))
        for c in q["claims"]:
            out.append(f"  - {md_code(c['doc'])}: «{md_text(c['text'])}»")
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
        out.append(f"- {md_code(u['doc'])} {md_text(u['fact'].replace('_', ' '))}: “{md_text(u['text'])}”"
                   + (f" = {md_text(shown)}" if shown else "") + f" — {md_text(u['reason'])}")
    return out + [""]


def _review_line(r: dict) -> str:
    parts = [f"**Reviewed: {md_text(r['decision'])}**"]
    if r.get("value") not in (None, ""):
        parts.append(f"verified value: {md_text(describe_value(r['value']))}")
    for key, label in (("reason", "reason"), ("note", "note")):
        if r.get(key):
            parts.append(f"{label}: {md_text(r[key])}")
    if r.get("link"):
        parts.append(f"source: {md_link(r['link'], r['link'])}")
    if r.get("reviewer"):
        parts.append(f"by {md_text(r['reviewer'])}")
    return "> " + " — ".join(parts) + f" ({md_text(r['at'])})"


# Indented JSON is readable and diffs well; above this many documents a report is written one
# list item per line instead, a tenth of the lines for the same data.
_INDENT_UP_TO = 2000


def _json(value: Any, option: int = 0) -> str:
    # orjson: the same text as ``json.dumps(ensure_ascii=False, indent=2)`` (compact without
    # the option) at a fraction of the cost; the standard indented encoder, pure Python, cost as
    # much as grouping a thousand articles.  NaN never reaches a report (verdicts work on finite
    # values).  orjson holds integers to 64 bits: a text may write a number beyond that ("for
    # 99999999999999999999 minutes"), which the standard encoder writes as it is.
    try:
        return orjson.dumps(value, option=option).decode("utf-8")
    except orjson.JSONEncodeError:
        if option & orjson.OPT_INDENT_2:
            return json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def dumps(report: dict) -> str:
    if len(report.get("documents") or []) <= _INDENT_UP_TO:
        return _json(report, orjson.OPT_INDENT_2) + "\n"
    parts = []
    for k, v in report.items():
        if isinstance(v, list) and v:
            items = ",\n".join("  " + _json(x) for x in v)
            parts.append(f"{_json(k)}: [\n{items}\n ]")
        else:
            parts.append(f"{_json(k)}: {_json(v)}")
    return "{\n " + ",\n ".join(parts) + "\n}\n"


def validate(report: dict) -> list[str]:
    """Schema violations (empty when the report honours the contract)."""
    import jsonschema
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    v = jsonschema.Draft202012Validator(schema)
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in sorted(v.iter_errors(report), key=str)]
