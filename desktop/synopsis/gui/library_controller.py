"""The window's link to the library: the dock, opening stored work, and the review's keeper.

The library file is opened only when first needed (the dock is shown, a review is written, or
the same texts may have been reviewed before and the file exists), so a window that never uses
it never creates one. Library errors go to ``Dialogs.error`` as one line; the window keeps
working without the library.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDockWidget

from ..core.errors import SynopsisError
from ..library import Library, default_path
from .dialogs import Dialogs
from .library_panel import LibraryPanel
from .review import PairReview
from .review_keeper import ReviewKeeper


class LibraryController(QObject):
    saved = Signal(int)      # the comparison id, after Save
    opened = Signal(int)     # a stored comparison is shown
    collectionOpened = Signal(object)   # a stored claim matrix to show
    manySourcesChosen = Signal(list)    # three or more stored documents to compare in a claim matrix

    def __init__(self, session, window, store) -> None:
        super().__init__(window)
        self.session, self.window, self.store = session, window, store
        self.library: Library | None = None
        self.panel = LibraryPanel(None)
        self.panel.comparisonOpened.connect(self.open_comparison)
        self.panel.documentsOpened.connect(self.open_documents)
        self.panel.collectionOpened.connect(self.open_collection)
        self.dock = QDockWidget(self.tr("Library"), window)
        self.dock.setObjectName("library-dock")
        self.dock.setWidget(self.panel)
        self.dock.visibilityChanged.connect(lambda shown: shown and self.ensure_open())
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        self.dock.hide()
        self.keeper = ReviewKeeper(session, self.ensure_open, self._open_if_there, self._error_text)
        session.keeper = self.keeper
        session.embedding_library = self._library_for_embeddings

    # -- the file ----------------------------------------------------------------------------
    def path(self) -> Path:
        chosen = self.store.get("library_path").strip()
        return default_path(chosen or None)

    def ensure_open(self, quiet: bool = False) -> Library | None:
        """The open library, opening it first if needed; None (after an error dialog, unless
        ``quiet``) if it cannot."""
        if self.library is not None:
            return self.library
        try:
            self.library = Library.open(self.path())
        except SynopsisError as exc:
            if not quiet:
                self._error(exc)
            return None
        self.panel.set_library(self.library)
        return self.library

    def _open_if_there(self) -> Library | None:
        if self.library is None and not self.path().exists():
            return None
        return self.ensure_open()

    def _library_for_embeddings(self) -> Library | None:
        """The library whose stored documents' embeddings a comparison about to start may use:
        the open one, or the file if it exists (opened quietly: the review keeper reports a
        library that cannot be opened once the comparison is shown). Never creates one."""
        if self.library is None and not self.path().exists():
            return None
        return self.ensure_open(quiet=True)

    def set_path(self, path: str) -> None:
        """Use another library file from now on (the shown review is written there next)."""
        if path.strip() == self.store.get("library_path").strip():
            return
        self.store.set("library_path", path.strip())
        self.close()
        self.keeper.comparison_id = None
        if self.dock.isVisible():
            self.ensure_open()

    def close(self) -> None:
        self.panel.set_library(None)
        if self.library is not None:
            self.library.close()
            self.library = None

    def _error(self, exc: Exception) -> None:
        self._error_text(str(exc))

    def _error_text(self, text: str) -> None:
        Dialogs.error(self.window, self.tr("Library"), text)

    # -- saving ------------------------------------------------------------------------------
    def save(self) -> int | None:
        """File ▸ Save: make sure the shown comparison is in the library (it usually is already)."""
        if self.session.report is None:
            self.session.notice.emit(self.tr("Nothing to save: compare two sources first"))
            return None
        already = self.keeper.comparison_id is not None and not self.keeper.unsaved
        if not self.keeper.save_all():
            return None
        cid = self.keeper.comparison_id
        self.panel.refresh()
        self.session.notice.emit(self.tr("Already in the library as c%1: your review is saved as you make it")
                                 .replace("%1", str(cid)) if already
                                 else self.tr("Saved to the library as c%1").replace("%1", str(cid)))
        self.saved.emit(cid)
        return cid

    def keep_collection(self, collection) -> int | None:
        """Store a finished claim matrix (quietly: an error is one line in the status bar)."""
        library = self.ensure_open()
        if library is None:
            return None
        try:
            cid = library.save_collection(collection)
        except (SynopsisError, ValueError) as exc:
            self.session.notice.emit(str(exc))
            return None
        self.panel.refresh()
        return cid

    # -- opening -----------------------------------------------------------------------------
    def open_comparison(self, cid: int) -> bool:
        library = self.ensure_open()
        if library is None:
            return False
        try:
            report = library.get_comparison(cid)
            reviews = {k: PairReview(v["verdict"], v["note"], v["updated"])
                       for k, v in library.verdicts(cid).items()}
        except (SynopsisError, ValueError) as exc:
            self._error(exc)
            return False
        if not self.session.open_report(report, cid, reviews):
            return False
        self.opened.emit(cid)
        return True

    def open_documents(self, ids: list[int]) -> None:
        library = self.ensure_open()
        if library is None:
            return
        try:
            docs = [library.get_document(i) for i in ids]
        except (SynopsisError, ValueError) as exc:
            self._error(exc)
            return
        if len(docs) >= 3:
            self.manySourcesChosen.emit([("document", d) for d in docs])
        elif len(docs) == 2:
            self.session.set_sources([("document", docs[0]), ("document", docs[1])])
        elif docs:
            self.session.set_source(self.session.free_side(), ("document", docs[0]))

    def open_collection(self, collection_id: int) -> None:
        library = self.ensure_open()
        if library is None:
            return
        try:
            collection = library.get_collection(collection_id)
        except (SynopsisError, ValueError) as exc:
            self._error(exc)
            return
        self.collectionOpened.emit(collection)
