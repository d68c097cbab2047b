"""Two panes of one pair of sources below the claim matrix, one statement's passages selected.

Linked passages are tinted by class; the chosen statement's passages are shown as the
selection (dark on light, as in the comparison window) and scrolled into view.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

from ...core.collection import CollectionReport
from ..plaintext import escaped
from .model import CELL_COLOURS


TINTED_TEXT = QColor("#111111")


def utf16_offset(text: str, index: int) -> int:
    """Qt counts UTF-16 units; ``Document.text`` offsets count code points."""
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


class PairView(QWidget):
    """Two read-only panes; linked passages tinted by class, the chosen statement underlined."""

    def __init__(self, collection: CollectionReport, parent=None) -> None:
        super().__init__(parent)
        self.collection = collection
        self.pair: tuple[int, int, int] | None = None
        self.titles = [QLabel(), QLabel()]
        self.panes = [QPlainTextEdit(), QPlainTextEdit()]
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for k, (title, pane) in enumerate(zip(self.titles, self.panes)):
            pane.setReadOnly(True)
            pane.setTabChangesFocus(True)
            pane.setAccessibleName(self.tr("Pair, side %1").replace("%1", "AB"[k]))
            column = QVBoxLayout()
            title.setWordWrap(True)
            title.setTextFormat(Qt.TextFormat.PlainText)
            column.addWidget(title)
            column.addWidget(pane)
            layout.addLayout(column)
        self.titles[0].setText("Click a cell of the matrix or of the heat map to compare that pair.")

    def show_pair(self, i: int, j: int, statement: int = -1) -> None:
        self.pair = (i, j, statement)
        docs = self.collection.documents
        report, swapped = self.collection.report_for(i, j)
        for side, src in enumerate((i, j)):
            self.titles[side].setTextFormat(Qt.TextFormat.RichText)   # our bold number, the title escaped
            self.titles[side].setText(f"<b>{src + 1}</b>: {escaped(docs[src].title or docs[src].source)}")
            self.panes[side].setPlainText(docs[src].text)
            self.panes[side].setAccessibleName(self.tr("Source %1: %2").replace("%1", str(src + 1))
                                               .replace("%2", docs[src].title or docs[src].source))
            self.panes[side].setExtraSelections([])
        for link in report.links:
            if link.score < self.collection.group_threshold:
                continue
            sides = (link.b, link.a) if swapped else (link.a, link.b)
            for side, seg_ids in enumerate(sides):
                src = (i, j)[side]
                for sid in seg_ids:
                    seg = docs[src].segments[sid]
                    self._tint(side, seg.start, seg.end, CELL_COLOURS[link.label], underline=False)
        target = next((s for s in self.collection.statements if s.id == statement), None)
        if target is None:
            return
        for side, src in enumerate((i, j)):
            member = target.member(src)
            if member is None:
                continue
            self._select(side, [docs[src].segments[sid] for sid in member.segments])
            first = docs[src].segments[member.segments[0]]
            cursor = self.panes[side].textCursor()
            cursor.setPosition(utf16_offset(docs[src].text, first.start))
            self.panes[side].setTextCursor(cursor)
            self.panes[side].centerCursor()

    def _select(self, side: int, segments: list) -> None:
        """The statement's passages as the selection: light text on a dark ground, underlined."""
        text = self.collection.documents[self.pair[side]].text
        chosen = []
        for seg in segments:
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.panes[side].document())
            cursor.setPosition(utf16_offset(text, seg.start))
            cursor.setPosition(utf16_offset(text, seg.end), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(QColor("#2B2B2B"))
            fmt.setForeground(QColor("#FFFFFF"))
            fmt.setFontUnderline(True)
            sel.format = fmt
            chosen.append(sel)
        self.panes[side].setExtraSelections(chosen)

    def selected_segments_visible(self, side: int) -> bool:
        """Whether the first selected passage of ``side`` is inside its pane's view."""
        selections = self.panes[side].extraSelections()
        if not selections:
            return False
        pane = self.panes[side]
        rect = pane.cursorRect(QTextCursor(selections[0].cursor.block()))
        return pane.viewport().rect().intersects(rect)

    def selected_text(self, side: int) -> str:
        return self.panes[side].textCursor().block().text()

    def _tint(self, side: int, start: int, end: int, colour: QColor, *, underline: bool) -> None:
        text = self.collection.documents[self.pair[side]].text if self.pair else ""
        cursor = QTextCursor(self.panes[side].document())
        cursor.setPosition(utf16_offset(text, start))
        cursor.setPosition(utf16_offset(text, end), QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setBackground(colour)
        fmt.setForeground(TINTED_TEXT)   # the tints are light in both themes: dark text reads on them
        if underline:
            fmt.setFontUnderline(True)
        cursor.mergeCharFormat(fmt)
