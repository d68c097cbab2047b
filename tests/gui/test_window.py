"""The real window driven with pytest-qt: open, compare, click, navigate, filter, correct."""
from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _counts(report, side):
    doc = report.documents[side]
    return Counter(l for l, s in zip(report.label_of_segments(side), doc.segments) if not s.is_debris)


def test_empty_window_offers_ways_in(window):
    for pane in window.panes:
        assert pane.open_button.isVisible() and pane.paste_button.isVisible() and pane.url.isVisible()
        assert "Drop" in pane.text.placeholderText()
    assert not window.act_link.isEnabled()


def test_counts_match_the_report(compared):
    report = compared.report
    assert report is not None and report.links
    for side in (0, 1):
        shown = compared.counts(side)
        expected = _counts(report, side)
        assert shown == {k: expected.get(k, 0) for k in ("shared", "paraphrased", "unique")}
        assert compared.panes[side].summary.summary == report.summary(side)
    assert compared.pairs.model.rowCount() == len(report.links)


def test_click_selects_counterpart(compared, qtbot):
    report = compared.report
    link_index = next(i for i, l in enumerate(report.links) if l.label == "paraphrased")
    link = report.links[link_index]
    view = compared.views[0]
    view.ensure_segment_visible(link.a[0])
    rect = view.segment_rect(link.a[0])
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     rect.center())
    assert compared.session.selection.link == link_index
    assert list(compared.session.selection.b) == list(link.b)
    sel = compared.views[1].extraSelections()
    assert [s.cursor.selectionStart() for s in sel] == [compared.views[1].q_starts[i] for i in link.b]
    # the counterpart was scrolled into view
    top, bottom = compared.views[1].segment_extents()[link.b[0]]
    y = compared.views[1].scroll_y()
    assert y <= top and bottom <= y + compared.views[1].view_height() + 1
    assert "score" in compared.detail.toPlainText()


def test_detail_lists_the_changed_facts_before_the_passages(compared):
    report = compared.report
    index = next(i for i, l in enumerate(report.links) if any(f.severity >= 2 for f in l.facts))
    compared.session.select_link(index)
    shown = compared.detail.toPlainText()
    link = report.links[index]
    assert "Changed facts" in shown
    assert shown.index("Changed facts") < shown.index("\nA ")
    for fact in link.facts:
        assert fact.note in shown
    assert ("alarm" if max(f.severity for f in link.facts) == 3 else "check") in shown
    # each fact's words are marked in the passage text below the table
    doc = compared.detail.document()
    blocks = {}
    block = doc.begin()
    while block.isValid():
        if block.text()[:2] in ("A ", "B "):
            blocks[block.text()[0]] = block
        block = block.next()
    for fact in link.facts:
        side, span, text = ("A", fact.a, report.documents[0].text) if fact.a is not None else \
            ("B", fact.b, report.documents[1].text)
        block = blocks[side]
        cursor = QTextCursor(doc)
        cursor.setPosition(block.position() + block.text().index(span.slice(text)) + 1)
        assert cursor.charFormat().background().color().name() == compared.detail.theme.fact.lower()
    # (and words that are no fact are not)
    cursor = QTextCursor(doc)
    cursor.setPosition(blocks["A"].position() + 1)
    assert cursor.charFormat().background().color().name() != compared.detail.theme.fact.lower()


