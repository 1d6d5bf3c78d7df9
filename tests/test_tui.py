"""The review app, driven headless with Textual's pilot: decisions made in the app land in
the review log at once, survive a re-run on a grown corpus, and the app shows them again.

The articles below are written for these tests (none of their sentences come from the seeds).
pytest-asyncio is not a dependency: each test runs its coroutine with ``asyncio.run``."""
from __future__ import annotations

import asyncio
import json
import shutil

import pytest
import yaml
from bidi import algorithm, get_display
from conftest import SEEDS
from typer.testing import CliRunner

from reconcile.cli import app as cli
from reconcile.review.app import ReviewApp
from reconcile.review.bidi import visual_order
from reconcile.review.keys import KEYS
from reconcile.review.log import ReviewLog, review_path
from reconcile.review.screens import ArticleScreen, FormScreen, HelpScreen
from reconcile.review.settings import settings_file
from reconcile.review.widgets import BidiText, FactTable

# The 30 Dec 2021 Biden–Putin call; the seeds say 50 minutes, this says 40.
FORTY = """بايدن وبوتين يتحادثان هاتفيا قبيل نهاية العام

واشنطن - مراسلنا

ذكر مسؤول في البيت الأبيض أن الرئيس الأمريكي جو بايدن تحدث مع الرئيس الروسي فلاديمير بوتين عبر الهاتف مساء الخميس لمدة 40 دقيقة، وتناول الحديث الحشود العسكرية قرب الحدود الأوكرانية.

وأوضح المسؤول أن الجانبين عبّرا عن رغبتهما في خفض التوتر.
"""

# Another outlet, another event: a Blinken–Kuleba call on 3 Jan 2022.
KYIV = """بلينكن يبحث مع كوليبا الوضع على الحدود

كييف - وكالات

أجرى وزير الخارجية الأمريكي أنطوني بلينكن اتصالا هاتفيا مع وزير الخارجية الأوكراني دميترو كوليبا يوم الاثنين 3 يناير 2022، ودام الاتصال ساعة كاملة بحسب بيان للخارجية الأوكرانية.
"""

NOTE = "checked with the White House readout"
SIZE = (160, 45)
runner = CliRunner()


