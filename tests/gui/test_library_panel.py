"""The library panel on a real library file: lists, search as you type, opening, cases."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from synopsis.core import compare, load
from synopsis.core.model import Document
from synopsis.gui.library_panel import ROLE, LibraryPanel
from synopsis.library import Library


@pytest.fixture(scope="module")
def seed_report(seed_pair):
    return compare(load(seed_pair[0]), load(seed_pair[1]))


@pytest.fixture
def lib(tmp_path, seed_report):
    library = Library.open(tmp_path / "library.db")
    cid = library.save_comparison(seed_report, case="Witkoff talks")
    library.add_document(Document(text="Geneva talks ended without a deal.", title="Geneva round",
                                  source="g.txt", sha256=""))
    library.set_verdict(cid, seed_report.links[0].a, seed_report.links[0].b, "misleading",
                        "quote cut short")
    yield library
    library.close()


@pytest.fixture
def panel(qtbot, lib):
    widget = LibraryPanel(lib)
    widget.search_delay_ms = 10
    qtbot.addWidget(widget)
    yield widget
    widget.set_library(None)  # before the library fixture closes it


def _rows(tree):
    return [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]


def test_lists_documents_recent_and_cases(panel):
    titles = [item.text(0) for item in _rows(panel.documents)]
    # seeds/manifest.json gives the two seed articles their titles
    assert titles == ["Geneva round", "Zelensky: Ukrainian officials preparing to meet US negotiators "
                      "(translated version)", "Witkoff to meet Umerov in Miami after Putin talks"]
    assert [item.data(0, ROLE) for item in _rows(panel.recent)] == [("comparison", 1)]
    [case] = _rows(panel.cases)
    assert case.text(0) == "Witkoff talks" and case.child(0).data(0, ROLE) == ("comparison", 1)
    assert not panel.more.isVisible()


def test_search_as_you_type(panel, qtbot):
    qtbot.keyClicks(panel.query, "Kreml")
    qtbot.waitUntil(lambda: panel.stack.currentWidget() is panel.results, timeout=2000)
    found = {item.data(0, ROLE) for item in _rows(panel.results)}
    assert found == {("document", 1), ("document", 2)}
    assert "[Kremlin]" in _rows(panel.results)[0].text(2)
    panel.query.clear()
    assert panel.stack.currentWidget() is panel.tabs


def test_verdict_note_hit_opens_its_comparison(panel, qtbot):
    panel.query.setText("quote cut")
    panel.run_search()
    [hit] = _rows(panel.results)
    assert hit.text(1) == "verdict"
    with qtbot.waitSignal(panel.comparisonOpened) as signal:
        panel.results.itemActivated.emit(hit, 0)
    assert signal.args == [1]


def test_open_selected_documents_and_recent(panel, qtbot, lib):
    first, second = _rows(panel.documents)[1:]
    first.setSelected(True)
    second.setSelected(True)
    with qtbot.waitSignal(panel.documentsOpened) as signal:
        qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert sorted(signal.args[0]) == [1, 2]
    panel.tabs.setCurrentIndex(1)
    with qtbot.waitSignal(panel.comparisonOpened) as signal:
        panel.open_items(_rows(panel.recent))
    assert signal.args == [1]
    assert lib.list_comparisons(recent=True)[0]["opened"]  # remembered for the recent list
    assert _rows(panel.recent)[0].text(2)


def test_refresh_shows_new_items_and_no_library_disables(panel, lib):
    lib.add_document(Document(text="A new one.", title="Newest", source="n", sha256=""))
    panel.refresh()
    assert _rows(panel.documents)[0].text(0) == "Newest"
    panel.set_library(None)
    assert not panel.isEnabled() and panel.documents.topLevelItemCount() == 0


def test_closed_library_is_a_status_line_not_a_crash(panel, lib):
    lib.close()
    panel.query.setText("talks")
    panel.run_search()
    assert panel.status.text().endswith("the library is closed")


def test_library_errors_show_in_status(panel, lib, monkeypatch):
    from synopsis.library import LibraryError

    def broken(*args, **kwargs):
        raise LibraryError(lib.path, "the library is busy or locked by another program; try again")

    monkeypatch.setattr(lib, "search", broken)
    panel.query.setText("talks")
    panel.run_search()
    assert panel.status.text().endswith("locked by another program; try again")
    assert panel.results.topLevelItemCount() == 0
