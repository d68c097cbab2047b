"""GUI fixtures: settings kept in a temporary folder, never the user's."""
from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def temp_settings(tmp_path, monkeypatch):
    """Settings and the library in a temporary folder: a test never touches the user's."""
    from synopsis.gui import settings

    folder = tmp_path / "settings"
    folder.mkdir()
    monkeypatch.setenv("SYNOPSIS_SETTINGS_DIR", str(folder))
    monkeypatch.setenv("SYNOPSIS_LIBRARY", str(tmp_path / "default-library" / "library.db"))
    settings.use_directory(folder)
    return folder


@pytest.fixture(autouse=True)
def questions(monkeypatch):
    """No modal dialog may block a test: information and the leave question are recorded
    (the answer to the leave question is ``questions.answer``, "cancel" unless a test says)."""
    from synopsis.gui.dialogs import Dialogs

    class Recorded(list):
        answer = "cancel"

    seen = Recorded()
    monkeypatch.setattr(Dialogs, "info", classmethod(
        lambda cls, parent, title, text, details="": seen.append(("info", title, text, details))))

    def ask(cls, parent, text):
        seen.append(("ask", text))
        return seen.answer

    monkeypatch.setattr(Dialogs, "ask_unsaved", classmethod(ask))
    return seen


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
    win.session.shutdown()
    win.collection_ctl.shutdown()
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(5000)


@pytest.fixture
def compared(window, qtbot, seed_pair):
    with qtbot.waitSignal(window.comparisonReady, timeout=20000):
        window.open_paths(*seed_pair)
    qtbot.waitUntil(lambda: not any(view.marks.busy for view in window.views), timeout=20000)
    return window
