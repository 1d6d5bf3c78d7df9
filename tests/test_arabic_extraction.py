"""What Arabic articles write about a call's length, time and initiator, read in context:
the cue inside a rule ("لأكثر من ساعة"), lengths that are not the call's ("استراحة 15
دقيقة"), and clock readings that do not say morning or evening."""
from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from reconcile.dimensions.clock_time import to_utc
from reconcile.entities.gazetteer import gazetteer
from reconcile.entities.registry import EntityRegistry
from reconcile.extract import extract_document, language_context
from reconcile.records import Document


def _claims(text: str, fact: str) -> list:
    d = Document(id="t", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                 language="ar", published="2023-04-20")
    ex = extract_document(d, language_context("ar"), EntityRegistry(gazetteer()))
    return [c for c in ex.claims if c.fact == fact]


def _minutes(text: str) -> list[tuple[float, float]]:
    return [(c.value["minutes"]["min"], c.value["minutes"]["max"]) for c in _claims(text, "duration")]


@pytest.mark.parametrize(("text", "expected"), [
    ("وتحادث أردوغان وماكرون لأكثر من ساعتين عبر الهاتف.", [(120, 180)]),
    ("واجتمع الوزيران لساعة كاملة في أنقرة.", [(60, 63)]),
    ("وأمضى الرئيس ساعتين على الهاتف مع نظيره الإيطالي.", [(120, 120)]),
    ("وبعد أربع ساعات من المفاوضات أعلن الجانبان التوصل إلى تفاهم.", [(240, 240)]),
    ("وانتهت القمة بعد 50 دقيقة من انطلاقها.", [(50, 50)]),
    ("واستمر اللقاء ثلاث ساعات تخللتها استراحة 15 دقيقة.", [(180, 180)]),
])
def test_lengths_read_with_their_cue(text, expected):
    assert _minutes(text) == expected


@pytest.mark.parametrize("text", [
    "واتفق الطرفان في الاتصال الهاتفي على هدنة لمدة ثلاثة أيام.",
    "وأجرى الرئيسان اتصالا هاتفيا استمر يوم الخميس.",
    "واستمرت المحادثات ساعات دون نتيجة.",
    "وعقد الاجتماع بعد ساعات من المحادثات الهاتفية.",
    "وأمهلت الحكومة المحتجين لثلاثة أيام قبل الاجتماع.",
])
def test_lengths_that_are_not_the_event_s(text):
    assert _minutes(text) == []


def test_a_bare_twelve_hour_reading_spans_morning_and_evening():
    [c] = _claims("وبدأ الاتصال الساعة الخامسة بتوقيت أنقرة.", "start_time")
    span = to_utc(c.local_time, dt.date(2023, 4, 18))
    assert span == {"start": "2023-04-18T02:00Z", "end": "2023-04-18T14:00Z"}


def test_a_comma_clock_with_its_gmt_restatement_agree():
    got = [to_utc(c.local_time, dt.date(2023, 7, 6))
           for c in _claims("وبدأ الاتصال الساعة 9,05 بتوقيت واشنطن (13,05 ت غ).", "start_time")]
    # the bracketed restatement is the same moment: one claim, the reading that names UTC
    assert got == [{"start": "2023-07-06T13:05Z", "end": "2023-07-06T13:05Z"}]


@pytest.mark.parametrize(("text", "entity"), [
    ("وقال الكرملين إن ألمانيا هي من طلبت المحادثة الهاتفية.", "germany"),
    ("وطلب الرئيس التركي إجراء اتصال هاتفي مع نظيره الروسي.", None),
    ("وتلقى بوتين اتصالا هاتفيا من أردوغان.", "erdogan"),
])
def test_who_asked_for_the_call(text, entity):
    got = [c.value["entity"] for c in _claims(text, "initiator")]
    if entity is None:
        assert len(got) == 1
    else:
        assert len(got) == 1 and entity in got[0].lower()
