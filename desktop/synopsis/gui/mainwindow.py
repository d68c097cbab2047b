"""The comparison window: lays out the views around one :class:`ComparisonSession`.

The session holds the comparison (sources, report, selection, review, settings, running job);
every view observes it and the window only places the views, asks the file and leave
questions, and keeps the window-wide preferences (theme, text size, remembered settings).
"""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QApplication, QDockWidget, QHBoxLayout, QLabel, QMainWindow, QSizePolicy,
                               QSplitter, QVBoxLayout, QWidget)

from .. import APP_NAME
from ..export import layout
from ..library import default_path
from .actions import build_actions
from .appearance import FocusRing, appearance
from .collection_controller import CollectionController
from .dialogs import Dialogs
from .export_controller import export_report
from .library_controller import LibraryController
from .plaintext import plain_label
from .scrolling import ScrollCoordinator
from .session import ComparisonSession
from .settings import OPTIONS, AppSettings
from .views.detail import DetailPanel
from .views.facts_list import FactsList
from .views.linkmap import LinkMap
from .views.overview import OverviewStrip
from .views.pairs_table import PairsTable
from .views.progress import ProgressIndicator
from .views.summary import Legend
from .views.textpane import SourcePane
from .views.thresholds import ThresholdBar
from .views.verdict import VerdictBox

LINE_CHARACTERS = 110        # a pane wider than this many characters wastes the reader's eye


def initial_size(available: QSize, wanted: QSize = QSize(1400, 900)) -> QSize:
    """The first window's size: what it wants, but never more than the screen offers."""
    return QSize(min(wanted.width(), available.width()), min(wanted.height(), available.height()))


