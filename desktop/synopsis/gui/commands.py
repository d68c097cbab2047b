"""Manual corrections as undoable commands on the report.

Each correction makes a new decision (``synopsis.core.corrections``: new links, never changed
ones), so a command keeps the report's state before and after and swaps them. Manual links
carry ``origin="manual"`` and survive a change of thresholds; passages a person unlinked stay
apart. Linking and unlinking re-mark moved passages for the links there are then.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from ..core import corrections
from ..core.model import Link, Report

State = tuple  # (links, corrections, annotations) of a report


def _state(report: Report) -> State:
    return list(report.links), report.corrections, report.annotations


class ReportEdit(QUndoCommand):
    def __init__(self, report: Report, text: str, after: Report, changed: Callable[[], None],
                 recorded: Callable[[list[Link], list[Link]], None] | None = None) -> None:
        super().__init__(text)
        self.report = report
        self.before = _state(report)
        self.after = _state(after)
        self.changed = changed
        self.recorded = recorded  # told (old links, new links) on every redo and undo

    def _swap_to(self, state: State) -> None:
        old = list(self.report.links)
        self.report.links, self.report.corrections, self.report.annotations = list(state[0]), state[1], state[2]
        if self.recorded is not None:
            self.recorded(old, list(self.report.links))
        self.changed()

    def redo(self) -> None:
        self._swap_to(self.after)

    def undo(self) -> None:
        self._swap_to(self.before)


def link_changes(old: list[Link], new: list[Link]) -> list[tuple[str, list[int], list[int], str | None]]:
    """The corrections that turn ``old`` links into ``new`` ones: ``(action, a, b, label)``.

    Unlinks come first, then links, then relabels, so replaying them in order (a link displaces
    links sharing a passage) gives ``new`` again; an undo is simply the changes the other way.
    """
    def key(link: Link) -> tuple[tuple[int, ...], tuple[int, ...]]:
        return tuple(sorted(set(link.a))), tuple(sorted(set(link.b)))

    before = {key(l): l for l in old}
    after = {key(l): l for l in new}
    out: list[tuple[str, list[int], list[int], str | None]] = []
    out += [("unlink", list(k[0]), list(k[1]), None) for k in before if k not in after]
    out += [("link", list(k[0]), list(k[1]), l.label) for k, l in after.items() if k not in before]
    out += [("relabel", list(k[0]), list(k[1]), l.label) for k, l in after.items()
            if k in before and (before[k].label, before[k].origin) != (l.label, l.origin)]
    return out


def link_passages(report: Report, a: list[int], b: list[int], label: str = "paraphrased") -> Report:
    """The report with ``a`` and ``b`` joined by hand, replacing their old links."""
    return corrections.link(report, a, b, label)


def unlink(report: Report, link: Link) -> Report:
    return corrections.unlink(report, link.a, link.b)


def relabel_link(report: Report, link: Link, label: str) -> Report:
    return corrections.relabel(report, link.a, link.b, label)
