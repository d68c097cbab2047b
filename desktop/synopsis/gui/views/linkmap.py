"""The band painter between the two panes (after Meld's link map).

It asks the panes for the passage extents around the visible range only (measured there when
not yet; a passage not measured lies beyond it, and its band is a stub pointing its way) and
paints each link as a band of two cubic Béziers (see :func:`geometry.visible_bands`); moved links get
a dashed outline, manual ones a solid dark outline, the selected one a thick outline. It
observes the comparison session (links, selection, filters) and the theme by itself.

With the keyboard focus, Up and Down select the previous or next pair in view; its
accessible description names the pairs it shows.
"""
from __future__ import annotations

from itertools import chain

import numpy as np
from PySide6.QtCore import QPoint, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from ...core.model import Link
from .. import theme as themes
from ..appearance import appearance
from ..geometry import flatten, point_in_polygon, visible_bands


def to_path(outline: list) -> QPainterPath:
    path = QPainterPath()
    for cmd in outline:
        if cmd[0] == "M":
            path.moveTo(QPointF(*cmd[1]))
        elif cmd[0] == "L":
            path.lineTo(QPointF(*cmd[1]))
        elif cmd[0] == "C":
            path.cubicTo(QPointF(*cmd[1]), QPointF(*cmd[2]), QPointF(*cmd[3]))
        elif cmd[0] == "Z":
            path.closeSubpath()
    return path


REACH = 2.0     # view heights: a band whose other end lies further away is a stub (visible_bands)


def _cover(extents: tuple[np.ndarray, np.ndarray], flat: np.ndarray, begins: np.ndarray) -> np.ndarray:
    """(top of the highest, bottom of the lowest) of each group of passages; a group is
    ``flat[begins[k]:begins[k + 1]]``; ``extents`` is (tops, bottoms) of the passages."""
    if len(begins) == 0:
        return np.zeros((0, 2), dtype=float)
    tops, bottoms = extents
    return np.stack([np.minimum.reduceat(tops[flat], begins), np.maximum.reduceat(bottoms[flat], begins)], axis=1)


