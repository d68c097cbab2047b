"""The pure geometry behind the view: offsets, bands, scroll mapping, overview, navigation."""
from __future__ import annotations

from hypothesis import given, strategies as st

from synopsis.gui.geometry import (Utf16Map, band_outline, flatten, map_scroll, monotone_anchors,
                                   next_target, overview_rects, point_in_polygon, segment_at,
                                   visible_bands)

text_st = st.text(alphabet=st.sampled_from(["a", "é", " ", "\n", "😀", "𝔸", "中"]), max_size=60)


@given(text_st, st.data())
def test_utf16_map_matches_qt_counting(text, data):
    m = Utf16Map(text)
    cp = data.draw(st.integers(0, len(text)))
    q = len(text[:cp].encode("utf-16-le")) // 2
    assert m.to_qt(cp) == q
    assert m.from_qt(q) == cp


@given(text_st)
def test_utf16_map_floors_inside_a_surrogate_pair(text):
    m = Utf16Map(text)
    for cp, ch in enumerate(text):
        if ord(ch) > 0xFFFF:
            assert m.from_qt(m.to_qt(cp) + 1) == cp


def test_segment_at():
    starts, ends = [0, 10, 20], [9, 18, 30]
    assert segment_at(starts, ends, 0) == 0
    assert segment_at(starts, ends, 9) is None
    assert segment_at(starts, ends, 17) == 1
    assert segment_at(starts, ends, 30) is None


def test_band_outline_has_control_points_at_mid_width():
    outline = band_outline(10, 20, 50, 70, 60)
    assert outline[0] == ("M", (0.0, 10))
    assert outline[1] == ("C", (30.0, 10), (30.0, 50), (60, 50))
    assert outline[3] == ("C", (30.0, 70), (30.0, 20), (0.0, 20))
    poly = flatten(outline)
    assert point_in_polygon((1, 15), poly) and point_in_polygon((59, 60), poly)
    assert not point_in_polygon((59, 30), poly) and not point_in_polygon((1, 40), poly)


@given(st.floats(-500, 500), st.floats(1, 100), st.floats(-500, 500), st.floats(1, 100))
def test_band_polygon_stays_between_its_ends(a0, ah, b0, bh):
    poly = flatten(band_outline(a0, a0 + ah, b0, b0 + bh, 50))
    lo, hi = min(a0, b0), max(a0 + ah, b0 + bh)
    assert all(0 <= x <= 50 and lo - 1e-6 <= y <= hi + 1e-6 for x, y in poly)


def test_visible_bands_skip_stub_and_draw():
    h = 100.0
    ea = [(10, 20), (-300, -290), (50, 60), (-50, -40)]
    eb = [(15, 25), (-280, -270), (900, 910), (150, 160)]
    shapes = {s.link: s.kind for s in visible_bands(ea, eb, h, h, 40)}
    assert shapes[0] == "band"
    assert 1 not in shapes            # both ends above the view
    assert shapes[2] == "stub"        # far below on side B
    assert 3 not in shapes            # crosses the view, but neither end is in it
    stub = next(s for s in visible_bands(ea, eb, h, h, 40) if s.link == 2)
    assert max(x for x, _ in flatten(stub.outline)) <= 14.0 + 1e-9


@given(st.lists(st.tuples(st.integers(0, 1000), st.integers(0, 1000)), max_size=40))
def test_monotone_anchors_are_increasing_on_both_sides(pairs):
    chain = monotone_anchors(pairs)
    assert all(p in pairs for p in chain)
    assert all(a1 < a2 and b1 < b2 for (a1, b1), (a2, b2) in zip(chain, chain[1:]))
    if pairs:
        assert len(chain) >= 1


def test_monotone_anchors_drop_a_moved_passage():
    assert monotone_anchors([(0, 0), (100, 900), (200, 200), (300, 300)]) == [(0, 0), (200, 200), (300, 300)]


def test_map_scroll_interpolates_between_anchors():
    anchors = [(100.0, 300.0), (200.0, 350.0)]
    assert map_scroll(anchors, 0, 1000, 2000) == 0
    assert map_scroll(anchors, 50, 1000, 2000) == 150
    assert map_scroll(anchors, 100, 1000, 2000) == 300
    assert map_scroll(anchors, 150, 1000, 2000) == 325
    assert map_scroll(anchors, 600, 1000, 2000) == 350 + 400 / 800 * 1650
    assert map_scroll(anchors, 5000, 1000, 2000) == 2000


@given(st.lists(st.tuples(st.floats(1, 999), st.floats(1, 1999)), max_size=20),
       st.floats(0, 1000), st.floats(0, 1000))
def test_map_scroll_is_monotone(pairs, y1, y2):
    anchors = monotone_anchors(pairs)
    lo, hi = sorted((y1, y2))
    assert map_scroll(anchors, lo, 1000, 2000) <= map_scroll(anchors, hi, 1000, 2000) + 1e-9


def test_overview_rects_scale_and_merge():
    rects = overview_rects([(0, 100), (100, 200), (200, 300)], ["shared", "shared", "unique"], 300, 30)
    assert rects == [(0.0, 20.0, "shared"), (20.0, 10.0, "unique")]
    assert overview_rects([], [], 0, 30) == []


def test_next_target():
    pos = [10, 20, 30]
    assert next_target(pos, None, True) == 0
    assert next_target(pos, 10, True) == 1
    assert next_target(pos, 30, True) is None
    assert next_target(pos, 20, False) == 0
    assert next_target(pos, 10, False) is None
