"""The class marks of a text view, written into the text's layout a chunk of blocks at a time.

A mark is a format range of one text block (``QTextLayout.setFormats``), the same kind a
``QSyntaxHighlighter`` makes; every range lies inside one passage's Qt span. The document is
told once per chunk that the chunk's blocks changed: told block by block (as a highlighter
does), Qt places every following block again each time, which over a long article makes one
pass quadratic. A pass marks the blocks in view at once and the rest in chunks of about
``CHUNK_CHARACTERS`` characters, one chunk of one view per turn of the event loop (none while a
new report is handed to the views, see :mod:`.turns`), so the window keeps answering while it runs; a new pass (new labels, filters or theme) replaces an unfinished one.
Each chunk's passages are measured as it is laid out (:meth:`~.extents.PassageExtents.marked`).
"""
from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtGui import QTextBlock, QTextLayout

from .turns import background, turns

CHUNK_CHARACTERS = 20_000


def block_ranges(view, b0: int, b1: int) -> list[QTextLayout.FormatRange]:
    """The format ranges (relative to the block) of the block spanning Qt positions [b0, b1):
    each passage's class, and the debris format over scraping debris and glued captions."""
    out: list[QTextLayout.FormatRange] = []

    def add(s: int, e: int, fmt) -> None:
        s, e = max(s, b0), min(e, b1)
        if e > s:
            r = QTextLayout.FormatRange()
            r.start, r.length, r.format = s - b0, e - s, fmt
            out.append(r)

    i = bisect_left(view.q_ends, b0 + 1)
    while i < len(view.q_starts) and view.q_starts[i] < b1:
        fmt = view.format_for(i)
        glued = view.glued(i)
        if fmt is not None:
            cut = view.q_starts[i]
            for g0, g1 in sorted(glued):        # the class around the glued pieces, not under them
                add(cut, g0, fmt)
                cut = max(cut, g1)
            add(cut, view.q_ends[i], fmt)
        for g0, g1 in glued:
            add(g0, g1, view.debris_format())
        i += 1
    out.sort(key=lambda r: r.start)
    return out


class ClassMarks(QObject):
    """Keeps a :class:`TextView`'s marks in step with its labels; ``finished`` when a pass ends."""

    finished = Signal()

    def __init__(self, view) -> None:
        super().__init__(view)
        self._view = view
        self._pending: list[tuple[int, int]] = []     # block-number ranges [first, end) still to mark
        self.chunks = 0          # chunks the current (or last) pass took, the first one in view

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def restart(self) -> None:
        """Mark the whole text again: what is in view now, the rest in later turns."""
        doc = self._view.document()
        count = doc.blockCount()
        first, end = self._blocks_in_view(count)
        self._pending = [r for r in ((first, end), (end, count), (0, first)) if r[1] > r[0]]
        self.chunks = 0
        if end > first:
            self._run(doc.characterCount())      # the blocks in view, before the next paint
        if self._pending:
            background().post(self, "marks", self._step)
        else:
            background().cancel(self, "marks")
            self.finished.emit()

    def stop(self) -> None:
        """Drop the pass under way (the text is being replaced)."""
        self._pending = []
        background().cancel(self, "marks")

    def finish(self) -> None:
        """Mark everything still pending now, in this turn."""
        while self._pending:
            self._run(CHUNK_CHARACTERS)
        background().cancel(self, "marks")

    def mark_in_view(self) -> None:
        """While a pass runs, mark the blocks scrolled into view now (they are marked again,
        the same way, when the pass reaches them)."""
        if self._pending:
            first, end = self._blocks_in_view(self._view.document().blockCount())
            if end > first:
                self._mark_run(self._view.document(), first, end)

    def mark_blocks(self, numbers: list[int]) -> None:
        """Mark these blocks again now (a few passages changed class)."""
        doc = self._view.document()
        runs: list[list[int]] = []
        for n in sorted(set(numbers)):
            if runs and runs[-1][1] == n:
                runs[-1][1] = n + 1
            else:
                runs.append([n, n + 1])
        for first, stop in runs:
            self._mark_run(doc, first, stop)

    def _blocks_in_view(self, count: int) -> tuple[int, int]:
        view = self._view
        if count == 0 or not view.isVisible():
            return 0, 0
        top = view.cursorForPosition(QPoint(0, 0)).block().blockNumber()
        bottom = view.cursorForPosition(QPoint(0, max(0, view.view_height() - 1))).block().blockNumber()
        return top, min(count, bottom + 1)

    def _step(self) -> None:
        if turns().busy:      # a new report is being handed to the views: their turns first
            background().post(self, "marks", self._step)
            return
        self._run(CHUNK_CHARACTERS)
        if self._pending:
            background().post(self, "marks", self._step)
        else:
            self.finished.emit()

    def _run(self, characters: int) -> None:
        """Mark the first pending range's blocks up to about ``characters`` characters (at
        least one block)."""
        if not self._pending:
            return
        doc = self._view.document()
        first, end = self._pending[0]
        stop, block, size = first, doc.findBlockByNumber(first), 0
        while stop < end and block.isValid() and (stop == first or size < characters):
            size += block.length()
            stop += 1
            block = block.next()
        self._mark_run(doc, first, stop)
        self.chunks += 1
        if stop >= end:
            self._pending.pop(0)
        else:
            self._pending[0] = (stop, end)

    def _mark_run(self, doc, first: int, stop: int) -> None:
        """New formats for blocks [first, stop), then one notice to the layout for all of them."""
        block: QTextBlock = doc.findBlockByNumber(first)
        start = block.position()
        end = start
        for _ in range(first, stop):
            if not block.isValid():
                break
            end = block.position() + block.length()
            block.layout().setFormats(block_ranges(self._view, block.position(), end))
            block = block.next()
        if end > start:
            doc.markContentsDirty(start, end - start)
            self._view.extents.marked(start, end)     # laid out again: measured while at hand
