"""Every rule file has a JSON Schema: an unknown or misspelt key fails at load naming file and
line, and `reconcile rules check` (with --rules DIR or RECONCILE_RULES) says so."""
from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from reconcile.engine.rulecheck import check_language
from reconcile.engine.rules import RULES_DIR, RuleError, RuleSet, load_yaml
from reconcile.engine.schema import SCHEMAS
from reconcile.entities.gazetteer import Gazetteer


def copy_rules(tmp_path: Path) -> Path:
    dest = tmp_path / "rules"
    shutil.copytree(RULES_DIR, dest)
    for path in dest.rglob("*"):             # the originals may be read-only
        path.chmod(path.stat().st_mode | stat.S_IWUSR)
    return dest


def replace_in(path: Path, old: str, new: str) -> int:
    """Replace the first ``old``; the line it was on."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


def cli(args: list[str], cwd: Path, env_rules: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("RECONCILE_RULES", None)
    if env_rules is not None:
        env["RECONCILE_RULES"] = str(env_rules)
    return subprocess.run([sys.executable, "-m", "reconcile.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


# --------------------------------------------------------------------------- the schemas


@pytest.mark.parametrize("path", sorted(SCHEMAS.glob("*.json")), ids=lambda p: p.name)
def test_every_schema_is_a_valid_json_schema(path):
    Draft202012Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))


def test_every_shipped_rule_file_has_a_schema_and_passes_it():
    for lang in ("ar", "en"):
        RuleSet(lang, RULES_DIR)                      # language.yaml and every dimension file
    for name in ("entities", "outlets", "tolerances"):
        load_yaml(RULES_DIR / f"{name}.yaml", name)


def test_every_example_key_is_documented():
    common = json.loads((SCHEMAS / "common.json").read_text(encoding="utf-8"))["$defs"]
    for key in ("text", "published", "day", "tense", "counter_examples"):
        assert common[key].get("description"), key


# --------------------------------------------------------------------------- unknown keys


def test_an_unknown_key_in_a_rule_names_file_line_and_rule(tmp_path):
    rules = copy_rules(tmp_path)
    path = rules / "en" / "duration.yaml"
    line = replace_in(path, "  - name: unit-long adjective\n", "  - name: unit-long adjective\n    exmaples: []\n") + 1
    with pytest.raises(RuleError) as err:
        RuleSet("en", rules)
    assert str(err.value) == f"{path}:{line}: unknown key 'exmaples' in rule 'unit-long adjective'"


def test_a_dead_key_is_rejected(tmp_path):
    """alias_proclitics was in ar/language.yaml but no code read it; the gazetteer's own
    proclitic_pattern (entities.yaml) is what is used."""
    rules = copy_rules(tmp_path)
    path = rules / "ar" / "language.yaml"
    line = replace_in(path, "entity_window: 60\n", 'entity_window: 60\nalias_proclitics: ["و"]\n') + 1
    with pytest.raises(RuleError, match=rf"language\.yaml:{line}: unknown key 'alias_proclitics'$"):
        RuleSet("ar", rules)


def test_an_old_example_key_is_rejected(tmp_path):
    rules = copy_rules(tmp_path)
    path = rules / "en" / "date.yaml"
    line = replace_in(path, ", published: ", ", ref: ")
    with pytest.raises(RuleError, match=rf"date\.yaml:{line}: unknown key 'ref' in an example of rule '[^']+'"):
        RuleSet("en", rules)


def test_a_wrongly_typed_setting_names_its_line(tmp_path):
    rules = copy_rules(tmp_path)
    path = rules / "ar" / "duration.yaml"
    line = replace_in(path, "cue_window: 40", 'cue_window: "forty"')
    with pytest.raises(RuleError, match=rf"duration\.yaml:{line}: 'cue_window': 'forty' is not of type 'integer'"):
        RuleSet("ar", rules)


def test_a_bad_regex_in_language_yaml_names_its_line(tmp_path):
    rules = copy_rules(tmp_path)
    path = rules / "en" / "language.yaml"
    line = replace_in(path, 'clause_separators: "[,;]', 'clause_separators: "[,;')
    with pytest.raises(RuleError, match=rf"language\.yaml:{line}: 'clause_separators': bad regex"):
        RuleSet("en", rules)


def test_an_unknown_key_in_the_gazetteer_names_the_entity(tmp_path):
    rules = copy_rules(tmp_path)
    path = rules / "entities.yaml"
    line = replace_in(path, "type: place, affiliation: switzerland, aliases: {ar: [جنيف]",
                      "type: place, contry: switzerland, aliases: {ar: [جنيف]")
    with pytest.raises(RuleError, match=rf"entities\.yaml:{line}: unknown key 'contry' in entity 'geneva'"):
        Gazetteer.load(path)


def test_an_unknown_dimension_is_rejected(tmp_path):
    rules = copy_rules(tmp_path)
    path = rules / "ar" / "medium.yaml"
    line = replace_in(path, "dimension: medium", "dimension: mediums")
    with pytest.raises(RuleError, match=rf"medium\.yaml:{line}: unknown dimension 'mediums'"):
        RuleSet("ar", rules)


def test_a_misspelt_lexicon_is_named_with_a_suggestion(tmp_path):
    rules = copy_rules(tmp_path)
    path = rules / "en" / "medium.yaml"
    text = path.read_text(encoding="utf-8")
    rule_line = text[:text.index("{lex:medium_word}(?!")].count("\n")     # the "- name:" line
    replace_in(path, "{lex:medium_word}(?!", "{lex:medium_wrod}(?!")
    with pytest.raises(RuleError) as err:
        RuleSet("en", rules)
    assert re.search(rf"medium\.yaml:{rule_line}: unknown lexicon 'medium_wrod' \(did you mean 'medium_word'\?\)",
                     str(err.value)), str(err.value)


# --------------------------------------------------------------------------- every example runs


def test_file_level_examples_and_counter_examples_run(tmp_path):
    rules = copy_rules(tmp_path)
    path = rules / "en" / "duration.yaml"
    with path.open("a", encoding="utf-8") as f:
        f.write('examples:\n'
                '  - {text: "two hours", value: {minutes: [120, 120]}}\n'
                '  - {text: "three hours", value: {minutes: [1, 1]}}\n'
                'counter_examples:\n'
                '  - "two apples"\n'
                '  - "four hours"\n')
    end = path.read_text(encoding="utf-8").count("\n")
    results = {(r.where.rsplit(":", 1)[1], r.text): r for r in check_language("en", rules)
               if r.where.rsplit(":", 1)[0].endswith("en/duration.yaml")}
    assert results[(str(end - 4), "two hours")].ok
    assert not results[(str(end - 3), "three hours")].ok
    assert results[(str(end - 1), "two apples")].ok and results[(str(end - 1), "two apples")].counter
    assert not results[(str(end), "four hours")].ok


def test_a_counter_example_is_reported_at_its_own_line(tmp_path):
    rules = copy_rules(tmp_path)
    path = rules / "ar" / "location.yaml"
    line = replace_in(path, '      - "في الحوار"', '      - "في جنيف"')
    bad = [r for r in check_language("ar", rules) if not r.ok]
    assert [(r.where.rsplit(":", 1)[1], r.text, r.counter) for r in bad] == [(str(line), "في جنيف", True)]


# --------------------------------------------------------------------------- reconcile rules check / --rules


def test_rules_check_names_an_unknown_key(tmp_path):
    rules = copy_rules(tmp_path)
    path = rules / "ar" / "duration.yaml"
    line = replace_in(path, "widen:", "wident: {}\nwiden:")
    proc = cli(["--rules", str(rules), "rules", "check"], tmp_path)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    assert f"error: {path}:{line}: unknown key 'wident'\n" in proc.stderr, proc.stderr


def test_rules_check_names_a_misspelt_lexicon(tmp_path):
    rules = copy_rules(tmp_path)
    path = rules / "en" / "duration.yaml"
    replace_in(path, "{lex:duration_unit}", "{lex:duraton_unit}")
    proc = cli(["rules", "check"], tmp_path, env_rules=rules)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    assert re.search(rf"error: {re.escape(str(path))}:\d+: unknown lexicon 'duraton_unit' "
                     r"\(did you mean 'duration_unit'\?\)", proc.stderr), proc.stderr


def test_the_rules_option_wins_over_the_environment(tmp_path):
    broken = copy_rules(tmp_path / "broken")
    replace_in(broken / "tolerances.yaml", "date:", "dates:")
    intact = copy_rules(tmp_path / "intact")
    with_env = cli(["rules", "check"], tmp_path, env_rules=broken)
    assert with_env.returncode == 1 and "unknown key 'dates'" in with_env.stderr, with_env.stderr
    with_option = cli(["--rules", str(intact), "rules", "check"], tmp_path, env_rules=broken)
    assert with_option.returncode == 0, with_option.stdout + with_option.stderr


def test_the_rules_option_points_a_run_at_the_folder(tmp_path):
    rules = copy_rules(tmp_path)
    path = rules / "ar" / "medium.yaml"        # the seed articles are Arabic
    line = replace_in(path, "dimension: medium", "dimension: medium\nbogus: 1") + 1
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    proc = cli(["--rules", str(rules), "run", str(seeds), "--out", str(tmp_path / "out")], tmp_path)
    assert proc.returncode == 2
    assert f"{path}:{line}: unknown key 'bogus'" in proc.stderr, proc.stderr


def test_the_rules_option_refuses_to_come_after_the_rules_are_loaded(tmp_path):
    """In one process the loader reads its folder once: a late --rules fails loudly instead of
    being silently ignored (`reconcile` itself imports the loader only after the option)."""
    from typer.testing import CliRunner

    from reconcile.cli import app
    other = copy_rules(tmp_path)
    result = CliRunner().invoke(app, ["--rules", str(other), "rules", "check"])
    assert result.exit_code == 2
    assert "already loaded" in result.output
