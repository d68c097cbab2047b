"""The app as a user runs it, reviewing by keyboard; killed from outside while it waits.

Run as ``python review_then_wait.py A B``: opens the window on A and B (library and settings
from $SYNOPSIS_LIBRARY and $SYNOPSIS_SETTINGS_DIR), presses F8 (the first changed fact),
Alt+2 (verdict "altered"), Ctrl+Shift+N (to the note) and types a note key by key; then
prints ``TYPED <link key> <note>`` and keeps running until it is killed.
"""
from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from synopsis.core.model import link_key  # noqa: E402
from synopsis.gui.app import _application  # noqa: E402
from synopsis.gui.mainwindow import MainWindow  # noqa: E402

NOTE = "Quote cut sho"


def review(window) -> None:
    QTest.keyClick(window, Qt.Key.Key_F8)
    QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClicks(window.verdict.note, NOTE)
    link = window.session.current_pair()
    print("TYPED", link_key(link.a, link.b), NOTE, flush=True)


def main() -> int:
    app = _application()
    window = MainWindow()
    window.show()
    window.comparisonReady.connect(lambda: QTimer.singleShot(0, lambda: review(window)))
    window.open_paths(sys.argv[1], sys.argv[2])
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
