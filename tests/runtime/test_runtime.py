"""What the command line and the app choose for their process: the collector paused during a
comparison, and the fact worker passed to the engine."""
from __future__ import annotations

import sys

import pytest

from synopsis.core import Cancelled
from synopsis import runtime
from synopsis.runtime import collector_paused, compare


def test_the_collector_is_paused_during_a_comparison_and_restored_after():
    import gc

    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():             # a comparison inside another (a collection)
            assert not gc.isenabled()
        assert not gc.isenabled()            # the outer one still runs
    assert gc.isenabled()
    gc.disable()                             # a caller that turned it off keeps it off
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_comes_back_when_a_comparison_fails():
    import gc

    from synopsis.core.ingest import load_text_bytes

    a, b = load_text_bytes(b"One. Two.", "a.txt"), load_text_bytes(b"One. Two.", "b.txt")
    with pytest.raises(Cancelled):
        compare(a, b, cancel=lambda: True)
    assert gc.isenabled()


def test_a_runtime_comparison_pauses_the_collector_while_it_runs(seed_pair):
    import gc

    from synopsis.core import load

    seen = []
    report = compare(load(seed_pair[0]), load(seed_pair[1]), progress=lambda s, f: seen.append(gc.isenabled()))
    assert seen and not any(seen) and gc.isenabled()
    assert report.links


def _cycle() -> object:
    class Node:
        pass

    node = Node()
    node.me = node
    return node


def test_the_collector_is_settled_around_a_comparison(seed_pair):
    """Before a comparison the app collects the cycles made since the last one; a settled
    comparison freezes what is alive when it ends, before the collector comes back (so no later
    collection walks the report); a comparison that fails or is cancelled freezes nothing; no
    collection runs while a comparison still runs."""
    import gc
    import weakref

    from synopsis.core import load

    try:
        gc.unfreeze()
        garbage = weakref.ref(_cycle())
        assert runtime.collect_before_comparing()
        assert garbage() is None                       # the cycle made before is collected
        with pytest.raises(Cancelled):
            compare(load(seed_pair[0]), load(seed_pair[1]), settle=True, cancel=lambda: True)
        assert gc.get_freeze_count() == 0 and gc.isenabled()
        report = compare(load(seed_pair[0]), load(seed_pair[1]), settle=True)
        assert gc.get_freeze_count() > 0 and gc.is_tracked(report.links) and gc.isenabled()
        assert gc.get_count()[0] < 100                  # (no young objects left for a collection to walk)
        with collector_paused():                       # a comparison runs: not now
            assert not runtime.collect_before_comparing()
        assert report.links
    finally:
        gc.unfreeze()


@pytest.mark.parametrize("pair", ["seed", "translation", "related"])
def test_a_comparison_leaves_no_cyclic_garbage(seeds, pair):
    """A settled comparison's objects are frozen without a collection, which loses
    nothing only while a comparison makes no cyclic garbage: every object it leaves is freed by
    reference counting once its report is dropped (same language, a translation, related
    articles; the fact worker and the model's thread as the app runs them)."""
    import gc

    from synopsis.core import load

    second = {"seed": "translated-witkoff-putin-talks.txt", "translation": "ru-witkoff-putin-talks.txt",
              "related": "geneva-round.txt"}[pair]
    compare(load(seeds / "bbc-witkoff-putin-talks.txt"), load(seeds / second))   # (modules, caches, threads)
    gc.collect()
    flags = gc.get_debug()
    gc.set_debug(gc.DEBUG_SAVEALL)          # (what is unreachable is kept in gc.garbage, not freed)
    try:
        report = compare(load(seeds / "bbc-witkoff-putin-talks.txt"), load(seeds / second))
        assert report.documents[1].segments
        del report
        gc.collect()
        assert [type(o).__name__ for o in gc.garbage][:20] == []
    finally:
        gc.set_debug(flags)
        gc.garbage.clear()


