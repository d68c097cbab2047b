"""What a person decides by hand: link, unlink, relabel — the rules the app's undoable edits and
the library's replay share, each giving a new report through ``decide``.

A hand-made or relabelled link is kept as it is (``Corrections.manual``). Passages a person
took out of links — by unlinking a pair, or by linking one of its passages elsewhere, which
displaces the links that shared it — are kept apart (``Corrections.apart_a`` / ``apart_b``):
no automatic link takes them again, under any threshold.
"""
from __future__ import annotations

import dataclasses
from typing import Any, Iterable, Sequence

from .annotate import FactExecutor, annotate
from .decide import decide
from .model import Corrections, Link, Report
from .vocab import Label, Origin


def manual_link(report: Report, a: Sequence[int], b: Sequence[int], label: str = Label.PARAPHRASED, *,
                facts: FactExecutor | None = None) -> Link:
    """A new hand-made link joining segments ``a`` and ``b`` of the report's documents.

    Where the aligner had scored this very pair, its score and views are kept; either way the
    link carries its word edits and changed facts.
    """
    key = tuple(sorted(set(a))), tuple(sorted(set(b)))
    best = max((c for c in report.candidates if (tuple(sorted(c.a)), tuple(sorted(c.b))) == key),
               key=lambda c: c.score, default=None)
    annotation = report.annotations.get(best.key if best is not None else key)
    if annotation is None:
        annotation, = annotate(report.documents, [best.key if best is not None else key],
                               facts=report.settings.facts, executor=facts)
    if best is None:
        return Link(a=key[0], b=key[1], label=label, score=0.0, edits=annotation.edits,
                    facts=annotation.facts, origin=Origin.MANUAL)
    return Link(a=best.a, b=best.b, label=label, score=best.score, edits=annotation.edits,
                facts=annotation.facts, origin=Origin.MANUAL, scores=best.scores, reasons=best.reasons)


def _overlaps(link: Link, a: Iterable[int], b: Iterable[int]) -> bool:
    return not set(link.a).isdisjoint(a) or not set(link.b).isdisjoint(b)


def _apart(corrections: Corrections, links: Iterable[Link]) -> Corrections:
    """``corrections`` with the passages of ``links`` kept apart, and those links no longer manual."""
    gone = list(links)
    keys = {link.key for link in gone}
    return Corrections(manual=tuple(m for m in corrections.manual if m.key not in keys),
                       apart_a=corrections.apart_a.union(*(link.a for link in gone)),
                       apart_b=corrections.apart_b.union(*(link.b for link in gone)))


def _decided(report: Report, corrections: Corrections, facts: FactExecutor | None = None) -> Report:
    return decide(report.alignment, report.settings, corrections=corrections, known=report.annotations,
                  facts=facts)


def _linked(report: Report, corrections: Corrections, new: Link) -> Corrections:
    displaced = [link for link in report.links if _overlaps(link, new.a, new.b)]
    kept = _apart(corrections, displaced)
    return Corrections(manual=kept.manual + (new,),
                       apart_a=kept.apart_a.difference(new.a), apart_b=kept.apart_b.difference(new.b))


def link(report: Report, a: Sequence[int], b: Sequence[int], label: str = Label.PARAPHRASED, *,
         facts: FactExecutor | None = None) -> Report:
    """``report`` with ``a`` and ``b`` linked by hand; the links that shared a passage with them
    are taken apart."""
    new = manual_link(report, a, b, label, facts=facts)
    return _decided(report, _linked(report, report.corrections, new), facts)


def unlink(report: Report, a: Sequence[int], b: Sequence[int]) -> Report:
    """``report`` without the link of ``a`` and ``b``; its passages are kept apart."""
    gone = [link for link in report.links if (set(link.a), set(link.b)) == (set(a), set(b))]
    return _decided(report, _apart(report.corrections, gone)) if gone else report


def relabel(report: Report, a: Sequence[int], b: Sequence[int], label: str) -> Report:
    """``report`` with the link of ``a`` and ``b`` given ``label`` by hand ("unique": unlinked)."""
    if label == Label.UNIQUE:
        return unlink(report, a, b)
    found = [link for link in report.links if (set(link.a), set(link.b)) == (set(a), set(b))]
    if not found:
        return report
    new = dataclasses.replace(found[0], label=label, origin=Origin.MANUAL)
    manual = tuple(m for m in report.corrections.manual if m.key != new.key) + (new,)
    return _decided(report, dataclasses.replace(report.corrections, manual=manual))


def replay(report: Report, corrections: Iterable[dict[str, Any]]) -> Report:
    """``report`` with recorded corrections (dicts with action, a, b, label) applied in order."""
    for corr in corrections:
        action, label = corr["action"], corr.get("label")
        if action == "link":
            report = link(report, corr["a"], corr["b"], label or Label.PARAPHRASED)
        elif action == "unlink":
            report = unlink(report, corr["a"], corr["b"])
        elif action == "relabel":
            report = relabel(report, corr["a"], corr["b"], label or Label.PARAPHRASED)
    return report
