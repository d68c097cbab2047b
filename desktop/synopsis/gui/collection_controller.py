"""File ▸ Compare many sources…: load three or more sources, build the claim matrix in the
background (progress and cancel in the main window's status bar), show it, keep it in the
library; a pair the matrix window asks for (its ``pairRequested`` signal) is handed on as
``pairOpened`` for the comparison window to show."""
from __future__ import annotations

import copy

from PySide6.QtCore import QObject, Signal

from ..export.safe_output import library_files
from ..runtime import compare_collection, collect_before_comparing
from .collection import CollectionWindow
from .dialogs import Dialogs
from .sources import load_spec
from .workers import JobRunner

MIN_SOURCES = 3


def make_task(specs: list[tuple], settings):
    def task(progress, cancelled):
        collect_before_comparing()      # the garbage made since the last comparison, on this thread
        docs = []
        for n, spec in enumerate(specs):
            progress("load", 0.1 * n / len(specs))
            docs.append(load_spec(spec, settings))
        report = compare_collection(docs, settings, progress=lambda stage, f: progress(stage, 0.1 + 0.9 * f),
                                    cancel=cancelled, settle=True)
        return report
    return task


class CollectionController(QObject):
    ready = Signal(object)  # the CollectionWindow shown
    failed = Signal(str)
    pairOpened = Signal(object, int, list)   # (report, side of the statement, its segments there)
    made = Signal(object)                    # a new claim matrix (CollectionReport), to keep

    def __init__(self, session, window, store) -> None:
        super().__init__(window)
        self.session, self.window, self.store = session, window, store
        self.runner = JobRunner(self.tr("Comparing many sources"), self)
        self.runner.finished.connect(self._finished)
        self.runner.failed.connect(self._failed)
        self.runner.cancelled.connect(lambda: self.session.notice.emit(self.tr("Cancelled")))
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
        self.runner.start(make_task(specs, self.session.settings))

    def cancel(self) -> None:
        self.runner.cancel()

    def shutdown(self) -> None:
        self.runner.abandon()

    def _finished(self, collection) -> None:
        self.made.emit(collection)
        self.show(collection)
        self.session.notice.emit(self.tr("%1 sources compared").replace("%1", str(len(collection.documents))))

    def show(self, collection) -> CollectionWindow:
        matrix = CollectionWindow(collection)
        matrix.library_files = library_files(self.window.library_ctl.path())
        matrix.pairRequested.connect(self.open_pair)
        screen = self.window.screen().availableGeometry()
        matrix.resize(min(1300, screen.width()), min(850, screen.height()))
        self.windows = [w for w in self.windows if w.isVisible()] + [matrix]
        matrix.show()
        self.ready.emit(matrix)
        return matrix

    def open_pair(self, i: int, j: int, statement: int) -> None:
        """The matrix window asks for sources i and j side by side (and a statement in them)."""
        matrix = self.sender()
        collection = matrix.collection if isinstance(matrix, CollectionWindow) else None
        if collection is None:
            return
        report, swapped = collection.report_for(i, j)
        left = j if swapped else i          # the source on the report's side A
        target = next((s for s in collection.statements if s.id == statement), None)
        member = target.member(left) if target is not None else None
        self.pairOpened.emit(copy.deepcopy(report), 0, list(member.segments) if member is not None else [])

    def _failed(self, message: str) -> None:
        self.session.notice.emit(message)
        self.failed.emit(message)
        Dialogs.error(self.window, self.tr("Could not compare the sources"), message)
