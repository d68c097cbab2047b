"""The window against hostile documents: their titles, outlets, dates, passages and the error
messages naming them are shown as plain text; the hostile inputs of the first battery are one
line, never an "internal error"; a closed standard error does not hang the app."""
from __future__ import annotations

import dataclasses
import html
import os
import subprocess
import sys
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QTextDocument

import hostile_inputs as hostile

SPOOF = '<b style="color:#ff0000;font-size:40pt">FAKE HEADLINE</b><img src="{img}">'
# A long title changes the window's minimum size; the offscreen plugin (only it) then warns that
# it cannot pass size hints to a window manager. Harmless, and the app drops it (gui/app.py).
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def red_image(tmp_path):
    """A local image a rich-text label would load and show (300 px tall, all red)."""
    image = QImage(300, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("#ff0000"))
    path = tmp_path / "local.png"
    assert image.save(str(path))
    return path


@pytest.fixture
def spoofing_page(tmp_path, red_image):
    spoof = SPOOF.format(img=red_image)
    page = hostile.html_page(title=html.escape(spoof), outlet=html.escape(spoof))
    path = tmp_path / "spoof.html"
    path.write_bytes(page)
    return path, spoof


def _no_red(widget) -> bool:
    image = widget.grab().toImage()
    return all(image.pixelColor(x, y).name() != "#ff0000"
               for x in range(0, image.width(), 3) for y in range(0, image.height(), 3))


def test_a_spoofed_title_and_outlet_are_shown_as_text(window, qtbot, spoofing_page, seed_pair):
    path, spoof = spoofing_page
    with qtbot.waitSignal(window.comparisonReady, timeout=20000):
        window.open_paths(str(path), str(seed_pair[1]))
    pane = window.panes[0]
    assert pane.title.text() == spoof and pane.title.textFormat() == Qt.TextFormat.PlainText
    assert spoof in pane.meta.text() and pane.meta.textFormat() == Qt.TextFormat.PlainText
    assert pane.title.sizeHint().height() < 120  # a 300 px image was not laid out in it
    assert _no_red(pane.title) and _no_red(pane.meta)


@pytest.mark.parametrize("text", [SPOOF.format(img="/etc/passwd"), "a < b & c > d", "line one\nline two",
                                  "<qt>rich?</qt>", "&amp; entity"])
def test_tooltips_show_document_text_literally(text):
    from synopsis.gui.plaintext import tooltip

    rendered = QTextDocument()
    rendered.setHtml(tooltip(text))
    assert rendered.toPlainText() == text


def test_tooltips_of_the_pairs_table_hold_escaped_passages(window, qtbot, tmp_path, seed_pair):
    from synopsis.gui.plaintext import tooltip

    markup = " <img src='/etc/x.png'><b>bold</b> "  # inside sentences, so linked passages hold it
    lines = [line.replace(" the ", markup + "the ", 1) for line in seed_pair[0].read_text(encoding="utf-8").splitlines()]
    source = tmp_path / "a.txt"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with qtbot.waitSignal(window.comparisonReady, timeout=20000):
        window.open_paths(str(source), str(seed_pair[1]))
    model = window.pairs.model
    tips = [model.data(model.index(row, col), Qt.ItemDataRole.ToolTipRole)
            for row in range(model.rowCount()) for col in range(model.columnCount())]
    hostile_tips = [t for t in tips if t and "img" in t]
    assert hostile_tips and all("<img" not in t and "&lt;img" in t for t in hostile_tips)
    assert all(t.startswith(tooltip("x")[:20]) for t in hostile_tips)