def test_blas_is_held_to_one_thread_only_while_held():
    """In a process of its own: the BLAS libraries other tests' imports load into a shared
    worker (and the limits they set) are not this test's business."""
    import subprocess
    import sys

    code = """
import numpy
from threadpoolctl import threadpool_info
from synopsis import runtime

def blas_threads():
    return [entry["num_threads"] for entry in threadpool_info() if entry["user_api"] == "blas"]

before = blas_threads()
assert before, "numpy has no BLAS threadpoolctl can see"
with runtime.blas_single_threaded():
    with runtime.blas_single_threaded():
        assert set(blas_threads()) == {1}, blas_threads()
    assert set(blas_threads()) == {1}, blas_threads()
assert blas_threads() == before, (before, blas_threads())
print("ok", before)
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            env={**__import__("os").environ, "OPENBLAS_NUM_THREADS": "2"})
    assert result.returncode == 0 and result.stdout.startswith("ok"), result.stderr


_WARM = r"""
import json, sys, threading, time
from synopsis.core import Settings
from synopsis.core.semantic import encoders, models
from synopsis.runtime import warm_model
off = warm_model(Settings(meaning=False))
thread = warm_model(Settings())
started = [t.name for t in threading.enumerate()]
thread.join(120)
again = warm_model(Settings())
print(json.dumps({"off": off is None, "name": thread.name, "alive": thread.name in started,
                  "loaded": encoders.is_loaded(models.DEFAULT), "again": again is None}))
"""


def test_the_model_loads_in_a_thread_of_its_own_once_and_not_with_the_meaning_layer_off():
    import json
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", _WARM], capture_output=True, text=True, timeout=180, check=True)
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got == {"off": True, "name": "synopsis-model-load", "alive": True, "loaded": True, "again": True}


def test_a_runtime_comparison_with_the_meaning_layer_gives_the_engines_report(seed_pair):
    from synopsis.core import Settings, compare as engine_compare, load

    a, b = (load(p) for p in seed_pair[:2])
    ours, theirs = compare(a, b, Settings()), engine_compare(a, b, Settings())
    assert [(l.a, l.b, l.label, l.score, l.facts) for l in ours.links] == \
        [(l.a, l.b, l.label, l.score, l.facts) for l in theirs.links]
    assert ours.comparison == theirs.comparison


def test_the_command_line_and_the_app_keep_the_decoded_model_in_one_cache_folder(monkeypatch, tmp_path):
    from synopsis.gui.app import model_cache_folder as app_folder
    from synopsis.runtime import model_cache_folder

    monkeypatch.setenv("SYNOPSIS_CACHE_DIR", str(tmp_path / "chosen"))
    assert model_cache_folder() == app_folder() == tmp_path / "chosen" / "models"
    monkeypatch.delenv("SYNOPSIS_CACHE_DIR")
    if sys.platform.startswith("linux"):
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
        assert model_cache_folder() == tmp_path / "xdg" / "Synopsis" / "Synopsis" / "models"
    assert model_cache_folder() == app_folder()


_CACHED = """
import json, sys
from synopsis.core import Settings, load
from synopsis.core.semantic import encoders, models
from synopsis.runtime import compare
report = compare(load(sys.argv[1]), load(sys.argv[2]), Settings())
encoder = encoders.load(models.DEFAULT)
print(json.dumps({"mapped": encoder._use is None, "links": len(report.links)}))
"""


def test_a_runtime_comparison_starts_the_model_from_the_decoded_copy_once_written(seed_pair, tmp_path):
    """The first run decodes the model and writes the copy; the next process reads only the copy."""
    import json
    import os
    import subprocess

    env = dict(os.environ, SYNOPSIS_CACHE_DIR=str(tmp_path))
    runs = [json.loads(subprocess.run([sys.executable, "-c", _CACHED, *map(str, seed_pair[:2])], env=env,
                                      capture_output=True, text=True, timeout=180, check=True).stdout)
            for _ in range(2)]
    assert (tmp_path / "models").is_dir() and any((tmp_path / "models").iterdir())
    assert runs[1]["mapped"] and runs[0]["links"] == runs[1]["links"] > 0
