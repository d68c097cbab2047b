"""Speed of this tree against another revision, as the command line runs a comparison: paired
runs in fresh processes, alternating which tree goes first, wall-clock and CPU time (the fact
worker's included). Writes nothing; prints a Markdown table for benchmarks/results/.

    .venv/bin/python benchmarks/compare_trees.py BASE [--runs 9]     # BASE: a git revision, e.g. main
    .venv/bin/python benchmarks/compare_trees.py main --runs 2 --long 10000,20000 --only-long

``--long`` adds the scaling benchmark's long pairs (``run_scaling.long_pair``: German prose
against an edited copy, written to files and loaded as the command line loads them).

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
t, c, m = time.perf_counter(), time.process_time(), time.thread_time()
if len(docs) == 2:
    result = compare(docs[0], docs[1], Settings())
else:
    result = compare_collection(docs, Settings())
wall, cpu, main = time.perf_counter() - t, time.process_time() - c, time.thread_time() - m
fact_worker.stop()                      # (its CPU time counts once it has ended)
children = resource.getrusage(resource.RUSAGE_CHILDREN)
print(wall, cpu + children.ru_utime + children.ru_stime, main)
'''


def _extract(revision: str, into: Path) -> Path:
    data = subprocess.run(["git", "-C", str(ROOT), "archive", revision, "desktop"], capture_output=True,
                          check=True).stdout
    with tarfile.open(fileobj=BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return into / "desktop"


def _run(desktop: Path, paths: list[str]) -> tuple[float, float, float]:
    """(wall, CPU of the comparison's processes, CPU of the comparing thread) of one run."""
    code = CHILD.format(desktop=str(desktop), paths=paths)
    env = {**os.environ, "PYTHONPATH": str(desktop)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    wall, cpu, main = out.stdout.split()
    return float(wall), float(cpu), float(main)


def _long_cases(sizes: str, folder: Path) -> list[tuple[str, list[str]]]:
    """The scaling benchmark's long pair of each size, written to ``folder``."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from run_scaling import long_pair

    cases = []
    for n in (int(s) for s in sizes.split(",") if s):
        pair = long_pair(n)
        paths = [folder / f"long-{n}-a.txt", folder / f"long-{n}-b.txt"]
        for path, side in zip(paths, (pair.a, pair.b)):
            path.write_text(side.text, encoding="utf-8")
        cases.append((f"long pair, {n:,} sentences", [str(p) for p in paths]))
    return cases


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--long", default="", help="sizes of the scaling benchmark's long pairs to add, e.g. 10000,20000")
    parser.add_argument("--only-long", action="store_true", help="run the long pairs only")
    args = parser.parse_args()
    cases = [("seed pair", [str(ROOT / "seeds" / "bbc-witkoff-putin-talks.txt"),
                            str(ROOT / "seeds" / "translated-witkoff-putin-talks.txt")]),
             ("five seed articles (claim matrix)", SEEDS)]
    if (WMT / "wmt19-ende-ar.ref").exists():
        cases.append(("WMT19 ar / arp, ~2,000 lines each", [str(WMT / "wmt19-ende-ar.ref"),
                                                             str(WMT / "wmt19-ende-arp.ref")]))
    rows = ["| pair | runs | base wall / CPU / thread CPU s (median) | this tree wall / CPU / thread CPU s "
            "(median) | paired wall ratio | paired CPU ratio | load |", "|---|---:|---:|---:|---:|---:|---:|"]
    with tempfile.TemporaryDirectory() as tmp:
        trees = {"base": _extract(args.base, Path(tmp)), "this": ROOT / "desktop"}
        if args.only_long:
            cases = []
        cases += _long_cases(args.long, Path(tmp))
        for label, paths in cases:
            rows.append(_case(label, paths, trees, args.runs))
            print(rows[-1], flush=True)
    print("\n".join(rows))
    return 0


def _case(label: str, paths: list[str], trees: dict[str, Path], runs: int) -> str:
    """One row: ``runs`` paired runs of each tree, alternating which goes first."""
    load = os.getloadavg()[0]
    got: dict[str, list[tuple[float, float, float]]] = {"base": [], "this": []}
    for i in range(runs):
        for name in (("base", "this") if i % 2 == 0 else ("this", "base")):
            got[name].append(_run(trees[name], paths))
    med = {k: [statistics.median(r[j] for r in v) for j in range(3)] for k, v in got.items()}
    wall = statistics.median(t[0] / b[0] for t, b in zip(got["this"], got["base"]))
    cpu = statistics.median(t[1] / b[1] for t, b in zip(got["this"], got["base"]))
    return (f"| {label} | {runs} | {' / '.join(f'{x:.3f}' for x in med['base'])} | "
            f"{' / '.join(f'{x:.3f}' for x in med['this'])} | {wall:.3f} | {cpu:.3f} | "
            f"{load:.1f}–{os.getloadavg()[0]:.1f} |")


if __name__ == "__main__":
    sys.exit(main())