def test_error_boxes_show_their_message_as_plain_text(monkeypatch, qtbot):
    from PySide6.QtWidgets import QMessageBox

    from synopsis.gui.dialogs import Dialogs

    seen = []

    def fake_exec(box):
        seen.append((box.textFormat(), box.text()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    message = "<img src='/tmp/x.png'>evil.txt: no such file"
    Dialogs.error(None, "Could not compare", message)
    assert seen == [(Qt.TextFormat.PlainText, message)]


def test_the_claim_matrix_escapes_source_names(qtbot, tmp_path, seeds, red_image):
    from synopsis.core import Settings, load
    from synopsis.core.collection import compare_collection
    from synopsis.gui.collection.window import CollectionWindow

    spoof = SPOOF.format(img=red_image)
    docs = [dataclasses.replace(doc, title=spoof, meta={**doc.meta, "outlet": spoof})
            for doc in (load(p) for p in sorted(seeds.glob("*.txt"))[:3])]
    matrix = CollectionWindow(compare_collection(docs, Settings()))
    qtbot.addWidget(matrix)
    rows = [s for s in matrix.collection.rows() if len(s.members) > 1]
    matrix.pair_view.show_pair(rows[0].reference, next(m.source for m in rows[0].members
                                                       if m.source != rows[0].reference), rows[0].id)
    labels = [matrix.pair_view.titles[0], matrix.pair_view.titles[1]]
    for label in labels:
        assert "FAKE HEADLINE" in label.text() and "&lt;img" in label.text()
        assert label.sizeHint().height() < 120
    assert _no_red(matrix)


@pytest.mark.parametrize("make, suffix, fragment", [
    (hostile.docx_bomb, ".docx", "zip bomb"), (hostile.odt_not_xml, ".odt", "content.xml"),
    (hostile.docx_with_entity, ".docx", "entities"), (lambda: hostile.html_page(charset="base64"), ".html", None),
    (hostile.pdf_bomb, ".pdf", "decompression bomb"),
])
def test_the_first_batterys_inputs_are_one_line_in_the_app(window, qtbot, tmp_path, seed_pair, errors,
                                                         make, suffix, fragment):
    path = tmp_path / f"hostile{suffix}"
    path.write_bytes(make())
    if fragment is None:  # loads fine
        with qtbot.waitSignal(window.comparisonReady, timeout=30000):
            window.open_paths(str(path), str(seed_pair[1]))
        assert window.report is not None and not errors
        return
    with qtbot.waitSignal(window.loadFailed, timeout=30000) as failed:
        window.open_paths(str(path), str(seed_pair[1]))
    message = failed.args[0]
    assert "internal error" not in message and "\n" not in message
    assert message.startswith(str(path)) and fragment in message
    assert errors == [("Could not compare", message)]


def _synopsis(args, tmp_path, stderr):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SYNOPSIS_SETTINGS_DIR=str(tmp_path / "settings"),
               SYNOPSIS_LIBRARY=str(tmp_path / "lib.db"))
    return subprocess.Popen([sys.executable, "-m", "synopsis", *args], stdout=subprocess.DEVNULL,
                            stderr=stderr, env=env)


def test_a_closed_standard_error_does_not_hang_the_app(tmp_path, seed_pair):
    bad = tmp_path / "bad.bin"
    bad.write_bytes(bytes(range(256)) * 20)
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody will ever read what the app has to say
    started = time.monotonic()
    proc = _synopsis(["gui", str(bad), str(seed_pair[1]), "--screenshot", str(tmp_path / "x.png")],
                     tmp_path, write_end)
    os.close(write_end)
    try:
        code = proc.wait(timeout=60)
    finally:
        proc.kill()
    assert code == 2 and time.monotonic() - started < 60
    assert not (tmp_path / "x.png").exists()


def test_offscreen_runs_print_nothing_when_all_is_well(tmp_path, seed_pair, seeds):
    for args in (["gui", str(seed_pair[0]), str(seed_pair[1]), "--screenshot", str(tmp_path / "a.png")],
                 ["matrix", *map(str, sorted(seeds.glob("*.txt"))[:3]), "--screenshot", str(tmp_path / "m.png")]):
        proc = _synopsis(args, tmp_path, subprocess.PIPE)
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0 and err.decode() == "", err.decode()
    assert QImage(str(tmp_path / "a.png")).width() == 1400 and QImage(str(tmp_path / "m.png")).width() == 1400


def test_file_export_never_writes_over_a_source_or_the_library(window, qtbot, tmp_path, seed_pair, errors,
                                                               monkeypatch):
    import shutil

    from synopsis.gui.dialogs import Dialogs
    from synopsis.library import Library

    library = tmp_path / "library.html"  # an extension the dialog keeps, so the library can be chosen
    monkeypatch.setenv("SYNOPSIS_LIBRARY", str(library))
    Library.open(library).close()
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    shutil.copy(seed_pair[0], a)
    shutil.copy(seed_pair[1], b)
    with qtbot.waitSignal(window.comparisonReady, timeout=20000):
        window.open_paths(str(a), str(b))
    kept = {path: path.read_bytes() for path in (a, library)}
    assert window.library_ctl.path() == library
    for target in (a, library):
        monkeypatch.setattr(Dialogs, "save_file", classmethod(lambda cls, *args, t=target: (str(t), "")))
        window.act_export.trigger()
    assert {path: path.read_bytes() for path in kept} == kept
    assert [text for _, text in errors] == [f"{a}: is one of the inputs; choose another output file",
                                            f"{library}: is the library ({library}); choose another output file"]
