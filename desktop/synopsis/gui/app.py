"""Starting the desktop app, and the offscreen screenshot mode used for docs and tests."""
from __future__ import annotations

import os
import sys

from .. import APP_NAME, __version__


def _application():
    from PySide6.QtWidgets import QApplication

    from . import settings

    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("synopsis")  # ties windows to the installed synopsis.desktop
    icon = icon_path()
    if icon is not None:
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(icon)))
    settings.configure_from_environment()
    return app


def icon_path():
    """The app icon's SVG: package data (``synopsis/resources``), in a pip install, the source
    tree and the frozen app alike."""
    from pathlib import Path

    icon = Path(__file__).resolve().parents[1] / "resources" / "synopsis.svg"
    return icon if icon.is_file() else None


class _Screenshot:
    """The ``--screenshot`` mode: once the comparison (or the matrix) is shown, save a PNG and quit.

    Errors that would open a dialog become one ``synopsis: error:`` line and exit status 2.
    """

    def __init__(self, app, window, path: str, size: tuple[int, int]) -> None:
        from PySide6.QtCore import QTimer

        from .dialogs import Dialogs

        self.app, self.window, self.path, self.size = app, window, path, size
        self.code = 0
        window.resize(*size)
        Dialogs.error = classmethod(lambda cls, parent, title, text: self.fail(text))
        window.comparisonReady.connect(lambda: QTimer.singleShot(50, self.shoot))
        window.collection_ctl.ready.connect(lambda matrix: QTimer.singleShot(50, lambda: self.shoot_matrix(matrix)))

    def fail(self, text: str) -> None:
        print(f"synopsis: error: {text}", file=sys.stderr)
        self.code = 2
        self.app.quit()

    def _save(self, widget) -> None:
        for _ in range(3):
            self.app.processEvents()
        if not widget.grab().save(self.path):
            print(f"synopsis: error: {self.path}: cannot write the image", file=sys.stderr)
            self.code = 2
        self.app.quit()

    def shoot(self) -> None:
        """The first pair with a changed fact selected, both panes at the top."""
        window = self.window
        window.resize(*self.size)
        window.activateWindow()      # so the keyboard focus (and its ring) shows as a user sees it
        self.app.processEvents()
        report = window.report
        if report is not None and report.links:
            window.session.select_link(next((i for i, l in enumerate(report.links) if l.facts), 0))
            window.views[0].set_scroll_y(0)
            window.scroller.follow(0)
        self._save(window)

    def shoot_matrix(self, matrix) -> None:
        """The first statement carried by several sources, side by side."""
        matrix.resize(*self.size)
        rows = [s for s in matrix.collection.rows() if len(s.members) > 1]
        if rows:
            first = rows[0]
            matrix.open_pair(first.reference, next(m.source for m in first.members
                                                   if m.source != first.reference), first.id)
        self._save(matrix)


def run(a: str | None = None, b: str | None = None, *more: str, screenshot: str | None = None,
        size: tuple[int, int] = (1400, 900), theme: str | None = None, library: bool = False) -> int:
    """Open the window (comparing ``a`` and ``b`` if given; with three or more sources, the
    claim matrix of them all; with ``library``, the library dock shown); with ``screenshot``,
    save a PNG of the compared window (or of the matrix) and exit. Returns the exit status."""
    if screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = _application()
    from PySide6.QtCore import QThreadPool, QTimer

    from .mainwindow import MainWindow

    window = MainWindow()
    if theme:
        window.set_theme(theme)
    shot = _Screenshot(app, window, screenshot, size) if screenshot else None
    window.show()
    if library:
        window.library_ctl.dock.show()
    if more and a and b:
        window.collection_ctl.start([("path", str(p)) for p in (a, b, *more)])
    elif a and b:
        window.open_paths(a, b)
    elif a:
        window.set_source(0, ("path", a))
    elif shot is not None:
        QTimer.singleShot(50, shot.shoot)
    code = app.exec()
    QThreadPool.globalInstance().waitForDone(5000)
    return (shot.code if shot is not None else 0) or code
