"""Fuzz the whole pipeline: generated mixed Arabic/Latin/digit/mark/control texts with random
manifests and dates, in chunks (one corpus of several documents per case), counting crashes and
report problems (schema violations, non-standard JSON, unsafe Markdown).

    .venv/bin/python bench/fuzz.py --inputs 1000000 --chunk 20 --seed 1 [--workers 8]

Each generated text is one input; a crash or problem is printed with its seed so it can be
replayed with --replay SEED.  Exit code 1 when any was found.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

PIECES = ["Biden", "Putin", "phone call", "phoned", "minutes", "an hour", "Thursday", "on 30 December 2021",
          "يناير 0000", "أمس", "next year", "اتصال هاتفي", "بايدن", "بوتين", "50 دقيقة", "ساعة", "استمر",
          "يوم الخميس", "20:35 GMT", "الساعة 10 مساء", "،", ".", "\n\n", "ـ", "\u064b", "\u200f", "٣٠", "«", "»",
          "\x1b]52;c;ZXZpbA==\x07", "\x1b[2J", "\u202e", "\x00", "\x9b", "<script>", "[x](javascript:1)", "`", "|",
          "(Reuters) -", "said", "قال", "the Kremlin", "الكرملين", "9" * 30, "12/31/9999", "0001-01-01"]
RANGES = [(0x20, 0x7e), (0x600, 0x6ff), (0x660, 0x669), (0x64b, 0x65f), (0x0, 0x1f), (0x80, 0x9f), (0x2000, 0x206f)]
DATES = [None, "2021-12-31", "2022-01-03T10:00", "2021-02-30", "yesterday", "1900-01-01", "2100-12-31"]


def gen_text(rng: random.Random) -> str:
    out = []
    for _ in range(rng.randint(1, 60)):
        if rng.random() < 0.6:
            out.append(rng.choice(PIECES))
        else:
            lo, hi = rng.choice(RANGES)
            out.append("".join(chr(rng.randint(lo, hi)) for _ in range(rng.randint(1, 6))))
    return " ".join(out)


def gen_case(seed: int, chunk: int) -> tuple[list[str], dict]:
    rng = random.Random(seed)
    texts = [gen_text(rng) for _ in range(chunk)]
    manifest = {}
    for i in range(chunk):
        if rng.random() < 0.7:
            manifest[f"{i}.txt"] = {"outlet": rng.choice([None, "Outlet", gen_text(rng)[:40]]),
                                    "published": rng.choice(DATES), "language": rng.choice(["en", "ar", None]),
                                    "url": rng.choice([None, "https://x.example/a", "javascript:alert(1)"])}
    return texts, manifest


def one(args: tuple[int, int]) -> tuple[int, str | None]:
    from test_properties import run_case
    seed, chunk = args
    texts, manifest = gen_case(seed, chunk)
    try:
        problems = run_case(texts, manifest)
    except Exception:     # noqa: BLE001 - a crash is what we count
        return seed, "crash: " + traceback.format_exc(limit=4).strip().replace("\n", " | ")[-600:]
    return seed, ("problems: " + "; ".join(problems)[:600]) if problems else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--inputs", type=int, default=10_000, help="generated texts in all")
    ap.add_argument("--chunk", type=int, default=20, help="texts per corpus (one pipeline run)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=max(1, multiprocessing.cpu_count() - 1))
    ap.add_argument("--seconds", type=float, default=0, help="stop after this long (0: no limit)")
    ap.add_argument("--replay", type=int, default=None, help="run one case by its seed and print it")
    a = ap.parse_args()
    if a.replay is not None:
        texts, manifest = gen_case(a.replay, a.chunk)
        print(json.dumps({"texts": texts, "manifest": manifest}, ensure_ascii=True)[:4000])
        print(one((a.replay, a.chunk))[1] or "fine")
        return 0
    cases = (a.inputs + a.chunk - 1) // a.chunk
    start, done, bad = time.time(), 0, 0
    tempfile.tempdir = tempfile.gettempdir()
    with multiprocessing.get_context("fork").Pool(a.workers) as pool:
        for seed, what in pool.imap_unordered(one, ((a.seed * 10_000_000 + i, a.chunk) for i in range(cases)),
                                              chunksize=4):
            done += 1
            if what:
                bad += 1
                print(f"seed {seed}: {what}", flush=True)
            if done % 500 == 0:
                print(f"{done * a.chunk} inputs, {bad} failing cases, {time.time() - start:.0f}s", flush=True)
            if a.seconds and time.time() - start > a.seconds:
                pool.terminate()
                break
    print(f"done: {done * a.chunk} inputs in {done} cases, {bad} failing cases, {time.time() - start:.0f}s")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
