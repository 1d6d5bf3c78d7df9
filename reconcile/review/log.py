"""Review decisions: a fact-checker's verdicts on what the machine flagged, kept beside the
report in a JSON Lines file (``NAME.review.jsonl``).

Why JSON Lines: a second reader can ``cat``, ``grep`` and ``diff`` it, and appending one line
per decision (then ``fsync``) means a crash or a kill loses at most the decision being
written — a torn last line is ignored on load and reported.  The file is never rewritten:
undo is a decision too, so the history stays.

Decisions are keyed by claim ids, which derive from a document's content hash and the
claim's span (``extract.claim_id``), never from run order: after articles are added, a
decision still finds the fact holding its claims.  Decisions that match nothing are listed,
never dropped.
"""
from __future__ import annotations

import datetime as dt
import errno
import fcntl
import hashlib
import json
import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from reconcile.ingest.decoding import utf8_encodable

ACTIONS = ("confirm", "dismiss", "resolve", "move_claim", "merge_events", "split_entity", "undo")
FACT_ACTIONS = ("confirm", "dismiss", "resolve")
SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / "decision.schema.json"


class ReviewError(ValueError):
    """A decision that cannot be made against this report (unknown id, no action...)."""


@lru_cache(maxsize=1)
def _validator():
    import jsonschema
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def parse_line(line: bytes) -> Decision:
    """One log line as a decision; ValueError (a reader's message) for anything else: bytes that
    are not UTF-8, not JSON, NaN or Infinity, a line the schema (``schema/decision.schema.json``)
    rejects."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 (byte {exc.start})") from None
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON ({exc.msg}, column {exc.colno})") from None
    except RecursionError:
        raise ValueError("nested too deep") from None
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.path)) if isinstance(data, dict) else None
    if errors is None:
        raise ValueError("not a JSON object")
    if errors:
        where = "/".join(map(str, errors[0].path))
        raise ValueError(f"{where + ': ' if where else ''}{errors[0].message[:200]}")
    return Decision(**data)


@dataclass
class Decision:
    action: str
    claims: list[str] = field(default_factory=list)   # the claims the decision was made on
    fact: str | None = None          # fact name, for confirm/dismiss/resolve
    value: Any = None                # resolve: the verified value as entered
    right_claim: str | None = None   # resolve: the claim marked right
    target: str | None = None        # move_claim: a claim of the destination event
    events: list[str] = field(default_factory=list)   # move/merge: the events named, as numbered then
    entity: str | None = None        # split_entity: the entity whose aliases are split
    surfaces: list[str] = field(default_factory=list)
    new_name: str | None = None
    undoes: str | None = None        # undo: the decision taken back
    reason: str | None = None
    note: str | None = None
    link: str | None = None
    reviewer: str | None = None
    id: str = ""
    at: str = ""

    def __post_init__(self):
        if self.action not in ACTIONS:
            raise ValueError(f"unknown action '{self.action}' (one of {', '.join(ACTIONS)})")
        if not self.at:
            self.at = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        if not self.id:
            self.id = "d-" + secrets.token_hex(5)
        for k, v in asdict(self).items():
            for text in (v if isinstance(v, list) else [v]):
                if isinstance(text, str) and not utf8_encodable(text):
                    raise ReviewError(f"the {k.replace('_', ' ')} given is not valid UTF-8 text "
                                      "(check the terminal's encoding)")

    def to_json(self) -> str:
        data = {k: v for k, v in asdict(self).items() if v not in (None, [], "")}
        return json.dumps(data, ensure_ascii=False, sort_keys=True)


def review_path(report_path: Path) -> Path:
    """reports/seeds.json -> reports/seeds.review.jsonl"""
    return report_path.with_name(report_path.stem + ".review.jsonl")


def fact_id(fact: str, claim_ids: list[str]) -> str:
    """A fact's handle in the report: from its name and its smallest claim id."""
    return "f-" + hashlib.sha1(f"{fact}:{min(claim_ids)}".encode()).hexdigest()[:10]


