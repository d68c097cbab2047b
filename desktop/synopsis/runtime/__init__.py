"""What a program that runs comparisons chooses for its own process — never the engine itself.

``synopsis.core`` changes no process-wide state and starts no process, so it can be embedded
in a notebook, a GUI or a cluster worker as it is. The command line and the desktop app make
two choices for their process here:

* the fact layer of a large comparison runs in a worker process beside the word diffs
  (:data:`fact_worker.WORKER`, passed to ``compare`` as its fact executor), and the same
  process prepares the second document of a large pair while this one prepares the first
  (:data:`prepare_worker.PREPARER`, passed as its preparer);
* CPython's cyclic garbage collector is held off while a comparison builds its objects, and
  while the command line writes its report (:func:`collector_paused`);
* the desktop app collects the cyclic garbage made since its last comparison before it starts
  the next one (:func:`collect_before_comparing`), and once a comparison's result is made moves
  every object alive into the collector's permanent generation before the collector comes back
  (``compare(..., settle=True)``, :func:`collector_paused`);
* numpy's BLAS runs on one thread while a comparison runs (:func:`blas_single_threaded`): the
  sentence-embedding model's matrices are too small to gain from BLAS threads, which on a busy
  machine cost several times the work; the meaning layer runs its own threads instead;
* the sentence-embedding model is loaded in a thread of its own while the passages are
  segmented and compared by their words (:func:`warm_model`), so the meaning layer waits for
  what is left of the load, not for all of it; it starts from the decoded copy the app and the
  command line keep in the user's cache folder (:func:`model_cache_folder`).

:func:`compare` and :func:`compare_collection` are the engine's, run that way.
"""
from __future__ import annotations

import gc
import os
import sys
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

if TYPE_CHECKING:
    from ..core.collection import CollectionReport
    from ..core.model import Document, Report

__all__ = ["blas_single_threaded", "collect_before_comparing", "collector_paused", "compare", "compare_collection",
           "model_cache_folder", "warm_model"]

_pause_lock = threading.Lock()
_pause_depth = 0          # comparisons running now
_pause_owned = False      # whether the first of them turned the collector off (it was on)


@contextmanager
def collector_paused(settle: bool = False) -> Iterator[None]:
    """Hold CPython's cyclic garbage collector off while a comparison builds its objects.

    A comparison allocates hundreds of thousands of small objects that all stay alive until the
    report is done, so the collector's repeated passes over them find nothing to free yet cost
    a fifth or more of the time (see benchmarks/results/facts_history.md). Reference counting
    still frees garbage at once; only cycles wait for the next collection. Nested and
    concurrent comparisons share one pause: the collector comes back when the last one ends,
    and a collector the caller had turned off stays off.

    ``settle`` (for a long-running program such as the app): when the last pause ends without an
    error, every object alive is frozen (``gc.freeze``) before the collector comes back, without
    a collection. A long comparison leaves hundreds of thousands of objects alive (its report);
    left in the collector's generations, the first allocation after the pause would start a
    collection of the youngest generation, which then holds all of them (the interpreter, and
    the window's thread, held for most of a second after 20,000 sentences), and later full
    collections would walk them again. Frozen objects are never walked again and are still freed
    by reference counting when the report is dropped. A collection before freezing would cost
    the same walk and find nothing: a comparison and the window's handling of its result make no
    cyclic garbage (``tests/runtime/test_runtime.py`` and ``tests/gui/test_collector.py`` hold
    them to that), and the garbage made between comparisons is collected before the next one
    (:func:`collect_before_comparing`). What that gives up: a cycle frozen while alive that
    becomes garbage later stays until the program ends.
    """
    global _pause_depth, _pause_owned
    with _pause_lock:
        if _pause_depth == 0:
            _pause_owned = gc.isenabled()
            gc.disable()
        _pause_depth += 1
    ended = False
    try:
        yield
        ended = True
    finally:
        with _pause_lock:
            _pause_depth -= 1
            if _pause_depth == 0:
                if settle and ended:
                    gc.freeze()
                if _pause_owned:
                    gc.enable()


def collect_before_comparing() -> bool:
    """In a long-running program, before a comparison starts (on the thread that will run it):
    collect the cyclic garbage among the objects made since the last settled comparison (see
    :func:`collector_paused`; frozen objects are not walked, so this costs what the program made
    since, not all it holds). Returns False, doing nothing, while a comparison is still running."""
    with _pause_lock:
        if _pause_depth:
            return False
        gc.collect()
        return True


_blas_lock = threading.Lock()
_blas_depth = 0


