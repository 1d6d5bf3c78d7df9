"""The review app: a fact-checker walks through what ``reconcile run`` flagged and records
decisions (``reconcile review REPORT``).

Keyboard only, so it works over SSH.  Every decision is appended to the review log the
moment it is made (``ReviewLog.append`` fsyncs), so quitting — or losing the connection —
never loses work.  The app never recomputes the report: decisions that change events or
entities (move, merge, split) take effect at the next ``reconcile run``.

Arabic: many terminals draw text strictly left to right, which shows Arabic backwards
and its letters unjoined.  The ``b`` setting reorders displayed Arabic with python-bidi,
*after* wrapping, one display line at a time (reordering a whole paragraph and letting it
wrap would put its lines in the wrong order), and draws letters in their joined forms.  It
is remembered in the settings file.
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import json
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.cells import cell_len, get_character_cell_size
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import DataTable, Footer, Input, Label, Static

from reconcile.review.log import (
    FACT_ACTIONS,
    Decision,
    ReviewError,
    ReviewLog,
    decision_for_fact,
    fact_decision,
    iter_facts,
    merge_decision,
    move_decision,
    split_decision,
)

STATUS_ORDER = {"conflict": 0, "single_source": 1, "corroborated": 2}
STATUS_LABEL = {"conflict": "conflict", "single_source": "single source", "corroborated": "corroborated"}
STATUS_STYLE = {"conflict": "bold red", "single_source": "yellow", "corroborated": "green"}
STATE_OF = {"confirm": "confirmed", "dismiss": "dismissed", "resolve": "resolved"}
STATE_STYLE = {"open": "bold", "confirmed": "magenta", "dismissed": "dim", "resolved": "green"}
STRUCTURAL = ("move_claim", "merge_events", "split_entity")
RERUN = "recorded — run `reconcile run` again to recompute"

HIGHLIGHT = "bold black on #e5c07b"   # the claimed words: readable on dark and light themes
OTHER_CLAIM = "underline"             # other claims of the same fact, in the article view

# (key, what it does) — the help screen is built from this, so it lists every key.
KEYS: list[tuple[str, list[tuple[str, str]]]] = [
    ("Moving around", [
        ("↑ ↓  PgUp PgDn", "choose a fact in the list"),
        ("← →", "choose a claim of the fact (numbered in the detail)"),
        ("shift+↑ ↓", "scroll the detail"),
        ("a  or  Enter", "open the article of the chosen claim (Esc returns)"),
    ]),
    ("Filters", [
        ("1  2  3", "only conflicts / single-source / corroborated facts"),
        ("0", "all statuses"),
        ("e", "only one event (e.g. E3)"),
        ("o", "only facts with a claim from an outlet"),
        ("n", "only facts involving an entity (id, name or spelling)"),
        ("/", "search explanation, claim words, sentences, participants, speakers"),
        ("x", "clear every filter"),
    ]),
    ("Decisions (saved at once in the review file)", [
        ("c", "confirm: the conflict is real"),
        ("d", "dismiss: not a real conflict (asks a reason)"),
        ("r", "resolve: the right claim's number or the verified value"),
        ("m", "move the chosen claim to another event"),
        ("g", "merge this fact's event with another event"),
        ("s", "split spellings off an entity (they name someone else)"),
        ("u", "undo the last decision in force"),
    ]),
    ("Display", [
        ("b", "Arabic for terminals without right-to-left support (remembered)"),
        ("?", "this help"),
        ("q", "quit (decisions are already saved)"),
    ]),
]


# --------------------------------------------------------------------------- settings
def settings_file() -> Path:
    base = os.environ.get("RECONCILE_CONFIG_DIR")
    return (Path(base) if base else Path.home() / ".config" / "reconcile") / "tui.json"


def load_settings(path: Path) -> tuple[dict, str | None]:
    """The settings and, when the file is unusable, why (the app then starts with defaults)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return {}, f"{path}: settings ignored ({exc})"
    return (data, None) if isinstance(data, dict) else ({}, f"{path}: settings ignored (not a JSON object)")


