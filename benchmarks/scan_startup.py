"""How long whole commands take, each a new process: ``synopsis --help``, ``synopsis compare
--help``, a two-source ``synopsis compare`` and ``synopsis scan --query … --index …``.

    .venv/bin/python benchmarks/scan_startup.py --index benchmarks/out/scan-heldout-100k/corpus.idx \
        --query-from benchmarks/out/scan-heldout-100k [--runs 7]

Each command runs ``--runs`` times; the CPU time (user + system of the process, from
``getrusage``) and the wall time of each run are kept, with the load average beside them, and
the medians are printed and appended to ``benchmarks/results/scan_startup_runs.jsonl``. The
machine is shared, so the CPU time is the figure to compare; the wall time is what a user
waits on a machine that busy. ``--tree DIR`` runs another source tree's ``synopsis`` package
(``DIR/desktop``, e.g. an earlier commit from ``git archive``) in the same environment.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = ROOT / "benchmarks" / "results" / "scan_startup_runs.jsonl"
SEEDS = ROOT / "seeds"


def planted_article(corpus: Path) -> Path:
    """The text of the first planted source article of ``corpus`` (its gold names it)."""
    gold = json.loads((corpus / "gold.json").read_text(encoding="utf-8"))
    wanted = gold["sources"][min(gold["sources"], key=int)]
    with (corpus / "corpus.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["id"] == wanted:
                path = Path("/tmp") / f"synopsis-startup-{wanted}.txt"
                path.write_text(row["text"], encoding="utf-8")
                return path
    raise SystemExit(f"{wanted} is not in {corpus}")


def timed(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one run of ``synopsis ARGS``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "from synopsis.cli import main; main(prog_name='synopsis')", *args],
                   check=True, capture_output=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, required=True, help="a key index (synopsis scan … --index)")
    parser.add_argument("--query-from", type=Path, required=True, help="the corpus folder the index was made of")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--tree", type=Path, default=None, help="run this source tree's synopsis instead")
    args = parser.parse_args()
    env = dict(os.environ)
    if args.tree:
        env["PYTHONPATH"] = str(args.tree.resolve() / "desktop")
    article = planted_article(args.query_from)
    commands = {"help": ["--help"], "compare --help": ["compare", "--help"],
                "compare": ["compare", str(SEEDS / "bbc-witkoff-putin-talks.txt"),
                            str(SEEDS / "ru-witkoff-putin-talks.txt")],
                "scan --query": ["scan", "--query", str(article), "--index", str(args.index)]}
    record = {"tree": "another tree" if args.tree else "this tree", "corpus": args.query_from.name,
              "runs": args.runs, "time": time.strftime("%Y-%m-%d %H:%M"), "commands": {}}
    for name, command in commands.items():
        loads, cpus, walls = [], [], []
        timed(command, env)                    # once to warm the file cache, not counted
        for _ in range(args.runs):
            loads.append(os.getloadavg()[0])
            cpu, wall = timed(command, env)
            cpus.append(cpu)
            walls.append(wall)
        record["commands"][name] = {"cpu_median_s": round(statistics.median(cpus), 3),
                                    "cpu_s": [round(c, 3) for c in cpus],
                                    "wall_median_s": round(statistics.median(walls), 3),
                                    "wall_min_s": round(min(walls), 3),
                                    "load": [round(min(loads), 1), round(max(loads), 1)]}
        print(name, record["commands"][name], flush=True)
    with RUNS.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(record) + "\n")


if __name__ == "__main__":
    main()
