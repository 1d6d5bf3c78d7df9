"""The gazetteer's matcher (entities/surface_matcher.py) finds exactly the spans the regex it
replaced found, in the same order: that regex is compiled here, and only here, and both are run
on every text we have and on generated ones."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.engine.normalise import normalise
from reconcile.engine.patterns import trie_regex
from reconcile.engine.rules import RuleError
from reconcile.entities import surface_matcher
from reconcile.entities.gazetteer import gazetteer
from reconcile.entities.surface_matcher import SurfaceMatcher

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "dev"


def regex_spans(regex: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [(m.start("name"), m.end("name")) for m in regex.finditer(text)]


def old_regex(words: list[str], proclitic: str, ignore_case: bool) -> re.Pattern:
    """What Gazetteer.regex compiled before the matcher."""
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(rf"(?<!\w){proclitic}(?P<name>{trie_regex(words)})(?!\w)", flags)


def gazetteer_words(lang: str) -> list[str]:
    gaz = gazetteer()
    words = list(gaz.surfaces.get(lang, {}))
    contraction = gaz.contracted_article(lang)
    if contraction:
        art, merged = contraction
        words += [merged + w[len(art):] for w in words if w.startswith(art)]
    return words


_OLD: dict[str, re.Pattern] = {}


def old_gazetteer_regex(lang: str) -> re.Pattern:
    if lang not in _OLD:
        _OLD[lang] = old_regex(gazetteer_words(lang), gazetteer().proclitic.get(lang, ""), lang == "en")
    return _OLD[lang]


def assert_same(text: str) -> None:
    folded = normalise(text).text
    for lang in ("ar", "en"):
        assert gazetteer().matcher(lang).spans(folded) == regex_spans(old_gazetteer_regex(lang), folded), \
            (lang, text[:200])


def _texts(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.txt"))]


def test_same_spans_on_seeds_and_written_corpora():
    texts = _texts(ROOT / "seeds") + _texts(ROOT / "tests" / "corpora")
    assert len(texts) > 20
    for text in texts:
        assert_same(text)


@pytest.mark.skipif(not DEV.is_dir(), reason="the dev corpora are not on this machine")
def test_same_spans_on_dev_corpora():
    texts = [t for d in sorted(DEV.iterdir()) if (d / "texts").is_dir() for t in _texts(d / "texts")]
    assert texts
    for text in texts:
        assert_same(text)


def test_same_spans_on_the_bench_corpus():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import make_corpus
    finally:
        sys.path.remove(str(ROOT / "bench"))
    docs = make_corpus.generate(60, seed=3)
    for doc in docs:
        assert_same(json.loads(json.dumps(doc))["text"])


def _gazetteer_pieces() -> list[str]:
    gaz = gazetteer()
    out = []
    for lang in ("ar", "en"):
        for e in gaz.entities.values():
            out += [str(a) for a in e.aliases.get(lang, [])[:3]]
    return sorted(set(out))


_PIECES = _gazetteer_pieces()
_GLUE = ["", " ", "  ", "\n", "\n\n", " \t", ", ", ". ", "-", "(", ")", '"', "و", "ف", "ب", "ل", "ك", "وب", "فل",
         "لل", "ال", "s", "_", "x", "1", "ı", "ſ", "İ"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_GLUE), st.sampled_from(_PIECES), st.sampled_from(["lower", "upper", "keep"]),
                          st.integers(0, 3)), min_size=1, max_size=8))
def test_same_spans_on_mixed_gazetteer_names(parts):
    """Names glued to clitics, punctuation, other blanks, written in other cases or cut short."""
    text = ""
    for glue, piece, case, cut in parts:
        piece = piece.lower() if case == "lower" else piece.upper() if case == "upper" else piece
        if cut == 3:
            piece = piece[:-1]
        text += glue + piece.replace(" ", " " * (cut + 1) if cut < 2 else "\n")
    assert_same(text)


# a small alphabet makes every corner of the regex's backtracking likely: spellings that are
# prefixes of one another, case twins, blanks, proclitic letters, word and non-word characters
_LETTERS = "abIıiſsS وب-."
_word = st.text(alphabet="abiıſsو-.", min_size=1, max_size=5)
_spelling = st.lists(_word, min_size=1, max_size=3).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(st.lists(_spelling, min_size=1, max_size=8), st.text(alphabet=_LETTERS + "\n\t", max_size=40),
       st.sampled_from(["", "[و]?[ب]?", "[وب]?", "[ب]?[وب]?"]), st.booleans())
def test_same_spans_as_the_regex_on_small_alphabets(words, text, proclitic, ignore_case):
    words = [w.lower() for w in words]
    text = text.lower()
    try:
        matcher = SurfaceMatcher(words, proclitic, ignore_case)
    except RuleError:
        return
    assert matcher.spans(text) == regex_spans(old_regex(words, proclitic, ignore_case), text)


def test_case_twins_first_tried_by_the_regex():
    words = ["ix", "ıx yz"]
    matcher = SurfaceMatcher(words, "", ignore_case=True)
    for text in ("ix yz", "ıx yz", "ix y", "ıx"):
        assert matcher.spans(text) == regex_spans(old_regex(words, "", True), text), text


def test_case_twins_are_re_s_own():
    """Each set of twins matches one another case-blind, and the sets are the ones ``re`` keeps
    (a private table: checked where it exists)."""
    for twins in surface_matcher.CASE_TWINS:
        for a in twins:
            for b in twins:
                assert re.fullmatch(re.escape(a), b, re.IGNORECASE), (a, b)
    casefix = pytest.importorskip("re._casefix")
    table = {tuple(sorted((chr(k),) + tuple(chr(c) for c in v))) for k, v in casefix._EXTRA_CASES.items()}
    assert table == {tuple(sorted(t)) for t in surface_matcher.CASE_TWINS}


def test_only_optional_letter_sets_as_proclitic():
    with pytest.raises(RuleError):
        SurfaceMatcher(["x"], r"(?:wa)?")