def save_settings(path: Path, settings: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(settings, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)


# --------------------------------------------------------------------------- values and text
def describe_value(v: Any) -> str:
    """A claim's value as a fact-checker would say it."""
    if not isinstance(v, dict):
        return str(v)
    if "minutes" in v:
        lo, hi = v["minutes"]["min"], v["minutes"]["max"]
        num = lambda x: str(int(x)) if float(x) == int(x) else f"{x:.1f}"
        if lo != hi:
            return f"{num(lo)}–{num(hi)} min"
        hours = f" ({int(lo) // 60} h {int(lo) % 60:02d})" if lo >= 60 and float(lo) == int(lo) else ""
        return f"{num(lo)} min{hours}"
    if "utc" in v:
        s, e = v["utc"]["start"], v["utc"]["end"]
        if s == e:
            return f"{s[11:16]} UTC ({s[:10]})"
        if s[:10] == e[:10]:
            return f"{s[11:16]}–{e[11:16]} UTC ({s[:10]})"
        return f"{s[:10]} {s[11:16]} – {e[:10]} {e[11:16]} UTC"
    if "date" in v:
        return describe_dates(v["date"]["start"], v["date"]["end"])
    if "entity" in v:
        return str(v["entity"])
    if "medium" in v:
        return str(v["medium"]).replace("_", " ")
    return json.dumps(v, ensure_ascii=False)


def describe_dates(s: str, e: str) -> str:
    if s == e:
        return s
    try:
        a, b = dt.date.fromisoformat(s), dt.date.fromisoformat(e)
    except ValueError:
        return f"{s} – {e}"
    if a.day == 1 and (a.year, a.month) == (b.year, b.month) and b.day == calendar.monthrange(b.year, b.month)[1]:
        return f"{calendar.month_name[a.month]} {a.year}"   # a whole month: "June 2021"
    return f"{s} – {e}"


def short_dates(d: dict | None) -> str:
    if not d:
        return "–"
    s, e = d["start"], d["end"]
    return s if s == e else f"{s}–{e[5:]}" if s[:4] == e[:4] else f"{s}–{e}"


def published(doc: dict | None) -> str:
    return (doc or {}).get("published", "").replace("T", " ") or "unknown"


_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")   # Hebrew, Arabic, Syriac, Thaana...


def has_rtl(s: str) -> bool:
    return bool(_RTL.search(s))


_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ـ": None})


def fold(s: str) -> str:
    """For searching: case, Arabic hamza/alef/ta marbuta variants and diacritics don't matter."""
    s = unicodedata.normalize("NFKD", s.casefold())
    return "".join(ch for ch in s if not unicodedata.combining(ch)).translate(_FOLD)


def natural_event(eid: str) -> tuple:
    m = re.match(r"([A-Za-z]*)(\d+)$", eid or "")
    return (m.group(1), int(m.group(2))) if m else (eid, 0)


# --------------------------------------------------------------------------- bidi
def _visual_order(line: str, rtl: bool) -> list[tuple[int, str]]:
    """(logical index, char) in the order a left-to-right terminal must draw them.

    This is python-bidi's get_display, run step by step so that each character keeps its
    index: the claimed words stay highlighted after reordering."""
    from bidi import algorithm as alg
    storage = alg.get_empty_storage()
    storage["base_level"], storage["base_dir"] = (1, "R") if rtl else (0, "L")
    alg.get_embedding_levels(line, storage)
    for i, ch in enumerate(storage["chars"]):
        ch["i"] = i
    for step in (alg.explicit_embed_and_overrides, alg.resolve_weak_types, alg.resolve_neutral_types,
                 alg.resolve_implicit_levels, alg.reorder_resolved_levels, alg.apply_mirroring):
        step(storage, False)
    return _marks_after_base([(c["i"], c["ch"]) for c in storage["chars"]])


def _marks_after_base(pairs: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Reversing a right-to-left run puts diacritics (shadda, fatha...) before their letter;
    a terminal attaches them to the character drawn before, so put them back after it."""
    out, i = [], 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and unicodedata.combining(pairs[j][1]):
            j += 1
        if i < j < len(pairs) and pairs[j][0] < pairs[i][0]:
            out.append(pairs[j])
            out.extend(reversed(pairs[i:j]))
            i = j + 1
        else:
            out.extend(pairs[i:j + 1])
            i = j + 1
    return out


@functools.lru_cache(maxsize=1)
def _arabic_forms() -> dict[str, dict[str, str]]:
    """letter -> {"ISOLATED"/"FINAL"/"INITIAL"/"MEDIAL": presentation form}, from the
    Unicode names of the presentation-form blocks."""
    forms: dict[str, dict[str, str]] = {}
    for cp in (*range(0xFB50, 0xFC00), *range(0xFE70, 0xFEFD)):
        name = unicodedata.name(chr(cp), "")
        for form in ("ISOLATED", "FINAL", "INITIAL", "MEDIAL"):
            if name.startswith("ARABIC LETTER ") and name.endswith(f" {form} FORM"):
                try:
                    base = unicodedata.lookup(name[: -len(f" {form} FORM")])
                except KeyError:
                    continue
                forms.setdefault(base, {}).setdefault(form, chr(cp))
    return forms


def shape_arabic(line: str) -> str:
    """Arabic letters in their joined forms.  A terminal without bidi support usually does
    not join letters either, and isolated letters are hard to read; one character stays one
    character, so offsets (and highlights) still hold."""
    forms, tatweel = _arabic_forms(), "\u0640"
    joins_next = lambda ch: ch == tatweel or "INITIAL" in forms.get(ch, {})
    joins_prev = lambda ch: ch == tatweel or "FINAL" in forms.get(ch, {})
    out = list(line)
    letters = [i for i, ch in enumerate(line) if not unicodedata.combining(ch)]  # marks are transparent
    for k, i in enumerate(letters):
        f = forms.get(line[i])
        if not f:
            continue
        before = k > 0 and joins_next(line[letters[k - 1]]) and joins_prev(line[i])
        after = k + 1 < len(letters) and joins_next(line[i]) and joins_prev(line[letters[k + 1]])
        form = "MEDIAL" if before and after else "FINAL" if before else "INITIAL" if after else "ISOLATED"
        out[i] = f.get(form) or f.get("ISOLATED") or line[i]
    return "".join(out)


def bidi_line(line: str, rtl: bool) -> list[tuple[int, str]]:
    """(logical index, char to draw) in drawing order: reordered and joined."""
    shaped = shape_arabic(line)
    return [(i, shaped[i] if shaped[i] != line[i] else ch) for i, ch in _visual_order(line, rtl)]


def display_line(line: str, rtl: bool | None = None) -> str:
    """One line as a terminal without bidi must receive it."""
    if not has_rtl(line):
        return line
    if rtl is None:
        from bidi import get_base_level
        rtl = get_base_level(line) == 1
    return "".join(ch for _, ch in bidi_line(line, rtl))


def wrap_ranges(par: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of one paragraph in terminal cells: (start, end) of each line."""
    if width <= 0 or cell_len(par) <= width:
        return [(0, len(par))]
    out: list[tuple[int, int]] = []
    start, n = 0, len(par)
    while start < n:
        while out and start < n and par[start] == " ":
            start += 1                              # a wrapped line does not start with a space
        if start >= n:
            break
        i, cells, last_space = start, 0, -1
        while i < n:
            w = get_character_cell_size(par[i])
            if cells + w > width:
                break
            if par[i] == " ":
                last_space = i
            cells += w
            i += 1
        if i >= n:
            out.append((start, n))
            break
        cut = i if par[i] == " " else last_space if last_space > start else i
        out.append((start, cut))
        start = cut
    return out or [(0, 0)]


class BidiText(Widget):
    """Text that wraps itself to its width and, with ``bidi`` on, reorders each wrapped line
    of Arabic for terminals that draw left to right (right-aligned, as Arabic reads).
    ``spans`` are (start, end, style) in the logical text."""

    DEFAULT_CSS = "BidiText { height: auto; width: 1fr; }"

    def __init__(self, text: str = "", spans=(), *, bidi: bool = False, **kw):
        super().__init__(**kw)
        self.text, self.spans, self.bidi = text, list(spans), bidi
        self._cache: dict[int, list[tuple[int, int, Text]]] = {}

    def update(self, text: str, spans=(), *, bidi: bool | None = None) -> None:
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

    def _layout(self, width: int):
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
                    text.append(" " if unicodedata.category(ch) == "Cc" else ch, self._style_at(offset + s + i))
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


# --------------------------------------------------------------------------- documents
class Documents:
    """Full texts of the report's documents, read on demand and kept."""

    def __init__(self, report_path: Path, documents: list[dict]):
        self.report_path = Path(report_path)
        self.meta = {d["id"]: d for d in documents}
        self._texts: dict[str, str] = {}

    def _candidates(self, p: str) -> list[Path]:
        # the report stores paths as given to `reconcile run`, relative to where it ran
        path = Path(p)
        if path.is_absolute():
            return [path]
        here = self.report_path.resolve().parent
        return [path, here / path, here.parent / path]

    def text(self, doc_id: str) -> tuple[str | None, str | None]:
        """(text, None) or (None, why it cannot be shown)."""
        if doc_id in self._texts:
            return self._texts[doc_id], None
        meta = self.meta.get(doc_id)
        if not meta or not meta.get("path"):
            return None, f"the report gives no file for document {doc_id}"
        found = next((c for c in self._candidates(meta["path"]) if c.is_file()), None)
        if found is None:
            return None, (f"{meta['path']} not found (looked beside the current folder and the report); "
                          "open the app from the folder where `reconcile run` was run")
        from reconcile.ingest.corpus import load_corpus
        corpus = load_corpus([found])
        for d in corpus.documents:              # a .jsonl file holds many: keep them all
            self._texts.setdefault(d.id, d.text)
        if doc_id not in self._texts:
            return None, f"{found}: document {doc_id} is not in it any more"
        return self._texts[doc_id], None

    def changed(self, doc_id: str) -> bool:
        """The file's text is not the one the report was made from (spans may be off)."""
        import hashlib
        text, meta = self._texts.get(doc_id), self.meta.get(doc_id) or {}
        if text is None or not meta.get("sha256"):
            return False
        for enc in {meta.get("encoding") or "utf-8", "utf-8"}:
            try:
                if hashlib.sha256(text.encode(enc)).hexdigest() == meta["sha256"]:
                    return False
            except (LookupError, UnicodeEncodeError):
                pass
        # a BOM dropped on reading changes the hash without changing the text
        return hashlib.sha256(b"\xef\xbb\xbf" + text.encode("utf-8")).hexdigest() != meta["sha256"]


# --------------------------------------------------------------------------- the list
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
        parts = [f"status={STATUS_LABEL.get(self.status, 'all')}"]
        for name in ("event", "outlet", "entity", "search"):
            v = getattr(self, name)
            if name == "entity" and v and 0 < len(self.entity_names) <= 2:
                v = " / ".join(sorted(self.entity_names))   # who was meant, not the spelling typed
            if v:
                parts.append(f'{name}="{v}"' if name == "search" else f"{name}={v}")
        return "  ".join(parts)

    def active(self) -> bool:
        return any((self.status, self.event, self.outlet, self.entity, self.search))


class FactTable(DataTable):
    """The facts to review.  ← → pick a claim of the highlighted fact rather than scrolling
    the table sideways (the columns are sized to fit)."""

    BINDINGS = [
        Binding("left", "app.claim(-1)", "Prev claim", show=False),
        Binding("right", "app.claim(1)", "Next claim", show=False),
    ]


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
        self.border_subtitle = claim["doc"]
        head = Text()
        head.append(describe_value(claim["value"]), "bold")
        if claim.get("hedge"):
            head.append(f"  hedged: {display_line(str(claim['hedge'])) if bidi else claim['hedge']}", "italic")
        if claim.get("inferred"):
            head.append("  (inferred)", "italic")
        # one line per field, in the same order on every card, so side-by-side cards line up
        for label, value in (("outlet", claim.get("outlet") or "not given"),
                             ("speaker", claim.get("speaker") or "–"),
                             ("published", published(doc))):
            head.append(f"\n{label:<10}", "dim")
            head.append(display_line(value) if bidi else value)
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


# --------------------------------------------------------------------------- modal screens
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

    def __init__(self, title: Text, text: str, spans, focus_at: int, bidi: bool):
        super().__init__()
        self.heading, self.body, self.spans, self.focus_at, self.bidi = title, text, spans, focus_at, bidi

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
        self.app.action_toggle_bidi()
        self.bidi = self.app.bidi
        self.query_one("#article", BidiText).set_bidi(self.bidi)
        self.call_after_refresh(self.scroll_to_claim)

    def action_close(self) -> None:
        self.dismiss(None)


# --------------------------------------------------------------------------- the app
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
    BINDINGS = [
        Binding("c", "confirm", "Confirm"),
        Binding("d", "dismiss_fact", "Dismiss"),
        Binding("r", "resolve", "Resolve"),
        Binding("a", "article", "Article"),
        Binding("m", "move", "Move claim"),
        Binding("g", "merge", "Merge events"),
        Binding("s", "split", "Split entity"),
        Binding("u", "undo", "Undo"),
        Binding("1", "status('conflict')", "Conflicts", show=False),
        Binding("2", "status('single_source')", "Single source", show=False),
        Binding("3", "status('corroborated')", "Corroborated", show=False),
        Binding("0", "status('')", "All", show=False),
        Binding("e", "filter('event')", "Event", show=False),
        Binding("o", "filter('outlet')", "Outlet", show=False),
        Binding("n", "filter('entity')", "Entity", show=False),
        Binding("slash", "filter('search')", "Search"),
        Binding("x", "clear_filters", "Clear filters", show=False),
        Binding("b", "toggle_bidi", "Arabic bidi"),
        Binding("shift+down", "scroll_detail(3)", show=False),
        Binding("shift+up", "scroll_detail(-3)", show=False),
        Binding("question_mark", "show_help", "Help"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, report_path, data: dict, log: ReviewLog, settings_path: Path | None = None):
        super().__init__()
        self.report_path, self.data, self.review_log = Path(report_path), data, log
        self.settings_path = Path(settings_path) if settings_path else settings_file()
        self.settings, self._settings_problem = load_settings(self.settings_path)
        self.docs = Documents(self.report_path, data.get("documents") or [])
        self.filters = Filters()
        self.effective = log.effective()
        self.rows = self._all_rows()
        self.decided = self.decide_rows()
        self.shown: list[Row] = []
        self.current: Row | None = None
        self.claim_index = 0

    # ---- state
    @property
    def bidi(self) -> bool:
        return bool(self.settings.get("bidi"))

    @property
    def reviewer(self) -> str | None:
        return self.settings.get("reviewer") or None

    def _all_rows(self) -> list[Row]:
        rows = []
        for n, (ev, f) in enumerate(iter_facts(self.data)):
            rows.append(Row(f"{n}:{ev['id']}:{f.get('id', '')}", n, ev, f, {c["id"] for c in f["claims"]}))
        rows.sort(key=lambda r: (STATUS_ORDER.get(r.fact["status"], 9), natural_event(r.event["id"]), r.fact["fact"]))
        return rows

    def state(self, row: Row) -> tuple[str, Decision | None]:
        d = self.decided.get(row.key)
        return (STATE_OF[d.action] if d else "open"), d

    def decide_rows(self) -> dict[str, Decision]:
        """Which decision speaks for which row.  Like ``decision_for_fact``, but a decision
        goes only to the fact holding most of its claims (first in the report on a tie), as
        ``reconcile run`` applies it: when events share a claim (one "yesterday" dating two
        calls), a decision on one event's date must not show on the other's."""
        out: dict[str, Decision] = {}
        for d in self.effective:
            if d.action not in FACT_ACTIONS:
                continue
            ids = set(d.claims)
            hits = [r for r in self.rows if r.fact["fact"] == d.fact and ids & r.claim_ids]
            if hits:
                best = max(hits, key=lambda r: (len(ids & r.claim_ids), -r.order))
                if decision_for_fact(best.fact, [d]) is d:
                    out[best.key] = d
        return out

    def ui(self, text: str) -> str:
        """A short piece of text for display: reordered when the bidi setting is on."""
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
            self.notify(p, severity="warning", markup=False, timeout=10)
        if self._settings_problem:
            self.notify(self._settings_problem, severity="warning", markup=False)
        self.refilter()
        self.query_one(FactTable).focus()

    def on_resize(self, event) -> None:
        # side by side needs room; below ~120 columns the list goes above the detail
        self.screen.set_class(self.size.width < 120, "-narrow")
        self.call_after_refresh(self.rebuild_table)

    def update_top(self) -> None:
        counts = {k: 0 for k in STATUS_ORDER}
        reviewed = open_conflicts = 0
        for r in self.rows:
            counts[r.fact["status"]] = counts.get(r.fact["status"], 0) + 1
            state, _ = self.state(r)
            reviewed += state != "open"
            open_conflicts += state == "open" and r.fact["status"] == "conflict"
        t = Text()
        t.append(f"{self.report_path.name}  ", "bold")
        t.append(f"{len(self.rows)} facts: ")
        for k, label in (("conflict", "conflict{}"), ("single_source", "single-source"), ("corroborated", "corroborated")):
            n = counts.get(k, 0)
            t.append(f"{n} {label.format('' if n == 1 else 's')}", STATUS_STYLE[k])
            t.append("  ")
        t.append(f"· reviewed {reviewed}/{len(self.rows)}", "bold")
        if open_conflicts:
            t.append(f" · {open_conflicts} conflict{'s' if open_conflicts > 1 else ''} open", "bold red")
        pending = self.pending_structural()
        if pending:
            t.append(f"\n{pending} move/merge/split not in this report yet: run `reconcile run` again", "bold yellow")
        self.query_one("#counts", Static).update(t)
        f = Text()
        f.append("Filters: ", "bold")
        f.append(self.ui(self.filters.describe()))
        f.append(f"  · showing {len(self.shown)}", "bold")
        if self.size.width >= 120:      # on a small terminal the footer and ? are enough
            f.append("   keys: 1 2 3 0 status · e event · o outlet · n entity · / search · x clear", "dim")
        f.append(f" · b Arabic bidi: {'on' if self.bidi else 'off'}", "dim")
        self.query_one("#filters", Static).update(f)

    def pending_structural(self) -> int:
        try:
            made = dt.datetime.fromtimestamp(self.report_path.stat().st_mtime, dt.UTC)
        except OSError:
            return 0
        stamp = made.strftime("%Y-%m-%dT%H:%M:%SZ")
        return sum(1 for d in self.effective if d.action in STRUCTURAL and d.at >= stamp)

    # ---- the list
    def matches(self, r: Row) -> bool:
        fl, ev, f = self.filters, r.event, r.fact
        if fl.status and f["status"] != fl.status:
            return False
        if fl.event and ev["id"].casefold() != fl.event.casefold():
            return False
        if fl.outlet:
            want = fold(fl.outlet)
            if not any(want in fold(c.get("outlet") or "") or want in fold(c["doc"]) for c in f["claims"]):
                return False
        if fl.entity and not (fl.entity_names & self.names_of(r)):
            return False
        if fl.search:
            want = fold(fl.search)
            hay = [f.get("explanation") or "", f["fact"], " ".join(ev.get("participants") or [])]
            for c in f["claims"]:
                hay += [c.get("text") or "", c.get("sentence") or "", c.get("speaker") or "", c.get("outlet") or ""]
            if not any(want in fold(h) for h in hay):
                return False
        return True

    @staticmethod
    def names_of(r: Row) -> set[str]:
        names = set(r.event.get("participants") or []) | set(r.event.get("locations") or [])
        for c in r.fact["claims"]:
            if c.get("speaker"):
                names.add(c["speaker"])
            if isinstance(c.get("value"), dict) and c["value"].get("entity"):
                names.add(c["value"]["entity"])
        return names

    def refilter(self) -> None:
        self.shown = [r for r in self.rows if self.matches(r)]
        self.rebuild_table()

    def rebuild_table(self) -> None:
        table = self.query_one(FactTable)
        keep = self.current.key if self.current else None
        fit = lambda texts, least: max([least, *(cell_len(t) for t in texts)])
        widths = {"event": fit((r.event["id"] for r in self.rows), 5), "fact": fit((r.fact["fact"] for r in self.rows), 4),
                  "status": 13, "review": 9, "date": fit((short_dates(r.event.get("date")) for r in self.rows), 4)}
        # participants take what is left (cells have 1 column of padding each side, and a
        # scrollbar may appear), so nothing has to scroll sideways
        rest = (table.size.width or 90) - sum(widths.values()) - 2 * (len(widths) + 1) - 2
        widths["participants"] = max(14, rest)
        table.clear(columns=True)
        for name, w in widths.items():
            table.add_column(name, width=w, key=name)
        for r in self.shown:
            table.add_row(*self.cells(r, widths["participants"]), key=r.key)
        if not self.shown:
            self.current = None
            self.show_detail()
        else:
            index = next((i for i, r in enumerate(self.shown) if r.key == keep), 0)
            table.move_cursor(row=index, animate=False)
            if self.shown[index] is not self.current:
                self.select(self.shown[index])
        self.update_top()

    def cells(self, r: Row, pwidth: int) -> list:
        state, _ = self.state(r)
        parts = " – ".join(r.event.get("participants") or []) or "–"
        if cell_len(parts) > pwidth:
            parts = parts[:pwidth - 1] + "…"
        return [r.event["id"], r.fact["fact"],
                Text(STATUS_LABEL.get(r.fact["status"], r.fact["status"]), STATUS_STYLE.get(r.fact["status"], "")),
                Text(state, STATE_STYLE[state]), short_dates(r.event.get("date")), self.ui(parts)]

    def refresh_states(self) -> None:
        self.effective = self.review_log.effective()
        self.decided = self.decide_rows()
        table = self.query_one(FactTable)
        for r in self.shown:
            state, _ = self.state(r)
            table.update_cell(r.key, "review", Text(state, STATE_STYLE[state]))
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

    # ---- the detail
    def show_detail(self) -> None:
        detail = self.query_one(FactDetail)
        heading = detail.query_one("#heading", Static)
        explanation = detail.query_one("#explanation", BidiText)
        review = detail.query_one("#review", Static)
        claims = detail.query_one("#claims")
        claims.remove_children()
        r = self.current
        if r is None:
            heading.update("No facts match the filters — press x to clear them.")
            explanation.update("")
            review.update("")
            return
        ev, f = r.event, r.fact
        h = Text()
        h.append(f"{ev['id']} · {ev.get('kind', '')} · {short_dates(ev.get('date'))} · ")
        h.append(self.ui(" – ".join(ev.get("participants") or []) or "no participants"))
        if ev.get("locations"):
            h.append(" · " + self.ui(", ".join(ev["locations"])))
        h.append(f"\n{f['fact']}: ", "bold")
        h.append(STATUS_LABEL.get(f["status"], f["status"]), STATUS_STYLE.get(f["status"], ""))
        h.append(f"  ({len(f['claims'])} claim{'s' if len(f['claims']) != 1 else ''}, fact {f.get('id', '')})", "dim")
        heading.update(h)
        explanation.update(f.get("explanation") or "", bidi=self.bidi)
        review.update(self.review_text(r))
        cards = [ClaimCard(i, c, self.docs.meta.get(c["doc"]), self.bidi) for i, c in enumerate(f["claims"], 1)]
        claims.mount_all(cards)
        self.call_after_refresh(detail.fit_columns)
        self.call_after_refresh(self.mark_claim, False)
        detail.scroll_home(animate=False)

    def review_text(self, r: Row) -> Text:
        state, d = self.state(r)
        t = Text()
        t.append("Review: ", "bold")
        t.append(state, STATE_STYLE[state])
        if d is None:
            hint = ("c confirm · d dismiss · r resolve" if r.fact["status"] == "conflict"
                    else "r record the verified value · d dismiss")
            t.append(f"   ({hint})", "dim")
            return t
        if d.action == "resolve":
            right = next((i for i, c in enumerate(r.fact["claims"], 1) if c["id"] == d.right_claim), None)
            value = describe_value(d.value) if isinstance(d.value, dict) else str(d.value)
            t.append(f" — verified value: {value}" + (f" (claim {right})" if right else ""))
        for label, v in (("reason", d.reason), ("note", d.note), ("source", d.link), ("by", d.reviewer)):
            if v:
                t.append(f"\n  {label}: ", "dim")
                t.append(self.ui(str(v)))
        t.append(f"\n  at {d.at.replace('T', ' ').replace('Z', ' UTC')} · u undoes", "dim")
        return t

    def mark_claim(self, scroll: bool = True) -> None:
        cards = self.query_one(FactDetail).cards()
        for i, card in enumerate(cards):
            card.set_class(i == self.claim_index, "-selected")
            card.border_title = f"claim {i + 1}" + (" ◀ chosen" if i == self.claim_index else "")
        if scroll and 0 <= self.claim_index < len(cards):
            self.query_one(FactDetail).scroll_to_widget(cards[self.claim_index], animate=False)

    def action_claim(self, step: int) -> None:
        if self.current is None:
            return
        n = len(self.current.fact["claims"])
        self.claim_index = (self.claim_index + step) % n if n else 0
        self.mark_claim()

    def action_scroll_detail(self, lines: int) -> None:
        self.query_one(FactDetail).scroll_relative(y=lines, animate=False)

    def chosen_claim(self) -> dict | None:
        if self.current is None or not self.current.fact["claims"]:
            return None
        return self.current.fact["claims"][min(self.claim_index, len(self.current.fact["claims"]) - 1)]

    # ---- filters
    def action_status(self, status: str) -> None:
        self.filters.status = status or None
        self.refilter()

    def action_clear_filters(self) -> None:
        self.filters = Filters()
        self.refilter()
        self.notify("filters cleared")

    def action_filter(self, kind: str) -> None:
        current = getattr(self.filters, kind) or ""
        titles = {"event": "Only the facts of one event (empty: all events)",
                  "outlet": "Only facts with a claim from this outlet (part of its name; empty: all)",
                  "entity": "Only facts involving this entity: id, name or any spelling (empty: all)",
                  "search": "Search explanations, claimed words, sentences, participants, speakers (empty: none)"}
        hints = {"event": self.events_hint(), "outlet": self.outlets_hint(), "entity": "", "search": ""}
        on_change = {"entity": lambda v: self.entities_hint(v["value"]),
                     "event": lambda v: self.events_hint(v["value"])}.get(kind)

        def submit(v: dict) -> str:
            value = v["value"]
            if value and kind == "event":
                ev = next((e for e in self.data.get("events") or [] if e["id"].casefold() == value.casefold()), None)
                if ev is None:
                    raise ReviewError(f"no event '{value}' in this report (E1…E{len(self.data.get('events') or [])})")
                value = ev["id"]
            if value and kind == "entity" and not self.resolve_entities(value):
                raise ReviewError(f"no entity matches '{value}'")
            return value

        def done(value: str | None) -> None:
            if value is None:
                return
            setattr(self.filters, kind, value or None)
            if kind == "entity":
                self.filters.entity_names = self.resolve_entities(value) if value else set()
            self.refilter()
            if not self.shown:
                self.notify("no fact matches — x clears the filters", severity="warning")

        self.push_screen(FormScreen(titles[kind], [FormField("value", kind, value=current)], submit,
                                    hint=hints[kind], on_change=on_change, bidi=self.bidi), done)

    def resolve_entities(self, typed: str) -> set[str]:
        """Entity names meant by what was typed: an exact id, name or spelling, else a part of a name."""
        ents = self.data.get("entities") or []
        want = fold(typed)
        exact = {e["name"] for e in ents if want in {fold(e["id"]), fold(e["name"]), *map(fold, e.get("surfaces") or [])}}
        if exact:
            return exact
        found = {e["name"] for e in ents if want in fold(e["name"]) or any(want in fold(s) for s in e.get("surfaces") or [])}
        if not found:   # people named only in the report's events (not in the gazetteer)
            found = {n for r in self.rows for n in self.names_of(r) if want in fold(n)}
        return found

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

    def events_hint(self, typed: str = "") -> str:
        """The events, narrowed to those whose line contains what is typed (an id, a name, a date)."""
        want, lines = fold(typed.strip()), []
        for ev in sorted(self.data.get("events") or [], key=lambda e: natural_event(e["id"])):
            line = (f"{ev['id']:<5} {ev.get('kind', ''):<8} {short_dates(ev.get('date')):<16} "
                    + " – ".join(ev.get("participants") or []))
            if not want or want in fold(line):
                lines.append(line)
        return "\n".join(lines) if lines else f"no event matches '{typed}'"

    def outlets_hint(self) -> str:
        outlets = sorted({d.get("outlet") or f"(no outlet) {d['id']}" for d in self.data.get("documents") or []})
        return "Outlets: " + "; ".join(outlets)

    # ---- decisions
    def record(self, d: Decision | None, what: str) -> None:
        if d is None:
            return
        before = self.state(self.current)[0] if self.current else "open"
        try:
            self.review_log.append(d)
        except OSError as exc:
            self.notify(f"cannot write {self.review_log.path}: {exc.strerror or exc} — nothing recorded",
                        severity="error", markup=False, timeout=10)
            return
        self.refresh_states()
        shown_on = next((r for r in self.rows if self.decided.get(r.key) is d), None)
        if d.action in FACT_ACTIONS and shown_on is not None and shown_on is not self.current:
            # the log keys decisions by claims: a fact whose claims all belong to another
            # fact too cannot be told apart from it
            self.notify(f"{what} recorded, but it applies to {shown_on.fact['fact']} of {shown_on.event['id']}, "
                        "which holds the same claims", severity="warning", markup=False, timeout=10)
        elif d.action in STRUCTURAL:
            self.notify(f"{what} {RERUN}", markup=False, timeout=10)
        else:
            replaced = f" (replaces '{before}'; u brings it back)" if before != "open" else ""
            self.notify(f"{what} recorded{replaced}", markup=False)

    def need_fact(self) -> Row | None:
        if self.current is None:
            self.notify("no fact selected", severity="warning")
        return self.current

    def fact_handle(self, r: Row) -> str:
        """What to hand review.py: fact ids repeat when events share a claim, so prefer a
        claim held by this fact alone."""
        others = {c for o in self.rows if o is not r for c in o.claim_ids}
        return next((c["id"] for c in r.fact["claims"] if c["id"] not in others), r.fact.get("id") or r.fact["claims"][0]["id"])

    def action_confirm(self) -> None:
        r = self.need_fact()
        if r is None:
            return
        if r.fact["status"] != "conflict":
            self.notify(f"c confirms a conflict; this fact is {STATUS_LABEL.get(r.fact['status'])} — "
                        "r records a verified value", severity="warning", markup=False)
            return
        try:
            d = fact_decision(self.data, self.fact_handle(r), "confirm", reviewer=self.reviewer)
        except ReviewError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self.record(d, f"confirmed: {r.fact['fact']} of {r.event['id']}")

    def action_dismiss_fact(self) -> None:
        r = self.need_fact()
        if r is None:
            return

        def submit(v: dict) -> Decision:
            return fact_decision(self.data, self.fact_handle(r), "dismiss", reason=v["reason"] or None,
                                 note=v["note"] or None, reviewer=self.reviewer)

        self.push_screen(FormScreen(
            f"Dismiss {r.fact['fact']} of {r.event['id']}: not a real conflict",
            [FormField("reason", "Reason (required)", "e.g. different calls / extraction error / same value",
                       required=True),
             FormField("note", "Note (optional)")], submit),
            lambda d: self.record(d, f"dismissed: {r.fact['fact']} of {r.event['id']}"))

    def action_resolve(self) -> None:
        r = self.need_fact()
        if r is None:
            return
        claims = r.fact["claims"]
        listing = "\n".join(f"{i}. {describe_value(c['value'])} — {c.get('outlet') or c['doc']}"
                            + (f" ({c['speaker']})" if c.get("speaker") else "") for i, c in enumerate(claims, 1))

        def submit(v: dict) -> Decision:
            right = None
            if v["claim"]:
                if not v["claim"].isdigit() or not 1 <= int(v["claim"]) <= len(claims):
                    raise ReviewError(f"the claim number is 1 to {len(claims)} (see the list below)")
                right = claims[int(v["claim"]) - 1]["id"]
            return fact_decision(self.data, self.fact_handle(r), "resolve", value=v["value"] or None,
                                 right_claim=right, note=v["note"] or None, link=v["link"] or None,
                                 reviewer=self.reviewer)

        self.push_screen(FormScreen(
            f"Resolve {r.fact['fact']} of {r.event['id']}: which value is right?",
            [FormField("claim", f"Number of the claim that is right (1–{len(claims)})", "e.g. 1"),
             FormField("value", "…or the verified value, typed", "e.g. 45 min"),
             FormField("note", "Note (optional)"),
             FormField("link", "Source link (optional)", "https://…")], submit,
            hint=listing, bidi=self.bidi),
            lambda d: self.record(d, f"resolved: {r.fact['fact']} of {r.event['id']}"))

    def action_move(self) -> None:
        r, claim = self.need_fact(), self.chosen_claim()
        if r is None or claim is None:
            return
        n = self.claim_index + 1

        def submit(v: dict) -> Decision:
            return move_decision(self.data, claim["id"], self.event_id(v["event"]), note=v["note"] or None,
                                 reviewer=self.reviewer)

        self.push_screen(FormScreen(
            f"Move claim {n} ({describe_value(claim['value'])}, {claim.get('outlet') or claim['doc']}) "
            f"from {r.event['id']} to another event (← → choose the claim first)",
            [FormField("event", "Event id (typing narrows the list below)", "e.g. E3"),
             FormField("note", "Note (optional)")], submit,
            hint=self.events_hint(), on_change=lambda v: self.events_hint(v["event"]), bidi=self.bidi),
            lambda d: self.record(d, f"claim {n} moved to {self.event_of(d.target) if d else ''}:"))

    def action_merge(self) -> None:
        r = self.need_fact()
        if r is None:
            return

        def submit(v: dict) -> Decision:
            return merge_decision(self.data, r.event["id"], self.event_id(v["event"]), note=v["note"] or None,
                                  reviewer=self.reviewer)

        self.push_screen(FormScreen(
            f"Merge {r.event['id']} ({r.event.get('kind', '')} {short_dates(r.event.get('date'))}) "
            "with another event: they are the same event",
            [FormField("event", "The other event's id (typing narrows the list below)", "e.g. E3"),
             FormField("note", "Note (optional)")], submit,
            hint=self.events_hint(), on_change=lambda v: self.events_hint(v["event"]), bidi=self.bidi),
            lambda d: self.record(d, f"{r.event['id']} merged with {self.event_of(d.claims[1]) if d else ''}:"))

    def event_of(self, claim_id: str | None) -> str:
        return next((r.event["id"] for r in self.rows if claim_id in r.claim_ids), "another event")

    def event_id(self, typed: str) -> str:
        """E3, e3 and 3 all mean E3."""
        typed = typed.strip()
        if not typed:
            raise ReviewError("give an event id, e.g. E3")
        for ev in self.data.get("events") or []:
            if ev["id"].casefold() in (typed.casefold(), f"e{typed}".casefold()):
                return ev["id"]
        return typed   # let review.py word the error

    def action_split(self) -> None:
        r = self.need_fact()
        if r is None:
            return
        by_name = {e["name"]: e for e in self.data.get("entities") or []}
        related = [by_name[n] for n in sorted(self.names_of(r)) if n in by_name]
        base_hint = "Entities of this fact and their spellings:\n" + "\n".join(
            f"{e['id']}: {', '.join(e.get('surfaces') or [])}" for e in related) if related else ""

        def on_change(v: dict) -> str:
            e = self.entity_by_handle(v["entity"])
            if not e:
                return base_hint
            # numbered, so nobody has to type Arabic (or read it back from a reversed input)
            return f"{e['name']} ({e['id']}) is spelled:\n" + "\n".join(
                f"{i}. {sp}" for i, sp in enumerate(e.get("surfaces") or [], 1))

        def submit(v: dict) -> Decision:
            if not v["entity"]:
                raise ReviewError("give the entity's id or name")
            e = self.entity_by_handle(v["entity"])
            known = (e or {}).get("surfaces") or []
            surfaces = [known[int(s) - 1] if s.isdigit() and 1 <= int(s) <= len(known) else s
                        for s in (t.strip() for t in re.split(r"[,،]", v["surfaces"])) if s]
            return split_decision(self.data, e["id"] if e else v["entity"], surfaces,
                                  new_name=v["name"] or None, note=v["note"] or None, reviewer=self.reviewer)

        self.push_screen(FormScreen(
            "Split an entity: some spellings name someone else",
            [FormField("entity", "Entity (id or name)", "e.g. vladimir-putin"),
             FormField("surfaces", "Spellings to split off: their numbers in the list below, or the spellings; "
                                   "separated by commas", "e.g. 2"),
             FormField("name", "Who they name (optional)", "e.g. Vladimir Zhirinovsky"),
             FormField("note", "Note (optional)")], submit,
            hint=base_hint, on_change=on_change, bidi=self.bidi),
            lambda d: self.record(d, f"split of {', '.join(d.surfaces)} off {d.entity}:" if d else ""))

    def entity_by_handle(self, typed: str) -> dict | None:
        want = fold(typed.strip())
        return next((e for e in self.data.get("entities") or []
                     if want and want in (fold(e["id"]), fold(e["name"]))), None)

    def action_undo(self) -> None:
        last = self.review_log.last_undoable()
        if last is None:
            self.notify("nothing to undo", severity="warning")
            return
        on = next((r for r in self.rows if self.decided.get(r.key) is last), None)
        what = last.action.replace("_", " ") + (f" on {on.fact['fact']} of {on.event['id']}" if on else
                                                 f" on {last.fact}" if last.fact else "")
        d = Decision("undo", undoes=last.id, reviewer=self.reviewer)
        try:
            self.review_log.append(d)
        except OSError as exc:
            self.notify(f"cannot write {self.review_log.path}: {exc.strerror or exc}", severity="error", markup=False)
            return
        self.refresh_states()
        self.notify(f"undone: {what}" + (f" — {RERUN}" if last.action in STRUCTURAL else ""), markup=False,
                    timeout=10 if last.action in STRUCTURAL else 5)

    # ---- screens and settings
    def action_article(self) -> None:
        r, claim = self.current, self.chosen_claim()
        if r is None or claim is None:
            return
        text, problem = self.docs.text(claim["doc"])
        meta = self.docs.meta.get(claim["doc"]) or {}
        head = Text()
        head.append(f"{claim.get('outlet') or '(no outlet)'} · published {published(meta)} · {claim['doc']}", "bold")
        head.append(f"  {meta.get('path', '')}\n", "dim")
        head.append(f"claim {self.claim_index + 1} of {r.fact['fact']} ({r.event['id']}): ")
        head.append(describe_value(claim["value"]), "bold")
        head.append("  «")
        head.append(self.ui(claim["text"]), HIGHLIGHT)
        head.append("»   Esc back · ↑ ↓ PgUp PgDn scroll · b Arabic bidi", "dim")
        if text is None:
            head.append(f"\ncannot show the whole article: {problem}; its sentence:", "bold red")
            text, start = claim.get("sentence") or claim["text"], claim["span"][0] - claim["sentence_span"][0]
            spans = [(start, start + len(claim["text"]), HIGHLIGHT)]
        else:
            if self.docs.changed(claim["doc"]):
                head.append("\nthis file changed since the report was written: the highlight may be off",
                            "bold yellow")
            start = claim["span"][0]
            if text[start:claim["span"][1]] != claim["text"]:
                start = max(0, text.find(claim["text"]))
            spans = [(c["span"][0], c["span"][1], OTHER_CLAIM) for c in r.fact["claims"]
                     if c["doc"] == claim["doc"] and c is not claim]
            spans.append((start, start + len(claim["text"]), HIGHLIGHT))
        self.push_screen(ArticleScreen(head, text, spans, start, self.bidi))

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


def run_app(report_path, data, log) -> None:
    ReviewApp(report_path, data, log).run()
