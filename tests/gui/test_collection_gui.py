"""The claim-matrix window: model contract, click to open a pair, filters, sorting, heat map."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from synopsis.core import Settings, load
from synopsis.core.collection import compare_collection
from synopsis.gui.collection import CollectionWindow, HeatMapWidget, MatrixModel
from synopsis.gui.collection.model import SORT_ROLE, STATEMENT_ROLE

SEEDS = ["bbc-witkoff-putin-talks.txt", "translated-witkoff-putin-talks.txt", "geneva-round.txt",
         "belta-abu-dhabi-round.txt"]


@pytest.fixture(scope="module")
def collection(seeds):
    return compare_collection([load(seeds / name) for name in SEEDS], Settings())


@pytest.fixture
def window(qtbot, collection):
    win = CollectionWindow(collection)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    return win


def test_model_passes_modeltester(qtmodeltester, collection):
    qtmodeltester.check(MatrixModel(collection))


def test_cells_have_text_cue(window):
    model = window.model
    cues = {model.index(r, model.column_of_source(k)).data() for r in range(model.rowCount())
            for k in range(4)}
    assert {"S", "—", "U"} <= {c.rstrip("†") for c in cues}
    # a statement only one source carries is "U" there, never "S"
    for r in range(model.rowCount()):
        statement = model.statement_at(r)
        if len(statement.members) == 1:
            only = statement.members[0].source
            assert model.index(r, model.column_of_source(only)).data().rstrip("†") == "U"


def test_column_headers_name_the_outlets(window, collection):
    from synopsis.export.collection_table import source_names

    model = window.model
    shown = [model.headerData(model.column_of_source(k), Qt.Orientation.Horizontal) for k in range(4)]
    names = source_names(collection)
    assert all(name.startswith(head.rstrip("…")) for head, name in zip(shown, names))
    assert not any(head.isdigit() for head in shown)


def _find_shared_row(window):
    proxy = window.proxy
    for row in range(proxy.rowCount()):
        statement = window.collection.statements[proxy.index(row, 0).data(STATEMENT_ROLE)]
        if statement.member(0) and statement.member(1):
            return row, statement
    raise AssertionError("no statement carried by sources 1 and 2")


# the offscreen platform says this whenever a top-level window is shown; nothing of ours
@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_click_emits_pair_and_opens_it(window, qtbot):
    row, statement = _find_shared_row(window)
    clicked = 1 if statement.reference == 0 else 0
    index = window.proxy.index(row, window.model.column_of_source(clicked))
    window.show()
    qtbot.waitExposed(window)
    window.table.scrollTo(index)
    rect = window.table.visualRect(index)
    with qtbot.assertNotEmitted(window.pairRequested):
        qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.pair_view.pair == (statement.reference, clicked, statement.id)
    with qtbot.waitSignal(window.pairRequested) as blocker:
        qtbot.mouseDClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [statement.reference, clicked, statement.id]
    for side, source in enumerate((statement.reference, clicked)):
        member = statement.member(source)
        doc = window.collection.documents[source]
        first = doc.segments[member.segments[0]]
        assert window.pair_view.panes[side].toPlainText() == doc.text
        block_text = window.pair_view.selected_text(side)
        assert doc.text[first.start:first.end] in block_text


def test_filter_by_source_and_count(window):
    total = window.proxy.rowCount()
    window.source_filter.setCurrentIndex(3)  # source 3: geneva
    rows = window.proxy.rowCount()
    assert 0 < rows < total
    for r in range(rows):
        statement = window.collection.statements[window.proxy.index(r, 0).data(STATEMENT_ROLE)]
        assert statement.member(2) is not None
    window.source_filter.setCurrentIndex(0)
    assert window.proxy.rowCount() == total
    window.min_sources.setValue(2)
    assert 0 < window.proxy.rowCount() < total
    assert all(window.proxy.index(r, 1).data() >= 2 for r in range(window.proxy.rowCount()))


def test_sorting(window):
    proxy = window.proxy
    counts = [proxy.index(r, 1).data() for r in range(proxy.rowCount())]
    assert counts == sorted(counts, reverse=True) and counts[0] >= 2
    window.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    ids = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert ids == sorted(ids)
    column = window.model.column_of_source(1)
    window.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    keys = [proxy.index(r, column).data(SORT_ROLE) for r in range(proxy.rowCount())]
    assert keys == sorted(keys, reverse=True) and keys[0] > 0 and keys[-1] == 0


def test_heatmap_click(qtbot, collection):
    heat = HeatMapWidget(collection)
    qtbot.addWidget(heat)
    heat.resize(300, 300)
    with qtbot.waitSignal(heat.cellClicked) as blocker:
        qtbot.mouseClick(heat, Qt.MouseButton.LeftButton, pos=heat.cell_rect(0, 1).center())
    assert blocker.args == [0, 1]
    with qtbot.assertNotEmitted(heat.cellClicked):
        qtbot.mouseClick(heat, Qt.MouseButton.LeftButton, pos=heat.cell_rect(2, 2).center())
        qtbot.mouseClick(heat, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    image = heat.grab().toImage()
    hot = image.pixelColor(heat.cell_rect(0, 1).topLeft() + QPoint(3, 3))
    cold = image.pixelColor(heat.cell_rect(0, 2).topLeft() + QPoint(3, 3))
    assert collection.similarity(0, 1) > collection.similarity(0, 2)
    assert hot.red() < cold.red()  # more shared text, deeper blue


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_a_chosen_cell_selects_the_statement_in_view_beside_the_matrix(window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    proxy = window.proxy
    # a statement far down the reference text, so it must be scrolled to
    rows = [r for r in range(proxy.rowCount())
            if len(window.collection.statements[proxy.index(r, 0).data(STATEMENT_ROLE)].members) > 1]
    row = max(rows, key=lambda r: min(window.collection.statements[proxy.index(r, 0).data(STATEMENT_ROLE)]
                                      .member(window.collection.statements[proxy.index(r, 0).data(STATEMENT_ROLE)]
                                              .reference).segments))
    statement = window.collection.statements[proxy.index(row, 0).data(STATEMENT_ROLE)]
    other = next(m.source for m in statement.members if m.source != statement.reference)
    index = proxy.index(row, window.model.column_of_source(other))
    window.table.setCurrentIndex(index)
    window.table.activated.emit(index)              # Enter on the cell
    assert window.pair_view.pair == (statement.reference, other, statement.id)
    for side in (0, 1):
        assert window.pair_view.panes[side].extraSelections()
        assert window.pair_view.selected_segments_visible(side)
    # the pair is beside the matrix: both stay visible in one window
    assert window.table.isVisible() and window.pair_view.isVisible()
    assert not window.pair_view.geometry().intersects(window.table.parentWidget().geometry())


def test_the_matrix_window_has_a_menu_and_exports(window, tmp_path, monkeypatch):
    import json

    from synopsis.gui.dialogs import Dialogs

    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&View", "&Help"]
    written = {}
    for fmt, name in (("html", "m.html"), ("csv", "m.csv"), ("json", "m.json")):
        monkeypatch.setattr(Dialogs, "save_file", classmethod(
            lambda cls, parent, title, filters, suggested="", n=name: (str(tmp_path / n), filters[0])))
        window.act_export.trigger()
        written[fmt] = (tmp_path / name).read_bytes()
    assert json.loads(written["json"])["format"] == "synopsis-collection"
    assert b"<table" in written["html"] and b"statement" in written["csv"].splitlines()[0]
    import csv
    import io

    table = list(csv.DictReader(io.StringIO(written["csv"].decode("utf-8"))))
    alone = [row for row in table if row["sources"] == "1"]
    assert alone and all("shared" not in row.values() and "unique" in row.values() for row in alone)


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_the_matrix_window_names_its_controls(window, qtbot):
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QWidget

    window.show()
    window.open_pair(0, 1, -1)
    missing = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus \
                or type(widget).__name__ in ("QScrollBar", "QSplitterHandle") or widget.objectName().startswith("qt_"):
            continue
        face = QAccessible.queryAccessibleInterface(widget)
        if not (face and face.text(QAccessible.Text.Name).strip()):
            missing.append(type(widget).__name__)
    assert missing == []
    from PySide6.QtGui import QTextDocument

    shown = QTextDocument()      # the tooltip as Qt shows it (the outlet's name escaped in rich text)
    shown.setHtml(window.model.headerData(window.model.column_of_source(0), Qt.Orientation.Horizontal,
                                          Qt.ItemDataRole.ToolTipRole))
    assert shown.toPlainText().startswith("1: " + window.names[0] + " — ")
