"""Linking passages by hand: the one rule the app's undoable edits and the library's replay share."""
from __future__ import annotations

import copy

from .annotate import annotate_link
from .model import Link, Report


def manual_link(report: Report, a: list[int], b: list[int], label: str = "paraphrased") -> Link:
    """A new manual link joining segments ``a`` and ``b`` of the report's documents.

    Where the aligner had scored this very pair, its score and views are kept; either way the
    link carries its word edits and changed facts.
    """
    sa, sb = set(a), set(b)
    best = max((c for c in report.candidates if set(c.a) == sa and set(c.b) == sb),
               key=lambda c: c.score, default=None)
    link = copy.copy(best) if best is not None else Link(a=sorted(sa), b=sorted(sb), label=label, score=0.0)
    if not link.annotated:
        doc_a, doc_b = report.documents
        annotate_link(doc_a, doc_b, link, facts=bool(report.settings.get("facts", True)))
    link.label, link.origin = label, "manual"
    return link
