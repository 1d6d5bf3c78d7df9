"""The review app's modal screens: a small form (decisions, filters), the help, and the
article view."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, Static

from reconcile.report.format import describe_value, outlet_name, terminal_safe
from reconcile.review.bidi import display_line
from reconcile.review.documents import Documents, published
from reconcile.review.keys import KEYS
from reconcile.review.log import ReviewError
from reconcile.review.model import Row
from reconcile.review.widgets import HIGHLIGHT, OTHER_CLAIM, BidiText, Span

if TYPE_CHECKING:
    from reconcile.review.app import ReviewApp

@dataclass
class FormField:
    name: str
    label: str
    placeholder: str = ""
    value: str = ""
    required: bool = False


class FormScreen(ModalScreen):
    """A small form.  ``submit(values)`` returns the result or raises ReviewError/ValueError:
    the message is shown and the form stays open with what was typed (never lose a note to
    a missing reason)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    FormScreen { align: center middle; }
    FormScreen #form { width: 84; max-width: 95%; height: auto; max-height: 95%;
                       border: thick $accent; background: $surface; padding: 0 1; }
    FormScreen .title { text-style: bold; }
    FormScreen Label { margin-top: 1; }
    /* one-line inputs: a four-field form must fit a 24-line terminal */
    FormScreen Input { border: none; height: 1; padding: 0 1; background: $panel-lighten-1; }
    FormScreen Input:focus { border: none; background: $accent 30%; }
    FormScreen .keys { color: $text-muted; margin-top: 1; }
    FormScreen #hint { height: auto; max-height: 20; margin-top: 1; border-top: solid $panel-lighten-2; }
    FormScreen #hint:focus { border-top: solid $accent; }
    """

    def __init__(self, title: str, fields: list[FormField], submit: Callable[[dict], Any], *,
                 hint: str = "", on_change: Callable[[dict], str] | None = None, bidi: bool = False):
        super().__init__()
        self.title_text, self.fields, self.submit = title, fields, submit
        self.hint, self.on_change, self.bidi = hint, on_change, bidi

    def compose(self) -> ComposeResult:
        # scrolls (to the focused field) when the terminal is shorter than the form
        with VerticalScroll(id="form", can_focus=False):
            yield Static(Text(self.title_text), classes="title")
            for f in self.fields:
                yield Label(Text(f.label))
                yield Input(value=f.value, placeholder=f.placeholder, id=f"field-{f.name}")
            yield Static("Enter save · Tab next field · Esc cancel", classes="keys")
            if self.hint or self.on_change:
                with VerticalScroll(id="hint"):     # focusable: Tab, then ↑ ↓ scroll a long list
                    yield BidiText(self.hint, bidi=self.bidi, id="hint-text")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def values(self) -> dict[str, str]:
        return {f.name: self.query_one(f"#field-{f.name}", Input).value.strip() for f in self.fields}

    def on_input_changed(self, event: Input.Changed) -> None:
        if self.on_change:
            self.query_one("#hint-text", BidiText).update(self.on_change(self.values()) or self.hint)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            result = self.submit(self.values())
        except (ReviewError, ValueError) as exc:
            self.app.notify(str(exc), severity="error", markup=False)
            empty = next((f for f in self.fields if f.required and not self.values()[f.name]), None)
            if empty:
                self.query_one(f"#field-{empty.name}", Input).focus()
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)


class HelpScreen(ModalScreen):
    BINDINGS = [Binding("escape,q,question_mark", "close", "Close")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen #help { width: 90; max-width: 95%; height: auto; max-height: 95%;
                       border: thick $accent; background: $surface; padding: 0 2; }
    """

    def __init__(self, review_file: Path, settings_path: Path):
        super().__init__()
        self.review_file, self.settings_path = review_file, settings_path

    @staticmethod
    def text(review_file: Path | None = None, settings_path: Path | None = None) -> Text:
        t = Text()
        for group, keys in KEYS:
            t.append(f"{group}\n", "bold underline")
            for key, what in keys:
                t.append(f"  {key:<16}", "bold cyan")
                t.append(f"{what}\n")
            t.append("\n")
        if review_file:
            t.append(f"Decisions go to {review_file} as you make them.\n", "dim")
        t.append("Moves, merges and splits change events: run `reconcile run` again to see them.\n", "dim")
        if settings_path:
            t.append(f"Settings: {settings_path} (\"bidi\": true/false, \"reviewer\": \"your name\")\n", "dim")
        t.append("Esc, q or ? closes this help.", "dim")
        return t

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(self.text(self.review_file, self.settings_path), id="help-text")

    def action_close(self) -> None:
        self.dismiss(None)


