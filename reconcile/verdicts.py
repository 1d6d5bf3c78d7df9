"""Per (event, fact): are the claims compatible once vagueness, rounding and time zones are
allowed for?  And which quotations are the same words carried by several outlets?

Tolerances come from ``rules/tolerances.yaml``: a round "an hour" is not a stopwatch reading.
"""
from __future__ import annotations

import datetime as dt
import itertools
import json
import operator
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from rapidfuzz import fuzz

from reconcile.engine.normalise import key
from reconcile.engine.rules import RULES_DIR, RuleError, load_yaml, strip_lines
from reconcile.provenance.claimants import claimant_of, sources_of
from reconcile.records import STATUS_ORDER, Claim, Document, Entity, FactVerdict, Quote, QuoteGroup, Relay, Source
from reconcile.report.format import describe_value

# A quotation is compared with at most this many others sharing its rarest words; beyond that
# its words are boilerplate and comparing would make the run quadratic.
_MAX_QUOTE_CANDIDATES = 200

# A document saying the same thing (same value, speaker, hedge) about one fact more often than
# this lists only its first so many claims, with the count of the rest: the restatements add no
# evidence, and listing (and pairing) them all would make one repetitive article's report
# unbounded.  No article of the dev corpora says one thing more than 5 times.
MAX_RESTATEMENTS = 10
# At most this many conflicting pairs are listed (the first ones, in claim order); the dev corpora
# have at most 6.  Every pair with a different value is one comparison of two distinct values.
MAX_CONFLICT_PAIRS = 100

# a claim's value as a comparable key: what json.dumps(sort_keys=True, default=str) writes, with
# one encoder for the run (json.dumps with options builds an encoder per call: half its cost)
_value_key = json.JSONEncoder(sort_keys=True, default=str).encode

FACT_ORDER = ["date", "start_time", "end_time", "scheduled_time", "duration", "initiator",
              "medium", "location", "participants"]


@dataclass
class Tolerances:
    rounding: list[dict]
    clock_rounding: list[dict]
    date_days: int
    zone_slack_days: int = 0       # one event dated a day apart across far-apart time zones ...
    zone_hours: float = 24         # ... when the parties' clocks lie at least this far apart

    @classmethod
    def load(cls, path: Path = RULES_DIR / "tolerances.yaml") -> Tolerances:
        data = strip_lines(load_yaml(path, "tolerances") or {})
        try:
            date = data.get("date") or {}
            return cls(list(data["duration"]["rounding"]), list(data["clock_time"]["rounding"]),
                       int(date.get("days", 0)), int(date.get("zone_slack_days", 0)),
                       float(date.get("zone_hours", 24)))
        except (KeyError, TypeError, ValueError) as exc:
            raise RuleError(f"{path}: missing or malformed tolerance: {exc}") from None


@cache
def tolerances() -> Tolerances:
    """The shipped (or RECONCILE_RULES) tolerances, read once per process."""
    return Tolerances.load()


