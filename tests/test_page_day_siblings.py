"""Other news of the same story on an undated page (texts written for these tests): once the
page's main event is placed among the run's events, an event it reports alongside with no day of
its own ("... also said that Macron held a call with Lula") is on that day when several events
of the same people fit it; a recalled one ("their last call") or an announced one ("will
speak") is not, nor one its March outlet says lasted otherwise; a dated page is left as it was."""
from __future__ import annotations

from conftest import report_of_corpus

import reconcile.pipeline as pipeline
from reconcile.report.writer import dumps

MODI_MARCH = """Macron and Modi discuss trade

French President Emmanuel Macron held a phone call with Indian Prime Minister Narendra Modi on Tuesday to discuss trade and defence.
"""

LULA_MARCH = """Macron, Lula talk climate

French President Emmanuel Macron spoke by phone with Brazilian President Luiz Inacio Lula da Silva on Tuesday about climate finance and the Amazon fund.
"""

LULA_MAY = """Macron and Lula speak again

Brazilian President Luiz Inacio Lula da Silva received a telephone call from Emmanuel Macron on Tuesday, his office said. The call lasted 25 minutes.
"""

# undated: the Modi call is dated by its weekday among the run's events; the Lula call says no day
UNDATED = """Macron holds calls with Modi and Lula

The Elysee said on Tuesday that French President Emmanuel Macron held a phone call with Indian Prime Minister Narendra Modi that lasted 40 minutes.

The Elysee also said that Macron held a phone call with Brazilian President Luiz Inacio Lula da Silva that lasted about an hour.
"""

AR_MODI_MARCH = """ماكرون ومودي يبحثان التجارة

أجرى الرئيس الفرنسي إيمانويل ماكرون اتصالا هاتفيا مع رئيس الوزراء الهندي ناريندرا مودي يوم الثلاثاء بحثا خلاله التجارة والدفاع.
"""

AR_LULA_MARCH = """ماكرون ولولا دا سيلفا يبحثان المناخ

أجرى الرئيس الفرنسي إيمانويل ماكرون اتصالا هاتفيا مع الرئيس البرازيلي لولا دا سيلفا يوم الثلاثاء حول تمويل المناخ وصندوق الأمازون.
"""

AR_LULA_MAY = """اتصال جديد بين ماكرون ولولا دا سيلفا

تلقى الرئيس البرازيلي لولا دا سيلفا اتصالا هاتفيا من الرئيس الفرنسي إيمانويل ماكرون يوم الثلاثاء، استمر 25 دقيقة.
"""

AR_UNDATED = """ماكرون يتصل بمودي ولولا دا سيلفا

أعلن قصر الإليزيه يوم الثلاثاء عن اتصال هاتفي بين الرئيس الفرنسي إيمانويل ماكرون ورئيس الوزراء الهندي ناريندرا مودي استمر 40 دقيقة.

كما أكد الإليزيه أن ماكرون أجرى اتصالا مع الرئيس البرازيلي لولا دا سيلفا استمر نحو ساعة.
"""

RUNS = {
    "en": {"modi": (MODI_MARCH, "2024-03-05"), "lula_march": (LULA_MARCH, "2024-03-05"),
           "lula_may": (LULA_MAY, "2024-05-14")},
    "ar": {"modi": (AR_MODI_MARCH, "2024-03-05"), "lula_march": (AR_LULA_MARCH, "2024-03-05"),
           "lula_may": (AR_LULA_MAY, "2024-05-14")},
}
UNDATED_PAGE = {"en": UNDATED, "ar": AR_UNDATED}
# what turns the Lula call into one the page recalls, or one it announces
RECALLED = {"en": ("Macron held a phone call with", "Macron's last phone call with"),
            "ar": ("أجرى اتصالا مع", "أجرى اتصاله الماضي مع")}
ANNOUNCED = {"en": ("held a phone call with Brazilian President Luiz Inacio Lula da Silva that lasted about an hour",
                    "will hold a phone call with Brazilian President Luiz Inacio Lula da Silva"),
             "ar": ("أجرى اتصالا مع الرئيس البرازيلي لولا دا سيلفا استمر نحو ساعة",
                    "سيجري اتصالا مع الرئيس البرازيلي لولا دا سيلفا")}


def _report(tmp_path, lang, page, published=None, runs=None):
    return report_of_corpus(tmp_path, dict(runs or RUNS[lang], page=(page, published)), "siblings")