def test_next_and_previous_changed_fact_with_the_keyboard(compared, qtbot):
    report = compared.report
    view = compared.views[0]
    worth = sorted((view.starts[min(l.a)], i) for i, l in enumerate(report.links)
                   if l.a and any(f.severity >= 2 for f in l.facts))
    assert len(worth) >= 2
    compared.views[0].setFocus()
    compared.session.select_link(0, side=0)
    compared.session.clear_selection()
    QTest.keyClick(compared, Qt.Key.Key_F8)
    assert compared.session.selection.link == worth[0][1]
    assert "Changed facts" in compared.detail.toPlainText()
    QTest.keyClick(compared, Qt.Key.Key_F8)
    assert compared.session.selection.link == worth[1][1]
    QTest.keyClick(compared, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert compared.session.selection.link == worth[0][1]
    # past the last one F8 wraps around to the first and the status bar says so
    compared.session.select_link(worth[-1][1])
    compared.act_next_fact.trigger()
    assert compared.session.selection.link == worth[0][1]
    assert "Wrapped around to the first changed fact" in compared.statusBar().currentMessage()
    compared.act_prev_fact.trigger()
    assert compared.session.selection.link == worth[-1][1]
    assert "last changed fact" in compared.statusBar().currentMessage()


def test_next_and_previous_difference(compared):
    view = compared.views[0]
    compared.act_next.trigger()
    first = compared.session.selection.a[0]
    assert view.labels[first] in ("paraphrased", "unique")
    compared.act_next.trigger()
    second = compared.session.selection.a[0]
    assert view.starts[second] > view.starts[first]
    assert view.labels[second] != "shared"
    compared.act_prev.trigger()
    assert compared.session.selection.a[0] == first
    assert "F7" in compared.act_next.toolTip()


def test_filters_hide_a_class(compared):
    compared.legend.boxes["shared"].setChecked(False)
    assert "shared" not in compared.views[0].visible_classes
    shared_seg = compared.views[0].labels.index("shared")
    assert compared.views[0].format_for(shared_seg) is None
    assert all(compared.report.links[i].label != "shared" for i, _ in compared.linkmap.shapes())
    rows = compared.pairs.proxy.rowCount()
    assert rows == sum(1 for l in compared.report.links if l.label != "shared")
    compared.legend.boxes["shared"].setChecked(True)
    assert compared.pairs.proxy.rowCount() == len(compared.report.links)


def _settle(window, qtbot, change):
    """Make a threshold change and wait for the links decided in the background."""
    with qtbot.waitSignal(window.session.reportChanged, timeout=10000):
        change()


def test_threshold_changes_classes_without_realigning(compared, qtbot):
    before = Counter(l.label for l in compared.report.links)
    candidates = list(compared.report.candidates)
    from synopsis.core.classify import changed_words

    bar = compared.thresholds

    def both():
        bar.shared_box.setValue(0.0)
        bar.words_box.setValue(5)

    _settle(compared, qtbot, both)
    after = Counter(l.label for l in compared.report.links)
    assert after["shared"] > before["shared"] and sum(after.values()) == sum(before.values())
    assert compared.session.settings.shared_max_changed_words == 5
    # with no similarity bar left, a pair is shared exactly when few of its words changed
    texts = compared.docs[0].text, compared.docs[1].text
    for link in compared.report.links:
        few = changed_words(link, *texts) <= compared.session.settings.shared_max_changed_words
        assert (link.label == "shared") == few
    assert compared.counts(0)["paraphrased"] == sum(1 for l in compared.report.links if l.label == "paraphrased") > 0
    _settle(compared, qtbot, lambda: bar.para_box.setValue(1.0))
    assert len(compared.report.links) == sum(1 for c in candidates if c.score >= 1.0)
    assert [(c.a, c.b) for c in compared.report.candidates] == [(c.a, c.b) for c in candidates]


def test_drop_a_file(window, qtbot, seed_pair):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(seed_pair[0]))])
    view = window.views[0]
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.comparisonReady, timeout=20000):
        view.dropEvent(event)
    assert window.docs[0] is not None and window.report is None
    assert window.views[0].toPlainText().startswith(window.docs[0].text[:20])
    with qtbot.waitSignal(window.comparisonReady, timeout=20000):
        window.set_source(1, ("path", str(seed_pair[1])))
    assert window.report is not None


def test_paste_text_as_a_source(window, qtbot):
    QApplication.clipboard().setText("A pasted article. It has two sentences.")
    with qtbot.waitSignal(window.comparisonReady, timeout=20000):
        window.act_paste.trigger()
    assert window.docs[0].source == "clipboard"
    assert window.docs[0].text.strip() == "A pasted article. It has two sentences."
    assert window.views[0].toPlainText() == window.docs[0].text


