"""Manual corrections as undoable commands on the report's links and candidates.

Links are never mutated in place (relabelling copies them), so a command can keep the lists
before and after and swap them. Manual links carry ``origin="manual"`` and survive
``relabel``; an unlink also removes the pair from the candidates so relabelling does not
bring it back.
"""
from __future__ import annotations

import copy
from typing import Callable

from PySide6.QtGui import QUndoCommand

from ..core.edits import word_edits
from ..core.model import Link, Report, spans_of


class ReportEdit(QUndoCommand):
    def __init__(self, report: Report, text: str, links: list[Link], candidates: list[Link],
                 changed: Callable[[], None]) -> None:
        super().__init__(text)
        self.report = report
        self.before = (list(report.links), list(report.candidates))
        self.after = (links, candidates)
        self.changed = changed

    def redo(self) -> None:
        self.report.links, self.report.candidates = list(self.after[0]), list(self.after[1])
        self.changed()

    def undo(self) -> None:
        self.report.links, self.report.candidates = list(self.before[0]), list(self.before[1])
        self.changed()


def _overlaps(link: Link, a: set[int], b: set[int]) -> bool:
    return bool(a & set(link.a)) or bool(b & set(link.b))


def link_passages(report: Report, a: list[int], b: list[int], label: str = "paraphrased") -> tuple[list, list]:
    """New (links, candidates) with ``a`` and ``b`` joined by hand, replacing their old links."""
    sa, sb = set(a), set(b)
    best = max((c for c in report.candidates if set(c.a) == sa and set(c.b) == sb),
               key=lambda c: c.score, default=None)
    if best is not None:
        new = copy.copy(best)
    else:
        doc_a, doc_b = report.documents
        new = Link(a=sorted(a), b=sorted(b), label=label, score=0.0)
        new.edits = word_edits(doc_a.text, spans_of(doc_a, new.a), doc_b.text, spans_of(doc_b, new.b))
    new.label, new.origin = label, "manual"
    links = [l for l in report.links if not _overlaps(l, sa, sb)] + [new]
    links.sort(key=lambda l: (min(l.a), min(l.b)))
    return links, list(report.candidates)


def unlink(report: Report, link: Link) -> tuple[list, list]:
    links = [l for l in report.links if l is not link]
    candidates = [c for c in report.candidates if not (c.a == link.a and c.b == link.b)]
    return links, candidates


def relabel_link(report: Report, link: Link, label: str) -> tuple[list, list]:
    new = copy.copy(link)
    new.label, new.origin = label, "manual"
    return [new if l is link else l for l in report.links], list(report.candidates)