class Reconciler:
    def __init__(self, entities: Mapping[str, Entity], lift, tol: Tolerances | None = None):
        self.entities = entities
        self.lift = lift
        self.tol = tol or tolerances()

    # ------------------------------------------------------------------ values
    def _minutes(self, v: dict) -> tuple[float, float]:
        lo, hi = float(v["min"]), float(v["max"])
        if lo == hi:
            for row in self.tol.rounding:
                mult = float(row["multiple"])
                if mult and lo % mult == 0:
                    slack = max(float(row.get("fraction", 0)) * lo, float(row.get("minutes", 0)))
                    return lo - slack, hi + slack
        return lo, hi

    def _moment_span(self, v: dict) -> tuple[dt.datetime, dt.datetime]:
        """A clock reading on the hour or half hour is likely rounded: widen it more."""
        lo, hi = _moment(v["start"]), _moment(v["end"])
        if lo == hi:
            for row in self.tol.clock_rounding:
                mult = int(row["multiple"])
                if mult and lo.minute % mult == 0:
                    slack = dt.timedelta(minutes=float(row["minutes"]))
                    return lo - slack, hi + slack
        return lo, hi

    def compatible(self, a: dict, b: dict) -> bool:
        if "minutes" in a and "minutes" in b:
            x, y = self._minutes(a["minutes"]), self._minutes(b["minutes"])
            return x[0] <= y[1] + 1e-9 and y[0] <= x[1] + 1e-9
        if "utc" in a and "utc" in b:
            pa, pb = self._moment_span(a["utc"]), self._moment_span(b["utc"])
            return pa[0] <= pb[1] and pb[0] <= pa[1]
        if "date" in a and "date" in b:
            slack = dt.timedelta(days=self.tol.date_days)
            da = [dt.date.fromisoformat(a["date"]["start"]), dt.date.fromisoformat(a["date"]["end"])]
            db = [dt.date.fromisoformat(b["date"]["start"]), dt.date.fromisoformat(b["date"]["end"])]
            return da[0] - slack <= db[1] and db[0] - slack <= da[1]
        if "entity" in a and "entity" in b:
            x, y = a["entity"], b["entity"]
            return x == y or self.lift(x) == self.lift(y)
        if "medium" in a and "medium" in b:
            return a["medium"] == b["medium"]
        return True

    def describe(self, v: dict) -> str:
        def name(eid):
            ent = self.entities.get(eid)
            return ent.name if ent else str(eid)
        return describe_value(v, name)

    # ------------------------------------------------------------------ verdicts
    def verdict(self, event_id: str, fact: str, claims: list[Claim], docs: Mapping[str, Document],
                relays: Mapping[str, Relay] | None = None) -> FactVerdict:
        """The fact's status from its claims; ``relays`` says whom each document's own voice
        relays (the original of its copy group, the agency it credits)."""
        claims = sorted(claims, key=lambda c: (c.doc, c.span))
        relays = relays or {}
        value_keys = {id(c): _value_key(c.value) for c in claims}      # both passes compare values
        listed, restatements = _restatements(claims, value_keys)
        # a restatement's verdict is its listed twin's: the pairs are read among listed claims
        conflicting, self_contra = self._conflicts(listed, value_keys)
        sources = sources_of(claims, docs, relays, self.entities) or \
            sources_of([replace(c, inferred=False) for c in claims], docs, relays, self.entities)
        by_id = {c.id: c for c in claims}
        if conflicting:
            status = "conflict"
            a, b = by_id[conflicting[0][0]], by_id[conflicting[0][1]]
            expl = f"conflict: {self._said(a, docs, relays)} vs {self._said(b, docs, relays)}"
            if self_contra:
                expl += f"; {', '.join(sorted(self_contra))} contradicts itself"
        elif len(sources) >= 2:
            status = "corroborated"
            expl = f"{len(sources)} independent sources agree: " + "; ".join(
                f"{self.describe(by_id[s.claims[0]].value)} ({s.label}: {', '.join(s.documents)})" for s in sources)
        else:
            status = "single_source"
            expl = self._single(claims, sources[0], by_id)
        if restatements:
            keep = {c.id for c in listed}
            sources = [replace(s, claims=[i for i in s.claims if i in keep]) for s in sources]
        return FactVerdict(event_id, fact, status, len(sources), expl, listed, conflicting, sorted(self_contra),
                           sources, restatements)

    def _conflicts(self, claims: list[Claim], value_keys: Mapping[int, str],
                   limit: int = MAX_CONFLICT_PAIRS) -> tuple[list[tuple[str, str]], set[str]]:
        """The first ``limit`` incompatible pairs in claim order, and the documents with one of
        their own.  Claims saying the same value are one class: values are compared once per
        pair of distinct values, not once per pair of claims.  ``value_keys``: id(claim) -> its
        value's key."""
        classes: dict[str, list[int]] = {}
        for i, c in enumerate(claims):
            if not c.inferred:       # a date read from the article's lead is context, not a claim to contest
                classes.setdefault(value_keys[id(c)], []).append(i)
        members = list(classes.values())
        docs = [{claims[i].doc for i in xs} for xs in members]
        pairs: list[tuple[int, int]] = []
        self_contra: set[str] = set()
        for x, y in itertools.combinations(range(len(members)), 2):
            xs, ys = members[x], members[y]
            if self.compatible(claims[xs[0]].value, claims[ys[0]].value):
                continue
            self_contra |= docs[x] & docs[y]
            # classes come in order of their first claim: (xs[0], ys[0]) is this class pair's
            # first claim pair; past the last one kept, it has none to add
            if len(pairs) >= limit and (xs[0], ys[0]) > pairs[-1]:
                continue
            found = sorted((min(i, j), max(i, j)) for i in xs for j in ys)
            pairs = sorted(pairs + found[:limit])[:limit]
        return [(claims[i].id, claims[j].id) for i, j in pairs], self_contra

    def _said(self, c: Claim, docs: Mapping[str, Document], relays: Mapping[str, Relay]) -> str:
        return f"{self.describe(c.value)} ({claimant_of(c, docs, relays, self.entities).label}, {c.doc})"

    def _single(self, claims: list[Claim], source: Source, by_id: dict[str, Claim]) -> str:
        first = by_id[source.claims[0]]
        if all(c.inferred for c in claims):
            return f"context only: {self.describe(first.value)} ({source.label}, read from the article's lead: " \
                   f"{', '.join(source.documents)})"
        extra = len(source.claims) - 1
        more = f" (+{extra} restatement{'s' if extra > 1 else ''} by the same source)" if extra else ""
        return f"one source: {self.describe(first.value)} ({source.label}: {', '.join(source.documents)}){more}"

    # ------------------------------------------------------------------ quotations
    def quotes(self, quotes: list[Quote], negations: set[str]) -> list[QuoteGroup]:
        """Align quotations across documents: the same words (possibly trimmed, or spelt with
        other hamza/diacritics) from the same speaker.  A group whose versions differ in a
        number or a negation is a materially altered quote: a conflict."""
        qs = sorted(quotes, key=lambda q: (q.doc, q.span))
        keys = [key(q.text) for q in qs]
        groups = _UnionFind(len(qs))
        # identical wording is one node; only distinct wordings are compared, and only pairs
        # that share words (an inverted index), so the cost follows the number of candidate
        # pairs, not the square of the corpus
        by_key: dict[str, list[int]] = {}
        for i, k in enumerate(keys):
            by_key.setdefault(k, []).append(i)
        distinct = sorted(by_key)
        for k in distinct:
            first = by_key[k][0]
            for i in by_key[k][1:]:
                if self._same_speaker(qs[first], qs[i]):
                    groups.join(i, first)

        def joinable(n: int, m: int) -> Iterator[tuple[int, int]]:
            """The quotations of wordings n and m a close score would join: from other
            documents, by the same speaker, not in one group yet."""
            for i in by_key[distinct[n]]:
                for j in by_key[distinct[m]]:
                    a, b = qs[i], qs[j]
                    if a.doc != b.doc and self._same_speaker(a, b) and groups.root(i) != groups.root(j):
                        yield i, j

        # the groups depend only on which quotations end up together: a pair of wordings that
        # could join nothing new is not scored (scoring is most of the cost)
        for n, m, score in _similar_wordings(distinct, lambda n, m: any(joinable(n, m))):
            for i, j in joinable(n, m):
                a, b = qs[i], qs[j]
                if a.speaker and b.speaker or score >= 97:
                    groups.join(i, j)
        out = [self._quote_group(members, qs, keys, negations) for members in groups.groups()]
        out.sort(key=lambda g: (STATUS_ORDER[g.status],
                                g.quotes[0].doc, g.quotes[0].span))
        return out

    def _quote_group(self, members: list[int], qs: list[Quote], keys: list[str], negations: set[str]) -> QuoteGroup:
        items = [qs[i] for i in members]
        docs = {q.doc for q in items}
        shortest = min(members, key=lambda i: (len(keys[i]), qs[i].doc))
        status, note = ("corroborated" if len(docs) > 1 else "single_source"), ""
        if len(docs) > 1:
            altered = self._altered([keys[i] for i in members], negations)
            if altered:
                status, note = "conflict", altered
        speakers = [q.speaker for q in items if q.speaker]
        # the most frequent attribution; ties by id, never by set order (hash-seeded)
        speaker = max(sorted(set(speakers)), key=speakers.count) if speakers else None
        return QuoteGroup(speaker, status, qs[shortest].text, items, note)

    def _same_speaker(self, a: Quote, b: Quote) -> bool:
        if a.speaker and b.speaker:
            return a.speaker == b.speaker or self.lift(a.speaker) == self.lift(b.speaker)
        return True

    @staticmethod
    def _altered(texts: list[str], negations: set[str]) -> str:
        """Words one version has inside the stretch the others also cover: numbers and
        negations change what was said."""
        base = min(texts, key=len)
        base_words = set(base.split())
        for t in texts:
            if t == base:
                continue
            al = fuzz.partial_ratio_alignment(base, t, processor=None)
            if al is None:      # only with a score cutoff, which is not given
                continue
            # the aligned stretch, widened by one word each side: a negation just before it
            # ("لن نواصل" against "سنواصل") belongs to the comparison
            before = t[:al.dest_start].split()
            after = t[al.dest_end:].split()
            seg = before[-1:] + t[al.dest_start:al.dest_end].split() + after[:1]
            diff = (set(seg) ^ base_words)
            bad = [w for w in diff if re.search(r"\d", w) or w in negations]
            if bad:
                return "versions differ in: " + ", ".join(sorted(bad))
        return ""


