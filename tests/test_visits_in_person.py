"""A leader's visit, planned or made, is a meeting held in person; so is a meeting verb that
no medium word qualifies.  Texts written for these tests."""
from __future__ import annotations

import pytest
from conftest import fact_values, report_of_article


def _events(tmp_path, text, published):
    return report_of_article(tmp_path, text, published, "visits")["events"]


def _with(events, fact, value):
    return [ev for ev in events if value in fact_values(ev, fact)]


def test_an_invitation_to_visit_is_a_planned_meeting_en(tmp_path):
    text = ("Lula and Macron discuss trade\n\nBRASILIA, Feb 3 (Cerrado Wire) - Brazilian President Luiz Inacio "
            "Lula da Silva held a phone call with French President Emmanuel Macron on Monday.\n\n"
            "Lula accepted an invitation from Macron to visit Paris in May, the presidency said.\n")
    events = _events(tmp_path, text, "2025-02-03")
    paris = _with(events, "location", {"entity": "Paris"})
    assert paris and paris[0]["kind"] == "meeting"
    assert {"medium": "in_person"} in fact_values(paris[0], "medium")
    assert {"entity": "Emmanuel Macron"} in fact_values(paris[0], "initiator")
    assert {"date": {"start": "2025-05-01", "end": "2025-05-31"}} in fact_values(paris[0], "date")


def test_an_invitation_to_visit_is_a_planned_meeting_ar(tmp_path):
    text = ("لولا وماكرون يبحثان التجارة\n\nأجرى الرئيس البرازيلي لولا دا سيلفا اليوم الاثنين اتصالا هاتفيا "
            "بالرئيس الفرنسي إيمانويل ماكرون.\n\nووجه ماكرون دعوة للرئيس البرازيلي لزيارة باريس الشهر المقبل.\n")
    events = _events(tmp_path, text, "2025-02-03")
    paris = _with(events, "location", {"entity": "Paris"})
    assert paris and paris[0]["kind"] == "meeting"
    assert {"entity": "Emmanuel Macron"} in fact_values(paris[0], "initiator")
    # the call is Lula's: the one who places it asked for it
    call = [ev for ev in events if ev["kind"] == "call"]
    assert call and fact_values(call[0], "initiator") in ([{"entity": "Luiz Inácio Lula da Silva"}], [])


def test_due_in_a_city_with_a_month_is_a_planned_meeting(tmp_path):
    text = ("Starmer trip\n\nLONDON, March 4 (Thames Wire) - Prime Minister Keir Starmer is due in "
            "Nairobi in May, Downing Street said.\n\nThe spending review is due in two weeks.\n")
    events = _events(tmp_path, text, "2025-03-04")
    nairobi = _with(events, "location", {"entity": "Nairobi"})
    assert nairobi and nairobi[0]["kind"] == "meeting"
    assert len(events) == 1


def test_a_meeting_verb_alone_is_in_person_but_a_medium_word_wins(tmp_path):
    text = ("Albanese and Ishiba\n\nCANBERRA, June 2 (Wattle Wire) - Australian Prime Minister Anthony Albanese "
            "spoke by phone with Japanese Prime Minister Shigeru Ishiba on Monday. The two leaders last met "
            "in 2023.\n")
    events = _events(tmp_path, text, "2025-06-02")
    assert _with(events, "medium", {"medium": "in_person"})
    video = ("Albanese and Ishiba\n\nCANBERRA, June 2 (Wattle Wire) - Australian Prime Minister Anthony Albanese "
             "met Japanese Prime Minister Shigeru Ishiba by video on Monday.\n")
    folder = tmp_path / "video"
    folder.mkdir()
    events = _events(folder, video, "2025-06-02")
    assert not _with(events, "medium", {"medium": "in_person"})
    assert _with(events, "medium", {"medium": "video"})


def test_a_recalled_meeting_of_two_leaders_keeps_them_as_its_parties(tmp_path):
    text = ("Albanese and Ishiba\n\nCANBERRA, June 2 (Wattle Wire) - Australian Prime Minister Anthony Albanese "
            "spoke by phone with Japanese Prime Minister Shigeru Ishiba on Monday.\n\nAlbanese and Ishiba last "
            "met in Tokyo in April, when they co-chaired the first meeting of the Australia-Japan Economic "
            "Council.\n")
    events = _events(tmp_path, text, "2025-06-02")
    tokyo = _with(events, "location", {"entity": "Tokyo"})
    assert tokyo and sorted(tokyo[0]["participants"]) == ["Anthony Albanese", "Shigeru Ishiba"]


def test_a_visit_told_with_its_verb_is_a_meeting_there(tmp_path):
    for lang, text in (("en", "Albanese and Ishiba\n\nCANBERRA, June 2 (Wattle Wire) - Albanese spoke by phone "
                              "with Ishiba on Monday.\n\nAlbanese visited Tokyo in April.\n"),
                       ("ar", "ألبانيزي وإيشيبا\n\nأجرى ألبانيزي اليوم الاثنين اتصالا هاتفيا بنظيره الياباني "
                              "شيغيرو إيشيبا.\n\nوكان ألبانيزي قد زار طوكيو في أبريل الماضي.\n")):
        folder = tmp_path / lang
        folder.mkdir()
        events = _events(folder, text, "2025-06-02")
        tokyo = _with(events, "location", {"entity": "Tokyo"})
        assert tokyo and tokyo[0]["kind"] == "meeting", (lang, events)
        assert {"medium": "in_person"} in fact_values(tokyo[0], "medium")


@pytest.mark.parametrize("text", [
    "Kenyan President William Ruto met Portuguese Prime Minister Luis Montenegro on Tuesday in a "
    "videoconference. They met for forty minutes.\n",
    "التقى الرئيس الكيني وليام روتو رئيس الوزراء البرتغالي لويس مونتينيغرو يوم الثلاثاء عبر الاتصال المرئي. "
    "وقال البيان إن الرئيسين التقيا لمدة أربعين دقيقة.\n",
])
def test_a_meeting_verb_yields_to_the_medium_the_article_names(tmp_path, text):
    # "met" implies in person; the same article naming the medium of that event overrules it
    # (one article never contradicts itself)
    rep = report_of_article(tmp_path, text, "2025-04-02", "video")
    media = [c["value"]["medium"] for ev in rep["events"] for f in ev["facts"] if f["fact"] == "medium"
             for c in f["claims"]]
    assert "video" in media and "in_person" not in media, media
