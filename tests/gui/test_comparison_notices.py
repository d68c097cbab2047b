"""How a comparison fell short (no sentence-embedding model, a language outside the model) is
said in the window where the eye goes — the status line and the detail panel — not only in a
tooltip: a translation compared without a model otherwise shows as all "unique", silently."""
from __future__ import annotations

import dataclasses

import pytest

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform, on a relayout

NOTICE = ("No sentence-embedding model is installed, so statements were matched by their words "
          "only. <b>Install</b> it.")


def test_a_comparisons_notices_are_shown_in_the_status_line_and_the_detail_panel(compared, qtbot):
    session = compared.session
    report = session.report
    assert report.comparison is not None and not report.comparison.notices
    assert "⚠" not in compared.status_label.text()
    assert "⚠" not in compared.detail.toPlainText()

    noticed = dataclasses.replace(report, comparison=report.comparison.with_notice(NOTICE))
    with qtbot.waitSignal(compared.comparisonReady, timeout=20000):
        session.open_report(noticed)
    assert "⚠ 1 notice(s) on how it was compared: see the detail panel" in compared.status_label.text()
    session.selection = type(session.selection)()
    compared.detail.refresh()
    shown = compared.detail.toPlainText()
    assert "⚠ " + NOTICE in shown                       # in full, and as text, not markup
    assert "Click a passage or a pair" in shown
