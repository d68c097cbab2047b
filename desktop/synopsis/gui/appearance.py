"""The look every view follows: colour theme and text size, in one object views subscribe to.

As in Meld, whose link map and chunk map connect to the settings object's ``changed`` signal
and re-read their own colours (``meld/linkmap.py``, ``meld/chunkmap.py``), nothing pushes a
theme into the widgets: each view connects to :attr:`Appearance.changed` itself and re-reads
what it needs, so a new view cannot be forgotten in a central list.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QApplication, QFocusFrame, QWidget

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


class FocusRing(QFocusFrame):
    """A ring around the focused widget, drawn in the theme's focus colour in both themes.

    Qt's Fusion style marks focus faintly or not at all on text views, tables and custom
    widgets; this frame follows the focus (``QApplication.focusChanged``) and paints a 2-pixel
    ring just outside the widget.
    """

    WIDTH = 2

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        QApplication.instance().focusChanged.connect(self._focus_changed)

    def _focus_changed(self, old, new) -> None:
        if new is not None and new.window() is self._window and new.focusPolicy() != Qt.FocusPolicy.NoFocus \
                and not isinstance(new, QFocusFrame):
            self.setWidget(new)
        elif new is None or new.window() is self._window:
            self.setWidget(None)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        colour = QColor(appearance().theme.focus)
        painter.setPen(QPen(colour, self.WIDTH))
        half = self.WIDTH / 2
        painter.drawRect(self.rect().toRectF().adjusted(half, half, -half, -half))
        painter.end()
