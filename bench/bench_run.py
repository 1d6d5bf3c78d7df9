#!/usr/bin/env python3
"""Time the whole reconcile pipeline on synthetic corpora of growing size.

    python bench/bench_run.py --docs 1000 10000          # table + growth ratios
    python bench/bench_run.py --docs 1000 3000 --timeout 900
    python bench/bench_run.py --profile 1000             # cProfile, top 25 by cumulative time

For each size the corpus is built by bench/make_corpus.py (cached under bench/out/, keyed
on the generator and rule files, so a rerun reuses it) and the pipeline runs in a fresh
child process pinned to one CPU: load_corpus -> analyse -> build_report -> dumps ->
render_markdown, exactly what ``reconcile run`` does minus writing the files.  The child
reports wall time per stage and its peak RSS (getrusage ru_maxrss), so memory is per size.

Inside ``analyse`` and ``build_report`` a few package functions are wrapped at run time
(nothing in the package is modified) to split the time further: per-document extraction,
in-document grouping, cross-document grouping, claim building, verdicts, quotation
alignment, and claim serialisation.  The wrappers add one perf_counter pair per call.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))

# (label, where, attribute): timed at run time in the child; nested ones are reported apart
SUBSTAGES = [
    ("setup", "reconcile.pipeline", "gazetteer"),
    ("setup", "reconcile.pipeline", "ruleset"),
    ("setup", "reconcile.pipeline", "language_context"),
    ("extract", "reconcile.pipeline", "extract_document"),
    ("group_in_doc", "reconcile.events:EventGrouper", "in_document"),
    ("group_across", "reconcile.events:EventGrouper", "across"),
    ("merge_names", "reconcile.pipeline", "_merge_discovered"),
    ("to_claim", "reconcile.pipeline", "_to_claim"),
    ("verdicts", "reconcile.verdicts:Reconciler", "verdict"),
    ("quotes", "reconcile.verdicts:Reconciler", "quotes"),
    ("provenance", "reconcile.pipeline", "relays"),
    ("claim_json", "reconcile.report.writer", "claim_json"),
]
ANALYSE_PARTS = ["setup", "extract", "group_in_doc", "group_across", "merge_names", "to_claim", "verdicts", "quotes",
                 "provenance"]


# --------------------------------------------------------------------------- corpus cache


def source_hash(pkg_root: Path = ROOT) -> str:
    """What the corpus depends on: the generator (make_corpus.py and corpus_phrases.py) and the
    rule data it reads (lexicons, gazetteer, CLDR names); comments, patterns and examples in the
    rule files do not count."""
    import make_corpus
    h = hashlib.sha256((HERE / "make_corpus.py").read_bytes())
    h.update((HERE / "corpus_phrases.py").read_bytes())
    h.update(make_corpus.Rules(pkg_root / "rules").fingerprint().encode())
    return h.hexdigest()[:12]


def corpus_for(n: int, seed: int, fmt: str, rebuild: bool = False, pkg_root: Path = ROOT) -> tuple[Path, dict]:
    import make_corpus
    OUT.mkdir(parents=True, exist_ok=True)
    tag = source_hash(pkg_root)
    if fmt == "folder":
        path = OUT / f"corpus_{n}_s{seed}_{tag}"
        truth_path = path / "truth.json"
    else:
        path = OUT / f"corpus_{n}_s{seed}_{tag}.jsonl"
        truth_path = path.with_suffix(".truth.json")
    if path.exists() and truth_path.exists() and not rebuild:
        return path, json.loads(truth_path.read_text(encoding="utf-8"))
    t = time.perf_counter()
    docs, truth = make_corpus.generate_with_truth(n, seed, pkg_root / "rules")
    if fmt == "folder":
        make_corpus.write_folder(docs, path)
    else:
        make_corpus.write_jsonl(docs, path)
    truth["source_hash"] = tag
    truth_path.write_text(json.dumps(truth, indent=1) + "\n", encoding="utf-8")
    print(f"  built {path.relative_to(ROOT)} in {time.perf_counter() - t:.1f}s", file=sys.stderr)
    return path, truth


def snapshot(rev: str) -> tuple[Path, str]:
    """``git archive`` of reconcile/ and rules/ at ``rev`` under bench/out/pkg_<sha>/: a fixed
    copy of the package to measure while the working tree keeps changing."""
    sha = subprocess.run(["git", "rev-parse", "--short", rev], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout.strip()
    dest = OUT / f"pkg_{sha}"
    if not (dest / "reconcile" / "__init__.py").exists():
        dest.mkdir(parents=True, exist_ok=True)
        arch = subprocess.run(["git", "archive", sha, "reconcile", "rules"], cwd=ROOT, capture_output=True,
                              check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(dest)], input=arch, check=True)
    return dest, sha


def code_state() -> str:
    """The package commit the run measures, and whether reconcile/ or rules/ have local edits."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "reconcile", "rules"], cwd=ROOT,
                               capture_output=True, text=True, timeout=10).stdout.split("\n")
        dirty = [line[3:] for line in dirty if line.strip()]
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return head + (f" + local edits in {', '.join(dirty)}" if dirty else "")


