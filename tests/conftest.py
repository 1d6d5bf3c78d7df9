from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seed_analysis():
    from reconcile.ingest.corpus import load_corpus
    from reconcile.pipeline import analyse
    return analyse(load_corpus([SEEDS]))


@pytest.fixture(scope="session")
def seed_report(seed_analysis):
    from reconcile.report.writer import build_report
    return build_report(seed_analysis, "seeds")


def report_of_article(folder: Path, text: str, published: str | None, name: str = "article") -> dict:
    """The report of a one-article corpus written into ``folder`` (language from its script)."""
    return report_of_corpus(folder, {"doc": (text, published)}, name, outlets={"doc": "Outlet"})


def report_of_corpus(folder: Path, docs: dict[str, tuple[str, str | None]], name: str = "corpus",
                     outlets: dict[str, str] | None = None) -> dict:
    """The report of the articles ``doc -> (text, published)`` written into ``folder`` as
    ``doc.txt``, each in the language of its script, from outlet ``outlets[doc]`` (default
    "Outlet doc")."""
    import yaml

    from reconcile.ingest.corpus import load_corpus
    from reconcile.pipeline import analyse
    from reconcile.report.writer import build_report
    manifest = {}
    for doc, (text, published) in docs.items():
        lang = "ar" if any("\u0600" <= ch <= "\u06ff" for ch in text) else "en"
        (folder / f"{doc}.txt").write_text(text, encoding="utf-8")
        outlet = (outlets or {}).get(doc, f"Outlet {doc}")
        manifest[f"{doc}.txt"] = {"outlet": outlet, "language": lang, "published": published, "url": None}
    (folder / "sources.yaml").write_text(yaml.safe_dump(manifest), encoding="utf-8")
    return build_report(analyse(load_corpus([folder])), name)


# Property-based tests (tests/test_properties.py): a short profile by default (CI, a few seconds),
# a long one by hand: HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest tests/test_properties.py
try:
    import os

    from hypothesis import HealthCheck, settings
    _slow = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture]
    settings.register_profile("short", max_examples=8, deadline=None, suppress_health_check=_slow)
    settings.register_profile("long", max_examples=3000, deadline=None, suppress_health_check=_slow)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "short"))
except ImportError:      # hypothesis is a test dependency; without it those tests are skipped
    pass


def fact_values(ev: dict, fact: str) -> list:
    """The values of one fact's claims in a report event."""
    return [c["value"] for f in ev["facts"] if f["fact"] == fact for c in f["claims"]]


def events_on(rep: dict, start: str | None) -> list[dict]:
    """A report's events whose first day is ``start``."""
    return [ev for ev in rep["events"] if (ev["date"] or {}).get("start") == start]


def events_by_start(rep: dict) -> dict:
    """A report's events by their first day (None for undated ones)."""
    return {(ev["date"] or {}).get("start"): ev for ev in rep["events"]}
