"""A small paginating canvas for the PDF report: text and table rows painted onto a QPdfWriter.

Qt's rich-text engine lays a long table out several times (once for the document, again for
printing), which made a 2,000-row report take seconds. Here every cell is one ``QTextLayout``
laid out once at the writer's resolution and painted with ``QPainter``: the fonts stay embedded
and the text selectable, and rows that do not fit on a page are split between two lines of text.
Units are device dots (``DPI`` per inch); :meth:`Canvas.pt` converts from points.

Only :mod:`synopsis.export.pdf_report` imports this module, and only when a PDF is written.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QUuid
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)

DPI = 300
Style = dict  # char-format properties for a run: {"bold", "italic", "color", "underline", "background"}


def make_font(size: float, bold: bool = False, italic: bool = False, family: str = "DejaVu Sans") -> QFont:
    font = QFont(family)
    font.setPointSizeF(size)
    font.setBold(bold)
    font.setItalic(italic)
    # no ligatures: "Witkoff" copied out of the PDF must stay searchable, not "Witkoﬀ"
    for tag in ("liga", "clig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


@dataclass(slots=True)
class Text:
    """A paragraph: plain text plus styled ranges ``(start, end, style)`` of it."""

    text: str
    font: QFont
    styles: list[tuple[int, int, Style]] = field(default_factory=list)
    color: str = "#1a1a1a"


@dataclass(slots=True)
class Cell:
    """A table cell: paragraphs stacked, a background fill, an optional pattern brush on top."""

    parts: list[Text]
    fill: str | None = None
    pattern: QBrush | None = None


def _char_format(style: Style) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if style.get("bold"):
        fmt.setFontWeight(QFont.Weight.Bold)
    if style.get("italic"):
        fmt.setFontItalic(True)
    if style.get("underline"):
        fmt.setFontUnderline(True)
    if style.get("color"):
        fmt.setForeground(QBrush(QColor(style["color"])))
    if style.get("background"):
        fmt.setBackground(QBrush(QColor(style["background"])))
    return fmt


class Canvas:
    """An A4 PDF being written: a cursor ``y`` moving down the page, new pages when needed."""

    def __init__(self, path: str, title: str, footer: str, document_id: str | None = None) -> None:
        self.writer = QPdfWriter(path)
        self.writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                              QPageLayout.Orientation.Portrait,
                                              QMarginsF(12, 12, 12, 14), QPageLayout.Unit.Millimeter))
        self.writer.setResolution(DPI)
        self.writer.setTitle(title)
        self.writer.setCreator("Synopsis")
        if document_id:  # must be set before painting starts: the PDF header is written then
            self.writer.setDocumentId(QUuid(document_id))
        self.painter = QPainter(self.writer)
        rect = self.writer.pageLayout().paintRectPixels(DPI)
        self.width = float(rect.width())
        self.bottom = float(rect.height())
        self.y = 0.0
        self.page = 1
        self.footer = footer
        self.footer_font = make_font(7)
        self.on_new_page: Callable[[], None] | None = None
        self._option = QTextOption()
        self._option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self._format_cache: dict[tuple, QTextCharFormat] = {}
        self._draw_footer()

    @staticmethod
    def pt(points: float) -> float:
        return points * DPI / 72.0

    # -- pages ---------------------------------------------------------------------------
    def _draw_footer(self) -> None:
        layout = self.layout(Text(f"{self.footer} · page {self.page}", self.footer_font, color="#555555"),
                             self.width)
        layout.draw(self.painter, QPointF(0, self.bottom + self.pt(6)))

    def new_page(self) -> None:
        self.writer.newPage()
        self.page += 1
        self.y = 0.0
        self._draw_footer()
        if self.on_new_page is not None:
            self.on_new_page()

    def ensure(self, height: float) -> None:
        """Start a new page unless ``height`` fits below the cursor (or the page is still empty)."""
        if self.y > 0 and self.y + height > self.bottom:
            self.new_page()

    def finish(self) -> None:
        self.painter.end()

    # -- text ----------------------------------------------------------------------------
    def layout(self, text: Text, width: float) -> QTextLayout:
        """``text`` laid out in lines of ``width`` dots, each line's top at its own y."""
        # QTextLayout breaks lines only at U+2028; same length, so style offsets stay valid
        layout = QTextLayout(text.text.replace("\n", "\u2028"), text.font, self.writer)
        layout.setTextOption(self._option)
        ranges = []
        for start, end, style in text.styles:
            if end <= start:
                continue
            key = tuple(sorted(style.items()))
            fmt = self._format_cache.get(key)
            if fmt is None:
                fmt = self._format_cache[key] = _char_format(style)
            rng = QTextLayout.FormatRange()
            rng.start, rng.length, rng.format = start, end - start, fmt
            ranges.append(rng)
        if ranges:
            layout.setFormats(ranges)
        layout.beginLayout()
        y = 0.0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, y))
            y += line.height()
        layout.endLayout()
        return layout

    def paragraph(self, text: Text, space_before: float = 0.0, space_after: float = 0.0,
                  indent: float = 0.0) -> None:
        """A full-width paragraph (split over pages between lines if it is long)."""
        self.y += space_before if self.y > 0 else 0.0
        self.row([Cell([text])], [self.width - indent], pad=0.0, x0=indent, rule=False)
        self.y += space_after

    def heading(self, text: str, size: float = 12.0) -> None:
        font = make_font(size, bold=True)
        self.ensure(self.pt(size * 4))  # keep a heading with what follows it
        self.paragraph(Text(text, font), space_before=self.pt(size * 0.8), space_after=self.pt(2))
        self.painter.setPen(QPen(QColor("#333333"), self.pt(1)))
        self.painter.drawLine(QPointF(0, self.y), QPointF(self.width, self.y))
        self.y += self.pt(4)

    # -- rows ----------------------------------------------------------------------------
    def row(self, cells: list[Cell], widths: list[float], pad: float | None = None, x0: float = 0.0,
            rule: bool = True) -> None:
        """Cells side by side; split between text lines when the row is taller than a page."""
        pad = self.pt(2.5) if pad is None else pad
        laid = []
        for cell, width in zip(cells, widths):
            parts, top = [], 0.0
            for part in cell.parts:
                layout = self.layout(part, max(1.0, width - 2 * pad))
                lines = [(top + layout.lineAt(i).y(), top + layout.lineAt(i).y() + layout.lineAt(i).height())
                         for i in range(layout.lineCount())]
                spans = [(layout.lineAt(i).textStart(), layout.lineAt(i).textLength())
                         for i in range(layout.lineCount())]
                parts.append((layout, top, lines, part, spans))
                top += layout.boundingRect().height() if lines else 0.0
            laid.append(parts)
        height = max((b for parts in laid for p in parts for _, b in p[2]), default=0.0)
        if self.y + height + 2 * pad > self.bottom and height + 2 * pad <= self.bottom:
            self.ensure(height + 2 * pad)
        done = [0.0] * len(cells)
        while True:
            room = self.bottom - self.y - 2 * pad
            taken = []
            for index, parts in enumerate(laid):
                bottoms = [b for p in parts for top, b in p[2] if top >= done[index] - 0.01 and b <= done[index] + room]
                taken.append(max(bottoms, default=done[index]))
            remaining = any(b > done[i] + 0.01 for i, parts in enumerate(laid) for p in parts for _, b in p[2])
            if remaining and all(t <= d + 0.01 for t, d in zip(taken, done)):
                if self.y > 0:
                    self.new_page()
                    continue
                # a line taller than a page: take one line per cell so the loop always advances
                taken = [min((b for p in parts for top, b in p[2] if top >= done[i] - 0.01), default=done[i])
                         for i, parts in enumerate(laid)]
            piece = max((t - d for t, d in zip(taken, done)), default=0.0)
            self._paint_piece(cells, widths, laid, done, taken, piece, pad, x0, rule)
            self.y += piece + 2 * pad
            done = taken
            if not any(b > done[i] + 0.01 for i, parts in enumerate(laid) for p in parts for _, b in p[2]):
                return
            self.new_page()

    def _paint_piece(self, cells, widths, laid, done, taken, piece, pad, x0, rule) -> None:
        painter = self.painter
        x = x0
        for cell, width, parts, start, end in zip(cells, widths, laid, done, taken):
            box = QRectF(x, self.y, width, piece + 2 * pad)
            if cell.fill:
                painter.fillRect(box, QColor(cell.fill))
            if cell.pattern:
                painter.fillRect(box, cell.pattern)
            for layout, top, lines, part, spans in parts:
                inside = [i for i, (a, b) in enumerate(lines) if a >= start - 0.01 and b <= end + 0.01]
                if not inside:
                    continue
                painter.setPen(QColor(part.color))
                if len(inside) < len(lines):
                    # part of a paragraph split between pages: lay out just these lines again
                    # (drawing the whole layout clipped would still put hidden text in the PDF)
                    first, last = spans[inside[0]], spans[inside[-1]]
                    layout = self.layout(_cut(part, first[0], last[0] + last[1]), max(1.0, width - 2 * pad))
                # a layout's first line sits at its y = 0
                layout.draw(painter, QPointF(x + pad, self.y + pad + lines[inside[0]][0] - start))
            x += width
        if rule:
            painter.setPen(QPen(QColor("#999999"), self.pt(0.4)))
            painter.drawLine(QPointF(x0, self.y + piece + 2 * pad), QPointF(x, self.y + piece + 2 * pad))


def _cut(text: Text, start: int, end: int) -> Text:
    """The characters ``[start, end)`` of a paragraph, with its styles moved along."""
    styles = [(max(s, start) - start, min(e, end) - start, style) for s, e, style in text.styles
              if s < end and e > start]
    return Text(text.text[start:end], text.font, styles, text.color)