class MainWindow(QMainWindow):
    comparisonReady = Signal()  # a comparison (or a single source) is shown
    loadFailed = Signal(str)

    def __init__(self, settings: AppSettings | None = None) -> None:
        super().__init__()
        self.store = settings or AppSettings()
        self.setWindowTitle(APP_NAME)
        look = appearance()
        look.set_theme(self.store.get("theme"))
        look.set_font_size(self.store.get("font_size"))
        self.session = ComparisonSession(self.store.engine_defaults(), self)
        self.session.fact_severities = set(self.store.get("fact_severities"))
        self.session.may_leave = self.may_leave
        self._build_views()
        self.scroller = ScrollCoordinator(self.session, self.views, self.store.get("sync_scroll"), self)
        self.library_ctl = LibraryController(self.session, self, self.store)
        self.collection_ctl = CollectionController(self.session, self, self.store)
        self.collection_ctl.pairOpened.connect(self._pair_from_matrix)
        self.library_ctl.collectionOpened.connect(self.collection_ctl.show)
        self.library_ctl.manySourcesChosen.connect(self.collection_ctl.start)
        self.collection_ctl.made.connect(self.library_ctl.keep_collection)
        self.progress.watch(self.session.comparer)
        self.progress.watch(self.session.relabeller)
        self.progress.watch(self.collection_ctl.runner)
        build_actions(self)
        self._connect_session()
        self.focus_ring = FocusRing(self)
        look.changed.connect(self._appearance_changed)
        self._appearance_changed("theme")
        self._appearance_changed("font")
        self._restore_geometry()
        self._update_actions()
        self._tab_order()

    def _tab_order(self) -> None:
        """Tab goes through the views in reading order; the first text pane has the focus."""
        chain = [self.views[0], self.linkmap, self.views[1], self.overviews[0], self.overviews[1],
                 *self.legend.boxes.values(), self.pairs.search, self.pairs.table, self.detail,
                 self.verdict.combo, self.verdict.note]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        self.views[0].setFocus()

    # -- construction -------------------------------------------------------------------------
    def _build_views(self) -> None:
        s = self.session
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self._build_comparison())
        self.splitter.addWidget(self._build_pairs_and_detail())
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.setCentralWidget(self.splitter)
        self.facts = FactsList(s)
        self.facts_dock = QDockWidget(self.tr("Changed facts"), self)
        self.facts_dock.setObjectName("facts-dock")
        self.facts_dock.setWidget(self.facts)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.facts_dock)
        self.facts_dock.hide()
        self.facts_dock.visibilityChanged.connect(self._facts_shown)
        self.thresholds = ThresholdBar(s)
        self.thresholds.saveDefaultRequested.connect(self.save_default_thresholds)
        self.thresholds.resetRequested.connect(self.reset_thresholds)
        self.status_label = plain_label(QLabel())     # messages name files: text, not markup
        self.status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.progress = ProgressIndicator()
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.progress)

    def _build_comparison(self) -> QWidget:
        """The two panes, the band map and the overview strips, centred (line length capped)."""
        s = self.session
        self.panes = [SourcePane(0, s), SourcePane(1, s)]
        self.views = [p.text for p in self.panes]
        self.linkmap = LinkMap(self.views[0], self.views[1], s)
        self.overviews = [OverviewStrip(self.views[0], self.tr("source A")),
                          OverviewStrip(self.views[1], self.tr("source B"))]
        compare = QWidget()
        row = QHBoxLayout(compare)
        row.setContentsMargins(4, 4, 4, 0)
        row.setSpacing(2)
        row.addStretch(1)
        for widget, stretch in ((self.overviews[0], 0), (self.panes[0], 20), (self.linkmap, 0),
                                (self.panes[1], 20), (self.overviews[1], 0)):
            row.addWidget(widget, stretch)
        row.addStretch(1)
        for side, pane in enumerate(self.panes):
            pane.openRequested.connect(lambda s_=side: self.open_file(s_))
            pane.pasteRequested.connect(lambda s_=side: self.paste_source(s_))
        return compare

    def _build_pairs_and_detail(self) -> QWidget:
        """The class filters above the pairs table and the detail panel with the verdict box."""
        s = self.session
        self.legend = Legend()
        self.legend.filtersChanged.connect(s.set_filters)
        self.pairs = PairsTable(s)
        self.detail = DetailPanel(s)
        self.verdict = VerdictBox(s)
        detail_box = QWidget()
        dl = QVBoxLayout(detail_box)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.setSpacing(2)
        dl.addWidget(self.detail, 1)
        dl.addWidget(self.verdict)
        pairs_and_detail = QSplitter(Qt.Orientation.Horizontal)
        pairs_and_detail.addWidget(self.pairs)
        pairs_and_detail.addWidget(detail_box)
        pairs_and_detail.setSizes([700, 500])
        bottom = QWidget()
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.setSpacing(0)
        bl.addWidget(self.legend)        # the class filters: never hidden by a status message
        bl.addWidget(pairs_and_detail, 1)
        return bottom

    def _facts_shown(self, shown: bool) -> None:
        if shown and self.facts_dock.width() < 360:       # wide enough to read A and B side by side
            self.resizeDocks([self.facts_dock], [min(520, self.width() // 3)], Qt.Orientation.Horizontal)

    def _connect_session(self) -> None:
        s = self.session
        s.ready.connect(self._ready)
        s.failed.connect(self._failed)
        s.notice.connect(lambda text: self.statusBar().showMessage(text, 5000))
        s.carriedOver.connect(self._not_carried)
        for signal in (s.reportChanged, s.selectionChanged, s.reviewChanged):
            signal.connect(self._update_actions)
        s.reportChanged.connect(self._summarise)

    def _restore_geometry(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry().size()
        geometry = self.store.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(initial_size(available))
        elif self.width() > available.width() or self.height() > available.height():
            self.resize(initial_size(available, self.size()))
        state = self.store.state()
        if state is not None:
            self.restoreState(state)

    # -- what the session says ----------------------------------------------------------------
    @property
    def report(self):
        return self.session.report

    @property
    def docs(self):
        return self.session.docs

    @property
    def engine(self):
        """The shown comparison's settings (what other windows, such as the scan's, compare with)."""
        return self.session.settings

    def open_report(self, report) -> bool:
        """Show a finished report (another window's pair) here; its review, if any, comes along."""
        return self.session.open_report(report)

    def _ready(self) -> None:
        specs = self.session.specs
        if self.session.report is not None and all(sp and sp[0] == "path" for sp in specs):
            self.store.add_recent(specs[0][1], specs[1][1])
        self.comparisonReady.emit()

    def _failed(self, message: str) -> None:
        self.status_label.setText(message)
        self.loadFailed.emit(message)
        Dialogs.error(self, self.tr("Could not compare"), message)

    def _not_carried(self, lines: list[str]) -> None:
        Dialogs.info(self, self.tr("Review carried over in part"),
                     self.tr("%n item(s) of your earlier review of these two texts could not be carried over "
                             "to this comparison (they stay in the library with the earlier one).", "", len(lines)),
                     "\n".join(lines))

    def _summarise(self) -> None:
        report = self.session.report
        if report is None:
            self.status_label.setText("")
            return
        n = {k: sum(1 for l in report.links if l.label == k) for k in ("shared", "paraphrased")}
        self.status_label.setText(
            self.tr("%1 pairs: %2 shared, %3 paraphrased; unique passages: A %4, B %5")
            .replace("%1", str(len(report.links))).replace("%2", str(n["shared"]))
            .replace("%3", str(n["paraphrased"])).replace("%4", str(len(report.unique_segments(0))))
            .replace("%5", str(len(report.unique_segments(1)))))
        if report.is_translation:
            self.status_label.setText(self.tr("Translation comparison") + " · " + self.status_label.text())
        notices = report.comparison.notices if report.comparison is not None else ()
        if notices:  # e.g. no sentence-embedding model: said where the eye goes, read in full in the detail panel
            self.status_label.setText(self.status_label.text() + " · ⚠ "
                                      + self.tr("%n notice(s) on how it was compared: see the detail panel", "", len(notices)))
        self.status_label.setToolTip("\n".join(layout.comparison_lines(report)))

    def _update_actions(self) -> None:
        s = self.session
        has, sel = s.report is not None, s.selection
        self.act_link.setEnabled(has and bool(sel.a) and bool(sel.b) and sel.link is None)
        for act in (self.act_unlink, self.act_mark_shared, self.act_mark_para, self.act_clear_verdict,
                    self.act_note, *self.verdict_actions):
            act.setEnabled(has and sel.link is not None)
        self.act_swap.setEnabled(s.specs[0] is not None or s.specs[1] is not None)
        for act in (self.act_save, self.act_export):
            act.setEnabled(has)

    def counts(self, side: int) -> dict[str, int]:
        """How many passages of ``side`` the pane shows in each class (debris left out)."""
        view = self.views[side]
        out = {k: 0 for k in ("shared", "paraphrased", "unique")}
        for label, debris in zip(view.labels, view.debris):
            if label in out and not debris:
                out[label] += 1
        return out

    # -- sources ------------------------------------------------------------------------------
    def open_paths(self, a: str, b: str) -> bool:
        return self.session.open_paths(a, b)

    def set_source(self, side: int, spec: tuple) -> bool:
        return self.session.set_source(side, spec)

    def open_file(self, side: int) -> None:
        path = Dialogs.open_file(self, self.tr("Open source %1").replace("%1", "AB"[side]))
        if path:
            self.session.set_source(side, ("path", path))

    def open_url(self) -> None:
        chosen = Dialogs.ask_url(self, self.session.free_side())
        if chosen:
            url, side = chosen
            self.session.set_source(side, ("url", url))

    def paste_source(self, side: int | None) -> None:
        text = QApplication.clipboard().text()
        if not text.strip():
            Dialogs.error(self, self.tr("Nothing to paste"), self.tr("The clipboard holds no text."))
            return
        self.session.set_source(self.session.free_side() if side is None else side, ("text", text))

    def fill_recent(self) -> None:
        self.recent_menu.clear()
        entries = self.store.recent()
        if not entries:
            self.recent_menu.addAction(self.tr("(none yet)")).setEnabled(False)
        for a, b in entries:
            act = self.recent_menu.addAction(f"{a}  ↔  {b}")
            act.triggered.connect(lambda checked=False, a=a, b=b: self.open_paths(a, b))

    def _pair_from_matrix(self, report, statement_side: int, segments: list[int]) -> None:
        if self.session.open_report(report):
            if segments:
                self.session.select_segment(statement_side, segments[0])
            if QApplication.platformName() != "offscreen":    # (offscreen cannot raise windows)
                self.raise_()

    def export(self) -> None:
        export_report(self)

    # -- review -------------------------------------------------------------------------------
    def set_verdict(self, verdict: str) -> None:
        self.session.set_review(verdict=verdict)

    def focus_note(self) -> None:
        if self.session.current_pair() is not None:
            self.verdict.note.setFocus()

    def may_leave(self) -> bool:
        """Before the shown comparison is replaced or the window closes: nothing is lost silently."""
        self.verdict.commit_note()
        keeper = self.library_ctl.keeper
        if not keeper.unsaved:
            return True
        choice = Dialogs.ask_unsaved(self, self.tr(
            "Your review of this comparison (verdicts, notes or corrections) could not be written to the "
            "library. Try to save it again, or discard it?"))
        if choice == "save":
            return keeper.save_all()
        if choice == "discard":
            keeper.discard()
            return True
        return False

    # -- thresholds ---------------------------------------------------------------------------
    def save_default_thresholds(self) -> None:
        defaults = self.store.engine_defaults()
        t = self.session.settings
        self.store.set_engine_defaults(defaults.replace(shared_threshold=t.shared_threshold,
                                                        shared_max_changed_words=t.shared_max_changed_words,
                                                        paraphrase_threshold=t.paraphrase_threshold))
        self.statusBar().showMessage(self.tr("New comparisons will start with these thresholds"), 5000)

    def reset_thresholds(self) -> None:
        d = self.store.engine_defaults()
        self.session.set_thresholds(shared_threshold=d.shared_threshold,
                                    shared_max_changed_words=d.shared_max_changed_words,
                                    paraphrase_threshold=d.paraphrase_threshold)

    # -- appearance and preferences -------------------------------------------------------------
    def set_theme(self, name: str) -> None:
        self.store.set("theme", name)
        appearance().set_theme(name)

    def zoom(self, step: int) -> None:
        look = appearance()
        size = 0.0 if step == 0 else look.points() + step
        look.set_font_size(size)
        self.store.set("font_size", look.font_size)

    def set_sync(self, on: bool) -> None:
        self.store.set("sync_scroll", bool(on))
        self.scroller.set_sync(on)

    def _appearance_changed(self, what: str) -> None:
        look = appearance()
        if what == "theme":
            for key, act in self.theme_actions.items():
                act.blockSignals(True)
                act.setChecked(key == look.theme_name)
                act.blockSignals(False)
            self.focus_ring.update()
        else:   # cap the line length: very wide panes are hard to read
            width = self.views[0].fontMetrics().averageCharWidth() * LINE_CHARACTERS + 40
            for pane in self.panes:
                pane.setMaximumWidth(width)

    def show_shortcuts(self) -> None:
        Dialogs.shortcuts(self, self.actions())

    def preferences(self) -> None:
        options = {key: self.store.get(key) for key, opt in OPTIONS.items() if opt.label}
        result = Dialogs.preferences(self, self.store.engine_defaults(), options, str(default_path()))
        if result is None:
            return
        defaults, chosen = result
        self.store.set_engine_defaults(defaults)
        if "library_path" in chosen:
            self.library_ctl.set_path(chosen["library_path"])
        if "theme" in chosen:
            self.set_theme(chosen["theme"])
        if "fact_severities" in chosen:
            self.store.set("fact_severities", chosen["fact_severities"])
            self.session.fact_severities = set(chosen["fact_severities"])
        if "sync_scroll" in chosen:
            self.act_sync.setChecked(bool(chosen["sync_scroll"]))
        self.session.set_granularity(defaults.granularity)

    # -- closing ------------------------------------------------------------------------------
    def closeEvent(self, event) -> None:
        if not self.may_leave():
            event.ignore()
            return
        self.session.shutdown()
        self.collection_ctl.shutdown()
        self.store.set_geometry(self.saveGeometry())
        self.store.set_state(self.saveState())
        self.store.sync()
        self.library_ctl.close()
        super().closeEvent(event)
