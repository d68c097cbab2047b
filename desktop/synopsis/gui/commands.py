"""Manual corrections as undoable commands on the report's links and candidates.

Links are never mutated in place (relabelling copies them), so a command can keep the lists
before and after and swap them. Manual links carry ``origin="manual"`` and survive
``relabel``; an unlink also removes the pair from the candidates so relabelling does not
bring it back. Linking and unlinking re-mark moved passages for the links there are then.
"""
from __future__ import annotations

import copy
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from ..core.model import Link, Report
from ..core.corrections import manual_link
from ..core.order import in_order


class ReportEdit(QUndoCommand):
    def __init__(self, report: Report, text: str, links: list[Link], candidates: list[Link],
                 changed: Callable[[], None],
                 recorded: Callable[[list[Link], list[Link]], None] | None = None) -> None:
        super().__init__(text)
        self.report = report
        self.before = (list(report.links), list(report.candidates))
        self.after = (links, candidates)
        self.changed = changed
        self.recorded = recorded  # told (old links, new links) on every redo and undo

    def _swap_to(self, state: tuple[list, list]) -> None:
        old = list(self.report.links)
        self.report.links, self.report.candidates = list(state[0]), list(state[1])
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


def _overlaps(link: Link, a: set[int], b: set[int]) -> bool:
    return bool(a & set(link.a)) or bool(b & set(link.b))


def link_passages(report: Report, a: list[int], b: list[int], label: str = "paraphrased") -> tuple[list, list]:
    """New (links, candidates) with ``a`` and ``b`` joined by hand, replacing their old links."""
    sa, sb = set(a), set(b)
    new = manual_link(report, a, b, label)
    links = in_order([l for l in report.links if not _overlaps(l, sa, sb)] + [new])
    return links, list(report.candidates)


def unlink(report: Report, link: Link) -> tuple[list, list]:
    links = in_order([l for l in report.links if l is not link])
    candidates = [c for c in report.candidates if not (c.a == link.a and c.b == link.b)]
    return links, candidates


def relabel_link(report: Report, link: Link, label: str) -> tuple[list, list]:
    new = copy.copy(link)
    new.label, new.origin = label, "manual"
    return [new if l is link else l for l in report.links], list(report.candidates)
