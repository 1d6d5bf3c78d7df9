"""The extraction API: a cached, immutable context per language; documents extracted by
plain functions that keep nothing of one document for the next."""
from __future__ import annotations

import dataclasses
import hashlib
import shutil

import pytest

from reconcile.engine.rules import RULES_DIR, RuleError
from reconcile.entities.gazetteer import gazetteer
from reconcile.entities.registry import EntityRegistry
from reconcile.extract import extract_document, language_context
from reconcile.records import Document

CALL = ("أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع الرئيس الأمريكي جو بايدن يوم الخميس، "
        "استمر ساعة كاملة، بطلب من موسكو.")
MEETING = "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الأمريكي في جنيف يوم 10 يناير 2022."


def doc(text: str, doc_id: str = "d") -> Document:
    return Document(id=doc_id, text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                    language="ar", published="2022-01-14")


def summary(ex) -> list:
    return [(c.fact, c.hit.start, c.hit.end, repr(c.value), c.mention, c.speaker) for c in ex.claims] + \
           [(m.kind, m.scope, tuple(m.participants)) for m in ex.mentions]


def test_the_context_is_built_once_and_is_immutable():
    ctx = language_context("ar")
    assert language_context("ar") is ctx
    with pytest.raises(dataclasses.FrozenInstanceError):
        ctx.entity_window = 1


def test_windows_come_from_language_yaml_and_agree_across_languages():
    ar, en = language_context("ar").windows, language_context("en").windows
    assert ar == en
    assert ar.time_relative_event == 13 and ar.previous_marker == 26 and ar.location_after_head == 30


def test_a_missing_window_fails_naming_file_and_line(tmp_path):
    shutil.copytree(RULES_DIR, tmp_path / "rules")
    f = tmp_path / "rules" / "ar" / "language.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("  previous_marker: 26\n", ""), encoding="utf-8")
    with pytest.raises(RuleError, match=r"language\.yaml:\d+: windows: missing previous_marker"):
        language_context("ar", tmp_path / "rules")


def test_documents_do_not_leak_into_each_other():
    ctx, gaz = language_context("ar"), EntityRegistry(gazetteer())
    alone = summary(extract_document(doc(CALL), ctx, gaz))
    assert alone
    extract_document(doc(MEETING), ctx, gaz)
    assert summary(extract_document(doc(CALL), ctx, gaz)) == alone


def test_a_reviewers_split_applies_to_that_call_only():
    ctx, gaz = language_context("ar"), EntityRegistry(gazetteer())
    ex = extract_document(doc(CALL), ctx, gaz)
    people = [m for m in ex.entities if gaz.entities[m[2]].type == "person"]
    (s, e, eid, _how), other = people[0], people[-1][2]
    assert other != eid
    surface = " ".join(ex.nt.text[s:e].split())
    split = extract_document(doc(CALL), ctx, gaz, {(eid, surface): other})
    assert (s, e, other) in [m[:3] for m in split.entities]
    assert [m[:3] for m in extract_document(doc(CALL), ctx, gaz).entities] == [m[:3] for m in ex.entities]
