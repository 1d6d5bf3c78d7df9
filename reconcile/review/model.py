"""What the review app works on, without Textual: a report's facts as rows in the order a
reviewer goes through them, the decision in force on each, the filters and search, and the
event and entity look-ups behind the app's forms.  Testable without a terminal.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from reconcile.engine.normalise import fold
from reconcile.records import REVIEW_ORDER
from reconcile.report.format import NO_OUTLET, STATUS_LABEL
from reconcile.review.log import DECISION_STATE, Decision, ReviewError, ReviewLog, best_facts, iter_facts

# Decisions that change events or entities: they take effect at the next `reconcile run`.
STRUCTURAL = ("move_claim", "merge_events", "split_entity")

# why a claim sits on its event (a report claim's `attached_by`), in a reviewer's words
ATTACHMENT_LABEL = {"clause": "its own clause names the event", "event_date": "the event's date",
                    "main_event": "the article's main event", "lead": "the article's lead",
                    "reviewer": "a reviewer moved it"}


def attachment(claim: dict) -> str | None:
    """How the claim was tied to its event, for reports that say so (None for older reports)."""
    basis = claim.get("attached_by")
    if not basis:
        return None
    return ATTACHMENT_LABEL.get(str(basis), str(basis).replace("_", " "))


def search_key(s: str) -> str:
    """What typed text is compared by: the engine's ``fold`` (case, hamza/alef/ta marbuta
    variants, Arabic diacritics and tatweel, digits, quote marks), and on top of it what a
    person typing a search also expects to be ignored: Latin accents ("elysee" finds
    "Élysée") and full case folding ("strasse" finds "Straße")."""
    s = unicodedata.normalize("NFKD", fold(s).casefold())
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def natural_event(eid: str) -> tuple:
    """E2 before E10."""
    m = re.match(r"([A-Za-z]*)(\d+)$", eid or "")
    return (m.group(1), int(m.group(2))) if m else (eid, 0)


def short_dates(d: dict | None) -> str:
    """An event's date range, short enough for a table column."""
    if not d:
        return "–"
    s, e = d["start"], d["end"]
    return s if s == e else f"{s}–{e[5:]}" if s[:4] == e[:4] else f"{s}–{e}"


@dataclass
class Row:
    key: str            # unique in the table: fact ids repeat when events share a claim
    order: int          # position in the report
    event: dict
    fact: dict
    claim_ids: set[str] = field(default_factory=set)


@dataclass
class Filters:
    status: str | None = None
    event: str | None = None
    outlet: str | None = None
    entity: str | None = None           # what the user typed
    entity_names: set[str] = field(default_factory=set)
    search: str | None = None

    def describe(self) -> str:
        parts = [f"status={STATUS_LABEL.get(self.status or '', 'all')}"]
        for name in ("event", "outlet", "entity", "search"):
            v = getattr(self, name)
            if name == "entity" and v and 0 < len(self.entity_names) <= 2:
                v = " / ".join(sorted(self.entity_names))   # who was meant, not the spelling typed
            if v:
                parts.append(f'{name}="{v}"' if name == "search" else f"{name}={v}")
        return "  ".join(parts)

    def active(self) -> bool:
        return any((self.status, self.event, self.outlet, self.entity, self.search))


def report_rows(data: dict) -> list[Row]:
    """Every fact of the report, in the reviewer's order: conflicts, then single-source
    facts, then corroborated ones; by event, then fact."""
    rows = [Row(f"{n}:{ev['id']}:{f.get('id', '')}", n, ev, f, {c["id"] for c in f["claims"]})
            for n, (ev, f) in enumerate(iter_facts(data))]
    rows.sort(key=lambda r: (REVIEW_ORDER.get(r.fact["status"], 9), natural_event(r.event["id"]), r.fact["fact"]))
    return rows


def names_of(r: Row) -> set[str]:
    """Everyone and everywhere a fact involves: participants, places, speakers, named values."""
    names = set(r.event.get("participants") or []) | set(r.event.get("locations") or [])
    for c in r.fact["claims"]:
        if c.get("speaker"):
            names.add(c["speaker"])
        if isinstance(c.get("value"), dict) and c["value"].get("entity"):
            names.add(c["value"]["entity"])
    return names


def searchable(r: Row) -> list[str]:
    """The texts ``/`` searches: explanation, fact name, participants, and each claim's words,
    sentence, speaker and outlet."""
    f = r.fact
    hay = [f.get("explanation") or "", f["fact"], " ".join(r.event.get("participants") or [])]
    for c in f["claims"]:
        hay += [c.get("text") or "", c.get("sentence") or "", c.get("speaker") or "", c.get("outlet") or ""]
    return hay