def corpus_bytes(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.glob("*.txt"))
    return path.stat().st_size


# --------------------------------------------------------------------------- child


_STAGE = ["startup"]          # the innermost stage running now (GC pauses are charged to it)


def _instrument(acc: dict[str, list[float]]):
    import functools
    import importlib
    label_of: dict[int, str] = {}

    for label, where, attr in SUBSTAGES:
        mod_name, _, cls_name = where.partition(":")
        owner = importlib.import_module(mod_name)
        if cls_name:
            owner = getattr(owner, cls_name, None)
        fn = getattr(owner, attr, None)
        if fn is None:                      # another version of the package: not timed
            continue
        acc.setdefault(label, [0.0, 0])
        label_of[id(acc[label])] = label

        def wrap(fn, slot):
            @functools.wraps(fn)
            def timed(*a, **k):
                t = time.perf_counter()
                _STAGE.append(label_of[id(slot)])
                try:
                    return fn(*a, **k)
                finally:
                    _STAGE.pop()
                    slot[0] += time.perf_counter() - t
                    slot[1] += 1
            return timed

        setattr(owner, attr, wrap(fn, acc[label]))


def child(path: str, split: bool, profile_out: str | None, write: str | None, no_gc: bool = False) -> None:
    """Run the pipeline once and print one JSON line of measurements."""
    import resource

    try:
        cpus = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpus[-1]})          # one core
    except (AttributeError, OSError):
        pass
    t0 = time.perf_counter()
    from reconcile.ingest.corpus import load_corpus
    from reconcile.pipeline import analyse
    from reconcile.report.writer import build_report, dumps, render_markdown
    t_import = time.perf_counter() - t0
    import reconcile
    acc: dict[str, list[float]] = {}
    if split and not profile_out:
        _instrument(acc)
    rss_start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    import gc
    gc_time = {"s": 0.0, "collections": 0, "gen2": 0, "by_stage": {}}
    gc_start = [0.0]

    def on_gc(phase, info):
        if phase == "start":
            gc_start[0] = time.perf_counter()
        else:
            d = time.perf_counter() - gc_start[0]
            gc_time["s"] += d
            gc_time["collections"] += 1
            gc_time["gen2"] += info.get("generation") == 2
            where = _STAGE[-1]
            gc_time["by_stage"][where] = gc_time["by_stage"].get(where, 0.0) + d
    if not profile_out:
        gc.callbacks.append(on_gc)
    if no_gc:
        gc.disable()                     # what-if: no cyclic collection during the run
    prof = None
    if profile_out:
        import cProfile
        prof = cProfile.Profile()
        prof.enable()
    times = {}
    _STAGE[0] = "ingest"
    t = time.perf_counter()
    corpus = load_corpus([path])
    times["ingest"] = time.perf_counter() - t
    _STAGE[0] = "analyse other"
    t = time.perf_counter()
    a = analyse(corpus)
    times["analyse"] = time.perf_counter() - t
    _STAGE[0] = "build_report other"
    t = time.perf_counter()
    rep = build_report(a, corpus.name)
    times["build_report"] = time.perf_counter() - t
    _STAGE[0] = "dumps"
    t = time.perf_counter()
    js = dumps(rep)
    times["dumps"] = time.perf_counter() - t
    _STAGE[0] = "markdown"
    t = time.perf_counter()
    md = render_markdown(rep)
    times["markdown"] = time.perf_counter() - t
    _STAGE[0] = "after"
    if prof:
        prof.disable()
        prof.dump_stats(profile_out)
    if write:
        Path(write).mkdir(parents=True, exist_ok=True)
        (Path(write) / f"{corpus.name}.json").write_text(js, encoding="utf-8")
        (Path(write) / f"{corpus.name}.md").write_text(md, encoding="utf-8")
    times["report"] = times["build_report"] + times["dumps"] + times["markdown"]
    times["total"] = times["ingest"] + times["analyse"] + times["report"]
    s = rep["summary"]
    out = {
        "documents": len(corpus.documents), "package_file": reconcile.__file__, "times": times, "import_s": t_import,
        "substages": {k: {"s": v[0], "calls": v[1]} for k, v in acc.items()},
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_after_import_mb": rss_start,
        "events": s["events"], "events_multi_doc": sum(1 for e in rep["events"] if len(e["documents"]) > 1),
        "facts": s["facts"], "quotes": s["quotes"],
        "claims": sum(len(f["claims"]) for e in rep["events"] for f in e["facts"]),
        "quotations": sum(len(q["claims"]) for q in rep["quotes"]),
        "json_mb": len(js.encode("utf-8")) / 1e6, "md_mb": len(md.encode("utf-8")) / 1e6,
        "problems": len(rep["problems"]), "gc": gc_time,
    }
    print("BENCH " + json.dumps(out), flush=True)


