"""Pure geometry for the comparison view: offsets, band outlines, scroll mapping, overview.

No Qt here, so every function is unit-tested without a window. Coordinates are floats in
pixels; "extents" are ``(top, bottom)`` pairs of a passage in a pane's coordinates.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..core.order import longest_increasing

_WIDE = re.compile("[\U00010000-\U0010FFFF]")

Point = tuple[float, float]


class Utf16Map:
    """Code-point offsets (``Document.text``) <-> Qt positions (UTF-16 code units).

    Qt counts a character outside the Basic Multilingual Plane (emoji, some CJK) as two
    positions; the engine counts it as one.
    """

    def __init__(self, text: str) -> None:
        self._wide = [m.start() for m in _WIDE.finditer(text)]
        self._wide_q = [cp + n for n, cp in enumerate(self._wide)]
        self._wide_q_set = set(self._wide_q)

    def to_qt(self, cp: int) -> int:
        return cp + bisect_left(self._wide, cp)

    def to_qt_all(self, cps: Sequence[int]) -> list[int]:
        """:meth:`to_qt` of each offset (at once: a long article has tens of thousands)."""
        if not self._wide:
            return list(cps)
        return [cp + bisect_left(self._wide, cp) for cp in cps]

    def from_qt(self, q: int) -> int:
        """Code-point offset at Qt position ``q`` (a position inside a surrogate pair floors)."""
        if not self._wide:
            return q
        if q - 1 in self._wide_q_set:  # between the two halves of a surrogate pair
            q -= 1
        return q - bisect_left(self._wide_q, q)


def segment_at(starts: Sequence[int], ends: Sequence[int], offset: int) -> int | None:
    """Index of the segment containing ``offset`` (starts sorted ascending), or None."""
    i = bisect_right(starts, offset) - 1
    if i >= 0 and offset < ends[i]:
        return i
    return None


# -- bands ------------------------------------------------------------------------------------

def band_outline(a_top: float, a_bottom: float, b_top: float, b_bottom: float,
                 width: float) -> list[tuple]:
    """Path commands for a band from ``x=0`` (side A) to ``x=width`` (side B).

    Two cubic Béziers with their control points at mid-width, joined by straight edges at
    either end: ``("M", p)``, ``("C", c1, c2, p)``, ``("L", p)``, ``("Z",)``.
    """
    mid = width / 2.0
    return [("M", (0.0, a_top)),
            ("C", (mid, a_top), (mid, b_top), (width, b_top)),
            ("L", (width, b_bottom)),
            ("C", (mid, b_bottom), (mid, a_bottom), (0.0, a_bottom)),
            ("Z",)]


def cubic_point(p0: Point, p1: Point, p2: Point, p3: Point, t: float) -> Point:
    u = 1.0 - t
    x = u * u * u * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t * t * t * p3[0]
    y = u * u * u * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t * t * t * p3[1]
    return (x, y)


def flatten(outline: list[tuple], steps: int = 12) -> list[Point]:
    """The outline as a polygon (Béziers sampled ``steps`` times), for hit tests and tests."""
    points: list[Point] = []
    for cmd in outline:
        if cmd[0] in ("M", "L"):
            points.append(cmd[1])
        elif cmd[0] == "C":
            p0 = points[-1]
            points.extend(cubic_point(p0, cmd[1], cmd[2], cmd[3], i / steps)
                          for i in range(1, steps + 1))
    return points


def point_in_polygon(point: Point, polygon: Sequence[Point]) -> bool:
    x, y = point
    inside = False
    n = len(polygon)
    for i in range(n):
        x1, y1 = polygon[i]
        x2, y2 = polygon[(i + 1) % n]
        if (y1 > y) != (y2 > y):
            cross = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if x < cross:
                inside = not inside
    return inside


@dataclass(frozen=True, slots=True)
class BandShape:
    """One band to paint: ``link`` is the index into the link list, ``kind`` "band" or "stub"."""

    link: int
    kind: str
    outline: list


def _side(top: float, bottom: float, height: float) -> int:
    """-1 above the view, 0 visible, +1 below."""
    if bottom < 0:
        return -1
    if top > height:
        return 1
    return 0


def visible_bands(extents_a: Sequence[tuple[float, float]], extents_b: Sequence[tuple[float, float]],
                  height_a: float, height_b: float, width: float, *,
                  stub_width: float = 14.0, reach: float = 2.0) -> list[BandShape]:
    """The bands to paint for links whose passages lie (partly) in the visible range.

    ``extents_a[i]`` / ``extents_b[i]`` are link ``i``'s passage on each side, already in
    view coordinates (0 = top of the visible area). A link with neither end in view is
    skipped (only the visible range is painted). When one end is visible and the other lies more than ``reach``
    view heights away, a short stub pointing towards it is drawn on the visible side only.
    """
    shapes: list[BandShape] = []
    for i, ((a0, a1), (b0, b1)) in enumerate(zip(extents_a, extents_b)):
        sa, sb = _side(a0, a1, height_a), _side(b0, b1, height_b)
        if sa != 0 and sb != 0:
            continue
        far_b = sb != 0 and (b1 < -reach * height_b or b0 > (1 + reach) * height_b)
        far_a = sa != 0 and (a1 < -reach * height_a or a0 > (1 + reach) * height_a)
        if sa == 0 and far_b:
            target = -stub_width if sb < 0 else height_a + stub_width
            outline = band_outline(a0, a1, target, target, stub_width)
            shapes.append(BandShape(i, "stub", outline))
        elif sb == 0 and far_a:
            target = -stub_width if sa < 0 else height_b + stub_width
            outline = [_shift(c, width - stub_width) for c in
                       band_outline(target, target, b0, b1, stub_width)]
            shapes.append(BandShape(i, "stub", outline))
        else:
            shapes.append(BandShape(i, "band", band_outline(a0, a1, b0, b1, width)))
    return shapes


def _shift(cmd: tuple, dx: float) -> tuple:
    return (cmd[0],) + tuple((p[0] + dx, p[1]) for p in cmd[1:])


# -- synchronised scrolling ---------------------------------------------------------------------

def monotone_anchors(pairs: Iterable[tuple[float, float]]) -> list[tuple[float, float]]:
    """The longest chain of (y_a, y_b) anchors increasing on both sides.

    Moved passages break the order; keeping only the longest increasing chain lets the
    mapping stay monotone (scrolling one pane down never scrolls the other up). Sorted by y_a
    with y_b descending within equal y_a, a chain strictly increasing in y_b takes at most
    one anchor of each y_a, so it increases strictly on both sides.
    """
    pts = sorted(set(pairs), key=lambda p: (p[0], -p[1]))
    return [pts[i] for i in longest_increasing([yb for _, yb in pts])]


def map_scroll(anchors: Sequence[tuple[float, float]], y: float, end_a: float, end_b: float) -> float:
    """Where side B should be at side A's position ``y``: piecewise-linear between anchors.

    The document tops (0, 0) and ends (end_a, end_b) are implicit anchors.
    """
    xs = [0.0] + [a for a, _ in anchors if 0.0 < a < end_a] + [max(end_a, 0.0)]
    ys = [0.0] + [b for a, b in anchors if 0.0 < a < end_a] + [max(end_b, 0.0)]
    if y <= 0:
        return 0.0
    if y >= xs[-1]:
        return ys[-1]
    k = bisect_right(xs, y) - 1
    x0, x1, y0, y1 = xs[k], xs[k + 1], ys[k], ys[k + 1]
    if x1 <= x0:
        return y1
    return y0 + (y - x0) * (y1 - y0) / (x1 - x0)


# -- overview strip ---------------------------------------------------------------------------

def overview_rects(extents: Sequence[tuple[float, float]], labels: Sequence[str], doc_height: float,
                   strip_height: float, *, min_height: float = 1.0) -> list[tuple[float, float, str]]:
    """(y, height, label) rectangles for a strip of ``strip_height`` pixels.

    Each segment's extent is scaled to the strip; touching rectangles of the same label merge.
    """
    if doc_height <= 0 or strip_height <= 0:
        return []
    scale = strip_height / doc_height
    out: list[tuple[float, float, str]] = []
    for (top, bottom), label in sorted(zip(extents, labels)):
        y0 = max(0.0, top * scale)
        y1 = min(strip_height, max(bottom * scale, y0 + min_height))
        if out and out[-1][2] == label and y0 <= out[-1][0] + out[-1][1] + 0.5:
            py, ph, _ = out[-1]
            out[-1] = (py, max(ph, y1 - py), label)
        else:
            out.append((y0, y1 - y0, label))
    return out


def next_target(positions: Sequence[float], current: float | None, forward: bool) -> int | None:
    """Index of the next (or previous) sorted position after (before) ``current``."""
    if not positions:
        return None
    if current is None:
        return 0 if forward else len(positions) - 1
    if forward:
        i = bisect_right(positions, current)
        return i if i < len(positions) else None
    i = bisect_left(positions, current) - 1
    return i if i >= 0 else None
