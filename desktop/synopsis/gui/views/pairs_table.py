"""The list of aligned pairs (sortable, filterable by class and text) beside the detail panel.

It observes the comparison session: the selected pair's row is the one selected row (none when
a passage found in one source only is selected), the verdict column follows the review, and the
text filter starts empty for every new comparison. Tab leaves the table (the arrow keys move
between rows); a row chosen by keyboard or mouse selects its pair.
"""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from ..appearance import appearance
from ..models import COLUMNS, PairsFilter, PairsModel
from .turns import turns

WIDTHS = {"class": 95, "score": 55, "wording": 95, "facts": 150, "verdict": 95, "moved": 60,
          "origin": 60, "a": 260}


class PairsTable(QWidget):
    def __init__(self, session, legend: QWidget | None = None, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self._docs: list = []
        self.model = PairsModel(self, reviews=session.review_of)
        self.proxy = PairsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)   # reading order until a header is clicked
        self.table.setTabKeyNavigation(False)       # Tab leaves the table; arrows move in it
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, name in enumerate(COLUMNS):
            if name in WIDTHS:
                self.table.setColumnWidth(column, WIDTHS[name])
        self.table.setWordWrap(False)
        self.table.setAccessibleName(self.tr("Aligned pairs"))
        self.table.setAccessibleDescription(self.tr(
            "One row per pair of passages; Up and Down choose a pair, Tab moves on"))
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter pairs by text…"))
        self.search.setAccessibleName(self.tr("Filter pairs by text"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        if legend is not None:
            layout.addWidget(legend)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        session.reportChanged.connect(self._report_changed)
        session.selectionChanged.connect(self._selection_changed)
        session.reviewChanged.connect(self.model.reviews_changed)
        session.filtersChanged.connect(lambda: self.proxy.set_classes(session.visible_classes))
        appearance().changed.connect(self._appearance_changed)
        self._appearance_changed("font")

    def _appearance_changed(self, what: str) -> None:
        if what == "font":
            font = appearance().zoomed(self.table.font())
            self.table.setFont(font)
            self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)

    def _report_changed(self) -> None:
        """New rows: for another comparison in a turn of the event loop of their own (thousands
        of them, filtered), for an edit of this one at once."""
        report = self.session.report
        docs = list(report.documents) if report is not None else []
        if [id(d) for d in docs] != [id(d) for d in self._docs] or turns().pending(self, "rows"):
            turns().post(self, "rows", self._show_rows)
        else:
            self._show_rows()

    def _show_rows(self) -> None:
        report = self.session.report
        docs = list(report.documents) if report is not None else []
        if [id(d) for d in docs] != [id(d) for d in self._docs]:
            self.search.clear()         # a new comparison starts unfiltered
            self._docs = docs
        self.model.set_report(report)
        self._selection_changed()

    def _selection_changed(self) -> None:
        """Exactly the selected pair's row is selected (no row for unpaired passages)."""
        if turns().pending(self, "rows"):
            return      # selected with the new rows, in their turn
        index = self.session.selection.link
        proxy_index = self.proxy.mapFromSource(self.model.index(index, 0)) if index is not None else None
        sm = self.table.selectionModel()
        sm.blockSignals(True)
        try:
            if proxy_index is not None and proxy_index.isValid():
                sm.setCurrentIndex(proxy_index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                   | QItemSelectionModel.SelectionFlag.Rows)
                self.table.scrollTo(proxy_index)
            else:
                sm.clearSelection()
                sm.setCurrentIndex(self.proxy.index(-1, -1), QItemSelectionModel.SelectionFlag.NoUpdate)
        finally:
            sm.blockSignals(False)
        self.table.viewport().update()

    def _row_chosen(self, current, previous) -> None:
        if current.isValid():
            self.session.select_link(self.proxy.mapToSource(current).row())
