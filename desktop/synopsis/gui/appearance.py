"""The look every view follows: colour theme and text size, in one object views subscribe to.

As in Meld, whose link map and chunk map connect to the settings object's ``changed`` signal
and re-read their own colours (``meld/linkmap.py``, ``meld/chunkmap.py``), nothing pushes a
theme into the widgets: each view connects to :attr:`Appearance.changed` itself and re-reads
what it needs, so a new view cannot be forgotten in a central list.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QRegion
from PySide6.QtWidgets import QApplication, QWidget

from . import theme as themes

MIN_POINTS, MAX_POINTS = 6.0, 48.0


class Appearance(QObject):
    """The application's theme and text size; ``changed(what)`` with ``"theme"`` or ``"font"``."""

    changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.theme_name = "system"
        self.theme: themes.Theme = themes.resolve("system")
        self.font_size = 0.0  # points; 0 = the system's size

    def set_theme(self, name: str) -> None:
        app = QApplication.instance()
        self.theme_name = name
        self.theme = themes.apply(app, name) if isinstance(app, QApplication) else themes.resolve(name)
        self.changed.emit("theme")

    def set_font_size(self, points: float) -> None:
        self.font_size = 0.0 if points <= 0 else min(max(points, MIN_POINTS), MAX_POINTS)
        self.changed.emit("font")

    def base_points(self) -> float:
        return QApplication.font().pointSizeF()

    def points(self) -> float:
        return self.font_size or self.base_points()

    def zoomed(self, font: QFont) -> QFont:
        """``font`` at the chosen text size."""
        out = QFont(font)
        out.setPointSizeF(self.points())
        return out


_instance: Appearance | None = None


def appearance() -> Appearance:
    """The running application's one :class:`Appearance` (made on first use)."""
    global _instance
    app = QApplication.instance()
    if _instance is None or _instance.parent() is not app:
        _instance = Appearance(app)
    return _instance


class FocusRing(QWidget):
    """A ring around the focused widget, in the theme's focus colour, in both themes.

    Qt's Fusion style marks focus faintly or not at all on text views, tables and custom
    widgets (and its ``QFocusFrame`` is drawn beneath the widget). This overlay, a child of the
    window above everything else and transparent to the mouse, follows the focus and the
    focused widget's moves and resizes, and paints a ring just outside it.
    """

    WIDTH = 2

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._target: QWidget | None = None
        self._watched: list[QWidget] = []
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()
        QApplication.instance().focusChanged.connect(self._focus_changed)

    def widget(self) -> QWidget | None:
        return self._target

    def _focus_changed(self, old, new) -> None:
        if new is not None and new.window() is self._window and new is not self._window:
            self.track(new)
        elif new is None or new.window() is self._window:
            self.track(None)

    def track(self, widget: QWidget | None) -> None:
        for watched in self._watched:
            try:
                watched.removeEventFilter(self)
            except RuntimeError:     # deleted already (its window is closing)
                pass
        self._target, self._watched = widget, []
        while widget is not None and widget is not self._window:
            widget.installEventFilter(self)
            self._watched.append(widget)
            widget = widget.parentWidget()
        self.place()

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide):
            self.place()
        return False

    def place(self) -> None:
        target = self._target
        if target is None or not target.isVisibleTo(self._window):
            self.hide()
            return
        w = self.WIDTH
        rect = QRect(target.mapTo(self._window, QPoint(0, 0)), target.size()).adjusted(-w, -w, w, w)
        self.setGeometry(rect)
        inner = QRect(w, w, rect.width() - 2 * w, rect.height() - 2 * w)
        self.setMask(QRegion(self.rect()).subtracted(QRegion(inner)))
        self.raise_()
        self.show()
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(appearance().theme.focus))
        painter.end()
