"""The comparison pipeline: segment → align → classify → edits → facts → Report.

``compare`` is the one entry point the CLI, the GUI worker and the library call. It reports
progress through ``progress(stage, fraction)`` and checks ``cancel()`` between steps,
raising :class:`Cancelled` when asked to stop.
"""
from __future__ import annotations

import gc
import threading
import time
from contextlib import contextmanager
from typing import Callable, Iterator

from .. import __version__
from . import align as align_mod
from . import fact_worker
from .classify import choose, relabel
from .config import Settings
from .debris import mark as mark_debris
from .errors import Cancelled
from .ingest import now_iso
from .language import detect
from .model import Document, Report
from .order import mark_moved
from .segment import segment
from .semantic import encoders, models, translation
from .semantic.same_language import MeaningView
from .semantic.vectors import StateStore

ProgressCallback = Callable[[str, float], None]
CancelCheck = Callable[[], bool]


def prepare(doc: Document, settings: Settings) -> Document:
    """Detect the language (unless given), segment ``doc`` and mark scraping debris, in place."""
    if settings.language:
        doc.language = settings.language
    elif not doc.language:
        doc.language = detect(doc.text)
    segment(doc, settings.granularity)
    mark_debris(doc)
    return doc


def _text_segments(doc: Document) -> int:
    """How many segments of ``doc`` are article text (about the most links it can be in)."""
    return sum(1 for seg in doc.segments if not seg.is_debris)


_pause_lock = threading.Lock()
_pause_depth = 0          # comparisons running now
_pause_owned = False      # whether the first of them turned the collector off (it was on)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Hold CPython's cyclic garbage collector off while a comparison builds its objects.

    A comparison allocates hundreds of thousands of small objects that all stay alive until the
    report is done, so the collector's repeated passes over them find nothing to free yet cost
    a fifth or more of the time (measured in benchmarks/results/facts.md). Reference counting
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


def _meaning_factory(doc_a: Document, doc_b: Document, settings: Settings, how: translation.Comparison,
                     stores: tuple[StateStore | None, ...], check: Callable[[], None]):
    """What the aligner calls to get the meaning view of the passages it aligns (recording the
    model it used, or the notice when none could be used, in ``how``)."""
    def factory(texts_a: list[str], texts_b: list[str]) -> MeaningView | None:
        languages = [translation.language_of(doc_a), translation.language_of(doc_b)]
        choice = models.choose(languages, prefer=settings.meaning_model)
        if choice.notice:
            how.notices.append(choice.notice)
        if choice.spec is None:
            return None
        view = MeaningView(texts_a, texts_b, encoders.load(choice.spec), stores=stores,
                           cancel=translation.cancel_from(check))
        how.model = {"name": view.encoder.spec.name, "version": view.encoder.version}
        return view
    return factory


def compare(doc_a: Document, doc_b: Document, settings: Settings | None = None, *,
            progress: ProgressCallback | None = None, cancel: CancelCheck | None = None,
            embeddings: tuple[StateStore | None, StateStore | None] | None = None) -> Report:
    """Compare two documents. ``embeddings`` keeps each document's passage embeddings between
    runs (the library's stores for the two documents)."""
    with collector_paused():
        return _compare(doc_a, doc_b, settings, progress, cancel, embeddings)


def _compare(doc_a: Document, doc_b: Document, settings: Settings | None,
             progress: ProgressCallback | None, cancel: CancelCheck | None,
             embeddings: tuple[StateStore | None, StateStore | None] | None = None) -> Report:
    settings = settings or Settings()
    stores = tuple(embeddings) if embeddings else (None, None)
    timings: dict[str, float] = {}

    def check() -> None:
        if cancel is not None and cancel():
            raise Cancelled()

    def step(stage: str, fraction: float) -> None:
        check()
        if progress is not None:
            progress(stage, fraction)

    t0 = time.perf_counter()
    step("segment", 0.0)
    prepare(doc_a, settings)
    prepare(doc_b, settings)
    timings["segment"] = time.perf_counter() - t0
    if settings.facts:      # (a worker for the fact layer boots while the passages are aligned)
        fact_worker.prepare_for(min(_text_segments(doc_a), _text_segments(doc_b)))
    step("align", 0.1)
    t1 = time.perf_counter()
    if translation.is_translation(doc_a, doc_b):
        meaning = (lambda stage, f: step(stage, 0.1 + 0.6 * f)) if progress else None
        candidates, how = translation.align(doc_a, doc_b, settings, check, meaning, stores)
        repeats = translation.find_repeats_of(doc_a, doc_b)
        mark_moved(choose(candidates, settings))
        candidates.sort(key=lambda c: (c.a[0], c.b[0]))
    else:
        how = translation.Comparison("same-language", [doc_a.language, doc_b.language])
        meaning = _meaning_factory(doc_a, doc_b, settings, how, stores, check) if settings.meaning else None
        candidates, repeats = align_mod.align(doc_a, doc_b, settings, check, meaning)
    timings["align"] = time.perf_counter() - t1
    report = Report(documents=[doc_a, doc_b], links=[], repeats=repeats,
                    settings=settings.to_dict(), created=now_iso(),
                    generator={"name": "synopsis", "version": __version__}, candidates=candidates,
                    comparison=how.to_dict())
    step("edits", 0.8)
    t2 = time.perf_counter()
    relabel(report, settings)  # annotates (edits, facts) the candidates that become links
    timings["edits_facts"] = time.perf_counter() - t2
    timings["total"] = time.perf_counter() - t0
    report.timings = timings
    step("done", 1.0)
    return report
