"""The overview strip beside a pane: where each class lies along the whole article.

Rendered once into a cached pixmap (after Meld's chunk map), redrawn only when the labels,
the theme or the size change; the visible-range marker is painted on top every frame.
A click scrolls the pane to that point.
"""
from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QWidget

from .. import theme as themes
from ..geometry import overview_rects


class OverviewStrip(QWidget):
    def __init__(self, view, parent=None) -> None:
        super().__init__(parent)
        self.view = view  # a TextView
        self.theme = themes.LIGHT
        self.visible_classes = set(themes.CLASSES)
        self._cache: QPixmap | None = None
        self.renders = 0  # how often the pixmap was rebuilt (tests check the cache works)
        self.setFixedWidth(14)
        self.setToolTip(self.tr("Overview of the whole article; click to jump"))
        view.layoutChanged.connect(self.invalidate)
        view.verticalScrollBar().valueChanged.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(14, 200)

    def invalidate(self) -> None:
        self._cache = None
        self.update()

    def set_theme(self, theme) -> None:
        self.theme = theme
        self.invalidate()

    def _render(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pix = QPixmap(int(self.width() * ratio), int(self.height() * ratio))
        pix.setDevicePixelRatio(ratio)
        pix.fill(self.palette().base().color())
        p = QPainter(pix)
        labels = [("debris" if d else (lab or "")) for lab, d in zip(self.view.labels, self.view.debris)]
        rects = overview_rects(self.view.segment_extents(), labels, self.view.document_height(),
                               float(self.height()))
        for y, h, label in rects:
            if label == "debris":
                p.fillRect(QRectF(3, y, self.width() - 6, h), QColor(self.theme.debris))
            elif label in self.visible_classes:
                p.fillRect(QRectF(1, y, self.width() - 2, h), self.theme.color(label, strong=True))
        p.end()
        self.renders += 1
        return pix

    def paintEvent(self, event) -> None:
        if self._cache is None or self._cache.size() != self.size() * self.devicePixelRatioF():
            self._cache = self._render()
        p = QPainter(self)
        p.drawPixmap(0, 0, self._cache)
        total = self.view.document_height()
        if total > 0:
            scale = self.height() / total
            y = self.view.scroll_y() * scale
            h = max(4.0, self.view.view_height() * scale)
            p.setPen(QPen(self.palette().text().color(), 1))
            p.drawRect(QRectF(0.5, y + 0.5, self.width() - 1, min(h, self.height() - y) - 1))
        p.end()

    def mousePressEvent(self, event) -> None:
        total = self.view.document_height()
        if total > 0 and self.height() > 0:
            y = event.position().y() / self.height() * total
            self.view.set_scroll_y(max(0.0, y - self.view.view_height() / 2))
