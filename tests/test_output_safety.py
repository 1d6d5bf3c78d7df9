"""Hostile text in, safe output out: Markdown with no raw HTML, no link to a disallowed scheme,
no control characters; terminal output (show, review --list, claims, stderr) with every escape
sequence shown visibly; standard JSON.  The payloads are written for these tests."""
from __future__ import annotations

import json
import re

import pytest
import yaml
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from reconcile.cli import app as cli
from reconcile.report.format import md_code, md_link, md_text, terminal_safe

PAYLOADS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[click](javascript:alert(1))",
    "javascript:alert(1)", "\n# FORGED HEADING\n", "`code` ``break`` ```", "a | b | c", "*bold* _em_ ~~del~~",
    "\x1b]52;c;ZXZpbA==\x07", "\x1b]8;;https://evil.example\x07link\x1b]8;;\x07", "\x1b[2J\x1b[H", "\x9b31m",
    "\u202egnp.exe", "&lt;script&gt;", "<!-- comment -->", "![img](https://evil.example/x.png)",
    "data:text/html,<b>x</b>", "vbscript:msgbox", "\r\nerror: forged", "\\", "<https://ok.example>",
]
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
MD = MarkdownIt("commonmark").enable("table")


def unsafe_markdown(md: str) -> list[str]:
    """What a renderer would make of the Markdown that it must not: raw HTML, links (and
    images) to schemes other than http, https and mailto, and control characters."""
    bad = [f"control {c!r}" for c in CONTROL.findall(md)]
    for tok in MD.parse(md):
        for t in [tok, *(tok.children or [])]:
            if t.type in ("html_inline", "html_block"):
                bad.append(f"html {t.content!r}")
            href = t.attrGet("href") or t.attrGet("src")
            if href and not re.match(r"(https?|mailto):", str(href), re.I):
                bad.append(f"link {href!r}")
    return bad


@pytest.mark.parametrize("payload", PAYLOADS)
def test_escapers_contain_each_payload(payload):
    for md in (md_text(payload), md_code(payload), md_code(payload, in_table=True), md_link(payload, payload),
               md_link("x", payload), f"| {md_text(payload)} | {md_code(payload, True)} |\n|---|---|\n"):
        assert not unsafe_markdown("- " + md), (payload, md)
        assert "\n" not in md.rstrip("\n").split("\n|---")[0]
    assert not CONTROL.search(terminal_safe(payload)) and "\n" not in terminal_safe(payload)
    # a code span keeps its text whole: no backtick inside closes it
    spans = [t for tok in MD.parse(md_code(payload)) for t in tok.children or [] if t.type == "code_inline"]
    assert len(spans) == 1 if payload.strip() else True


def test_allowed_link_stays_a_link_and_others_do_not():
    assert md_link("read", "https://news.example/a b") == "[read](https://news.example/a%20b)"
    assert md_link("x", "JavaScript:alert(1)").startswith("x (JavaScript:")
    assert terminal_safe("\x1b]52;c;e\x07") == "\\x1b]52;c;e\\x07"


def _hostile_corpus(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    evil = "<script>x</script> \x1b]52;c;ZXZpbA==\x07 [a](javascript:alert(1)) `tick` | pipe \u202e"
    text = (f"Joe Biden and Vladimir Putin held a phone call on Thursday. {evil}\n\n"
            "The call lasted 50 minutes, the Kremlin said.\n")
    (corpus / "one.txt").write_text(text, encoding="utf-8")
    (corpus / "two.txt").write_text(text.replace("50 minutes", "40 minutes"), encoding="utf-8")
    (corpus / "sources.yaml").write_text(yaml.safe_dump({
        "one.txt": {"outlet": f"Outlet {evil}", "language": "en", "published": "2021-12-31",
                    "url": "javascript:alert(document.cookie)"},
        "two.txt": {"outlet": "Outlet\n# HEADING", "language": "en", "published": "2021-12-31",
                    "url": "https://news.example/two"}}), encoding="utf-8")
    return corpus


def test_hostile_corpus_gives_safe_markdown_terminal_and_json(tmp_path):
    corpus, out = _hostile_corpus(tmp_path), tmp_path / "out"
    runner = CliRunner()
    res = runner.invoke(cli, ["run", str(corpus), "--out", str(out)])
    assert res.exit_code == 0, res.output
    md = (out / "c.md").read_text(encoding="utf-8")
    assert not unsafe_markdown(md)
    assert not re.search(r"^# HEADING", md, re.M)
    data = json.loads((out / "c.json").read_text(encoding="utf-8"),
                      parse_constant=lambda c: pytest.fail(f"non-standard JSON {c}"))
    report = str(out / "c.json")
    conflict = next(f for ev in data["events"] for f in ev["facts"] if f["fact"] == "duration")
    for args in (["show", report], ["review", report, "--list"], ["claims", str(corpus)]):
        shown = runner.invoke(cli, args)
        assert shown.exit_code == 0, shown.output
        assert not CONTROL.search(shown.output), args
        assert "\\x1b]52" in shown.output or args[0] != "show"
    res = runner.invoke(cli, ["decide", conflict["id"], "-r", report, "--dismiss", "--reason", "<b>x</b>\x1b[2J",
                              "--note", "`n`\n# NOTE", "--link", "javascript:alert(1)"])
    assert res.exit_code == 0, res.output
    assert runner.invoke(cli, ["run", str(corpus), "--out", str(out)]).exit_code == 0
    md = (out / "c.md").read_text(encoding="utf-8")
    assert "Reviewed: dismissed" in md and not unsafe_markdown(md)
    listed = runner.invoke(cli, ["review", report, "--list"]).output
    assert "\\x1b[2J" in listed and not CONTROL.search(listed)


def test_a_file_name_with_a_newline_cannot_forge_an_error_line(tmp_path):
    import contextlib
    import io

    from reconcile.cli import err as _err
    buf = io.StringIO()
    with contextlib.redirect_stderr(buf):
        _err("warning: bad\nerror: forged \x1b]8;;x\x07")
    assert buf.getvalue().count("\n") == 1 and "\\x0a" in buf.getvalue() and "\x1b" not in buf.getvalue()


def test_bounded_evidence_excerpt_and_arabic_weekday_is_not_a_duration(tmp_path):
    from reconcile.extract.sentences import EXCERPT_CHARS
    corpus = tmp_path / "long"
    corpus.mkdir()
    filler = " ".join(["كلمة"] * 20000)
    (corpus / "a.txt").write_text(f"{filler} تحدث بايدن مع بوتين هاتفيا واستمر 50 دقيقة يوم الخميس {filler}",
                                  encoding="utf-8")
    out = tmp_path / "out"
    assert CliRunner().invoke(cli, ["run", str(corpus), "--out", str(out)]).exit_code == 0
    data = json.loads((out / "long.json").read_text(encoding="utf-8"))
    claims = [c for ev in data["events"] for f in ev["facts"] for c in f["claims"]]
    for c in claims:
        assert len(c["sentence"]) <= EXCERPT_CHARS + 10 and c["text"] in c["sentence"]
    durations = [c["value"]["minutes"] for c in claims if "minutes" in c["value"]]
    assert all(d["max"] < 1440 for d in durations), durations
    assert (out / "long.json").stat().st_size < 200_000
