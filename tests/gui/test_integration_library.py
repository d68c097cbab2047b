"""The library inside the app: save, corrections and verdicts as they are made, reopen, errors."""
from __future__ import annotations

import pytest
from synopsis.library import Library, link_key

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def lib_path(tmp_path, monkeypatch):
    path = tmp_path / "lib" / "library.db"
    monkeypatch.setenv("SYNOPSIS_LIBRARY", str(path))
    return path


def _keys(report):
    return {(link_key(l.a, l.b), l.label) for l in report.links}


def _clean_uniques(report, side):
    doc = report.documents[side]
    return [i for i in report.unique_segments(side) if not doc.segments[i].is_debris]


def test_review_is_kept_as_made_and_reopens(compared, lib_path, qtbot, errors):
    win, s = compared, compared.session
    report = win.report
    # the first verdict stores the comparison: no Save needed
    s.select_link(0)
    first = win.report.links[0]
    win.verdict.set_verdict("misleading", "quote cut short")
    cid = win.library_ctl.keeper.comparison_id
    assert cid is not None and lib_path.exists()
    win.act_save.trigger()              # Save says it is there already
    assert win.library_ctl.keeper.comparison_id == cid and "Already" in win.statusBar().currentMessage()
    # corrections are recorded as they are made
    victim = win.report.links[1]
    s.select_link(1)
    win.act_unlink.trigger()
    ua, ub = _clean_uniques(report, 0), _clean_uniques(report, 1)
    s.select_segment(0, ua[0])
    s.select_segment(1, ub[0])
    win.act_link.trigger()
    s.undo.undo()  # the undo is recorded as the inverse correction
    s.select_segment(0, ua[-1])
    s.select_segment(1, ub[-1])
    win.act_link.trigger()
    manual = next(l for l in win.report.links if l.origin == "manual")
    assert s.selection.link == win.report.links.index(manual)   # the new pair is selected
    win.verdict.set_verdict("altered", "")
    s.select_link(win.report.links.index(next(l for l in win.report.links if l.a == first.a)))
    assert win.verdict.verdict() == "misleading"
    expected = _keys(win.report)
    assert errors == []

    with Library.open(lib_path) as lib:
        stored = lib.get_comparison(cid)
        assert _keys(stored) == expected
        assert set(victim.a) <= stored.corrections.apart_a     # the unlinked pair stays apart
        assert [(tuple(l.a), tuple(l.b)) for l in stored.corrections.manual] == [(tuple(manual.a), tuple(manual.b))]
        verdicts = lib.verdicts(cid)
    assert verdicts[link_key(first.a, first.b)]["note"] == "quote cut short"
    assert verdicts[link_key(manual.a, manual.b)]["verdict"] == "altered"
    assert all(link_key(victim.a, victim.b) != k for k, _ in expected)

    # a second window opens it from the library panel
    from synopsis.gui.mainwindow import MainWindow

    other = MainWindow()
    qtbot.addWidget(other)
    other.show()
    other.act_library.trigger()
    assert other.library_ctl.dock.isVisible() and other.library_ctl.library is not None
    recent = other.library_ctl.panel.recent
    assert recent.topLevelItemCount() == 1
    with qtbot.waitSignal(other.comparisonReady, timeout=5000):
        other.library_ctl.panel.open_items([recent.topLevelItem(0)])
    assert other.library_ctl.keeper.comparison_id == cid
    assert _keys(other.report) == expected
    index = next(i for i, l in enumerate(other.report.links) if (l.a, l.b) == (manual.a, manual.b))
    other.session.select_link(index)
    assert other.verdict.isEnabled() and other.verdict.verdict() == "altered"
    assert other.report.links[index].origin == "manual"
    index = next(i for i, l in enumerate(other.report.links) if (l.a, l.b) == (first.a, first.b))
    other.session.select_link(index)
    assert other.verdict.verdict() == "misleading" and other.verdict.note.text() == "quote cut short"
    other.close()
    win.close()


def test_a_comparison_nobody_reviewed_writes_nothing(compared, lib_path):
    compared.session.select_link(0)
    compared.session.select_link(1)
    assert not lib_path.exists()


def test_corrupt_library_is_one_error_not_a_crash(compared, lib_path, errors, questions):
    lib_path.parent.mkdir(parents=True)
    lib_path.write_bytes(b"this is not a database" * 10)
    compared.session.select_link(0)
    compared.verdict.set_verdict("accurate", "checked")    # cannot be written: kept in memory
    compared.act_save.trigger()
    assert len(errors) == 2 and all(str(lib_path) in e[1] and "\n" not in e[1] for e in errors)
    assert compared.library_ctl.keeper.unsaved and compared.session.reviews
    assert lib_path.read_bytes().startswith(b"this is not")
    # leaving asks first; Cancel keeps the window open with the review
    questions.answer = "cancel"
    assert not compared.close() and compared.isVisible()
    assert [q[0] for q in questions] == ["ask"]
    questions.answer = "discard"
    assert compared.close()


