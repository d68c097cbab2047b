"""The read-only, word-wrapped text of one source, with its passages marked by class.

Class highlights are layout formats (so painting stays cheap however many passages there are),
written chunk by chunk by :class:`~.marks.ClassMarks`; the current selection uses extra
selections. Offsets given
to and returned from this widget are code points of ``Document.text``. The view follows the
application's theme and text size by itself (:mod:`..appearance`).

By keyboard: the arrow keys move a caret through the text and Enter selects the passage under
it, as a click does.
"""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import (QColor, QDragEnterEvent, QDropEvent, QPainter, QPen, QTextCharFormat, QTextCursor,
                           QTextOption)
from PySide6.QtWidgets import QTextEdit

from ...core.model import Document
from .. import theme as themes
from ..appearance import appearance
from ..geometry import Utf16Map, segment_at
from .extents import BlockCursor, PassageExtents
from .marks import ClassMarks

LARGE_TEXT = 200_000     # characters: above this, the text's full height is not asked of Qt at once


class TextView(QTextEdit):
    """The text itself. Emits ``passageClicked(offset, modifiers)`` and ``fileDropped(path)``."""

    passageClicked = Signal(int, object)
    fileDropped = Signal(str)
    layoutChanged = Signal()     # every passage moved (a new text, width or font)
    extentsGrew = Signal()       # more passages measured, or the laid-out height grew
    formatsChanged = Signal()    # labels, shown classes or theme: the marks look different

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # long URLs too
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTabChangesFocus(True)
        self.setUndoRedoEnabled(False)
        self.drop_target = False     # a file is being dragged over the view
        self.theme = themes.LIGHT
        self.umap = Utf16Map("")
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.q_starts: list[int] = []
        self.q_ends: list[int] = []
        self.labels: list[str] = []
        self.debris: list[bool] = []
        # per segment, the Qt ranges outside its core span: scraping debris glued to a passage
        # ("fake imagesPresident …"), shown as debris although the passage is compared
        self._segments: list = []
        self._glued_cache: dict[int, list[tuple[int, int]]] = {}
        self.shown = None               # the Document shown (painters check it is the report's)
        self.visible_classes = set(themes.CLASSES)
        self._formats: dict[tuple[str, bool], QTextCharFormat] = {}
        self.keeping_place = False      # True while a re-wrap scrolls the view back to its reader's place
        self.marks = ClassMarks(self)
        self.extents = PassageExtents(self)
        self._layout_width = -1.0
        self.document().documentLayout().documentSizeChanged.connect(self._size_changed)
        self.marks.finished.connect(self.extents.resume)
        self.extents.grew.connect(self.extentsGrew)
        self.verticalScrollBar().valueChanged.connect(self.marks.mark_in_view)
        appearance().changed.connect(self._appearance_changed)
        self._appearance_changed("theme")
        self._appearance_changed("font")

    def _appearance_changed(self, what: str) -> None:
        look = appearance()
        if what == "theme":
            self.set_theme(look.theme)
        elif what == "font":
            self.zoom(look.points())

    # -- content ------------------------------------------------------------------------------
    def set_document(self, doc: Document | None, labels: list[str] | None = None) -> None:
        """Show ``doc``'s text, its passages of classes ``labels`` (none yet if not given)."""
        self.set_text(doc)
        self.set_passages(doc, labels)

    def set_text(self, doc: Document | None) -> None:
        """The first half of :meth:`set_document` (a long text is set in one turn of the event
        loop, its passages in the next): the text, no passages until :meth:`set_passages`."""
        self.marks.stop()
        self.shown = None
        self.keeping_place = True       # the new text scrolls to its top: no reader's scroll to follow
        try:
            self.setPlainText(doc.text if doc is not None else "")
        finally:
            self.keeping_place = False

    def set_passages(self, doc: Document | None, labels: list[str] | None = None) -> None:
        """The second half of :meth:`set_document`: ``doc``'s passages, marked by class."""
        self.umap = Utf16Map(doc.text if doc is not None else "")
        segs = doc.segments if doc is not None else []
        self._segments = list(segs)
        self.starts = [s.start for s in segs]
        self.ends = [s.end for s in segs]
        self.q_starts = self.umap.to_qt_all(self.starts)
        self.q_ends = self.umap.to_qt_all(self.ends)
        self.debris = [s.is_debris for s in segs]
        self._glued_cache = {}
        self.labels = list(labels) if labels is not None and len(labels) == len(segs) else [""] * len(segs)
        self.shown = doc
        self._invalidate()
        self.marks.restart()        # (debris is marked before any class is known)
        self.formatsChanged.emit()

    def glued(self, i: int) -> list[tuple[int, int]]:
        """The Qt ranges of passage ``i`` outside its core span: scraping debris glued to it
        ("fake imagesPresident …"), shown as debris although the passage is compared."""
        pieces = self._glued_cache.get(i)
        if pieces is None:
            seg = self._segments[i]
            pieces = []
            if not seg.is_debris and seg.core is not None:
                pieces = [(self.umap.to_qt(a), self.umap.to_qt(b))
                          for a, b in ((seg.start, seg.core.start), (seg.core.end, seg.end)) if b > a]
            self._glued_cache[i] = pieces
        return pieces

    @property
    def q_glued(self) -> list[list[tuple[int, int]]]:
        """Per passage, :meth:`glued` (all of them)."""
        return [self.glued(i) for i in range(len(self._segments))]

    def debris_format(self) -> QTextCharFormat:
        return self.format_for_label("", True)

    def set_labels(self, labels: list[str]) -> None:
        """New classes for the passages; only the text blocks of passages that changed are
        highlighted again (new thresholds or a correction change a few of thousands)."""
        labels = list(labels)
        if labels == self.labels:
            return
        changed = [i for i, (old, new) in enumerate(zip(self.labels, labels)) if old != new] \
            if len(labels) == len(self.labels) else None
        self.labels = labels
        if changed is None or len(changed) > len(labels) // 4:
            self.rehighlight()
            return
        doc = self.document()
        blocks = []
        for i in changed:
            block = doc.findBlock(self.q_starts[i])
            while block.isValid() and block.position() < max(self.q_ends[i], self.q_starts[i] + 1):
                blocks.append(block.blockNumber())
                block = block.next()
        self.marks.mark_blocks(blocks)      # (a pass under way marks the others with the new labels)
        self.formatsChanged.emit()

    def set_theme(self, theme: themes.Theme) -> None:
        self.theme = theme
        self._formats.clear()
        self.rehighlight()

    def set_visible_classes(self, classes: set[str]) -> None:
        if set(classes) != self.visible_classes:
            self.visible_classes = set(classes)
            self.rehighlight()

    def rehighlight(self) -> None:
        """Mark the whole text again: the part in view now, the rest over the next turns of the
        event loop (``marks.busy`` until done, then ``marks.finished``)."""
        self.marks.restart()
        self.formatsChanged.emit()

    def format_for(self, i: int) -> QTextCharFormat | None:
        label = self.labels[i] if i < len(self.labels) else ""
        debris = self.debris[i]
        if not debris and (not label or label not in self.visible_classes):
            return None
        return self.format_for_label(label, debris)

    def format_for_label(self, label: str, debris: bool) -> QTextCharFormat:
        key = (label, debris)
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = self._formats[key] = self.theme.char_format(label or "unique", debris)
        return fmt

    # -- geometry -----------------------------------------------------------------------------
    def _invalidate(self, *args) -> None:
        """Every passage moved: measured again as needed."""
        self.extents.reset()
        self.layoutChanged.emit()

    def _size_changed(self, size) -> None:
        """Qt laid out more of the text (or again): a new width moved every line."""
        if abs(size.width() - self._layout_width) > 0.5:
            first = self._layout_width < 0
            self._layout_width = size.width()
            if not first:
                self._invalidate()
                return
        self.extentsGrew.emit()

    def resizeEvent(self, event) -> None:
        rewrapped = event.oldSize().width() != event.size().width()
        keep = self._reading_anchor() if rewrapped else None
        super().resizeEvent(event)      # a new width re-wraps the text: every line below moves
        if rewrapped:
            self._invalidate()
        if keep is not None:
            was, self.keeping_place = self.keeping_place, True   # (synchronised scrolling does not follow this move)
            try:
                self._return_to(*keep)
            finally:
                self.keeping_place = was

    def _reading_anchor(self) -> tuple[int, float, int | None] | None:
        """What the reader is looking at: (text position, its distance below the view's top, the
        end of the selected passage or None) for the selected passage when it is in view, else
        for the first character shown."""
        if not self.starts or self.view_height() <= 0:
            return None
        top = self.scroll_y()
        for selection in self.extraSelections()[:1]:
            position = selection.cursor.selectionStart()
            y = self._y_at(position, False)
            if top <= y < top + self.view_height():
                return position, y - top, max(position, selection.cursor.selectionEnd() - 1)
        position = self.cursorForPosition(QPoint(0, 0)).position()
        return position, self._y_at(position, False) - top, None

    def _return_to(self, position: int, offset: float, end: int | None) -> None:
        """Scroll so ``position`` is ``offset`` below the top again, the selected passage whole."""
        y = self._y_at(position, False)
        scroll = y - offset
        if end is not None:     # re-wrapped taller, it may no longer fit below that point
            scroll = max(scroll, min(y, self._y_at(end, True) - self.view_height()))
        self.set_scroll_y(max(0.0, scroll))

    def segment_extents(self) -> list[tuple[float, float]]:
        """(top, bottom) of every passage in document coordinates, all measured now (on a long
        text this lays all of it out: painters use ``extents.around`` instead)."""
        self.extents.measure(range(self.extents.count))
        return list(zip(self.extents.top.tolist(), self.extents.bottom.tolist()))

    def _y_at(self, pos: int, bottom: bool) -> float:
        return BlockCursor(self.document()).y(pos, bottom)

    def document_height(self) -> float:
        """The height of the text laid out so far (all of it, once Qt has laid it out: a long
        text is laid out over many turns of the event loop)."""
        bar = self.verticalScrollBar()
        if bar.maximum() > 0 or self.document().characterCount() > LARGE_TEXT:
            return float(bar.maximum() + bar.pageStep())
        return float(self.document().size().height())

    def scroll_y(self) -> int:
        return self.verticalScrollBar().value()

    def set_scroll_y(self, y: float) -> None:
        bar = self.verticalScrollBar()
        target = int(round(y))
        if target > bar.maximum():
            self._widen_range(target)
        bar.setValue(target)

    def _widen_range(self, target: int) -> None:
        """Widen the scroll range down to ``target`` as far as the text is measured: while Qt
        lays a long text out over several turns, it tells the scroll bar how far it got only
        in the next turn, and a jump to a passage just measured further down would stop short."""
        known = self.extents.known
        if not known.any():
            return
        reached = float(self.extents.bottom[known].max()) + self.document().documentMargin()
        bar = self.verticalScrollBar()
        bar.setMaximum(max(bar.maximum(), min(target, int(reached) - self.view_height())))

    def view_height(self) -> int:
        return self.viewport().height()

    def ensure_segment_visible(self, seg: int) -> None:
        """Scroll passage ``seg`` into view (measured now if it was not: Qt lays the text out
        down to it)."""
        top, bottom = self.extents.extent(seg)
        y0 = self.scroll_y()
        h = self.view_height()
        if top < y0 or bottom > y0 + h:
            self.set_scroll_y(max(0.0, top - h / 3))

    def offset_at(self, pos) -> int:
        """Code-point offset under a viewport point."""
        return self.umap.from_qt(self.cursorForPosition(pos).position())

    def segment_rect(self, seg: int) -> QRect:
        """Viewport rectangle of the first character of ``seg`` (for clicks in tests)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.q_starts[seg] + 1)
        return self.cursorRect(cursor)

    # -- selection ----------------------------------------------------------------------------
    def show_selection(self, segs: list[int]) -> None:
        selections = []
        for seg in segs:
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.q_starts[seg])
            cursor.setPosition(self.q_ends[seg], QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            fmt = QTextCharFormat()
            # neutral, not the palette's blue: that would read as "shared"
            fmt.setForeground(QColor(self.theme.selection_text))
            fmt.setBackground(QColor(self.theme.selection))
            sel.format = fmt
            selections.append(sel)
        self.setExtraSelections(selections)

    # -- events -------------------------------------------------------------------------------
    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self.passageClicked.emit(self.offset_at(event.position().toPoint()), event.modifiers())

    def segment_at_offset(self, offset: int) -> int | None:
        return segment_at(self.starts, self.ends, offset)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.passageClicked.emit(self.umap.from_qt(self.textCursor().position()), event.modifiers())
            return
        super().keyPressEvent(event)

    def _set_drop_target(self, on: bool) -> None:
        if on != self.drop_target:
            self.drop_target = on
            self.viewport().update()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.drop_target:    # where a dragged file will land
            painter = QPainter(self.viewport())
            painter.setPen(QPen(QColor(self.theme.focus), 3, Qt.PenStyle.DashLine))
            painter.drawRect(self.viewport().rect().adjusted(2, 2, -3, -3))
            painter.end()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
            self._set_drop_target(True)
        else:
            super().dragEnterEvent(event)

    def dragLeaveEvent(self, event) -> None:
        self._set_drop_target(False)
        super().dragLeaveEvent(event)

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_drop_target(False)
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            event.acceptProposedAction()
            self.fileDropped.emit(urls[0].toLocalFile())
        else:
            event.ignore()

    def zoom(self, points: float) -> None:
        font = self.font()
        font.setPointSizeF(max(6.0, points))
        self.setFont(font)
        self.document().setDefaultFont(font)
        self._invalidate()


