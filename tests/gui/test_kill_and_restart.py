"""A review survives the app being killed (``kill -9``) in the middle of typing a note."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
DRIVER = Path(__file__).parent / "drivers" / "review_then_wait.py"


def test_killed_mid_review_then_restarted_shows_the_work(tmp_path, qtbot, seed_pair, monkeypatch):
    library = tmp_path / "lib" / "library.db"
    settings = tmp_path / "app-settings"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SYNOPSIS_LIBRARY=str(library),
               SYNOPSIS_SETTINGS_DIR=str(settings))
    proc = subprocess.Popen([sys.executable, str(DRIVER), str(seed_pair[0]), str(seed_pair[1])],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        deadline = time.monotonic() + 90
        line = ""
        while time.monotonic() < deadline and not line.startswith("TYPED"):
            line = proc.stdout.readline()
            if not line and proc.poll() is not None:
                break
        assert line.startswith("TYPED"), proc.stderr.read()
        _, key, note = line.rstrip("\n").split(" ", 2)
        os.kill(proc.pid, signal.SIGKILL)        # no goodbye: no closeEvent, no commit on focus-out
        assert proc.wait(timeout=30) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
    # start the app again on the same two files
    monkeypatch.setenv("SYNOPSIS_LIBRARY", str(library))
    monkeypatch.setenv("SYNOPSIS_SETTINGS_DIR", str(settings))
    from synopsis.gui import settings as app_settings
    from synopsis.gui.mainwindow import MainWindow

    app_settings.use_directory(settings)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.comparisonReady, timeout=30000):
        window.open_paths(*seed_pair)
    review = window.session.reviews[key]
    assert (review.verdict, review.note) == ("altered", note)
    index = next(i for i, l in enumerate(window.report.links)
                 if (",".join(map(str, sorted(l.a))), ",".join(map(str, sorted(l.b)))) ==
                 tuple(part[2:] for part in key.split("|")))
    window.session.select_link(index)
    assert window.verdict.verdict() == "altered" and window.verdict.note.text() == note
    window.session.shutdown()
