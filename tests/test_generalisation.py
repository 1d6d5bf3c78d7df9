"""Articles written for these tests (none of their sentences come from the seeds): the tool
must find the same facts in wording it was not tuned on."""
from __future__ import annotations

import shutil

import pytest
import yaml
from conftest import SEEDS

from reconcile.ingest.corpus import load_corpus
from reconcile.pipeline import analyse
from reconcile.report.writer import build_report

FORTY_MINUTES = """مكالمة بوتين وبايدن لم تتجاوز أربعين دقيقة

موسكو - خاص

قالت مصادر روسية مطلعة إن المكالمة الهاتفية بين الرئيس الروسي فلاديمير بوتين ونظيره الأمريكي جو بايدن مساء الخميس استغرقت 40 دقيقة، وركزت على ملف الضمانات الأمنية في أوروبا.

وأضافت المصادر أن الجانبين اتفقا على مواصلة الحوار خلال الأسابيع المقبلة.
"""

OUTLET_B = """أردوغان وزيلينسكي يبحثان تمديد اتفاق الحبوب

أنقرة - وكالات

أجرى الرئيس التركي رجب طيب أردوغان، أمس الخميس، اتصالا هاتفيا مع نظيره الأوكراني فولوديمير زيلينسكي تناول تمديد اتفاق تصدير الحبوب عبر البحر الأسود.

وقال المتحدث باسم الرئاسة الأوكرانية إن الاتصال بدأ الساعة 9:15 مساء بتوقيت كييف واستمر نحو ساعة ونصف.
"""

OUTLET_C = """زيلينسكي يشكر أنقرة على جهودها

كييف - أ ف ب

أعلن الرئيس الأوكراني فولوديمير زيلينسكي أنه تحادث هاتفيا اليوم الخميس مع الرئيس التركي رجب طيب أردوغان.

وأوضحت الرئاسة التركية أن المكالمة انطلقت عند 19:15 بتوقيت غرينتش واستغرقت ساعة و30 دقيقة.
"""

OUTLET_D = """مصادر: اتصال أردوغان وزيلينسكي طال أكثر من المتوقع

إسطنبول - مراسلنا

ذكرت مصادر دبلوماسية أن الاتصال الهاتفي الذي جرى الخميس بين الرئيس التركي رجب طيب أردوغان والرئيس الأوكراني فولوديمير زيلينسكي دام ثلاث ساعات.

وكان الرئيسان قد أجريا اتصالا هاتفيا آخر في 2 فبراير استمر 20 دقيقة فقط.
"""


def _write(folder, docs: dict[str, tuple[str, dict]], base: dict | None = None):
    folder.mkdir(parents=True, exist_ok=True)
    manifest = dict(base or {})
    for name, (text, meta) in docs.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        manifest[f"{name}.txt"] = meta
    (folder / "sources.yaml").write_text(yaml.safe_dump(manifest, allow_unicode=True), encoding="utf-8")


def _statuses(report, skip=lambda ev: False):
    out = {}
    for ev in report["events"]:
        if skip(ev):
            continue
        d = ev["date"]
        for f in ev["facts"]:
            out[(ev["kind"], tuple(ev["participants"]), d and d["start"], d and d["end"], f["fact"])] = f["status"]
    return out


def _event(report, participants, day):
    found = [ev for ev in report["events"] if set(participants) <= set(ev["participants"])
             and ev["date"] and ev["date"]["start"] <= day <= ev["date"]["end"]]
    assert len(found) == 1, [(e["id"], e["participants"], e["date"]) for e in report["events"]]
    return found[0]


def _fact(ev, name):
    return next(f for f in ev["facts"] if f["fact"] == name)


