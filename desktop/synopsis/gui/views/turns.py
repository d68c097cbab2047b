"""Work shown a piece per turn of the event loop, so a long comparison arrives without a freeze.

When a comparison of long texts is handed to the window, each view has its own share to do
(two texts to set, the pairs table, the summary bars…); done in one turn, the window would not
paint nor answer for all of it together. Views post that work here instead: one posted piece
runs per turn, in the order posted, and a piece posted again by the same owner and name before
it ran replaces the waiting one (only the newest report is shown). A piece posted ``last`` (the
window saying the comparison is shown) runs after all the others.
"""
from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QTimer


class TurnQueue(QObject):
    """Runs one posted piece of work per turn of the event loop.

    A piece posted ``last`` waits until no other piece is waiting and no work is held (work a
    view does elsewhere, e.g. in a worker thread, between :meth:`hold` and :meth:`release`).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: dict[tuple[int, str], tuple[QObject, Callable[[], None], bool]] = {}
        self._holds: dict[tuple[int, str], QObject] = {}
        self._timer = QTimer(self, singleShot=True, interval=1)
        self._timer.timeout.connect(self._step)

    def post(self, owner: QObject, name: str, work: Callable[[], None], last: bool = False) -> None:
        """Run ``work`` in a later turn (after what was posted before), replacing ``owner``'s
        waiting piece of the same ``name``; dropped if ``owner`` is deleted first."""
        key = (id(owner), name)
        self._pending.pop(key, None)
        self._pending[key] = (owner, work, last)
        self._wake()

    def hold(self, owner: QObject, name: str) -> None:
        self._holds[(id(owner), name)] = owner

    def release(self, owner: QObject, name: str) -> None:
        self._holds.pop((id(owner), name), None)
        self._wake()

    def _held(self) -> bool:
        """Whether work is held (by an owner not deleted since)."""
        for key, owner in list(self._holds.items()):
            if not shiboken6.isValid(owner):
                del self._holds[key]
        return bool(self._holds)

    def pending(self, owner: QObject, name: str | None = None) -> bool:
        return any(key[0] == id(owner) and (name is None or key[1] == name) for key in self._pending)

    @property
    def busy(self) -> bool:
        return bool(self._pending) or self._held()

    def cancel(self, owner: QObject, name: str) -> None:
        self._pending.pop((id(owner), name), None)

    def drain(self) -> None:
        """Run every piece that may run now (a caller that needs the views up to date at once)."""
        while self._next() is not None:
            self._step()

    def _next(self) -> tuple[int, str] | None:
        first_last = None
        for key, (_owner, _work, last) in self._pending.items():
            if not last:
                return key
            first_last = first_last or key
        return first_last if not self._held() else None

    def _wake(self) -> None:
        if self._next() is not None and not self._timer.isActive():
            self._timer.start()

    def _step(self) -> None:
        key = self._next()
        if key is None:
            return
        owner, work, _last = self._pending.pop(key)
        try:
            if shiboken6.isValid(owner):
                work()
        finally:
            self._wake()        # (due a millisecond after this piece: not in the same turn)


_queues: dict[str, TurnQueue] = {}


def _queue(name: str) -> TurnQueue:
    queue = _queues.get(name)
    if queue is None or not shiboken6.isValid(queue):
        from PySide6.QtCore import QCoreApplication
        queue = _queues[name] = TurnQueue(QCoreApplication.instance())
    return queue


def turns() -> TurnQueue:
    """The application's queue for showing a new report (created on first use, with the
    application as its parent)."""
    return _queue("show")


def background() -> TurnQueue:
    """The queue for long passes over shown texts (the class marks of every view, a chunk
    per turn, taking turns between the views)."""
    return _queue("background")
