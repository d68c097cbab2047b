"""File ▸ Compare many sources…: load three or more sources, build the claim matrix in the
background (progress and cancel in the main window's status bar), then show it."""
from __future__ import annotations

import copy

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QApplication

from ..runtime import compare_collection
from .collection import CollectionWindow
from .dialogs import Dialogs
from .sources import load_spec
from .workers import Job

MIN_SOURCES = 3


def make_task(specs: list[tuple], settings):
    def task(progress, cancelled):
        docs = []
        for n, spec in enumerate(specs):
            progress("load", 0.1 * n / len(specs))
            docs.append(load_spec(spec, settings))
        return compare_collection(docs, settings, progress=lambda stage, f: progress(stage, 0.1 + 0.9 * f),
                                  cancel=cancelled)
    return task


class CollectionController(QObject):
    ready = Signal(object)  # the CollectionWindow shown
    failed = Signal(str)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.job: Job | None = None
        self.windows: list[CollectionWindow] = []

    def choose(self) -> None:
        paths = Dialogs.open_files(self.window, self.tr("Compare many sources (choose three or more)"))
        if not paths:
            return
        if len(paths) < MIN_SOURCES:
            Dialogs.error(self.window, self.tr("Compare many sources"),
                          self.tr("Choose at least %1 sources (%2 chosen); for two, use Open source A and B.")
                          .replace("%1", str(MIN_SOURCES)).replace("%2", str(len(paths))))
            return
        self.start([("path", str(p)) for p in paths])

    def start(self, specs: list[tuple]) -> None:
        self.cancel()
        job = Job(make_task(specs, self.window.engine), self)
        job.progress.connect(self._progress)
        job.finished.connect(self._finished)
        job.failed.connect(self._failed)
        job.cancelled.connect(self._cancelled)
        self.job = job
        self.window._show_progress(True)
        job.start()

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    @Slot(str, float)
    def _progress(self, stage: str, fraction: float) -> None:
        if self.sender() is self.job:
            self.window.progress.setValue(int(fraction * 100))
            self.window.status_label.setText(self.tr("Many sources: %1").replace("%1", stage))

    def _done(self) -> bool:
        if self.sender() is not self.job:
            return False
        self.job = None
        self.window._show_progress(False)
        return True

    @Slot(object)
    def _finished(self, collection) -> None:
        if not self._done():
            return
        matrix = CollectionWindow(collection)
        matrix.pair_opener = self._show_pair
        matrix.resize(1300, 850)
        self.windows = [w for w in self.windows if w.isVisible()] + [matrix]
        self.window.status_label.setText(self.tr("%1 sources compared").replace("%1", str(len(collection.documents))))
        matrix.show()
        self.ready.emit(matrix)

    def _show_pair(self, report) -> bool:
        """Show one pair of the matrix in the main window (a copy: corrections stay there)."""
        if not self.window.isVisible():
            return False
        self.window.open_report(copy.deepcopy(report))
        if QApplication.platformName() != "offscreen":  # offscreen cannot raise windows
            self.window.raise_()
            self.window.activateWindow()
        return True

    @Slot(str)
    def _failed(self, message: str) -> None:
        if self._done():
            self.window.status_label.setText(message)
            self.failed.emit(message)
            Dialogs.error(self.window, self.tr("Could not compare the sources"), message)

    @Slot()
    def _cancelled(self) -> None:
        if self._done():
            self.window.status_label.setText(self.tr("Cancelled"))