class ReviewLog:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.decisions: list[Decision] = []
        self.problems: list[str] = []
        self.load()

    def load(self) -> None:
        self.decisions, self.problems = [], []
        if not self.path.exists():
            return
        try:
            raw = self.path.read_bytes()
        except OSError as exc:
            self.problems.append(f"{self.path}: cannot read: {exc.strerror or exc}")
            return
        self._read(raw)

    def _read(self, raw: bytes) -> None:
        """Every line the schema accepts; each other line reported (file:line) and skipped."""
        self.decisions, self.problems = [], []
        lines = raw.split(b"\n")
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                self.decisions.append(parse_line(line))
            except ValueError as exc:
                torn = n == len(lines) and not raw.endswith(b"\n")
                what = ("an unfinished last line (a write was cut off), ignored" if torn
                        else f"unreadable line ignored: {exc}")
                self.problems.append(f"{self.path}:{n}: {what}")

    @contextmanager
    def _locked(self) -> Iterator[int]:
        """The log opened for appending under an exclusive ``flock`` (never through a symlink)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW, 0o644)
        except OSError as exc:
            if exc.errno == errno.ELOOP or self.path.is_symlink():
                raise OSError(errno.ELOOP, "is a symbolic link; a review log is not written through one") from None
            raise
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield fd
        finally:
            os.close(fd)              # closing releases the lock

    def append(self, d: Decision) -> Decision:
        """One decision, one line, on disk before this returns."""
        return self.append_with(lambda _: d)

    def append_with(self, make: Callable[[ReviewLog], Decision]) -> Decision:
        """Lock the log, read it again, let ``make`` decide on what is on disk now, append its
        decision and fsync — so two writers (two ``undo``s) never act on the same stale view."""
        with self._locked() as fd:
            raw = _read_fd(fd)
            self._read(raw)
            d = make(self)
            data = (d.to_json() + "\n").encode("utf-8")
            if raw and not raw.endswith(b"\n"):
                data = b"\n" + data      # a writer killed mid-line left a torn tail: start afresh
            os.write(fd, data)
            os.fsync(fd)
        self.decisions.append(d)
        return d

    def effective(self) -> list[Decision]:
        """Decisions in force: undone ones removed (undoing an undo restores)."""
        undone: set[str] = set()
        for d in reversed(self.decisions):
            if d.id in undone:
                continue
            if d.action == "undo" and d.undoes:
                undone.add(d.undoes)
        return [d for d in self.decisions if d.id not in undone and d.action != "undo"]

    def last_undoable(self) -> Decision | None:
        eff = self.effective()
        return eff[-1] if eff else None


def best_facts(facts: list[tuple[str, list[str]]],
               decisions: list[Decision]) -> tuple[dict[int, Decision], list[Decision]]:
    """For facts given as (fact name, claim ids): which decision speaks for which fact (each
    goes to the fact of its name holding most of its claims; the latest wins), and the fact
    decisions that match no fact any more.  One rule for runs, the app and scripts."""
    by_claim: dict[str, list[int]] = {}
    for i, (_, ids) in enumerate(facts):
        for cid in ids:
            by_claim.setdefault(cid, []).append(i)
    chosen: dict[int, Decision] = {}
    unmatched = []
    for d in decisions:
        if d.action not in FACT_ACTIONS:
            continue
        counts: dict[int, int] = {}
        for cid in d.claims:
            for i in by_claim.get(cid, []):
                if facts[i][0] == d.fact:
                    counts[i] = counts.get(i, 0) + 1
        if not counts:
            unmatched.append(d)
            continue
        best = max(counts.items(), key=lambda kv: (kv[1], -kv[0]))[0]
        chosen[best] = d               # later decisions overwrite earlier ones
    return chosen, unmatched


def apply_fact_decisions(verdicts, decisions: list[Decision]) -> tuple[dict[int, Decision], list[Decision]]:
    return best_facts([(v.fact, [c.id for c in v.claims]) for v in verdicts], decisions)


# What each decision makes of a fact (the one map; a fact without a decision is "open").
DECISION_STATE = {"confirm": "confirmed", "dismiss": "dismissed", "resolve": "resolved"}


def review_summary(d: Decision) -> dict:
    """What the report says about a reviewed fact."""
    out = {"decision": DECISION_STATE[d.action],
           "at": d.at, "id": d.id}
    for k in ("reason", "note", "link", "reviewer", "value", "right_claim"):
        v = getattr(d, k)
        if v not in (None, ""):
            out[k] = v
    return out


def _read_fd(fd: int) -> bytes:
    os.lseek(fd, 0, os.SEEK_SET)
    chunks = []
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)


# --------------------------------------------------------------------------- the report side

def iter_facts(report: dict):
    for ev in report.get("events") or []:
        for f in ev.get("facts") or []:
            yield ev, f


def find_fact(report: dict, handle: str) -> tuple[dict, dict]:
    """A fact by its id ("f-...") or by any of its claim ids."""
    for ev, f in iter_facts(report):
        if f.get("id") == handle or any(c["id"] == handle for c in f["claims"]):
            return ev, f
    raise ReviewError(f"no fact or claim '{handle}' in this report")


def find_event(report: dict, event_id: str) -> dict:
    for ev in report.get("events") or []:
        if ev["id"] == event_id:
            return ev
    raise ReviewError(f"no event '{event_id}' in this report")


def event_claims(ev: dict) -> list[str]:
    return sorted(c["id"] for f in ev["facts"] for c in f["claims"])


def anchor_claim(ev: dict) -> str:
    """A stable claim id that names the event in a decision: one of the event's own claims (not
    one read from an article's lead, which may date several events, nor one a reviewer moved in),
    else any of its claims."""
    own = sorted(c["id"] for f in ev["facts"] for c in f["claims"]
                 if not c.get("inferred") and c.get("attached_by") != "reviewer")
    anchors = own or event_claims(ev)
    if not anchors:
        raise ReviewError(f"event '{ev['id']}' has no claims to name it by")
    return anchors[0]


def fact_decision(report: dict, handle: str, action: str, *, value=None, right_claim=None,
                  reason=None, note=None, link=None, reviewer=None) -> Decision:
    if action not in FACT_ACTIONS:
        raise ReviewError(f"'{action}' is not a decision on a fact")
    _, f = find_fact(report, handle)
    if action == "dismiss" and not reason:
        raise ReviewError("a dismissal needs a reason")
    if action == "resolve":
        ids = {c["id"] for c in f["claims"]}
        if right_claim and right_claim not in ids:
            raise ReviewError(f"claim '{right_claim}' is not one of this fact's claims")
        if value in (None, "") and not right_claim:
            raise ReviewError("resolving needs the verified value or the claim that is right")
        if value in (None, "") and right_claim:
            value = next(c["value"] for c in f["claims"] if c["id"] == right_claim)
        else:
            from reconcile.review.values import parse_resolved
            value = parse_resolved(f["fact"], value)   # read with the fact's own rules
    return Decision(action, claims=sorted(c["id"] for c in f["claims"]), fact=f["fact"], value=value,
                    right_claim=right_claim, reason=reason, note=note, link=link, reviewer=reviewer)


def move_decision(report: dict, claim: str, to_event: str, note=None, reviewer=None) -> Decision:
    ev_from, _ = find_fact(report, claim)
    ev_to = find_event(report, to_event)
    if ev_from["id"] == ev_to["id"]:
        raise ReviewError(f"claim '{claim}' is already in {to_event}")
    return Decision("move_claim", claims=[claim], target=anchor_claim(ev_to), events=[ev_from["id"], ev_to["id"]],
                    note=note, reviewer=reviewer)


def merge_decision(report: dict, event_a: str, event_b: str, note=None, reviewer=None) -> Decision:
    a, b = find_event(report, event_a), find_event(report, event_b)
    if a["id"] == b["id"]:
        raise ReviewError("an event cannot be merged with itself")
    return Decision("merge_events", claims=[anchor_claim(a), anchor_claim(b)], events=[a["id"], b["id"]],
                    note=note, reviewer=reviewer)


def split_decision(report: dict, entity: str, surfaces: list[str], new_name=None, note=None,
                   reviewer=None) -> Decision:
    ent = next((e for e in report.get("entities") or [] if e["id"] == entity or e["name"] == entity), None)
    if ent is None:
        raise ReviewError(f"no entity '{entity}' in this report")
    unknown = [s for s in surfaces if s not in ent["surfaces"]]
    if not surfaces or unknown:
        given = f"{', '.join(unknown)} not among {', '.join(ent['surfaces'])}" if unknown else "none given"
        raise ReviewError(f"split needs spellings of {ent['name']}: {given}")
    if set(surfaces) >= set(ent["surfaces"]):
        raise ReviewError("a split must leave at least one spelling to the entity")
    return Decision("split_entity", entity=ent["id"], surfaces=list(surfaces), new_name=new_name,
                    note=note, reviewer=reviewer)


def decisions_by_fact(report: dict, decisions: list[Decision]) -> dict[str, Decision]:
    """fact id -> the decision in force on it, by the rule ``reconcile run`` applies."""
    facts = [f for _, f in iter_facts(report)]
    chosen, _ = best_facts([(f["fact"], [c["id"] for c in f["claims"]]) for f in facts], decisions)
    return {facts[i]["id"]: d for i, d in chosen.items()}


def decision_for_fact(fact: dict, decisions: list[Decision], report: dict | None = None) -> Decision | None:
    """The decision in force on one fact (with the report, by the same rule as a run)."""
    if report is not None:
        return decisions_by_fact(report, decisions).get(fact["id"])
    ids = {c["id"] for c in fact["claims"]}
    hit = None
    for d in decisions:
        if d.action in FACT_ACTIONS and d.fact == fact["fact"] and ids & set(d.claims):
            hit = d
    return hit
