"""Running engine work off the main thread.

A :class:`Job` runs one function in the global thread pool and hands its result or error
back through queued signals, so views are only ever touched on the main thread. The function
receives ``progress(stage, fraction)`` and ``cancelled()``; engine errors
(:class:`~synopsis.core.SynopsisError`) become ``failed(message)``, cancellation ``cancelled()``.
"""
from __future__ import annotations

import threading
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..core.errors import Cancelled, SynopsisError


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
            result = self._func(lambda stage, f: self.progress.emit(stage, float(f)), self.is_cancelled)
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