def _flatten(groups: list, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The passages of all groups in one array, the group of each, and whether it is one of
    the ``n`` passages shown."""
    counts = np.fromiter((len(g) for g in groups), dtype=np.intp, count=len(groups))
    flat = np.fromiter(chain.from_iterable(groups), dtype=np.intp, count=int(counts.sum()))
    owner = np.repeat(np.arange(len(groups), dtype=np.intp), counts)
    return flat, owner, (flat >= 0) & (flat < n)


class LinkMap(QWidget):
    """Paints the bands; a click on a band emits ``linkClicked(index)``."""

    linkClicked = Signal(int)

    def __init__(self, pane_a, pane_b, session=None, parent=None) -> None:
        super().__init__(parent)
        self.pane_a, self.pane_b = pane_a, pane_b  # TextView instances
        self.theme = appearance().theme
        self.links: list[Link] = []
        self.visible_classes = set(themes.CLASSES)
        self.selected: int | None = None
        self._last_shapes: list = []
        self._joined_cache = None
        self._cover_cache = None
        self.setMinimumWidth(40)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip(self.tr("Bands join aligned passages; a dashed outline marks a moved passage"))
        self.setAccessibleName(self.tr("Links between the sources"))
        appearance().changed.connect(self._appearance_changed)
        for view in (pane_a, pane_b):
            view.verticalScrollBar().valueChanged.connect(self.update)
            view.layoutChanged.connect(self.update)
            view.extents.moved.connect(self.update)
        self.session = session
        if session is not None:
            session.reportChanged.connect(self._report_changed)
            session.selectionChanged.connect(self._selection_changed)
            session.filtersChanged.connect(self._filters_changed)
            self.linkClicked.connect(lambda i: session.select_link(i))

    def _appearance_changed(self, what: str) -> None:
        if what == "theme":
            self.theme = appearance().theme
            self.update()

    def _report_changed(self) -> None:
        report = self.session.report
        self.set_links(report.links if report is not None else [])

    def _selection_changed(self) -> None:
        self.selected = self.session.selection.link
        self.update()

    def _filters_changed(self) -> None:
        self.visible_classes = set(self.session.visible_classes)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(64, 400)

    def set_links(self, links: list[Link]) -> None:
        self.links = list(links)
        self.update()

    def _doc_extents(self) -> tuple[np.ndarray, np.ndarray, list[int]]:
        """Per shown link, its passage extents on each side in document coordinates: exact
        around each pane's visible range, a passage not measured yet placed far beyond it.

        Which passages each shown link joins is kept until the links or the filters change;
        the rest is array arithmetic.
        """
        margin = REACH + 0.5
        store_a, store_b = self.pane_a.extents, self.pane_b.extents
        key = (store_a.version, store_b.version, id(self.links), len(self.links), frozenset(self.visible_classes))
        if self._cover_cache is not None and self._cover_cache[0] == key:
            return self._cover_cache[1]         # every passage measured: the same until a change
        ext_a, ext_b = store_a.around(margin), store_b.around(margin)
        keep, joined_a, joined_b = self._joined(len(ext_a[0]), len(ext_b[0]))
        covers = _cover(ext_a, *joined_a), _cover(ext_b, *joined_b), keep
        self._cover_cache = (key, covers) if store_a.done and store_b.done else None
        return covers

    def _showing_report(self) -> bool:
        """Both panes show the texts of the session's report (a new report reaches the panes
        a turn or two after the links)."""
        report = self.session.report if self.session is not None else None
        return report is None or (self.pane_a.shown is report.documents[0]
                                  and self.pane_b.shown is report.documents[1])

    def _joined(self, n_a: int, n_b: int) -> tuple[list[int], tuple, tuple]:
        """The shown links, and per side their passages flattened with where each link's begin."""
        key = (id(self.links), len(self.links), frozenset(self.visible_classes), n_a, n_b)
        if self._joined_cache is None or self._joined_cache[0] != key:
            count = len(self.links)
            shown = np.fromiter((link.label in self.visible_classes for link in self.links), dtype=bool, count=count)
            sides = [_flatten([link.a for link in self.links], n_a), _flatten([link.b for link in self.links], n_b)]
            keep = shown.copy()
            for _flat, owner, inside in sides:
                keep &= np.bincount(owner[inside], minlength=count) > 0
            joined = []
            for flat, owner, inside in sides:
                taken = inside & keep[owner]
                per_link = np.bincount(owner[taken], minlength=count)[keep]
                begins = (np.cumsum(per_link) - per_link).astype(np.intp)
                joined.append((flat[taken], begins))
            self._joined_cache = (key, np.flatnonzero(keep).tolist(), joined[0], joined[1])
        return self._joined_cache[1], self._joined_cache[2], self._joined_cache[3]

    def _offset(self, view) -> float:
        return self.mapFromGlobal(view.viewport().mapToGlobal(QPoint(0, 0))).y() - view.scroll_y()

    def shapes(self):
        """(link index, BandShape) for the links with an end in the visible range only."""
        if not self.links or not self.pane_a.starts or not self.pane_b.starts or not self._showing_report():
            return []
        ea, eb, keep = self._doc_extents()
        if not keep:
            return []
        ea = ea + self._offset(self.pane_a)
        eb = eb + self._offset(self.pane_b)
        h = float(self.height())
        seen = ((ea[:, 1] >= 0) & (ea[:, 0] <= h)) | ((eb[:, 1] >= 0) & (eb[:, 0] <= h))
        idx = np.nonzero(seen)[0]
        shapes = visible_bands([tuple(ea[i]) for i in idx], [tuple(eb[i]) for i in idx], h, h,
                               float(self.width()), reach=REACH)
        return [(keep[idx[s.link]], s) for s in shapes]

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        shapes = self.shapes()
        self._last_shapes = shapes
        self._describe(shapes)
        for index, shape in shapes:
            link = self.links[index]
            path = to_path(shape.outline)
            p.fillPath(path, self.theme.band_fill(link.label))
            if index == self.selected:
                pen = QPen(QColor(self.theme.selection), 2.5)
            elif link.moved:
                pen = QPen(QColor(self.theme.moved), 1.4, Qt.PenStyle.DashLine)
            elif link.origin == "manual":
                pen = QPen(QColor(self.theme.moved), 1.2)
            else:
                pen = QPen(self.theme.color(link.label, strong=True), 0.8)
            p.strokePath(path, pen)
        p.end()

    def keyPressEvent(self, event) -> None:
        """Up / Down: the previous / next pair among those in view (by their A side)."""
        if event.key() not in (Qt.Key.Key_Up, Qt.Key.Key_Down) or not self._last_shapes:
            super().keyPressEvent(event)
            return
        order = sorted({index for index, _ in self._last_shapes},
                       key=lambda i: (min(self.links[i].a), min(self.links[i].b)))
        if self.selected in order:
            k = order.index(self.selected) + (1 if event.key() == Qt.Key.Key_Down else -1)
            k = max(0, min(k, len(order) - 1))
        else:
            k = 0 if event.key() == Qt.Key.Key_Down else len(order) - 1
        self.linkClicked.emit(order[k])

    def _describe(self, shapes) -> None:
        shown = sorted({index for index, _ in shapes})
        counts = {label: sum(1 for i in shown if self.links[i].label == label) for label in ("shared", "paraphrased")}
        moved = sum(1 for i in shown if self.links[i].moved)
        text = self.tr("%1 pairs in view: %2 shared, %3 paraphrased, %4 moved. Up and Down select a pair.") \
            .replace("%1", str(len(shown))).replace("%2", str(counts["shared"])) \
            .replace("%3", str(counts["paraphrased"])).replace("%4", str(moved))
        if text != self.accessibleDescription():
            self.setAccessibleDescription(text)

    def mouseReleaseEvent(self, event) -> None:
        pos = event.position()
        for index, shape in reversed(self._last_shapes):
            if point_in_polygon((pos.x(), pos.y()), flatten(shape.outline, 8)):
                self.linkClicked.emit(index)
                return
        super().mouseReleaseEvent(event)
