"""English articles written for these tests: wire-style datelines, appositives, zones."""
from __future__ import annotations

from reconcile.ingest.corpus import load_corpus
from reconcile.pipeline import analyse
from reconcile.report.writer import build_report

REUTERS_STYLE = """Zelenskiy and Erdogan discuss grain deal in lengthy call

ANKARA/KYIV, March 10 (Reuters) - Turkish President Tayyip Erdogan and Ukrainian President Volodymyr Zelenskiy spoke by telephone on Thursday for roughly an hour and a half, Erdogan's office said in a statement.

The call, which began at 9:15 p.m. Kyiv time, was held at the request of Kyiv, a Turkish official said. "We agreed to keep the corridor open," Zelenskiy wrote on Twitter after the conversation.
"""

AP_STYLE = """Ukraine says Zelensky-Erdogan call lasted three hours

KYIV (AP) — The phone call between Volodymyr Zelensky and Recep Tayyip Erdogan on Thursday lasted three hours, the Ukrainian presidency said, contradicting Turkish accounts.

It started at 19:15 GMT, according to Zelensky's office.
"""


def test_wire_copy_in_english(tmp_path):
    (tmp_path / "r.txt").write_text(REUTERS_STYLE, encoding="utf-8")
    (tmp_path / "a.txt").write_text(AP_STYLE, encoding="utf-8")
    (tmp_path / "sources.yaml").write_text(
        "r.txt: {outlet: Reuters, language: en, published: 2023-03-10}\n"
        "a.txt: {outlet: AP, language: en, published: 2023-03-10}\n", encoding="utf-8")
    report = build_report(analyse(load_corpus([tmp_path])), "en")
    # the dateline's day (10 March) is the article's, not the call's (Thursday, 9 March)
    assert [(e["kind"], e["date"]["start"]) for e in report["events"]] == [("call", "2023-03-09")]
    ev = report["events"][0]
    assert set(ev["participants"]) == {"Recep Tayyip Erdoğan", "Volodymyr Zelensky"}
    facts = {f["fact"]: f for f in ev["facts"]}
    assert facts["start_time"]["status"] == "corroborated"        # 9:15 p.m. Kyiv = 19:15 GMT
    assert facts["duration"]["status"] == "conflict"              # an hour and a half vs three hours
    assert facts["initiator"]["claims"][0]["value"] == {"entity": "Kyiv"}      # as named; verdicts read it as Ukraine
    assert {c["language"] for f in ev["facts"] for c in f["claims"]} == {"en"}


VIDEO_SUMMIT = """Biden, Putin spar over Ukraine in two-hour video summit

WASHINGTON/MOSCOW, Dec 7 (Wire) - U.S. President Joe Biden told Russian President Vladimir Putin during a two-hour video call on Tuesday that the West would impose "strong economic and other measures" if Russia invades Ukraine, the White House said.

The secure video conference began at 10:07 a.m. EST, according to a U.S. official. Kremlin aide Yuri Ushakov said the conversation lasted slightly more than two hours and was "frank and businesslike".

Biden and Putin last met in person at a summit in Geneva in June.
"""

VIDEO_TALKS = """Putin and Biden hold virtual talks

MOSCOW (Agency) — Vladimir Putin and Joe Biden held talks by video link on Tuesday that went on for just over two hours, Kremlin spokesman Dmitry Peskov told reporters.
"""


def test_speakers_and_vague_durations_in_english(tmp_path):
    (tmp_path / "x.txt").write_text(VIDEO_SUMMIT, encoding="utf-8")
    (tmp_path / "y.txt").write_text(VIDEO_TALKS, encoding="utf-8")
    (tmp_path / "sources.yaml").write_text(
        "x.txt: {outlet: Wire, language: en, published: 2021-12-07}\n"
        "y.txt: {outlet: Agency, language: en, published: 2021-12-08}\n", encoding="utf-8")
    report = build_report(analyse(load_corpus([tmp_path])), "en")
    call = next(e for e in report["events"] if e["date"] and e["date"]["start"] == "2021-12-07")
    assert call["kind"] == "call" and call["documents"] == ["x", "y"]
    duration = next(f for f in call["facts"] if f["fact"] == "duration")
    assert duration["status"] == "corroborated"
    got = {(c["text"], c["speaker"]) for c in duration["claims"]}
    # the sentence's closing ", the White House said" speaks for its "two-hour"
    assert got == {("two-hour", "White House"), ("slightly more than two hours", "Yuri Ushakov"),
                   ("just over two hours", "Dmitry Peskov")}
    summit = next(e for e in report["events"] if e["kind"] == "meeting")
    assert {f["fact"] for f in summit["facts"]} >= {"location", "date"}
    assert summit["date"] == {"start": "2021-06-01", "end": "2021-06-30"}


def test_a_closing_attribution_with_a_title_names_the_source(tmp_path):
    text = ("Putin warns Biden\n\nMOSCOW (Newswire) - Russian President Vladimir Putin warned U.S. President "
            "Joe Biden in a 50-minute phone conversation on Thursday that sanctions would be a mistake, "
            "Kremlin foreign policy aide Yuri Ushakov told reporters.\n")
    (tmp_path / "z.txt").write_text(text, encoding="utf-8")
    (tmp_path / "sources.yaml").write_text("z.txt: {outlet: Newswire, language: en, published: 2021-12-31}\n",
                                           encoding="utf-8")
    report = build_report(analyse(load_corpus([tmp_path])), "en")
    claims = {(f["fact"], c["text"], c["speaker"]) for e in report["events"] for f in e["facts"]
              for c in f["claims"]}
    assert ("duration", "50-minute", "Yuri Ushakov") in claims
    assert ("date", "on Thursday", "Yuri Ushakov") in claims
