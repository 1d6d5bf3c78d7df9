"""Event grouping, round three (texts written for these tests): which of several events an
imprecisely dated article's event is, from evidence beyond a full date: the weekday it names,
the events the article itself tells apart, the states that stand for the people, how it was
held, and a clause that tells an earlier contact."""
from __future__ import annotations

from test_grouping_dates import _corpus, _events_of, _values

# Two Modi–Meloni calls: Tuesday 4 June 2024 and Friday 7 June 2024.
TUESDAY_CALL = """Modi and Meloni discuss trade by phone

Indian Prime Minister Narendra Modi and Italian Prime Minister Giorgia Meloni spoke by phone on Tuesday, June 4, 2024. The call lasted 40 minutes.
"""
FRIDAY_CALL = """Modi, Meloni speak again

Narendra Modi held a phone call with Giorgia Meloni on Friday, June 7, 2024. The call lasted 25 minutes.
"""


def _event_with(report, doc, other):
    return [ev for ev in _events_of(report, doc) if other in ev["documents"]]


def test_spoke_on_a_weekday_dates_the_call_a_statement_day_placed_first(tmp_path):
    later = """Rome says India asked for the Modi call

Rome said on Friday that it was India that asked for Prime Minister Narendra Modi to speak by phone with Prime Minister Giorgia Meloni.
The two leaders spoke on Tuesday and discussed shipping.
"""
    rep = _corpus(tmp_path, {"tue": (TUESDAY_CALL, "2024-06-04"), "later": (later, "2024-06-07")})
    ev = _event_with(rep, "later", "tue")
    assert ev and ev[0]["date"]["start"] == "2024-06-04", [(e["id"], e["date"], e["documents"]) for e in rep["events"]]
    assert _values(ev[0], "medium", "later") == ["{'medium': 'phone'}"]


def test_an_undated_page_does_not_join_the_event_it_dates_apart(tmp_path):
    # the page's own call is undated; the call it recalls (4 June) is another event
    undated = """اتصال جديد بين مودي وميلوني

تحدث رئيس الوزراء الهندي ناريندرا مودي ونظيرته الإيطالية جورجيا ميلوني هاتفيا واستمر الاتصال نصف ساعة.
وكان الاتصال قد جرى في 4 يونيو 2024 بحسب البيان.
"""
    rep = _corpus(tmp_path, {"tue": (TUESDAY_CALL, "2024-06-04"), "undated": (undated, None)})
    tue = _event_with(rep, "tue", "tue")[0]
    assert _values(tue, "duration", "undated") == [], "the undated call's length went to the event it recalls"


def test_two_weekdays_pick_the_event_that_fits_one_of_them(tmp_path):
    # "on Wednesday" is the day Rome spoke, "Friday" the call's: no one day fits both
    page = """روما - رويترز
نقلت وكالة الأنباء الإيطالية (آكي) عن مكتب رئيسة الوزراء، الأربعاء، أن مودي وميلوني قد يتحدثان هاتفيا مرة أخرى.
وتحدث مودي وميلوني لنحو ساعة عبر الهاتف، الجمعة، في ثاني اتصال بينهما.
"""
    rep = _corpus(tmp_path, {"tue": (TUESDAY_CALL, "2024-06-04"), "fri": (FRIDAY_CALL, "2024-06-07"),
                             "page": (page, None)})
    ev = _event_with(rep, "page", "fri")
    assert ev and _values(ev[0], "duration", "page"), [(e["id"], e["date"], e["documents"]) for e in rep["events"]]


def test_the_states_of_the_two_leaders_find_the_event_of_the_leaders(tmp_path):
    page = """أجرى رئيسا وزراء الهند وإيطاليا محادثة هاتفية يوم الجمعة، استمرت قرابة نصف ساعة.
"""
    rep = _corpus(tmp_path, {"tue": (TUESDAY_CALL, "2024-06-04"), "fri": (FRIDAY_CALL, "2024-06-07"),
                             "page": (page, None)})
    ev = _event_with(rep, "page", "fri")
    assert ev and _values(ev[0], "duration", "page"), [(e["id"], e["date"], e["documents"]) for e in rep["events"]]


def test_a_summit_by_video_is_not_the_meeting_held_face_to_face(tmp_path):
    in_person = """Erdogan and Sisi meet in Ankara

Turkish President Recep Tayyip Erdogan met Egyptian President Abdel Fattah el-Sisi in person in Ankara on Tuesday, June 4, 2024.
"""
    by_video = """Erdogan, Sisi hold virtual summit

Recep Tayyip Erdogan and Abdel Fattah el-Sisi met in a virtual summit on Tuesday, June 11, 2024. The video summit lasted two hours.
"""
    page = """التقى الرئيس التركي رجب طيب أردوغان والرئيس المصري عبد الفتاح السيسي في قمة افتراضية، استمرت أكثر من ساعتين مساء الثلاثاء.
"""
    rep = _corpus(tmp_path, {"ankara": (in_person, "2024-06-04"), "video": (by_video, "2024-06-11"),
                             "page": (page, None)})
    assert _event_with(rep, "page", "video"), [(e["id"], e["date"], e["documents"]) for e in rep["events"]]
    assert not _event_with(rep, "page", "ankara")


