"""Per-document summary bar (% shared / paraphrased / unique) and the class legend."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSizePolicy, QWidget

from .. import theme as themes
from ..appearance import appearance


def underline(painter: QPainter, label: str, x0: float, x1: float, y: float, colour: QColor,
              width: float = 2.0) -> None:
    """The class's underline as the text shows it: solid, wavy or dotted."""
    style = themes.UNDERLINE_NAMES[label]
    if style == "wavy":
        path = QPainterPath(QPointF(x0, y))
        x, up = x0, True
        while x < x1:
            step = min(3.0, x1 - x)
            path.quadTo(QPointF(x + step / 2, y - 2.5 if up else y + 2.5), QPointF(x + step, y))
            x, up = x + step, not up
        painter.setPen(QPen(colour, width * 0.75))
        painter.drawPath(path)
        return
    pen = QPen(colour, width, Qt.PenStyle.SolidLine if style == "solid" else Qt.PenStyle.DotLine)
    painter.setPen(pen)
    painter.drawLine(QPointF(x0, y), QPointF(x1, y))


class SummaryBar(QWidget):
    """A stacked bar with the share of the document's text in each class, labelled in words."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.theme = appearance().theme
        self.summary: dict[str, float] | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        appearance().changed.connect(self._appearance_changed)

    def sizeHint(self) -> QSize:
        return QSize(200, self.fontMetrics().height() + 8)

    def set_summary(self, summary: dict[str, float] | None) -> None:
        self.summary = summary
        if summary:
            self.setToolTip(self.text())
        self.update()

    def _appearance_changed(self, what: str) -> None:
        if what == "theme":
            self.set_theme(appearance().theme)

    def set_theme(self, theme: themes.Theme) -> None:
        self.theme = theme
        self.update()

    def text(self) -> str:
        if not self.summary:
            return ""
        names = {"shared": self.tr("shared"), "paraphrased": self.tr("paraphrased"),
                 "unique": self.tr("unique")}
        return "   ".join(f"{names[k]} {self.summary.get(k, 0.0) * 100:.0f}%" for k in themes.CLASSES)

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        if not self.summary:
            return
        x = rect.left()
        for label in themes.CLASSES:
            w = rect.width() * self.summary.get(label, 0.0)
            if w > 0:
                seg = QRectF(x, rect.top(), w, rect.height())
                p.fillRect(seg, self.theme.color(label))
                underline(p, label, seg.left(), seg.right(), seg.bottom() - 2, self.theme.color(label, strong=True))
                x += w
        p.setPen(self.palette().text().color())
        p.drawText(rect.adjusted(6, 0, -6, -2), Qt.AlignmentFlag.AlignVCenter, self.text())
        p.end()


def swatch(theme: themes.Theme, label: str, size: int = 16) -> QIcon:
    """A small square in the class tint with its underline style, for the legend and menus."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    if label == "debris":
        p.setPen(QColor(theme.debris))
        f = p.font()
        f.setItalic(True)
        p.setFont(f)
        p.drawText(pix.rect(), Qt.AlignmentFlag.AlignCenter, "a")
    elif label == "moved":
        p.setPen(QPen(QColor(theme.moved), 1.5, Qt.PenStyle.DashLine))
        p.drawRect(2, 3, size - 5, size - 7)
    else:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(1, 1, size - 2, size - 5, theme.color(label))
        underline(p, label, 1, size - 1, size - 2.5, theme.color(label, strong=True))
    p.end()
    return QIcon(pix)


class Legend(QWidget):
    """The class legend; each class entry is also its filter toggle."""

    filtersChanged = Signal(set)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.theme = appearance().theme
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        self.boxes: dict[str, QCheckBox] = {}
        names = {"shared": self.tr("Shared"), "paraphrased": self.tr("Paraphrased"),
                 "unique": self.tr("Unique")}
        meaning = {"shared": self.tr("Same words"), "paraphrased": self.tr("Same statement reworded"),
                   "unique": self.tr("Only in one source")}
        lines = {"solid": self.tr("solid"), "wavy": self.tr("wavy"), "dotted": self.tr("dotted")}
        layout.addWidget(QLabel(self.tr("Show:")))
        for label in themes.CLASSES:
            box = QCheckBox(names[label])
            box.setChecked(True)
            box.setToolTip(self.tr("%1 (%2 underline). Uncheck to hide.").replace("%1", meaning[label])
                           .replace("%2", lines[themes.UNDERLINE_NAMES[label]]))
            box.setAccessibleDescription(box.toolTip())
            box.toggled.connect(self._changed)
            self.boxes[label] = box
            layout.addWidget(box)
        self.debris = QLabel(self.tr("debris"))
        self.debris.setToolTip(self.tr("Grey italic: bylines, captions, footers; shown, not compared"))
        self.moved = QLabel(self.tr("moved"))
        self.moved.setToolTip(self.tr("A dashed band: a passage whose position changed between the sources"))
        self._icons = {"debris": QLabel(), "moved": QLabel()}
        for key, lab in (("debris", self.debris), ("moved", self.moved)):
            layout.addWidget(self._icons[key])
            layout.addWidget(lab)
        layout.addStretch(1)
        self.set_theme(self.theme)
        appearance().changed.connect(self._appearance_changed)

    def _appearance_changed(self, what: str) -> None:
        if what == "theme":
            self.set_theme(appearance().theme)

    def set_theme(self, theme: themes.Theme) -> None:
        self.theme = theme
        for label, box in self.boxes.items():
            box.setIcon(swatch(theme, label))
        for key, lab in self._icons.items():
            lab.setPixmap(swatch(theme, key).pixmap(16, 16))

    def classes(self) -> set[str]:
        return {label for label, box in self.boxes.items() if box.isChecked()}

    def _changed(self) -> None:
        self.filtersChanged.emit(self.classes())
