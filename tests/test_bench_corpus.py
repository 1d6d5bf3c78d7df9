"""The benchmark's corpus generator keeps working with the package it measures: its filler is
checked by the real extractor, and a small corpus runs through the pipeline."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench"


def test_filler_yields_no_claim():
    done = subprocess.run([sys.executable, str(BENCH / "make_corpus.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert ", 0 with claims" in done.stdout


def test_small_corpus_runs_through_the_pipeline(tmp_path):
    feed = tmp_path / "c20.jsonl"
    subprocess.run([sys.executable, str(BENCH / "make_corpus.py"), "--docs", "20", "--out", str(feed)],
                   check=True, capture_output=True)
    done = subprocess.run([sys.executable, "-m", "reconcile.cli", "run", str(feed), "--out", str(tmp_path / "out")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "c20.json").stat().st_size > 1000
