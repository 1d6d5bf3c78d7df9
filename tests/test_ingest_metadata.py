"""Metadata read from the article itself when the manifest has none: never guessed."""
from __future__ import annotations

import shutil

from conftest import SEEDS

from reconcile.ingest.corpus import load_corpus
from reconcile.pipeline import analyse


def test_dateline_and_signature_fill_missing_metadata(tmp_path):
    for p in SEEDS.glob("*.txt"):
        shutil.copy(p, tmp_path / p.name)          # no sources.yaml
    a = analyse(load_corpus([tmp_path]))
    docs = {d.id: d for d in a.corpus.documents}
    dated = docs["003_a2b39e0f3c473ada"]
    assert (dated.published, dated.outlet) == ("2022-02-12T15:15", "Al Khaleej Al Jadeed")
    assert {"published", "outlet"} <= set(dated.inferred)
    assert docs["004_37c19ced86855876"].outlet == "Al Jazeera"
    # no dateline (a photo caption's date is not one), no signature: left null
    assert docs["001_2a0fee5fc085109d"].published is None
    assert docs["002_2808b5d65a21cd4e"].outlet is None and docs["002_2808b5d65a21cd4e"].published is None


def test_own_wording_dateline_and_unknown_outlet(tmp_path):
    text = ("عنوان الخبر\n\nالأربعاء 3 مايو 2023 09:40 ص\n\nأجرى وزير الخارجية الأمريكي اتصالا هاتفيا.\n\n"
            "المصدر: موقع الأخبار المحلية\n")
    (tmp_path / "x.txt").write_text(text, encoding="utf-8")
    d = analyse(load_corpus([tmp_path])).corpus.documents[0]
    assert d.published == "2023-05-03T09:40"
    assert d.outlet == "موقع الأخبار المحلية"
