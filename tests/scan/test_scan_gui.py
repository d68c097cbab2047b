"""The scan in the app: File ▸ Scan a corpus…, a scan run from the window on the embedded
cluster, its clusters browsed, a pair opened side by side in the main window."""
from __future__ import annotations

import pytest

# the offscreen platform cannot hint window sizes (a second top-level window asks it to)
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QThreadPool

    from synopsis.gui import settings
    from synopsis.gui.dialogs import Dialogs
    from synopsis.gui.mainwindow import MainWindow
    folder = tmp_path / "settings"
    folder.mkdir()
    monkeypatch.setenv("SYNOPSIS_SETTINGS_DIR", str(folder))
    settings.use_directory(folder)
    errors: list = []
    monkeypatch.setattr(Dialogs, "error", classmethod(lambda cls, parent, title, text: errors.append(text)))
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    win.errors = errors
    yield win
    QThreadPool.globalInstance().waitForDone(20000)


def _menu_action(window, text: str):
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.text().replace("&", "") == text:
                return action
    raise AssertionError(f"no menu item {text!r}")


def test_scan_from_the_window_browse_and_open_a_pair(window, qtbot, corpus_file, tmp_path):
    _menu_action(window, "Scan a corpus…").trigger()
    scan = window._scan_window
    assert scan.isVisible()
    scan.corpus.setText(str(corpus_file))
    scan.output.setText(str(tmp_path / "result"))
    scan.scheduler.setText("")
    with qtbot.waitSignal(scan.resultShown, timeout=120_000):
        scan.start_button.click()
        assert not scan.start_button.isEnabled() and scan.cancel_button.isEnabled()
    assert window.errors == [] and scan.progress.value() == 100
    assert scan.clusters_model.rowCount() == len(scan.folder.clusters) > 0
    row = next(r for r in range(scan.clusters_model.rowCount())
               if "bbc" in list(scan.clusters_model.row(r)["member_ids"]))
    proxy_row = scan.clusters.model().mapFromSource(scan.clusters_model.index(row, 0)).row()
    scan.clusters.selectRow(proxy_row)
    assert scan.pairs_model.rowCount() >= 1
    with qtbot.waitSignal(scan.pairOpened, timeout=30_000) as opened:
        scan.open_pair_button.click()
    report = opened.args[0]
    assert window.report is report
    assert {d.source for d in report.documents} == {"bbc", "translated"}
    assert window.pairs.model.rowCount() == len(report.links) > 10
    scan.grab().save(str(tmp_path / "scan-window.png"))
    library = tmp_path / "lib.db"
    window.library_ctl.set_path(str(library))
    with qtbot.waitSignal(scan.clusterFiled, timeout=60_000) as filed:
        scan.file_button.click()
    from synopsis.library import Library
    with Library.open(library, readonly=True) as lib:
        case = lib.get_case(filed.args[0])
        assert len(case["comparisons"]) == scan.pairs_model.rowCount()
        assert {lib.document_info(d)["source"] for c in case["comparisons"] for d in (c["doc_a"], c["doc_b"])} >= {"bbc"}


def test_a_corpus_named_by_url_scans_from_the_window(window, qtbot, corpus_file, tmp_path):
    """A JSON Lines corpus typed as a file:// URL is read by Dask's readers, as on the command line."""
    _menu_action(window, "Scan a corpus…").trigger()
    scan = window._scan_window
    assert "URL" in scan.corpus.placeholderText()
    scan.corpus.setText(corpus_file.as_uri())
    scan.output.setText(str(tmp_path / "result"))
    scan.scheduler.setText("")
    with qtbot.waitSignal(scan.resultShown, timeout=120_000):
        scan.start_button.click()
    assert window.errors == [] and scan.clusters_model.rowCount() > 0
    assert any("bbc" in list(scan.clusters_model.row(r)["member_ids"]) for r in range(scan.clusters_model.rowCount()))


def test_the_scheduler_address_is_remembered(window, qtbot):
    from synopsis.gui.scan import open_scan_window
    from synopsis.gui.scan.window import SCHEDULER_KEY
    from PySide6.QtCore import QSettings
    scan = open_scan_window(window)
    scan.scheduler.setText("tcp://127.0.0.1:8786")
    scan.scheduler.editingFinished.emit()
    assert QSettings().value(SCHEDULER_KEY) == "tcp://127.0.0.1:8786"


def test_a_failed_scan_is_one_message(window, qtbot, tmp_path):
    from synopsis.gui.scan import open_scan_window
    scan = open_scan_window(window)
    scan.corpus.setText(str(tmp_path / "missing.jsonl"))
    scan.output.setText(str(tmp_path / "out"))
    scan.start_button.click()
    qtbot.waitUntil(lambda: bool(window.errors), timeout=30_000)
    assert "missing.jsonl: no such file or folder" in window.errors[0]
    assert scan.start_button.isEnabled() and not (tmp_path / "out").exists()


def test_the_meaning_option_is_offered_remembered_and_sent_with_the_scan(window, qtbot, tmp_path):
    """"Find translated and reworded reuse" is a check box reached by keyboard, remembered
    between windows, and the scan it starts asks for meaning keys (``synopsis scan --meaning``)."""
    from PySide6.QtCore import QSettings, Qt
    from synopsis.gui.scan.window import MEANING_KEY, ScanWindow
    from synopsis.gui.scan import open_scan_window
    scan = open_scan_window(window)
    box = scan.meaning
    assert box.text().replace("&", "") == "Find translated and reworded reuse (slower: meaning keys)"
    assert not box.isChecked() and "meaning keys" in box.toolTip() and "slower" in box.toolTip().lower()
    scan.scheduler.setFocus()
    qtbot.keyClick(scan.scheduler, Qt.Key.Key_Tab)              # the next stop after the scheduler
    assert scan.focusWidget() is box
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked() and str(QSettings().value(MEANING_KEY)).lower() == "true"
    assert ScanWindow(window).meaning.isChecked()                # a new window remembers it
    scan.corpus.setText(str(tmp_path / "missing.jsonl"))
    scan.output.setText(str(tmp_path / "out"))
    with qtbot.waitSignal(scan.scanRequested, timeout=5_000) as asked:
        scan.start_button.click()
    request = asked.args[0]
    assert request.meaning is True and request.corpus.endswith("missing.jsonl")
    options = request.options(window.engine)
    assert options.features.meaning is True and [g.name for g in options.generators][-1] == "meaning"
    qtbot.waitUntil(lambda: bool(window.errors), timeout=30_000)   # the missing corpus: one message
    box.click()
    assert str(QSettings().value(MEANING_KEY)).lower() == "false"
    with qtbot.waitSignal(scan.scanRequested, timeout=5_000) as asked:
        scan.start_button.click()
    assert asked.args[0].meaning is False
    assert not asked.args[0].options(window.engine).features.meaning
    qtbot.waitUntil(lambda: scan.start_button.isEnabled(), timeout=30_000)
