"""Year headings found after newlines are the lines a multiline ``^...$`` pattern finds."""
from __future__ import annotations

import re

import pytest

from reconcile.extract.mentions import _year_headings

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PLAIN = re.compile(r"^[ \t]*((?:19|20)\d\d)[ \t]*:?[ \t]*$", re.MULTILINE)
PIECES = ["2021", "1999", "2100", "19", "20", "0", " ", "\t", ":", "\n", "\r", "x", "٢٠٢١"]


@given(st.lists(st.sampled_from(PIECES), max_size=20).map("".join))
def test_year_headings_are_the_plain_matches(text):
    assert _year_headings(text) == [(m.start(), int(m.group(1))) for m in _PLAIN.finditer(text)]
