"""Entity resolution and quotation alignment on texts written for these tests."""
from __future__ import annotations

import datetime as dt

import yaml

from reconcile.engine.normalise import normalise
from reconcile.entities.gazetteer import gazetteer
from reconcile.entities.registry import EntityRegistry
from reconcile.ingest.corpus import load_corpus
from reconcile.pipeline import analyse
from reconcile.report.writer import build_report


def _names(text, day=dt.date(2022, 3, 1)):
    g = EntityRegistry(gazetteer())
    return [(r.surface, g.entities[r.entity_id].name) for r in g.find(normalise(text), "ar", day)]


def test_spelling_variants_resolve_to_one_person():
    found = dict(_names("التقى فلادمير بوتين مع ديمتري بيسكوف ثم تحدث فولوديمير زيلنسكي"))
    assert found["فلادمير بوتين"] == "Vladimir Putin"
    assert found["ديمتري بيسكوف"] == "Dmitry Peskov"
    assert found["فولوديمير زيلنسكي"] == "Volodymyr Zelensky"


def test_a_shared_first_name_never_merges_two_people():
    found = _names("قال فلاديمير زيلينسكي إن فلاديمير بوتين لا يريد السلام")
    assert ("فلاديمير زيلينسكي", "Volodymyr Zelensky") in found
    assert ("فلاديمير بوتين", "Vladimir Putin") in found


def test_a_surname_variant_after_a_known_first_name_is_learned_in_the_article():
    found = _names("قالت ليز تروس إن لندن تدعم كييف. وأضافت تروس أن العقوبات ستستمر", dt.date(2022, 3, 1))
    assert ("ليز تروس", "Liz Truss") in found and ("تروس", "Liz Truss") in found


def test_a_role_names_its_holder_on_the_day():
    g = EntityRegistry(gazetteer())
    nt = normalise("قال وزير الخارجية الأمريكي للصحفيين")
    early = [g.entities[r.entity_id].name for r in g.find(nt, "ar", dt.date(2022, 3, 1))]
    assert early == ["Antony Blinken"]


def test_a_new_name_after_a_title_becomes_an_entity_shared_across_articles(tmp_path):
    a = "قال وزير الخارجية الإستوني أورماس راينسالو إن بلاده ترسل مساعدات جديدة.\n"
    b = "وأكد وزير الخارجية الإستوني أورماس رينسالو أن الدعم مستمر.\n"
    (tmp_path / "a.txt").write_text(a, encoding="utf-8")
    (tmp_path / "b.txt").write_text(b, encoding="utf-8")
    an = analyse(load_corpus([tmp_path]))
    new = [eid for eid in an.surfaces if eid.startswith("new-")]
    assert len(new) == 1, new
    # both spellings, and the surname alone that names them too (as a gazetteer person's does)
    assert an.surfaces[new[0]] == {"أورماس راينسالو", "أورماس رينسالو", "راينسالو"}


PESKOV_A = 'وقال المتحدث باسم الكرملين دميتري بيسكوف للصحفيين "سنواصل المفاوضات مع الجانب الأوكراني حتى نهاية الشهر".\n'
PESKOV_B = 'وصرح بيسكوف "لن نواصل المفاوضات مع الجانب الأوكراني حتى نهاية الشهر".\n'
PESKOV_C = 'ونقلت وكالة تاس عن المتحدث باسم الكرملين دميتري بيسكوف قوله «سنواصل المفاوضات مع الجانب الأوكراني».\n'


def _quotes(tmp_path, docs):
    manifest = {}
    for name, text in docs.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        manifest[f"{name}.txt"] = {"outlet": f"Outlet {name}", "language": "ar", "published": "2022-03-01"}
    (tmp_path / "sources.yaml").write_text(yaml.safe_dump(manifest, allow_unicode=True), encoding="utf-8")
    return build_report(analyse(load_corpus([tmp_path])), "q")["quotes"]


def test_the_same_quote_trimmed_is_corroborated(tmp_path):
    qs = _quotes(tmp_path, {"a": PESKOV_A, "c": PESKOV_C})
    multi = [q for q in qs if len({c["doc"] for c in q["claims"]}) > 1]
    assert len(multi) == 1 and multi[0]["status"] == "corroborated"
    assert multi[0]["speaker"] == "Dmitry Peskov"


def test_a_negated_version_of_a_quote_is_a_conflict(tmp_path):
    qs = _quotes(tmp_path, {"a": PESKOV_A, "b": PESKOV_B})
    multi = [q for q in qs if len({c["doc"] for c in q["claims"]}) > 1]
    assert len(multi) == 1 and multi[0]["status"] == "conflict"
    assert "لن" in multi[0]["note"]


def test_a_title_whose_holder_is_unknown_that_day_is_not_a_new_name():
    g = EntityRegistry(gazetteer())
    refs = g.find(normalise("قال الأمين العام لحلف شمال الأطلسي إن الحلف مستعد"), "ar", dt.date(2030, 1, 1))
    assert not [r for r in refs if r.entity_id.startswith("new-")], refs


def test_a_name_never_runs_past_the_end_of_a_paragraph():
    g = EntityRegistry(gazetteer())
    refs = g.find(normalise("وقال الرئيس\nيخشون اتساع رقعة الحرب"), "ar", dt.date(2022, 3, 1))
    assert refs == []


def test_capitalised_abbreviations_match_only_as_written():
    g = EntityRegistry(gazetteer())
    refs = g.find(normalise("Peskov told us the US would respond."), "en", dt.date(2022, 3, 1))
    assert [(r.surface, r.entity_id) for r in refs] == [("Peskov", "dmitry-peskov"), ("US", "united-states")]


def test_an_appositive_speaker_before_said(tmp_path):
    text = ("Biden and Putin talk by phone\n\nDmitry Peskov, the Kremlin spokesman, said the phone call "
            "between Vladimir Putin and Joe Biden on Thursday lasted 50 minutes.\n")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "sources.yaml").write_text("a.txt: {language: en, published: 2021-12-31}\n", encoding="utf-8")
    rep = build_report(analyse(load_corpus([tmp_path])), "x")
    claims = [c for ev in rep["events"] for f in ev["facts"] if f["fact"] == "duration" for c in f["claims"]]
    assert [(c["value"]["minutes"]["min"], c["speaker"]) for c in claims] == [(50, "Dmitry Peskov")]
