"""The review app's widgets: the fact list, the fact's detail with its claim cards, and
text that wraps and reorders Arabic itself (``BidiText``); plus the looks they share."""
from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Iterator

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import DataTable, Static

from reconcile.report.format import describe_value, outlet_name, terminal_safe
from reconcile.review.bidi import bidi_line, display_line, has_rtl, wrap_ranges
from reconcile.review.documents import published
from reconcile.review.log import Decision
from reconcile.review.model import STATUS_LABEL, Filters, ReviewModel, Row, attachment, short_dates

STATUS_STYLE = {"conflict": "bold red", "single_source": "yellow", "corroborated": "green"}
STATE_STYLE = {"open": "bold", "confirmed": "magenta", "dismissed": "dim", "resolved": "green"}
HIGHLIGHT = "bold black on #e5c07b"   # the claimed words: readable on dark and light themes
OTHER_CLAIM = "underline"             # other claims of the same fact, in the article view

Span = tuple[int, int, str]


def status_text(status: str) -> Text:
    return Text(STATUS_LABEL.get(status, status), STATUS_STYLE.get(status, ""))


def state_text(state: str) -> Text:
    return Text(state, STATE_STYLE[state])


# bidi embeddings, overrides and isolates in an article would reorder the rest of a line
OVERRIDES = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class BidiText(Widget):
    """Text that wraps itself to its width and, with ``bidi`` on, reorders each wrapped line
    of Arabic for terminals that draw left to right (right-aligned, as Arabic reads).
    ``spans`` are (start, end, style) in the logical text."""

    DEFAULT_CSS = "BidiText { height: auto; width: 1fr; }"

    def __init__(self, text: str = "", spans: Iterable[Span] = (), *, bidi: bool = False, **kw):
        super().__init__(**kw)
        self.text, self.spans, self.bidi = text, list(spans), bidi
        self._cache: dict[int, list[tuple[int, int, Text]]] = {}

    def update(self, text: str, spans: Iterable[Span] = (), *, bidi: bool | None = None) -> None:
        self.text, self.spans = text, list(spans)
        if bidi is not None:
            self.bidi = bidi
        self._cache.clear()
        self.refresh(layout=True)

    def set_bidi(self, bidi: bool) -> None:
        self.update(self.text, self.spans, bidi=bidi)

    def lines(self, width: int) -> list[tuple[int, int, Text]]:
        """(start, end, rendered) per display line, start/end in the logical text."""
        if width not in self._cache:
            self._cache[width] = list(self._layout(width))
        return self._cache[width]

    def _layout(self, width: int) -> Iterator[tuple[int, int, Text]]:
        from bidi import get_base_level
        offset = 0
        for par in self.text.split("\n"):
            rtl = self.bidi and has_rtl(par) and get_base_level(par) == 1
            for s, e in wrap_ranges(par, width):
                line = par[s:e]
                if self.bidi and has_rtl(line):
                    order = bidi_line(line, rtl)
                else:
                    order = list(enumerate(line))
                text = Text(no_wrap=True, end="")
                if rtl:
                    text.append(" " * max(0, width - cell_len(line)))
                for i, ch in order:
                    # a stray \r (CRLF files) or \t would move the terminal's cursor: draw a space
                    unsafe = unicodedata.category(ch) == "Cc" or ch in OVERRIDES
                    text.append(" " if unsafe else ch, self._style_at(offset + s + i))
                yield offset + s, offset + e, text
            offset += len(par) + 1

    def _style_at(self, i: int) -> str | None:
        style = None
        for s, e, st in self.spans:          # later spans win: the selected claim is last
            if s <= i < e:
                style = st
        return style

    def line_of(self, offset: int) -> int:
        for n, (s, e, _) in enumerate(self.lines(self.size.width)):
            if offset < e or (s == e == offset):
                return n
        return 0

    def get_content_height(self, container, viewport, width: int) -> int:
        return max(1, len(self.lines(width)))

    def render(self) -> Text:
        out = Text(no_wrap=True, end="")
        for n, (_, _, line) in enumerate(self.lines(self.size.width)):
            if n:
                out.append("\n")
            out.append_text(line)
        return out


