"""Scrolling the two panes: synchronised (aligned passages kept level, via
``geometry.map_scroll``), and bringing a new selection into view on the side it was not made in.

On a long text not every passage is measured yet (see ``views.extents``): the anchors are the
measured pairs, and before following a scroll the pairs in view are measured on both sides.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject

from .geometry import map_scroll, monotone_anchors


class ScrollCoordinator(QObject):
    """Observes the session and both text views; ``sync`` turns synchronised scrolling on/off."""

    def __init__(self, session, views, sync: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.views = session, views
        self.sync = sync
        self._anchors: tuple | None = None
        self._pair_cache: tuple | None = None
        self._busy = False
        for side, view in enumerate(views):
            view.verticalScrollBar().valueChanged.connect(self._scrolled_a if side == 0 else self._scrolled_b)
            view.layoutChanged.connect(self._layout_changed)
        session.reportChanged.connect(self._layout_changed)
        session.selectionChanged.connect(self.show_selection)

    def set_sync(self, on: bool) -> None:
        self.sync = bool(on)
        if on:
            self.follow(self.session.selection.side)

    def _layout_changed(self) -> None:
        self._anchors = None

    def _pairs(self) -> tuple[np.ndarray, np.ndarray]:
        """The first passage on each side of every unmoved link (kept per report)."""
        report = self.session.report
        key = (id(report), id(report.links), len(report.links))
        if self._pair_cache is None or self._pair_cache[0] != key:
            firsts = [(min(link.a), min(link.b)) for link in report.links if not link.moved and link.a and link.b]
            a, b = (np.array([p[s] for p in firsts], dtype=np.intp) for s in (0, 1))
            self._pair_cache = (key, a, b)
        return self._pair_cache[1], self._pair_cache[2]

    def anchors(self) -> list[tuple[float, float]]:
        """Aligned positions (A's y, B's y) of the unmoved pairs measured on both sides,
        increasing on both sides."""
        report = self.session.report
        if report is None:
            return []
        ea, eb = self.views[0].extents, self.views[1].extents
        key = (id(report), id(report.links), ea.version, eb.version)
        if self._anchors is None or self._anchors[0] != key:
            a, b = self._pairs()
            inside = (a < ea.count) & (b < eb.count)
            a, b = a[inside], b[inside]
            measured = ea.known[a] & eb.known[b]
            pairs = zip(ea.top[a[measured]].tolist(), eb.top[b[measured]].tolist())
            self._anchors = (key, monotone_anchors(pairs))
        return self._anchors[1]

    def _measure_in_view(self, side: int) -> None:
        """Measure the passages in ``side``'s view and their counterparts (the anchors there)."""
        src, dst = self.views[side].extents, self.views[1 - side].extents
        view = self.views[side]
        first, end = src.passages_between(view.scroll_y(), view.scroll_y() + view.view_height())
        src.measure(range(first, end))
        a, b = self._pairs()
        mine, theirs = (a, b) if side == 0 else (b, a)
        near = (mine >= first) & (mine < end) & (theirs < dst.count)
        dst.measure(theirs[near].tolist())

    def _scrolled_a(self) -> None:
        self.follow(0)

    def _scrolled_b(self) -> None:
        self.follow(1)

    def follow(self, side: int) -> None:
        """Scroll the other side so the passages aligned with ``side``'s middle are level."""
        if self._busy or not self.sync or self.session.report is None or self.views[side].keeping_place:
            return
        src, dst = self.views[side], self.views[1 - side]
        if not self._showing_report():
            return
        self._measure_in_view(side)
        anchors = self.anchors() if side == 0 else [(b, a) for a, b in self.anchors()]
        ref = src.scroll_y() + src.view_height() / 2
        target = map_scroll(anchors, ref, src.document_height(), dst.document_height())
        self._busy = True
        try:
            dst.set_scroll_y(max(0.0, target - dst.view_height() / 2))
        finally:
            self._busy = False

    def _showing_report(self) -> bool:
        report = self.session.report
        return all(view.shown is doc for view, doc in zip(self.views, report.documents))

    def show_selection(self) -> None:
        """Scroll each side to its selected passages, unless they are already in view."""
        selection = self.session.selection
        self._busy = True
        try:
            for side in (0, 1):
                segs = selection.on(side)
                if segs and self.session.report is not None and not self._showing_report():
                    continue
                if segs and max(segs) < len(self.views[side].starts):
                    self.views[side].ensure_segment_visible(min(segs))
        finally:
            self._busy = False
