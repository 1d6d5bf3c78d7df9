#!/usr/bin/env python3
"""Time `reconcile run` on pathological single articles (issue 10: "linear time and bounded
output in the worst case").

    python bench/bench_pathological.py                    # every case at 300 KB
    python bench/bench_pathological.py --kb 100 300       # several sizes
    python bench/bench_pathological.py --case commas_ar --timeout 600

Each case is one generated article (written under bench/out/pathological/), run through the
installed `reconcile run` in a fresh process; the table gives wall time, the child's peak RSS,
the exit code and the size of the JSON and Markdown reports (deleted afterwards unless --keep).
The acceptance target of the issue: under 3 s and under 5 MB of reports for 300 KB of any case.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out" / "pathological"

CLAIM_EN = "Putin and Biden spoke by phone for 50 minutes on Tuesday the Kremlin spokesman Peskov said "
CLAIM_AR = "قال المتحدث باسم الكرملين بيسكوف إن بوتين وبايدن تحدثا هاتفيا لمدة 50 دقيقة يوم الثلاثاء "


def _fill(unit: str, size: int) -> str:
    """``unit`` repeated to ``size`` bytes of UTF-8."""
    n = max(1, size // len(unit.encode("utf-8")))
    return unit * n


def no_punct_en(size: int) -> str:
    """Claims run together with no sentence punctuation: one 'sentence' of the whole article."""
    return _fill(CLAIM_EN + "and then ", size) + "\n"


def no_punct_ar(size: int) -> str:
    return _fill(CLAIM_AR + "ثم ", size) + "\n"


def commas_ar(size: int) -> str:
    """One claim, then nothing but Arabic commas (each a clause mark)."""
    return CLAIM_AR + _fill("،", size) + "\n"


def clauses_ar(size: int) -> str:
    """Short clauses separated by Arabic commas, no full stop."""
    return _fill("قال مسؤول، ", size) + CLAIM_AR + ".\n"


def repeated_claims_en(size: int) -> str:
    """The same claim sentence over and over (every one a claim about one event)."""
    return _fill(CLAIM_EN.strip() + ". ", size) + "\n"


def repeated_claims_ar(size: int) -> str:
    return _fill(CLAIM_AR.strip() + ". ", size) + "\n"


def dots_en(size: int) -> str:
    """One claim, then a run of full stops never followed by a space (a regex corner)."""
    return CLAIM_EN + "." * size + "x\n"


def varied_values_en(size: int) -> str:
    """The same claim with a different duration each time: every pair of values disagrees."""
    out, i, n = [], 0, 0
    while n < size:
        s = f"Putin and Biden spoke by phone for {i % 600 + 1} minutes on Tuesday the Kremlin spokesman Peskov said. "
        out.append(s)
        n += len(s)
        i += 1
    return "".join(out) + "\n"


CASES: dict[str, Callable[[int], str]] = {f.__name__: f for f in (
    no_punct_en, no_punct_ar, commas_ar, clauses_ar, repeated_claims_en, repeated_claims_ar,
    dots_en, varied_values_en)}


def run_case(name: str, kb: int, timeout: float, keep: bool = False) -> dict:
    folder = OUT / f"{name}_{kb}k"
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "in").mkdir(parents=True)
    text = CASES[name](kb * 1000)
    (folder / "in" / f"{name}.txt").write_text(text, encoding="utf-8")
    out = folder / "reports"
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "reconcile.cli", "run", str(folder / "in"), "--out", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    code, usage, killed = _wait(proc, timeout)
    seconds = time.perf_counter() - started
    sizes = {p.suffix: p.stat().st_size for p in out.glob("*")} if out.is_dir() else {}
    if not keep:   # a worst case can write gigabytes
        shutil.rmtree(folder, ignore_errors=True)
    return {"case": name, "kb": len(text.encode("utf-8")) // 1000, "seconds": seconds,
            "rss_mb": usage.ru_maxrss / 1024, "exit": "timeout" if killed else code,
            "json_mb": sizes.get(".json", 0) / 1e6, "md_mb": sizes.get(".md", 0) / 1e6}


def _wait(proc: subprocess.Popen, timeout: float):
    """(exit code, the child's own resource usage, killed?): os.wait4 reaps it, so Popen never does."""
    deadline = time.perf_counter() + timeout
    killed = False
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            return os.waitstatus_to_exitcode(status), usage, killed
        if not killed and time.perf_counter() > deadline:
            proc.kill()
            killed = True
        time.sleep(0.02)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kb", type=int, nargs="+", default=[300], help="article sizes in KB (default 300)")
    parser.add_argument("--case", choices=sorted(CASES), nargs="+", default=list(CASES))
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds before a run is killed")
    parser.add_argument("--keep", action="store_true", help="keep the inputs and reports under bench/out/")
    args = parser.parse_args()
    print(f"{'case':<20} {'KB':>5} {'seconds':>8} {'peak MB':>8} {'exit':>7} {'json MB':>8} {'md MB':>7}")
    for kb in args.kb:
        for name in args.case:
            r = run_case(name, kb, args.timeout, args.keep)
            print(f"{r['case']:<20} {r['kb']:>5} {r['seconds']:>8.2f} {r['rss_mb']:>8.0f} {r['exit']!s:>7} "
                  f"{r['json_mb']:>8.2f} {r['md_mb']:>7.2f}", flush=True)


if __name__ == "__main__":
    main()
