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


def run(a: str | None = None, b: str | None = None, *more: str, screenshot: str | None = None,
        size: tuple[int, int] = (1400, 900), theme: str | None = None, library: bool = False) -> int:
    """Open the window (comparing ``a`` and ``b`` if given; with three or more sources, the
    claim matrix of them all; with ``library``, the library dock shown); with ``screenshot``,
    save a PNG of the compared window (or of the matrix) and exit. Returns the exit status."""
    if screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = _application()
    from PySide6.QtCore import QTimer

    from .dialogs import Dialogs
    from .mainwindow import MainWindow

    window = MainWindow()
    if theme:
        window.set_theme(theme)
    status = {"code": 0}
    if screenshot:
        window.resize(*size)

        def fail(title, text, parent=None):
            print(f"synopsis: error: {text}", file=sys.stderr)
            status["code"] = 2
            app.quit()

        Dialogs.error = classmethod(lambda cls, parent, title, text: fail(title, text))

        def shoot() -> None:
            window.resize(*size)
            app.processEvents()
            if window.report is not None and window.report.links:
                first = next((i for i, l in enumerate(window.report.links) if l.facts), 0)
                window.select_link(first)
                window.views[0].set_scroll_y(0)
                window._scrolled(0)
            app.processEvents()
            if not window.grab().save(screenshot):
                print(f"synopsis: error: {screenshot}: cannot write the image", file=sys.stderr)
                status["code"] = 2
            app.quit()

        def shoot_matrix(matrix) -> None:
            matrix.resize(*size)
            rows = [s for s in matrix.collection.rows() if len(s.members) > 1]
            if rows:     # show the first statement carried by several sources, side by side
                first = rows[0]
                matrix.pair_view.show_pair(first.reference, next(m.source for m in first.members
                                                                 if m.source != first.reference), first.id)
            for _ in range(3):
                app.processEvents()
            if not matrix.grab().save(screenshot):
                print(f"synopsis: error: {screenshot}: cannot write the image", file=sys.stderr)
                status["code"] = 2
            app.quit()

        window.comparisonReady.connect(lambda: QTimer.singleShot(50, shoot))
        window.collection_ctl.ready.connect(lambda matrix: QTimer.singleShot(50, lambda: shoot_matrix(matrix)))
    window.show()
    if library:
        window.library_ctl.dock.show()
    if more and a and b:
        window.collection_ctl.start([("path", str(p)) for p in (a, b, *more)])
    elif a and b:
        window.open_paths(a, b)
    elif a:
        window.set_source(0, ("path", a))
    elif screenshot:
        QTimer.singleShot(50, shoot)
    code = app.exec()
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(5000)
    return status["code"] or code
