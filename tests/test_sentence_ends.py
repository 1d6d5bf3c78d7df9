"""The sentence-end scan that tries the pattern only at its possible first characters yields
what the plain ``finditer`` does, match for match."""
from __future__ import annotations

import dataclasses
import re

import pytest

from reconcile.extract.context import language_context
from reconcile.extract.sentences import _sentence_ends

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

ALPHABET = list("ab ب.!?؟…\n\t:Mr") + ["\u00a0", "\U0001f600"]
# the languages' own patterns, one that may match empty (scanned the plain way) and one with a
# lookahead past the match
PATTERNS = [None, r"\.*", r"(?<![.!?])[.!?]+(?=\s|$)|\n"]


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("pattern", PATTERNS)
@given(st.lists(st.sampled_from(ALPHABET), max_size=40).map("".join))
def test_sentence_ends_are_the_plain_matches(lang, pattern, text):
    ctx = language_context(lang)
    if pattern is not None:
        ctx = dataclasses.replace(ctx, sentence_end=re.compile(pattern), memo={})
    got = [(m.span(), m.group()) for m in _sentence_ends(ctx, text)]
    assert got == [(m.span(), m.group()) for m in ctx.sentence_end.finditer(text)]
