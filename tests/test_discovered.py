"""People the run discovers (named after a title, unknown to the gazetteer) merged across
spellings and scripts, on names and texts written for these tests."""
from __future__ import annotations

import pytest
from conftest import report_of_corpus

from reconcile.entities.discovered import merge_discovered, skeleton
from reconcile.records import Entity


@pytest.mark.parametrize("latin, arabic", [
    ("Khaled Mansour", "خالد منصور"), ("Yevgeny Rogov", "يفغيني روغوف"), ("Pietro Valenti", "بييترو فالنتي"),
    ("Sofia Haddad", "صوفيا حداد"), ("Amira Saleh", "أميرة صالح"), ("Vladislav Orlov", "فلاديسلاف أورلوف"),
])
def test_one_name_in_two_scripts_has_one_skeleton(latin, arabic):
    assert skeleton(latin) == skeleton(arabic)


@pytest.mark.parametrize("latin, arabic", [
    ("Khaled Mansour", "خالد منير"), ("Samir Nasser", "سمير ناصيف"), ("Omar Fathy", "عمر فهمي"),
])
def test_near_names_keep_apart(latin, arabic):
    assert skeleton(latin) != skeleton(arabic)


def _person(eid, name):
    return Entity(id=eid, name=name, type="person", labels={}, aliases={})


def test_an_arabic_spelling_joins_the_one_latin_spelling():
    people = {e.id: e for e in [_person("new-a", "khaled mansour"), _person("new-b", "خالد منصور"),
                                _person("new-c", "samir nasser")]}
    assert merge_discovered(people, people) == {"new-b": "new-a"}


def test_two_latin_candidates_merge_neither():
    # two people whose Latin spellings share a skeleton: the Arabic spelling cannot tell which
    people = {e.id: e for e in [_person("new-a", "karim nabil"), _person("new-b", "karam nabeel"),
                                _person("new-c", "كريم نبيل")]}
    canon = merge_discovered(people, people)
    assert "new-b" not in canon and "new-c" not in canon, canon


def test_a_single_word_never_merges_across_scripts():
    people = {e.id: e for e in [_person("new-a", "mansour"), _person("new-b", "منصور")]}
    assert merge_discovered(people, people) == {}


def test_a_spokesman_in_two_languages_is_one_speaker(tmp_path):
    en = ("Jordanian government spokesman Khaled Mansour said the call between King Abdullah II and "
          "Italian Prime Minister Giorgia Meloni lasted 40 minutes.\n")
    ar = ("قال المتحدث باسم الحكومة الأردنية خالد منصور إن الاتصال بين الملك عبد الله الثاني ورئيسة الوزراء "
          "الإيطالية جورجيا ميلوني استمر 40 دقيقة.\n")
    rep = report_of_corpus(tmp_path, {"en": (en, "2024-05-02"), "ar": (ar, "2024-05-02")}, "spokesman",
                           outlets={"en": "A", "ar": "B"})
    speakers = {c["doc"]: c.get("speaker") for ev in rep["events"] for f in ev["facts"]
                if f["fact"] == "duration" for c in f["claims"]}
    assert set(speakers) == {"en", "ar"} and speakers["en"] == speakers["ar"] is not None, speakers
    people = [e for e in rep["entities"] if e["id"].startswith("new-")]
    assert len(people) == 1 and {"Khaled Mansour", "خالد منصور"} <= set(people[0]["surfaces"]), people


def test_a_given_name_in_its_other_national_form_joins_on_a_long_surname():
    # "Oleksii"/"Aleksei"-like pairs: the surname carries the match when it is long and unique
    people = {e.id: e for e in [_person("new-a", "serhii kovalenko"), _person("new-b", "سيرغي كوفالينكو")]}
    assert merge_discovered(people, people) == {"new-b": "new-a"}
    # a short surname does not
    people = {e.id: e for e in [_person("new-a", "serhii bod"), _person("new-b", "سيرغي بود")]}
    assert merge_discovered(people, people) == {}
