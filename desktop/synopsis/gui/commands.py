"""Manual corrections as undoable commands on the shown comparison.

Each correction gives a new report (``synopsis.core.corrections``: link, unlink, relabel are
decided anew, never changed in place). A command keeps the report before and after. While
nothing else replaced the report in between, undo and redo show those very reports; after the
thresholds moved they decide the report again under the current thresholds with the
corrections as they were before (or after) the command, so they still do what they say.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from ..core import corrections
from ..core.model import Link, Report
from .engine import with_corrections

if TYPE_CHECKING:
    from .session import ComparisonSession

Change = tuple[str, list[int], list[int], "str | None"]


def link_changes(old: list[Link], new: list[Link]) -> list[Change]:
    """What changed from ``old`` links to ``new`` ones: ``(action, a, b, label)``, unlinks
    first, then links, then relabels (for the status line and the keeper)."""
    def key(link: Link) -> tuple[tuple[int, ...], tuple[int, ...]]:
        return tuple(sorted(set(link.a))), tuple(sorted(set(link.b)))

    before = {key(l): l for l in old}
    after = {key(l): l for l in new}
    out: list[Change] = []
    out += [("unlink", list(k[0]), list(k[1]), None) for k in before if k not in after]
    out += [("link", list(k[0]), list(k[1]), l.label) for k, l in after.items() if k not in before]
    out += [("relabel", list(k[0]), list(k[1]), l.label) for k, l in after.items()
            if k in before and (before[k].label, before[k].origin) != (l.label, l.origin)]
    return out


def link_passages(report: Report, a: list[int], b: list[int], label: str = "paraphrased") -> Report:
    """``report`` with ``a`` and ``b`` joined by hand; links sharing a passage are taken apart."""
    return corrections.link(report, a, b, label)


def unlink(report: Report, link: Link) -> Report:
    return corrections.unlink(report, link.a, link.b)


def relabel_link(report: Report, link: Link, label: str) -> Report:
    return corrections.relabel(report, link.a, link.b, label)


class ReportEdit(QUndoCommand):
    """One correction of the session's report (with the pair to select after it)."""

    def __init__(self, session: "ComparisonSession", text: str, after: Report,
                 select_after: tuple[list[int], list[int]] | None = None) -> None:
        super().__init__(text)
        self.session = session
        self.before = session.report
        self.after = after
        self.select_after = select_after

    def _go(self, source: Report, target: Report, select) -> None:
        shown = self.session.report
        if shown is source:
            new = target
        else:       # replaced meanwhile (new thresholds): the target's corrections, decided now
            new = with_corrections(shown, target.corrections, target.annotations)
        self.session.apply_edit(new, select)

    def redo(self) -> None:
        self._go(self.before, self.after, self.select_after)

    def undo(self) -> None:
        self._go(self.after, self.before, None)