def _lula_events(report):
    return [ev for ev in report["events"] if any("Lula" in p for p in ev["participants"])]


def _page_durations(ev):
    return [c["value"]["minutes"] for f in ev["facts"] if f["fact"] == "duration"
            for c in f["claims"] if c["doc"] == "page"]


def _lula_on(report, day):
    return [ev for ev in _lula_events(report) if ev["date"] and ev["date"]["start"] == day]


def test_the_news_reported_alongside_is_on_the_page_s_day(tmp_path):
    for lang in ("en", "ar"):
        run = tmp_path / lang
        run.mkdir()
        report = _report(run, lang, UNDATED_PAGE[lang])
        (march,) = _lula_on(report, "2024-03-05")
        assert "page" in march["documents"], lang
        assert _page_durations(march), lang           # its "about an hour" is filed there
        (may,) = _lula_on(report, "2024-05-14")
        assert "page" not in may["documents"], lang
        # the 25 minutes of May are another call's: no conflict with "about an hour"
        assert all(f["status"] != "conflict" for ev in report["events"] for f in ev["facts"]), lang


def test_a_recalled_call_does_not_take_the_page_s_day(tmp_path):
    for lang in ("en", "ar"):
        run = tmp_path / lang
        run.mkdir()
        report = _report(run, lang, UNDATED_PAGE[lang].replace(*RECALLED[lang]))
        assert all(not _page_durations(ev) for ev in _lula_on(report, "2024-03-05")), lang


def test_an_announced_call_does_not_take_the_page_s_day(tmp_path):
    for lang in ("en", "ar"):
        run = tmp_path / lang
        run.mkdir()
        report = _report(run, lang, UNDATED_PAGE[lang].replace(*ANNOUNCED[lang]))
        assert all("page" not in ev["documents"] for ev in _lula_on(report, "2024-03-05")), lang


def test_without_the_page_s_day_the_call_joins_neither(tmp_path):
    # the main call is not placed on any day (no Modi call in the run): nothing to go by
    for lang in ("en", "ar"):
        run = tmp_path / lang
        run.mkdir()
        without_modi = {doc: v for doc, v in RUNS[lang].items() if doc != "modi"}
        report = _report(run, lang, UNDATED_PAGE[lang], runs=without_modi)
        dated = [ev for ev in _lula_events(report) if ev["date"]]
        assert all("page" not in ev["documents"] for ev in dated), lang


def test_a_dated_page_is_left_as_it_was(tmp_path, monkeypatch):
    for lang in ("en", "ar"):
        with_it = tmp_path / f"{lang}-with"
        without = tmp_path / f"{lang}-without"
        with_it.mkdir()
        without.mkdir()
        report = _report(with_it, lang, UNDATED_PAGE[lang], "2024-03-06")
        with monkeypatch.context() as m:
            m.setattr(pipeline, "place_on_page_day", lambda grouper, clusters, exs: clusters)
            plain = _report(without, lang, UNDATED_PAGE[lang], "2024-03-06")
        assert dumps(_stable(report)) == dumps(_stable(plain)), lang


def _stable(report):
    """The report without what names the run's folder."""
    report = dict(report, corpus=None)
    report["documents"] = [dict(d, path=None) for d in report["documents"]]
    return report


# what makes the March call another one than the page's: its outlet gives another length
SHORT_MARCH = {"en": (LULA_MARCH, LULA_MARCH.rstrip() + " The call lasted 20 minutes.\n"),
               "ar": (AR_LULA_MARCH, AR_LULA_MARCH.replace("حول تمويل", "استمر 20 دقيقة حول تمويل"))}


def test_a_call_said_to_last_otherwise_there_is_not_joined(tmp_path, monkeypatch):
    # "about an hour" against 20 minutes: another call of the same people, not a conflict
    for lang in ("en", "ar"):
        run = tmp_path / lang
        run.mkdir()
        text, short = SHORT_MARCH[lang]
        monkeypatch.setitem(RUNS[lang], "lula_march", (short, "2024-03-05"))
        report = _report(run, lang, UNDATED_PAGE[lang])
        (march,) = _lula_on(report, "2024-03-05")
        assert "page" not in march["documents"], lang
        assert all(f["status"] != "conflict" for ev in report["events"] for f in ev["facts"]), lang
