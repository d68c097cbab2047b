"""A source-by-source similarity heat map: cell (i, j) is the share of source i's text in j."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...core.collection import CollectionReport


def heat_colour(value: float) -> QColor:
    """White for 0, deep blue for 1; text on it stays readable (see ``text_colour``)."""
    v = max(0.0, min(1.0, value))
    return QColor(int(255 - 200 * v), int(255 - 160 * v), 255)


def text_colour(value: float) -> QColor:
    return QColor("#ffffff") if value > 0.6 else QColor("#111111")


class HeatMapWidget(QWidget):
    """Paints the n×n grid with percentages; clicking cell (i, j) emits ``cellClicked(i, j)``."""

    cellClicked = Signal(int, int)
    LABEL = 28

    def __init__(self, collection: CollectionReport, parent=None) -> None:
        super().__init__(parent)
        self.collection = collection
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setMinimumSize(self.LABEL + 30 * self.n, self.LABEL + 30 * self.n)
        self.setToolTip("Share of each row source's text found in each column source")

    @property
    def n(self) -> int:
        return len(self.collection.documents)

    def sizeHint(self) -> QSize:
        return QSize(self.LABEL + 56 * self.n, self.LABEL + 56 * self.n)

    def _cell_size(self) -> int:
        return max(10, min(self.width() - self.LABEL, self.height() - self.LABEL) // max(1, self.n))

    def cell_rect(self, i: int, j: int) -> QRect:
        c = self._cell_size()
        return QRect(self.LABEL + j * c, self.LABEL + i * c, c, c)

    def cell_at(self, pos: QPoint) -> tuple[int, int] | None:
        c = self._cell_size()
        j, i = (pos.x() - self.LABEL) // c, (pos.y() - self.LABEL) // c
        if pos.x() < self.LABEL or pos.y() < self.LABEL or not (0 <= i < self.n and 0 <= j < self.n):
            return None
        return i, j

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        painter.setPen(self.palette().windowText().color())
        for k in range(self.n):
            top, left = self.cell_rect(0, k), self.cell_rect(k, 0)
            painter.drawText(QRect(top.left(), 0, top.width(), self.LABEL), Qt.AlignmentFlag.AlignCenter, str(k + 1))
            painter.drawText(QRect(0, left.top(), self.LABEL, left.height()), Qt.AlignmentFlag.AlignCenter, str(k + 1))
        for i in range(self.n):
            for j in range(self.n):
                rect = self.cell_rect(i, j)
                if i == j:
                    painter.fillRect(rect, QColor("#d0d0d0"))
                    continue
                value = self.collection.similarity(i, j)
                painter.fillRect(rect, heat_colour(value))
                painter.setPen(text_colour(value))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"{value:.0%}")
        painter.setPen(QColor("#808080"))
        for i in range(self.n):
            for j in range(self.n):
                painter.drawRect(self.cell_rect(i, j).adjusted(0, 0, -1, -1))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        cell = self.cell_at(event.position().toPoint())
        if cell is not None and cell[0] != cell[1]:
            self.cellClicked.emit(*cell)
        super().mousePressEvent(event)
