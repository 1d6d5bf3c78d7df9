"""Command-line tests: bad input never produces a traceback, only one line per problem;
broken rule files are named by file and line; reports are deterministic; every command is
documented.  Everything is written under tmp_path (never into reports/ or seeds/)."""
from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from reconcile.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
RULES = ROOT / "rules"
README = ROOT / "README.md"

GOOD = ["000_ef8e19684d263ac7", "001_2a0fee5fc085109d"]
EXTRA_SEED = SEEDS / "002_2808b5d65a21cd4e.txt"   # the text re-encoded as cp1256 / UTF-16
MAX_BYTES = 5_000_000


# --------------------------------------------------------------------------- helpers


def make_runner() -> CliRunner:
    try:
        return CliRunner(mix_stderr=False)   # click < 8.2 mixes the streams by default
    except TypeError:                        # typer/click where stderr is always separate
        return CliRunner()


def invoke(*args: str):
    return make_runner().invoke(app, [str(a) for a in args])


def err_of(result) -> str:
    try:
        return result.stderr
    except ValueError:                       # streams mixed: only the combined output exists
        return result.output


def assert_clean(result, expected_code: int) -> None:
    """Exit code as expected and no crash: CliRunner swallows tracebacks into result.exception."""
    out, err = result.stdout, err_of(result)
    assert result.exit_code == expected_code, (result.exit_code, out, err, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in out + err


def assert_no_traceback(proc: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in proc.stdout + proc.stderr, proc.stderr


def corpus_with_good_seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for doc_id in GOOD:
        (folder / f"{doc_id}.txt").write_bytes((SEEDS / f"{doc_id}.txt").read_bytes())
    return folder


def read_report(out: Path, name: str) -> dict:
    path = out / f"{name}.json"
    assert path.is_file(), f"{path} not written"
    return json.loads(path.read_text(encoding="utf-8"))


def cli_subprocess(args: list[str], cwd: Path, rules: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("RECONCILE_RULES", None)
    if rules is not None:
        env["RECONCILE_RULES"] = str(rules)
    return subprocess.run([sys.executable, "-m", "reconcile.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def copy_rules(tmp_path: Path) -> Path:
    dest = tmp_path / "rules"
    shutil.copytree(RULES, dest)
    for path in dest.rglob("*"):             # the originals may be read-only
        path.chmod(path.stat().st_mode | stat.S_IWUSR)
    return dest


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


# --------------------------------------------------------------------------- 1. bad input files


def _write_empty(folder: Path) -> Path:
    path = folder / "empty.txt"
    path.write_bytes(b"")
    return path


def _write_blank(folder: Path) -> Path:
    path = folder / "blank.txt"
    path.write_bytes(b" \n\t\r\n   \n")
    return path


def _write_binary(folder: Path) -> Path:
    path = folder / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 200 + b"\x01\x02\x03" * 20)
    return path


def _write_neither(folder: Path) -> Path:
    # Cyrillic in cp1251: invalid UTF-8, no NULs, and none of the legacy charsets detection tries
    path = folder / "cp1251.txt"
    raw = "Переговоры продолжались около часа, сообщил представитель.\n".encode("cp1251") * 20
    path.write_bytes(raw)
    return path


def _write_huge(folder: Path) -> Path:
    path = folder / "huge.txt"
    with path.open("wb") as fh:              # real text at the start, sparse beyond it
        fh.write(EXTRA_SEED.read_bytes())
        fh.truncate(MAX_BYTES + 1000)
    assert path.stat().st_size > MAX_BYTES
    return path


BAD_FILES = {
    # id: (writer, severity, message pattern)
    "empty": (_write_empty, "error", r"empty file, skipped"),
    "whitespace-only": (_write_blank, "error", r"empty file, skipped"),
    "binary": (_write_binary, "error", r"looks binary, skipped"),
    "neither-encoding": (_write_neither, "error", r"not valid UTF-8, UTF-16 or windows-1256, iso-8859-6, "
                                                  r"windows-1252, latin-1 text, skipped"),
    "huge": (_write_huge, "error", r"file too large \(\d+ bytes > limit 5000000\), skipped"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_run_skips_a_bad_file_with_one_line_and_writes_the_report(tmp_path, case):
    writer, severity, message = BAD_FILES[case]
    folder = corpus_with_good_seeds(tmp_path)
    bad = writer(folder)
    out = tmp_path / "out"

    result = invoke("run", folder, "--out", out)

    assert_clean(result, 3)   # written, with an input skipped
    err_lines = err_of(result).strip().splitlines()
    assert len(err_lines) == 1, err_lines
    assert re.fullmatch(rf"{severity}: {re.escape(str(bad))}: {message}", err_lines[0]), err_lines[0]
    report = read_report(out, "corpus")
    assert [d["id"] for d in report["documents"]] == GOOD
    assert (out / "corpus.md").is_file()
    assert f"{out / 'corpus.json'}: 2 documents" in result.stdout


@pytest.mark.parametrize("codec, encoding, note", [
    ("cp1256", "windows-1256", "decoded as windows-1256"),
    ("utf-16", "utf-16", "decoded as UTF-16"),
])
def test_run_reads_legacy_encodings_with_a_warning(tmp_path, codec, encoding, note):
    folder = corpus_with_good_seeds(tmp_path)
    path = folder / f"legacy_{codec.replace('-', '')}.txt"
    path.write_bytes(EXTRA_SEED.read_text(encoding="utf-8").encode(codec))
    out = tmp_path / "out"

    result = invoke("run", folder, "--out", out)

    assert_clean(result, 0)
    assert err_of(result).strip().splitlines() == [f"warning: {path}: {note}"]
    report = read_report(out, "corpus")
    docs = {d["id"]: d for d in report["documents"]}
    assert sorted(docs) == sorted(GOOD + [path.stem])
    assert docs[path.stem]["encoding"] == encoding
    assert {"source": str(path), "severity": "warning", "message": note} in report["problems"]


@pytest.mark.parametrize("manifest, message", [
    ("000_ef8e19684d263ac7.txt:\n  outlet: [Al Khaleej\n  language: ar\n",
     r"malformed manifest, ignored: YAML error at line \d+: .+"),
    ("- 000_ef8e19684d263ac7.txt\n- 001_2a0fee5fc085109d.txt\n",
     r"malformed manifest, ignored: expected a mapping of file names, got a list"),
], ids=["yaml-syntax-error", "a-list"])
def test_run_ignores_a_malformed_manifest_with_one_line(tmp_path, manifest, message):
    folder = corpus_with_good_seeds(tmp_path)
    (folder / "sources.yaml").write_text(manifest, encoding="utf-8")
    out = tmp_path / "out"

    result = invoke("run", folder, "--out", out)

    assert_clean(result, 3)   # written, with the manifest ignored
    err_lines = err_of(result).strip().splitlines()
    assert len(err_lines) == 1, err_lines
    assert re.fullmatch(rf"error: {re.escape(str(folder / 'sources.yaml'))}: {message}", err_lines[0]), err_lines
    report = read_report(out, "corpus")
    assert [d["id"] for d in report["documents"]] == GOOD
    assert all(d["outlet"] is None for d in report["documents"])   # the manifest really was ignored


# --------------------------------------------------------------------------- 2. nothing readable


@pytest.mark.parametrize("contents", ["empty-folder", "only-bad-files"])
def test_run_with_nothing_readable_fails_and_writes_nothing(tmp_path, contents):
    folder = tmp_path / "corpus"
    folder.mkdir()
    if contents == "only-bad-files":
        _write_empty(folder)
        _write_binary(folder)
    out = tmp_path / "out"
    out.mkdir()   # exists already, so leftovers (temp files) would show up

    result = invoke("run", folder, "--out", out)

    assert_clean(result, 1)
    err_lines = err_of(result).strip().splitlines()
    assert err_lines[-1] == f"reconcile: no readable documents in {folder}"
    assert [line for line in err_lines if line.startswith("reconcile:")] == err_lines[-1:]
    assert all(re.match(r"(error|warning): ", line) for line in err_lines[:-1]), err_lines
    if contents == "only-bad-files":
        assert len(err_lines) == 3   # one line per bad file, then the verdict
    assert sorted(os.listdir(out)) == []
    assert result.stdout == ""


# --------------------------------------------------------------------------- 3. missing path


@pytest.mark.parametrize("command", ["run", "claims", "graph"])
def test_nonexistent_path_is_named_without_traceback(tmp_path, command):
    missing = tmp_path / "no" / "such" / "folder"
    extra = ["--out", tmp_path / "out"] if command == "run" else []

    result = invoke(command, missing, *extra)

    assert_clean(result, 1)
    err_lines = err_of(result).strip().splitlines()
    assert err_lines == [f"error: {missing}: no such file or directory",
                         f"reconcile: no readable documents in {missing}"]
    assert not (tmp_path / "out").exists()


# --------------------------------------------------------------------------- 4. broken rule files


def test_rules_check_passes_on_intact_rules(tmp_path):
    rules = copy_rules(tmp_path)

    proc = cli_subprocess(["rules", "check"], tmp_path, rules)

    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert_no_traceback(proc)
    last = proc.stdout.strip().splitlines()[-1]
    match = re.fullmatch(r"(\d+) passed, 0 failed", last)
    assert match and int(match.group(1)) > 0, last
    assert "FAIL" not in proc.stdout


def _break_yaml(rules: Path) -> Path:
    path = rules / "ar" / "duration.yaml"
    text = path.read_text(encoding="utf-8")
    assert "\ncue_window:" in text
    path.write_text(text.replace("\ncue_window:", "\ncue_window: [40, {\n  oops: : :\ncue_window_old:", 1),
                    encoding="utf-8")
    return path


def _break_regex(rules: Path) -> Path:
    path = rules / "ar" / "duration.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.strip().startswith("pattern:"))
    lines[index] = '    pattern: "(unclosed"'
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.mark.parametrize("breaker", [_break_yaml, _break_regex], ids=["invalid-yaml", "invalid-regex"])
def test_broken_rule_file_is_named_with_its_line(tmp_path, breaker):
    rules = copy_rules(tmp_path)
    broken = breaker(rules)
    n_lines = len(broken.read_text(encoding="utf-8").splitlines())
    out = tmp_path / "out"

    check = cli_subprocess(["rules", "check"], tmp_path, rules)
    run = cli_subprocess(["run", str(SEEDS), "--out", str(out)], tmp_path, rules)

    for proc in (check, run):
        assert proc.returncode != 0, proc.stdout + proc.stderr
        assert_no_traceback(proc)
        match = re.search(r"duration\.yaml:(\d+)", proc.stderr)
        assert match, proc.stderr
        assert 1 <= int(match.group(1)) <= n_lines
    assert check.returncode == 1
    assert check.stdout.strip().splitlines()[-1].endswith("1 broken files")
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == [line for line in run.stderr.strip().splitlines()
                                               if line.startswith("reconcile: broken rule file: ")]
    assert len(run.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_invalid_regex_line_points_into_the_rule(tmp_path):
    rules = copy_rules(tmp_path)
    path = rules / "ar" / "duration.yaml"
    first_name = line_of(path, "- name:")
    _break_regex(rules)
    pattern_line = line_of(path, '"(unclosed"')

    proc = cli_subprocess(["rules", "check"], tmp_path, rules)

    assert proc.returncode == 1
    match = re.search(r"duration\.yaml:(\d+): rule '[^']+': bad pattern", proc.stderr)
    assert match, proc.stderr
    assert first_name <= int(match.group(1)) <= pattern_line


def test_rules_that_compile_alone_but_not_together_name_their_file(tmp_path):
    # a dimension's rules are compiled as one regex: two rules naming the same group clash
    rules = copy_rules(tmp_path)
    path = rules / "ar" / "initiator.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('    pattern: "', '    pattern: "(?P<twice>#)?', 2), encoding="utf-8")

    proc = cli_subprocess(["rules", "check"], tmp_path, rules)

    assert proc.returncode == 1
    assert "initiator.yaml:1: the rules of dimension 'initiator' do not compile together" in proc.stderr, proc.stderr
    assert_no_traceback(proc)


def test_invalid_regex_in_a_referenced_dimension_names_its_own_file(tmp_path):
    rules = copy_rules(tmp_path)
    path = rules / "ar" / "numbers.yaml"
    text = path.read_text(encoding="utf-8")
    old = 'pattern: "{lex:number_word}(?: و\\\\s*{lex:number_word})*"'
    assert old in text
    path.write_text(text.replace(old, 'pattern: "(unclosed"', 1), encoding="utf-8")

    proc = cli_subprocess(["rules", "check"], tmp_path, rules)

    assert proc.returncode == 1
    assert_no_traceback(proc)
    assert re.search(r"numbers\.yaml:\d+", proc.stderr), proc.stderr


def test_wrong_example_value_fails_rules_check_with_file_and_line(tmp_path):
    rules = copy_rules(tmp_path)
    path = rules / "ar" / "duration.yaml"
    old = '{text: "35 دقيقة", value: {minutes: [35, 35]}}'
    line = line_of(path, old)
    path.write_text(path.read_text(encoding="utf-8").replace(
        old, '{text: "35 دقيقة", value: {minutes: [36, 36]}}', 1), encoding="utf-8")

    proc = cli_subprocess(["rules", "check"], tmp_path, rules)

    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert_no_traceback(proc)
    fails = [line for line in proc.stdout.splitlines() if line.startswith("FAIL")]
    assert len(fails) == 1, proc.stdout
    assert re.match(rf"FAIL \S*duration\.yaml:{line}: duration example «35 دقيقة»: "
                    r"expected \{'minutes': \[36, 36\]\}, got \{'minutes': \[35, 35\]\}", fails[0]), fails[0]
    assert re.fullmatch(r"\d+ passed, 1 failed", proc.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------- 5. determinism


def test_run_twice_gives_identical_bytes(tmp_path):
    outs = [tmp_path / "a", tmp_path / "b"]
    # separate processes with different hash seeds: set/dict order cannot leak into the output
    for seed, out in zip(("1", "2"), outs, strict=True):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        env.pop("RECONCILE_RULES", None)
        proc = subprocess.run([sys.executable, "-m", "reconcile.cli", "run", str(SEEDS), "--out", str(out)],
                              cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
    for name in ("seeds.json", "seeds.md"):
        first, second = (out / name for out in outs)
        assert first.read_bytes() == second.read_bytes(), name
        assert first.stat().st_size > 0
    assert sorted(os.listdir(outs[0])) == ["seeds.json", "seeds.md"]   # no temp files left behind


# --------------------------------------------------------------------------- 6. show


@pytest.fixture(scope="module")
def seed_report_file(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report")
    result = invoke("run", SEEDS, "--out", out)
    assert_clean(result, 0)
    return out / "seeds.json"


def test_show_conflicts_when_there_are_none(seed_report_file):
    report = json.loads(seed_report_file.read_text(encoding="utf-8"))
    assert report["summary"]["facts"]["conflict"] == 0   # precondition of this test

    result = invoke("show", seed_report_file, "--status", "conflict")

    assert_clean(result, 0)
    assert result.stdout.strip() == "no facts match"


def test_show_one_event(seed_report_file):
    report = json.loads(seed_report_file.read_text(encoding="utf-8"))
    e1 = next(ev for ev in report["events"] if ev["id"] == "E1")
    n_claims = sum(len(f["claims"]) for f in e1["facts"])
    assert n_claims > 0 and len(report["events"]) > 1

    result = invoke("show", seed_report_file, "--event", "E1", "--fmt", "tsv")

    assert_clean(result, 0)
    header, *rows = result.stdout.strip().splitlines()
    assert [h.strip() for h in header.split("\t")][:3] == ["event", "fact", "status"]
    assert len(rows) == n_claims
    assert {row.split("\t")[0].strip() for row in rows} == {"E1"}
    assert {row.split("\t")[1].strip() for row in rows} == {f["fact"] for f in e1["facts"]}


def test_show_unknown_event_matches_nothing(seed_report_file):
    result = invoke("show", seed_report_file, "--event", "E999")

    assert_clean(result, 0)
    assert result.stdout.strip() == "no facts match"


@pytest.mark.parametrize("content, message", [
    ('{"hello": "world"}\n', "not a reconcile report"),
    ("[1, 2, 3]\n", "not a reconcile report"),
    ('{"schema": "reconcile.report.writer/1",\n', "not a readable JSON report"),
    (None, "no such report"),
], ids=["other-json", "json-list", "truncated-json", "missing-file"])
def test_show_rejects_what_is_not_a_report(tmp_path, content, message):
    path = tmp_path / "thing.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")

    result = invoke("show", path)

    assert_clean(result, 2)
    err_lines = err_of(result).strip().splitlines()
    assert len(err_lines) == 1, err_lines
    assert err_lines[0].startswith(f"reconcile: {path}: {message}"), err_lines
    assert result.stdout == ""


def test_show_rejects_a_report_missing_its_events(tmp_path):
    path = tmp_path / "half.json"
    path.write_text('{"schema": "reconcile.report.writer/1"}\n', encoding="utf-8")

    result = invoke("show", path)

    assert_clean(result, 2)
    assert len(err_of(result).strip().splitlines()) == 1
    assert str(path) in err_of(result)


# --------------------------------------------------------------------------- 7. graph


def test_graph_graphml_reads_back_with_networkx(tmp_path):
    target = tmp_path / "seeds.graphml"

    result = invoke("graph", SEEDS, "--format", "graphml", "-o", target)

    assert_clean(result, 0)
    assert result.stdout.strip() == f"{target}: written"
    g = nx.read_graphml(target)
    kinds = {data.get("kind") for _, data in g.nodes(data=True)}
    assert {"document", "event", "claim", "entity"} <= kinds, kinds
    edges = [(u, v, data.get("kind")) for u, v, data in g.edges(data=True)]
    assert {"asserts", "about"} <= {k for *_, k in edges}
    assert sum(1 for _, d in g.nodes(data=True) if d.get("kind") == "document") == 5
    for u, v, kind in edges:
        if kind == "about":
            assert g.nodes[u]["kind"] == "claim" and g.nodes[v]["kind"] == "event", (u, v)
        if kind == "asserts":
            assert g.nodes[u]["kind"] == "document", (u, v)
    assert not list(tmp_path.glob(".*.tmp"))


def test_graph_json_has_nodes_and_edges(tmp_path):
    result = invoke("graph", SEEDS, "--format", "json")

    assert_clean(result, 0)
    data = json.loads(result.stdout)
    assert data["nodes"] and data["edges"]
    ids = {n["id"] for n in data["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in data["edges"])
    assert {n["kind"] for n in data["nodes"]} >= {"document", "event", "claim", "entity"}
    assert {e["kind"] for e in data["edges"]} >= {"asserts", "about"}


def test_graph_unwritable_output_is_one_line(tmp_path):
    blocker = tmp_path / "afile"
    blocker.write_text("x", encoding="utf-8")

    result = invoke("graph", SEEDS, "-o", blocker / "g.graphml")

    assert_clean(result, 1)
    assert str(blocker) in err_of(result)


def test_run_unwritable_out_is_one_line(tmp_path):
    blocker = tmp_path / "afile"
    blocker.write_text("x", encoding="utf-8")

    result = invoke("run", SEEDS, "--out", blocker)

    assert_clean(result, 4)   # read, analysed, not written
    assert err_of(result).strip().splitlines() == [
        f"reconcile: cannot write the report to {blocker}: File exists"]


# --------------------------------------------------------------------------- 8. claims


def test_claims_lists_claims_with_spans():
    path = SEEDS / "004_37c19ced86855876.txt"
    text = path.read_text(encoding="utf-8")

    result = invoke("claims", path)
    assert_clean(result, 0)
    header = result.stdout.splitlines()[0]
    assert "fact" in header and "span" in header
    assert len(result.stdout.strip().splitlines()) > 3

    tsv = invoke("claims", path, "--fmt", "tsv")
    assert_clean(tsv, 0)
    head, *rows = tsv.stdout.strip().splitlines()
    cols = [h.strip() for h in head.split("\t")]
    assert cols[:5] == ["doc", "event", "fact", "span", "words"]
    assert rows
    for row in rows:
        cells = [c.strip() for c in row.split("\t")]
        assert cells[0] == path.stem
        start, end = map(int, re.fullmatch(r"(\d+)-(\d+)", cells[3]).groups())
        assert " ".join(text[start:end].split()) == cells[4]   # spans index the document text


# --------------------------------------------------------------------------- 9. README


def _command_names(typer_app, prefix: str = "") -> list[str]:
    names = []
    for cmd in typer_app.registered_commands:
        name = cmd.name or cmd.callback.__name__.replace("_", "-")
        names.append(f"{prefix}{name}")
    for group in typer_app.registered_groups:
        sub = group.typer_instance
        gname = group.name or sub.info.name
        names.extend(_command_names(sub, f"{prefix}{gname} "))
    return names


def test_every_command_is_documented_in_readme():
    names = _command_names(app)
    assert {"run", "show", "claims", "graph", "rules check"} <= set(names), names
    assert README.is_file(), f"{README} is missing: every command must be documented there"
    readme = README.read_text(encoding="utf-8")
    missing = [n for n in names if f"reconcile {n}" not in readme]
    assert not missing, f"commands not documented in README.md: {missing}"


# --------------------------------------------------------------------------- named pipe


def test_named_pipe_is_refused_not_waited_on(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    try:
        proc = subprocess.run([sys.executable, "-m", "reconcile.cli", "run", str(pipe), "--out",
                               str(tmp_path / "out")], cwd=tmp_path, capture_output=True, text=True,
                              timeout=5)
    except subprocess.TimeoutExpired:
        pytest.fail("reconcile run blocked on a named pipe")
    assert proc.returncode == 1
    assert str(pipe) in proc.stderr
