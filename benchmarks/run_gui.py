"""Desktop app speed and memory: launch to a shown seed comparison, one frame of a
2,000-sentence comparison, peak memory. Writes ``benchmarks/results/gui.md``.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/run_gui.py [--frames 30]

The large pair is built from the public WMT19 paraphrased references (``wmt19-ende-ar.ref``
vs ``-arp.ref``, 1,997 sentences each, five sentences a paragraph); ``SYNOPSIS_DATA``
overrides the data folder (default ``../shared/data`` from the repository root).
"""
from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("SYNOPSIS_DATA", ROOT.parent / "shared" / "data"))
SEEDS = ROOT / "seeds"
RESULTS = ROOT / "benchmarks" / "results" / "gui.md"

_LAUNCH = r"""
import sys, time
from PySide6.QtCore import QTimer
from synopsis.gui.app import _application
app = _application()
from synopsis.gui.mainwindow import MainWindow
w = MainWindow(); w.show(); w.open_paths(sys.argv[1], sys.argv[2])
def ready():
    app.processEvents(); w.repaint()
    print("READY", flush=True); app.quit()
w.comparisonReady.connect(lambda: QTimer.singleShot(0, ready))
app.exec()
"""


def launch_time(runs: int) -> list[float]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    times = []
    with tempfile.TemporaryDirectory() as settings_dir:
        env["SYNOPSIS_SETTINGS_DIR"] = settings_dir
        for _ in range(runs):
            t0 = time.perf_counter()
            proc = subprocess.Popen([sys.executable, "-c", _LAUNCH, str(SEEDS / "bbc-witkoff-putin-talks.txt"),
                                     str(SEEDS / "translated-witkoff-putin-talks.txt")],
                                    stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
            for line in proc.stdout:
                if line.startswith("READY"):
                    times.append(time.perf_counter() - t0)
                    break
            proc.wait()
    return times


def big_pair(folder: Path) -> tuple[Path, Path, int]:
    src = DATA / "wmt19_paraphrased_refs" / "wmt19" / "ende"
    out = []
    for name in ("wmt19-ende-ar.ref", "wmt19-ende-arp.ref"):
        lines = (src / name).read_text(encoding="utf-8").splitlines()
        paras = [" ".join(lines[i:i + 5]) for i in range(0, len(lines), 5)]
        path = folder / name.replace(".ref", ".txt")
        path.write_text("\n".join(paras) + "\n", encoding="utf-8")
        out.append(path)
    return out[0], out[1], len(lines)


def frame_times(frames: int) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SYNOPSIS_SETTINGS_DIR"] = tmp
        from synopsis.gui.app import _application

        app = _application()
        from synopsis.gui.mainwindow import MainWindow

        a, b, n = big_pair(Path(tmp))
        w = MainWindow()
        w.resize(1400, 900)
        w.show()
        done = []
        w.comparisonReady.connect(lambda: done.append(time.perf_counter()))
        t0 = time.perf_counter()
        w.open_paths(str(a), str(b))
        while not done:
            app.processEvents()
            time.sleep(0.005)
        compare_s = done[0] - t0
        t1 = time.perf_counter()
        app.processEvents()
        w.repaint()
        first_s = time.perf_counter() - t1
        view = w.views[0]
        mid = view.verticalScrollBar().maximum() // 2
        paint = []
        for i in range(frames):
            view.set_scroll_y(mid + i * 37)  # sync scroll moves side B too
            app.processEvents()
            t = time.perf_counter()
            for widget in (w.panes[0].text.viewport(), w.panes[1].text.viewport(), w.linkmap,
                           w.overviews[0], w.overviews[1]):
                widget.repaint()
            paint.append((time.perf_counter() - t) * 1000)
        result = {"sentences": n, "segments": [len(d.segments) for d in w.report.documents],
                  "links": len(w.report.links), "compare_s": compare_s, "first_paint_s": first_s,
                  "paint_ms": paint}
        w.close()
        return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=30)
    parser.add_argument("--launches", type=int, default=3)
    args = parser.parse_args()
    launches = launch_time(args.launches)
    frames = frame_times(args.frames)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    paint = sorted(frames["paint_ms"])
    p95 = paint[min(len(paint) - 1, int(0.95 * len(paint)))]
    lines = [
        "# Desktop app: speed and memory",
        "",
        f"Measured with `QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/run_gui.py` on "
        f"{platform.system()} {platform.machine()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores (shared), offscreen Qt.",
        "",
        "| measure | target | result |",
        "|---|---|---|",
        f"| launch → window shown with the seed comparison (median of {len(launches)}) | < 1.5 s | "
        f"{statistics.median(launches):.2f} s |",
        f"| one frame, {frames['sentences']:,}-sentence comparison: both panes + bands + overviews "
        f"(median / p95 of {len(paint)}) | < 16 ms | {statistics.median(paint):.1f} / {p95:.1f} ms |",
        f"| peak memory (RSS) of that process | < 400 MB | {peak_mb:.0f} MB |",
        "",
        f"Large pair: WMT19 en→de AR vs AR-paraphrased, {frames['sentences']:,} lines each in "
        f"paragraphs of five; {frames['segments'][0]:,} / {frames['segments'][1]:,} passages, "
        f"{frames['links']:,} links. Loading and comparing it in the worker took "
        f"{frames['compare_s']:.1f} s; the first full paint after that {frames['first_paint_s'] * 1000:.0f} ms.",
        "Frames are timed after scrolling the middle of side A by 37 px (side B follows via",
        "synchronised scrolling), repainting each widget synchronously.",
    ]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
