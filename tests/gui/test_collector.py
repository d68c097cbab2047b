"""The window's comparisons leave no cyclic garbage behind.

After each comparison the app freezes every object alive without a collection
(``runtime.collector_paused(settle=True)``), so that no later collection walks the report in the window's
thread. That loses nothing only while the window's handling of a comparison (the result shown,
the previous one's views replaced, a pair selected) makes no cycle that later becomes garbage:
a frozen cycle is never collected. These tests compare in the real window and then collect with
every object unfrozen: nothing may be found.
"""
from __future__ import annotations

import gc

import pytest


pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform, on a relayout


def _compare(window, qtbot, a, b) -> None:
    with qtbot.waitSignal(window.comparisonReady, timeout=30000):
        window.open_paths(str(a), str(b))
    qtbot.waitUntil(lambda: not any(view.marks.busy for view in window.views), timeout=30000)
    qtbot.wait(50)


def test_comparing_again_in_the_window_leaves_no_cycle(window, qtbot, seeds):
    """Three comparisons one after another (the second and third replace the views of the one
    before), a pair selected in each: the objects frozen by each settling that became garbage
    since are all freed by reference counting."""
    first = seeds / "bbc-witkoff-putin-talks.txt"
    _compare(window, qtbot, first, seeds / "translated-witkoff-putin-talks.txt")
    gc.unfreeze()
    gc.collect()                  # (what the window made before the first settling: not this test's)
    flags = gc.get_debug()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        gc.freeze()
        for second in ("ru-witkoff-putin-talks.txt", "translated-witkoff-putin-talks.txt"):
            _compare(window, qtbot, first, seeds / second)
            assert window.report.links
            window.session.select_link(0, side=0)
            qtbot.wait(50)
        gc.unfreeze()
        gc.collect()
        found = [type(o).__qualname__ for o in gc.garbage]
        assert found == [], found[:30]
    finally:
        gc.set_debug(flags)
        gc.garbage.clear()
        gc.unfreeze()
