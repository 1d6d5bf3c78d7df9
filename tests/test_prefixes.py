"""The start guard of a scan regex only ever admits more: a guarded regex finds exactly the
matches of the unguarded one, on the rule files' own scans and on hand-made patterns."""
from __future__ import annotations

import random
import re

import pytest

from reconcile.engine.patterns import fold_pattern
from reconcile.engine.prefixes import start_guard, start_prefixes
from reconcile.engine.rules import ruleset
from reconcile.extract.hits import DIMENSIONS

PATTERNS = [
    r"(?:about |some )?\d{1,3}(?: |-)minutes?",
    r"[wf]?[bl]?(?:(?![^,.]{0,6}days)\d+ hours?|the hour)",
    r"(?:a|b)?(?:c|d)?x{0,5}y",
    r"(?:ab)*c|d{3,}",
    r"[^ ,]\w+ (?:call|talk)",
    r"(?>at|on) \d\d?:\d\d",
    r"(?i:call)s?",            # a flag changing classes: no guard, still correct
    r"(a)\1",                  # a back-reference: no guard
    r"x?",                     # may match empty: no guard
]


def _texts(alphabet: str, n: int = 300) -> list[str]:
    rnd = random.Random(7)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randrange(1, 40))) for _ in range(n)]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_guard_admits_every_match(pattern):
    guard = start_guard(pattern)
    guarded = re.compile(f"(?={guard}){pattern}" if guard else pattern)
    plain = re.compile(pattern)
    for t in _texts("abcdxy wfl,.0123456789:-hourminutesthcallCALLdays") + ["about 45 minutes", "wbthe hour"]:
        assert [m.span() for m in guarded.finditer(t)] == [m.span() for m in plain.finditer(t)], t


def test_no_guard_where_it_cannot_be_read():
    assert start_guard(r"(?i:call)s?") is None
    assert start_guard(r"(a)\1") is None
    assert start_guard(r"x?") is None
    assert start_guard(r"\d+ min") is not None


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_rule_scans_are_guarded(lang):
    rs = ruleset(lang)
    for dim in DIMENSIONS:
        assert rs.scan(dim).opening is not None, dim


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_guards_read_with_lexicon_atoms_are_the_guards_of_the_written_out_patterns(lang, monkeypatch):
    # each lexicon is read once and stands in the patterns as one character: the prefixes
    # must be exactly those of the patterns with every lexicon's openings written out
    rs = ruleset(lang)
    pre = fold_pattern(rs.macros.get("proclitic", ""))
    with monkeypatch.context() as patched:
        patched.setattr(rs, "_lexicon_atom", lambda lex: lex.opening)
        written_out = {name: start_prefixes(pre + f"(?:{rs._body(d, opening=True)})")
                       for name, d in rs.dimensions.items()}
    assert all(v is not None for v in written_out.values())
    for name, prefixes in written_out.items():
        assert rs.scan(name).prefixes == prefixes, name
