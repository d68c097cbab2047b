"""A long pair in the real window: shown a piece per turn, its passages measured as needed.

The report is made here from two long texts (an article printed many times, and a copy with a
sentence added after some paragraphs) with a link between equal passages: what is tested is how
the window shows a long comparison, not how the engine finds it.
"""
from __future__ import annotations

from bisect import bisect_right
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QTextCursor

from synopsis.core.config import Settings
from synopsis.core.ingest import from_pasted_text
from synopsis.core.model import Link, Report
from synopsis.core.pipeline import prepare
from synopsis.gui.views.extents import BlockCursor
from synopsis.gui.views.overview import strip_rows

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform, on a relayout
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
COPIES = 60


def _texts() -> tuple[str, str]:
    article = (SEEDS / "bbc-witkoff-putin-talks.txt").read_text(encoding="utf-8").strip()
    paragraphs = [p for p in article.split("\n") if p.strip()]
    a, b = [], []
    for copy in range(COPIES):
        for k, paragraph in enumerate(paragraphs):
            a.append(paragraph)
            b.append(paragraph + (f" An added sentence, number {copy}-{k}." if k % 4 == 1 else ""))
    return "\n\n".join(a) + "\n", "\n\n".join(b) + "\n"


@pytest.fixture(scope="module")
def long_report() -> Report:
    text_a, text_b = _texts()
    settings = Settings(language="en")
    doc_a = prepare(from_pasted_text(text_a), settings)
    doc_b = prepare(from_pasted_text(text_b), settings)
    where_b: dict[str, list[int]] = {}
    for j, seg in enumerate(doc_b.segments):
        where_b.setdefault(doc_b.text[seg.start:seg.end].strip(), []).append(j)
    links, last = [], -1
    for i, seg in enumerate(doc_a.segments):          # equal passages in order; the added ones stay unique
        places = where_b.get(doc_a.text[seg.start:seg.end].strip(), [])
        k = bisect_right(places, last)
        if k < len(places):
            last = places[k]
            links.append(Link(a=[i], b=[last], label="shared" if i % 3 else "paraphrased", score=0.9))
    assert len(links) > 0.9 * len(doc_a.segments)
    return Report(documents=[doc_a, doc_b], links=links, settings=settings)


@pytest.fixture
def shown(window, qtbot, long_report):
    with qtbot.waitSignal(window.comparisonReady, timeout=20000):
        window.session.open_report(long_report)
    return window


def _exact(view, seg: int) -> tuple[float, float]:
    """Passage ``seg``'s extent measured afresh (not from the view's store)."""
    where = BlockCursor(view.document())
    qs, qe = view.q_starts[seg], view.q_ends[seg]
    return where.y(qs, False), where.y(max(qs, qe - 1), True)


def _in_view(view, seg: int) -> bool:
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.q_starts[seg])
    rect = view.cursorRect(cursor)
    return 0 <= rect.top() and rect.bottom() <= view.view_height()


def test_the_texts_arrive_before_their_passages_are_all_measured(shown):
    for view, doc in zip(shown.views, shown.report.documents):
        assert view.shown is doc and view.toPlainText() == doc.text
        assert not view.extents.done, "a long text is measured over later turns, not when shown"


def test_jumping_to_the_last_pair_right_after_it_is_shown_lands_on_it(shown):
    report = shown.report
    last = len(report.links) - 1
    link = report.links[last]
    assert not shown.views[1].extents.known[link.b[0]], "the far end was not measured before the jump"
    shown.session.select_link(last, side=0)
    for side, seg in ((0, link.a[0]), (1, link.b[0])):
        view = shown.views[side]
        assert _in_view(view, seg)
        assert view.extents.extent(seg) == pytest.approx(_exact(view, seg))
        selections = view.extraSelections()
        assert [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in selections] == \
            [(view.q_starts[seg], view.q_ends[seg])]
    assert last in [index for index, shape in shown.linkmap.shapes() if shape.kind == "band"]


def test_f7_backwards_from_the_top_reaches_the_last_difference(shown):
    shown.session.clear_selection()
    shown.session.next_difference(forward=False)        # wraps round to the end of the text
    side = shown.session.selection.side
    segs = list(shown.session.selection.on(side))
    view = shown.views[side]
    assert segs and min(segs) > 0.9 * len(view.starts)
    assert _in_view(view, min(segs))


def test_the_bands_while_positions_fill_in_are_those_of_the_whole_measure(shown, qtbot):
    """At several places in the text, before everything is measured, the band map paints
    exactly the bands it paints once every passage is measured."""
    views, bands = shown.views, shown.linkmap
    seen = []
    for fraction in (0.3, 0.55, 0.8):
        bar = views[0].verticalScrollBar()
        views[0].set_scroll_y(bar.maximum() * fraction)
        qtbot.wait(1)
        assert not all(v.extents.done for v in views)
        seen.append((views[0].scroll_y(), views[1].scroll_y(),
                     [(i, s.kind, s.outline) for i, s in bands.shapes()]))
    for view in views:
        view.segment_extents()      # everything measured now
        assert view.extents.done
    for y_a, y_b, lazily in seen:
        views[0].set_scroll_y(y_a)
        views[1].set_scroll_y(y_b)
        assert lazily and lazily == [(i, s.kind, s.outline) for i, s in bands.shapes()]


def test_every_passage_is_measured_in_the_end_as_a_fresh_measure_finds_it(shown, qtbot):
    views = shown.views
    qtbot.waitUntil(lambda: all(v.extents.done and not v.marks.busy for v in views), timeout=30000)
    for view in views:
        for seg in range(0, len(view.starts), 97):
            assert (view.extents.top[seg], view.extents.bottom[seg]) == pytest.approx(_exact(view, seg))


def test_a_new_width_forgets_the_measures_and_measures_again(shown, qtbot):
    view = shown.views[0]
    qtbot.waitUntil(lambda: view.extents.done, timeout=30000)
    shown.resize(shown.width() - 300, shown.height())
    qtbot.wait(1)
    seg = len(view.starts) // 2
    view.ensure_segment_visible(seg)
    assert view.extents.extent(seg) == pytest.approx(_exact(view, seg))
    assert _in_view(view, seg)


def test_the_overview_strip_rows_take_the_latest_passage_of_a_row():
    tops = np.array([0.0, 10.0, 20.0, 95.0])
    bottoms = np.array([10.0, 20.0, 30.0, 100.0])
    rows = strip_rows(tops, bottoms, np.array([1, 1, 2, 0]), 100.0, 10)
    assert rows == [(0, 2, 1), (2, 1, 2), (9, 1, 0)]
    assert strip_rows(tops, bottoms, np.array([1, 1, 2, 0]), 0.0, 10) == []
    # a passage thinner than a row still shows on one
    assert strip_rows(np.array([50.0]), np.array([50.1]), np.array([3]), 1000.0, 10) == [(0, 1, 3)]
