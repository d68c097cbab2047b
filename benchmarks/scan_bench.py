"""The corpus scan's accuracy, speed and memory on the planted corpora, beside the baseline.

    .venv/bin/python benchmarks/scan_corpus.py --articles 10000 --split heldout --out benchmarks/out/scan-heldout-10k
    .venv/bin/python benchmarks/scan_bench.py benchmarks/out/scan-heldout-10k [--baseline] [--index]
        [--workers 2] [--memory-limit 4GB] [--progress run.jsonl] [--meaning]

Runs ``synopsis scan CORPUS -o …`` as its own process (the embedded cluster: one worker
process per core), samples the memory of that process and of every process it starts (the
Dask scheduler, nannies and workers) every 0.2 s, adds up their CPU time, scores the result
(``scan_eval``) and appends a JSON line to ``benchmarks/results/scan_runs.jsonl``.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import scan_eval  # noqa: E402

RUNS = ROOT / "benchmarks" / "results" / "scan_runs.jsonl"


def watch(command: list[str], progress: Path | None = None) -> dict:
    """Run ``command``; its wall time, the peak of the summed memory of its process tree, and
    the CPU time of the whole tree: what the kernel counts for the command and every process
    it started and waited for (``getrusage`` of this process's children, read once the command
    has ended), beside the sum of each process's own last sample (a lower bound, and the
    figure of the progress lines). Adding each process's sampled *children* times as well, as
    this did before, counted a worker twice once the command had reaped it. With ``progress``,
    a JSON line every 10 s there (elapsed, CPU and memory so far, the load) and the command's
    standard error (its stages) beside it, so a run stopped before its end still says how far
    it got."""
    start = time.perf_counter()
    reaped = resource.getrusage(resource.RUSAGE_CHILDREN)
    errors = progress.with_suffix(".stderr") if progress else None
    proc = psutil.Popen(command, stdout=subprocess.PIPE, text=True,
                        stderr=errors.open("w") if errors else subprocess.PIPE)
    peak, cpu, logged = 0, {}, 0.0
    while proc.poll() is None:
        if progress and time.perf_counter() - logged >= 10:
            logged = time.perf_counter()
            with progress.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps({"elapsed_s": round(logged - start), "cpu_s": round(sum(cpu.values()), 1),
                                         "peak_mb": round(peak / 1e6), "load": round(os.getloadavg()[0], 1),
                                         "time": time.strftime("%H:%M:%S")}) + "\n")
        total = 0
        try:
            tree = [proc] + proc.children(recursive=True)
        except psutil.NoSuchProcess:
            break
        for p in tree:
            try:
                total += p.memory_info().rss
                times = p.cpu_times()
                cpu[p.pid] = times.user + times.system
            except psutil.NoSuchProcess:
                pass
        peak = max(peak, total)
        time.sleep(0.2)
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    tree = (after.ru_utime - reaped.ru_utime) + (after.ru_stime - reaped.ru_stime)
    err = errors.read_text() if errors else err
    if proc.returncode:
        raise SystemExit(f"{' '.join(command)} failed ({proc.returncode}):\n{err[-3000:]}")
    return {"wall_s": round(wall, 1), "peak_mb": round(peak / 1e6), "cpu_s": round(tree, 1),
            "cpu_sampled_s": round(sum(cpu.values()), 1), "stdout": out}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--out", type=Path, default=None, help="result folder (default: beside the corpus)")
    parser.add_argument("--baseline", action="store_true", help="also score whole-document MinHash")
    parser.add_argument("--index", action="store_true", help="also write the key index")
    parser.add_argument("--workers", type=int, default=None, help="worker processes (default: one per core)")
    parser.add_argument("--memory-limit", default=None, help="each worker's memory before it spills (e.g. 4GB)")
    parser.add_argument("--meaning", action="store_true", help="scan with meaning keys (synopsis scan --meaning)")
    parser.add_argument("--progress", type=Path, default=None,
                        help="a JSON line every 10 s here, the command's stages beside it (.stderr)")
    args = parser.parse_args()
    out = args.out or args.corpus / "result"
    shutil.rmtree(out, ignore_errors=True)
    index = args.corpus / "corpus.idx"
    if args.index:          # a run without --index leaves the last index for scan_query.py
        shutil.rmtree(index, ignore_errors=True)
    command = [str(ROOT / ".venv" / "bin" / "synopsis"), "scan", str(args.corpus / "corpus.jsonl"), "-o", str(out),
               "--reports", "0", "--format", "json"] + (["--index", str(index)] if args.index else [])
    command += ["--meaning"] if args.meaning else []
    command += ["--workers", str(args.workers)] if args.workers else []
    command += ["--memory-limit", args.memory_limit] if args.memory_limit else []
    load = os.getloadavg()[0]
    run = watch(command, args.progress)
    manifest = json.loads((out / "manifest.json").read_text())
    record = {"corpus": str(args.corpus.relative_to(ROOT)) if args.corpus.is_relative_to(ROOT) else str(args.corpus),
              "command": " ".join(["synopsis"] + command[1:]), "load_before": round(load, 1),
              "load_after": round(os.getloadavg()[0], 1), **{k: run[k] for k in ("wall_s", "peak_mb", "cpu_s", "cpu_sampled_s")},
              "counts": manifest["counts"], "timings": manifest["timings"],
              "scores": scan_eval.score_result(out, args.corpus), "time": time.strftime("%Y-%m-%d %H:%M")}
    if args.baseline:
        t0 = time.perf_counter()
        record["baseline"] = scan_eval.baseline(args.corpus)
        record["baseline_s"] = round(time.perf_counter() - t0, 1)
    with RUNS.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(record) + "\n")
    print(json.dumps(record, indent=1))


if __name__ == "__main__":
    main()
