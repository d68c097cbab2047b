"""Renders the screenshots in ``docs/screenshots/`` from the seed articles, offscreen.

    .venv/bin/python scripts/screenshots.py            # every size and theme
    .venv/bin/python scripts/screenshots.py --only 1280x720-dark

Each shot runs in its own process on an offscreen screen of that size (a temporary library and
settings, never the user's): the seed pair with its first pair with a changed fact selected, a
verdict and a note on it, the keyboard focus on the pairs table; at 2560 × 1440 the changed-facts
list is open too. The claim matrix of all five seeds and the library dock are shot at 1280 × 720.
``--samples`` writes ``docs/samples/``: the seed pair's HTML and PDF reports with a verdict and a
note, and pictures of them (headless chromium, 1280 wide; the PDF's first page by pdftoppm).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
OUT = ROOT / "docs" / "screenshots"
PAIR = [SEEDS / "bbc-witkoff-putin-talks.txt", SEEDS / "translated-witkoff-putin-talks.txt"]
SHOTS = [(w, h, theme) for w, h in ((1280, 720), (2560, 1440)) for theme in ("light", "dark")]


def shoot_pair(width: int, height: int, theme: str, out: Path) -> None:
    """In this process: the window, reviewed a little by keyboard, saved as ``out``."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication

    from synopsis.gui.app import _application
    from synopsis.gui.mainwindow import MainWindow

    app = _application()
    window = MainWindow()
    window.set_theme(theme)
    window.resize(width, height)
    window.show()
    window.activateWindow()

    def review() -> None:
        session = window.session
        window.views[0].setFocus()
        session.next_fact(True)                      # F8
        session.set_review(verdict="altered")        # Alt+2
        window.verdict.refresh()
        session.set_review(note="Check Kushner's role with the BBC desk")
        if width >= 2000:
            window.facts_dock.show()
        window.pairs.table.setFocus()
        for _ in range(5):
            app.processEvents()
        window.grab().save(str(out))
        QTimer.singleShot(0, app.quit)

    window.comparisonReady.connect(lambda: QTimer.singleShot(100, review))
    window.open_paths(str(PAIR[0]), str(PAIR[1]))
    app.exec()
    assert QGuiApplication.primaryScreen().size().width() == width


def _run_one(kind: str, width: int, height: int, theme: str, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        screen = Path(tmp) / "screen.json"
        screen.write_text(json.dumps({"screens": [{"name": "s", "x": 0, "y": 0, "width": width, "height": height,
                                                   "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
        env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screen}", LANG="C.UTF-8",
                   SYNOPSIS_SETTINGS_DIR=str(Path(tmp) / "settings"), SYNOPSIS_LIBRARY=str(Path(tmp) / "lib.db"))
        if kind == "pair":
            command = [sys.executable, __file__, "--pair", str(width), str(height), theme, str(out)]
        else:
            command = [sys.executable, "-m", "synopsis", "gui", *map(str, kind == "matrix" and
                                                                    sorted(SEEDS.glob("*.txt")) or PAIR),
                       "--screenshot", str(out), "--size", f"{width}x{height}", "--theme", theme]
            if kind == "library":
                command.append("--library")
        subprocess.run(command, check=True, env=env, stderr=subprocess.DEVNULL)
    print(out.relative_to(ROOT))


def samples() -> None:
    import shutil

    from synopsis.core import Settings, compare, load
    from synopsis.export import layout, render

    folder = ROOT / "docs" / "samples"
    os.chdir(ROOT)       # the reports name their sources as given: relative, not this machine's paths
    report = compare(load(str(PAIR[0].relative_to(ROOT))), load(str(PAIR[1].relative_to(ROOT))), Settings())
    worth = [l for l in report.links if any(f.severity >= 2 for f in l.facts)]
    annotations = {"verdicts": {
        layout.link_key(worth[0]): {"verdict": "altered", "note": "Check Kushner's role with the BBC desk",
                                    "time": report.created},
        layout.link_key(worth[1]): {"verdict": "", "note": "Quote reworded: compare with the original",
                                    "time": report.created}}}
    (folder / "seed-pair.html").write_bytes(render(report, "html", annotations=annotations))
    (folder / "seed-pair.pdf").write_bytes(render(report, "pdf", annotations=annotations))
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp}",
                        f"--screenshot={folder / 'seed-pair-html.png'}", "--window-size=1280,1600",
                        (folder / "seed-pair.html").as_uri()], check=True, capture_output=True)
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                        str(folder / "seed-pair.pdf"), str(folder / "seed-pair-pdf")], check=True)
    for name in ("seed-pair.html", "seed-pair.pdf", "seed-pair-html.png", "seed-pair-pdf.png"):
        print((folder / name).relative_to(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="one shot, e.g. 1280x720-dark")
    parser.add_argument("--samples", action="store_true", help="write docs/samples/ instead")
    parser.add_argument("--pair", nargs=4, metavar=("W", "H", "THEME", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.samples:
        samples()
        return
    if args.pair:
        shoot_pair(int(args.pair[0]), int(args.pair[1]), args.pair[2], Path(args.pair[3]))
        return
    for width, height, theme in SHOTS:
        name = f"{width}x{height}-{theme}"
        if args.only in (None, name):
            _run_one("pair", width, height, theme, OUT / f"seed-pair-{name}.png")
    if args.only is None:
        _run_one("matrix", 1280, 720, "light", OUT / "collection-seeds.png")
        _run_one("library", 1280, 720, "light", OUT / "library-dock.png")


if __name__ == "__main__":
    main()
