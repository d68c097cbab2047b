"""How well the alignment's progress follows its work: the share it reports against the share
of its time spent (wall clock, which the user watches; CPU beside it), on long pairs.

    .venv/bin/python benchmarks/run_align_progress.py                 # ~2 min: 10,000 and 20,000 sentences
    .venv/bin/python benchmarks/run_align_progress.py --sizes 2000

The pairs are the scaling benchmark's (``run_scaling.long_pair``). Both documents are prepared,
then ``align`` runs once in this process, the collector held off as the command line holds it
(``synopsis.runtime.collector_paused``); at each progress report the CPU time spent so far is
recorded, and the wall-clock time (the embedding of the meaning layer runs in threads of its
own, so CPU runs ahead of the clock there). The window shows the alignment's share between 10 % and 80 % of its progress bar
(``pipeline.ALIGN_FROM`` / ``ALIGN_TO``). Then the whole comparison as the window runs it
(``synopsis.runtime.compare``: segmentation, the second document prepared in the worker
process, the alignment, the diffs beside the facts found in the worker), from loaded documents:
the same figures over the whole progress bar, and the stage of the longest stretch.
Writes ``benchmarks/results/align_progress.md``.
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


def measure_whole(n: int) -> dict:
    """(stage, fraction, wall seconds so far) at every progress report of one whole comparison
    of size ``n`` as the window runs it, from loaded documents."""
    from run_scaling import long_pair
    from synopsis.core import Settings
    from synopsis.core.model import Document
    from synopsis.runtime import compare

    pair = long_pair(n)
    docs = [Document(text, name, name, "", language="de") for text, name in ((pair.a.text, "a"), (pair.b.text, "b"))]
    seen: list[tuple[str, float, float]] = []
    w0 = time.perf_counter()
    compare(*docs, Settings(), progress=lambda stage, fraction: seen.append((stage, fraction, time.perf_counter() - w0)))
    return {"n": n, "total": time.perf_counter() - w0, "reports": seen}


def render_whole(results: list[dict]) -> list[str]:
    lines = ["", "## The whole comparison, as the window runs it", "",
             "`synopsis.runtime.compare` from loaded documents (fact worker, second document prepared there); "
             "the progress bar's fraction at each report against the share of the comparison's wall-clock "
             "time spent.", "",
             "| sentences | wall s | reports | longest stretch without one, wall s (in stage) | "
             "largest gap, reported − spent |", "|---|---|---|---|---|"]
    for r in results:
        stamps = [("segment", 0.0, 0.0)] + r["reports"]
        stretch, stage = max((b[2] - a[2], b[0]) for a, b in zip(stamps, stamps[1:]))
        gap = max((abs(f - t / r["total"]) for _, f, t in r["reports"]), default=0.0)
        lines.append(f"| {r['n']:,} | {r['total']:.2f} | {len(r['reports'])} | {stretch:.2f} ({stage}) | {gap:.2f} |")
    last = results[-1]
    shown: list[tuple[str, float, float]] = []
    for stage, fraction, t in last["reports"]:
        if not shown or stage != shown[-1][0] or fraction >= shown[-1][1] + 0.05 or fraction == 1.0:
            shown.append((stage, fraction, t))
    lines += ["", f"The reports at {last['n']:,} sentences that start a stage or move the bar 5 % "
              "(stage: fraction / wall-clock share spent):", "",
              ", ".join(f"{s}: {f:.2f} / {t / last['total']:.2f}" for s, f, t in shown)]
    return lines


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
    whole = [measure_whole(int(n)) for n in args.sizes.split(",")]
    text = render(results, load_before) + "\n".join(render_whole(whole)) + "\n"
    RESULTS.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
