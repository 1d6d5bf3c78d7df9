"""The review app: a fact-checker walks through what ``reconcile run`` flagged and records
decisions (``reconcile review REPORT``).

Keyboard only, so it works over SSH.  Every decision is appended to the review log the
moment it is made (``ReviewLog.append`` fsyncs), so quitting — or losing the connection —
never loses work.  The app never recomputes the report: decisions that change events or
entities (move, merge, split) take effect at the next ``reconcile run``.

Arabic: many terminals draw text strictly left to right, which shows Arabic backwards
and its letters unjoined.  The ``b`` setting reorders displayed Arabic (``review.bidi``) and
is remembered in the settings file.

What is shown comes from ``review.model`` (no Textual there); the widgets, screens and forms
live in their own modules.
"""
from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Footer, Static

from reconcile.report.format import terminal_safe
from reconcile.review.bidi import display_line
from reconcile.review.decisions import Decisions
from reconcile.review.documents import Documents
from reconcile.review.forms import Forms
from reconcile.review.keys import APP_KEYS
from reconcile.review.log import ReviewLog
from reconcile.review.model import Filters, ReviewModel, Row
from reconcile.review.screens import ArticleScreen, HelpScreen
from reconcile.review.settings import load_settings, save_settings, settings_file
from reconcile.review.widgets import FactDetail, FactTable, filters_text, progress_text


