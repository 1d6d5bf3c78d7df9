"""Every example of every rule file is a test (as Duckling's corpora are)."""
from __future__ import annotations

import pytest
from conftest import SEEDS

from reconcile.engine.normalise import fold
from reconcile.engine.rulecheck import check_all

RESULTS, ERRORS = check_all()


def test_rule_files_load():
    assert ERRORS == []


def test_every_rule_has_examples():
    from reconcile.engine.rules import ruleset
    rs = ruleset("ar")
    missing = [f"{r.where} {r.name}" for d in rs.dimensions.values() for r in d.rules if not r.examples]
    assert missing == []


@pytest.mark.parametrize("result", RESULTS, ids=lambda r: f"{r.where} {r.text}")
def test_rule_example(result):
    assert result.ok, f"{result.where}: «{result.text}»: {result.detail}"


def test_examples_generalise_beyond_the_seeds():
    """At least 40 examples of durations, times, dates, initiators and attribution whose
    wording appears nowhere in the seed articles."""
    seeds = [fold(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")]
    fresh = [r for r in RESULTS if not r.counter and r.ok
             and r.dim in ("duration", "clock_time", "date", "initiator", "attribution")
             and not any(fold(r.text) in s for s in seeds)]
    assert len(fresh) >= 40, [r.text for r in fresh]
    assert {r.dim for r in fresh} == {"duration", "clock_time", "date", "initiator", "attribution"}


def test_a_broken_pattern_fails_at_load_naming_file_and_line(tmp_path):
    import shutil

    from reconcile.engine.rules import RULES_DIR, RuleError, RuleSet
    shutil.copytree(RULES_DIR, tmp_path / "rules")
    f = tmp_path / "rules" / "ar" / "medium.yaml"
    text = f.read_text(encoding="utf-8").replace('pattern: "{lex:medium_word}"', 'pattern: "({lex:medium_word}"')
    f.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError, match=r"medium\.yaml:\d+"):
        RuleSet("ar", tmp_path / "rules")


def test_an_unknown_lexicon_fails_at_load(tmp_path):
    import shutil

    from reconcile.engine.rules import RULES_DIR, RuleError, RuleSet
    shutil.copytree(RULES_DIR, tmp_path / "rules")
    f = tmp_path / "rules" / "ar" / "medium.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("{lex:medium_word}", "{lex:no_such_list}"), encoding="utf-8")
    with pytest.raises(RuleError, match="no_such_list"):
        RuleSet("ar", tmp_path / "rules")


def test_presentation_forms_are_rejected(tmp_path):
    import shutil

    from reconcile.engine.rules import RULES_DIR, RuleError, RuleSet
    shutil.copytree(RULES_DIR, tmp_path / "rules")
    f = tmp_path / "rules" / "ar" / "medium.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("    هاتفي: phone", "    \ufeeb\ufe8e\ufe97\ufed4\ufef2: phone"), encoding="utf-8")
    with pytest.raises(RuleError, match="presentation"):
        RuleSet("ar", tmp_path / "rules")
