"""Qt models of the claim matrix: one row per statement, one column per source.

Cells carry a colour and a second cue (the text "S", "P" or "—") so the classes stay apart
without colour. ``MatrixProxy`` sorts by a numeric key and filters rows by source.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ...core.collection import CollectionReport, Statement
from ...export.collection_table import CUES, cell, passage, source_names
from ...palette import CELLS
from ..plaintext import tooltip

CELL_COLOURS = {label: QColor(colour) for label, colour in CELLS.items()}
HEADER_CHARS = 16       # a column header longer than this is cut (the tooltip has the whole name)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
STATEMENT_ROLE = Qt.ItemDataRole.UserRole + 2
SOURCE_ROLE = Qt.ItemDataRole.UserRole + 3  # the source a cell stands for, or -1
_Index = QModelIndex | QPersistentModelIndex


class MatrixModel(QAbstractTableModel):
    """Columns: statement id, number of sources, one per source, facts, reference text."""

    FIXED_LEFT = 2

    def __init__(self, collection: CollectionReport, parent=None) -> None:
        super().__init__(parent)
        self.collection = collection
        self.statements: list[Statement] = collection.rows()
        self.names = source_names(collection)
        self._texts = [passage(collection, s) for s in self.statements]
        self._bold = QFont()
        self._bold.setBold(True)

    # -- shape ---------------------------------------------------------------------------
    @property
    def n_sources(self) -> int:
        return len(self.collection.documents)

    def source_of_column(self, column: int) -> int:
        k = column - self.FIXED_LEFT
        return k if 0 <= k < self.n_sources else -1

    def column_of_source(self, source: int) -> int:
        return self.FIXED_LEFT + source

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.statements)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.FIXED_LEFT + self.n_sources + 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        source = self.source_of_column(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if source >= 0:     # the outlet, not a number
                name = self.names[source]
                return name if len(name) <= HEADER_CHARS else name[:HEADER_CHARS - 1] + "…"
            return {0: "#", 1: "Sources"}.get(section, "Facts" if section == self.columnCount() - 2 else "Statement")
        if role == Qt.ItemDataRole.ToolTipRole and source >= 0:
            return tooltip(f"{source + 1}: {self.names[source]} — {self.collection.documents[source].source}")
        return None

    # -- cells ---------------------------------------------------------------------------
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.statements)):
            return None
        s = self.statements[index.row()]
        col = index.column()
        source = self.source_of_column(col)
        if role == STATEMENT_ROLE:
            return s.id
        if role == SOURCE_ROLE:
            return source
        if source >= 0:
            return self._source_cell(s, source, role)
        values = {0: s.id, 1: len(s.members)}
        if col in values:
            if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
                return values[col]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if col == self.columnCount() - 2:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(len(s.facts)) if s.facts else ""
            if role == SORT_ROLE:
                return len(s.facts)
            return None
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return " ".join(self._texts[index.row()].split())
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(self._texts[index.row()])
        return None

    def _source_cell(self, s: Statement, source: int, role: int) -> Any:
        label = cell(s, source)
        if role == Qt.ItemDataRole.DisplayRole:
            return CUES[label] + ("†" if source == s.earliest else "")
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(CELL_COLOURS[label])
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#111111" if label != "absent" else "#999999"))
        if role == Qt.ItemDataRole.FontRole and source == s.reference and len(s.members) > 1:
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            if label == "absent":
                words = f"{self.names[source]}: absent"
            else:
                ref = " (reference)" if source == s.reference and len(s.members) > 1 else ""
                kind = {"unique": "only this source"}.get(label, label)
                words = f"{self.names[source]}{ref}, {kind}: {passage(self.collection, s, source)}"
            # a tooltip is rich text when it looks like it: the document's words shown literally
            return tooltip(words) if role == Qt.ItemDataRole.ToolTipRole else words
        if role == SORT_ROLE:
            return {"shared": 3, "paraphrased": 2, "unique": 1, "absent": 0}[label]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def statement_at(self, row: int) -> Statement:
        return self.statements[row]


class MatrixProxy(QSortFilterProxyModel):
    """Sorts by ``SORT_ROLE``; shows only statements a chosen source carries (all when None)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._source: int | None = None
        self._min_sources = 1

    def set_source_filter(self, source: int | None) -> None:
        self.beginFilterChange()
        self._source = source
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_min_sources(self, count: int) -> None:
        self.beginFilterChange()
        self._min_sources = max(1, count)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, MatrixModel):
            return True
        s = model.statement_at(source_row)
        if len(s.members) < self._min_sources:
            return False
        return self._source is None or s.member(self._source) is not None
