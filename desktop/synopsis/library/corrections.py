"""Manual corrections and verdict keys: pure functions over a :class:`Report`.

A link is keyed by its sorted a-ids and b-ids (``"a:1,2|b:3"``), so a verdict or correction
still finds its link after thresholds are re-applied. Corrections are replayed in the order
they were recorded: ``link`` (add a manual link, displacing links that share a segment),
``unlink`` (remove a link) and ``relabel`` (change a link's class).
"""
from __future__ import annotations

from typing import Any, Iterable

from ..core.model import Report, link_key
from ..core.corrections import manual_link
from ..core.order import in_order

ACTIONS = ("link", "unlink", "relabel")
LINK_LABELS = ("shared", "paraphrased")
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
    """Replay ``corrections`` (dicts with action, a, b, label) on ``report`` in place."""
    for corr in corrections:
        a, b = sorted(set(corr["a"])), sorted(set(corr["b"]))
        key = link_key(a, b)
        action, label = corr["action"], corr.get("label")
        if action == "link":
            sa, sb = set(a), set(b)
            report.links = [lk for lk in report.links if not (sa & set(lk.a) or sb & set(lk.b))]
            report.links.append(manual_link(report, a, b, label or "paraphrased"))
        elif action == "unlink" or (action == "relabel" and label == "unique"):
            report.links = [lk for lk in report.links if link_key(lk.a, lk.b) != key]
        elif action == "relabel":
            for lk in report.links:
                if link_key(lk.a, lk.b) == key:
                    lk.label = label
                    lk.origin = "manual"
    report.links = in_order(report.links)      # moved marks for the corrected links
    return report
