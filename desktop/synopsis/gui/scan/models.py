"""Table models over a scan result's clusters and pairs (pandas frames, read-only)."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt


class FrameModel(QAbstractTableModel):
    """Columns ``(header, field, format)`` of a pandas DataFrame; sortable by the view."""

    COLUMNS: tuple[tuple[str, str, str], ...] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.frame = None

    def set_frame(self, frame) -> None:
        self.beginResetModel()
        self.frame = frame.reset_index(drop=True) if frame is not None else None
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or self.frame is None else len(self.frame)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.COLUMNS[section][0]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.frame is None:
            return None
        header, field, fmt = self.COLUMNS[index.column()]
        value = self.frame.iloc[index.row()][field]
        if role == Qt.ItemDataRole.DisplayRole:
            return fmt.format(value) if fmt else str(value)
        if role == Qt.ItemDataRole.UserRole:      # the raw value, for sorting
            return value.item() if hasattr(value, "item") else value
        return None

    def row(self, number: int) -> dict:
        return self.frame.iloc[number].to_dict()


class ClustersModel(FrameModel):
    COLUMNS = (("#", "cluster", ""), ("Articles", "size", ""), ("Pairs", "pairs", ""),
               ("Alarms", "facts_alarm", ""), ("Likely source", "source_id", ""),
               ("Published", "source_date", ""), ("Outlet", "source_outlet", ""), ("Headline", "source_title", ""))


class PairsModel(FrameModel):
    COLUMNS = (("A", "a_id", ""), ("B", "b_id", ""), ("Relation", "relation", ""),
               ("Shared", "shared", ""), ("Paraphrased", "paraphrased", ""),
               ("Covers A", "coverage_a", "{:.0%}"), ("Covers B", "coverage_b", "{:.0%}"),
               ("Alarms", "facts_alarm", ""), ("Checks", "facts_check", ""), ("Notes", "facts_note", ""))