class _UnionFind:
    """Quotations joined into groups, by index."""

    def __init__(self, n: int):
        self.parent = list(range(n))

    def root(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        self.parent[self.root(i)] = self.root(j)

    def groups(self) -> list[list[int]]:
        """The members of each group, groups in the order of their first member."""
        out: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            out.setdefault(self.root(i), []).append(i)
        return list(out.values())


def _similar_wordings(distinct: list[str], worth_scoring: Callable[[int, int], bool]
                      ) -> Iterator[tuple[int, int, float]]:
    """(n, m, score): pairs of distinct wordings (by index) close enough to be one quotation
    trimmed or respelt, each pair found once, from the side that finds it first; a pair is
    scored only when ``worth_scoring(n, m)`` says so at that point."""
    index: dict[str, list[int]] = {}
    words = [set(k.split()) for k in distinct]
    for n, ws in enumerate(words):
        for w in ws:
            index.setdefault(w, []).append(n)
    long_enough = [len(k) >= 8 for k in distinct]
    # a pair must share half the words of the shorter wording (at least one):
    # max(1, min(a, b) // 2) == min(half[a], half[b])
    half = [max(1, len(ws) // 2) for ws in words]
    # the wordings each one was compared with, from its side, when it was looked at: a pair
    # (m, n) with m < n was compared at m's turn when n was among m's candidates
    compared_from: list[set[int]] = [set() for _ in distinct]
    for n, ws in enumerate(words):
        if not long_enough[n]:
            continue
        # candidates come from the quote's rarest words: a trimmed or respelt copy shares
        # them, while a word every other quote has would bring in the whole corpus
        rare = sorted(ws, key=lambda w: (len(index[w]), w))[:3]
        pool = {m for w in rare for m in index[w] if m != n}
        if len(pool) > _MAX_QUOTE_CANDIDATES:
            # even its rarest words are everywhere: a stock phrase, not a quotation to trace
            continue
        compared_from[n] = pool
        # the pair, found from either side, once (in the pool's order)
        fresh = [m for m in pool if m > n or n not in compared_from[m]]
        # those sharing enough words, of a wording long enough, picked in C
        shared = map(len, map(ws.intersection, map(words.__getitem__, fresh)))
        need = map(min, itertools.repeat(half[n]), map(half.__getitem__, fresh))
        close = list(itertools.compress(fresh, map(operator.ge, shared, need)))
        for m in itertools.compress(close, map(long_enough.__getitem__, close)):
            if not worth_scoring(n, m):
                continue
            score = fuzz.partial_ratio(distinct[n], distinct[m], processor=None, score_cutoff=90)
            if score >= 90:
                yield n, m, score


def _restatements(claims: list[Claim], value_keys: Mapping[int, str],
                  limit: int = MAX_RESTATEMENTS) -> tuple[list[Claim], dict[str, int]]:
    """The claims to list (at most ``limit`` per document saying the same thing, first ones
    first, order kept) and, for the first listed claim of each group cut short, how many were
    left out.  ``value_keys``: id(claim) -> its value's key."""
    listed: list[Claim] = []
    first: dict[tuple, Claim] = {}
    seen: dict[tuple, int] = {}
    for c in claims:
        k = (c.doc, value_keys[id(c)], c.speaker, c.hedge, c.inferred)
        n = seen.get(k, 0)
        seen[k] = n + 1
        if n == 0:
            first[k] = c
        if n < limit:
            listed.append(c)
    left_out = {first[k].id: n - limit for k, n in seen.items() if n > limit}
    return listed, left_out


def _moment(s: str) -> dt.datetime:
    return dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
