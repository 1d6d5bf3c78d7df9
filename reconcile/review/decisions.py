"""The review app's decision keys (c d r m g s u): each opens its form or acts at once, records
the decision in the review log and tells the reviewer what happened."""
from __future__ import annotations

from typing import TYPE_CHECKING

from reconcile.review.forms import DecisionForm, Forms
from reconcile.review.log import FACT_ACTIONS, Decision, ReviewError, fact_decision
from reconcile.review.model import STATUS_LABEL, STRUCTURAL, Row

if TYPE_CHECKING:
    from reconcile.review.app import ReviewApp

RERUN = "recorded — run `reconcile run` again to recompute"


class Decisions:
    """Decisions on the app's selected fact (and the chosen claim), signed by its reviewer."""

    def __init__(self, app: ReviewApp):
        self.app = app

    def run(self, kind: str) -> None:
        """What one key does: confirm, dismiss, resolve, move, merge, split or undo."""
        if kind == "undo":
            self.undo()
            return
        r = self.need_fact()
        if r is None:
            return
        if kind == "confirm":
            self.confirm(r)
            return
        forms = Forms(self.app.model, self.app.reviewer, self.app.bidi)
        if kind == "move":
            if self.app.chosen_claim() is not None:
                self.open(forms.move(r, self.app.chosen_index()))
            return
        self.open({"dismiss": forms.dismiss, "resolve": forms.resolve, "merge": forms.merge,
                   "split": forms.split}[kind](r))

    def need_fact(self) -> Row | None:
        if self.app.current is None:
            self.app.notify("no fact selected", severity="warning")
        return self.app.current

    def open(self, form: DecisionForm) -> None:
        self.app.push_screen(form.screen, lambda d: self.record(d, form.recorded(d)) if d is not None else None)

    def confirm(self, r: Row) -> None:
        if r.fact["status"] != "conflict":
            self.app.notify(f"c confirms a conflict; this fact is {STATUS_LABEL.get(r.fact['status'])} — "
                            "r records a verified value", severity="warning", markup=False)
            return
        try:
            d = fact_decision(self.app.data, self.app.model.fact_handle(r), "confirm", reviewer=self.app.reviewer)
        except ReviewError as exc:
            self.app.notify(str(exc), severity="error", markup=False)
            return
        self.record(d, f"confirmed: {r.fact['fact']} of {r.event['id']}")

    def record(self, d: Decision, what: str) -> None:
        app = self.app
        before = app.model.state(app.current)[0] if app.current else "open"
        if not self.append(d, " — nothing recorded"):
            return
        shown_on = app.model.row_of(d)
        if d.action in FACT_ACTIONS and shown_on is not None and shown_on is not app.current:
            # the log keys decisions by claims: a fact whose claims all belong to another
            # fact too cannot be told apart from it
            app.notify(f"{what} recorded, but it applies to {shown_on.fact['fact']} of {shown_on.event['id']}, "
                       "which holds the same claims", severity="warning", markup=False, timeout=10)
        elif d.action in STRUCTURAL:
            app.notify(f"{what} {RERUN}", markup=False, timeout=10)
        else:
            replaced = f" (replaces '{before}'; u brings it back)" if before != "open" else ""
            app.notify(f"{what} recorded{replaced}", markup=False)

    def append(self, d: Decision, unwritten: str = "") -> bool:
        """Write the decision to the log, then show its effect; False (and said) when the log
        cannot be written."""
        log = self.app.review_log
        try:
            log.append(d)
        except OSError as exc:
            self.app.notify(f"cannot write {log.path}: {exc.strerror or exc}{unwritten}",
                            severity="error", markup=False, timeout=10)
            return False
        self.app.refresh_states()
        return True

    def undo(self) -> None:
        taken: list[Decision] = []

        def make(log) -> Decision:      # under the log's lock, on the log as it is on disk now
            last = log.last_undoable()
            if last is None:
                raise ReviewError("nothing to undo")
            taken.append(last)
            return Decision("undo", undoes=last.id, reviewer=self.app.reviewer)
        try:
            self.app.review_log.append_with(make)
        except ReviewError as exc:
            self.app.notify(str(exc), severity="warning", markup=False)
            return
        except OSError as exc:
            self.app.notify(f"cannot write {self.app.review_log.path}: {exc.strerror or exc} — nothing undone",
                            severity="error", markup=False, timeout=10)
            return
        last = taken[0]
        on = self.app.model.row_of(last)
        what = last.action.replace("_", " ") + (f" on {on.fact['fact']} of {on.event['id']}" if on else
                                                 f" on {last.fact}" if last.fact else "")
        self.app.refresh_states()
        structural = last.action in STRUCTURAL
        self.app.notify(f"undone: {what}" + (f" — {RERUN}" if structural else ""), markup=False,
                        timeout=10 if structural else 5)