class FactTable(DataTable):
    """The facts to review.  ← → pick a claim of the highlighted fact rather than scrolling
    the table sideways (the columns are sized to fit)."""

    BINDINGS = [
        Binding("left", "app.claim(-1)", "Prev claim", show=False),
        Binding("right", "app.claim(1)", "Next claim", show=False),
    ]

    def fill(self, model: ReviewModel, shown: list[Row], ui: Callable[[str], str]) -> None:
        """The shown rows, in columns wide enough for every row of the report."""
        def fit(texts: Iterable[str], least: int) -> int:
            return max([least, *(cell_len(t) for t in texts)])

        rows = model.rows
        widths = {"event": fit((r.event["id"] for r in rows), 5), "fact": fit((r.fact["fact"] for r in rows), 4),
                  "status": 13, "review": 9, "date": fit((short_dates(r.event.get("date")) for r in rows), 4)}
        # participants take what is left (cells have 1 column of padding each side, and a
        # scrollbar may appear), so nothing has to scroll sideways
        rest = (self.size.width or 90) - sum(widths.values()) - 2 * (len(widths) + 1) - 2
        widths["participants"] = max(14, rest)
        self.clear(columns=True)
        for name, w in widths.items():
            self.add_column(name, width=w, key=name)
        for r in shown:
            self.add_row(*self._cells(r, model.state(r)[0], widths["participants"], ui), key=r.key)

    @staticmethod
    def _cells(r: Row, state: str, pwidth: int, ui: Callable[[str], str]) -> list:
        parts = " – ".join(r.event.get("participants") or []) or "–"
        if cell_len(parts) > pwidth:
            parts = parts[:pwidth - 1] + "…"
        return [terminal_safe(r.event["id"]), terminal_safe(r.fact["fact"]), status_text(r.fact["status"]),
                state_text(state), short_dates(r.event.get("date")), ui(parts)]

    def show_state(self, r: Row, state: str) -> None:
        self.update_cell(r.key, "review", state_text(state))


class ClaimCard(Vertical):
    """One claim: its value and where it comes from, then the evidence sentence."""

    DEFAULT_CSS = """
    ClaimCard { height: auto; border: round $panel-lighten-2; padding: 0 1; }
    ClaimCard.-selected { border: heavy $accent; }
    ClaimCard .value { text-style: bold; }
    """

    def __init__(self, n: int, claim: dict, doc: dict | None, bidi: bool):
        super().__init__()
        self.claim = claim
        self.border_title = f"claim {n}"
        self.border_subtitle = terminal_safe(claim["doc"])
        head = Text()
        head.append(terminal_safe(describe_value(claim["value"])), "bold")
        if claim.get("hedge"):
            hedge = terminal_safe(claim["hedge"])
            head.append(f"  hedged: {display_line(hedge) if bidi else hedge}", "italic")
        if claim.get("inferred"):
            head.append("  (inferred)", "italic")
        # one line per field, in the same order on every card, so side-by-side cards line up
        for label, value in (("outlet", outlet_name(claim.get("outlet"))),
                             ("speaker", claim.get("speaker") or "–"),
                             ("published", published(doc)),
                             ("url", (doc or {}).get("url") or "–")):
            head.append(f"\n{label:<10}", "dim")
            value = terminal_safe(value)
            head.append(display_line(value) if bidi else value)
        basis = attachment(claim)
        if basis:
            head.append(f"\n{'attached':<10}", "dim")
            head.append(basis)
        self._head = head
        s = claim.get("sentence") or claim["text"]
        a = claim["span"][0] - claim["sentence_span"][0]
        b = claim["span"][1] - claim["sentence_span"][0]
        if s[a:b] != claim["text"]:          # offsets disagree with the words: find them instead
            a = s.find(claim["text"])
            b = a + len(claim["text"]) if a >= 0 else -1
        self._sentence = BidiText(s, [(a, b, HIGHLIGHT)] if a >= 0 else [], bidi=bidi, classes="sentence")

    def compose(self) -> ComposeResult:
        yield Static(self._head)
        yield self._sentence


