"""Work shown a piece per turn of the event loop, so a long comparison arrives without a freeze.

When a comparison of long texts is handed to the window, each view has its own share to do
(two texts to set, the pairs table, the summary bars…); done in one turn, the window would not
paint nor answer for all of it together. Views post that work here instead: one posted piece
runs per turn, in the order posted, and a piece posted again by the same owner and name before
it ran replaces the waiting one (only the newest report is shown).
"""
from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QTimer


class TurnQueue(QObject):
    """Runs one posted piece of work per turn of the event loop."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: dict[tuple[int, str], tuple[QObject, Callable[[], None]]] = {}
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._step)

    def post(self, owner: QObject, name: str, work: Callable[[], None]) -> None:
        """Run ``work`` in a later turn (after what was posted before), replacing ``owner``'s
        waiting piece of the same ``name``; dropped if ``owner`` is deleted first."""
        key = (id(owner), name)
        self._pending.pop(key, None)
        self._pending[key] = (owner, work)
        if not self._timer.isActive():
            self._timer.start()

    def pending(self, owner: QObject, name: str | None = None) -> bool:
        return any(key[0] == id(owner) and (name is None or key[1] == name) for key in self._pending)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def cancel(self, owner: QObject, name: str) -> None:
        self._pending.pop((id(owner), name), None)

    def drain(self) -> None:
        """Run everything waiting now (a caller that needs the views up to date at once)."""
        while self._pending:
            self._step()

    def _step(self) -> None:
        if not self._pending:
            return
        key = next(iter(self._pending))
        owner, work = self._pending.pop(key)
        if self._pending:
            self._timer.start()
        if shiboken6.isValid(owner):
            work()


_queue: TurnQueue | None = None


def turns() -> TurnQueue:
    """The application's queue (created on first use, with the application as its parent)."""
    global _queue
    if _queue is None or not shiboken6.isValid(_queue):
        from PySide6.QtCore import QCoreApplication
        _queue = TurnQueue(QCoreApplication.instance())
    return _queue
