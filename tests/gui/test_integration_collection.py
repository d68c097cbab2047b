"""File ▸ Compare many sources…: the worker builds the matrix; a cell click shows the pair here."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from synopsis.gui.collection.model import SOURCE_ROLE, STATEMENT_ROLE
from synopsis.gui.dialogs import Dialogs

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
SEEDS = ["bbc-witkoff-putin-talks.txt", "translated-witkoff-putin-talks.txt", "geneva-round.txt"]


def test_compare_many_opens_the_matrix_and_a_cell_shows_the_pair(window, qtbot, seeds, monkeypatch, errors):
    paths = [str(seeds / name) for name in SEEDS]
    monkeypatch.setattr(Dialogs, "open_files", classmethod(lambda cls, parent, title: paths))
    with qtbot.waitSignal(window.collection_ctl.ready, timeout=30000) as blocker:
        window.act_many.trigger()
        assert window.progress.isVisibleTo(window)
    matrix = blocker.args[0]
    qtbot.addWidget(matrix)
    assert errors == [] and matrix.isVisible() and not window.progress.isVisibleTo(window)
    assert [d.source for d in matrix.collection.documents] == paths
    # a cell of a statement that sources 1 and 2 share
    proxy = matrix.proxy
    row = next(r for r in range(proxy.rowCount())
               if {0, 1} <= set(matrix.collection.statements[proxy.index(r, 0).data(STATEMENT_ROLE)].sources))
    statement = matrix.collection.statements[proxy.index(row, 0).data(STATEMENT_ROLE)]
    clicked = 1 if statement.reference == 0 else 0
    index = proxy.index(row, matrix.model.column_of_source(clicked))
    assert index.data(SOURCE_ROLE) == clicked
    matrix.table.scrollTo(index)
    # a click shows the pair beside the matrix, in the matrix window's own panes
    with qtbot.assertNotEmitted(window.comparisonReady):
        qtbot.mouseClick(matrix.table.viewport(), Qt.MouseButton.LeftButton,
                         pos=matrix.table.visualRect(index).center())
    assert matrix.pair_view.pair == (statement.reference, clicked, statement.id)
    # a double click asks for it in the comparison window, through the matrix's signal
    with qtbot.waitSignal(window.comparisonReady, timeout=5000):
        qtbot.mouseDClick(matrix.table.viewport(), Qt.MouseButton.LeftButton,
                          pos=matrix.table.visualRect(index).center())
    pair, _swapped = matrix.collection.report_for(statement.reference, clicked)
    assert window.report is not None and window.report is not pair  # a copy: corrections stay here
    assert {d.source for d in window.report.documents} == {paths[0], paths[1]}
    assert [l.a for l in window.report.links] == [l.a for l in pair.links]
    assert window.views[0].toPlainText() == window.report.documents[0].text
    assert window.pairs.model.rowCount() == len(pair.links)
    # the shown pair is an ordinary comparison now: swapping compares it again, other way round
    first = window.report.documents[0].text
    with qtbot.waitSignal(window.comparisonReady, timeout=20000):
        window.act_swap.trigger()
    assert window.report.documents[1].text == first and window.report.documents[0].segments
    matrix.close()


def test_fewer_than_three_sources_is_refused(window, seeds, monkeypatch, errors):
    paths = [str(seeds / name) for name in SEEDS[:2]]
    monkeypatch.setattr(Dialogs, "open_files", classmethod(lambda cls, parent, title: paths))
    window.act_many.trigger()
    assert len(errors) == 1 and "3" in errors[0][1]
    assert not window.collection_ctl.runner.busy


def test_a_bad_source_fails_with_its_name(window, qtbot, seeds, tmp_path, monkeypatch, errors):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    paths = [str(seeds / SEEDS[0]), str(seeds / SEEDS[1]), str(empty)]
    monkeypatch.setattr(Dialogs, "open_files", classmethod(lambda cls, parent, title: paths))
    with qtbot.waitSignal(window.collection_ctl.failed, timeout=20000):
        window.act_many.trigger()
    assert len(errors) == 1 and "empty.txt" in errors[0][1]


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_claim_matrices_are_kept_in_the_library(window, qtbot, seeds, monkeypatch, errors, tmp_path):
    from synopsis.library import Library

    library = tmp_path / "matrices.db"
    monkeypatch.setenv("SYNOPSIS_LIBRARY", str(library))
    paths = [str(seeds / name) for name in SEEDS]
    monkeypatch.setattr(Dialogs, "open_files", classmethod(lambda cls, parent, title: paths))
    with qtbot.waitSignal(window.collection_ctl.ready, timeout=30000) as blocker:
        window.act_many.trigger()
    qtbot.addWidget(blocker.args[0])
    with Library.open(library) as lib:
        kept = lib.list_collections()
        assert len(kept) == 1 and kept[0]["sources"] == len(SEEDS)
        again = lib.get_collection(kept[0]["id"])
    assert [d.text for d in again.documents] == [d.text for d in blocker.args[0].collection.documents]
    # and it opens again from the library's recent list
    window.act_library.trigger()
    recent = window.library_ctl.panel.recent
    item = next(recent.topLevelItem(k) for k in range(recent.topLevelItemCount())
                if recent.topLevelItem(k).data(0, Qt.ItemDataRole.UserRole)[0] == "collection")
    with qtbot.waitSignal(window.collection_ctl.ready, timeout=10000) as shown:
        window.library_ctl.panel.open_items([item])
    qtbot.addWidget(shown.args[0])
    assert len(shown.args[0].collection.statements) == len(again.statements)
    assert errors == []
