"""The window on a 20,000-sentence pair: does it stay responsive, can the work be cancelled,
and how long does a frame take once the comparison is shown. Writes
``benchmarks/results/gui_scale.md``.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/run_gui_scale.py [--sentences 20000] [--frames 30]

The pair is the scaling benchmark's (``run_scaling.long_pair``: German news prose printed as
articles against its edited copy). While the comparison runs in the window's worker thread, the
main thread turns the Qt event loop every 5 ms and records how long each turn waited (a turn
held up by the engine is a frozen window) and every progress step the status bar got. A second
run is cancelled after ``--cancel-after`` seconds; the time until the window says "Cancelled"
is recorded. After the comparison is shown the loop is watched the same way until both panes'
class marks are complete (they are written chunk by chunk) and for ``--settle`` seconds more:
the waits of that phase are the window's own work on the long text. Frames are timed as
``run_gui.py`` times them.
"""
from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
RESULTS = HERE / "results" / "gui_scale.md"


def write_pair(folder: Path, sentences: int) -> tuple[Path, Path]:
    from run_scaling import long_pair
    pair = long_pair(sentences)
    a, b = folder / "a.txt", folder / "b.txt"
    a.write_text(pair.a.text, encoding="utf-8")
    b.write_text(pair.b.text, encoding="utf-8")
    return a, b


def wait(app, window, until) -> tuple[list[float], list[tuple[float, str, float]]]:
    """Turn the event loop until ``until()``; (each turn's wait in ms, progress steps seen)."""
    gaps: list[float] = []
    steps: list[tuple[float, str, float]] = []
    t0 = time.perf_counter()
    window.session.comparer.progress.connect(lambda stage, f: steps.append((time.perf_counter() - t0, stage, f)))
    last = time.perf_counter()
    while not until():
        app.processEvents()
        time.sleep(0.005)
        now = time.perf_counter()
        gaps.append((now - last) * 1000 - 5.0)
        last = now
    return gaps, steps


def settle(app, window, seconds: float) -> tuple[list[float], float]:
    """Turn the loop until the marks are complete and ``seconds`` more; (waits in ms, time to
    complete marks in s)."""
    t0 = time.perf_counter()
    marked: list[float] = []
    gaps, last = [], time.perf_counter()
    while not marked or time.perf_counter() - marked[0] < seconds:
        app.processEvents()
        time.sleep(0.005)
        now = time.perf_counter()
        gaps.append((now - last) * 1000 - 5.0)
        last = now
        if not marked and not any(v.marks.busy for v in window.views):
            marked.append(now)
    return gaps, marked[0] - t0


def measure(sentences: int, frames: int, cancel_after: float, settle_s: float) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SYNOPSIS_SETTINGS_DIR"] = tmp
        from synopsis.gui.app import _application

        app = _application()
        from synopsis.gui.mainwindow import MainWindow

        a, b = write_pair(Path(tmp), sentences)
        w = MainWindow()
        w.resize(1400, 900)
        w.show()
        # 1. a run cancelled part-way
        w.open_paths(str(a), str(b))
        start = time.perf_counter()
        while time.perf_counter() - start < cancel_after:
            app.processEvents()
            time.sleep(0.005)
        ended: list[float] = []
        w.session.comparer.cancelled.connect(lambda: ended.append(time.perf_counter()))
        t_cancel = time.perf_counter()
        w.session.cancel()
        while not ended:
            app.processEvents()
            time.sleep(0.005)
        cancel_s = ended[0] - t_cancel
        status = w.statusBar().currentMessage() or w.status_label.text()
        # 2. a full run, the event loop watched
        done: list[float] = []
        w.comparisonReady.connect(lambda: done.append(time.perf_counter()))
        t0 = time.perf_counter()
        w.open_paths(str(a), str(b))
        gaps, steps = wait(app, w, lambda: bool(done))
        compare_s = done[0] - t0
        shown_gaps, marks_s = settle(app, w, settle_s)
        # 3. frames
        view = w.views[0]
        mid = view.verticalScrollBar().maximum() // 2
        paint = []
        for i in range(frames):
            view.set_scroll_y(mid + i * 37)
            app.processEvents()
            t = time.perf_counter()
            for widget in (w.panes[0].text.viewport(), w.panes[1].text.viewport(), w.linkmap,
                           w.overviews[0], w.overviews[1]):
                widget.repaint()
            paint.append((time.perf_counter() - t) * 1000)
        out = {"segments": [len(d.segments) for d in w.report.documents], "links": len(w.report.links),
               "compare_s": compare_s, "cancel_s": cancel_s, "cancel_status": status, "gaps": gaps,
               "steps": steps, "paint": paint,
               "shown_gaps": shown_gaps, "marks_s": marks_s}
        w.close()
        return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=20000)
    parser.add_argument("--frames", type=int, default=30)
    parser.add_argument("--cancel-after", type=float, default=5.0)
    parser.add_argument("--settle", type=float, default=3.0)
    args = parser.parse_args()
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    r = measure(args.sentences, args.frames, args.cancel_after, args.settle)
    gaps = sorted(r["gaps"])
    paint = sorted(r["paint"])
    shown = sorted(r["shown_gaps"])
    p = lambda xs, q: xs[min(len(xs) - 1, int(q * len(xs)))]  # noqa: E731
    lines = [
        "# The window on a long pair",
        "",
        f"Command: `QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/run_gui_scale.py --sentences {args.sentences}` "
        f"on {platform.system()} {platform.machine()}, Python {platform.python_version()}, {os.cpu_count()} cores "
        f"shared with other work (load average before: {load}).",
        "",
        f"Pair: {args.sentences:,} source sentences printed as articles against an edited copy "
        f"(`run_scaling.long_pair`); {r['segments'][0]:,} / {r['segments'][1]:,} passages, {r['links']:,} links.",
        "",
        "| measure | target | result |",
        "|---|---|---|",
        f"| open to comparison shown (worker thread) | — | {r['compare_s']:.1f} s |",
        f"| event-loop turns while it ran: median / p99 / worst wait | responsive | "
        f"{statistics.median(gaps):.1f} / {p(gaps, 0.99):.0f} / {gaps[-1]:.0f} ms ({len(gaps):,} turns) |",
        f"| after it is shown: class marks complete (in chunks) | — | {r['marks_s']:.1f} s |",
        f"| event-loop turns after it is shown, until the marks are complete and {args.settle:.0f} s more: "
        f"median / p99 / worst wait | < 100 ms | "
        f"{statistics.median(shown):.1f} / {p(shown, 0.99):.0f} / {shown[-1]:.0f} ms ({len(shown):,} turns) |",
        f"| progress steps shown | progress | {len(r['steps'])}: " +
        ", ".join(f"{stage} {f:.0%} at {t:.1f} s" for t, stage, f in r["steps"]) + " |",
        f"| cancel after {args.cancel_after:.0f} s → work stopped | cancel | {r['cancel_s']:.2f} s "
        f"(status: “{r['cancel_status']}”) |",
        f"| one frame: both panes + bands + overviews (median / p95 of {len(paint)}) | < 16 ms | "
        f"{statistics.median(paint):.1f} / {p(paint, 0.95):.1f} ms |",
        f"| peak memory (RSS) of the app process | — | {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB |",
    ]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
