"""Colours and text formats per class, light and dark, colour-blind safe (Okabe–Ito).

Each class has a colour AND a second cue that survives grey-scale printing and colour
blindness: shared = solid underline, paraphrased = wavy underline, unique = dotted underline.
Debris (bylines, captions, footers) is greyed and italic.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette, QTextCharFormat
from PySide6.QtWidgets import QApplication, QStyleFactory

from .. import palette

THEMES = ("system", "light", "dark")
CLASSES = ("shared", "paraphrased", "unique")

# Okabe–Ito (synopsis.palette): blue, orange, reddish purple; the tints are the same hues.
_STRONG = palette.STRONG
_TINT_LIGHT = palette.TINT_LIGHT
_TINT_DARK = palette.TINT_DARK
_LINE_DARK = palette.ON_DARK
UNDERLINES = {"shared": QTextCharFormat.UnderlineStyle.SingleUnderline,
              "paraphrased": QTextCharFormat.UnderlineStyle.WaveUnderline,
              "unique": QTextCharFormat.UnderlineStyle.DotLine}
# the words for the underlines above: legends, tooltips and swatches say what the text shows
UNDERLINE_NAMES = {"shared": "solid", "paraphrased": "wavy", "unique": "dotted"}


@dataclass(frozen=True)
class Theme:
    name: str  # "light" or "dark"
    tint: dict[str, str]
    line: dict[str, str]
    debris: str
    selection: str
    moved: str
    insert: str
    delete: str
    selection_text: str = "#FFFFFF"
    fact: str = "#FFE36E"       # background of a changed fact's words in the detail panel
    focus: str = "#0B57D0"      # the ring around the widget with the keyboard focus

    def color(self, label: str, strong: bool = False) -> QColor:
        return QColor(self.line[label] if strong else self.tint[label])

    def band_fill(self, label: str) -> QColor:
        c = QColor(self.line[label])
        c.setAlpha(90 if self.name == "light" else 120)
        return c

    def char_format(self, label: str, debris: bool = False) -> QTextCharFormat:
        fmt = QTextCharFormat()
        if debris:
            fmt.setForeground(QBrush(QColor(self.debris)))
            fmt.setFontItalic(True)
            return fmt
        fmt.setBackground(QBrush(QColor(self.tint[label])))
        fmt.setUnderlineStyle(UNDERLINES[label])
        fmt.setUnderlineColor(QColor(self.line[label]))
        return fmt


LIGHT = Theme("light", _TINT_LIGHT, _STRONG, debris="#767676", selection="#2B2B2B",
              moved="#000000", insert="#007A55", delete="#B34700")
DARK = Theme("dark", _TINT_DARK, _LINE_DARK, debris="#8C8C8C", selection="#F2F2F2",
             moved="#FFFFFF", insert="#4FD1A5", delete="#FF9E66", selection_text="#000000", fact="#5E4B00",
             focus="#8AB4F8")


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    if scheme is not None and scheme() == Qt.ColorScheme.Dark:
        return True
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def resolve(name: str) -> Theme:
    if name == "dark" or (name == "system" and system_is_dark()):
        return DARK
    return LIGHT


def dark_palette() -> QPalette:
    p = QPalette()
    roles = QPalette.ColorRole
    for role, colour in ((roles.Window, "#2B2B2B"), (roles.WindowText, "#E8E8E8"),
                         (roles.Base, "#1E1E1E"), (roles.AlternateBase, "#262626"),
                         (roles.Text, "#E8E8E8"), (roles.Button, "#353535"),
                         (roles.ButtonText, "#E8E8E8"), (roles.Highlight, "#3A6EA5"),
                         (roles.HighlightedText, "#FFFFFF"), (roles.ToolTipBase, "#353535"),
                         (roles.ToolTipText, "#E8E8E8"), (roles.PlaceholderText, "#9A9A9A"),
                         (roles.Link, palette.SKY_BLUE), (roles.Mid, "#444444"), (roles.Dark, "#202020")):
        p.setColor(role, QColor(colour))
    p.setColor(QPalette.ColorGroup.Disabled, roles.Text, QColor("#7A7A7A"))
    p.setColor(QPalette.ColorGroup.Disabled, roles.ButtonText, QColor("#7A7A7A"))
    p.setColor(QPalette.ColorGroup.Disabled, roles.WindowText, QColor("#7A7A7A"))
    return p


def apply(app: QApplication, name: str) -> Theme:
    """Set the application palette for ``name`` ("system", "light", "dark"); return the Theme."""
    theme = resolve(name)
    style = QStyleFactory.create("Fusion")
    if style is not None:
        app.setStyle(style)
    app.setPalette(dark_palette() if theme.name == "dark" else style.standardPalette()
                   if style is not None else QPalette())
    return theme
