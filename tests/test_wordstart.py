"""The word-start scan finds exactly what the plain ``(?<!\\w)`` regex finds."""
from __future__ import annotations

import re

import pytest

from reconcile.engine.matching import find
from reconcile.engine.normalise import normalise
from reconcile.engine.rules import ruleset
from reconcile.engine.wordstart import WordStartScan, nonword_class

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

BODIES = [r"(?:و)?(?P<core>ab|a|ساعة)(?!\w)", r"(?P<core>\d+|x?)", r"[.(]?(?P<core>ab\.?)", r"(?<=\s)ab"]
# letters the bodies read, word and non-word characters of several scripts, one beyond the BMP
ALPHABET = list("abوساعة1 .(\n_-،") + ["\u00a0", "\u200f", "é", "\U0001f600", "\U00010400"]


def _plain(body: str, text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in re.compile(r"(?<!\w)" + body).finditer(text, start, end)]


def test_the_class_is_every_non_word_character_of_the_bmp():
    cls = re.compile(nonword_class())
    for code in range(0x10000):
        ch = chr(code)
        assert (cls.match(ch) is not None) == (re.match(r"\w", ch) is None), hex(code)


@pytest.mark.parametrize("body", BODIES)
@given(st.lists(st.sampled_from(ALPHABET), max_size=30).map("".join), st.data())
def test_spans_are_the_plain_regex_matches(body, text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert list(WordStartScan(body).spans(text, start, end)) == _plain(body, text, start, end)


def test_a_word_at_the_start_of_the_text_and_after_a_match_ending_in_punctuation():
    scan = WordStartScan(r"(?P<core>ab\.?)")
    assert list(scan.spans("ab.ab ab")) == [(0, 3), (3, 5), (6, 8)]
    assert list(scan.spans("xab ab", 1)) == [(4, 6)]          # "ab" at 1 follows a letter


def test_a_caller_may_say_where_the_first_match_ends():
    scan = WordStartScan(r"(?P<core>ab)")
    assert list(scan.spans("ab ab", first_end=-1)) == [(3, 5)]
    assert "plain" not in scan.__dict__                         # not compiled for it


@pytest.mark.parametrize("lang, text", [
    ("en", "Call ends. 10 p.m. GMT (2200 GMT) at the request of Paris, by phone \U0001f4de for 40 minutes"),
    ("ar", "وبحث الرئيسان هاتفيا لمدة ساعة كاملة، الساعة العاشرة مساء بتوقيت القاهرة"),
])
def test_find_matches_the_plain_scan_on_rule_dimensions(lang, text):
    rs = ruleset(lang)
    folded = normalise(text).text
    for dim in rs.dimensions:
        scan = rs.word_scan(dim)
        want = []
        for s, _ in _plain(scan.body, folded, 0, len(folded)):
            for rule in rs.dimensions[dim].rules:
                m = rule.regex.match(folded, s)
                if m and m.end("core") > m.start("core"):
                    want.append((m.start("core"), m.end("core"), rule.name))
        got = [(r.start, r.end, r.rule.name) for r in find(rs, dim, folded)]
        assert sorted(got) == sorted(set(_longest(want))), dim


def _longest(spans):
    taken = []
    for s, e, name in sorted(spans, key=lambda t: (-(t[1] - t[0]), t[0])):
        if all(e <= a or s >= b for a, b, _ in taken):
            taken.append((s, e, name))
    return taken