class FactDetail(VerticalScroll, can_focus=False):
    """The selected fact.  Not focusable: the list keeps the keyboard, ← → pick claims and
    the chosen claim is scrolled into view."""

    DEFAULT_CSS = """
    FactDetail { padding: 0 1; }
    FactDetail #claims { layout: grid; grid-size: 2; grid-rows: auto; grid-gutter: 0 1; height: auto; }
    FactDetail .heading { text-style: bold; }
    FactDetail #review { margin: 1 0 0 0; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="heading", classes="heading")
        yield BidiText(id="explanation")
        yield Static(id="review")
        yield Static(Text("Claims  (← → choose · a opens the article)", "dim"))
        yield Container(id="claims")

    def cards(self) -> list[ClaimCard]:
        return list(self.query(ClaimCard))

    def fit_columns(self) -> None:
        # claims side by side while each keeps ~34 columns, else one per row
        n = max(1, len(self.cards()))
        cols = max(1, min(n, 3, (self.size.width or 80) // 34))
        self.query_one("#claims").styles.grid_size_columns = cols

    def on_resize(self) -> None:
        self.fit_columns()

    def show(self, r: Row | None, state: str, d: Decision | None, chosen: int, docs_meta: dict[str, dict],
             bidi: bool, ui: Callable[[str], str]) -> None:
        """The fact of ``r`` (None: nothing matches), its review state, and its claims with the
        ``chosen`` one marked."""
        heading = self.query_one("#heading", Static)
        explanation = self.query_one("#explanation", BidiText)
        review = self.query_one("#review", Static)
        claims = self.query_one("#claims")
        claims.remove_children()
        if r is None:
            heading.update("No facts match the filters — press x to clear them.")
            explanation.update("")
            review.update("")
            return
        heading.update(fact_heading(r, ui))
        explanation.update(r.fact.get("explanation") or "", bidi=bidi)
        review.update(review_text(r, state, d, ui))
        claims.mount_all([ClaimCard(i, c, docs_meta.get(c["doc"]), bidi) for i, c in enumerate(r.fact["claims"], 1)])
        self.call_after_refresh(self.fit_columns)
        self.call_after_refresh(self.mark_claim, chosen, False)
        self.scroll_home(animate=False)

    def mark_claim(self, index: int, scroll: bool = True) -> None:
        """Show which claim ← → chose (and scroll it into view)."""
        cards = self.cards()
        for i, card in enumerate(cards):
            card.set_class(i == index, "-selected")
            card.border_title = f"claim {i + 1}" + (" ◀ chosen" if i == index else "")
        if scroll and 0 <= index < len(cards):
            self.scroll_to_widget(cards[index], animate=False)



def fact_heading(r: Row, ui: Callable[[str], str]) -> Text:
    ev, f = r.event, r.fact
    h = Text()
    h.append(terminal_safe(f"{ev['id']} · {ev.get('kind', '')} · {short_dates(ev.get('date'))} · "))
    h.append(ui(" – ".join(ev.get("participants") or []) or "no participants"))
    if ev.get("locations"):
        h.append(" · " + ui(", ".join(ev["locations"])))
    h.append(f"\n{f['fact']}: ", "bold")
    h.append_text(status_text(f["status"]))
    h.append(f"  ({len(f['claims'])} claim{'s' if len(f['claims']) != 1 else ''}, fact {f.get('id', '')})", "dim")
    return h


def review_text(r: Row, state: str, d: Decision | None, ui: Callable[[str], str]) -> Text:
    """The fact's review state, and what the decision in force says."""
    t = Text()
    t.append("Review: ", "bold")
    t.append_text(state_text(state))
    if d is None:
        hint = ("c confirm · d dismiss · r resolve" if r.fact["status"] == "conflict"
                else "r record the verified value · d dismiss")
        t.append(f"   ({hint})", "dim")
        return t
    if d.action == "resolve":
        right = next((i for i, c in enumerate(r.fact["claims"], 1) if c["id"] == d.right_claim), None)
        shown = terminal_safe(describe_value(d.value))
        t.append(f" — verified value: {shown}" + (f" (claim {right})" if right else ""))
    for label, v in (("reason", d.reason), ("note", d.note), ("source", d.link), ("by", d.reviewer)):
        if v:
            t.append(f"\n  {label}: ", "dim")
            t.append(ui(str(v)))
    t.append(f"\n  at {d.at.replace('T', ' ').replace('Z', ' UTC')} · u undoes", "dim")
    return t


def progress_text(name: str, model: ReviewModel, pending: int) -> Text:
    """The top line: facts per status, how many are reviewed, what waits for a re-run."""
    counts, reviewed, open_conflicts = model.progress()
    t = Text()
    t.append(f"{name}  ", "bold")
    t.append(f"{len(model.rows)} facts: ")
    for k, label in (("conflict", "conflict{}"), ("single_source", STATUS_LABEL["single_source"]),
                     ("corroborated", "corroborated")):
        n = counts.get(k, 0)
        t.append(f"{n} {label.format('' if n == 1 else 's')}", STATUS_STYLE[k])
        t.append("  ")
    t.append(f"· reviewed {reviewed}/{len(model.rows)}", "bold")
    if open_conflicts:
        t.append(f" · {open_conflicts} conflict{'s' if open_conflicts > 1 else ''} open", "bold red")
    if pending:
        t.append(f"\n{pending} move/merge/split not in this report yet: run `reconcile run` again", "bold yellow")
    return t


def filters_text(filters: Filters, shown: int, wide: bool, bidi: bool, ui: Callable[[str], str]) -> Text:
    f = Text()
    f.append("Filters: ", "bold")
    f.append(ui(filters.describe()))
    f.append(f"  · showing {shown}", "bold")
    if wide:      # on a small terminal the footer and ? are enough
        f.append("   keys: 1 2 3 0 status · e event · o outlet · n entity · / search · x clear", "dim")
    f.append(f" · b Arabic bidi: {'on' if bidi else 'off'}", "dim")
    return f
