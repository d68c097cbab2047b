"""The overview strip beside a pane: where each class lies along the whole article.

Rendered once into a cached pixmap (after Meld's chunk map), redrawn only when the view's
marks, the theme or the size change, and (at most every ``GROWTH_DELAY_MS``) while a long text's
passages are still being measured: those not measured yet are left out until they are. The
visible-range marker is painted on top every frame.
Colour is never the only cue: shared passages fill the strip, paraphrased ones are hatched,
unique ones are a narrow bar with dots. A click, or Up/Down/Page keys when it has the focus,
scrolls the pane; its accessible description says in words what the strip shows.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QWidget

from .. import theme as themes
from ..appearance import appearance


PATTERNS = {"shared": "filled", "paraphrased": "hatched", "unique": "dotted bar"}
DESCRIBE_DELAY_MS = 150     # a burst of relayouts and scrolls is described once, when it settles
GROWTH_DELAY_MS = 400       # while passages are measured, the strip is drawn again at most this often


def strip_rows(tops: np.ndarray, bottoms: np.ndarray, codes: np.ndarray, doc_height: float,
               strip_height: int) -> list[tuple[int, int, int]]:
    """(first row, rows, code) runs of a strip ``strip_height`` pixel rows tall.

    Passage ``i`` (document rows ``tops[i]``–``bottoms[i]``, in document order) covers the strip
    rows its extent scales to, at least one; where passages share a row the later one shows.
    Rows of the same code next to each other make one run; rows without a passage none. Cost
    grows with the passages (numpy) and the strip's height, not with their product.
    """
    if doc_height <= 0 or strip_height <= 0 or len(tops) == 0:
        return []
    scale = strip_height / doc_height
    r0 = np.clip(np.floor(tops * scale), 0, strip_height - 1).astype(np.intp)
    r1 = np.clip(np.ceil(bottoms * scale), r0 + 1, strip_height).astype(np.intp)
    lengths = r1 - r0
    order = np.repeat(np.arange(len(r0)), lengths)
    rows = np.repeat(r0, lengths) + np.arange(len(order)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    last = np.full(strip_height, -1, dtype=np.intp)
    np.maximum.at(last, rows, order)        # the latest passage on each row
    shown = np.where(last >= 0, codes[np.maximum(last, 0)], -1)
    cuts = np.flatnonzero(np.diff(shown)) + 1
    starts = np.concatenate([[0], cuts])
    ends = np.concatenate([cuts, [strip_height]])
    return [(int(a), int(b - a), int(shown[a])) for a, b in zip(starts, ends) if shown[a] >= 0]


class OverviewStrip(QWidget):
    WIDTH = 16

    def __init__(self, view, name: str = "", parent=None) -> None:
        super().__init__(parent)
        self.view = view  # a TextView
        self.name = name
        self.theme = appearance().theme
        self._cache: QPixmap | None = None
        self.renders = 0  # how often the pixmap was rebuilt (tests check the cache works)
        self.setFixedWidth(self.WIDTH)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip(self.tr("Overview of the whole article (filled: shared, hatched: paraphrased, "
                                "dotted bar: unique); click to jump"))
        self.setAccessibleName(self.tr("Overview of %1").replace("%1", name or self.tr("the article")))
        # (measuring the text's height lays all of it out: not at every step of a long relayout)
        self._describe_timer = QTimer(self, singleShot=True, interval=DESCRIBE_DELAY_MS)
        self._describe_timer.timeout.connect(self._describe)
        self._describe()
        self._growth_timer = QTimer(self, singleShot=True, interval=GROWTH_DELAY_MS)
        self._growth_timer.timeout.connect(self.invalidate)
        view.layoutChanged.connect(self.invalidate)
        view.formatsChanged.connect(self.invalidate)
        view.extentsGrew.connect(self._grew)
        view.extents.complete.connect(self.invalidate)
        view.verticalScrollBar().valueChanged.connect(self._scrolled)
        appearance().changed.connect(self._appearance_changed)

    @property
    def visible_classes(self) -> set[str]:
        return self.view.visible_classes

    def sizeHint(self) -> QSize:
        return QSize(self.WIDTH, 200)

    def _appearance_changed(self, what: str) -> None:
        if what == "theme":
            self.theme = appearance().theme
            self.invalidate()

    def invalidate(self) -> None:
        self._cache = None
        self._describe_timer.start()
        self.update()

    def _grew(self) -> None:
        if not self._growth_timer.isActive():
            self._growth_timer.start()

    def _scrolled(self) -> None:
        self._describe_timer.start()
        self.update()

    def _render(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pix = QPixmap(int(self.width() * ratio), int(self.height() * ratio))
        pix.setDevicePixelRatio(ratio)
        pix.fill(self.palette().base().color())
        p = QPainter(pix)
        kinds = ["debris"] + [k for k in themes.CLASSES if k in self.visible_classes]
        code = {k: n for n, k in enumerate(kinds)}
        view = self.view
        extents = view.extents
        codes = np.array([0 if d else code.get(lab, -1) for lab, d in zip(view.labels, view.debris)], dtype=np.intp)
        painted = extents.known & (codes >= 0) if len(codes) == extents.count else np.zeros(0, dtype=bool)
        rows = strip_rows(extents.top[painted], extents.bottom[painted], codes[painted],
                          view.document_height(), self.height())
        for y, h, k in rows:
            if kinds[k] == "debris":
                p.fillRect(QRectF(5, y, self.width() - 10, h), QColor(self.theme.debris))
            else:
                self._paint_class(p, kinds[k], QRectF(1, y, self.width() - 2, h))
        p.end()
        self.renders += 1
        return pix

    def _paint_class(self, p: QPainter, label: str, rect: QRectF) -> None:
        strong = self.theme.color(label, strong=True)
        if label == "shared":
            p.fillRect(rect, strong)
        elif label == "paraphrased":
            p.fillRect(rect, self.theme.color(label))
            p.fillRect(rect, QBrush(strong, Qt.BrushStyle.BDiagPattern))
            p.fillRect(QRectF(rect.left(), rect.top(), 2, rect.height()), strong)
        else:   # unique: a narrow bar on the outer edge with dots beside it
            bar = QRectF(rect.right() - 5, rect.top(), 5, rect.height())
            p.fillRect(bar, strong)
            p.fillRect(QRectF(rect.left(), rect.top(), rect.width() - 6, rect.height()),
                       QBrush(strong, Qt.BrushStyle.Dense6Pattern))

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

    def keyPressEvent(self, event) -> None:
        bar = self.view.verticalScrollBar()
        steps = {Qt.Key.Key_Up: -bar.singleStep(), Qt.Key.Key_Down: bar.singleStep(),
                 Qt.Key.Key_PageUp: -bar.pageStep(), Qt.Key.Key_PageDown: bar.pageStep()}
        if event.key() in steps:
            bar.setValue(bar.value() + steps[event.key()])
        elif event.key() == Qt.Key.Key_Home:
            bar.setValue(0)
        elif event.key() == Qt.Key.Key_End:
            bar.setValue(bar.maximum())
        else:
            super().keyPressEvent(event)

    def describe(self) -> str:
        """The strip in words: how many passages of each class, and which part is in view."""
        counts = {label: 0 for label in themes.CLASSES}
        for label, debris in zip(self.view.labels, self.view.debris):
            if label in counts and not debris:
                counts[label] += 1
        names = {"shared": self.tr("shared"), "paraphrased": self.tr("paraphrased"), "unique": self.tr("unique")}
        parts = [f"{counts[k]} {names[k]} ({PATTERNS[k]})" for k in themes.CLASSES if k in self.visible_classes]
        total = self.view.document_height()
        shown = ""
        if total > 0:
            top = 100 * self.view.scroll_y() / total
            bottom = min(100.0, 100 * (self.view.scroll_y() + self.view.view_height()) / total)
            shown = self.tr("; in view: %1–%2 % of the text").replace("%1", f"{top:.0f}").replace("%2", f"{bottom:.0f}")
        return (", ".join(parts) + shown + ". " +
                self.tr("Up, Down, Page Up and Page Down scroll the text."))

    def _describe(self) -> None:
        self.setAccessibleDescription(self.describe())
