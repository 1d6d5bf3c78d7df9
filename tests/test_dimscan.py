"""Dimension scans (word starts found by a consuming non-word class, every rule in one regex)
find exactly what the plain ``(?<!\\w)`` scan with one regex per rule finds."""
from __future__ import annotations

import re

import pytest

from reconcile.engine.dimscan import DimensionScan, JointScan, RawMatch
from reconcile.engine.matching import find, longest_first
from reconcile.engine.normalise import normalise
from reconcile.engine.prefixes import start_prefixes
from reconcile.engine.rulefiles import Rule
from reconcile.engine.rules import ruleset
from reconcile.engine.wordstart import WordScan, nonword_class

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

# (proclitic, rule bodies): overlapping rules, an empty match, a lookbehind, a start anchor,
# a proclitic the engine does not try longest first
CASES = [
    ("[وف]?[بلك]?", [r"ab|a", r"ساعة|بساعة", r"a\.?"]),
    ("", [r"\d+|x?", r"x\d"]),
    ("", [r"(?<=\s)ab", r"ab\.?", r"(?:^|(?<=\n))b"]),
    ("(?:ab|a)?", [r"b", r"bb"]),
]
ALPHABET = list("abxوبساعة1 .(\n_-،") + ["\u00a0", "é", "\U0001f600"]


def _plain(proclitic: str, bodies: list[str], text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """What the scan did before: the alternation of all rules finds where to try each rule."""
    scan = re.compile(rf"(?<!\w){proclitic}(?P<core>{'|'.join(f'(?:{b})' for b in bodies)})(?!\w)")
    rules = [re.compile(rf"(?<!\w){proclitic}(?P<core>{b})(?!\w)") for b in bodies]
    out = []
    for s in scan.finditer(text, start, end):
        for j, rx in enumerate(rules):
            m = rx.match(text, s.start(), end)
            if m and m.end("core") > m.start("core"):
                out.append((m.start("core"), m.end("core"), j))
    return out


def test_the_class_is_every_non_word_character_of_the_bmp():
    cls = re.compile(nonword_class())
    for code in range(0x10000):
        ch = chr(code)
        assert (cls.match(ch) is not None) == (re.match(r"\w", ch) is None), hex(code)


@pytest.mark.parametrize("proclitic, bodies", CASES)
@given(st.lists(st.sampled_from(ALPHABET), max_size=30).map("".join), st.data())
def test_a_scan_finds_what_the_plain_scan_finds(proclitic, bodies, text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    rules = [Rule(f"r{j}", "d", [b], "f:1") for j, b in enumerate(bodies)]
    scan = DimensionScan(rules, bodies, proclitic, None)
    got = [(h.start, h.end, rules.index(h.rule)) for h in scan.find(text, start, end)]
    assert got == _plain(proclitic, bodies, text, start, end)


def test_a_word_at_the_start_and_after_a_match_ending_in_punctuation():
    rules = [Rule("r", "d", ["\\(?ab\\)?"], "f:1")]
    scan = DimensionScan(rules, ["\\(?ab\\)?"], "", None)
    assert [(h.start, h.end) for h in scan.find("ab (ab)(ab)")] == [(0, 2), (3, 7), (7, 11)]
    assert [(h.start, h.end) for h in scan.find("xab ab", 1)] == [(4, 6)]     # "ab" at 1 follows a letter
    assert "plain" not in scan.__dict__          # the first word needed no second regex


def test_proclitics_tried_longest_first_need_no_alternation_group():
    assert DimensionScan([], [], "[وف]?[بلك]?", None).longest_proclitic_first
    assert "_s>" not in DimensionScan([], ["a"], "[وف]?[بلك]?", None).source("_")
    assert not DimensionScan([], [], "(?:ab|a)?", None).longest_proclitic_first
    assert "_s>" in DimensionScan([], ["a"], "(?:ab|a)?", None).source("_")


@given(st.lists(st.sampled_from(ALPHABET), max_size=30).map("".join), st.data())
def test_a_joint_scan_finds_what_each_scan_finds(text, data):
    scans = []
    for proclitic, bodies in CASES:
        rules = [Rule(f"r{j}", "d", [b], "f:1") for j, b in enumerate(bodies)]
        prefixes = start_prefixes(proclitic + "(?:" + "|".join(bodies) + ")")
        scans.append(DimensionScan(rules, bodies, proclitic, prefixes))
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert JointScan(scans).find(text, start, end) == [s.find(text, start, end) for s in scans]


@pytest.mark.parametrize("lang, text", [
    ("en", "May 5: talks end. 10 p.m. GMT (2200 GMT) at the request of Paris, by phone \U0001f4de for 40 minutes"),
    ("ar", "وبحث الرئيسان هاتفيا لمدة ساعة كاملة، الساعة العاشرة مساء بتوقيت القاهرة"),
])
def test_find_on_rule_dimensions_is_the_plain_scan(lang, text):
    rs = ruleset(lang)
    folded = normalise(text).text
    pre = rs.scan("date").proclitic
    for dim, d in rs.dimensions.items():
        bodies = ["|".join(f"(?:{rs.expand(p, r.where)})" for p in r.patterns) for r in d.rules]
        want = longest_first([RawMatch(s, e, d.rules[j]) for s, e, j in _plain(pre, bodies, folded, 0, len(folded))])
        assert find(rs, dim, folded) == want, dim


@pytest.mark.parametrize("body", [r"(?P<core>ab|a)(?!\w)", r"[وف]?(?P<core>ساعة|سا)", r"(?P<core>\(?ab\)?)"])
@given(st.lists(st.sampled_from(ALPHABET), max_size=30).map("".join))
def test_a_word_scan_yields_the_plain_matches(body, text):
    scan = WordScan(body)
    got = [(m.group("core"), m.span("core")) for m in scan.finditer(text)]
    assert got == [(m.group("core"), m.span("core")) for m in re.finditer(r"(?<!\w)" + body, text)]
