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
