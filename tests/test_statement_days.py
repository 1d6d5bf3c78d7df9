"""The day a statement was made is not the day of the event it reports, whatever the word
order: "..., an aide said on Friday", "said in a statement on Friday", "أعلن المكتب يوم الجمعة
أن ..." (texts written for these tests)."""
from __future__ import annotations

from conftest import report_of_article


def _report(tmp_path, text, published):
    return report_of_article(tmp_path, text, published, "statements")


def _by_day(report):
    return {(ev["date"] or {}).get("start"): ev for ev in report["events"]}


def _facts(ev):
    return {f["fact"] for f in ev["facts"]}


SAID_AT_THE_END = """Scholz and Kishida discuss trade by phone

German Chancellor Olaf Scholz spoke with Japanese Prime Minister Fumio Kishida on Monday evening.

The call lasted 45 minutes and began at 6 p.m. Berlin time, a government spokesman said on Tuesday.
"""

IN_A_STATEMENT = """Sanchez and Erdogan talk migration

Spanish Prime Minister Pedro Sanchez held a phone call with Turkish President Recep Tayyip Erdogan on Monday.

The conversation lasted 40 minutes, the Moncloa said in a statement on Wednesday.
"""

ARABIC_VERB_THEN_DAY = """السيسي وماكرون يبحثان هاتفيا الأوضاع الإقليمية

أجرى الرئيس المصري عبد الفتاح السيسي اتصالا هاتفيا مع الرئيس الفرنسي إيمانويل ماكرون مساء الثلاثاء.

وأعلن المكتب يوم الخميس أن الاتصال استمر نحو 40 دقيقة.
"""

ARABIC_IN_A_STATEMENT = """أردوغان وشي يبحثان هاتفيا العلاقات الثنائية

أجرى الرئيس التركي رجب طيب أردوغان اتصالا هاتفيا مع الرئيس الصيني شي جين بينغ يوم الاثنين.

وقالت الرئاسة التركية في بيان يوم الأربعاء إن الاتصال استمر ساعة كاملة.
"""


def test_a_statement_day_after_the_clause_does_not_open_a_new_event(tmp_path):
    by_day = _by_day(_report(tmp_path, SAID_AT_THE_END, "2024-02-06"))
    assert list(by_day) == ["2024-02-05"], list(by_day)
    assert {"duration", "start_time"} <= _facts(by_day["2024-02-05"])


def test_said_in_a_statement_on_a_day_dates_the_statement(tmp_path):
    by_day = _by_day(_report(tmp_path, IN_A_STATEMENT, "2024-02-07"))
    assert list(by_day) == ["2024-02-05"], list(by_day)
    assert "duration" in _facts(by_day["2024-02-05"])


def test_arabic_statement_days_do_not_date_the_call(tmp_path):
    for name, text, published, day in (("verb", ARABIC_VERB_THEN_DAY, "2024-05-09", "2024-05-07"),
                                       ("statement", ARABIC_IN_A_STATEMENT, "2024-05-08", "2024-05-06")):
        folder = tmp_path / name
        folder.mkdir()
        by_day = _by_day(_report(folder, text, published))
        assert list(by_day) == [day], (name, list(by_day))
        assert "duration" in _facts(by_day[day])

