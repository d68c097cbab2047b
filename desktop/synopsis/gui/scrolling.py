"""Scrolling the two panes: synchronised (aligned passages kept level, via
``geometry.map_scroll``), and bringing a new selection into view on the side it was not made in.
"""
from __future__ import annotations

from PySide6.QtCore import QObject

from .geometry import map_scroll, monotone_anchors


class ScrollCoordinator(QObject):
    """Observes the session and both text views; ``sync`` turns synchronised scrolling on/off."""

    def __init__(self, session, views, sync: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.views = session, views
        self.sync = sync
        self._anchors: list | None = None
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

    def anchors(self) -> list[tuple[float, float]]:
        """Aligned positions (A's y, B's y) of the unmoved pairs, increasing on both sides."""
        if self._anchors is None:
            pairs = []
            report = self.session.report
            if report is not None:
                ea, eb = self.views[0].segment_extents(), self.views[1].segment_extents()
                for link in report.links:
                    if link.moved or not link.a or not link.b:
                        continue
                    if max(link.a) < len(ea) and max(link.b) < len(eb):
                        pairs.append((ea[min(link.a)][0], eb[min(link.b)][0]))
            self._anchors = monotone_anchors(pairs)
        return self._anchors

    def _scrolled_a(self) -> None:
        self.follow(0)

    def _scrolled_b(self) -> None:
        self.follow(1)

    def follow(self, side: int) -> None:
        """Scroll the other side so the passages aligned with ``side``'s middle are level."""
        if self._busy or not self.sync or self.session.report is None or self.views[side].keeping_place:
            return
        src, dst = self.views[side], self.views[1 - side]
        anchors = self.anchors() if side == 0 else [(b, a) for a, b in self.anchors()]
        ref = src.scroll_y() + src.view_height() / 2
        target = map_scroll(anchors, ref, src.document_height(), dst.document_height())
        self._busy = True
        try:
            dst.set_scroll_y(max(0.0, target - dst.view_height() / 2))
        finally:
            self._busy = False

    def show_selection(self) -> None:
        """Scroll each side to its selected passages, unless they are already in view."""
        selection = self.session.selection
        self._busy = True
        try:
            for side in (0, 1):
                segs = selection.on(side)
                if segs and max(segs) < len(self.views[side].starts):
                    self.views[side].ensure_segment_visible(min(segs))
        finally:
            self._busy = False
