"""Manual corrections as undoable commands on the shown comparison's links and candidates.

Links are never changed in place (a relabel makes a new link with ``dataclasses.replace``), so
a command keeps the lists before and after and restores them. When something else replaced
the links in between (thresholds were moved), undo and redo re-apply the correction by its
pairs' keys instead (:func:`replay`), so they still do what they say. Manual links carry
``origin="manual"`` and survive a change of thresholds; an unlink also removes the pair from
the candidates so that new thresholds do not bring it back.
"""
from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from ..core.corrections import manual_link
from ..core.model import Link, Report, link_key
from ..core.order import in_order

if TYPE_CHECKING:
    from .session import ComparisonSession

Change = tuple[str, list[int], list[int], "str | None"]


def key_of(link: Link) -> str:
    return link_key(link.a, link.b)


def link_changes(old: list[Link], new: list[Link]) -> list[Change]:
    """The corrections that turn ``old`` links into ``new`` ones: ``(action, a, b, label)``.

    Unlinks come first, then links, then relabels, so replaying them in order (a link displaces
    links sharing a passage) gives ``new`` again; an undo is simply the changes the other way.
    """
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


def _overlaps(link: Link, a: set[int], b: set[int]) -> bool:
    return bool(a & set(link.a)) or bool(b & set(link.b))


def link_passages(report: Report, a: list[int], b: list[int], label: str = "paraphrased") -> tuple[list, list]:
    """New (links, candidates) with ``a`` and ``b`` joined by hand, replacing their old links."""
    sa, sb = set(a), set(b)
    new = manual_link(report, a, b, label)
    links = in_order([l for l in report.links if not _overlaps(l, sa, sb)] + [new])
    return links, list(report.candidates)


def unlink(report: Report, link: Link) -> tuple[list, list]:
    key = key_of(link)
    links = in_order([l for l in report.links if key_of(l) != key])
    candidates = [c for c in report.candidates if key_of(c) != key]
    return links, candidates


def relabel_link(report: Report, link: Link, label: str) -> tuple[list, list]:
    key = key_of(link)
    return ([dataclasses.replace(l, label=label, origin="manual") if key_of(l) == key else l
             for l in report.links], list(report.candidates))


def replay(report: Report, changes: list[Change], pool: list[Link] = ()) -> tuple[list, list]:
    """``report``'s (links, candidates) with ``changes`` applied by key.

    A pair linked again is taken from ``pool`` (the links of the state being restored) when it
    is there, so an automatic pair comes back as it was; otherwise it is linked by hand.
    """
    templates = {key_of(l): l for l in pool}
    links, candidates = list(report.links), list(report.candidates)
    for action, a, b, label in changes:
        key = link_key(a, b)
        if action == "unlink":
            links = [l for l in links if key_of(l) != key]
            candidates = [c for c in candidates if key_of(c) != key]
        elif action == "link":
            template = templates.get(key)
            if template is None:
                new = manual_link(dataclasses.replace(report, links=links, candidates=candidates),
                                  a, b, label or "paraphrased")
            else:
                new = template
                if template.origin == "auto" and all(key_of(c) != key for c in candidates):
                    candidates.append(template)
            links = [l for l in links if not _overlaps(l, set(a), set(b))] + [new]
        elif action == "relabel":
            template = templates.get(key)
            origin = template.origin if template is not None else "manual"
            links = [dataclasses.replace(l, label=label, origin=origin) if key_of(l) == key else l
                     for l in links]
    return in_order(links), candidates


class ReportEdit(QUndoCommand):
    """One correction of the session's links (with the pair to select after it)."""

    def __init__(self, session: "ComparisonSession", text: str, after: tuple[list, list],
                 select_after: tuple[list[int], list[int]] | None = None) -> None:
        super().__init__(text)
        self.session = session
        report = session.report
        self.before = (report.links, report.candidates)
        self.after = after
        self.forward = link_changes(self.before[0], after[0])
        self.backward = link_changes(after[0], self.before[0])
        self.select_after = select_after

    def _go(self, source: tuple[list, list], target: tuple[list, list], changes: list[Change],
            select: tuple[list[int], list[int]] | None) -> None:
        report = self.session.report
        if report.links is source[0] and report.candidates is source[1]:
            state = target
        else:  # the links were replaced meanwhile (new thresholds): apply the change itself
            state = replay(report, changes, target[0])
        self.session.apply_edit(state[0], state[1], changes, select)

    def redo(self) -> None:
        self._go(self.before, self.after, self.forward, self.select_after)

    def undo(self) -> None:
        self._go(self.after, self.before, self.backward, None)