def test_link_unlink_and_undo(compared, qtbot):
    report = compared.report
    ua, ub = report.unique_segments(0), report.unique_segments(1)
    ua = [i for i in ua if not report.documents[0].segments[i].is_debris]
    ub = [i for i in ub if not report.documents[1].segments[i].is_debris]
    compared.session.select_segment(0, ua[0])
    compared.session.select_segment(1, ub[0])
    assert compared.act_link.isEnabled()
    n = len(report.links)
    compared.act_link.trigger()
    manual = [l for l in compared.report.links if l.origin == "manual"]
    assert len(compared.report.links) == n + 1 and manual[0].a == (ua[0],) and manual[0].b == (ub[0],)
    assert manual[0].edits, "a hand-made link still gets its word-level diff"
    assert compared.views[0].labels[ua[0]] == "paraphrased"
    _settle(compared, qtbot, lambda: compared.thresholds.shared_box.setValue(0.5))  # a relabel keeps it
    assert any(l.origin == "manual" for l in compared.report.links)
    compared.session.undo.undo()
    assert not any(l.origin == "manual" for l in compared.report.links)
    # unlink an automatic pair, then undo
    victim = compared.report.links[0]
    compared.session.select_link(0)
    shown = compared.detail.toPlainText()
    compared.act_unlink.trigger()
    assert all(l.a != victim.a for l in compared.report.links)
    assert compared.views[0].labels[victim.a[0]] == "unique"
    # the detail panel no longer shows the pair that is gone
    assert compared.detail.toPlainText() != shown and "Click a passage" in compared.detail.toPlainText()
    compared.session.undo.undo()
    assert any(l.a == victim.a for l in compared.report.links)
    compared.session.undo.redo()
    assert all(l.a != victim.a for l in compared.report.links)


def test_bad_file_raises_the_error_dialog(window, qtbot, tmp_path, errors):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with qtbot.waitSignal(window.loadFailed, timeout=20000):
        window.open_paths(str(empty), str(empty))
    assert len(errors) == 1 and "empty.txt" in errors[0][1] and "empty" in errors[0][1]


def test_theme_zoom_and_settings_are_remembered(compared, temp_settings):
    from synopsis.gui.appearance import appearance

    compared.set_theme("dark")
    assert appearance().theme.name == "dark"
    seg = compared.views[0].labels.index("shared")
    assert compared.views[0].format_for(seg).background().color().name() == "#123e5c"
    size = compared.views[0].font().pointSizeF()
    compared.act_zoom_in.trigger()
    assert compared.views[0].font().pointSizeF() == size + 1
    compared.close()
    from synopsis.gui.settings import AppSettings

    store = AppSettings()
    assert store.get("theme") == "dark" and store.get("font_size") == size + 1
    assert store.geometry() is not None
    assert store.recent()[0][0].endswith("bbc-witkoff-putin-talks.txt")
    assert list(temp_settings.rglob("*.ini"))


def test_overview_pixmap_is_cached(compared, qtbot):
    strip = compared.overviews[0]
    strip.repaint()
    n = strip.renders
    compared.views[0].set_scroll_y(200)
    strip.repaint()
    assert strip.renders == n
    QTest.mouseClick(strip, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(5, strip.height() - 2))
    assert compared.views[0].scroll_y() > 200