def test_a_forty_minute_claim_makes_the_duration_a_conflict(tmp_path, seed_report):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    base = yaml.safe_load((SEEDS / "sources.yaml").read_text(encoding="utf-8"))
    _write(corpus, {"900_forty": (FORTY_MINUTES, {"outlet": "Test Wire", "language": "ar",
                                                   "published": "2021-12-31", "url": None})}, base)
    report = build_report(analyse(load_corpus([corpus])), "corpus")
    call = _event(report, ["Joe Biden", "Vladimir Putin"], "2021-12-30")
    assert call["date"]["start"] == call["date"]["end"] == "2021-12-30"
    duration = _fact(call, "duration")
    assert duration["status"] == "conflict"
    by_doc = {c["doc"]: c for c in duration["claims"]}
    forty, fifty = by_doc["900_forty"], by_doc["002_2808b5d65a21cd4e"]
    assert forty["value"] == {"minutes": {"min": 40, "max": 40}}
    assert fifty["value"] == {"minutes": {"min": 50, "max": 50}}
    assert {tuple(sorted(p)) for p in duration["conflicting_pairs"]} == {tuple(sorted((forty["id"], fifty["id"])))}
    assert "40 min" in duration["explanation"] and "50 min" in duration["explanation"]
    # every other call keeps its verdicts: the 7 Dec and 12 Feb calls are other events

    def is_dec30(ev):
        return ev["id"] == call["id"]

    before = _statuses(seed_report, lambda ev: ev["date"] and ev["date"]["start"] == "2021-12-30"
                       and set(ev["participants"]) == {"Joe Biden", "Vladimir Putin"})
    after = _statuses(report, is_dec30)
    assert after == before
    other = {f["fact"]: f["status"] for f in call["facts"] if f["fact"] != "duration"}
    seed_call = _event(seed_report, ["Joe Biden", "Vladimir Putin"], "2021-12-30")
    assert other == {f["fact"]: f["status"] for f in seed_call["facts"] if f["fact"] != "duration"}


@pytest.fixture(scope="module")
def grain_report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("grain")
    _write(folder, {
        "b": (OUTLET_B, {"outlet": "Outlet B", "language": "ar", "published": "2023-03-10", "url": None}),
        "c": (OUTLET_C, {"outlet": "Outlet C", "language": "ar", "published": "2023-03-09", "url": None}),
        "d": (OUTLET_D, {"outlet": "Outlet D", "language": "ar", "published": "2023-03-10", "url": None}),
    })
    return build_report(analyse(load_corpus([folder])), "grain")


def test_one_event_across_three_outlets(grain_report):
    ev = _event(grain_report, ["Recep Tayyip Erdoğan"], "2023-03-09")
    assert ev["kind"] == "call"
    assert set(ev["participants"]) == {"Recep Tayyip Erdoğan", "Volodymyr Zelensky"}
    assert ev["documents"] == ["b", "c", "d"]
    assert ev["date"] == {"start": "2023-03-09", "end": "2023-03-09"}


def test_time_zones_and_vague_durations_reconcile(grain_report):
    ev = _event(grain_report, ["Recep Tayyip Erdoğan"], "2023-03-09")
    start = _fact(ev, "start_time")
    assert start["status"] == "corroborated"      # 21:15 Kyiv (UTC+2 in March) = 19:15 GMT
    assert {c["value"]["utc"]["start"] for c in start["claims"]} == {"2023-03-09T19:15Z"}
    duration = _fact(ev, "duration")
    values = {c["doc"]: c["value"]["minutes"] for c in duration["claims"]}
    assert values["b"] == {"min": 76.5, "max": 103.5}        # "نحو ساعة ونصف"
    assert values["c"] == {"min": 90, "max": 90}             # "ساعة و30 دقيقة"
    assert values["d"] == {"min": 180, "max": 180}           # "ثلاث ساعات"
    assert duration["status"] == "conflict"
    ids = {c["doc"]: c["id"] for c in duration["claims"]}
    pairs = {frozenset(p) for p in duration["conflicting_pairs"]}
    assert frozenset((ids["b"], ids["c"])) not in pairs      # about an hour and a half = 90 min
    assert frozenset((ids["b"], ids["d"])) in pairs and frozenset((ids["c"], ids["d"])) in pairs
    assert _fact(ev, "medium")["status"] == "corroborated"


def test_an_earlier_call_between_the_same_people_stays_apart(grain_report):
    earlier = _event(grain_report, ["Recep Tayyip Erdoğan"], "2023-02-02")
    duration = _fact(earlier, "duration")
    assert duration["status"] == "single_source"
    assert [c["value"]["minutes"] for c in duration["claims"]] == [{"min": 20, "max": 20}]