class ArticleScreen(ModalScreen):
    """A whole article, scrolled to the chosen claim, with the fact's claims highlighted."""

    BINDINGS = [Binding("escape,q", "close", "Back"),
                Binding("b", "toggle_bidi", "Bidi")]
    DEFAULT_CSS = """
    ArticleScreen { background: $background; }
    ArticleScreen #meta { padding: 0 1; background: $panel; height: auto; }
    ArticleScreen #body { padding: 0 2; }
    """

    def __init__(self, title: Text, text: str, spans: Iterable[Span], focus_at: int, bidi: bool):
        super().__init__()
        self.heading, self.body, self.spans, self.focus_at, self.bidi = title, text, spans, focus_at, bidi

    @classmethod
    def for_claim(cls, docs: Documents, r: Row, n: int, bidi: bool) -> ArticleScreen:
        """The article of claim ``n`` (from 0) of the fact of ``r``; when the file cannot be
        read, the claim's sentence."""
        claim = r.fact["claims"][n]
        text, problem = docs.text(claim["doc"])
        meta = docs.meta.get(claim["doc"]) or {}
        head = Text()
        head.append(terminal_safe(f"{outlet_name(claim.get('outlet'))} · published {published(meta)} · "
                                  f"{claim['doc']}"), "bold")
        head.append(f"  {terminal_safe(meta.get('path') or '')}\n", "dim")
        head.append(terminal_safe(f"claim {n + 1} of {r.fact['fact']} ({r.event['id']}): "))
        head.append(terminal_safe(describe_value(claim["value"])), "bold")
        head.append("  «")
        words = terminal_safe(claim["text"])
        head.append(display_line(words) if bidi else words, HIGHLIGHT)
        head.append("»   Esc back · ↑ ↓ PgUp PgDn scroll · b Arabic bidi", "dim")
        if text is None:
            head.append(f"\ncannot show the whole article: {terminal_safe(problem)}; its sentence:", "bold red")
            text, start = claim.get("sentence") or claim["text"], claim["span"][0] - claim["sentence_span"][0]
            spans = [(start, start + len(claim["text"]), HIGHLIGHT)]
        else:
            if docs.changed(claim["doc"]):
                head.append("\nthis file changed since the report was written: the highlight may be off",
                            "bold yellow")
            start = claim["span"][0]
            if text[start:claim["span"][1]] != claim["text"]:
                start = max(0, text.find(claim["text"]))
            spans = [(c["span"][0], c["span"][1], OTHER_CLAIM) for c in r.fact["claims"]
                     if c["doc"] == claim["doc"] and c is not claim]
            spans.append((start, start + len(claim["text"]), HIGHLIGHT))
        return cls(head, text, spans, start, bidi)

    def compose(self) -> ComposeResult:
        yield Static(self.heading, id="meta")
        with VerticalScroll(id="body"):
            yield BidiText(self.body, self.spans, bidi=self.bidi, id="article")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#body").focus()
        self.call_after_refresh(self.scroll_to_claim)

    def scroll_to_claim(self, tries: int = 10) -> None:
        body, art = self.query_one("#body", VerticalScroll), self.query_one("#article", BidiText)
        line = art.line_of(self.focus_at)
        if (not art.size.width or body.max_scroll_y < line - 3) and tries:
            # not laid out yet (the scroll range is not known): try after the next refresh
            self.call_after_refresh(self.scroll_to_claim, tries - 1)
            return
        body.scroll_to(y=max(0, line - 3), animate=False)

    def action_toggle_bidi(self) -> None:
        app = cast("ReviewApp", self.app)      # the setting is the app's, and remembered
        app.action_toggle_bidi()
        self.bidi = app.bidi
        self.query_one("#article", BidiText).set_bidi(self.bidi)
        self.call_after_refresh(self.scroll_to_claim)

    def action_close(self) -> None:
        self.dismiss(None)