def test_library_location_is_a_preference(compared, lib_path, tmp_path, monkeypatch, errors):
    from synopsis.gui.dialogs import Dialogs

    chosen = tmp_path / "elsewhere.db"
    monkeypatch.setattr(Dialogs, "preferences", classmethod(
        lambda cls, parent, s, options, default="": (s, {**options, "library_path": str(chosen)})))
    compared.act_prefs.trigger()
    assert compared.store.get("library_path") == str(chosen)
    compared.act_save.trigger()
    assert chosen.exists() and not lib_path.exists() and errors == []


def test_dock_is_a_view_menu_toggle_and_shortcuts_are_unique(window, lib_path):
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert window.act_library in view_menu.actions()
    assert not window.library_ctl.dock.isVisible() and not lib_path.exists()  # opened lazily
    window.act_library.trigger()
    assert window.library_ctl.dock.isVisible() and lib_path.exists()
    keys = [s.toString() for a in window.findChildren(type(window.act_library)) for s in a.shortcuts() if not s.isEmpty()]
    assert "Ctrl+S" in keys and "Ctrl+E" in keys
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)


def test_clearing_a_verdict_removes_it_and_documents_open_as_sources(compared, lib_path, qtbot, errors):
    compared.act_save.trigger()
    cid = compared.library_ctl.keeper.comparison_id
    compared.session.select_link(2)
    compared.verdict.set_verdict("accurate", "checked")
    assert compared.library_ctl.library.verdicts(cid)
    compared.verdict.set_verdict("", "")
    assert compared.library_ctl.library.verdicts(cid) == {}
    compared.verdict.set_verdict("altered", "")
    link_of = compared.report.link_of_segment(0)
    compared.session.select_segment(0, next(i for i in range(len(compared.report.documents[0].segments))
                                            if i not in link_of))
    assert not compared.verdict.isEnabled()  # a unique passage has no pair to judge
    # two stored documents opened from the panel are compared again: the same review goes on
    info = compared.library_ctl.library.comparison_info(cid)
    with qtbot.waitSignal(compared.comparisonReady, timeout=20000):
        compared.library_ctl.panel.documentsOpened.emit([info["doc_a"], info["doc_b"]])
    assert compared.library_ctl.keeper.comparison_id == cid
    assert [d.text for d in compared.report.documents] == [d.text for d in compared.docs]
    assert compared.report.documents[0].title and len(compared.report.links) > 0
    assert [r.verdict for r in compared.session.reviews.values()] == ["altered"]
    assert errors == []


def test_gui_command_shows_the_library_dock(tmp_path, seed_pair, lib_path):
    import os
    import subprocess
    import sys

    from PySide6.QtGui import QImage

    out = tmp_path / "dock.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SYNOPSIS_SETTINGS_DIR=str(tmp_path / "settings"))
    proc = subprocess.run([sys.executable, "-c", "from synopsis.cli import main; main()", "gui",
                           str(seed_pair[0]), str(seed_pair[1]), "--library", "--screenshot", str(out),
                           "--size", "900x600"], capture_output=True, text=True, env=env, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    assert lib_path.exists()  # the dock opened the library named by SYNOPSIS_LIBRARY
    assert (QImage(str(out)).width(), QImage(str(out)).height()) == (900, 600)


def test_recorded_changes_replay_to_the_same_links(seed_pair):
    """Whatever sequence of link/unlink/relabel the user makes, replaying the recorded changes
    on the links before gives the links after (what reopening from the library relies on)."""

    from hypothesis import given, settings, strategies as st

    from synopsis.core import compare, load
    from synopsis.gui import commands
    from synopsis.library import apply_corrections

    base = compare(load(seed_pair[0]), load(seed_pair[1]))
    ua, ub = _clean_uniques(base, 0), _clean_uniques(base, 1)
    step = st.tuples(st.sampled_from(["link", "unlink", "shared", "paraphrased"]),
                     st.integers(0, 10 ** 6), st.integers(0, 10 ** 6))

    @settings(max_examples=30, deadline=None)
    @given(st.lists(step, min_size=1, max_size=6))
    def check(steps):
        report = base
        before = list(report.links)
        for action, i, j in steps:
            if action == "link":
                a = [ua[i % len(ua)]] if i % 2 else [report.links[i % len(report.links)].a[0]]
                change = commands.link_passages(report, a, [ub[j % len(ub)]])
            elif not report.links:
                continue
            elif action == "unlink":
                change = commands.unlink(report, report.links[i % len(report.links)])
            else:
                change = commands.relabel_link(report, report.links[i % len(report.links)], action)
            report = change
        replay = apply_corrections(base, [{"action": k, "a": a, "b": b, "label": label}
                                          for k, a, b, label in commands.link_changes(before, report.links)])
        assert _keys(replay) == _keys(report)
        assert not commands.link_changes(report.links, replay.links) or all(
            k == "relabel" for k, *_ in commands.link_changes(report.links, replay.links))

    check()
