"""The news agency an article credits for its copy: "MOSCOW (Reuters) -", a head line
"كييف - أ ف ب", a closing "— AFP" or "(رويترز)".  An article running agency copy speaks, in its
own voice, for that agency: two outlets running one agency's story are one source.

Only credit positions count: an agency named in parentheses right before a dateline's dash,
or alone on a short line at the top or the bottom of the article.  An agency named inside a
sentence ("Reuters reported") is a cited source (attribution), and a photo caption's credit
("… (Reuters)" ending a long caption line) credits the picture, not the story.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

from reconcile.records import DocExtraction, Entity

HEAD_CHARS = 400             # a dateline stands in the article's first lines
CREDIT_LINE_WORDS = 6        # "كييف - أ ف ب", "— Reuters", "(AFP)": a credit line is short
_DATELINE_DASH = re.compile(r"\s*\)\s*[-–—]")


def wire_credit(ex: DocExtraction, entities: Mapping[str, Entity]) -> str | None:
    """The entity id of the agency the article credits, if it credits one."""
    text = ex.nt.text
    credit_lines: list[tuple[int, int]] | None = None     # found when an agency is first named
    for s, e, eid, _how in ex.entities:
        ent = entities.get(eid)
        if ent is None or ent.type != "media":
            continue
        if s < HEAD_CHARS and text[:s].rstrip().endswith("(") and _DATELINE_DASH.match(text, e):
            return eid                               # "MOSCOW (Reuters) - ..."
        if credit_lines is None:
            lines = _line_spans(text)
            credit_lines = [ln for ln in lines if ln[0] < HEAD_CHARS] + lines[-1:]
        line = next(((a, b) for a, b in credit_lines if a <= s < b), None)
        if line is not None and _credit_shaped(text[line[0]:line[1]], text[s:e]):
            return eid                               # "كييف - أ ف ب", "— AFP"
    return None


def _line_spans(text: str) -> list[tuple[int, int]]:
    """The non-blank lines of a text, as spans."""
    spans, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            spans.append((start, end))
        start = end + 1
    return spans


def _credit_shaped(line: str, name: str) -> bool:
    """A short line that is a credit: the agency after a dash or a colon, or in parentheses,
    or a place and the agency ("كييف - أ ف ب"); not a headline that happens to name one."""
    rest = line.replace(name, " ", 1)
    return bool(re.search(r"[-–—:|()]", rest)) and len(rest.split()) <= CREDIT_LINE_WORDS - 3