def run_child(path: Path, timeout: float | None, split: bool = True, profile_out: Path | None = None,
              write: Path | None = None, pkg_root: Path | None = None, no_gc: bool = False) -> dict | None:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(path)]
    if not split:
        cmd.append("--no-split")
    if profile_out:
        cmd += ["--profile-out", str(profile_out)]
    if write:
        cmd += ["--write-dir", str(write)]
    if no_gc:
        cmd.append("--no-gc")
    env = dict(os.environ, PYTHONHASHSEED="0")
    env.pop("RECONCILE_RULES", None)
    if pkg_root is not None:                      # a snapshot shadows the editable install
        env["PYTHONPATH"] = os.pathsep.join([str(pkg_root)] + [p for p in [env.get("PYTHONPATH")] if p])
    t = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env, cwd=ROOT)
    except subprocess.TimeoutExpired:
        print(f"  timed out after {timeout:.0f}s (child stopped)", file=sys.stderr)
        return None
    wall = time.perf_counter() - t
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("BENCH ")), None)
    if proc.returncode != 0 or line is None:
        sys.stderr.write(proc.stderr[-4000:])
        raise SystemExit(f"child failed on {path} (exit {proc.returncode})")
    res = json.loads(line[6:])
    res["process_wall_s"] = wall
    return res


# --------------------------------------------------------------------------- tables


