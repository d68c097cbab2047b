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
        _one_malloc_arena()            # before Qt starts threads of its own
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


def _import_sqlite_utils_without_pandas() -> None:
    """Import sqlite-utils (the library's) with pandas hidden from it.

    sqlite-utils imports pandas whenever it is installed (the corpus scan's extra brings it),
    only to map pandas' timestamp type, which the app never hands it; that import alone nearly
    doubled the window's start-up memory and CPU time (benchmarks/results/gui.md). pandas stays
    importable for the scan window: it is hidden only while sqlite-utils loads."""
    if "sqlite_utils" in sys.modules or "pandas" in sys.modules:
        return
    sys.modules["pandas"] = None        # type: ignore[assignment]  # makes ``import pandas`` fail
    try:
        import sqlite_utils  # noqa: F401
    finally:
        if sys.modules.get("pandas", 0) is None:
            del sys.modules["pandas"]


_M_ARENA_MAX = -8       # glibc's mallopt parameter


def _one_malloc_arena() -> None:
    """Have glibc's malloc serve every thread from one arena. By default each thread that
    allocates while another does gets an arena of its own, and what a comparison's threads (the
    job, the embedding workers) free stays in theirs, unusable by the window's thread: about
    30 MB more at the peak of a 2,000-sentence comparison (benchmarks/results/gui.md). The threads
    mostly take turns under Python's lock anyway. Elsewhere than glibc, nothing happens."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        libc = ctypes.CDLL(None)
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt(_M_ARENA_MAX, 1)


def _warm_model(settings) -> None:
    """Load the sentence-embedding model a comparison will most likely need in a thread of its
    own while the window is built and the sources are read (``runtime.warm_model``), so the
    first comparison waits for what is left of that load, not for all of it. Nothing happens
    with the meaning layer turned off. The model keeps a decoded copy of itself in the app's
    cache folder, which later starts read."""
    if not settings.meaning:
        return
    from ..runtime import warm_model

    warm_model(settings, cache=model_cache_folder())


def model_cache_folder() -> Path | None:
    """Where the app keeps the decoded sentence-embedding model (``core.semantic.model_cache``):
    the folder the command line uses too (``runtime.model_cache_folder``)."""
    from ..runtime import model_cache_folder as shared_folder

    return shared_folder()


def open_window(theme: str | None = None):
    """The main window, built the way the app starts it (the model loading beside it)."""
    _one_malloc_arena()
    _import_sqlite_utils_without_pandas()
    from .mainwindow import MainWindow

    window = MainWindow()
    _warm_model(window.session.settings)
    if theme:
        window.set_theme(theme)
    return window


def icon_path():
    """The app icon's SVG: package data (``synopsis/resources``), in a pip install, the source
    tree and the frozen app alike."""
    from pathlib import Path

    icon = Path(__file__).resolve().parents[1] / "resources" / "synopsis.svg"
    return icon if icon.is_file() else None


class _Screenshot:
    """Screenshot mode: render the compared window (or the matrix) into a PNG once it is ready,
    then quit; an error is one line on standard error and exit status 2, never a dialog."""

    def __init__(self, app, window, path: str, size: tuple[int, int], inputs: list, library_files) -> None:
        self.app, self.window, self.path, self.size = app, window, Path(path), size
        self.inputs, self.library_files = inputs, library_files
        self.code = 0

    def arm(self) -> None:
        from PySide6.QtCore import QTimer

        from .dialogs import Dialogs

        self.window.resize(*self.size)
        Dialogs.error = classmethod(lambda cls, parent, title, text: self.fail(str(text)))
        self.window.comparisonReady.connect(lambda: QTimer.singleShot(50, self.shoot))
        self.window.collection_ctl.ready.connect(
            lambda matrix: QTimer.singleShot(50, lambda: self.shoot_matrix(matrix)))

    def fail(self, text: str) -> None:
        say(f"synopsis: {' '.join(text.split())}")
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
        while any(view.marks.busy for view in window.views):    # the whole text marked, as once settled
            self.app.processEvents()
        self.save(window)

    def shoot_matrix(self, matrix) -> None:
        """The first statement carried by several sources, side by side."""
        matrix.resize(*self.size)
        rows = [s for s in matrix.collection.rows() if len(s.members) > 1]
        if rows:
            first = rows[0]
            matrix.open_pair(first.reference, next(m.source for m in first.members
                                                   if m.source != first.reference), first.id)
        self.save(matrix)

    def save(self, widget) -> None:
        from .collection.window import write_png

        for _ in range(3):
            self.app.processEvents()
        try:
            write_png(widget, self.path, protected=self.inputs, library=self.library_files)
        except SynopsisError as exc:
            self.fail(str(exc))
            return
        self.app.quit()


def run(a: str | None = None, b: str | None = None, *more: str, screenshot: str | None = None,
        size: tuple[int, int] = (1400, 900), theme: str | None = None, library: bool = False,
        protected=(), library_files=()) -> int:
    """Open the window (comparing ``a`` and ``b`` if given; with three or more sources, the
    claim matrix of them all; with ``library``, the library dock shown); with ``screenshot``,
    save a PNG of the compared window (or of the matrix) and exit. Returns the exit status.

    The screenshot never replaces one of the sources (``protected``) or the library
    (``library_files``): see :mod:`synopsis.export.safe_output`."""
    if screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = _application()
    from PySide6.QtCore import QThreadPool, QTimer

    window = open_window(theme)
    shooter = None
    if screenshot:
        inputs = [p for p in (a, b, *more) if p] + list(protected)
        shooter = _Screenshot(app, window, screenshot, size, inputs, library_files)
        shooter.arm()
    window.show()
    if library:
        window.library_ctl.dock.show()
    if more and a and b:
        window.collection_ctl.start([("path", str(p)) for p in (a, b, *more)])
    elif a and b:
        window.open_paths(a, b)
    elif a:
        window.set_source(0, ("path", a))
    elif shooter is not None:
        QTimer.singleShot(50, shooter.shoot)
    code = app.exec()
    QThreadPool.globalInstance().waitForDone(5000)
    return (shooter.code if shooter is not None else 0) or code
