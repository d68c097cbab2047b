"""The comparison of two documents, one way: load → prepare → align → decide → Report.

``prepare`` gives a document's prepared copy (language, segments, debris marks), ``align`` the
scored candidate pairs (:mod:`align`), ``decide`` the links and the report (:mod:`decide`);
each is a function of its inputs and the ``Settings`` and changes nothing it is given.
``compare`` runs them all: it is the one entry point the command line, the app and the
library call. It reports progress through ``progress(stage, fraction)`` and checks
``cancel()`` between steps, raising :class:`Cancelled` when asked to stop; the alignment, the
longest stage, reports and checks between its own steps and the chunks of its long ones.

The two documents are prepared independently: a caller may pass a :class:`Preparer` that
prepares the second one elsewhere (and makes its passages' features) while this thread
prepares the first; the engine itself starts no process (``synopsis.runtime`` passes one).
"""
from __future__ import annotations

import dataclasses
import time
from typing import Callable, Protocol

from .align import align
from .annotate import IN_PROCESS, FactExecutor
from .config import Settings
from .decide import decide, redecide
from .errors import Cancelled
from .features import SegmentFeatures, segment_features
from .model import Document, Report
from .preparation import prepare
from .semantic.vectors import NO_STORES, Stores
from .ticks import Tick, within

__all__ = ["align", "compare", "decide", "prepare", "redecide"]

ProgressCallback = Callable[[str, float], None]
CancelCheck = Callable[[], bool]
ALIGN_FROM, ALIGN_TO = 0.1, 0.8      # the share of a comparison's progress the alignment spans


class PreparedJob(Protocol):
    """A document being prepared elsewhere, with its passages' features."""

    def result(self, check: Callable[[], None]) -> tuple[Document, list[SegmentFeatures | None]]:
        """The prepared document (as :func:`prepare` makes it) and its ``segment_features``;
        waits for them, calling ``check`` (which may raise to stop) while it waits."""

    def cancel(self) -> None:
        """Give the job up (the comparison failed or was stopped before its result was read)."""


class Preparer(Protocol):
    """Where the second document of a comparison may be prepared beside the first."""

    def submit(self, doc: Document, settings: Settings) -> PreparedJob | None:
        """Start preparing ``doc``, or None to have it prepared in this thread."""


def _prepare_beside(doc_a: Document, job: PreparedJob, settings: Settings, check: Callable[[], None],
                    tick: Tick) -> tuple[Document, Document, tuple[list, list]]:
    """``doc_a`` prepared and its features made here while ``job`` prepares the other document;
    the job is given up if this fails or is stopped before its result is read. ``tick`` is
    told the share of this thread's part done (the wait for the job reports nothing)."""
    try:
        doc_a = prepare(doc_a, settings, tick=within(tick, 0.0, 0.5))
        check()
        features_a = segment_features(doc_a, tick=within(tick, 0.5, 1.0))
        check()
        doc_b, features_b = job.result(check)
    except BaseException:
        job.cancel()
        raise
    return doc_a, doc_b, (features_a, features_b)


def _text_segments(doc: Document) -> int:
    """How many segments of ``doc`` are article text (about the most links it can be in)."""
    return sum(1 for seg in doc.segments if not seg.is_debris)


def compare(doc_a: Document, doc_b: Document, settings: Settings | None = None, *,
            progress: ProgressCallback | None = None, cancel: CancelCheck | None = None,
            facts: FactExecutor | None = None, embeddings: Stores = NO_STORES,
            preparer: Preparer | None = None) -> Report:
    """Prepare, align and decide two loaded documents. ``facts``: where the fact layer runs
    (in this process by default; see :class:`annotate.FactExecutor`). ``embeddings``: where
    each document's passage embeddings are kept between runs (the library's stores of the two
    documents), so a second comparison does not embed them again. ``preparer``: where the
    second document may be prepared beside the first (:class:`Preparer`; the same result)."""
    settings = settings or Settings()
    executor = facts or IN_PROCESS
    timings: dict[str, float] = {}

    def check() -> None:
        if cancel is not None and cancel():
            raise Cancelled()

    def step(stage: str, fraction: float) -> None:
        check()
        if progress is not None:
            progress(stage, fraction)

    def aligned(share: float, stage: str = "align") -> None:   # the alignment's steps, 10 % to 80 %
        if progress is not None:
            progress(stage, ALIGN_FROM + (ALIGN_TO - ALIGN_FROM) * share)

    def stage_tick(stage: str, start: float, end: float) -> Tick:
        """A tick for the parts of a stage that runs from ``start`` to ``end`` of the bar."""
        return within(lambda fraction: step(stage, fraction), start, end)

    t0 = time.perf_counter()
    step("segment", 0.0)
    job = preparer.submit(doc_b, settings) if preparer is not None else None
    features = None
    if job is None:
        doc_a = prepare(doc_a, settings, tick=stage_tick("segment", 0.0, ALIGN_FROM / 2))
        doc_b = prepare(doc_b, settings, tick=stage_tick("segment", ALIGN_FROM / 2, ALIGN_FROM))
    else:
        doc_a, doc_b, features = _prepare_beside(doc_a, job, settings, check,
                                                 tick=stage_tick("segment", 0.0, ALIGN_FROM))
    timings["segment"] = time.perf_counter() - t0
    if settings.facts:      # (an executor that runs elsewhere may start while the passages are aligned)
        executor.expect(min(_text_segments(doc_a), _text_segments(doc_b)))
    step("align", ALIGN_FROM)
    t1 = time.perf_counter()
    alignment = align(doc_a, doc_b, settings, check=check, progress=aligned, embeddings=embeddings,
                      features=features)
    timings["align"] = time.perf_counter() - t1
    step("edits", ALIGN_TO)
    t2 = time.perf_counter()
    report = decide(alignment, settings, facts=executor, check=check, tick=stage_tick("edits", ALIGN_TO, 1.0))
    timings["edits_facts"] = time.perf_counter() - t2
    timings["total"] = time.perf_counter() - t0
    step("done", 1.0)
    return dataclasses.replace(report, timings=timings)