def test_a_clause_after_first_since_tells_the_earlier_contact(tmp_path):
    page = """وتحدث مودي وميلوني لنحو نصف ساعة عبر الهاتف، الجمعة، وهو أول اتصال بين الزعيمين، منذ أن اتصلت ميلوني بمودي لتهنئته بعد فرز الأصوات في مارس/آذار 2024.
"""
    rep = _corpus(tmp_path, {"tue": (TUESDAY_CALL, "2024-06-04"), "fri": (FRIDAY_CALL, "2024-06-07"),
                             "page": (page, None)})
    ev = _event_with(rep, "page", "fri")
    assert ev, [(e["id"], e["date"], e["documents"]) for e in rep["events"]]
    assert not any("2024-03" in v for v in _values(ev[0], "date", "page"))
    assert _values(ev[0], "initiator", "page") == []       # Meloni phoned for the earlier contact


def test_what_an_undated_page_says_of_the_call_picks_among_the_calls(tmp_path):
    # nothing dates the page; its length matches one call's and clashes with the other's
    page = """Modi and Meloni spoke by phone. The call lasted about 40 minutes, Rome said.
"""
    rep = _corpus(tmp_path, {"tue": (TUESDAY_CALL, "2024-06-04"), "fri": (FRIDAY_CALL, "2024-06-07"),
                             "page": (page, None)})
    ev = _event_with(rep, "page", "tue")
    assert ev and _values(ev[0], "duration", "page"), [(e["id"], e["date"], e["documents"]) for e in rep["events"]]


def test_a_length_that_fits_no_call_joins_none(tmp_path):
    page = """Modi and Meloni spoke by phone. The call lasted three hours, Rome said.
"""
    rep = _corpus(tmp_path, {"tue": (TUESDAY_CALL, "2024-06-04"), "fri": (FRIDAY_CALL, "2024-06-07"),
                             "page": (page, None)})
    assert not _event_with(rep, "page", "tue") and not _event_with(rep, "page", "fri")


# Two Scholz–Sanchez calls a month apart; only the first says when it began.
APRIL_CALL = """Scholz and Sanchez talk energy

German Chancellor Olaf Scholz and Spanish Prime Minister Pedro Sanchez spoke by phone on Wednesday, April 10, 2024. The call began at 11:30 a.m. Berlin time.
"""
MAY_CALL = """Scholz, Sanchez speak again

Olaf Scholz held a phone call with Pedro Sanchez on Thursday, May 16, 2024.
"""


def test_an_undated_page_joins_the_call_its_start_time_matches(tmp_path):
    # a live page: no date anywhere, but "since 5:30 a.m. ET" is 11:30 in Berlin on 10 April
    page = """Scholz and Sanchez have been speaking since 5:30 a.m. ET, an aide said. The phone call is still under way.
"""
    rep = _corpus(tmp_path, {"apr": (APRIL_CALL, "2024-04-10"), "may": (MAY_CALL, "2024-05-16"),
                             "page": (page, None)})
    ev = _event_with(rep, "page", "apr")
    assert ev and "09:30" in str(_values(ev[0], "start_time", "page")), \
        [(e["id"], e["date"], e["documents"]) for e in rep["events"]]


def test_an_undated_start_time_in_no_zone_picks_no_call(tmp_path):
    # "at 11:30" with no zone could be any moment of the day: it tells the calls nothing
    page = """Scholz and Sanchez began a phone call at 11:30, an aide said.
"""
    rep = _corpus(tmp_path, {"apr": (APRIL_CALL, "2024-04-10"), "may": (MAY_CALL, "2024-05-16"),
                             "page": (page, None)})
    assert not _event_with(rep, "page", "apr") and not _event_with(rep, "page", "may")


def test_reported_future_dates_the_weekday_ahead(tmp_path):
    # written on Friday 3 May 2024: "said he would speak ... on Tuesday" is 7 May, not 30 April
    page = """Lula to call Ramaphosa

Brazilian President Luiz Inacio Lula da Silva said he would speak with South African President Cyril Ramaphosa on Tuesday at 9:00 (12:00 GMT).
"""
    rep = _corpus(tmp_path, {"page": (page, "2024-05-03")})
    ev = _events_of(rep, "page")
    assert ev and ev[0]["date"]["start"] == "2024-05-07", [(e["id"], e["date"]) for e in rep["events"]]
    assert _values(ev[0], "scheduled_time", "page") and not _values(ev[0], "start_time", "page")


def test_an_event_word_right_after_since_is_an_earlier_event(tmp_path):
    # "since the talks they held in Rome", "منذ القمة التي عقداها في روما": an earlier contact
    # (triggers are compared in folded text, hence "القمه")
    from reconcile.ingest.corpus import load_corpus
    from reconcile.pipeline import analyse
    en = "Modi and Meloni spoke by phone on Friday. It was their second conversation since the talks they held in Rome, and ran for 25 minutes.\n"
    ar = "تحدث مودي وميلوني هاتفيا يوم الجمعة، في ثاني اتصال بينهما منذ القمة التي عقداها في روما.\n"
    (tmp_path / "en.txt").write_text(en, encoding="utf-8")
    (tmp_path / "ar.txt").write_text(ar, encoding="utf-8")
    for ex in analyse(load_corpus([tmp_path])).extractions:
        t = ex.nt.text
        recalled = {t[m.trigger[0]:m.trigger[1]] for m in ex.mentions if m.previous}
        assert recalled & {"talks", "القمه"}, (ex.doc.id, [(t[m.trigger[0]:m.trigger[1]], m.previous) for m in ex.mentions])
        assert not any(m.previous for m in ex.mentions if t[m.trigger[0]:m.trigger[1]] in ("phone", "هاتفيا", "spoke", "تحدث"))
