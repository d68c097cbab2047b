"""Every changed fact of the comparison in one list, most severe first (a dockable pane).

Like a word processor's revisions pane: one row per changed fact (severity, kind, what A and B
say, the note), sorted by severity and then by position in A; choosing a row selects its pair.
It observes the comparison session.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from ...core.vocab import Severity, display_name
from ..appearance import appearance
from ..plaintext import tooltip
from .turns import turns

LINK_ROLE = Qt.ItemDataRole.UserRole


def severity_names(tr) -> dict[int, str]:
    return {int(sev): tr(display_name(sev)) for sev in Severity}


def fact_rows(report) -> list[tuple[int, int, int, object]]:
    """(severity, position in A, link index, fact), most severe first, then in A's order."""
    rows = []
    for index, link in enumerate(report.links):
        for fact in link.facts:
            where = fact.a.start if fact.a is not None else report.documents[0].segments[min(link.a)].start
            rows.append((fact.severity, where, index, fact))
    return sorted(rows, key=lambda r: (-r[0], r[1], r[2]))


class FactsList(QTreeWidget):
    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.setHeaderLabels([self.tr("Severity"), self.tr("Kind"), "A", "B", self.tr("Note")])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(False)
        self.setAccessibleName(self.tr("Changed facts"))
        self.setAccessibleDescription(self.tr("Every changed fact, most severe first; Enter selects its pair"))
        for col, width in enumerate((70, 80, 150, 150)):
            self.setColumnWidth(col, width)
        self.itemActivated.connect(self._chosen)
        self.itemClicked.connect(self._chosen)
        self._stale = False     # hidden when the report changed: filled when shown
        session.reportChanged.connect(self._report_changed)
        session.selectionChanged.connect(self._selection_changed)
        appearance().changed.connect(self._appearance_changed)
        self._appearance_changed("font")

    def _appearance_changed(self, what: str) -> None:
        if what == "font":
            self.setFont(appearance().zoomed(self.font()))

    def _report_changed(self) -> None:
        """The rows of a new report: in a turn of their own when the list is in view, else
        when it is opened."""
        self._stale = True
        if self.isVisible():
            turns().post(self, "rows", self.refresh)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            turns().cancel(self, "rows")
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        self.clear()
        report = self.session.report
        if report is None:
            return
        names = severity_names(self.tr)
        ta, tb = report.documents[0].text, report.documents[1].text
        items = []
        for severity, _pos, index, fact in fact_rows(report):
            mark = "⚠ " if severity >= 3 else ""
            item = QTreeWidgetItem([mark + names.get(severity, str(severity)), fact.kind,
                                    " ".join(fact.a.slice(ta).split()) if fact.a else "—",
                                    " ".join(fact.b.slice(tb).split()) if fact.b else "—", fact.note])
            item.setData(0, LINK_ROLE, index)
            item.setToolTip(4, tooltip(fact.note))
            items.append(item)
        self.addTopLevelItems(items)
        self._selection_changed()

    def _selection_changed(self) -> None:
        link = self.session.selection.link
        self.blockSignals(True)
        try:
            self.clearSelection()
            for k in range(self.topLevelItemCount()):
                item = self.topLevelItem(k)
                if item.data(0, LINK_ROLE) == link:
                    item.setSelected(True)
        finally:
            self.blockSignals(False)

    def _chosen(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        index = item.data(0, LINK_ROLE)
        if index is not None:
            self.session.select_link(int(index))
