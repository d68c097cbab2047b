"""Starting the desktop app, and the offscreen screenshot mode used for docs and tests."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from .. import APP_NAME, __version__
from ..core.errors import SynopsisError


def say(line: str) -> None:
    """One line on standard error; a closed or broken standard error must not stop the app
    (an exception in a slot would leave a screenshot run waiting for ever)."""
    try:
        sys.stderr.write(line.rstrip("\n") + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


# Warnings the offscreen platform prints about what it cannot do (a window manager's size
# hints) though nothing is wrong: a screenshot run prints nothing unless something failed.
_OFFSCREEN_NOISE = ("This plugin does not support propagateSizeHints()",
                    "This plugin does not support raise()", "This plugin does not support grabbing the keyboard")


def _quiet_offscreen(app) -> None:
    """Drop the offscreen plugin's harmless warnings; pass every other Qt message on."""
    if app.platformName() != "offscreen":
        return
    from PySide6.QtCore import qInstallMessageHandler

    previous = None

    def handler(kind, context, message: str) -> None:
        if message in _OFFSCREEN_NOISE:
            return
        if previous is not None:
            previous(kind, context, message)
        else:
            category = getattr(context, "category", None) or "default"
            say(message if category == "default" else f"{category}: {message}")

    previous = qInstallMessageHandler(handler)


def _application():
    from PySide6.QtWidgets import QApplication

    from . import settings

    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        _quiet_offscreen(app)
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
    """The app icon's SVG: beside the frozen app, or in the source tree's ``resources/``."""
    from pathlib import Path

    here = Path(__file__).resolve()
    candidates = [Path(getattr(sys, "_MEIPASS", "")) / "resources" / "synopsis.svg",
                  here.parents[3] / "resources" / "synopsis.svg"]
    return next((c for c in candidates if c.is_file()), None)


def run(a: str | None = None, b: str | None = None, *more: str, screenshot: str | None = None,
        size: tuple[int, int] = (1400, 900), theme: str | None = None, library: bool = False,
        protected=(), library_files=()) -> int:
    """Open the window (comparing ``a`` and ``b`` if given; with three or more sources, the
    claim matrix of them all; with ``library``, the library dock shown); with ``screenshot``,
    save a PNG of the compared window (or of the matrix) and exit. Returns the exit status.

    The screenshot never replaces one of the sources (``protected``) or the library
    (``library_files``): see :mod:`synopsis.export.safe_output`."""
    inputs = [p for p in (a, b, *more) if p] + list(protected)
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
            say(f"synopsis: {' '.join(str(text).split())}")
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
            save(window)

        def save(widget) -> None:
            from .collection.window import write_png

            try:
                write_png(widget, Path(screenshot), protected=inputs, library=library_files)
            except SynopsisError as exc:
                say(f"synopsis: {exc}")
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
            save(matrix)

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