def test_sync_scroll_keeps_passages_level(compared):
    a, b = compared.views
    compared.act_sync.setChecked(True)
    a.set_scroll_y(a.verticalScrollBar().maximum() // 2)
    y_b = b.scroll_y()
    assert y_b > 0
    compared.act_sync.setChecked(False)
    a.set_scroll_y(0)
    assert b.scroll_y() == y_b


def test_pairs_model_passes_the_model_tester(compared, qtmodeltester):
    qtmodeltester.check(compared.pairs.model)
    qtmodeltester.check(compared.pairs.proxy)


def test_table_row_selects_passages(compared):
    compared.pairs.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    compared.pairs.table.selectRow(0)
    link = compared.report.links[compared.session.selection.link]
    assert link.score == max(l.score for l in compared.report.links)
    assert list(compared.session.selection.a) == list(link.a)


def test_url_box_reports_a_bad_address(window, qtbot, errors):
    pane = window.panes[1]
    pane.url.setText("ftp://example.org/story")
    with qtbot.waitSignal(window.loadFailed, timeout=20000):
        QTest.keyClick(pane.url, Qt.Key.Key_Return)
    assert len(errors) == 1 and "ftp://example.org/story" in errors[0][1]


def test_progress_shows_while_working_and_cancel_stops_the_job(window, qtbot, seed_pair):
    window.open_paths(*seed_pair)
    assert window.progress.isVisibleTo(window) and window.progress.cancel_button.isVisibleTo(window)
    with qtbot.waitSignal(window.comparisonReady, timeout=20000):
        pass
    assert not window.progress.isVisibleTo(window)

    import threading

    from synopsis.core.errors import Cancelled
    from synopsis.gui.workers import Job

    release = threading.Event()

    def slow(progress, cancelled):
        progress("working", 0.5)
        while not cancelled():
            release.wait(0.01)
        raise Cancelled()

    job = Job(slow, window)
    with qtbot.waitSignal(job.progress, timeout=5000):
        job.start()
    with qtbot.waitSignal(job.cancelled, timeout=5000):
        job.cancel()


def test_a_jobs_many_small_steps_reach_the_window_as_fewer_ones(qtbot):
    """The engine reports a long document's work in hundreds of parts: the window gets each new
    stage, the last step, and a step for every half percent of the bar, not every one."""
    from synopsis.gui.workers import PROGRESS_STEP, Job

    def busy(progress, cancelled):
        for k in range(2001):
            progress("segment" if k < 200 else "align", k / 2000)
        return "done"

    seen: list[tuple[str, float]] = []
    job = Job(busy)
    job.progress.connect(lambda stage, f: seen.append((stage, f)))
    with qtbot.waitSignal(job.finished, timeout=5000):
        job.start()
    qtbot.waitUntil(lambda: seen and seen[-1][1] == 1.0, timeout=5000)
    assert seen[0] == ("segment", 0.0) and ("align", 0.1) in seen
    assert len(seen) <= 1 / PROGRESS_STEP + 3
    assert all(b - a >= PROGRESS_STEP - 1e-9 for (sa, a), (sb, b) in zip(seen, seen[1:]) if sa == sb and b < 1.0)


def test_swap_sides_and_preferences(compared, qtbot, monkeypatch, seed_pair):
    from synopsis.gui.dialogs import Dialogs

    with qtbot.waitSignal(compared.comparisonReady, timeout=20000):
        compared.act_swap.trigger()
    assert compared.report.documents[0].source == str(seed_pair[1])
    new = compared.session.settings.replace(granularity="paragraph", shared_threshold=0.9)
    monkeypatch.setattr(Dialogs, "preferences",
                        classmethod(lambda cls, parent, s, options, *lib: (new, {**options, "theme": "dark"})))
    with qtbot.waitSignal(compared.comparisonReady, timeout=20000):
        compared.act_prefs.trigger()
    assert compared.report.settings.granularity == "paragraph"
    # the thresholds in Preferences are the defaults of new comparisons, not this one's
    assert compared.store.engine_defaults().shared_threshold == 0.9
    assert compared.thresholds.shared_box.value() != 0.9
    from synopsis.gui.appearance import appearance

    assert appearance().theme.name == "dark"


def test_pane_offsets_survive_characters_outside_the_bmp(qtbot):
    from hypothesis import given, settings, strategies as st
    from PySide6.QtGui import QTextCursor

    from synopsis.core.config import Settings
    from synopsis.core.ingest import from_pasted_text
    from synopsis.core.pipeline import prepare
    from synopsis.gui.views.textpane import TextView

    view = TextView()
    qtbot.addWidget(view)
    words = st.sampled_from(["Kyiv", "😀", "talks", "𝔸bc", "ended.", "Putin", "ça", "中文."])

    @settings(max_examples=25, deadline=None)
    @given(st.lists(st.lists(words, min_size=1, max_size=8).map(" ".join), min_size=1, max_size=5))
    def check(sentences):
        doc = prepare(from_pasted_text(" ".join(sentences) + "\n"), Settings(language="en"))
        view.set_document(doc)
        for i, seg in enumerate(doc.segments):
            cursor = QTextCursor(view.document())
            cursor.setPosition(view.q_starts[i])
            cursor.setPosition(view.q_ends[i], QTextCursor.MoveMode.KeepAnchor)
            assert cursor.selectedText() == doc.text[seg.start:seg.end]
            assert view.segment_at_offset(view.umap.from_qt(view.q_starts[i])) == i

    check()


def test_pairs_table_shows_how_much_wording_is_shared(compared):
    from PySide6.QtCore import Qt

    from synopsis.gui.models import COLUMNS

    col = COLUMNS.index("wording")
    model = compared.pairs.model
    assert model.headerData(col, Qt.Orientation.Horizontal) == "Same words"
    assert "shared threshold" in model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    threshold = compared.session.settings.shared_threshold
    for row in range(model.rowCount()):
        link = model.link(row)
        shown = model.data(model.index(row, col))
        assert shown == f"{link.scores['chars']:.0%}"
        # the column (with the count of changed words) is what decides the class
        if link.origin == "auto":
            from synopsis.core.classify import changed_words

            few = changed_words(link, compared.docs[0].text, compared.docs[1].text) <= \
                compared.session.settings.shared_max_changed_words
            assert (link.scores["chars"] >= threshold and few) == (link.label == "shared")


def test_a_caption_glued_to_a_passage_is_shown_as_debris(compared):
    """"fake imagesPresident …": the caption is grey italic, the passage keeps its class."""
    view, doc = compared.views[1], compared.docs[1]
    glued = [s for s in doc.segments if not s.is_debris and s.core is not None and s.core.start > s.start]
    assert glued, "the translated seed has a caption glued to its first sentence"
    seg = glued[0]
    assert doc.text[seg.start:seg.core.start] == "fake images"
    block = view.document().findBlock(view.umap.to_qt(seg.start))
    from PySide6.QtGui import QTextCharFormat

    ranges = block.layout().formats()
    formats = {(r.start + block.position(), r.length): QTextCharFormat(r.format) for r in ranges}
    caption = formats[(view.umap.to_qt(seg.start), view.umap.to_qt(seg.core.start) - view.umap.to_qt(seg.start))]
    assert caption.fontItalic() and caption.foreground().color().name() == compared.views[1].theme.debris.lower()
    body = next(f for (start, _), f in formats.items() if start == view.umap.to_qt(seg.core.start))
    assert not body.fontItalic() and body.background().style() != 0


def test_new_labels_rehighlight_only_what_changed_and_look_the_same(compared):
    """After a change of a few classes the marks are exactly those of a full rehighlight."""
    view = compared.views[0]

    def marks():
        out = []
        block = view.document().begin()
        while block.isValid():
            out.append([(r.start, r.length, r.format.background().color().name(), r.format.underlineStyle().value)
                        for r in block.layout().formats()])
            block = block.next()
        return out

    labels = list(view.labels)
    changed = [i for i, l in enumerate(labels) if l == "paraphrased"][:3]
    for i in changed:
        labels[i] = "shared"
    view.set_labels(labels)
    incremental = marks()
    view.rehighlight()
    view.marks.finish()
    assert incremental == marks()
    shared_tint = view.theme.tint["shared"].lower()
    assert all(any(bg == shared_tint for _s, _l, bg, _u in block) for block in
               [incremental[view.document().findBlock(view.q_starts[i]).blockNumber()] for i in changed])


def test_pairs_are_listed_in_reading_order_until_sorted(compared):
    proxy = compared.pairs.proxy
    rows = [proxy.mapToSource(proxy.index(r, 0)).row() for r in range(proxy.rowCount())]
    assert rows == list(range(len(compared.report.links)))


def test_pairs_table_calls_a_translated_pair_by_its_verdict(qtbot, seed_pair):
    """In a translation comparison the Class column says faithful or changed in translation
    (every pair's word class would read "paraphrased")."""
    from synopsis.core.ingest import load
    from synopsis.core.pipeline import compare
    from synopsis.gui.models import COLUMNS, PairsModel

    russian = seed_pair[0].parent / "ru-witkoff-putin-talks.txt"
    report = compare(load(seed_pair[0]), load(russian))
    model = PairsModel()
    model.set_report(report)
    col = COLUMNS.index("class")
    shown = {model.data(model.index(row, col)) for row in range(model.rowCount())}
    assert shown == {"faithful translation", "changed in translation"}
