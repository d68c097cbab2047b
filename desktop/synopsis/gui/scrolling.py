"""Synchronised scrolling: keeps aligned passages level using geometry.map_scroll."""
from __future__ import annotations

from .geometry import map_scroll, monotone_anchors


class SyncScrollMixin:
    """Mixed into MainWindow: needs ``views``, ``report``, ``act_sync``, ``linkmap``, ``store``."""

    # -- scrolling ----------------------------------------------------------------------------
    def set_sync(self, on: bool) -> None:
        self.store.set("sync_scroll", bool(on))
        if on:
            self._scrolled(self.active_side)

    def _layout_changed(self) -> None:
        self._anchors = None
        self.linkmap.update()

    def anchors(self) -> list[tuple[float, float]]:
        if self._anchors is None:
            pairs = []
            if self.report is not None:
                ea, eb = self.views[0].segment_extents(), self.views[1].segment_extents()
                for link in self.report.links:
                    if link.moved or not link.a or not link.b:
                        continue
                    if max(link.a) < len(ea) and max(link.b) < len(eb):
                        pairs.append((ea[min(link.a)][0], eb[min(link.b)][0]))
            self._anchors = monotone_anchors(pairs)
        return self._anchors

    def _scrolled(self, side: int) -> None:
        self.linkmap.update()
        if self._syncing or not self.act_sync.isChecked() or self.report is None:
            return
        src, dst = self.views[side], self.views[1 - side]
        anchors = self.anchors() if side == 0 else [(b, a) for a, b in self.anchors()]
        ref = src.scroll_y() + src.view_height() / 2
        target = map_scroll(anchors, ref, src.document_height(), dst.document_height())
        self._syncing = True
        try:
            dst.set_scroll_y(max(0.0, target - dst.view_height() / 2))
        finally:
            self._syncing = False
