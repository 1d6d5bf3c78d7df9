"""Run every example and counter-example of every rule file, the way a run would read them.

Shared by the test suite and ``reconcile rules check``: a rule file is only as good as the
examples it carries, and a broken file is reported by file and line.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from reconcile.dimensions.dates import parse_iso_day
from reconcile.engine.matching import find
from reconcile.engine.normalise import normalise
from reconcile.engine.rules import RULES_DIR, RuleError, RuleSet, ruleset, strip_lines
from reconcile.entities.gazetteer import gazetteer
from reconcile.entities.registry import EntityRegistry
from reconcile.extract import BUILDERS, LanguageContext, extract_document, language_context
from reconcile.extract.attribution import attributions
from reconcile.extract.hits import medium_value, trigger_value
from reconcile.extract.mentions import locations
from reconcile.ingest.metadata import outlet_names
from reconcile.records import Document
from reconcile.verdicts import Tolerances


@dataclass
class ExampleResult:
    where: str            # "rules/ar/duration.yaml:93"
    dim: str
    text: str
    ok: bool
    detail: str = ""
    counter: bool = False


PURE = ("number", "duration", "clock_time", "date")


def _expected(ex: dict) -> object:
    return strip_lines(ex.get("value"))


def _got_pure(rs: RuleSet, dim: str, ex: dict) -> tuple[bool, str]:
    text = str(ex["text"])
    nt = normalise(text)
    matches = find(rs, dim, nt.text)
    whole = [m for m in matches if m.start == 0 and m.end == len(nt.text.rstrip())]
    if len(matches) != 1 or not whole:
        return False, f"expected one match covering the text, got {[nt.text[m.start:m.end] for m in matches]}"
    m = whole[0]
    # what a run knows around the words: the publication date, and for a clock reading its day
    ctx = {"ref": parse_iso_day(str(ex.get("published") or "")), "date": parse_iso_day(str(ex.get("day") or "")),
           "rule": m.rule.value, "tense": ex.get("tense")}
    value = BUILDERS[dim](rs.tokens(nt.text, m.start, m.end), rs, ctx)
    want = _expected(ex)
    got = _comparable(dim, value)
    return _same(got, want), f"expected {want}, got {got}"


def _comparable(dim: str, value) -> object:
    if value is None:
        return None
    if dim == "number":
        return value
    if dim == "duration":
        return {"minutes": [value["minutes"]["min"], value["minutes"]["max"]]}
    if dim == "clock_time":
        return {"utc": value["utc"]["start"]} if value.get("utc") else value
    if dim == "date":
        if "start" in value:
            return {"date": [value["start"], value["end"]]}
        return value
    return value


def _same(got, want) -> bool:
    if isinstance(got, dict) and isinstance(want, dict):
        return set(got) == set(want) and all(_same(got[k], want[k]) for k in got)
    if isinstance(got, (list, tuple)) and isinstance(want, (list, tuple)):
        return len(got) == len(want) and all(_same(a, b) for a, b in zip(got, want, strict=True))
    if isinstance(got, (int, float)) and isinstance(want, (int, float)):
        return abs(float(got) - float(want)) < 0.01
    return str(got) == str(want)


def _got_contextual(x: LanguageContext, dim: str, ex: dict) -> tuple[bool, str]:
    """Dimensions whose value is an entity or a lexicon value: run the real extractor."""
    text = str(ex["text"])
    published = str(ex["published"]) if ex.get("published") else None
    doc = Document(id="example", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                   language=x.lang, published=published)
    gaz = EntityRegistry(gazetteer(x.rs.root / "entities.yaml"))
    e = extract_document(doc, x, gaz)
    want = _expected(ex)

    def names(eid: str) -> str:
        return gaz.entities[eid].name if eid in gaz.entities else eid

    got: dict | None
    if dim == "initiator":
        initiators = [c.value for c in e.claims if c.fact == "initiator"]
        got = {"entity": names(initiators[0]["entity"])} if initiators else None
    elif dim == "attribution":
        atts = attributions(e, x, gaz)
        first = next((a for per in atts for a in per), None)
        got = {"speaker": names(first.speaker)} if first else None
    elif dim == "location":
        locs = locations(e, x, gaz, (0, len(e.nt.text)), [])
        got = {"entity": names(locs[0][0])} if locs else None
    elif dim == "medium":
        hits = e.hits["medium"]
        ok = len(hits) == 1 and hits[0].start <= 2 and hits[0].end == len(e.nt.text.rstrip())
        got = {"medium": medium_value(x.rs, e.nt.text, hits[0])} if ok else None
    elif dim == "event":
        hits = e.hits["event"]
        ok = len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(e.nt.text.rstrip())
        got = dict(trigger_value(x.rs, e.nt.text, hits[0])) if ok else None
    elif dim == "metadata":
        from reconcile.ingest.metadata import signed_outlet
        o = signed_outlet(x.rs, text)
        got = {"outlet": o} if o else None
    else:
        return False, f"no example runner for dimension '{dim}'"
    return _same(got, want), f"expected {want}, got {got}"


def _counter(rs: RuleSet, x: LanguageContext, dim: str, text: str) -> tuple[bool, str]:
    nt = normalise(text)
    if dim in PURE:
        ms = find(rs, dim, nt.text)
        return not ms, f"expected no match, got {[nt.text[m.start:m.end] for m in ms]}"
    ok, detail = _got_contextual(x, dim, {"text": text, "value": None})
    return ok, detail.replace("expected None", "expected nothing")


def check_language(lang: str, root: Path = RULES_DIR) -> list[ExampleResult]:
    """Every example and counter-example of one language's rule files under ``root``, each
    where it is written: a rule's own, and the file's."""
    rs = ruleset(lang, root)
    x = language_context(lang, root)
    out: list[ExampleResult] = []
    for dim in rs.dimensions.values():
        rel = _shown(dim.path)
        examples = [ex for rule in dim.rules for ex in rule.examples] + dim.examples
        counters = [cex for rule in dim.rules for cex in rule.counter_examples] + dim.counter_examples
        out.extend(_example(rs, x, dim.name, f"{rel}:{ex['__line__']}", ex) for ex in examples)
        for cex in counters:
            ok, detail = _counter(rs, x, dim.name, cex["text"])
            out.append(ExampleResult(f"{rel}:{cex['__line__']}", dim.name, cex["text"], ok, detail, True))
    return out


def _example(rs: RuleSet, x: LanguageContext, dim: str, where: str, ex: dict) -> ExampleResult:
    try:
        ok, detail = _got_pure(rs, dim, ex) if dim in PURE else _got_contextual(x, dim, ex)
    except (KeyError, ValueError, TypeError) as exc:
        ok, detail = False, f"example could not be evaluated: {exc}"
    return ExampleResult(where, dim, str(ex["text"]), ok, detail)


def _shown(path: Path) -> str:
    """A rule file's path as a person typed it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def check_all() -> tuple[list[ExampleResult], list[str]]:
    """(example results, load errors): load errors name file and line."""
    from reconcile.pipeline import supported_languages
    results, errors = [], []
    try:
        gazetteer()
        outlet_names()
        Tolerances.load()
    except RuleError as exc:
        errors.append(str(exc))
    for lang in supported_languages():
        try:
            results.extend(check_language(lang))
        except RuleError as exc:
            errors.append(str(exc))
    return results, errors
