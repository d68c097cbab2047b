"""Speed of this tree against another revision, as the command line runs a comparison: paired
runs in fresh processes, alternating which tree goes first, wall-clock and CPU time (the fact
worker's included). Writes nothing; prints a Markdown table for benchmarks/results/.

    .venv/bin/python benchmarks/compare_trees.py BASE [--runs 9]     # BASE: a git revision, e.g. main

Each run is the first comparison of its process (modules imported, but patterns compiled on
first use, as in ``synopsis compare``). On a shared machine the wall-clock time swings with the other processes; the CPU time and the
ratio of paired runs (each run of this tree against the run of BASE made next to it) move far
less, so the verdict is read from those.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("SYNOPSIS_DATA") or ROOT.parent / "shared" / "data")
WMT = DATA / "wmt19_paraphrased_refs" / "wmt19" / "ende"
SEEDS = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))

CHILD = r'''
import resource, sys, time
sys.path[:0] = [{desktop!r}]
from synopsis.core import Settings, load
try:                                    # this tree: what the command line runs
    from synopsis import runtime
    from synopsis.runtime import fact_worker
    compare, compare_collection = runtime.compare, runtime.compare_collection
except ImportError:                     # before synopsis.runtime: the engine paused the collector itself
    from synopsis.core import fact_worker
    from synopsis.core.pipeline import compare
    from synopsis.core.collection import compare_collection
import synopsis.core.collection, synopsis.core.facts, synopsis.core.pipeline   # (imports before the clock)
docs = [load(p) for p in {paths!r}]
t, c = time.perf_counter(), time.process_time()
if len(docs) == 2:
    result = compare(docs[0], docs[1], Settings())
else:
    result = compare_collection(docs, Settings())
wall, cpu = time.perf_counter() - t, time.process_time() - c
fact_worker.stop()                      # (its CPU time counts once it has ended)
children = resource.getrusage(resource.RUSAGE_CHILDREN)
print(wall, cpu + children.ru_utime + children.ru_stime)
'''


def _extract(revision: str, into: Path) -> Path:
    data = subprocess.run(["git", "-C", str(ROOT), "archive", revision, "desktop"], capture_output=True,
                          check=True).stdout
    with tarfile.open(fileobj=BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return into / "desktop"


def _run(desktop: Path, paths: list[str]) -> tuple[float, float]:
    code = CHILD.format(desktop=str(desktop), paths=paths)
    env = {**os.environ, "PYTHONPATH": str(desktop)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    wall, cpu = out.stdout.split()
    return float(wall), float(cpu)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    cases = [("seed pair", [str(ROOT / "seeds" / "bbc-witkoff-putin-talks.txt"),
                            str(ROOT / "seeds" / "translated-witkoff-putin-talks.txt")]),
             ("five seed articles (claim matrix)", SEEDS)]
    if (WMT / "wmt19-ende-ar.ref").exists():
        cases.append(("WMT19 ar / arp, ~2,000 lines each", [str(WMT / "wmt19-ende-ar.ref"),
                                                             str(WMT / "wmt19-ende-arp.ref")]))
    rows = ["| pair | runs | base wall / CPU s (median) | this tree wall / CPU s (median) | "
            "paired wall ratio | paired CPU ratio | load |", "|---|---:|---:|---:|---:|---:|---:|"]
    with tempfile.TemporaryDirectory() as tmp:
        trees = {"base": _extract(args.base, Path(tmp)), "this": ROOT / "desktop"}
        for label, paths in cases:
            load = os.getloadavg()[0]
            got: dict[str, list[tuple[float, float]]] = {"base": [], "this": []}
            for i in range(args.runs):
                for name in (("base", "this") if i % 2 == 0 else ("this", "base")):
                    got[name].append(_run(trees[name], paths))
            med = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for k, v in got.items()}
            wall = statistics.median(t[0] / b[0] for t, b in zip(got["this"], got["base"]))
            cpu = statistics.median(t[1] / b[1] for t, b in zip(got["this"], got["base"]))
            rows.append(f"| {label} | {args.runs} | {med['base'][0]:.3f} / {med['base'][1]:.3f} | "
                        f"{med['this'][0]:.3f} / {med['this'][1]:.3f} | {wall:.3f} | {cpu:.3f} | "
                        f"{load:.1f}–{os.getloadavg()[0]:.1f} |")
            print(rows[-1], flush=True)
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
