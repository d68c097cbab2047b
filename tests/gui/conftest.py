"""GUI fixtures: settings kept in a temporary folder, never the user's."""
from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def temp_settings(tmp_path, monkeypatch):
    from synopsis.gui import settings

    folder = tmp_path / "settings"
    folder.mkdir()
    monkeypatch.setenv("SYNOPSIS_SETTINGS_DIR", str(folder))
    settings.use_directory(folder)
    return folder


@pytest.fixture
def errors(monkeypatch):
    """Replace the error dialog by a recorder."""
    from synopsis.gui.dialogs import Dialogs

    seen: list[tuple[str, str]] = []
    monkeypatch.setattr(Dialogs, "error", classmethod(lambda cls, parent, title, text: seen.append((title, text))))
    return seen


@pytest.fixture
def window(qtbot, errors):
    from synopsis.gui.mainwindow import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.cancel()
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(5000)


@pytest.fixture
def compared(window, qtbot, seed_pair):
    with qtbot.waitSignal(window.comparisonReady, timeout=20000):
        window.open_paths(*seed_pair)
    return window
