"""Where each passage of a text view lies (top and bottom, document coordinates), measured as needed.

Measuring a passage asks Qt for its text's layout, and Qt lays a text out from the top: the
extent of a passage far down a long article costs the layout of everything above it. So the
passages are never all measured in one turn of the event loop. What a painter or a jump needs
now is measured when asked (:meth:`PassageExtents.extent`, :meth:`~PassageExtents.around`); the
rest is measured behind the marks pass, chunk by chunk, as it lays the text out
(:meth:`~PassageExtents.marked`), or without one by a fill that takes a few milliseconds a turn.

Qt does not always lay out what it is asked about: once part of a text has been laid out again
(a marks chunk), it takes the blocks below as laid out, and a block never laid out reads as
empty at the end of what was. So before measuring, the blocks from the last one known to be laid
out down to the passage are laid out (:meth:`PassageExtents._lay_out_to`): what lies above a
passage is laid out before it is measured, in order from the top, as Qt would.

A measured extent stays valid while the text's width, font and content stay: Qt lays out further
down without moving what lies above. A marks chunk is laid out again with its formats (debris is
italic, which may re-wrap a line): its passages are measured again, and the passages measured
below it are kept only if the lowest of them has not moved.
"""
from __future__ import annotations

import time
from bisect import bisect_left, bisect_right

import numpy as np
from PySide6.QtCore import QObject, QPointF, Qt, QTimer, Signal

FILL_SECONDS = 0.006     # the fill's share of one turn of the event loop
FAR = 1e9                # the y given to an unmeasured passage: far above or below the view


class BlockCursor:
    """The y of text positions, asked mostly in increasing order: the block found last is kept
    (its rectangle and layout asked of Qt once), the next ones are reached by stepping."""

    def __init__(self, doc) -> None:
        self.doc, self.layout = doc, doc.documentLayout()
        self.block = None
        self.start = self.end = 0
        self.top = self.bottom = 0.0
        self.lines = None

    def _go(self, pos: int) -> None:
        block = self.block
        if block is None or pos < self.start:
            block = self.doc.findBlock(pos)
        else:
            while block.isValid() and pos >= self.end and block.next().isValid():
                block = block.next()
                self.start, self.end = block.position(), block.position() + block.length()
        self.block, self.start, self.end = block, block.position(), block.position() + block.length()
        rect = self.layout.blockBoundingRect(block)     # lays the text out down to this block
        self.top, self.bottom, self.lines = rect.top(), rect.bottom(), block.layout()

    def y(self, pos: int, bottom: bool) -> float:
        if self.block is None or not self.start <= pos < self.end:
            self._go(pos)
        line = self.lines.lineForTextPosition(pos - self.start)
        if not line.isValid():
            return self.bottom if bottom else self.top
        y = self.top + line.y()
        return y + line.height() if bottom else y


