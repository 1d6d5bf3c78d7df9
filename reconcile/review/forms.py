"""The forms behind the review app's decision and filter keys.

A decision form returns the ``Decision`` to record (the log module checks it against the
report; its error is shown and the form stays open) and says what to tell the reviewer once
it is recorded.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from reconcile.report.format import describe_value, outlet_name
from reconcile.review.log import Decision, ReviewError, fact_decision, merge_decision, move_decision, split_decision
from reconcile.review.model import ReviewModel, Row, short_dates
from reconcile.review.screens import FormField, FormScreen

FILTER_TITLES = {
    "event": "Only the facts of one event (empty: all events)",
    "outlet": "Only facts with a claim from this outlet (part of its name; empty: all)",
    "entity": "Only facts involving this entity: id, name or any spelling (empty: all)",
    "search": "Search explanations, claimed words, sentences, participants, speakers (empty: none)",
}


@dataclass
class DecisionForm:
    screen: FormScreen                      # dismissed with the Decision, or None when cancelled
    recorded: Callable[[Decision], str]     # what was recorded, for the notification


class Forms:
    """Forms on one report's facts, signed with the reviewer's name."""

    def __init__(self, model: ReviewModel, reviewer: str | None, bidi: bool):
        self.model, self.data, self.reviewer, self.bidi = model, model.data, reviewer, bidi

    def dismiss(self, r: Row) -> DecisionForm:
        def submit(v: dict) -> Decision:
            return fact_decision(self.data, self.model.fact_handle(r), "dismiss", reason=v["reason"] or None,
                                 note=v["note"] or None, reviewer=self.reviewer)

        return DecisionForm(FormScreen(
            f"Dismiss {r.fact['fact']} of {r.event['id']}: not a real conflict",
            [FormField("reason", "Reason (required)", "e.g. different calls / extraction error / same value",
                       required=True),
             FormField("note", "Note (optional)")], submit),
            lambda d: f"dismissed: {r.fact['fact']} of {r.event['id']}")

    def resolve(self, r: Row) -> DecisionForm:
        claims = r.fact["claims"]
        listing = "\n".join(f"{i}. {describe_value(c['value'])} — {outlet_name(c.get('outlet'))}, {c['doc']}"
                            + (f" ({c['speaker']})" if c.get("speaker") else "") for i, c in enumerate(claims, 1))

        def submit(v: dict) -> Decision:
            right = None
            if v["claim"]:
                if not v["claim"].isdigit() or not 1 <= int(v["claim"]) <= len(claims):
                    raise ReviewError(f"the claim number is 1 to {len(claims)} (see the list below)")
                right = claims[int(v["claim"]) - 1]["id"]
            return fact_decision(self.data, self.model.fact_handle(r), "resolve", value=v["value"] or None,
                                 right_claim=right, note=v["note"] or None, link=v["link"] or None,
                                 reviewer=self.reviewer)

        return DecisionForm(FormScreen(
            f"Resolve {r.fact['fact']} of {r.event['id']}: which value is right?",
            [FormField("claim", f"Number of the claim that is right (1–{len(claims)})", "e.g. 1"),
             FormField("value", "…or the verified value, typed", "e.g. 45 min"),
             FormField("note", "Note (optional)"),
             FormField("link", "Source link (optional)", "https://…")], submit,
            hint=listing, bidi=self.bidi),
            lambda d: f"resolved: {r.fact['fact']} of {r.event['id']}")

    def move(self, r: Row, n: int) -> DecisionForm:
        """Move claim ``n`` (from 0) of the fact of ``r``."""
        claim = r.fact["claims"][n]

        def submit(v: dict) -> Decision:
            return move_decision(self.data, claim["id"], self.model.event_id(v["event"]), note=v["note"] or None,
                                 reviewer=self.reviewer)

        return DecisionForm(FormScreen(
            f"Move claim {n + 1} ({describe_value(claim['value'])}, {outlet_name(claim.get('outlet'))}, "
            f"{claim['doc']}) "
            f"from {r.event['id']} to another event (← → choose the claim first)",
            [FormField("event", "Event id (typing narrows the list below)", "e.g. E3"),
             FormField("note", "Note (optional)")], submit,
            hint=self.model.events_hint(), on_change=lambda v: self.model.events_hint(v["event"]), bidi=self.bidi),
            lambda d: f"claim {n + 1} moved to {self.model.event_of(d.target)}:")

    def merge(self, r: Row) -> DecisionForm:
        def submit(v: dict) -> Decision:
            return merge_decision(self.data, r.event["id"], self.model.event_id(v["event"]), note=v["note"] or None,
                                  reviewer=self.reviewer)

        return DecisionForm(FormScreen(
            f"Merge {r.event['id']} ({r.event.get('kind', '')} {short_dates(r.event.get('date'))}) "
            "with another event: they are the same event",
            [FormField("event", "The other event's id (typing narrows the list below)", "e.g. E3"),
             FormField("note", "Note (optional)")], submit,
            hint=self.model.events_hint(), on_change=lambda v: self.model.events_hint(v["event"]), bidi=self.bidi),
            lambda d: f"{r.event['id']} merged with {self.model.event_of(d.claims[1])}:")

    def split(self, r: Row) -> DecisionForm:
        related = self.model.entities_of(r)
        base_hint = "Entities of this fact and their spellings:\n" + "\n".join(
            f"{e['id']}: {', '.join(e.get('surfaces') or [])}" for e in related) if related else ""

        def on_change(v: dict) -> str:
            e = self.model.entity_by_handle(v["entity"])
            if not e:
                return base_hint
            # numbered, so nobody has to type Arabic (or read it back from a reversed input)
            return f"{e['name']} ({e['id']}) is spelled:\n" + "\n".join(
                f"{i}. {sp}" for i, sp in enumerate(e.get("surfaces") or [], 1))

        def submit(v: dict) -> Decision:
            if not v["entity"]:
                raise ReviewError("give the entity's id or name")
            e = self.model.entity_by_handle(v["entity"])
            return split_decision(self.data, e["id"] if e else v["entity"], spellings_meant(e, v["surfaces"]),
                                  new_name=v["name"] or None, note=v["note"] or None, reviewer=self.reviewer)

        return DecisionForm(FormScreen(
            "Split an entity: some spellings name someone else",
            [FormField("entity", "Entity (id or name)", "e.g. vladimir-putin"),
             FormField("surfaces", "Spellings to split off: their numbers in the list below, or the spellings; "
                                   "separated by commas", "e.g. 2"),
             FormField("name", "Who they name (optional)", "e.g. Vladimir Zhirinovsky"),
             FormField("note", "Note (optional)")], submit,
            hint=base_hint, on_change=on_change, bidi=self.bidi),
            lambda d: f"split of {', '.join(d.surfaces)} off {d.entity}:")

    def filter(self, kind: str, current: str) -> FormScreen:
        """A filter's value (event, outlet, entity or search), checked against the report;
        dismissed with what was typed ("" clears the filter), or None when cancelled."""
        hints = {"event": self.model.events_hint(), "outlet": self.model.outlets_hint()}
        on_change = {"entity": lambda v: self.model.entities_hint(v["value"]),
                     "event": lambda v: self.model.events_hint(v["value"])}.get(kind)

        def submit(v: dict) -> str:
            value = v["value"]
            if value and kind == "event":
                value = self.model.event_named(value)
            if value and kind == "entity" and not self.model.resolve_entities(value):
                raise ReviewError(f"no entity matches '{value}'")
            return value

        return FormScreen(FILTER_TITLES[kind], [FormField("value", kind, value=current)], submit,
                          hint=hints.get(kind, ""), on_change=on_change, bidi=self.bidi)


def spellings_meant(entity: dict | None, typed: str) -> list[str]:
    """The spellings typed for a split: their numbers in the entity's list, or the spellings,
    separated by commas (Latin or Arabic)."""
    known = (entity or {}).get("surfaces") or []
    return [known[int(s) - 1] if s.isdigit() and 1 <= int(s) <= len(known) else s
            for s in (t.strip() for t in re.split(r"[,،]", typed)) if s]