class ReviewModel:
    """A report's facts and the review log's decisions on them."""

    def __init__(self, data: dict, log: ReviewLog):
        self.data, self.log = data, log
        self.rows = report_rows(data)
        self.refresh()

    def refresh(self) -> None:
        """Take the decisions in force again (after one is recorded or undone)."""
        self.effective = self.log.effective()
        in_report = sorted(self.rows, key=lambda r: r.order)
        # the rule `reconcile run` applies: a decision goes only to the fact holding most of
        # its claims, so when events share a claim (one "yesterday" dating two calls) a
        # decision on one event's date does not show on the other's
        chosen, _ = best_facts([(r.fact["fact"], sorted(r.claim_ids)) for r in in_report], self.effective)
        self.decided: dict[str, Decision] = {in_report[i].key: d for i, d in chosen.items()}

    def state(self, row: Row) -> tuple[str, Decision | None]:
        """"open", or what the decision in force made of the fact, and that decision."""
        d = self.decided.get(row.key)
        return (DECISION_STATE[d.action] if d else "open"), d

    def row_of(self, d: Decision) -> Row | None:
        """The row a decision speaks for."""
        return next((r for r in self.rows if self.decided.get(r.key) is d), None)

    def progress(self) -> tuple[dict[str, int], int, int]:
        """Facts per status, facts reviewed, conflicts still open."""
        counts: dict[str, int] = {}
        reviewed = open_conflicts = 0
        for r in self.rows:
            counts[r.fact["status"]] = counts.get(r.fact["status"], 0) + 1
            state, _ = self.state(r)
            reviewed += state != "open"
            open_conflicts += state == "open" and r.fact["status"] == "conflict"
        return counts, reviewed, open_conflicts

    def pending_structural(self, report_path: Path) -> int:
        """Moves, merges and splits decided since the report was written."""
        try:
            made = dt.datetime.fromtimestamp(report_path.stat().st_mtime, dt.UTC)
        except OSError:
            return 0
        stamp = made.strftime("%Y-%m-%dT%H:%M:%SZ")
        return sum(1 for d in self.effective if d.action in STRUCTURAL and d.at >= stamp)

    # ---- filters
    def matches(self, r: Row, fl: Filters) -> bool:
        if fl.status and r.fact["status"] != fl.status:
            return False
        if fl.event and r.event["id"].casefold() != fl.event.casefold():
            return False
        if fl.outlet:
            want = search_key(fl.outlet)
            if not any(want in search_key(c.get("outlet") or "") or want in search_key(c["doc"])
                       for c in r.fact["claims"]):
                return False
        if fl.entity and not (fl.entity_names & names_of(r)):
            return False
        return not fl.search or any(search_key(fl.search) in search_key(h) for h in searchable(r))

    def shown(self, fl: Filters) -> list[Row]:
        return [r for r in self.rows if self.matches(r, fl)]

    # ---- entities
    def resolve_entities(self, typed: str) -> set[str]:
        """Entity names meant by what was typed: an exact id, name or spelling, else a part of a name."""
        ents = self.data.get("entities") or []
        want = search_key(typed)
        exact = {e["name"] for e in ents
                 if want in {search_key(e["id"]), search_key(e["name"]), *map(search_key, e.get("surfaces") or [])}}
        if exact:
            return exact
        found = {e["name"] for e in ents
                 if want in search_key(e["name"]) or any(want in search_key(s) for s in e.get("surfaces") or [])}
        if not found:   # people named only in the report's events (not in the gazetteer)
            found = {n for r in self.rows for n in names_of(r) if want in search_key(n)}
        return found

    def entity_by_handle(self, typed: str) -> dict | None:
        """The entity whose id or name was typed."""
        want = search_key(typed.strip())
        return next((e for e in self.data.get("entities") or []
                     if want and want in (search_key(e["id"]), search_key(e["name"]))), None)

    def entities_of(self, r: Row) -> list[dict]:
        """The gazetteer entities a fact involves."""
        by_name = {e["name"]: e for e in self.data.get("entities") or []}
        return [by_name[n] for n in sorted(names_of(r)) if n in by_name]

    def entities_hint(self, typed: str) -> str:
        if not typed:
            return "Type to see matching entities."
        names = sorted(self.resolve_entities(typed))
        if not names:
            return "no entity matches"
        by_name = {e["name"]: e for e in self.data.get("entities") or []}
        lines = []
        for n in names[:12]:
            e = by_name.get(n)
            lines.append(f"{n} ({e['id']}): {', '.join(e.get('surfaces') or [])}" if e else n)
        return "\n".join(lines) + (f"\n… {len(names) - 12} more" if len(names) > 12 else "")

    # ---- events and outlets
    def events_hint(self, typed: str = "") -> str:
        """The events, narrowed to those whose line contains what is typed (an id, a name, a date)."""
        want, lines = search_key(typed.strip()), []
        for ev in sorted(self.data.get("events") or [], key=lambda e: natural_event(e["id"])):
            line = (f"{ev['id']:<5} {ev.get('kind', ''):<8} {short_dates(ev.get('date')):<16} "
                    + " – ".join(ev.get("participants") or []))
            if not want or want in search_key(line):
                lines.append(line)
        return "\n".join(lines) if lines else f"no event matches '{typed}'"

    def outlets_hint(self) -> str:
        outlets = sorted({d.get("outlet") or f"{NO_OUTLET} ({d['id']})" for d in self.data.get("documents") or []})
        return "Outlets: " + "; ".join(outlets)

    def event_named(self, typed: str) -> str:
        """The id of the event typed (any case), for the event filter."""
        events = self.data.get("events") or []
        ev = next((e for e in events if e["id"].casefold() == typed.casefold()), None)
        if ev is None:
            raise ReviewError(f"no event '{typed}' in this report (E1…E{len(events)})")
        return ev["id"]

    def event_id(self, typed: str) -> str:
        """E3, e3 and 3 all mean E3."""
        typed = typed.strip()
        if not typed:
            raise ReviewError("give an event id, e.g. E3")
        for ev in self.data.get("events") or []:
            if ev["id"].casefold() in (typed.casefold(), f"e{typed}".casefold()):
                return ev["id"]
        return typed   # let the log module word the error

    def event_of(self, claim_id: str | None) -> str:
        return next((r.event["id"] for r in self.rows if claim_id in r.claim_ids), "another event")

    def fact_handle(self, r: Row) -> str:
        """What to hand the log module: fact ids repeat when events share a claim, so prefer a
        claim held by this fact alone."""
        others = {c for o in self.rows if o is not r for c in o.claim_ids}
        return next((c["id"] for c in r.fact["claims"] if c["id"] not in others),
                    r.fact.get("id") or r.fact["claims"][0]["id"])
