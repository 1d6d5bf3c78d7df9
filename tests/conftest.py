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