class ReviewApp(App):
    TITLE = "reconcile review"
    ENABLE_COMMAND_PALETTE = False     # ctrl+p would open an unrelated menu
    CSS = """
    #top { height: auto; padding: 0 1; background: $panel; }
    #panes { height: 1fr; }
    #facts { width: 55%; min-width: 60; height: 1fr; border: round $panel-lighten-2; }
    #facts:focus { border: round $accent; }
    #detail { width: 1fr; height: 1fr; border: round $panel-lighten-2; }
    Screen.-narrow #panes { layout: vertical; }
    Screen.-narrow #facts { width: 1fr; height: 40%; min-width: 0; }
    """
    BINDINGS = APP_KEYS

    def __init__(self, report_path: Path | str, data: dict, log: ReviewLog, settings_path: Path | None = None):
        super().__init__()
        self.report_path, self.data, self.review_log = Path(report_path), data, log
        self.settings_path = Path(settings_path) if settings_path else settings_file()
        self.settings, self._settings_problem = load_settings(self.settings_path)
        self.docs = Documents(self.report_path, data.get("documents") or [])
        self.model = ReviewModel(data, log)
        self.filters = Filters()
        self.shown: list[Row] = []
        self.current: Row | None = None
        self.claim_index = 0
        self.decisions = Decisions(self)

    @property
    def bidi(self) -> bool:
        return bool(self.settings.get("bidi"))

    @property
    def reviewer(self) -> str | None:
        return self.settings.get("reviewer") or None

    def ui(self, text: str) -> str:
        """A short piece of text for display: reordered when the bidi setting is on."""
        text = terminal_safe(text)
        return display_line(text) if self.bidi else text

    # ---- layout
    def compose(self) -> ComposeResult:
        with Vertical(id="top"):
            yield Static(id="counts")
            yield Static(id="filters")
        with Horizontal(id="panes"):
            yield FactTable(id="facts", cursor_type="row", zebra_stripes=True)
            yield FactDetail(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self.title = f"reconcile review — {self.report_path.name}"
        for p in self.review_log.problems:
            self.notify(terminal_safe(p), severity="warning", markup=False, timeout=10)
        if self._settings_problem:
            self.notify(self._settings_problem, severity="warning", markup=False)
        self.refilter()
        self.query_one(FactTable).focus()

    def on_resize(self, event) -> None:
        # side by side needs room; below ~120 columns the list goes above the detail
        self.screen.set_class(self.size.width < 120, "-narrow")
        self.call_after_refresh(self.rebuild_table)

    def update_top(self) -> None:
        pending = self.model.pending_structural(self.report_path)
        self.query_one("#counts", Static).update(progress_text(self.report_path.name, self.model, pending))
        self.query_one("#filters", Static).update(
            filters_text(self.filters, len(self.shown), self.size.width >= 120, self.bidi, self.ui))

    # ---- the list and the detail
    def refilter(self) -> None:
        self.shown = self.model.shown(self.filters)
        self.rebuild_table()

    def rebuild_table(self) -> None:
        table = self.query_one(FactTable)
        keep = self.current.key if self.current else None
        table.fill(self.model, self.shown, self.ui)
        if not self.shown:
            self.current = None
            self.show_detail()
        else:
            index = next((i for i, r in enumerate(self.shown) if r.key == keep), 0)
            table.move_cursor(row=index, animate=False)
            if self.shown[index] is not self.current:
                self.select(self.shown[index])
        self.update_top()

    def refresh_states(self) -> None:
        self.model.refresh()
        table = self.query_one(FactTable)
        for r in self.shown:
            table.show_state(r, self.model.state(r)[0])
        self.update_top()
        self.show_detail()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        key = event.row_key.value if event.row_key is not None else None
        row = next((r for r in self.shown if r.key == key), None)
        if row is not None and row is not self.current:
            self.select(row)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_article()

    def select(self, row: Row) -> None:
        self.current, self.claim_index = row, 0
        self.show_detail()

    def show_detail(self) -> None:
        state, d = self.model.state(self.current) if self.current else ("open", None)
        self.query_one(FactDetail).show(self.current, state, d, self.claim_index, self.docs.meta, self.bidi, self.ui)

    def action_claim(self, step: int) -> None:
        if self.current is None:
            return
        n = len(self.current.fact["claims"])
        self.claim_index = (self.claim_index + step) % n if n else 0
        self.query_one(FactDetail).mark_claim(self.claim_index)

    def action_scroll_detail(self, lines: int) -> None:
        self.query_one(FactDetail).scroll_relative(y=lines, animate=False)

    def chosen_claim(self) -> dict | None:
        if self.current is None or not self.current.fact["claims"]:
            return None
        return self.current.fact["claims"][self.chosen_index()]

    def chosen_index(self) -> int:
        return min(self.claim_index, len(self.current.fact["claims"]) - 1) if self.current else 0

    # ---- filters
    def action_status(self, status: str) -> None:
        self.filters.status = status or None
        self.refilter()

    def action_clear_filters(self) -> None:
        self.filters = Filters()
        self.refilter()
        self.notify("filters cleared")

    def action_filter(self, kind: str) -> None:
        def done(value: str | None) -> None:
            if value is None:
                return
            setattr(self.filters, kind, value or None)
            if kind == "entity":
                self.filters.entity_names = self.model.resolve_entities(value) if value else set()
            self.refilter()
            if not self.shown:
                self.notify("no fact matches — x clears the filters", severity="warning")

        form = Forms(self.model, self.reviewer, self.bidi).filter(kind, getattr(self.filters, kind) or "")
        self.push_screen(form, done)

    # ---- decisions
    def action_decide(self, kind: str) -> None:
        self.decisions.run(kind)

    # ---- screens and settings
    def action_article(self) -> None:
        if self.current is not None and self.chosen_claim() is not None:
            self.push_screen(ArticleScreen.for_claim(self.docs, self.current, self.chosen_index(), self.bidi))

    def action_show_help(self) -> None:
        self.push_screen(HelpScreen(self.review_log.path, self.settings_path))

    def action_toggle_bidi(self) -> None:
        self.settings["bidi"] = not self.bidi
        try:
            save_settings(self.settings_path, self.settings)
            saved = "saved"
        except OSError as exc:
            saved = f"not saved: {exc.strerror or exc}"
        self.notify(("Arabic reordered and joined for terminals without right-to-left support"
                     if self.bidi else "Arabic left in logical order (for terminals with right-to-left support)")
                    + f" ({saved})", markup=False)
        self.rebuild_table()
        self.show_detail()


def run_app(report_path: Path | str, data: dict, log: ReviewLog) -> None:
    ReviewApp(report_path, data, log).run()