@contextmanager
def blas_single_threaded() -> Iterator[None]:
    """Hold numpy's BLAS to one thread; nested and concurrent uses share one hold, and the
    caller's setting comes back when the last ends (without threadpoolctl, BLAS keeps its own)."""
    global _blas_depth, _blas_saved
    with _blas_lock:
        if _blas_depth == 0:
            _blas_saved = [(library, library.num_threads) for library in _blas_libraries()]
            for library, _threads in _blas_saved:
                library.set_num_threads(1)
        _blas_depth += 1
    try:
        yield
    finally:
        with _blas_lock:
            _blas_depth -= 1
            if _blas_depth == 0:
                for library, threads in _blas_saved:
                    library.set_num_threads(threads)
                _blas_saved = []


_blas_saved: list[tuple[Any, int]] = []     # (BLAS library, its thread count before the hold)
_blas_found: list[Any] | None = None


def _blas_libraries() -> list[Any]:
    """threadpoolctl's controllers of the BLAS libraries loaded (numpy's), looked for once: a
    ``threadpool_limits`` per comparison would make a new set of controllers each time, which
    hold one another in a cycle that only a collection frees (see :func:`collector_paused`)."""
    global _blas_found
    if _blas_found is None:
        try:
            import numpy  # noqa: F401  (its BLAS loaded before the libraries are looked for)
            from threadpoolctl import ThreadpoolController
        except ImportError:
            _blas_found = []
        else:
            _blas_found = [lib for lib in ThreadpoolController().lib_controllers if lib.user_api == "blas"]
    return _blas_found


def warm_model(settings: Any = None, cache: Any = None) -> threading.Thread | None:
    """Load the sentence-embedding model a comparison under ``settings`` will most likely need
    (the default one, or the one the settings prefer) in a thread of its own, and return the
    thread; None when the meaning layer is off or the model is loaded already. A comparison
    that needs the model meanwhile waits for this load (``encoders.load`` loads once, under a
    lock); one that needs another loads that one as before. ``cache``: the folder where the
    model may keep a decoded copy of itself (``core.semantic.model_cache``; the app's)."""
    from ..core import Settings
    from ..core.semantic import encoders, models

    settings = settings or Settings()
    if not settings.meaning:
        return None
    spec = models.choose((), prefer=settings.meaning_model).spec
    if spec is None or encoders.is_loaded(spec):
        return None

    def load() -> None:
        try:
            encoders.load(spec, cache=cache)
        except Exception:       # the comparison that needs it will say why, in its own words
            pass

    thread = threading.Thread(target=load, name="synopsis-model-load", daemon=True)
    thread.start()
    return thread


def model_cache_folder() -> Path | None:
    """Where the app and the command line keep the decoded sentence-embedding model
    (``core.semantic.model_cache``): ``$SYNOPSIS_CACHE_DIR/models``, else ``models`` in the
    system's cache folder for the app (the folder Qt names ``CacheLocation`` for it: on Linux
    ``$XDG_CACHE_HOME/Synopsis/Synopsis``). None when no such folder can be named."""
    chosen = os.environ.get("SYNOPSIS_CACHE_DIR")
    if chosen:
        return Path(chosen).expanduser() / "models"
    from .. import APP_NAME
    home = Path.home()
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        base = Path(local) / APP_NAME / APP_NAME / "cache" if local else None
    elif sys.platform == "darwin":
        base = home / "Library" / "Caches" / APP_NAME / APP_NAME
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        root = Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".cache"
        base = root / APP_NAME / APP_NAME
    return base / "models" if base is not None else None


def compare(doc_a: "Document", doc_b: "Document", settings: Any = None, *, settle: bool = False,
            **options: Any) -> "Report":
    """``synopsis.core.compare`` with the fact worker (which also prepares the second document
    of a large pair beside the first), the collector paused (``settle``: see
    :func:`collector_paused`), BLAS on one thread and the sentence-embedding model loading beside
    the first steps."""
    from ..core.pipeline import compare as engine_compare
    from .fact_worker import WORKER
    from .prepare_worker import PREPARER

    options.setdefault("facts", WORKER)
    options.setdefault("preparer", PREPARER)
    warm_model(settings, cache=model_cache_folder())
    with collector_paused(settle), blas_single_threaded():
        return engine_compare(doc_a, doc_b, settings, **options)


def compare_collection(documents: list["Document"], settings: Any = None, *, settle: bool = False,
                       **options: Any) -> "CollectionReport":
    """``synopsis.core.collection.compare_collection`` with the fact worker, the collector paused
    (``settle``: see :func:`collector_paused`), BLAS on one thread and the sentence-embedding
    model loading beside the first steps."""
    from ..core.collection import compare_collection as engine_compare_collection
    from .fact_worker import WORKER

    options.setdefault("facts", WORKER)
    warm_model(settings, cache=model_cache_folder())
    with collector_paused(settle), blas_single_threaded():
        return engine_compare_collection(documents, settings, **options)
