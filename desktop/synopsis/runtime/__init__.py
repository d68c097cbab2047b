"""What a program that runs comparisons chooses for its own process — never the engine itself.

``synopsis.core`` changes no process-wide state and starts no process, so it can be embedded
in a notebook, a GUI or a cluster worker as it is. The command line and the desktop app make
two choices for their process here:

* the fact layer of a large comparison runs partly in a worker process beside the word diffs
  (:data:`fact_worker.WORKER`, passed to ``compare`` as its fact executor);
* CPython's cyclic garbage collector is held off while a comparison builds its objects
  (:func:`collector_paused`).

:func:`compare` and :func:`compare_collection` are the engine's, run that way.
"""
from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Iterator

if TYPE_CHECKING:
    from ..core.collection import CollectionReport
    from ..core.model import Document, Report

__all__ = ["collector_paused", "compare", "compare_collection"]

_pause_lock = threading.Lock()
_pause_depth = 0          # comparisons running now
_pause_owned = False      # whether the first of them turned the collector off (it was on)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Hold CPython's cyclic garbage collector off while a comparison builds its objects.

    A comparison allocates hundreds of thousands of small objects that all stay alive until the
    report is done, so the collector's repeated passes over them find nothing to free yet cost
    a fifth or more of the time (see benchmarks/results/facts_history.md). Reference counting
    still frees garbage at once; only cycles wait for the next collection. Nested and
    concurrent comparisons share one pause: the collector comes back when the last one ends,
    and a collector the caller had turned off stays off.
    """
    global _pause_depth, _pause_owned
    with _pause_lock:
        if _pause_depth == 0:
            _pause_owned = gc.isenabled()
            gc.disable()
        _pause_depth += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pause_depth -= 1
            if _pause_depth == 0 and _pause_owned:
                gc.enable()


def compare(doc_a: "Document", doc_b: "Document", settings: Any = None, **options: Any) -> "Report":
    """``synopsis.core.compare`` with the fact worker and the collector paused."""
    from ..core.pipeline import compare as engine_compare
    from .fact_worker import WORKER

    options.setdefault("facts", WORKER)
    with collector_paused():
        return engine_compare(doc_a, doc_b, settings, **options)


def compare_collection(documents: list["Document"], settings: Any = None, **options: Any) -> "CollectionReport":
    """``synopsis.core.collection.compare_collection`` with the fact worker and the collector paused."""
    from ..core.collection import compare_collection as engine_compare_collection
    from .fact_worker import WORKER

    options.setdefault("facts", WORKER)
    with collector_paused():
        return engine_compare_collection(documents, settings, **options)
