"""Nothing the user did is lost: the review (corrections, verdicts, notes) is in the library as it
is made and follows the comparison through swaps, new thresholds, reopening and re-comparison."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from synopsis.core.model import link_key
from synopsis.library import Library

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def lib_path(tmp_path, monkeypatch):
    path = tmp_path / "lib" / "library.db"
    monkeypatch.setenv("SYNOPSIS_LIBRARY", str(path))
    return path


def _stored(lib_path, cid):
    with Library.open(lib_path) as lib:
        return lib.verdicts(cid), lib.corrections(cid)


def _uniques(report, side):
    doc = report.documents[side]
    return [i for i in report.unique_segments(side) if not doc.segments[i].is_debris]


def _index(report, a, b):
    return next(i for i, l in enumerate(report.links) if (sorted(l.a), sorted(l.b)) == (sorted(a), sorted(b)))


def _fact_pairs(report):
    return [i for i, l in enumerate(report.links) if any(f.severity >= 2 for f in l.facts)]


def test_a_note_is_saved_keystroke_by_keystroke_and_gets_no_verdict(compared, lib_path, qtbot):
    s = compared.session
    s.select_link(_fact_pairs(compared.report)[0])
    key = link_key(s.selection.a, s.selection.b)
    compared.act_note.trigger()                      # Ctrl+Shift+N: to the note field
    QTest.keyClicks(compared.verdict.note, "Quote cut")
    cid = compared.library_ctl.keeper.comparison_id
    verdicts, _ = _stored(lib_path, cid)
    assert verdicts[key]["note"] == "Quote cut"      # written while the focus is still in the field
    assert verdicts[key]["verdict"] == ""            # a note sets no verdict by itself
    assert s.review_of(s.current_pair()).verdict == "" and compared.verdict.verdict() == ""


def test_a_note_is_committed_when_f8_moves_on(compared, lib_path, qtbot):
    s = compared.session
    pairs = _fact_pairs(compared.report)
    s.select_link(pairs[0], side=0)
    first = compared.report.links[pairs[0]]
    compared.verdict.note.setFocus()
    QTest.keyClicks(compared.verdict.note, "check the figure  ")
    QTest.keyClick(compared, Qt.Key.Key_F8)          # the note field still has the focus
    assert s.selection.link != pairs[0]
    assert compared.verdict.note.text() == ""        # the next pair's (empty) note is shown
    key = link_key(first.a, first.b)
    assert s.reviews[key].note == "check the figure"  # committed, trimmed, on the pair it was typed for
    verdicts, _ = _stored(lib_path, compared.library_ctl.keeper.comparison_id)
    assert verdicts[key]["note"] == "check the figure" and verdicts[key]["verdict"] == ""
    # clicking another row does not invent a verdict either
    s.select_link(pairs[0])
    assert compared.verdict.verdict() == "" and compared.verdict.note.text() == "check the figure"


def test_verdict_shortcuts_and_column(compared, lib_path):
    s = compared.session
    s.select_link(2)
    compared.verdict_actions[2].trigger()            # Alt+3: misleading
    assert "Alt+3" in compared.verdict_actions[2].shortcut().toString()
    link = compared.report.links[2]
    assert s.review_of(link).verdict == "misleading"
    from synopsis.gui.models import COLUMNS

    model = compared.pairs.model
    assert model.data(model.index(2, COLUMNS.index("verdict"))) == "misleading"
    compared.act_clear_verdict.trigger()
    assert s.review_of(link).verdict == "" and model.data(model.index(2, COLUMNS.index("verdict"))) == ""


def test_swap_keeps_the_review_mirrored(compared, lib_path, qtbot):
    s, report = compared.session, compared.report
    s.select_link(0)
    judged = report.links[0]
    compared.verdict.set_verdict("altered", "numbers differ")
    victim = report.links[1]
    s.select_link(1)
    compared.act_unlink.trigger()
    ua, ub = _uniques(compared.report, 0), _uniques(compared.report, 1)
    s.select_segment(0, ua[0])
    s.select_segment(1, ub[0])
    compared.act_link.trigger()
    with qtbot.waitSignal(compared.comparisonReady, timeout=20000):
        compared.act_swap.trigger()
    swapped = compared.report
    assert swapped.documents[0].text == report.documents[1].text
    i = _index(swapped, judged.b, judged.a)
    assert s.review_of(swapped.links[i]).verdict == "altered"
    assert s.review_of(swapped.links[i]).note == "numbers differ"
    manual = swapped.links[_index(swapped, [ub[0]], [ua[0]])]
    assert manual.origin == "manual"
    assert all((sorted(l.a), sorted(l.b)) != (sorted(victim.b), sorted(victim.a)) for l in swapped.links)
    # the swapped review is in the library too, and swapping back finds it again
    s.select_link(i)
    compared.verdict.set_verdict("accurate")
    with qtbot.waitSignal(compared.comparisonReady, timeout=20000):
        compared.act_swap.trigger()
    back = compared.report
    assert s.review_of(back.links[_index(back, judged.a, judged.b)]).verdict == "accurate"
    assert back.links[_index(back, [ua[0]], [ub[0]])].origin == "manual"
    # what was done while swapped is in the library with the comparison the way round it is now
    cid = compared.library_ctl.keeper.comparison_id
    verdicts, _ = _stored(lib_path, cid)
    assert verdicts[link_key(judged.a, judged.b)]["verdict"] == "accurate"
    with Library.open(lib_path) as lib:
        stored = lib.get_comparison(cid)
    assert {(tuple(l.a), tuple(l.b)) for l in stored.links} == {(tuple(l.a), tuple(l.b)) for l in back.links}


def test_a_swap_with_the_library_unwritable_asks_before_leaving(compared, lib_path, qtbot, questions, errors):
    lib_path.parent.mkdir(parents=True)
    lib_path.write_bytes(b"not a library" * 10)
    s = compared.session
    s.select_link(0)
    judged = compared.report.links[0]
    compared.verdict.set_verdict("altered")
    with qtbot.waitSignal(compared.comparisonReady, timeout=20000):
        compared.act_swap.trigger()
    assert s.review_of(compared.report.links[_index(compared.report, judged.b, judged.a)]).verdict == "altered"
    questions.answer = "cancel"
    assert not compared.close()          # still only in memory: asked, and kept
    assert [q[0] for q in questions] == ["ask"]
    questions.answer = "discard"
    assert compared.close()


def test_a_failed_source_leaves_no_stale_one_behind(compared, qtbot, tmp_path, seed_pair):
    shown = list(compared.session.specs)
    with qtbot.waitSignal(compared.loadFailed, timeout=20000):
        compared.open_paths(tmp_path / "gone.txt", seed_pair[1])
    assert compared.session.specs == shown and compared.report.documents[0].source == str(seed_pair[0])
    with qtbot.waitSignal(compared.comparisonReady, timeout=20000):
        compared.session.set_source(1, ("path", str(seed_pair[0])))
    assert compared.report.documents[0].source == str(seed_pair[0])    # not the missing file


def test_save_as_default_and_reset(compared, qtbot):
    s = compared.session
    with qtbot.waitSignal(s.reportChanged, timeout=10000):
        compared.thresholds.words_box.setValue(4)
    compared.thresholds.default_button.click()
    assert compared.store.engine_defaults().shared_max_changed_words == 4
    with qtbot.waitSignal(s.reportChanged, timeout=10000):
        compared.thresholds.words_box.setValue(1)
    with qtbot.waitSignal(s.reportChanged, timeout=10000):
        compared.thresholds.reset_button.click()
    assert s.settings.shared_max_changed_words == 4 and compared.thresholds.words_box.value() == 4


def test_new_thresholds_keep_the_review_and_undo(compared, lib_path, qtbot):
    s = compared.session
    ua, ub = _uniques(compared.report, 0), _uniques(compared.report, 1)
    s.select_segment(0, ua[0])
    s.select_segment(1, ub[0])
    compared.act_link.trigger()
    compared.verdict.set_verdict("unverified", "linked by hand")
    judged = compared.report.links[_fact_pairs(compared.report)[0]]
    s.select_link(_index(compared.report, judged.a, judged.b))
    compared.verdict.set_verdict("accurate")
    with qtbot.waitSignal(s.reportChanged, timeout=10000):
        compared.thresholds.shared_box.setValue(0.5)
    manual = compared.report.links[_index(compared.report, [ua[0]], [ub[0]])]
    assert manual.origin == "manual" and s.review_of(manual).note == "linked by hand"
    assert s.review_of(compared.report.links[_index(compared.report, judged.a, judged.b)]).verdict == "accurate"
    assert s.selection.link == _index(compared.report, judged.a, judged.b)   # still selected
    s.undo.undo()      # undoing the link made before the thresholds moved still removes it
    assert all(l.a != [ua[0]] for l in compared.report.links)
    s.undo.redo()
    assert compared.report.links[_index(compared.report, [ua[0]], [ub[0]])].origin == "manual"
    # the thresholds belong to this comparison, stored with it
    with Library.open(lib_path) as lib:
        stored = lib.comparison_info(compared.library_ctl.keeper.comparison_id)["settings"]
    assert stored["shared_threshold"] == 0.5
    assert compared.store.engine_defaults().shared_threshold != 0.5       # not the default


def test_reopening_the_same_files_shows_the_review(compared, lib_path, qtbot, seed_pair):
    s = compared.session
    s.select_link(3)
    key = link_key(compared.report.links[3].a, compared.report.links[3].b)
    compared.verdict.set_verdict("misleading", "see the quote")
    with qtbot.waitSignal(s.reportChanged, timeout=10000):
        compared.thresholds.para_box.setValue(0.4)
    compared.close()
    from synopsis.gui.mainwindow import MainWindow

    again = MainWindow()
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.comparisonReady, timeout=20000):
        again.open_paths(*seed_pair)
    if again.session.relabeller.busy or again.session._relabel_timer.isActive():
        with qtbot.waitSignal(again.session.relabeller.busyChanged, timeout=10000):
            pass
    assert again.session.reviews[key].verdict == "misleading"
    assert again.session.settings.paraphrase_threshold == 0.4       # its thresholds came back
    assert again.thresholds.para_box.value() == 0.4
    assert again.library_ctl.keeper.comparison_id == compared.library_ctl.keeper.comparison_id
    again.session.shutdown()


def test_another_cut_lists_what_could_not_be_carried_over(compared, lib_path, qtbot, questions):
    s, report = compared.session, compared.report
    segments = report.documents[0].segments
    # a pair whose passage in A is one sentence of a longer paragraph: cut by paragraphs, it is gone
    index = next(i for i, l in enumerate(report.links)
                 if sum(1 for seg in segments if seg.paragraph == segments[l.a[0]].paragraph) > 1)
    s.select_link(index)
    compared.verdict.set_verdict("accurate", "fine")
    with qtbot.waitSignal(compared.comparisonReady, timeout=20000):
        s.set_granularity("paragraph")
    info = [q for q in questions if q[0] == "info"]
    assert len(info) == 1 and "could not be carried over" in info[0][2]
    assert "verdict “accurate”" in info[0][3] and "fine" in info[0][3]
    assert s.settings.granularity == "paragraph"


def test_leaving_unsaved_work_asks_first(compared, lib_path, qtbot, questions, errors, seed_pair):
    lib_path.parent.mkdir(parents=True)
    lib_path.write_bytes(b"not a library" * 10)
    s = compared.session
    s.select_link(0)
    compared.verdict.set_verdict("altered")
    shown = compared.report
    questions.answer = "cancel"
    assert not compared.open_paths(*reversed(seed_pair))       # asked, and the user stayed
    assert compared.report is shown and s.reviews
    assert [q[0] for q in questions] == ["ask"]
    questions.answer = "discard"
    with qtbot.waitSignal(compared.comparisonReady, timeout=20000):
        assert compared.open_paths(*reversed(seed_pair))


def test_a_read_only_library_shows_the_review_and_keeps_new_work_in_memory(compared, lib_path, qtbot,
                                                                           questions, errors, seed_pair,
                                                                           monkeypatch):
    s = compared.session
    s.select_link(1)
    key = link_key(compared.report.links[1].a, compared.report.links[1].b)
    compared.verdict.set_verdict("accurate", "checked")
    assert compared.close()                      # everything is in the library: nothing to ask
    cid = compared.library_ctl.keeper.comparison_id
    stored = _stored(lib_path, cid)
    # a library that can only be read (a read-only file or folder; tests run as root, so forced)
    opened = Library.open.__func__
    monkeypatch.setattr(Library, "open", classmethod(lambda cls, path, **kw: opened(cls, path, readonly=True)))
    from synopsis.gui.mainwindow import MainWindow

    again = MainWindow()
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.comparisonReady, timeout=20000):
        again.open_paths(*seed_pair)
    assert again.session.reviews[key].verdict == "accurate" and not errors   # read, without a word
    again.session.select_link(2)
    again.verdict.set_verdict("misleading")
    assert len(errors) == 1 and "\n" not in errors[0][1] and "read-only" in errors[0][1]
    assert again.session.review_of(again.report.links[2]).verdict == "misleading"   # kept in memory
    questions.answer = "cancel"
    assert not again.close()                     # asked before the work could be lost
    assert [q[0] for q in questions] == ["ask"]
    assert _stored(lib_path, cid) == stored      # nothing was written to the library
    questions.answer = "discard"
    assert again.close()
    again.session.shutdown()
