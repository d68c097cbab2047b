"""Work shown a piece per turn of the event loop, so a long comparison arrives without a freeze.

When a comparison of long texts is handed to the window, each view has its own share to do
(two texts to set, the pairs table, the summary bars…); done in one turn, the window would not
paint nor answer for all of it together. Views post that work here instead: one posted piece
runs per turn, in the order posted, and a piece posted again by the same owner and name before
it ran replaces the waiting one (only the newest report is shown). A piece posted ``last`` (the
window saying the comparison is shown) runs after all the others. A short report is shown at
once, as before: pieces posted inside :meth:`TurnQueue.at_once` run when posted.
"""
from __future__ import annotations

from collections.abc import Callable

from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QObject, QTimer


class TurnQueue(QObject):
    """Runs one posted piece of work per turn of the event loop.

    A piece posted ``last`` waits until no other piece is waiting and no work is held (work a
    view does elsewhere, e.g. in a worker thread, between :meth:`hold` and :meth:`release`).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: dict[tuple[int, str], tuple[QObject, Callable[[], None], bool]] = {}
        self._holds: set[tuple[int, str]] = set()
        self._watched: set[int] = set()
        self.immediate = False
        self._timer = QTimer(self, singleShot=True, interval=1)
        self._timer.timeout.connect(self._step)

    @contextmanager
    def at_once(self, yes: bool = True):
        """Inside, pieces posted run when posted (a report short enough to show in one turn)."""
        was, self.immediate = self.immediate, yes
        try:
            yield
        finally:
            self.immediate = was

    def _watch(self, owner: QObject) -> None:
        """Forget an owner's pieces and holds when it is deleted."""
        if id(owner) not in self._watched:
            self._watched.add(id(owner))
            owner.destroyed.connect(lambda *_args, key=id(owner): self._forget(key))

    def _forget(self, owner_id: int) -> None:
        self._watched.discard(owner_id)
        self._holds = {k for k in self._holds if k[0] != owner_id}
        for key in [k for k in self._pending if k[0] == owner_id]:
            del self._pending[key]
        self._wake()

    def post(self, owner: QObject, name: str, work: Callable[[], None], last: bool = False) -> None:
        """Run ``work`` in a later turn (after what was posted before), replacing ``owner``'s
        waiting piece of the same ``name``; dropped if ``owner`` is deleted first (now, inside
        :meth:`at_once`)."""
        key = (id(owner), name)
        self._pending.pop(key, None)
        if self.immediate:
            work()
            return
        self._watch(owner)
        self._pending[key] = (owner, work, last)
        self._wake()

    def hold(self, owner: QObject, name: str) -> None:
        self._watch(owner)
        self._holds.add((id(owner), name))

    def release(self, owner: QObject, name: str) -> None:
        self._holds.discard((id(owner), name))
        self._wake()

    def _held(self) -> bool:
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
        _owner, work, _last = self._pending.pop(key)
        try:
            work()
        finally:
            self._wake()        # (due a millisecond after this piece: not in the same turn)


_queues: dict[str, TurnQueue] = {}


def _queue(name: str) -> TurnQueue:
    queue = _queues.get(name)
    app = QCoreApplication.instance()
    if queue is None or queue.app is not app:
        queue = _queues[name] = TurnQueue(app)
        queue.app = app
    return queue


def turns() -> TurnQueue:
    """The application's queue for showing a new report (created on first use, with the
    application as its parent)."""
    return _queue("show")


def background() -> TurnQueue:
    """The queue for long passes over shown texts (the class marks of every view, a chunk
    per turn, taking turns between the views)."""
    return _queue("background")
