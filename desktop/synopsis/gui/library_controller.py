"""The main window's link to the library: save, reopen, corrections and verdicts as they happen.

The library file is opened only when first needed (the dock is shown, or something is saved),
so a window that never uses it never creates one. Once the shown comparison is saved, every
manual correction (and its undo) and every verdict is written at once. Library errors go to
``Dialogs.error`` as one line; the window keeps working without the library.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDockWidget

from ..core.errors import SynopsisError
from ..core.model import Link, Report
from ..library import Library, default_path, link_key
from .commands import link_changes
from .dialogs import Dialogs
from .library_panel import LibraryPanel


class LibraryController(QObject):
    saved = Signal(int)  # the comparison id, after a save
    opened = Signal(int)  # a stored comparison is shown

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.library: Library | None = None
        self.comparison_id: int | None = None
        self.verdicts: dict[str, dict[str, Any]] = {}  # library link key -> {"verdict", "note"}
        self.panel = LibraryPanel(None)
        self.panel.comparisonOpened.connect(self.open_comparison)
        self.panel.documentsOpened.connect(self.open_documents)
        self.dock = QDockWidget(self.tr("Library"), window)
        self.dock.setObjectName("library-dock")
        self.dock.setWidget(self.panel)
        self.dock.visibilityChanged.connect(lambda shown: shown and self.ensure_open())
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        self.dock.hide()

    # -- the file ----------------------------------------------------------------------------
    def path(self) -> Path:
        chosen = self.window.store.get("library_path").strip()
        return default_path(chosen or None)

    def ensure_open(self) -> Library | None:
        """The open library, opening it first if needed; None (after an error dialog) if it cannot."""
        if self.library is not None:
            return self.library
        try:
            self.library = Library.open(self.path())
        except SynopsisError as exc:
            self._error(exc)
            return None
        self.panel.set_library(self.library)
        return self.library

    def set_path(self, path: str) -> None:
        """Use another library file from now on (the shown comparison counts as unsaved there)."""
        if path.strip() == self.window.store.get("library_path").strip():
            return
        self.window.store.set("library_path", path.strip())
        self.close()
        self.forget()
        if self.dock.isVisible():
            self.ensure_open()

    def close(self) -> None:
        self.panel.set_library(None)
        if self.library is not None:
            self.library.close()
            self.library = None

    def _error(self, exc: Exception) -> None:
        Dialogs.error(self.window, self.tr("Library"), str(exc))

    def _call(self, func: Callable, *args, **kwargs):
        try:
            return func(*args, **kwargs)
        except (SynopsisError, ValueError) as exc:
            self._error(exc)
            return None

    # -- saving ------------------------------------------------------------------------------
    def forget(self) -> None:
        """A new comparison is shown: it is not (yet) in the library and has no verdicts."""
        self.comparison_id = None
        self.verdicts = {}

    def save(self) -> int | None:
        report: Report | None = self.window.report
        if report is None:
            self.window.statusBar().showMessage(self.tr("Nothing to save: compare two sources first"), 4000)
            return None
        if self.comparison_id is not None:
            self.window.statusBar().showMessage(
                self.tr("Already saved: corrections and verdicts are saved as you make them"), 4000)
            return self.comparison_id
        library = self.ensure_open()
        if library is None:
            return None
        cid = self._call(library.save_comparison, report)
        if cid is None:
            return None
        self.comparison_id = cid
        for record in self.verdicts.values():
            self._call(library.set_verdict, cid, record["a"], record["b"], record["verdict"], record["note"])
        self.panel.refresh()
        self.window.statusBar().showMessage(self.tr("Saved to the library as c%1").replace("%1", str(cid)), 4000)
        self.saved.emit(cid)
        return cid

    def record(self, old: list[Link], new: list[Link]) -> None:
        """Called by every correction (and its undo): store the change if the comparison is saved."""
        if self.comparison_id is None or self.library is None:
            return
        for action, a, b, label in link_changes(old, new):
            if self._call(self.library.record_correction, self.comparison_id, action, a, b, label) is None:
                return  # one error dialog is enough

    # -- verdicts ----------------------------------------------------------------------------
    def verdict_of(self, link: Link) -> dict[str, Any] | None:
        return self.verdicts.get(link_key(link.a, link.b))

    def set_verdict(self, link: Link, verdict: str, note: str = "") -> None:
        key = link_key(link.a, link.b)
        if verdict:
            self.verdicts[key] = {"a": sorted(set(link.a)), "b": sorted(set(link.b)),
                                  "verdict": verdict, "note": note}
        else:
            self.verdicts.pop(key, None)
        if self.comparison_id is None or self.library is None:
            return
        if verdict:
            self._call(self.library.set_verdict, self.comparison_id, link.a, link.b, verdict, note)
        else:
            self._call(self.library.clear_verdict, self.comparison_id, link.a, link.b)

    def annotations(self, report: Report) -> dict[str, Any]:
        """The verdicts of ``report``'s links in the form the export writers read."""
        from ..export import layout

        out = {}
        for link in report.links:
            record = self.verdict_of(link)
            if record is not None:
                out[layout.link_key(link)] = {"verdict": record["verdict"], "note": record.get("note", ""),
                                              "time": record.get("updated", "")}
        return {"verdicts": out}

    # -- opening -----------------------------------------------------------------------------
    def open_comparison(self, cid: int) -> bool:
        library = self.ensure_open()
        if library is None:
            return False
        report = self._call(library.get_comparison, cid)
        verdicts = self._call(library.verdicts, cid) if report is not None else None
        if report is None or verdicts is None:
            return False
        self.window.open_report(report)
        self.comparison_id = cid
        self.verdicts = {k: dict(v) for k, v in verdicts.items()}
        self.window.refresh_verdict()
        self.opened.emit(cid)
        return True

    def open_documents(self, ids: list[int]) -> None:
        library = self.ensure_open()
        if library is None:
            return
        docs = [self._call(library.get_document, i) for i in ids]
        if any(d is None for d in docs):
            return
        if len(docs) >= 3:
            self.window.collection_ctl.start([("document", d) for d in docs])
        elif len(docs) == 2:
            self.window.specs = [("document", docs[0]), ("document", docs[1])]
            self.window.start()
        elif docs:
            self.window.set_source(self.window._free_side(), ("document", docs[0]))