def _add(corpus, name: str, text: str, outlet: str, published: str) -> None:
    (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    manifest = yaml.safe_load((corpus / "sources.yaml").read_text(encoding="utf-8"))
    manifest[f"{name}.txt"] = {"outlet": outlet, "language": "ar", "published": published, "url": None}
    (corpus / "sources.yaml").write_text(yaml.safe_dump(manifest, allow_unicode=True), encoding="utf-8")


def _run(corpus, out) -> dict:
    res = runner.invoke(cli, ["run", str(corpus), "--out", str(out)])
    assert res.exit_code == 0, res.output
    return json.loads((out / "corpus.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Seeds + the 40-minute article, run once for the module."""
    base = tmp_path_factory.mktemp("tui")
    corpus = base / "corpus"
    shutil.copytree(SEEDS, corpus)
    _add(corpus, "900_forty", FORTY, "Gulf Test Daily", "2021-12-31")
    _run(corpus, base / "out")
    return base


@pytest.fixture()
def case(built, tmp_path, monkeypatch):
    """A private copy of the corpus and report (each test has its own review log), and a
    private settings folder."""
    monkeypatch.setenv("RECONCILE_CONFIG_DIR", str(tmp_path / "config"))
    shutil.copytree(built / "corpus", tmp_path / "corpus")
    shutil.copytree(built / "out", tmp_path / "out")
    return tmp_path


def _app(report) -> ReviewApp:
    data = json.loads(report.read_text(encoding="utf-8"))
    return ReviewApp(report, data, ReviewLog(review_path(report)))


def _row_state(app: ReviewApp, row) -> str:
    return str(app.query_one(FactTable).get_cell(row.key, "review"))


def _errors(app: ReviewApp) -> list[str]:
    return [n.message for n in app._notifications if n.severity == "error"]


def _conflicts(report: dict):
    return [(ev, f) for ev in report["events"] for f in ev["facts"] if f["status"] == "conflict"]


async def _resolve_first_conflict(report) -> None:
    app = _app(report)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.current is app.shown[0] and app.current.fact["status"] == "conflict"
        await pilot.press("r")
        assert isinstance(app.screen, FormScreen)
        await pilot.press("1", "tab", "tab", *NOTE, "enter")
        await pilot.pause()
        assert not isinstance(app.screen, FormScreen)
        await pilot.press("q")


# --------------------------------------------------------------------------- 1
def test_the_added_article_makes_exactly_one_conflict(built):
    report = json.loads((built / "out" / "corpus.json").read_text(encoding="utf-8"))
    assert report["summary"]["facts"]["conflict"] == 1
    [(ev, fact)] = _conflicts(report)
    assert fact["fact"] == "duration"
    assert {"Joe Biden", "Vladimir Putin"} <= set(ev["participants"])
    assert ev["date"] == {"start": "2021-12-30", "end": "2021-12-30"}
    assert sorted(c["value"]["minutes"]["min"] for c in fact["claims"]) == [40, 50]


# --------------------------------------------------------------------------- 2
def test_resolve_is_saved_and_shown_again(case):
    report = case / "out" / "corpus.json"
    asyncio.run(_resolve_first_conflict(report))

    [(_, fact)] = _conflicts(json.loads(report.read_text(encoding="utf-8")))
    lines = review_path(report).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    d = json.loads(lines[0])
    assert d["action"] == "resolve" and d["note"] == NOTE
    assert d["right_claim"] == fact["claims"][0]["id"] and d["value"] == fact["claims"][0]["value"]

    async def reopen():
        app = _app(report)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            row = app.shown[0]
            assert row.fact["id"] == fact["id"]
            assert _row_state(app, row) == "resolved"
            review = str(app.query_one("#review").content)
            assert "resolved" in review and NOTE in review
    asyncio.run(reopen())


# --------------------------------------------------------------------------- 3
def test_resolution_survives_a_rerun_on_a_grown_corpus(case):
    report = case / "out" / "corpus.json"
    asyncio.run(_resolve_first_conflict(report))
    _add(case / "corpus", "910_kyiv", KYIV, "Kyiv Test Post", "2022-01-04")
    again = _run(case / "corpus", case / "out")

    [(_, fact)] = _conflicts(again)
    assert fact["review"]["decision"] == "resolved" and fact["review"]["note"] == NOTE
    new = [c for ev in again["events"] for f in ev["facts"] for c in f["claims"] if c["doc"] == "910_kyiv"]
    assert new and {c["outlet"] for c in new} == {"Kyiv Test Post"}
    assert any(c["value"] == {"date": {"start": "2022-01-03", "end": "2022-01-03"}} for c in new)


# --------------------------------------------------------------------------- 4
def test_dismiss_without_a_reason_records_nothing(case):
    report = case / "out" / "corpus.json"
    log_file = review_path(report)

    async def go():
        app = _app(report)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            await pilot.press("d")
            assert isinstance(app.screen, FormScreen)
            await pilot.press("tab", *"a note", "enter")
            await pilot.pause()
            assert "a dismissal needs a reason" in _errors(app)
            assert isinstance(app.screen, FormScreen)          # still open, the note kept
            assert app.screen.values() == {"reason": "", "note": "a note"}
            assert app.focused.id == "field-reason"
            assert _row_state(app, app.shown[0]) == "open"
    asyncio.run(go())
    assert not log_file.exists()


# --------------------------------------------------------------------------- 5
def test_bidi_setting_is_remembered(case):
    report = case / "out" / "corpus.json"
    assert settings_file() == case / "config" / "tui.json"

    async def toggle():
        app = _app(report)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert not app.bidi
            await pilot.press("b")
            await pilot.pause()
            assert app.bidi
            # the detail now draws each wrapped line of Arabic in display order
            sentence = app.query(BidiText).filter(".sentence").first()
            assert sentence.bidi
            start, end, text = sentence.lines(sentence.size.width)[0]
            assert text.plain.strip() != sentence.text[start:end].strip()
    asyncio.run(toggle())
    assert json.loads((case / "config" / "tui.json").read_text(encoding="utf-8"))["bidi"] is True

    async def restart():
        app = _app(report)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert app.bidi and app.query(BidiText).filter(".sentence").first().bidi
    asyncio.run(restart())


def test_reordering_keeps_python_bidi_order():
    """The highlight needs each character's index, so the app runs python-bidi's algorithm
    step by step; it must give what its get_display gives (the Python one: the Rust one
    leaves brackets unmirrored, so "(المتحدث)" would show as ")ثدحتملا(")."""
    no_brackets = str.maketrans("", "", "()«»")
    for line in ("استغرقت 50 دقيقة وفق بيان للبيت الأبيض.", "قال بيسكوف (المتحدث) إن CNN أخطأت في 20:35",
                 "Al Khaleej: «40 دقيقة»"):
        for rtl, base in ((True, "R"), (False, "L")):
            ours = "".join(ch for _, ch in visual_order(line, rtl))
            assert ours == algorithm.get_display(line, base_dir=base)
            assert ours.translate(no_brackets) == get_display(line, base_dir=base).translate(no_brackets)


# --------------------------------------------------------------------------- 6
def test_undo_takes_a_confirmation_back(case):
    report = case / "out" / "corpus.json"

    async def go():
        app = _app(report)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            row = app.shown[0]
            await pilot.press("c")
            await pilot.pause()
            assert [d.action for d in app.review_log.effective()] == ["confirm"]
            assert _row_state(app, row) == "confirmed"
            await pilot.press("u")
            await pilot.pause()
            assert app.review_log.effective() == []
            assert _row_state(app, row) == "open"
    asyncio.run(go())
    actions = [json.loads(line)["action"] for line in review_path(report).read_text(encoding="utf-8").splitlines()]
    assert actions == ["confirm", "undo"]


# --------------------------------------------------------------------------- 7
def test_help_lists_every_key_and_the_article_view_highlights_the_claim(case):
    report = case / "out" / "corpus.json"

    async def go():
        app = _app(report)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            help_text = str(app.screen.query_one("#help-text").content)
            for _, keys in KEYS:
                for key, what in keys:
                    assert key in help_text and what in help_text
            bound = {b.key for b in app.BINDINGS}
            for key in ("c", "d", "r", "m", "g", "s", "u", "a", "b", "e", "o", "n", "x", "q", "1", "2", "3", "0"):
                assert key in bound and f"  {key} " in help_text
            await pilot.press("escape")
            assert not isinstance(app.screen, HelpScreen)

            await pilot.press("right")          # the second claim: the 40-minute article
            claim = app.chosen_claim()
            assert claim["doc"] == "900_forty"
            await pilot.press("a")
            await pilot.pause()
            assert isinstance(app.screen, ArticleScreen)
            article = app.screen.query_one("#article", BidiText)
            assert article.text == FORTY
            s, e, style = article.spans[-1]
            assert article.text[s:e] == claim["text"] == "40 دقيقة"
            assert s == claim["span"][0]
            await pilot.press("escape")
            assert not isinstance(app.screen, ArticleScreen)
    asyncio.run(go())


def test_app_opens_a_report_without_published_outlet_or_url(tmp_path):
    """Documents with no manifest: no `published`, `outlet` or `url`; the app opens, moves through
    the facts, shows each claim and its article."""
    corpus = tmp_path / "bare"
    corpus.mkdir()
    (corpus / "a.txt").write_text(FORTY, encoding="utf-8")
    (corpus / "b.txt").write_text(KYIV, encoding="utf-8")
    out = tmp_path / "out"
    res = runner.invoke(cli, ["run", str(corpus), "--out", str(out)])
    assert res.exit_code == 0, res.output
    path = out / "bare.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    for d in data["documents"]:
        d["published"] = d["outlet"] = d["url"] = None
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    async def go():
        app = ReviewApp(path, data, ReviewLog(review_path(path)), settings_path=tmp_path / "s.json")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert app.current is not None
            for key in ("down", "right", "left", "down", "up", "enter"):
                await pilot.press(key)
                await pilot.pause()
            assert isinstance(app.screen, ArticleScreen)
            await pilot.press("escape")
            await pilot.pause()
            assert app.is_running
    asyncio.run(go())
