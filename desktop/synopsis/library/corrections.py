"""Manual corrections and verdict keys: pure functions over a :class:`Report`.

A link is keyed by its sorted a-ids and b-ids (``"a:1,2|b:3"``), so a verdict or correction
still finds its link after thresholds are re-applied. Corrections are replayed in the order
they were recorded (``synopsis.core.corrections``): ``link`` (add a manual link, displacing
links that share a segment), ``unlink`` (remove a link) and ``relabel`` (change a link's class).
"""
from __future__ import annotations

from typing import Any, Iterable

from ..core.corrections import replay
from ..core import vocab
from ..core.model import Report, link_key

ACTIONS = ("link", "unlink", "relabel")
LINK_LABELS = tuple(label.value for label in vocab.LINK_LABELS)
VERDICTS = ("accurate", "altered", "misleading", "unverified")


def parse_key(key: str) -> tuple[list[int], list[int]]:
    """Inverse of :func:`link_key`; raises ValueError on a malformed key."""
    try:
        left, right = key.split("|")
        if not (left.startswith("a:") and right.startswith("b:")):
            raise ValueError
        ids = [[int(x) for x in part[2:].split(",") if x] for part in (left, right)]
    except ValueError:
        raise ValueError(f"not a link key: {key!r} (expected like 'a:1,2|b:3')") from None
    return ids[0], ids[1]


def check_ids(report: Report, a: list[int], b: list[int]) -> None:
    """Raise ValueError unless ``a``/``b`` are segment ids of the report's two documents."""
    if not a or not b:
        raise ValueError("a link needs at least one segment on each side")
    for side, ids in (("a", a), ("b", b)):
        doc = report.documents[0 if side == "a" else 1]
        bad = [i for i in ids if not 0 <= i < len(doc.segments)]
        if bad:
            raise ValueError(f"document {side} has no segment {bad[0]} (it has {len(doc.segments)})")


def apply_corrections(report: Report, corrections: Iterable[dict[str, Any]]) -> Report:
    """A new report: ``report`` with ``corrections`` (dicts with action, a, b, label) replayed
    in order, each decided anew (``synopsis.core.corrections.replay``)."""
    return replay(report, corrections)
