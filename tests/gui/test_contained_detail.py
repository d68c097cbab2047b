"""The detail panel of a unique passage says when its words are mostly inside a linked passage."""
from __future__ import annotations

from synopsis.core import compare, load
from synopsis.core.corrections import link, unlink
from synopsis.core.model import Document

WHOLE = ("Witkoff spent almost five hours with Russian President Vladimir Putin in Moscow on Tuesday in "
         "negotiations which the Kremlin said produced “no compromise” on ending the war in Ukraine.")
HALVES = ("Witkoff spent almost five hours with Russian President Vladimir Putin in Moscow on Tuesday. "
          "The Kremlin said the negotiations produced “no compromise” on ending the war in <b>Ukraine</b>.")


def _at(doc: Document, needle: str) -> int:
    at = doc.text.index(needle)
    return next(s.id for s in doc.segments if s.start <= at < s.end)


def test_unique_detail_names_the_linked_passage_holding_its_words(qtbot, seed_pair):
    from synopsis.gui.views.detail import DetailPanel

    bbc = load(seed_pair[0])
    edited = Document(text=bbc.text.replace(WHOLE, HALVES), title="edited", source="edited", sha256="")
    report = compare(bbc, edited)
    whole, first = _at(report.documents[0], WHOLE), _at(report.documents[1], HALVES)
    second = _at(report.documents[1], "The Kremlin said the negotiations")
    report = link(unlink(report, (whole,), (first, second)), (whole,), (first,))
    panel = DetailPanel()
    qtbot.addWidget(panel)
    panel.show_unique(report, 1, second)
    shown = panel.toPlainText()
    [note] = [c for c in report.contained if (c.doc, c.segment) == (1, second)]
    assert note.share >= 0.6 and f"{note.share:.0%} of its words are in A's passage {whole + 1}, which is linked" in shown
    assert "<b>Ukraine</b>" in shown                    # article text shown as text, not markup
    panel.show_unique(report, 0, _at(report.documents[0], "Meanwhile, French President"))
    assert "of its words are in" not in panel.toPlainText()
