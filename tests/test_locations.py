"""Where an event was held: countries and buildings attached to an in-person event word,
venues and islands found by their shape, places that speak for nobody; a country's media
as one collective source."""
from __future__ import annotations

import hashlib

from reconcile.entities.gazetteer import gazetteer
from reconcile.entities.registry import EntityRegistry
from reconcile.extract import extract_document, language_context
from reconcile.records import Document


def _extract(text: str, lang: str = "en"):
    reg = EntityRegistry(gazetteer())
    d = Document(id="d", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(), language=lang,
                 published="2024-06-03")
    return extract_document(d, language_context(lang), reg), reg


def _places(text: str, lang: str = "en") -> list[str]:
    ex, reg = _extract(text, lang)
    return [reg.entities[c.value["entity"]].name for c in ex.claims if c.fact == "location"]


def test_a_country_right_after_an_in_person_event_word_is_its_place():
    assert _places("The foreign ministers of Japan and India held talks in Qatar on Sunday.") == ["Qatar"]
    assert _places("عقد وزيرا خارجية اليابان والهند مباحثات في قطر الأحد.", "ar") == ["Qatar"]


def test_a_country_the_event_word_does_not_reach_is_no_place():
    assert _places("Modi held talks with his counterparts in Spain and Italy on Sunday.") == []
    assert _places("Modi and Kishida discussed the war in Ukraine at a meeting on Sunday.") == []


def test_a_call_keeps_no_country_or_building():
    assert _places("Modi spoke by phone with Kishida from the Kremlin on Sunday.") == []


def test_a_building_named_as_a_speaker_is_no_place():
    assert _places("The meeting at the Kremlin's request lasted an hour, the Kremlin said.") == []


def test_a_venue_found_by_its_shape_lies_in_the_place_named_after_it():
    ex, reg = _extract("Modi and Kishida held a summit at the Akasaka Palace in Japan on Sunday.")
    places = [reg.entities[c.value["entity"]] for c in ex.claims if c.fact == "location"]
    assert [p.name for p in places] == ["Akasaka Palace"]
    assert places[0].affiliation == "japan"


def test_a_venue_with_no_known_place_is_left_unclaimed():
    assert _places("Modi and Kishida held a summit at the Grand Palace on Sunday.") == []


def test_an_island_qualifier_names_no_party():
    ex, _ = _extract("Modi will meet Kishida on Monday on the sidelines of a summit on the Greek island of Crete.")
    assert all("greece" not in m.participants for m in ex.mentions)


def test_a_place_that_is_no_capital_speaks_for_nobody():
    reg = EntityRegistry(gazetteer())
    assert reg.entities["jeddah"].type == "place" and reg.entities["jeddah"].affiliation == "saudi-arabia"
    ex, _ = _extract("Jeddah said the talks would resume.")
    assert all(c.speaker is None for c in ex.claims)


def test_a_countrys_media_are_one_source():
    reg = EntityRegistry(gazetteer())
    media = reg.entities["japan-media"]
    assert (media.name, media.type, media.affiliation) == ("Japanese media", "media", "japan")
    ex, _ = _extract("The call lasted two hours, Japanese state media reported.")
    assert [c.speaker for c in ex.claims if c.fact == "duration"] == ["japan-media"]
