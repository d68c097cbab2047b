"""The library panel: browse, search as you type, recent comparisons, cases; open emits ids.

A self-contained widget over a :class:`~synopsis.library.Library`. It never compares or
loads anything itself: opening a comparison emits ``comparisonOpened(id)``, opening documents
emits ``documentsOpened([ids])``; the host decides what to do. Library errors are shown in the
panel's status line, one line each.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QStackedWidget, QTabWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
                               QWidget)

from ..core.errors import SynopsisError
from ..library import Library
from .plaintext import plain_label, tooltip

ROLE = Qt.ItemDataRole.UserRole
PAGE = 200


def _tree(headers: list[str], multi: bool = False) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(len(headers) == 2)
    tree.setUniformRowHeights(True)
    tree.setAlternatingRowColors(True)
    if multi:
        tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    return tree


def _item(values: list[Any], kind: str, item_id: int, tip: str = "") -> QTreeWidgetItem:
    item = QTreeWidgetItem([("" if v is None else str(v)) for v in values])
    item.setData(0, ROLE, (kind, int(item_id)))
    if tip:
        item.setToolTip(0, tooltip(tip))
    return item


class LibraryPanel(QWidget):
    """Browse and search a library; double-click or Open emits what to open."""

    comparisonOpened = Signal(int)
    documentsOpened = Signal(list)
    collectionOpened = Signal(int)

    def __init__(self, library: Library | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library: Library | None = None
        self.search_delay_ms = 150
        self._shown_documents = 0

        self.query = QLineEdit(placeholderText=self.tr("Search texts, titles and notes…"))
        self.query.setClearButtonEnabled(True)
        self.documents = _tree([self.tr("Title"), self.tr("Outlet"), self.tr("Published"), self.tr("Added")], multi=True)
        self.recent = _tree([self.tr("Comparison"), self.tr("Created"), self.tr("Last opened")])
        self.cases = _tree([self.tr("Case"), self.tr("Note")])
        self.results = _tree([self.tr("Found"), self.tr("Where"), self.tr("Match")], multi=True)
        for widget, name in ((self.query, self.tr("Search the library")), (self.documents, self.tr("Documents")),
                             (self.recent, self.tr("Recent comparisons and claim matrices")),
                             (self.cases, self.tr("Cases")), (self.results, self.tr("Search results"))):
            widget.setAccessibleName(name)
        self.more = QPushButton(self.tr("Load more"))
        self.open_button = QPushButton(self.tr("Open"))
        self.status = plain_label(QLabel())
        self.status.setWordWrap(True)

        docs_page = QWidget()
        docs_layout = QVBoxLayout(docs_page)
        docs_layout.setContentsMargins(0, 0, 0, 0)
        docs_layout.addWidget(self.documents)
        docs_layout.addWidget(self.more)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Library sections"))
        self.tabs.addTab(docs_page, self.tr("Documents"))
        self.tabs.addTab(self.recent, self.tr("Recent"))
        self.tabs.addTab(self.cases, self.tr("Cases"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(self.results)

        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)

        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(self._query_changed)
        self.query.returnPressed.connect(self.run_search)
        self.more.clicked.connect(self._load_more)
        self.open_button.clicked.connect(self.open_selected)
        for tree in (self.documents, self.recent, self.cases, self.results):
            tree.itemActivated.connect(lambda item, _col: self.open_items([item]))
        self.set_library(library)

    # -- data ------------------------------------------------------------------------------
    def set_library(self, library: Library | None) -> None:
        """Show ``library`` (``None`` before closing it: the panel then stops querying)."""
        self._timer.stop()
        self.library = library
        self.setEnabled(library is not None)
        self.status.setText("" if library is not None else self.tr("No library open."))
        if library is not None and library.readonly:
            self.status.setText(self.tr("Read-only: {0}.").format(library.readonly_reason))
        self.refresh()

    def refresh(self) -> None:
        """Reload every list from the library (after the host saved something)."""
        for tree in (self.documents, self.recent, self.cases, self.results):
            tree.clear()
        self._shown_documents = 0
        if self.library is None:
            return
        self._load_more()
        self._call(self._fill_recent)
        self._call(self._fill_cases)
        if self.query.text().strip():
            self.run_search()

    def _call(self, func, *args, **kwargs):
        try:
            return func(*args, **kwargs)
        except SynopsisError as exc:
            self.status.setText(str(exc))
            return None

    def _load_more(self) -> None:
        rows = self._call(self.library.list_documents, PAGE, self._shown_documents) or []
        for row in rows:
            self.documents.addTopLevelItem(_item(
                [row["title"], row["outlet"], row["published"], row["added"][:16].replace("T", " ")],
                "document", row["id"], row["source"]))
        self._shown_documents += len(rows)
        self.more.setVisible(len(rows) == PAGE)

    def _fill_recent(self) -> None:
        rows = [(row["opened"] or row["created"], _item(
            [row["title"], row["created"][:16].replace("T", " "), (row["opened"] or "")[:16].replace("T", " ")],
            "comparison", row["id"], row["note"])) for row in self.library.list_comparisons(50, recent=True)]
        rows += [(row["opened"] or row["created"], _item(
            [self.tr("Claim matrix: %1").replace("%1", row["title"]), row["created"][:16].replace("T", " "),
             (row["opened"] or "")[:16].replace("T", " ")], "collection", row["id"],
            self.tr("%1 sources").replace("%1", str(row["sources"])))) for row in self.library.list_collections(50)]
        for _when, item in sorted(rows, key=lambda r: r[0], reverse=True):
            self.recent.addTopLevelItem(item)

    def _fill_cases(self) -> None:
        for case in self.library.list_cases():
            top = _item([case["name"], case["note"]], "case", case["id"], case["note"])
            info = self.library.get_case(case["id"])
            for doc in info["documents"]:
                top.addChild(_item([doc["title"], "document"], "document", doc["id"]))
            for comp in info["comparisons"]:
                top.addChild(_item([comp["title"], "comparison"], "comparison", comp["id"]))
            self.cases.addTopLevelItem(top)

    # -- search ----------------------------------------------------------------------------
    def _query_changed(self, text: str) -> None:
        if not text.strip():
            self._timer.stop()
            self.stack.setCurrentWidget(self.tabs)
            return
        self._timer.start(self.search_delay_ms)

    def run_search(self) -> None:
        self._timer.stop()
        text = self.query.text()
        if self.library is None or not text.strip():
            return
        hits = self._call(self.library.search, text, limit=100)
        self.results.clear()
        self.stack.setCurrentWidget(self.results)
        if hits is None:  # the error is in the status line
            return
        for hit in hits:
            kind = "comparison" if hit["kind"] == "verdict" else hit["kind"]
            snippet = " ".join(hit["snippet"].split())
            self.results.addTopLevelItem(_item([hit["title"], hit["kind"], snippet], kind, hit["id"], snippet))
        self.status.setText(self.tr("{0} found").format(len(hits)) if hits else self.tr("Nothing found."))

    # -- opening ---------------------------------------------------------------------------
    def current_tree(self) -> QTreeWidget:
        if self.stack.currentWidget() is self.results:
            return self.results
        return {0: self.documents, 1: self.recent, 2: self.cases}[self.tabs.currentIndex()]

    def open_selected(self) -> None:
        self.open_items(self.current_tree().selectedItems())

    def open_items(self, items: list[QTreeWidgetItem]) -> None:
        """Emit what ``items`` point at: one comparison, else the documents among them."""
        picked = [item.data(0, ROLE) for item in items if item.data(0, ROLE)]
        comparisons = [i for kind, i in picked if kind == "comparison"]
        documents = [i for kind, i in picked if kind == "document"]
        collections = [i for kind, i in picked if kind == "collection"]
        if collections and not comparisons:
            self.collectionOpened.emit(collections[0])
        elif comparisons:
            if self.library is not None and not self.library.readonly:
                self._call(self.library.mark_opened, comparisons[0])
                self.recent.clear()
                self._call(self._fill_recent)
            self.comparisonOpened.emit(comparisons[0])
        elif documents:
            self.documentsOpened.emit(documents)
