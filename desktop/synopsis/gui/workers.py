"""Running engine work off the main thread, one job at a time per owner.

A :class:`Job` runs one function in the global thread pool and hands its result or error
back through queued signals, so views are only ever touched on the main thread. The function
receives ``progress(stage, fraction)`` and ``cancelled()``; engine errors
(:class:`~synopsis.core.SynopsisError`) become ``failed(message)``, cancellation ``cancelled()``.

:class:`JobRunner` is the job lifecycle, written once: starting a job cancels the one before,
only the current job's signals come through, and ``busyChanged`` says when work starts and
stops. A job has no Qt parent (the runnable holds it), so closing a window while a job still
runs never leaves the worker thread emitting from a deleted object.
"""
from __future__ import annotations

import threading
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from ..core.errors import Cancelled, SynopsisError


PROGRESS_STEP = 0.005     # the least move of the progress bar a job's step is shown for


class Job(QObject):
    progress = Signal(str, float)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    done = Signal()  # after any of finished / failed / cancelled

    def __init__(self, func: Callable[..., Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._func = func
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def start(self, pool: QThreadPool | None = None) -> None:
        (pool or QThreadPool.globalInstance()).start(_Runner(self))

    def _run(self) -> None:  # worker thread: emit signals only
        try:
            result = self._func(self._progress_of(), self.is_cancelled)
        except Cancelled:
            self.cancelled.emit()
        except SynopsisError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # an engine bug must not kill the app
            _print_traceback()
            self.failed.emit(f"internal error: {type(exc).__name__}: {exc}")
        else:
            if self.is_cancelled():
                self.cancelled.emit()
            else:
                self.finished.emit(result)
        self.done.emit()


    def _progress_of(self) -> Callable[[str, float], None]:
        """What the job's function reports progress to: a step reaches the window when it starts
        a stage or moves the bar by ``PROGRESS_STEP`` (the engine reports a long document's
        work in hundreds of small parts; each signal is an event for the window's thread)."""
        shown = ["", -1.0]

        def progress(stage: str, fraction: float) -> None:
            fraction = float(fraction)
            if stage != shown[0] or fraction >= shown[1] + PROGRESS_STEP or fraction >= 1.0:
                shown[0], shown[1] = stage, fraction
                self.progress.emit(stage, fraction)
        return progress


def _print_traceback() -> None:
    """The traceback of an engine bug on standard error, if standard error can take it."""
    try:
        traceback.print_exc()
    except (OSError, ValueError):
        pass


class _Runner(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job = job
        self.setAutoDelete(True)

    def run(self) -> None:
        self._job._run()


class JobRunner(QObject):
    """At most one running :class:`Job`; a new one supersedes (cancels) the one before.

    ``finished``, ``failed`` and ``cancelled`` come only from the current job, each once; after
    any of them ``busyChanged(False)``. ``name`` is what a progress display calls this work.
    """

    busyChanged = Signal(bool)
    progress = Signal(str, float)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, name: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._job: Job | None = None

    @property
    def busy(self) -> bool:
        return self._job is not None

    def start(self, func: Callable[..., Any]) -> Job:
        was_busy = self.busy
        self._drop()
        job = Job(func)
        job.progress.connect(self._progress)
        job.finished.connect(self._finished)
        job.failed.connect(self._failed)
        job.cancelled.connect(self._cancelled)
        self._job = job
        if not was_busy:
            self.busyChanged.emit(True)
        job.start()
        return job

    def cancel(self) -> None:
        """Stop the current job; ``cancelled`` follows once it has stopped."""
        if self._job is not None:
            self._job.cancel()

    def abandon(self) -> None:
        """Stop the current job and forget it now (nothing more comes from it)."""
        if self._job is not None:
            self._drop()
            self.busyChanged.emit(False)

    def _drop(self) -> None:
        job, self._job = self._job, None
        if job is not None:
            job.cancel()
            for signal in (job.progress, job.finished, job.failed, job.cancelled):
                signal.disconnect()

    def _current(self) -> bool:
        return self.sender() is self._job and self._job is not None

    def _end(self) -> None:
        self._job = None
        self.busyChanged.emit(False)

    @Slot(str, float)
    def _progress(self, stage: str, fraction: float) -> None:
        if self._current():
            self.progress.emit(stage, fraction)

    @Slot(object)
    def _finished(self, result: object) -> None:
        if self._current():
            self._end()
            self.finished.emit(result)

    @Slot(str)
    def _failed(self, message: str) -> None:
        if self._current():
            self._end()
            self.failed.emit(message)

    @Slot()
    def _cancelled(self) -> None:
        if self._current():
            self._end()
            self.cancelled.emit()
