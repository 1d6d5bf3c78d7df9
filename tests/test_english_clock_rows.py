"""English clock readings in context, list rows and counted contacts (issue 8, round 2), in
sentences written for these tests."""
from __future__ import annotations

import hashlib

from reconcile.entities.gazetteer import gazetteer
from reconcile.entities.registry import EntityRegistry
from reconcile.extract import extract_document, language_context
from reconcile.records import DocExtraction, Document


def _extract(text: str) -> DocExtraction:
    ctx = language_context("en")
    doc = Document(id="t", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                   language="en", published="2024-04-10")
    return extract_document(doc, ctx, EntityRegistry(gazetteer(ctx.rs.root / "entities.yaml")))


def _times(text: str) -> list[tuple[str, dict]]:
    return [(c.fact, {k: c.local_time[k] for k in ("hour", "minute", "zone")})
            for c in _extract(text).claims if c.local_time is not None]


def _claims(text: str, fact: str) -> list[dict]:
    return [c.value for c in _extract(text).claims if c.fact == fact]


def test_a_range_names_its_zone_and_day_part_once():
    got = _times("The ministers' talks ran from 8.40 to 11.15 p.m. CET on Thursday.")
    assert got == [("start_time", {"hour": 20, "minute": 40, "zone": "Europe/Berlin"}),
                   ("end_time", {"hour": 23, "minute": 15, "zone": "Europe/Berlin"})]


def test_a_range_across_noon_keeps_the_morning():
    got = _times("The summit ran from 10.30 to 2 p.m. GMT on Friday.")
    assert got[0] == ("start_time", {"hour": 10, "minute": 30, "zone": "UTC"})


def test_between_two_readings_is_no_moment():
    assert _times("The call took place between 9 and 10 a.m. on Friday.") == []


def test_a_bracketed_restatement_is_one_moment():
    got = _times("Modi will speak with Sunak on Friday at 3 p.m. (0930 GMT).")
    assert got == [("scheduled_time", {"hour": 9, "minute": 30, "zone": "UTC"})]


def test_local_time_under_a_city_dateline():
    got = _times("ANKARA, May 3 (Agency) - Erdogan and Scholz spoke at 6 p.m. local time on Friday.")
    assert got == [("start_time", {"hour": 18, "minute": 0, "zone": "Europe/Istanbul"})]


def test_no_dateline_leaves_local_time_unknown():
    got = _times("Erdogan and Scholz spoke at 6 p.m. local time on Friday.")
    assert got == [("start_time", {"hour": 18, "minute": 0, "zone": None})]


def test_a_sentence_starting_with_a_city_is_no_dateline():
    got = _times("Ankara, which hosted them, said the talks began at 6 p.m.")
    assert got == [("start_time", {"hour": 18, "minute": 0, "zone": None})]


def test_hedged_reading_spans_minutes():
    ex = _extract("The call between Scholz and Erdogan began shortly before 9 p.m. GMT on Friday.")
    (c,) = [c for c in ex.claims if c.fact == "start_time"]
    assert c.hedge == "before" and c.local_time["widen"] == [-30, 0]


def test_ended_later_counts_from_the_start():
    got = _times("The call began at 4:05 p.m. GMT and ended 55 minutes later.")
    assert got == [("start_time", {"hour": 16, "minute": 5, "zone": "UTC"}),
                   ("end_time", {"hour": 17, "minute": 0, "zone": "UTC"})]
    assert _claims("The call began at 4:05 p.m. GMT and ended 55 minutes later.", "duration") == \
        [{"minutes": {"min": 55, "max": 55}}]


def test_a_duration_cell_of_a_list_row():
    text = "Earlier contacts:\nJune 2, 2023 - by phone - about 40 minutes (evening in Paris)\n" \
           "Oct. 9, 2022: video call, one and a half hours"
    assert _claims(text, "duration") == [{"minutes": {"min": 34, "max": 46}}, {"minutes": {"min": 90, "max": 90}}]
    assert _times(text) == []


def test_a_duration_after_a_comma_in_prose_is_no_cell():
    assert _claims("Scholz and Erdogan spoke by phone on Friday, two hours after the vote.", "duration") == []


def test_counted_contacts_lend_nothing():
    text = "Scholz and Erdogan have spoken twice by phone this year, each time for about an hour."
    assert _claims(text, "duration") == [] and _claims(text, "medium") == [] and _claims(text, "date") == []
    assert [m.generic for m in _extract(text).mentions] == [True]


def test_an_ordinal_call_is_the_current_one():
    assert [m.generic for m in _extract("It was their third call since March.").mentions] == [False]


def test_a_forecast_length_is_no_claim():
    assert _claims("The meeting, which opened at noon, was expected to last two hours.", "duration") == []


def test_a_denied_contact_is_no_event():
    assert _extract("Scholz has not met Erdogan in person this year.").mentions == []


def test_a_meeting_in_a_named_place_is_in_person():
    assert _claims("Scholz and Erdogan met in Geneva on Friday.", "medium") == [{"medium": "in_person"}]
    assert _claims("Scholz and Erdogan held a virtual meeting in Geneva.", "medium") == [{"medium": "video"}]
