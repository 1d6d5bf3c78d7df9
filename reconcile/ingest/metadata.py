"""Metadata an article shows about itself, used only where the manifest gave none.

A dateline (a full date with a clock time in the first lines) gives ``published``; an outlet
signature ("المصدر : الجزيرة") gives ``outlet``.  What the text does not show stays null.
"""
from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from pathlib import Path

from reconcile.dimensions import clock_time, dates
from reconcile.engine.matching import find
from reconcile.engine.normalise import NormalText, fold, normalise
from reconcile.engine.rules import RULES_DIR, RuleError, RuleSet, fold_pattern, load_yaml, strip_lines
from reconcile.records import Document


@lru_cache(maxsize=4)
def outlet_names(path: Path = RULES_DIR / "outlets.yaml") -> dict[str, str]:
    data = strip_lines(load_yaml(path, "outlets") or {})
    if not isinstance(data, dict) or not isinstance(data.get("outlets"), list):
        raise RuleError(f"{path}:1: expected a mapping with an 'outlets' list")
    out = {}
    for o in data["outlets"]:
        for lang, names in o.items():
            if lang != "name":
                for n in names or []:
                    out[fold(n)] = o["name"]
    return out


def signed_outlet(rs: RuleSet, text: str, nt: NormalText | None = None) -> str | None:
    """The outlet an article signs with, canonical where known."""
    nt = nt or normalise(text)
    hits = find(rs, "metadata", nt.text)
    if not hits:
        return None
    h = hits[-1]                       # a signature closes the article
    line_end = nt.text.find("\n", h.end)
    raw = nt.text[h.end: line_end if line_end >= 0 else len(nt.text)]
    end = rs.setting("metadata", "signature_end", r"\s*[+,|(]\s*")
    name = re.split(fold_pattern(end), raw.strip())[0].strip(' "')
    if not name:
        return None
    known = outlet_names()
    if name in known:
        return known[name]
    s, e = nt.to_original(h.end + raw.find(name), h.end + raw.find(name) + len(name))
    return text[s:e].strip() or None


_WORD = re.compile(r"\S+")


def _words(t: str, a: int, b: int, most: int) -> int:
    """How many words ``t[a:b]`` has (as ``str.split`` cuts them), counting no further than ``most``."""
    n = 0
    for _ in _WORD.finditer(t, a, b):
        n += 1
        if n >= most:
            break
    return n


def dateline(rs: RuleSet, text: str, nt: NormalText | None = None) -> str | None:
    """"الأربعاء 3 مايو 2023 09:40 ص" near the top -> "2023-05-03T09:40"."""
    head_lines = int(rs.setting("metadata", "head_lines", 6))
    nt = nt or normalise(text)
    lines = nt.text.split("\n")
    limit = sum(len(x) + 1 for x in lines[:head_lines])
    for d in find(rs, "date", nt.text, 0, limit):
        # a dateline is a line of its own, not a date inside a caption or a sentence
        line_start = nt.text.rfind("\n", 0, d.start) + 1
        line_end = nt.text.find("\n", d.end)
        line_end = line_end if line_end >= 0 else len(nt.text)
        # words counted only as far as the test needs: a line may be the whole article
        if _words(nt.text, line_start, d.start, 2) > 1 or _words(nt.text, line_start, line_end, 9) > 8:
            continue
        v = dates.build(rs.tokens(nt.text, d.start, d.end), rs, {"ref": None, "rule": d.rule.value})
        if not v or "start" not in v or v["start"] != v["end"]:
            continue
        day = v["start"]
        for t in find(rs, "clock_time", nt.text, d.end, min(len(nt.text), d.end + 25)):
            local = clock_time.parse_clock_time(rs.tokens(nt.text, t.start, t.end), rs)
            if local:
                return f"{day}T{local['hour']:02d}:{local['minute']:02d}"
        return day
    return None


def infer(doc: Document, rs: RuleSet) -> Document:
    changes, inferred = {}, list(doc.inferred)
    nt = normalise(doc.text)           # once for both readings
    if doc.outlet is None:
        o = signed_outlet(rs, doc.text, nt)
        if o:
            changes["outlet"] = o
            inferred.append("outlet")
    if doc.published is None:
        p = dateline(rs, doc.text, nt)
        if p:
            changes["published"] = p
            inferred.append("published")
    if not changes:
        return doc
    return dataclasses.replace(doc, inferred=tuple(inferred), **changes)
