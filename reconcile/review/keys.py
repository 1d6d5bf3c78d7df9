"""The review app's keys: what each is bound to, and the help screen's list of them (kept
together so that the help lists every key)."""
from __future__ import annotations

from textual.binding import Binding, BindingType

# The app's bindings (the claim keys ← → are the fact list's: widgets.FactTable).
APP_KEYS: list[BindingType] = [
    Binding("c", "decide('confirm')", "Confirm"),
    Binding("d", "decide('dismiss')", "Dismiss"),
    Binding("r", "decide('resolve')", "Resolve"),
    Binding("a", "article", "Article"),
    Binding("m", "decide('move')", "Move claim"),
    Binding("g", "decide('merge')", "Merge events"),
    Binding("s", "decide('split')", "Split entity"),
    Binding("u", "decide('undo')", "Undo"),
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

# (key, what it does) — the help screen is built from this, so it lists every key.
KEYS: list[tuple[str, list[tuple[str, str]]]] = [
    ("Moving around", [
        ("↑ ↓  PgUp PgDn", "choose a fact in the list"),
        ("← →", "choose a claim of the fact (numbered in the detail)"),
        ("shift+↑ ↓", "scroll the detail"),
        ("a  or  Enter", "open the article of the chosen claim (Esc returns)"),
    ]),
    ("Filters", [
        ("1  2  3", "only conflicts / single source / corroborated facts"),
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
