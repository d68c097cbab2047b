"""How well the alignment's progress follows its work: the share it reports against the share
of its time spent (wall clock, which the user watches; CPU beside it), on long pairs.

    .venv/bin/python benchmarks/run_align_progress.py                 # ~2 min: 10,000 and 20,000 sentences
    .venv/bin/python benchmarks/run_align_progress.py --sizes 2000

The pairs are the scaling benchmark's (``run_scaling.long_pair``). Both documents are prepared,
then ``align`` runs once in this process, the collector held off as the command line holds it
(``synopsis.runtime.collector_paused``); at each progress report the CPU time spent so far is
recorded, and the wall-clock time (the embedding of the meaning layer runs in threads of its
own, so CPU runs ahead of the clock there). The window shows the alignment's share between 10 % and 80 % of its progress bar
(``pipeline.ALIGN_FROM`` / ``ALIGN_TO``). Writes ``benchmarks/results/align_progress.md``.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "desktop"))
RESULTS = HERE / "results" / "align_progress.md"


def measure(n: int) -> dict:
    """(reported share, wall seconds so far, CPU seconds so far) at every report of one alignment
    of size ``n``."""
    from run_scaling import long_pair
    from synopsis.core import Settings
    from synopsis.core.align import align
    from synopsis.core.model import Document
    from synopsis.core.pipeline import prepare
    from synopsis.runtime import collector_paused

    pair = long_pair(n)
    settings = Settings()
    docs = [prepare(Document(text, name, name, "", language="de"), settings)
            for text, name in ((pair.a.text, "a"), (pair.b.text, "b"))]
    seen: list[tuple[float, float, float]] = []
    with collector_paused():
        w0, c0 = time.perf_counter(), time.process_time()
        align(*docs, settings, progress=lambda share: seen.append(
            (share, time.perf_counter() - w0, time.process_time() - c0)))
        wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    return {"n": n, "passages": [len(d.segments) for d in docs], "total": wall, "cpu": cpu,
            "reports": seen}


def render(results: list[dict], load_before: str) -> str:
    lines = ["# The alignment's progress against its work", "",
             f"Command: `.venv/bin/python benchmarks/run_align_progress.py --sizes "
             f"{','.join(str(r['n']) for r in results)}` (2 cores shared with other work, load average "
             f"before: {load_before}; default settings, the meaning layer on). One alignment per size, in "
             "process; at each progress report, the share reported and the share of the alignment's "
             "wall-clock time spent so far.", "",
             "| sentences (passages a / b) | wall s | CPU s | reports | longest stretch without one, "
             "wall s | largest gap, reported − spent |", "|---|---|---|---|---|---|"]
    for r in results:
        stamps = [0.0] + [t for _, t, _ in r["reports"]]
        stretch = max(b - a for a, b in zip(stamps, stamps[1:]))
        gap = max((abs(share - t / r["total"]) for share, t, _ in r["reports"]), default=0.0)
        lines.append(f"| {r['n']:,} ({r['passages'][0]:,} / {r['passages'][1]:,}) | {r['total']:.2f} | "
                     f"{r['cpu']:.2f} | {len(r['reports'])} | {stretch:.2f} | {gap:.2f} |")
    last = results[-1]
    lines += ["", f"Every report at {last['n']:,} sentences (reported share / wall-clock share spent):", "",
              ", ".join(f"{share:.2f} / {t / last['total']:.2f}" for share, t, _ in last["reports"])]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,20000")
    args = parser.parse_args()
    load_before = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    results = [measure(int(n)) for n in args.sizes.split(",")]
    text = render(results, load_before)
    RESULTS.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