class PassageExtents(QObject):
    """The extents of a :class:`~.textview.TextView`'s passages; ``known[i]`` says whether
    ``top[i]``/``bottom[i]`` hold passage ``i``'s. ``version`` changes whenever they do."""

    grew = Signal()        # more passages measured (or measured again)
    moved = Signal()       # passages measured before were found elsewhere (a chunk re-wrapped)
    complete = Signal()    # every passage measured

    def __init__(self, view) -> None:
        super().__init__(view)
        self._view = view
        self.top = np.zeros(0)
        self.bottom = np.zeros(0)
        self.known = np.zeros(0, dtype=bool)
        self.version = 0
        self._fill_from = 0
        self._frontier = 0      # the blocks above this one (by number) are laid out
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._fill)

    @property
    def count(self) -> int:
        return len(self.known)

    @property
    def done(self) -> bool:
        return bool(self.known.all())

    # -- forgetting ----------------------------------------------------------------------------
    def reset(self) -> None:
        """Forget every extent (a new text, width or font): measured again as needed."""
        n = len(self._view.q_starts)
        self.top = np.zeros(n)
        self.bottom = np.zeros(n)
        self.known = np.zeros(n, dtype=bool)
        self._fill_from = 0
        self._frontier = 0
        self.version += 1
        self.resume()

    def resume(self) -> None:
        """Go on filling in the passages not measured yet (the marks pass has ended)."""
        if not self.done:
            self._timer.start()

    def marked(self, q0: int, q1: int) -> None:
        """The blocks spanning Qt positions [q0, q1) were laid out again with their marks."""
        view = self._view
        s0, s1 = bisect_right(view.q_ends, q0), bisect_left(view.q_starts, q1)
        first = view.document().findBlock(q0).blockNumber()
        if self._advance(first) < first:        # laid out below a gap: measured when the gap is
            self.known[s0:] = False
            self._fill_from = min(self._fill_from, s0)
            return
        moved = False
        below = np.flatnonzero(self.known[s1:])
        if len(below):
            lowest = s1 + int(below[-1])
            was = self.top[lowest]
            self.known[lowest] = False
            self._measure([lowest])
            if abs(self.top[lowest] - was) > 0.5:      # the chunk changed height: all below moved
                self.known[s1:] = False
                self._fill_from = min(self._fill_from, s1)
                moved = True
        had = self.known[s0:s1].copy()
        before = (self.top[s0:s1].copy(), self.bottom[s0:s1].copy())
        self.known[s0:s1] = False
        self._measure(range(s0, s1))
        moved = moved or bool(np.any(had & ((np.abs(self.top[s0:s1] - before[0]) > 0.5)
                                            | (np.abs(self.bottom[s0:s1] - before[1]) > 0.5))))
        self._announce()
        if moved:
            self.moved.emit()

    # -- measuring -----------------------------------------------------------------------------
    def extent(self, i: int) -> tuple[float, float]:
        """Passage ``i``'s (top, bottom), measured now if it was not."""
        if not self.known[i]:
            self._measure([i])
            self._announce()
        return float(self.top[i]), float(self.bottom[i])

    def measure(self, indices) -> None:
        """Measure these passages now (those not measured yet)."""
        if self._measure(indices):
            self._announce()

    def passages_between(self, y0: float, y1: float) -> tuple[int, int]:
        """The passages [first, end) that reach into document rows [y0, y1]."""
        view = self._view
        if not view.q_starts:
            return 0, 0
        layout = view.document().documentLayout()
        p0 = layout.hitTest(QPointF(1.0, max(0.0, y0)), Qt.HitTestAccuracy.FuzzyHit)
        p1 = layout.hitTest(QPointF(1.0, max(0.0, y1)), Qt.HitTestAccuracy.FuzzyHit)
        first = bisect_right(view.q_ends, max(p0, 0))
        end = bisect_right(view.q_starts, p1) if p1 >= 0 else len(view.q_starts)
        return min(first, end), end

    def around(self, margin: float) -> tuple[np.ndarray, np.ndarray]:
        """(top, bottom) of every passage for a painter of the view: exact for the passages in
        view and ``margin`` view heights above and below it (measured now if need be); any other
        passage not measured yet is placed ``FAR`` above or below, the side it lies on."""
        if self.done:
            return self.top, self.bottom
        view = self._view
        h = view.view_height()
        y = view.scroll_y()
        first, end = self.passages_between(y - margin * h, y + (1 + margin) * h)
        self.measure(range(first, end))
        far = np.where(np.arange(self.count) < first, -FAR, FAR)
        return (np.where(self.known, self.top, far), np.where(self.known, self.bottom, far))

    def _measure(self, indices) -> int:
        """Measure the passages among ``indices`` not known (in increasing order); how many."""
        todo = [i for i in sorted(indices) if 0 <= i < self.count and not self.known[i]]
        if not todo:
            return 0
        view = self._view
        self._lay_out_to(view.q_ends[todo[-1]])
        where = BlockCursor(view.document())
        for i in todo:
            qs, qe = view.q_starts[i], view.q_ends[i]
            self.top[i] = where.y(qs, False)
            self.bottom[i] = where.y(max(qs, qe - 1), True)
        self.known[todo] = True
        return len(todo)

    def _advance(self, limit: int) -> int:
        """Move the frontier down over the blocks laid out, up to block ``limit``; the frontier."""
        block = self._view.document().findBlockByNumber(self._frontier)
        while self._frontier < limit and block.isValid() and block.layout().lineCount() > 0:
            self._frontier += 1
            block = block.next()
        return self._frontier

    def _lay_out_to(self, q_end: int) -> None:
        """Lay out every block down to the one holding Qt position ``q_end - 1``."""
        doc = self._view.document()
        last = doc.findBlock(max(0, q_end - 1))
        target = last.blockNumber()
        if self._advance(target + 1) > target:
            return
        start = doc.findBlockByNumber(self._frontier).position()
        doc.markContentsDirty(start, last.position() + last.length() - start)
        self._frontier = target + 1

    def _announce(self) -> None:
        self.version += 1
        self.grew.emit()
        if self.done:
            self._timer.stop()
            self.complete.emit()

    def _fill(self) -> None:
        """Measure the next passages in order for a few milliseconds (not while a marks pass
        runs: it measures each chunk as it lays it out)."""
        if self._view.marks.busy or self.done:
            return
        deadline = time.perf_counter() + FILL_SECONDS
        n = self.count
        i = self._fill_from
        while i < n and time.perf_counter() < deadline:
            rest = np.flatnonzero(~self.known[i:])
            if not len(rest):
                i = n
                break
            i += int(rest[0])
            self._measure(range(i, min(n, i + 32)))
            i = min(n, i + 32)
        self._fill_from = i
        self._announce()
        if not self.done:
            self._timer.start()
