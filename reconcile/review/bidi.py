"""Arabic for terminals that draw strictly left to right: right-to-left detection, reordering
(python-bidi's algorithm, keeping each character's logical index so highlights survive),
letter joining, and word wrap in terminal cells.

Reordering happens *after* wrapping, one display line at a time: reordering a whole paragraph
and letting it wrap would put its lines in the wrong order.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from rich.cells import cell_len, get_character_cell_size

_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")   # Hebrew, Arabic, Syriac, Thaana...


def has_rtl(s: str) -> bool:
    return bool(_RTL.search(s))


def visual_order(line: str, rtl: bool) -> list[tuple[int, str]]:
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

    def joins_next(ch: str) -> bool:
        return ch == tatweel or "INITIAL" in forms.get(ch, {})

    def joins_prev(ch: str) -> bool:
        return ch == tatweel or "FINAL" in forms.get(ch, {})

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
    return [(i, shaped[i] if shaped[i] != line[i] else ch) for i, ch in visual_order(line, rtl)]


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
