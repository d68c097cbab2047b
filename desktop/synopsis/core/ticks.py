"""Progress and cancel inside one long step.

A *tick* is called now and then while a step works, with the share of the step done so far
(0 to 1, never decreasing); it may raise (``Cancelled``) to stop the step there. Steps that
walk passages tick every ``EVERY`` of them, so a cancel waits for at most that many and a
long document's progress moves while it is segmented, featured and diffed.
"""
from __future__ import annotations

from typing import Callable, Iterable, Iterator, Sequence, TypeVar

Tick = Callable[[float], None]
T = TypeVar("T")

EVERY = 256     # passages (or pairs) between two ticks


def no_tick(share: float) -> None:
    """The tick of a caller that neither shows progress nor cancels."""


def within(tick: Tick, start: float, end: float) -> Tick:
    """``tick`` told the share of a part of its step that runs from ``start`` to ``end``."""
    return lambda share: tick(start + (end - start) * share)


def ticking(items: Sequence[T], tick: Tick | None, start: float = 0.0, end: float = 1.0) -> Iterable[T]:
    """``items`` one by one, telling ``tick`` the share of its part of a step (``start`` to
    ``end``) done every ``EVERY`` items: a long loop's ticks without changing its body."""
    if tick is None or len(items) <= EVERY:
        return items
    return _ticking(items, tick, start, end)


def _ticking(items: Sequence[T], tick: Tick, start: float, end: float) -> Iterator[T]:
    count = len(items)
    for k, item in enumerate(items):
        if k and k % EVERY == 0:
            tick(start + (end - start) * k / count)
        yield item
