"""The window fits the screen, and the small things a first-day user trips over."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QSize, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QGuiApplication
from PySide6.QtWidgets import QApplication

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_first_window_fits_the_screen(qtbot):
    from synopsis.gui.mainwindow import MainWindow, initial_size

    assert initial_size(QSize(1280, 720)) == QSize(1280, 720)
    assert initial_size(QSize(2560, 1440)) == QSize(1400, 900)
    win = MainWindow()                 # no remembered geometry: the offscreen screen is 800 × 800
    qtbot.addWidget(win)
    available = QGuiApplication.primaryScreen().availableGeometry()
    assert win.width() <= available.width() and win.height() <= available.height()
    assert win.minimumSizeHint().width() <= 1280 and win.minimumSizeHint().height() <= 720


def test_toolbar_fits_at_1280(compared):
    compared.resize(1280, 720)
    QApplication.processEvents()
    assert compared.toolbar.sizeHint().width() <= 1280
    from PySide6.QtWidgets import QToolButton

    extension = compared.toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert extension is not None and not extension.isVisible()     # nothing folded away
    compared.resize(900, 700)
    QApplication.processEvents()
    assert extension.isVisible()          # (the check can fail: too narrow, it folds)


def test_word_wrapped_panes_never_scroll_sideways(qtbot):
    from synopsis.core.config import Settings
    from synopsis.core.ingest import from_pasted_text
    from synopsis.core.pipeline import prepare
    from synopsis.gui.views.textview import TextView

    view = TextView()
    qtbot.addWidget(view)
    view.resize(300, 200)
    view.show()
    long_token = "https://example.org/" + "a" * 400
    view.set_document(prepare(from_pasted_text(f"See {long_token} for more.\n"), Settings(language="en")))
    QApplication.processEvents()
    assert view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert view.document().size().width() <= view.viewport().width() + 1


def test_zoom_reaches_the_table_the_detail_and_the_facts(compared):
    before = {w: w.font().pointSizeF() for w in (compared.views[0], compared.pairs.table, compared.detail,
                                                  compared.facts)}
    compared.act_zoom_in.trigger()
    for widget, size in before.items():
        assert widget.font().pointSizeF() == pytest.approx(size + 1), type(widget).__name__
    compared.act_zoom_reset.trigger()


def test_line_length_is_capped_on_a_wide_screen(compared):
    compared.resize(2560, 1400)
    QApplication.processEvents()
    pane = compared.panes[0]
    chars = pane.width() / compared.views[0].fontMetrics().averageCharWidth()
    assert chars <= 120 and compared.panes[0].width() < 2560 / 2 - 100


def test_preferences_follow_the_dark_theme(compared, qtbot):
    from synopsis.core.config import Settings
    from synopsis.gui.dialogs.preferences import PreferencesDialog

    compared.set_theme("dark")
    dialog = PreferencesDialog(compared, Settings(), {})
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.palette().window().color().lightness() < 100
    assert dialog.engine["granularity"].widget.palette().base().color().lightness() < 100
    compared.set_theme("light")
    QApplication.processEvents()
    assert dialog.palette().window().color().lightness() > 150


def test_preferences_offer_every_declared_setting(qtbot):
    import dataclasses

    from synopsis.core.config import Settings
    from synopsis.gui.dialogs.preferences import PreferencesDialog
    from synopsis.gui.settings import OPTIONS

    dialog = PreferencesDialog(None, Settings(), {})
    qtbot.addWidget(dialog)
    assert set(dialog.engine) == {f.name for f in dataclasses.fields(Settings)}
    assert set(dialog.app) == {k for k, o in OPTIONS.items() if o.label}
    dialog.engine["shared_max_changed_words"].widget.setValue(4)
    dialog.engine["facts"].widget.setChecked(False)
    settings, options = dialog.values()
    assert settings.shared_max_changed_words == 4 and settings.facts is False
    assert options["fact_severities"] == frozenset({3, 2})


def test_status_messages_leave_the_filters_visible(compared):
    compared.statusBar().showMessage("a long status message", 5000)
    assert all(box.isVisible() for box in compared.legend.boxes.values())


def test_a_hand_made_link_says_manual_not_a_score(compared):
    from synopsis.gui.models import COLUMNS

    s, report = compared.session, compared.report
    ua = [i for i in report.unique_segments(0) if not report.documents[0].segments[i].is_debris]
    ub = [i for i in report.unique_segments(1) if not report.documents[1].segments[i].is_debris]
    pair = next(((a, b) for a in ua for b in ub
                 if not any(set(c.a) == {a} and set(c.b) == {b} for c in report.candidates)))
    s.select_segment(0, pair[0])
    s.select_segment(1, pair[1])
    compared.act_link.trigger()
    row = s.selection.link
    assert list(compared.report.links[row].a) == [pair[0]]    # the new pair is selected
    model = compared.pairs.model
    assert model.data(model.index(row, COLUMNS.index("score"))) == "manual"
    assert "linked by hand" in compared.detail.toPlainText() and "0.00" not in compared.detail.toPlainText()
    compared.act_unlink.trigger()          # after an unlink its passages stay selected
    assert s.selection.link is None and s.selection.a == (pair[0],) and s.selection.b == (pair[1],)
    assert compared.act_link.isEnabled()


def test_url_dialog_is_wide_and_asks_which_side(compared, monkeypatch, qtbot):
    from synopsis.gui.dialogs import Dialogs
    from synopsis.gui.dialogs.small import UrlDialog

    dialog = UrlDialog(compared, 1)
    qtbot.addWidget(dialog)
    assert dialog.minimumWidth() >= 500 and dialog.sides.checkedId() == 1
    dialog.url.setText("https://example.org/a")
    dialog.sides.button(0).setChecked(True)
    assert dialog.values() == ("https://example.org/a", 0)
    offered = []
    monkeypatch.setattr(Dialogs, "ask_url", classmethod(lambda cls, parent, side: offered.append(side) or
                                                        ("ftp://example.org/story", 0)))
    asked = []
    real = compared.session.set_source
    monkeypatch.setattr(compared.session, "set_source", lambda side, spec: asked.append((side, spec)) or
                        real(side, spec))
    with qtbot.waitSignal(compared.loadFailed, timeout=20000):
        compared.act_url.trigger()
    assert offered == [1] or offered == [0]
    assert asked == [(0, ("url", "ftp://example.org/story"))]      # A, as chosen


def test_dragging_a_file_over_a_pane_shows_where_it_lands(window, seed_pair):
    view = window.views[0]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(seed_pair[0]))])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    view.dragEnterEvent(enter)
    assert view.drop_target
    image = view.viewport().grab().toImage()
    assert image.pixelColor(3, view.viewport().height() // 2) == QColor(view.theme.focus)
    from PySide6.QtGui import QDragLeaveEvent

    view.dragLeaveEvent(QDragLeaveEvent())
    assert not view.drop_target


def test_legend_words_match_what_the_text_shows():
    from synopsis.gui import theme as themes
    from synopsis.gui.views.summary import Legend, swatch

    legend = Legend()
    assert "wavy" in legend.boxes["paraphrased"].toolTip() and "dotted" in legend.boxes["unique"].toolTip()
    assert themes.UNDERLINES["paraphrased"] == themes.UNDERLINES["paraphrased"].WaveUnderline
    image = swatch(themes.LIGHT, "paraphrased", 32).pixmap(32, 32).toImage()
    strong = QColor(themes.LIGHT.line["paraphrased"])
    rows = {y for x in range(32) for y in range(20, 32)
            if abs(image.pixelColor(x, y).red() - strong.red()) < 40
            and abs(image.pixelColor(x, y).green() - strong.green()) < 40 and image.pixelColor(x, y).alpha() > 200}
    assert len(rows) >= 3          # a wave goes up and down; a dashed line stays on one row


def test_recent_comparisons_are_stored_with_absolute_paths(compared, seed_pair):
    a, b = compared.store.recent()[0]
    assert Path(a).is_absolute() and Path(b).is_absolute()
    cwd = os.getcwd()
    try:
        os.chdir(seed_pair[0].parent)
        compared.store.add_recent(seed_pair[0].name, seed_pair[1].name)
    finally:
        os.chdir(cwd)
    assert compared.store.recent()[0] == (str(seed_pair[0].resolve()), str(seed_pair[1].resolve()))


def test_the_pair_filter_starts_empty_for_a_new_comparison(compared, qtbot, seed_pair):
    compared.pairs.search.setText("Kremlin")
    assert compared.pairs.proxy.rowCount() < compared.pairs.model.rowCount()
    with qtbot.waitSignal(compared.comparisonReady, timeout=20000):
        compared.open_paths(seed_pair[1], seed_pair[0])
    assert compared.pairs.search.text() == ""
    assert compared.pairs.proxy.rowCount() == compared.pairs.model.rowCount()


def test_closing_while_comparing_prints_no_traceback(tmp_path, seeds):
    driver = Path(__file__).parent / "drivers" / "close_while_comparing.py"
    long_a = tmp_path / "a.txt"
    long_b = tmp_path / "b.txt"
    text = " ".join((seeds / "bbc-witkoff-putin-talks.txt").read_text(encoding="utf-8").split())
    long_a.write_text((text + "\n") * 40, encoding="utf-8")
    long_b.write_text((text.replace("Putin", "Vladimir Putin") + "\n") * 40, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SYNOPSIS_SETTINGS_DIR=str(tmp_path / "settings"),
               SYNOPSIS_LIBRARY=str(tmp_path / "library.db"))
    proc = subprocess.run([sys.executable, str(driver), str(long_a), str(long_b)], capture_output=True,
                          text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "closed while comparing" in proc.stdout
    assert "Traceback" not in proc.stderr and "deleted" not in proc.stderr, proc.stderr


def test_a_title_with_markup_is_shown_as_text(window, qtbot, tmp_path):
    from synopsis.core.ingest import from_pasted_text

    import dataclasses

    doc = dataclasses.replace(from_pasted_text("<b>Bold claim</b> in a title. And a sentence.\n"),
                              title="<b>Bold</b> <i>title</i>")
    window.panes[0].set_document(doc)
    assert window.panes[0].title.textFormat() == Qt.TextFormat.PlainText
    assert window.panes[0].title.text() == "<b>Bold</b> <i>title</i>"


def _in_view(view, seg: int) -> bool:
    top, bottom = view.segment_extents()[seg]
    return view.scroll_y() <= top and bottom <= view.scroll_y() + view.view_height()


def test_the_selected_passage_stays_in_view_when_the_panes_narrow(compared, qtbot):
    """Opening the changed-facts list (or narrowing the window) re-wraps the text: the pair
    chosen a moment ago must not slide out of sight."""
    s = compared.session
    compared.facts_dock.hide()
    compared.resize(1280, 720)
    qtbot.wait(50)
    late = max(range(len(compared.report.links)), key=lambda i: min(compared.report.links[i].a))
    s.select_link(late)
    segs = [min(compared.report.links[late].a), min(compared.report.links[late].b)]
    qtbot.waitUntil(lambda: all(_in_view(compared.views[k], segs[k]) for k in (0, 1)), timeout=3000)
    compared.facts_dock.show()                    # the panes lose a third of their width
    qtbot.waitUntil(lambda: compared.views[0].width() < 400, timeout=3000)
    qtbot.wait(50)
    assert _in_view(compared.views[0], segs[0]) and _in_view(compared.views[1], segs[1])
