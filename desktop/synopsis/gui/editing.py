"""Class filters, live thresholds and manual corrections (undoable, and recorded in the
library once the comparison is saved), mixed into the main window."""
from __future__ import annotations

from ..core.decide import redecide
from ..runtime.fact_worker import WORKER
from . import commands


class EditingMixin:
    """Needs the window's report, views, overviews, linkmap, proxy, boxes, undo and library_ctl."""

    def set_filters(self, classes: set[str]) -> None:
        for view in self.views:
            view.set_visible_classes(classes)
        for ov in self.overviews:
            ov.visible_classes = set(classes)
            ov.invalidate()
        self.linkmap.visible_classes = set(classes)
        self.linkmap.update()
        self.proxy.set_classes(classes)

    def set_thresholds(self, *_args) -> None:
        self.engine = self.engine.replace(shared_threshold=self.shared_box.value(),
                                          shared_max_changed_words=self.words_box.value(),
                                          paraphrase_threshold=self.para_box.value())
        self.store.set("shared_threshold", self.engine.shared_threshold)
        self.store.set("shared_max_changed_words", self.engine.shared_max_changed_words)
        self.store.set("paraphrase_threshold", self.engine.paraphrase_threshold)
        if self.report is not None:
            new = redecide(self.report, self.engine, facts=WORKER)
            self.report.links, self.report.settings, self.report.annotations = new.links, new.settings, new.annotations
            self.selection = {0: [], 1: []}
            self.current_link = None
            self._show_selection()
            self.refresh()

    def _edit(self, text: str, after) -> None:
        self.undo.push(commands.ReportEdit(self.report, text, after, self._after_edit, self.library_ctl.record))

    def _after_edit(self) -> None:
        self.selection = {0: [], 1: []}
        self.current_link = None
        self._show_selection()
        self.refresh()

    def link_selected(self) -> None:
        if self.report is not None and self.selection[0] and self.selection[1]:
            self._edit(self.tr("Link passages"),
                       commands.link_passages(self.report, self.selection[0], self.selection[1]))

    def unlink_selected(self) -> None:
        if self.report is not None and self.current_link is not None:
            self._edit(self.tr("Unlink pair"), commands.unlink(self.report, self.report.links[self.current_link]))

    def mark_selected(self, label: str) -> None:
        if self.report is not None and self.current_link is not None:
            self._edit(self.tr("Change class"),
                       commands.relabel_link(self.report, self.report.links[self.current_link], label))
