"""The window on a 20,000-sentence pair: does it stay responsive, can the work be cancelled,
and how long does a frame take once the comparison is shown. Writes
``benchmarks/results/gui_scale.md``.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/run_gui_scale.py [--sentences 20000] [--frames 30]

The pair is the scaling benchmark's (``run_scaling.long_pair``: German news prose printed as
articles against its edited copy). While the comparison runs in the window's worker thread, the
main thread turns the Qt event loop every 5 ms and records how long each turn waited (a turn
held up by the engine is a frozen window) and every progress step the status bar got. A first
run is cancelled after ``--cancel-after`` seconds; the time until the window says "Cancelled"
is recorded. From the turn in which the finished comparison is handed to the window, the loop is
watched the same way until the window says it is shown, both panes' class marks are complete
(written chunk by chunk) and every passage's extent is measured (around the view when painted,
the rest behind the marks), and for ``--settle`` seconds more: the waits of that phase are the
window's own work on the long text. Each turn's CPU time on the main thread is recorded beside
its wall-clock wait (on a shared machine the wait also holds other processes' time). Frames are
timed as ``run_gui.py`` times them. Last, the same report is opened again (as from the library,
new text objects) and the last pair is selected in the turn the window says it is shown: the
time that takes (it lays out the whole text above that pair) and whether both panes show it.
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


class Turns:
    """Turns of the event loop, each turn's wait (ms, wall clock beyond the 5 ms sleep), CPU
    time of this thread (ms) and when it ended (``time.perf_counter``)."""

    def __init__(self) -> None:
        self.waits: list[float] = []
        self.cpu: list[float] = []
        self.ends: list[float] = []
        self._last = time.perf_counter()

    def turn(self, app) -> None:
        c = time.thread_time()
        app.processEvents()
        self.cpu.append((time.thread_time() - c) * 1000)
        time.sleep(0.005)
        now = time.perf_counter()
        self.waits.append((now - self._last) * 1000 - 5.0)
        self.ends.append(now)
        self._last = now

    def worst(self, count: int = 3) -> list[tuple[float, float]]:
        """The ``count`` longest waits (ms), each with when its turn ended, in that order."""
        return sorted(zip(self.waits, self.ends), reverse=True)[:count]


def wait(app, window, until, t0: float) -> tuple[Turns, Turns, list[tuple[float, str, float]]]:
    """Turn the event loop until ``until()``: (the turns while the engine ran, the turns from the
    one the finished comparison was handed over in, the progress steps seen, in seconds from ``t0``)."""
    running, shown = Turns(), Turns()
    steps: list[tuple[float, str, float]] = []
    handed: list[bool] = []
    window.session.comparer.progress.connect(lambda stage, f: steps.append((time.perf_counter() - t0, stage, f)))
    window.session.comparer.finished.connect(lambda _result: handed.append(True))
    while not until():
        before = bool(handed)
        (shown if before else running).turn(app)
        if handed and not before:      # the hand-over happened in this turn: it belongs to "shown"
            shown.waits.append(running.waits.pop())
            shown.cpu.append(running.cpu.pop())
            shown.ends.append(running.ends.pop())
            shown._last = running._last
    return running, shown, steps


def complete(window) -> bool:
    return not any(v.marks.busy for v in window.views) and all(v.extents.done for v in window.views)


def settle(app, window, turns: Turns, seconds: float, t_handed: float) -> float:
    """Turn the loop until marks and extents are complete and ``seconds`` more; the time from
    the hand-over until they were complete (s)."""
    done: list[float] = []
    while not done or time.perf_counter() - done[0] < seconds:
        turns.turn(app)
        if not done and complete(window):
            done.append(time.perf_counter())
    return done[0] - t_handed


def jump_after_reopen(app, window) -> tuple[float, bool]:
    """Open the report again with new text objects; in the turn the window is shown, select
    the last pair: (ms that took, whether both panes show its passages)."""
    from dataclasses import replace

    from PySide6.QtGui import QTextCursor

    report = window.report
    again = replace(report, documents=[replace(d) for d in report.documents])
    timing: list[float] = []

    def jump() -> None:
        t = time.perf_counter()
        window.session.select_link(len(again.links) - 1, side=0)
        timing.append((time.perf_counter() - t) * 1000)

    window.comparisonReady.connect(jump)
    window.session.open_report(again)
    while not timing:
        app.processEvents()
    window.comparisonReady.disconnect(jump)
    link = again.links[-1]
    landed = True
    for view, seg in ((window.views[0], link.a[0]), (window.views[1], link.b[0])):
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.q_starts[seg])
        rect = view.cursorRect(cursor)
        landed = landed and 0 <= rect.top() and rect.bottom() <= view.view_height()
    return timing[0], landed


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
        handed: list[float] = []
        w.comparisonReady.connect(lambda: done.append(time.perf_counter()))
        w.session.comparer.finished.connect(lambda _result: handed.append(time.perf_counter()))
        t0 = time.perf_counter()
        w.open_paths(str(a), str(b))
        running, shown, steps = wait(app, w, lambda: bool(done), t0)
        compare_s = handed[0] - t0
        ready_s = done[0] - handed[0]
        complete_s = settle(app, w, shown, settle_s, handed[0])
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
        jump_ms, landed = jump_after_reopen(app, w)
        out = {"segments": [len(d.segments) for d in w.report.documents], "links": len(w.report.links),
               "compare_s": compare_s, "cancel_s": cancel_s, "cancel_status": status, "running": running,
               "steps": steps, "t0": t0, "t_handed": handed[0], "paint": paint, "shown": shown, "ready_s": ready_s, "complete_s": complete_s,
               "jump_ms": jump_ms, "landed": landed}
        w.close()
        return out


def _longest_stretch(steps: list[tuple[float, str, float]]) -> str:
    """The longest time between two progress steps (from the start), and the stage it ended in."""
    stamps = [(0.0, "segment", 0.0)] + steps
    gap, stage = max((b[0] - a[0], b[1]) for a, b in zip(stamps, stamps[1:]))
    return f"{gap:.1f} s (before {stage})"


def _stage_at(steps: list[tuple[float, str, float]], t: float) -> str:
    """The progress shown at ``t`` seconds from the start (the last step before it)."""
    before = [(stage, f) for at, stage, f in steps if at <= t]
    return f"{before[-1][0]} {before[-1][1]:.0%}" if before else "before the first step"


def _milestones(steps: list[tuple[float, str, float]]) -> list[tuple[float, str, float]]:
    """The steps that start a stage or move the bar 5 % past the last one listed."""
    out: list[tuple[float, str, float]] = []
    for t, stage, f in steps:
        if not out or stage != out[-1][1] or f >= out[-1][2] + 0.05:
            out.append((t, stage, f))
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
    running, shown = r["running"], r["shown"]
    paint = sorted(r["paint"])
    p = lambda xs, q: sorted(xs)[min(len(xs) - 1, int(q * len(xs)))]  # noqa: E731
    trio = lambda xs: f"{statistics.median(xs):.1f} / {p(xs, 0.99):.0f} / {max(xs):.0f}"  # noqa: E731
    lines = [
        "# The window on a long pair",
        "",
        f"Command: `QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/run_gui_scale.py --sentences {args.sentences}` "
        f"on {platform.system()} {platform.machine()}, Python {platform.python_version()}, {os.cpu_count()} cores "
        f"shared with other work (load average before: {load}; after: {' / '.join(f'{x:.2f}' for x in os.getloadavg())}).",
        "",
        f"Pair: {args.sentences:,} source sentences printed as articles against an edited copy "
        f"(`run_scaling.long_pair`); {r['segments'][0]:,} / {r['segments'][1]:,} passages, {r['links']:,} links.",
        "",
        "A turn's *wait* is wall-clock time (other processes' time included on a loaded machine), its "
        "*CPU* the main thread's own work in that turn.",
        "",
        "| measure | target | result |",
        "|---|---|---|",
        f"| open to comparison finished (worker thread) | — | {r['compare_s']:.1f} s |",
        f"| event-loop turns while it ran: wait median / p99 / worst | responsive | "
        f"{trio(running.waits)} ms ({len(running.waits):,} turns) |",
        f"| … CPU per turn median / p99 / worst | — | {trio(running.cpu)} ms |",
        "| … the longest waits, when their turn ended (progress shown then) | — | " + "; ".join(
            f"{ms:.0f} ms at {end - r['t0']:.1f} s ({_stage_at(r['steps'], end - r['t0'])})"
            for ms, end in running.worst()) + " |",
        f"| comparison finished → window says it is shown (texts, labels, pairs table, summaries) | — | "
        f"{r['ready_s']:.2f} s |",
        f"| comparison finished → class marks complete and every passage measured | — | {r['complete_s']:.1f} s |",
        f"| event-loop turns from the hand-over until all that and {args.settle:.0f} s more: wait median / p99 / worst "
        f"| < 100 ms | {trio(shown.waits)} ms ({len(shown.waits):,} turns) |",
        f"| … CPU per turn median / p99 / worst | < 100 ms | {trio(shown.cpu)} ms |",
        "| … the longest waits, when their turn ended (after the hand-over) | — | " + "; ".join(
            f"{ms:.0f} ms at +{end - r['t_handed']:.2f} s" for ms, end in shown.worst()) + " |",
        f"| progress steps shown | progress | {len(r['steps'])}; longest stretch without one "
        f"{_longest_stretch(r['steps'])}; each new stage and every 5 %: " +
        ", ".join(f"{stage} {f:.0%} at {t:.1f} s" for t, stage, f in _milestones(r["steps"])) + " |",
        f"| cancel after {args.cancel_after:.0f} s → work stopped | cancel | {r['cancel_s']:.2f} s "
        f"(status: “{r['cancel_status']}”) |",
        f"| one frame: both panes + bands + overviews (median / p95 of {len(paint)}) | < 16 ms | "
        f"{statistics.median(paint):.1f} / {p(paint, 0.95):.1f} ms |",
        f"| report opened again, last pair selected in the turn it is shown: time / lands in both panes | correct | "
        f"{r['jump_ms']:.0f} ms / {'yes' if r['landed'] else 'NO'} |",
        f"| peak memory (RSS) of the app process | — | {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB |",
    ]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
