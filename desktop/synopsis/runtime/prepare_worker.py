"""The second document of a large comparison prepared in the worker process beside the first.

Preparing a document (its segments and debris marks, ``pipeline.prepare``) and making its
passages' features (``features.segment_features``) read its text alone, so the two documents
of a comparison can be prepared at once: the fact worker (:mod:`.fact_worker`, started here
instead of after the segmentation) prepares the second while this process prepares the first.
Both are made by the same functions from the same input, so the result is the same; only the
wall-clock time differs. Small documents (the worker's boot and the round trip would cost more
than they save), a single core, ``SYNOPSIS_FACT_WORKER=off``, a worker busy with another
thread's comparison, or any failure of the worker keep the preparing in this process.

``PREPARER`` is the :class:`synopsis.core.pipeline.Preparer` the command line and the app pass
to ``compare``. A comparison stopped or failing while its document is being prepared ends the
worker at once (as :func:`fact_worker.abandon` does for facts).
"""
from __future__ import annotations

import threading
from typing import Any, Callable

from ..core.config import Settings
from ..core.features import SegmentFeatures, segment_features
from ..core.model import Document
from . import fact_worker
from .prepared import unpack

__all__ = ["MIN_CHARS", "PREPARER", "Preparing", "WorkerPreparer"]

# Below this many characters (about a thousand sentences of news prose) the second document is
# prepared here: its segmentation takes less than the worker's boot.
MIN_CHARS = 150_000

def _wanted(chars: int) -> bool:
    """Whether a document of ``chars`` characters should be prepared in the worker."""
    mode = fact_worker._mode()
    if fact_worker._broken or mode in ("off", "0", "no", "false"):
        return False
    if mode in ("on", "1", "yes", "true"):
        return True
    return chars >= MIN_CHARS and fact_worker._cores() >= 2


class Preparing:
    """A document being prepared by the worker (a ``pipeline.PreparedJob``); its answer is read
    by a thread of its own, so the comparison can check for cancel while it waits."""

    def __init__(self, worker: Any, doc: Document, settings: Settings) -> None:
        self.worker, self.doc, self.settings = worker, doc, settings
        self.answer: object = None
        self.error: BaseException | None = None
        self.over = False           # the worker's part is read or given up (its lock released)
        self.received = threading.Event()
        worker.send(("prepare", doc.text, doc.title, doc.language, settings))
        self.reader = threading.Thread(target=self._receive, name="synopsis-prepare-receive", daemon=True)
        self.reader.start()

    def _receive(self) -> None:
        try:
            self.answer = self.worker.receive()
        except BaseException as error:      # (read in ``result``: the document is prepared here)
            self.error = error
        finally:
            self.received.set()

    def result(self, check: Callable[[], None]) -> tuple[Document, list[SegmentFeatures | None]]:
        while not self.received.wait(0.05):
            check()
        self.reader.join()
        self.over = True
        if self.error is not None:
            fact_worker._give_up(self.worker, self.error)
            self.worker.busy.release()
            return _here(self.doc, self.settings)
        self.worker.busy.release()
        return unpack(self.doc, self.answer)       # type: ignore[arg-type]

    def cancel(self) -> None:
        if self.over:
            return
        self.over = True
        fact_worker.abandon(fact_worker.Job(self.worker, ()))      # (ends the process: the reader sees the end)
        self.reader.join()


def _here(doc: Document, settings: Settings) -> tuple[Document, list[SegmentFeatures | None]]:
    from ..core.preparation import prepare
    prepared = prepare(doc, settings)
    return prepared, segment_features(prepared)


class WorkerPreparer:
    """The ``pipeline.Preparer`` of the command line and the app: a document of ``MIN_CHARS``
    characters or more, on a machine with two cores, is prepared in the worker process."""

    def submit(self, doc: Document, settings: Settings) -> Preparing | None:
        if not _wanted(len(doc.text)):
            return None
        worker = fact_worker._start()
        if worker is None or not worker.busy.acquire(blocking=False):
            return None
        try:
            return Preparing(worker, doc, settings)
        except BaseException:
            worker.busy.release()
            raise


PREPARER = WorkerPreparer()