def table(rows: list[list], headers: list[str]) -> str:
    cells = [headers] + [[str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]

    def fmt(r):
        return "  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True)))
    return "\n".join([fmt(cells[0]), fmt(["-" * w for w in widths])] + [fmt(r) for r in cells[1:]])


STAGE_LABELS = ANALYSE_PARTS + ["analyse other", "claim_json", "build_report other", "dumps", "markdown"]
REPORT_PARTS = ["claim_json", "build_report other", "dumps", "markdown"]


def report(results: list[tuple[int, Path, dict, dict | None]]) -> str:
    out = [_summary_table(results)]
    gc_rows = [f"{n} docs: {r['gc']['s']:.1f}s in {r['gc']['collections']} collections ({r['gc']['gen2']} full)"
               for n, _, _, r in results if r and r.get("gc")]
    if gc_rows:
        out.append("cyclic GC (included in the times above): " + "; ".join(gc_rows))
    done = [(n, r) for n, _, _, r in results if r]
    if done and any(r["substages"] for _, r in done):
        out.append("")
        out.append("time split, seconds (GC = cyclic garbage collection pauses inside that stage):")
        out.append(_split_table(done))
    if len(done) >= 2:
        out.append("")
        out.append("growth (exponent b in time ~ docs^b: 1.00 = linear, 2.00 = quadratic):")
        out.append(_growth_table(done))
    return "\n".join(out)


def _summary_table(results: list[tuple[int, Path, dict, dict | None]]) -> str:
    """One row per size: time, throughput, memory, and what was found against what was planted."""
    rows = []
    for n, path, truth, r in results:
        if r is None:
            rows.append([n, f"{corpus_bytes(path) / 1e6:.1f}", "timeout"] + [""] * 10)
            continue
        t = r["times"]
        rows.append([r["documents"], f"{corpus_bytes(path) / 1e6:.1f}", f"{t['total']:.1f}",
                     f"{r['documents'] / t['total']:.0f}", f"{t['ingest']:.2f}", f"{t['analyse']:.1f}",
                     f"{t['report']:.2f}", f"{r['peak_rss_mb']:.0f}",
                     f"{r['events']} ({r['events_multi_doc']})",
                     f"{truth['events']} ({truth['events_with_2plus_reports']})", r["facts"]["conflict"],
                     sum(truth["planted_conflicts"].values()), r["claims"]])
    return table(rows, ["documents", "MB in", "seconds", "docs/s", "ingest s", "analyse s", "report s",
                        "peak RSS MB", "events (multi-doc)", "planted (multi)", "conflicts", "planted", "claims"])


def _stage_s(r: dict, label: str) -> float:
    """Seconds spent in one stage of one run (the "other" stages are what the timed parts leave)."""
    t, ss = r["times"], r["substages"]
    if label == "analyse other":
        return t["analyse"] - sum(ss[p]["s"] for p in ANALYSE_PARTS if p in ss)
    if label == "build_report other":
        return t["build_report"] - ss.get("claim_json", {}).get("s", 0)
    if label in ("dumps", "markdown", "ingest"):
        return t[label]
    return ss.get(label, {}).get("s", 0)


def _stage_gc(r: dict, label: str) -> float:
    return (r.get("gc") or {}).get("by_stage", {}).get(label, 0.0)


def _split_table(done: list[tuple[int, dict]]) -> str:
    """Seconds per stage and the GC pauses inside it, one column pair per size."""
    srows = []
    for label in ["ingest"] + STAGE_LABELS:
        row = [label]
        for _, r in done:
            row += [f"{_stage_s(r, label):.2f}", f"{_stage_gc(r, label):.2f}"]
        srows.append(row)
    return table(srows, ["stage"] + [h for n, _ in done for h in (f"{n} docs", "GC")])


def _ratio(a: float, b: float, k: float) -> tuple[str, str]:
    """``a / b`` and its exponent for ``k`` times the documents ("-" when ``b`` is too small)."""
    if b <= 5e-3:
        return "-", "-"
    q = a / b
    return f"{q:.1f}x", (f"{math.log(q) / math.log(k):.2f}" if q > 0 else "-")


def _gc_of(res: dict, names: list[str]) -> float:
    by = (res.get("gc") or {}).get("by_stage", {})
    return sum(by.get(x, 0.0) for x in names)


def _growth_entries(r: dict, base: dict) -> list[tuple[str, float, float, float, float]]:
    """(stage, seconds, base seconds, GC seconds, base GC seconds) for the growth table."""
    analyse_names = ANALYSE_PARTS + ["analyse other"]
    t, bt = r["times"], base["times"]
    entries = [("total", t["total"], bt["total"], r["gc"]["s"], base["gc"]["s"]),
               ("ingest", t["ingest"], bt["ingest"], _gc_of(r, ["ingest"]), _gc_of(base, ["ingest"])),
               ("analyse", t["analyse"], bt["analyse"], _gc_of(r, analyse_names), _gc_of(base, analyse_names)),
               ("report", t["report"], bt["report"], _gc_of(r, REPORT_PARTS), _gc_of(base, REPORT_PARTS))]
    for p in ANALYSE_PARTS + ["claim_json", "dumps"]:
        if p == "dumps":
            entries.append((p, t["dumps"], bt["dumps"], _gc_of(r, [p]), _gc_of(base, [p])))
        elif p in r["substages"] and p in base["substages"]:
            entries.append((p, r["substages"][p]["s"], base["substages"][p]["s"], _gc_of(r, [p]),
                            _gc_of(base, [p])))
    return entries


def _growth_table(done: list[tuple[int, dict]]) -> str:
    """Each later size against the first: time ratios and exponents, with and without GC."""
    grow = []
    base_n, base = done[0]
    for n, r in done[1:]:
        k = n / base_n
        for name, a, b, ga, gb in _growth_entries(r, base):
            q, e = _ratio(a, b, k)
            q2, e2 = _ratio(a - ga, b - gb, k)
            grow.append([f"{n}/{base_n}", name, q, e, q2, e2])
        q, e = _ratio(r["peak_rss_mb"], base["peak_rss_mb"], k)
        grow.append([f"{n}/{base_n}", "peak RSS", q, e, "", ""])
    return table(grow, ["sizes", "stage", "ratio", "exponent", "ratio w/o GC", "exponent w/o GC"])


def profile(n: int, seed: int, fmt: str, top: int, timeout: float | None,
            pkg_root: Path | None, label: str) -> None:
    import io
    import pstats
    path, _ = corpus_for(n, seed, fmt, pkg_root=pkg_root or ROOT)
    prof_path = OUT / f"profile_{n}.prof"
    r = run_child(path, timeout, split=False, profile_out=prof_path, pkg_root=pkg_root)
    if r is None:
        return
    print(f"package: {label}")
    print(f"profile of {n} documents: {r['times']['total']:.1f}s under cProfile "
          f"(ingest {r['times']['ingest']:.1f}, analyse {r['times']['analyse']:.1f}, "
          f"report {r['times']['report']:.1f}); stats in {prof_path.relative_to(ROOT)}")
    for key, k in (("cumulative", top), ("tottime", 15)):
        buf = io.StringIO()
        st = pstats.Stats(str(prof_path), stream=buf)
        st.strip_dirs().sort_stats(key).print_stats(k)
        text = buf.getvalue()
        body = text[text.index("   ncalls"):] if "   ncalls" in text else text
        print(f"\ntop {k} by {key} time:")
        print(body.rstrip())


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark the reconcile pipeline on synthetic corpora.")
    ap.add_argument("--docs", type=int, nargs="+", default=[1000, 10000], help="corpus sizes (default 1000 10000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--format", choices=["jsonl", "folder"], default="jsonl",
                    help="input as one .jsonl file (default) or a folder of .txt + sources.yaml")
    ap.add_argument("--rebuild", action="store_true", help="regenerate cached corpora")
    ap.add_argument("--timeout", type=float, default=None, help="seconds before a size is abandoned")
    ap.add_argument("--at", metavar="REV",
                    help="measure a git revision (copied to bench/out/pkg_SHA/) instead of the working tree")
    ap.add_argument("--no-split", action="store_true", help="do not time sub-stages inside analyse/report")
    ap.add_argument("--no-gc", action="store_true",
                    help="what-if: disable Python's cyclic GC in the child (shows what GC pauses cost)")
    ap.add_argument("--write", action="store_true", help="also write the reports under bench/out/reports_N/")
    ap.add_argument("--profile", type=int, metavar="N", help="cProfile the pipeline on N documents")
    ap.add_argument("--top", type=int, default=25, help="entries to show with --profile")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--profile-out", help=argparse.SUPPRESS)
    ap.add_argument("--write-dir", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args.child, not args.no_split, args.profile_out, args.write_dir, args.no_gc)
        return 0
    pkg_root, state = None, code_state()
    if args.at:
        pkg_root, sha = snapshot(args.at)
        state = f"{sha} (snapshot in {pkg_root.relative_to(ROOT)})"
    if args.profile:
        profile(args.profile, args.seed, args.format, args.top, args.timeout, pkg_root, state)
        return 0
    rules_root = pkg_root or ROOT
    corpora = {n: corpus_for(n, args.seed, args.format, args.rebuild, rules_root) for n in sorted(set(args.docs))}
    results = []
    for n, (path, truth) in corpora.items():
        print(f"running {n} documents ({corpus_bytes(path) / 1e6:.1f} MB)...", file=sys.stderr, flush=True)
        r = run_child(path, args.timeout, split=not args.no_split,
                      write=OUT / f"reports_{n}" if args.write else None, pkg_root=pkg_root,
                      no_gc=args.no_gc)
        if r:
            print(f"  {r['times']['total']:.1f}s, peak RSS {r['peak_rss_mb']:.0f} MB", file=sys.stderr, flush=True)
        results.append((n, path, truth, r))
    text = report(results)
    if not args.at and code_state() != state:
        print(f"WARNING: the package changed during the run ({state} -> {code_state()}); sizes may "
              "have measured different code (use --at HEAD to measure a fixed copy)", file=sys.stderr)
    sys.stderr.flush()
    print(f"reconcile pipeline, one process pinned to one core, Python {sys.version.split()[0]}, "
          f"corpus seed {args.seed}, generator/rules hash {source_hash(rules_root)}\n"
          f"package: {state}" + ("; cyclic GC disabled (--no-gc)" if args.no_gc else "") + "\n")
    print(text)
    (OUT / "last_run.json").write_text(json.dumps(
        [{"docs": n, "corpus": str(p.relative_to(ROOT)), "package": state, "result": r}
         for n, p, _, r in results], indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
