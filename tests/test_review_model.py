"""The review app's model, without a terminal: the reviewer's order, the filters, search
across Arabic spelling variants, and which decision shows on which fact."""
from __future__ import annotations

import subprocess
import sys

from reconcile.review.log import Decision, ReviewLog
from reconcile.review.model import Filters, ReviewModel, search_key


def _claim(cid: str, doc: str, outlet: str | None, text: str, value: dict, speaker: str | None = None) -> dict:
    return {"id": cid, "doc": doc, "outlet": outlet, "text": text, "sentence": text, "speaker": speaker,
            "value": value, "span": [0, len(text)], "sentence_span": [0, len(text)]}


def _fact(name: str, status: str, claims: list[dict], fid: str, explanation: str = "") -> dict:
    return {"fact": name, "status": status, "claims": claims, "id": fid, "explanation": explanation}


MIN40 = {"minutes": {"min": 40, "max": 40}}
MIN50 = {"minutes": {"min": 50, "max": 50}}
DAY = {"date": {"start": "2021-12-30", "end": "2021-12-30"}}

# E10 and E2 share claim c-day (one "yesterday" dating both calls); E2's date fact holds
# more of the decision's claims than E10's.
REPORT = {
    "events": [
        {"id": "E10", "kind": "call", "date": DAY["date"], "participants": ["Joe Biden", "Vladimir Putin"],
         "facts": [_fact("date", "corroborated", [_claim("c-day", "d1", "Gulf Daily", "أمس", DAY)], "f-10d"),
                   _fact("duration", "conflict",
                         [_claim("c-40", "d1", "Gulf Daily", "لمدة 40 دقيقة", MIN40, speaker="Dmitry Peskov"),
                          _claim("c-50", "d2", "Le Monde Arabe", "استغرقت 50 دقيقة", MIN50)], "f-10m",
                         "the outlets disagree on the length")]},
        {"id": "E2", "kind": "meeting", "date": DAY["date"], "participants": ["Antony Blinken", "Dmytro Kuleba"],
         "facts": [_fact("date", "single_source",
                         [_claim("c-day", "d1", "Gulf Daily", "أمس", DAY),
                          _claim("c-day2", "d3", "Élysée Watch", "أجرى اتصالاً هاتفياً مع الرئيس", DAY)], "f-2d")]},
    ],
    "entities": [{"id": "vladimir-putin", "name": "Vladimir Putin", "surfaces": ["بوتين", "فلاديمير بوتين"]},
                 {"id": "joe-biden", "name": "Joe Biden", "surfaces": ["بايدن"]}],
    "documents": [{"id": "d1", "outlet": "Gulf Daily"}, {"id": "d2", "outlet": "Le Monde Arabe"},
                  {"id": "d3", "outlet": "Élysée Watch"}],
}


def _model(tmp_path, *decisions: Decision) -> ReviewModel:
    log = ReviewLog(tmp_path / "r.review.jsonl")
    for d in decisions:
        log.append(d)
    return ReviewModel(REPORT, log)


def _shown(model: ReviewModel, **filters) -> list[str]:
    return [f"{r.event['id']}:{r.fact['fact']}" for r in model.shown(Filters(**filters))]


def test_the_reviewer_sees_conflicts_then_single_source_then_corroborated(tmp_path):
    assert _shown(_model(tmp_path)) == ["E10:duration", "E2:date", "E10:date"]


def test_filters_by_status_event_and_outlet(tmp_path):
    model = _model(tmp_path)
    assert _shown(model, status="single_source") == ["E2:date"]
    assert _shown(model, event="e10") == ["E10:duration", "E10:date"]
    assert _shown(model, outlet="monde") == ["E10:duration"]
    assert _shown(model, outlet="elysee") == ["E2:date"]            # accents need not be typed
    assert _shown(model, status="corroborated", event="E2") == []


def test_entity_filter_takes_any_spelling(tmp_path):
    model = _model(tmp_path)
    for typed in ("vladimir-putin", "بوتين", "فلاديمير بوتين", "putin"):
        names = model.resolve_entities(typed)
        assert names == {"Vladimir Putin"}, typed
        assert _shown(model, entity=typed, entity_names=names) == ["E10:duration", "E10:date"]
    assert model.resolve_entities("Kuleba") == {"Dmytro Kuleba"}     # named only in an event
    assert model.resolve_entities("nobody") == set()


def test_search_ignores_arabic_spelling_variants(tmp_path):
    model = _model(tmp_path)
    # ta marbuta / ha, diacritics, hamza on alef, tatweel, Arabic-Indic digits
    for typed in ("دقيقه", "دَقِيقَة", "٤٠ دقيقة", "د\u0640قيقة"):
        assert _shown(model, search=typed) == ["E10:duration"], typed
    for typed in ("اجرى اتصالا", "أجرى اتصالاً"):
        assert _shown(model, search=typed) == ["E2:date"], typed
    assert _shown(model, search="PESKOV") == ["E10:duration"]          # speakers, any case
    assert _shown(model, search="disagree") == ["E10:duration"]        # the explanation
    assert search_key("Élysée") == search_key("elysee")


def test_a_decision_shows_on_the_fact_holding_most_of_its_claims(tmp_path):
    d = Decision("resolve", claims=["c-day", "c-day2"], fact="date", value="2021-12-29")
    model = _model(tmp_path, d)
    states = {f"{r.event['id']}:{r.fact['fact']}": model.state(r)[0] for r in model.rows}
    assert states == {"E10:duration": "open", "E2:date": "resolved", "E10:date": "open"}
    assert model.row_of(d).event["id"] == "E2"
    assert model.progress() == ({"conflict": 1, "single_source": 1, "corroborated": 1}, 1, 1)


def test_event_ids_and_fact_handles(tmp_path):
    model = _model(tmp_path)
    assert model.event_id("10") == model.event_id("e10") == "E10"
    assert model.event_of("c-50") == "E10"
    e2_date = next(r for r in model.rows if r.event["id"] == "E2")
    assert model.fact_handle(e2_date) == "c-day2"        # c-day is shared with E10's date


def test_the_model_needs_no_textual():
    code = "import sys, reconcile.review.model; assert 'textual' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
