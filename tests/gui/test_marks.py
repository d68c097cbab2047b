"""The class marks of a long text are written in chunks between turns of the event loop, and
end exactly as a one-shot highlighter (the way the panes were marked before) leaves them."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QSyntaxHighlighter, QTextDocument

from synopsis.core.config import Settings
from synopsis.core.ingest import from_pasted_text
from synopsis.core.pipeline import prepare
from synopsis.gui.views import marks as marks_module
from synopsis.gui.views.textview import TextView

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
CLASSES = ("shared", "paraphrased", "unique", "")


class OneShot(QSyntaxHighlighter):
    """Reference: every block highlighted in one go, the class over each passage's span and the
    debris format over the pieces glued to it."""

    def __init__(self, doc: QTextDocument, view: TextView) -> None:
        super().__init__(None)
        self.view = view
        self.setDocument(doc)

    def highlightBlock(self, text: str) -> None:
        view, block = self.view, self.currentBlock()
        b0, b1 = block.position(), block.position() + block.length()
        for i, (q0, q1) in enumerate(zip(view.q_starts, view.q_ends)):
            fmt = view.format_for(i)
            if fmt is not None and q0 < b1 and q1 > b0:
                self.setFormat(max(q0, b0) - b0, min(q1, b1) - max(q0, b0), fmt)
            for g0, g1 in view.q_glued[i]:
                if g0 < b1 and g1 > b0:
                    self.setFormat(max(g0, b0) - b0, min(g1, b1) - max(g0, b0), view.debris_format())


def _looks(fmt) -> tuple:
    return (fmt.background().color().name() if fmt.background().style() else None,
            fmt.underlineStyle().value, fmt.fontItalic(), fmt.foreground().color().name()
            if fmt.foreground().style() else None)


def char_looks(doc: QTextDocument) -> list[tuple]:
    """Per character of the text, how its marks look (range boundaries do not matter)."""
    out: list[tuple] = [()] * doc.characterCount()
    block = doc.begin()
    while block.isValid():
        for r in block.layout().formats():
            look = _looks(r.format)
            for k in range(block.position() + r.start, block.position() + r.start + r.length):
                assert out[k] == (), "two marks on one character"
                out[k] = look
        block = block.next()
    return out


def one_shot_looks(view: TextView) -> list[tuple]:
    doc = QTextDocument()
    doc.setPlainText(view.toPlainText())
    highlighter = OneShot(doc, view)
    highlighter.rehighlight()
    return char_looks(doc)


@pytest.fixture
def long_view(qtbot):
    # the translated seed has a caption glued to a passage ("fake imagesPresident …")
    text = "\n\n".join([(SEEDS / "translated-witkoff-putin-talks.txt").read_text(encoding="utf-8")] * 12)
    doc = prepare(from_pasted_text(text + "\n"), Settings(language="en"))
    view = TextView()
    qtbot.addWidget(view)
    view.resize(500, 300)
    view.show()
    qtbot.waitExposed(view)
    view.set_document(doc)
    qtbot.waitUntil(lambda: not view.marks.busy)
    assert any(view.q_glued), "a glued caption is part of the test"
    return view, doc


def test_a_long_text_is_marked_in_chunks_with_turns_of_the_loop_between(long_view, qtbot, monkeypatch):
    view, doc = long_view
    monkeypatch.setattr(marks_module, "CHUNK_CHARACTERS", 4000)
    labels = [CLASSES[(i * 7) % 4] for i in range(len(doc.segments))]
    seen: list[int] = []       # the chunks done, each time the event loop turned
    ticker = QTimer(interval=0)
    ticker.timeout.connect(lambda: seen.append(view.marks.chunks))
    ticker.start()
    view.set_labels(labels)
    assert view.marks.busy, "only the part in view is marked before the loop turns"
    qtbot.waitUntil(lambda: not view.marks.busy)
    ticker.stop()
    assert view.marks.chunks >= 10
    assert len(set(seen)) >= 10, "the loop turned between the chunks"
    assert char_looks(view.document()) == one_shot_looks(view)


def test_a_new_pass_replaces_an_unfinished_one(long_view, qtbot, monkeypatch):
    view, doc = long_view
    monkeypatch.setattr(marks_module, "CHUNK_CHARACTERS", 4000)
    view.set_labels(["shared"] * len(doc.segments))
    qtbot.wait(1)
    assert view.marks.busy
    final = [CLASSES[i % 3] for i in range(len(doc.segments))]
    view.set_labels(final)
    view.set_visible_classes({"shared", "unique"})
    qtbot.waitUntil(lambda: not view.marks.busy)
    looks = char_looks(view.document())
    assert looks == one_shot_looks(view)
    tint = view.theme.tint["paraphrased"].lower()
    assert not any(look and look[0] == tint for look in looks), "hidden class left marked"


def test_every_mark_is_inside_one_passage(long_view):
    view, doc = long_view
    view.set_labels([CLASSES[i % 3] for i in range(len(doc.segments))])
    view.marks.finish()
    block = view.document().begin()
    spans = list(zip(view.q_starts, view.q_ends))
    while block.isValid():
        for r in block.layout().formats():
            s = block.position() + r.start
            e = s + r.length
            assert any(q0 <= s and e <= q1 for q0, q1 in spans), (s, e)
        block = block.next()


def test_text_scrolled_into_view_is_marked_before_the_pass_reaches_it(long_view, monkeypatch):
    view, doc = long_view
    monkeypatch.setattr(marks_module, "CHUNK_CHARACTERS", 4000)
    view.set_labels(["shared"] * len(doc.segments))
    assert view.marks.busy
    view.set_scroll_y(view.verticalScrollBar().maximum())      # the end: the pass's last chunk
    last = view.document().lastBlock().previous()
    while last.isValid() and not last.text().strip():
        last = last.previous()
    tint = view.theme.tint["shared"].lower()
    assert view.marks.busy
    assert any(_looks(r.format)[0] == tint for r in last.layout().formats())
