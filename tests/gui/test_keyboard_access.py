"""Keyboard and screen reader: every interactive widget has a name, the focus is visible and can
leave every widget, F8 visits what the user asks for, and the overview strips and band map speak."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _interactive(root: QWidget):
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.isVisibleTo(root) and widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.isEnabled():
            yield widget


def _nameless(root: QWidget) -> list[str]:
    missing = []
    for widget in _interactive(root):
        if type(widget).__name__ in ("QScrollBar", "QSplitterHandle", "QToolBarExtension") \
                or widget.objectName().startswith("qt_"):
            continue      # parts of other widgets, named by them
        face = QAccessible.queryAccessibleInterface(widget)
        name = face.text(QAccessible.Text.Name) if face is not None else ""
        if not name.strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_every_interactive_widget_has_an_accessible_name(compared):
    compared.facts_dock.show()
    compared.library_ctl.dock.show()
    compared.session.select_link(0)
    missing = _nameless(compared)
    assert not missing, "; ".join(missing)
    # and the ones a screen reader user needs most say what they hold
    title = compared.report.documents[0].title
    assert compared.views[0].accessibleName() == f"Source A: {title}"
    assert compared.verdict.combo.accessibleName() == "Verdict on the selected pair"
    assert "shared" in compared.views[0].accessibleDescription()


def test_dialogs_name_their_fields_too(qtbot):
    from synopsis.core.config import Settings
    from synopsis.gui.dialogs.preferences import PreferencesDialog
    from synopsis.gui.dialogs.small import UrlDialog

    for dialog in (PreferencesDialog(None, Settings(), {}), UrlDialog(None, 1)):
        qtbot.addWidget(dialog)
        assert _nameless(dialog) == [], type(dialog).__name__


def test_tab_leaves_the_pairs_table(compared, qtbot):
    table = compared.pairs.table
    compared.activateWindow()
    table.setFocus()
    assert not table.tabKeyNavigation()
    QTest.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus() and QApplication.focusWidget() is compared.detail
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert table.hasFocus()


def test_focus_ring_is_drawn_in_both_themes(compared, qtbot):
    table = compared.pairs.table
    compared.activateWindow()
    table.setFocus()
    qtbot.waitUntil(lambda: compared.focus_ring.widget() is table)
    for theme in ("light", "dark"):
        compared.set_theme(theme)
        ring = compared.focus_ring
        assert ring.isVisible()
        image = compared.grab().toImage()
        corner = ring.mapTo(compared, QPoint(0, ring.height() // 2))
        want = QColor(compared.views[0].theme.focus)
        assert image.pixelColor(corner) == want, theme
    # it follows the focus
    compared.views[1].setFocus()
    qtbot.waitUntil(lambda: compared.focus_ring.widget() is compared.views[1])


def test_shortcut_list_under_help(compared, monkeypatch):
    from synopsis.gui.dialogs import Dialogs
    from synopsis.gui.dialogs.small import ShortcutsDialog, shortcut_rows

    help_menu = next(a.menu() for a in compared.menuBar().actions() if a.text() == "&Help")
    assert compared.act_shortcuts in help_menu.actions()
    rows = dict(shortcut_rows(compared.actions()))
    assert rows["Next changed fact"] == "F8" and rows["Verdict: altered"] == "Alt+2"
    assert rows["Go to the pairs table"] == "Ctrl+T" and rows["Keyboard shortcuts"] == "F1"
    shown = []
    monkeypatch.setattr(Dialogs, "shortcuts", classmethod(lambda cls, parent, actions: shown.append(
        ShortcutsDialog(parent, actions))))
    compared.act_shortcuts.trigger()
    table = shown[0].table
    assert table.rowCount() >= len(rows)
    keys = [s.toString() for a in compared.actions() for s in a.shortcuts() if not s.isEmpty()]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)


def test_f8_visits_the_severities_asked_for(compared):
    s = compared.session
    notes_only = [i for i, l in enumerate(compared.report.links)
                  if l.facts and max(f.severity for f in l.facts) == 1]
    assert notes_only, "the seed pair has a pair whose only changes are notes (a spelling variant)"

    def visited():
        s.clear_selection()
        seen = []
        for _ in range(len(compared.report.links) + 2):
            compared.act_next_fact.trigger()
            if s.selection.link in seen:
                break
            seen.append(s.selection.link)
        return seen

    assert not set(notes_only) & set(visited())       # by default: alarm and check
    s.fact_severities = {3, 2, 1}
    assert set(notes_only) <= set(visited())


def test_changed_facts_list_sorted_by_severity(compared, qtbot):
    compared.act_facts.trigger()
    facts = compared.facts
    assert compared.facts_dock.isVisible()
    severities = [facts.topLevelItem(k).text(0).lstrip("⚠ ") for k in range(facts.topLevelItemCount())]
    order = {"alarm": 3, "check": 2, "note": 1}
    assert severities and [order[s] for s in severities] == sorted((order[s] for s in severities), reverse=True)
    assert facts.topLevelItemCount() == sum(len(l.facts) for l in compared.report.links)
    item = facts.topLevelItem(facts.topLevelItemCount() - 1)
    facts.itemActivated.emit(item, 0)
    assert compared.session.selection.link == item.data(0, Qt.ItemDataRole.UserRole)


def test_one_row_stays_selected_after_f7_and_f8(compared):
    table = compared.pairs.table
    for action in (compared.act_next_fact, compared.act_next, compared.act_next, compared.act_next_fact,
                   compared.act_next, compared.act_next):
        action.trigger()
        rows = table.selectionModel().selectedRows()
        link = compared.session.selection.link
        if link is None:       # a passage in one source only: no row
            assert rows == []
        else:
            assert [compared.pairs.proxy.mapToSource(r).row() for r in rows] == [link]


def test_overview_strips_and_band_map_take_the_focus_and_speak(compared, qtbot):
    strip, bands = compared.overviews[0], compared.linkmap
    for widget in (strip, bands):
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus
    # (described once a burst of relayouts settles)
    qtbot.waitUntil(lambda: "shared" in strip.accessibleDescription() and "in view" in strip.accessibleDescription())
    before = compared.views[0].scroll_y()
    strip.setFocus()
    QTest.keyClick(strip, Qt.Key.Key_PageDown)
    assert compared.views[0].scroll_y() > before
    bands.repaint()
    assert "pairs in view" in bands.accessibleDescription()
    compared.session.clear_selection()
    QTest.keyClick(bands, Qt.Key.Key_Down)
    first = compared.session.selection.link
    assert first is not None
    QTest.keyClick(bands, Qt.Key.Key_Down)
    assert compared.session.selection.link != first


def test_overview_strips_mark_each_class_with_a_pattern(compared):
    """Colour is not the only cue: shared fills the strip, paraphrased is hatched, unique a bar."""
    strip = compared.overviews[0]
    strip.resize(strip.width(), 600)
    image = strip._render().toImage()
    w = strip.width()
    theme = strip.theme

    def row_colours(label):
        view = compared.views[0]
        seg = next(i for i, (l, d) in enumerate(zip(view.labels, view.debris)) if l == label and not d)
        top, bottom = view.segment_extents()[seg]
        y = int((top + bottom) / 2 / view.document_height() * image.height())
        return [image.pixelColor(x, y).name() for x in range(1, w - 1)]

    strong = {k: theme.color(k, strong=True).name() for k in ("shared", "paraphrased", "unique")}
    shared, para, unique = row_colours("shared"), row_colours("paraphrased"), row_colours("unique")
    assert set(shared) == {strong["shared"]}                         # filled
    assert len(set(para)) >= 2 and strong["paraphrased"] in para     # hatched over the tint
    assert unique[-3:] == [strong["unique"]] * 3 and len(set(unique)) >= 2   # a bar at the edge, dots beside


def test_enter_in_a_text_pane_selects_the_passage(compared):
    from PySide6.QtGui import QTextCursor

    view = compared.views[1]
    link_index = 2
    seg = compared.report.links[link_index].b[0]
    cursor = view.textCursor()
    cursor.setPosition(view.q_starts[seg] + 2)
    view.setTextCursor(cursor)
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert compared.session.selection.link == link_index
    assert cursor.position() == view.textCursor().position() and view.textCursor().hasSelection() is False
    assert QTextCursor  # (the caret stays where it was)
