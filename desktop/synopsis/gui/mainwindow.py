"""The comparison window: wires panes, bands, overview, table and detail to one Report.

Views are thin; this class keeps the state (sources, report, selection) and reacts to the
user. Engine work runs in a :class:`~synopsis.gui.workers.Job`; its results arrive here on
the main thread. The library, exports and the many-sources matrix live in their controllers.
"""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal, Slot
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME
from ..core.config import Settings
from ..core.model import Report
from . import sources
from . import theme as themes
from .actions import ActionsMixin
from .appearance import AppearanceMixin
from .collection_controller import CollectionController
from .dialogs import Dialogs
from .editing import EditingMixin
from .export_controller import export_report
from .geometry import next_target
from .library_controller import LibraryController
from .models import PairsFilter, PairsModel
from .plaintext import plain_label
from .scrolling import SyncScrollMixin
from .settings import AppSettings
from .views.detail import DetailPanel
from .views.linkmap import LinkMap
from .views.overview import OverviewStrip
from .views.summary import Legend
from .views.textpane import SourcePane
from .views.verdict import VerdictBox
from .workers import Job


class MainWindow(EditingMixin, AppearanceMixin, ActionsMixin, SyncScrollMixin, QMainWindow):
    comparisonReady = Signal()  # a comparison (or a single source) is shown
    loadFailed = Signal(str)

    def __init__(self, settings: AppSettings | None = None) -> None:
        super().__init__()
        self.store = settings or AppSettings()
        self.engine = Settings()
        for key in ("shared_threshold", "shared_max_changed_words", "paraphrase_threshold"):
            if self.store.get(key) >= 0:
                self.engine = self.engine.replace(**{key: self.store.get(key)})
        self.engine = self.engine.replace(granularity=self.store.get("granularity"))
        self.specs: list[tuple | None] = [None, None]
        self.docs: list = [None, None]
        self.report: Report | None = None
        self.job: Job | None = None
        self.selection: dict[int, list[int]] = {0: [], 1: []}
        self.current_link: int | None = None
        self.active_side = 0
        self._link_of: list[dict[int, int]] = [{}, {}]
        self._anchors: list | None = None
        self._syncing = False
        self.undo = QUndoStack(self)
        self.theme_name = self.store.get("theme")
        self.theme = themes.resolve(self.theme_name)
        self.setWindowTitle(APP_NAME)
        self._build_views()
        self.library_ctl = LibraryController(self)
        self.collection_ctl = CollectionController(self)
        self._build_actions()
        self.set_theme(self.theme_name)
        if self.store.get("font_size") > 0:
            self.set_font_size(self.store.get("font_size"))
        geometry = self.store.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)
        state = self.store.state()
        if state is not None:
            self.restoreState(state)
        self._update_actions()

    # -- construction -------------------------------------------------------------------------
    def _build_views(self) -> None:
        self.panes = [SourcePane(0), SourcePane(1)]
        self.views = [p.text for p in self.panes]
        self.linkmap = LinkMap(self.views[0], self.views[1])
        self.overviews = [OverviewStrip(self.views[0]), OverviewStrip(self.views[1])]
        compare = QWidget()
        row = QHBoxLayout(compare)
        row.setContentsMargins(4, 4, 4, 0)
        row.setSpacing(2)
        row.addWidget(self.overviews[0])
        row.addWidget(self.panes[0], 1)
        row.addWidget(self.linkmap)
        row.addWidget(self.panes[1], 1)
        row.addWidget(self.overviews[1])
        self.model = PairsModel(self)
        self.proxy = PairsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((95, 55, 95, 150, 60, 60, 260)):
            self.table.setColumnWidth(column, width)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.table.setWordWrap(False)
        self.table.selectionModel().currentRowChanged.connect(self._table_row)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter pairs by text…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text)
        table_box = QWidget()
        tl = QVBoxLayout(table_box)
        tl.setContentsMargins(4, 0, 0, 0)
        tl.addWidget(self.search)
        tl.addWidget(self.table)
        self.detail = DetailPanel()
        self.verdict = VerdictBox()
        self.verdict.verdictChanged.connect(self._verdict_changed)
        detail_box = QWidget()
        dl = QVBoxLayout(detail_box)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.setSpacing(2)
        dl.addWidget(self.detail, 1)
        dl.addWidget(self.verdict)
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(table_box)
        bottom.addWidget(detail_box)
        bottom.setSizes([700, 500])
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(compare)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([640, 260])
        self.setCentralWidget(self.splitter)
        self.legend = Legend()
        self.legend.filtersChanged.connect(self.set_filters)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setRange(0, 100)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.status_label = plain_label(QLabel())
        bar = self.statusBar()
        bar.addWidget(self.legend)
        bar.addWidget(self.status_label, 1)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        self._show_progress(False)
        for side, pane in enumerate(self.panes):
            pane.openRequested.connect(lambda s=side: self.open_file(s))
            pane.pasteRequested.connect(lambda s=side: self.paste_source(s))
            pane.urlRequested.connect(lambda url, s=side: self.set_source(s, ("url", url)))
            pane.text.fileDropped.connect(lambda path, s=side: self.set_source(s, ("path", path)))
            pane.text.passageClicked.connect(lambda off, mods, s=side: self._clicked(s, off, mods))
            pane.text.verticalScrollBar().valueChanged.connect(lambda v, s=side: self._scrolled(s))
            pane.text.layoutChanged.connect(self._layout_changed)
        self.linkmap.linkClicked.connect(lambda i: self.select_link(i))

    # -- sources and comparison ---------------------------------------------------------------
    def open_file(self, side: int) -> None:
        path = Dialogs.open_file(self, self.tr("Open source %1").replace("%1", "AB"[side]))
        if path:
            self.set_source(side, ("path", path))

    def open_url(self) -> None:
        url = Dialogs.ask_url(self)
        if url:
            self.set_source(self._free_side(), ("url", url))

    def _free_side(self) -> int:
        return 0 if self.specs[0] is None else 1

    def paste_source(self, side: int | None) -> None:
        text = QApplication.clipboard().text()
        if not text.strip():
            Dialogs.error(self, self.tr("Nothing to paste"), self.tr("The clipboard holds no text."))
            return
        self.set_source(self._free_side() if side is None else side, ("text", text))

    def open_paths(self, a: str, b: str) -> None:
        self.specs = [("path", str(a)), ("path", str(b))]
        self.start()

    def set_source(self, side: int, spec: tuple) -> None:
        self.specs[side] = spec
        self.start()

    def swap(self) -> None:
        if self.specs[0] is None and self.specs[1] is None:
            return
        self.specs.reverse()
        self.start()

    def start(self) -> None:
        """Load the sources and, when there are two, compare them (in the background)."""
        if self.job is not None:
            self.job.cancel()
        self.undo.clear()
        job = Job(sources.make_task(list(self.specs), self.engine), self)
        job.progress.connect(self._progress)
        job.finished.connect(self._finished)
        job.failed.connect(self._failed)
        job.cancelled.connect(self._cancelled)
        self.job = job
        self._show_progress(True)
        job.start()

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
        self.collection_ctl.cancel()

    def _show_progress(self, on: bool) -> None:
        self.progress.setVisible(on)
        self.cancel_button.setVisible(on)
        self.progress.setValue(0)

    @Slot(str, float)
    def _progress(self, stage: str, fraction: float) -> None:
        if self.sender() is self.job:
            self.progress.setValue(int(fraction * 100))
            self.status_label.setText(self.tr("Working: %1").replace("%1", stage))

    @Slot(object)
    def _finished(self, result) -> None:
        if self.sender() is not self.job:
            return  # a superseded job
        self.job = None
        self._show_progress(False)
        docs, report = result
        self.docs = list(docs)
        self.set_report(report)
        if report is not None and all(s and s[0] == "path" for s in self.specs):
            self.store.add_recent(self.specs[0][1], self.specs[1][1])
        self.comparisonReady.emit()

    @Slot(str)
    def _failed(self, message: str) -> None:
        if self.sender() is not self.job:
            return
        self.job = None
        self._show_progress(False)
        self.status_label.setText(message)
        self.loadFailed.emit(message)
        Dialogs.error(self, self.tr("Could not compare"), message)

    @Slot()
    def _cancelled(self) -> None:
        if self.sender() is self.job:
            self.job = None
            self._show_progress(False)
            self.status_label.setText(self.tr("Cancelled"))

    def set_report(self, report: Report | None) -> None:
        self.report = report
        self.library_ctl.forget()
        self.selection = {0: [], 1: []}
        self.current_link = None
        for side in (0, 1):
            doc = report.documents[side] if report is not None else self.docs[side]
            self.panes[side].set_document(doc)
        self.detail.show_nothing()
        self.refresh()

    def open_report(self, report: Report) -> None:
        """Show a finished report (from the library or the matrix) without comparing again."""
        if self.job is not None:
            self.job.cancel()
            self.job = None
            self._show_progress(False)
        self.undo.clear()
        self.docs = list(report.documents)
        self.specs = [("document", d) for d in report.documents]
        self.set_report(report)
        self.comparisonReady.emit()

    def refresh(self) -> None:
        """Re-read the report's links into every view (after relabel or a manual edit)."""
        report = self.report
        self._anchors = None
        for side in (0, 1):
            pane = self.panes[side]
            if report is None:
                pane.text.set_labels([""] * len(pane.text.starts))
                continue
            pane.text.set_labels(report.label_of_segments(side))
            pane.summary.set_summary(report.summary(side))
            self._link_of[side] = report.link_of_segment(side)
            self.overviews[side].invalidate()
        self.refresh_verdict()
        self.linkmap.set_links(report.links if report else [])
        self.model.set_report(report)
        if report is not None:
            n = {k: sum(1 for l in report.links if l.label == k) for k in ("shared", "paraphrased")}
            self.status_label.setText(self.tr("%1 pairs: %2 shared, %3 paraphrased; unique passages: A %4, B %5")
                                      .replace("%1", str(len(report.links))).replace("%2", str(n["shared"]))
                                      .replace("%3", str(n["paraphrased"]))
                                      .replace("%4", str(len(report.unique_segments(0))))
                                      .replace("%5", str(len(report.unique_segments(1)))))
        self._update_actions()

    def counts(self, side: int) -> dict[str, int]:
        """How many passages of ``side`` the pane shows in each class (debris left out)."""
        view = self.views[side]
        out = {k: 0 for k in themes.CLASSES}
        for label, debris in zip(view.labels, view.debris):
            if label in out and not debris:
                out[label] += 1
        return out

    # -- selection ----------------------------------------------------------------------------
    def _clicked(self, side: int, offset: int, modifiers) -> None:
        seg = self.views[side].segment_at_offset(offset)
        if seg is not None:
            add = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
            self.select_segment(side, seg, add=add)

    def select_segment(self, side: int, seg: int, add: bool = False) -> None:
        self.active_side = side
        link = self._link_of[side].get(seg)
        if link is not None and not add:
            self.select_link(link, origin_side=side)
            return
        if self.current_link is not None:
            self.selection = {0: [], 1: []}
            self.current_link = None
        chosen = self.selection[side]
        if add and seg in chosen:
            chosen.remove(seg)
        elif add:
            chosen.append(seg)
        else:
            self.selection[side] = [seg]
        self._show_selection()
        if self.report is not None:
            self.detail.show_unique(self.report, side, seg)

    def select_link(self, index: int, origin_side: int | None = None) -> None:
        if self.report is None or not 0 <= index < len(self.report.links):
            return
        link = self.report.links[index]
        self.current_link = index
        self.selection = {0: list(link.a), 1: list(link.b)}
        self._show_selection()
        self._syncing = True
        try:
            for side in (0, 1):
                if side != origin_side and self.selection[side]:
                    self.views[side].ensure_segment_visible(min(self.selection[side]))
        finally:
            self._syncing = False
        self.detail.show_link(self.report, link)
        self.refresh_verdict()
        self.linkmap.selected = index
        self.linkmap.update()
        self._select_row(index)

    def _select_row(self, index: int) -> None:
        proxy_index = self.proxy.mapFromSource(self.model.index(index, 0))
        sm = self.table.selectionModel()
        sm.blockSignals(True)
        if proxy_index.isValid():
            sm.setCurrentIndex(proxy_index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                               | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(proxy_index)
        else:
            sm.clearSelection()
        sm.blockSignals(False)

    def _table_row(self, current, previous) -> None:
        if current.isValid():
            self.select_link(self.proxy.mapToSource(current).row())

    def _show_selection(self) -> None:
        for side in (0, 1):
            self.views[side].show_selection(self.selection[side])
        if self.current_link is None:
            self.linkmap.selected = None
            self.linkmap.update()
            self.refresh_verdict()
            if not self.selection[0] and not self.selection[1]:
                self.detail.show_nothing()      # after an edit or a threshold change: no stale pair
        self._update_actions()

    def refresh_verdict(self) -> None:
        """Show the selected pair's verdict (the box is disabled while no pair is selected)."""
        link = self.current_pair()
        self.verdict.show_verdict(self.library_ctl.verdict_of(link) if link else None, enabled=link is not None)

    def current_pair(self):
        if self.report is None or self.current_link is None or self.current_link >= len(self.report.links):
            return None
        return self.report.links[self.current_link]

    def _verdict_changed(self, verdict: str, note: str) -> None:
        link = self.current_pair()
        if link is not None:
            self.library_ctl.set_verdict(link, verdict, note)

    def save_comparison(self) -> None:
        self.library_ctl.save()

    def export(self) -> None:
        export_report(self)

    def _update_actions(self) -> None:
        has = self.report is not None
        self.act_link.setEnabled(has and bool(self.selection[0]) and bool(self.selection[1])
                                 and self.current_link is None)
        for act in (self.act_unlink, self.act_mark_shared, self.act_mark_para):
            act.setEnabled(has and self.current_link is not None)
        self.act_swap.setEnabled(self.specs[0] is not None or self.specs[1] is not None)
        self.act_save.setEnabled(has)
        self.act_export.setEnabled(has)

    def navigate(self, forward: bool) -> None:
        """Select the next (previous) paraphrased or unique passage of the active side."""
        if self.report is None:
            return
        side = self.active_side
        view = self.views[side]
        shown = self.legend.classes() - {"shared"}
        targets = [(view.starts[i], i) for i, (label, debris) in enumerate(zip(view.labels, view.debris))
                   if label in shown and not debris]
        # one stop per link, at its first passage
        seen, stops = set(), []
        for start, seg in targets:
            key = self._link_of[side].get(seg, ("u", seg))
            if key not in seen:
                seen.add(key)
                stops.append((start, seg))
        k = self._next_stop(side, [s for s, _ in stops], forward, self.tr("No more differences"))
        if k is None:
            return
        seg = stops[k][1]
        self.select_segment(side, seg)
        self.active_side = side
        self._syncing = True
        view.ensure_segment_visible(seg)
        self._syncing = False

    def navigate_facts(self, forward: bool) -> None:
        """Select the next (previous) pair, in the active side's order, with a changed fact
        worth checking (severity 2 or 3: not a spelling variant or a rounding)."""
        if self.report is None:
            return
        side = self.active_side
        view = self.views[side]
        stops = sorted((view.starts[min(ids)], i) for i, link in enumerate(self.report.links)
                       if (ids := (link.a if side == 0 else link.b)) and any(f.severity >= 2 for f in link.facts))
        k = self._next_stop(side, [s for s, _ in stops], forward, self.tr("No more changed facts"))
        if k is None:
            return
        index = stops[k][1]
        self.select_link(index, origin_side=side)
        self.active_side = side
        self._syncing = True
        view.ensure_segment_visible(min(self.selection[side]))
        self._syncing = False

    def _next_stop(self, side: int, positions: list[int], forward: bool, none_left: str) -> int | None:
        """The index in ``positions`` (sorted text positions of one side) of the stop after (or
        before) the current selection there; ``None``, said in the status bar, past the last."""
        current = min((self.views[side].starts[s] for s in self.selection[side]), default=None)
        k = next_target(positions, current, forward)
        if k is None:
            self.statusBar().showMessage(none_left, 2000)
        return k

    def closeEvent(self, event) -> None:
        if self.job is not None:
            self.job.cancel()
        self.store.set_geometry(self.saveGeometry())
        self.store.set_state(self.saveState())
        self.store.sync()
        self.collection_ctl.cancel()
        self.library_ctl.close()
        super().closeEvent(event)
