"""The scan window: choose a corpus and a result folder, run the scan (progress, cancel, the
Dask dashboard link), browse the clusters and their pairs, open a pair side by side in the
main window."""
from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtCore import QSettings, QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtWidgets import (QCheckBox, QFileDialog, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QMainWindow, QProgressBar, QPushButton, QSplitter, QTableView,
                               QVBoxLayout, QWidget)

from ..dialogs import Dialogs
from ..plaintext import plain_label
from ..workers import Job
from .models import ClustersModel, PairsModel

SCHEDULER_KEY = "scan/scheduler"
MEANING_KEY = "scan/meaning"
# What --meaning costs, from benchmarks/results/scan.md ("Meaning keys").
MEANING_TIP = ("Also finds reuse in another language, or reworded beyond its words (synopsis scan --meaning): "
               "every sentence of five words or more is embedded by the multilingual sentence model and "
               "given meaning keys. Slower: on 10,000 short articles it took about ten times the CPU time "
               "of a scan by words and twice the memory, as every worker loads the model.")


@dataclass(frozen=True)
class ScanRequest:
    """What the window asks a scan for (``synopsis scan CORPUS -o OUTPUT [--scheduler] [--meaning]``)."""

    corpus: str
    output: str
    scheduler: str = ""
    meaning: bool = False       # meaning keys: translated and reworded reuse (``--meaning``)

    def options(self, settings):
        """The scan's options with the app's ``settings``: by words (``SCAN_SETTINGS``), with
        meaning keys when asked, as ``synopsis scan [--meaning]`` would run it."""
        from ...scan import SCAN_SETTINGS
        from ...scan.pipeline import ScanOptions
        return ScanOptions.for_settings(settings.replace(**SCAN_SETTINGS).replace(meaning=self.meaning))


def _stored_flag(key: str) -> bool:
    """A yes/no value of QSettings (the INI format gives it back as text)."""
    return str(QSettings().value(key, False)).lower() in ("true", "1")


def scan_task(request: ScanRequest, settings, on_dashboard):
    """The background work of one scan; returns the result folder."""
    def task(progress, cancelled):
        from ...scan import cluster, inputs, results
        from ...scan.pipeline import run_scan
        out = Path(request.output)
        results.check_output(out)
        parts = inputs.plan(request.corpus)
        options = request.options(settings)
        progress("connect", 0.0)
        with cluster.connect(request.scheduler or None) as client:
            link = cluster.dashboard_link(client)
            if link:
                on_dashboard(link)
            result = run_scan(client, parts, options, progress=progress, cancelled=cancelled)
        results.write(result, out, request.corpus, options.record())
        return str(out)
    return task


def pair_task(folder, a: int, b: int, settings):
    def task(progress, cancelled):
        progress("compare", 0.1)
        return folder.compare_pair(a, b, settings)
    return task


def file_task(folder, cluster: int, library_path, settings):
    """File a cluster's pairs in the library (its own connection, in the worker thread)."""
    def task(progress, cancelled):
        from ...library import Library
        from ...scan.importing import import_cluster
        progress("file in the library", 0.1)
        with Library.open(library_path) as library:
            return import_cluster(folder, library, cluster, settings=settings)
    return task


def _table(model, column: int = 0, order=Qt.SortOrder.AscendingOrder) -> QTableView:
    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortRole(Qt.ItemDataRole.UserRole)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(column, order)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class ScanWindow(QMainWindow):
    dashboardFound = Signal(str)
    scanRequested = Signal(object)  # the ScanRequest of a scan as it starts
    resultShown = Signal(str)       # the result folder now browsed
    pairOpened = Signal(object)     # the Report shown in the main window
    clusterFiled = Signal(str)      # the library case a cluster was filed in

    def __init__(self, main_window) -> None:
        super().__init__()      # a window of its own (the main window keeps it alive)
        self.main = main_window
        self.job: Job | None = None
        self.folder = None
        self.setWindowTitle(self.tr("Scan a corpus — Synopsis"))
        self.resize(1200, 760)
        self._build()
        self.dashboardFound.connect(self._show_dashboard)

    def _form(self) -> QFormLayout:
        """The corpus, result folder, scheduler and meaning fields (remembered where it helps)."""
        self.corpus = QLineEdit()
        self.corpus.setPlaceholderText(self.tr("A folder of articles, a .jsonl, .csv or .parquet file, or its URL "
                                                  "(file://, s3:// …)"))
        self.output = QLineEdit()
        self.output.setPlaceholderText(self.tr("A new folder for the result"))
        self.scheduler = QLineEdit(str(QSettings().value(SCHEDULER_KEY, "") or ""))
        self.scheduler.setPlaceholderText(self.tr("Empty: a local cluster on this computer; or tcp://host:8786"))
        self.scheduler.editingFinished.connect(lambda: QSettings().setValue(SCHEDULER_KEY, self.scheduler.text().strip()))
        form = QFormLayout()
        form.addRow(self.tr("&Corpus:"), self._with_buttons(self.corpus, (self.tr("Folder…"), self._choose_folder),
                                                             (self.tr("File…"), self._choose_file)))
        form.addRow(self.tr("&Result folder:"), self._with_buttons(self.output, (self.tr("Choose…"), self._choose_output)))
        form.addRow(self.tr("&Scheduler:"), self.scheduler)
        self.meaning = QCheckBox(self.tr("Find &translated and reworded reuse (slower: meaning keys)"))
        self.meaning.setToolTip(self.tr(MEANING_TIP))
        self.meaning.setChecked(_stored_flag(MEANING_KEY))
        self.meaning.toggled.connect(lambda on: QSettings().setValue(MEANING_KEY, bool(on)))
        form.addRow("", self.meaning)
        return form

    def _build(self) -> None:
        form = self._form()
        self.start_button = QPushButton(self.tr("&Start scan"))
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cance&l"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.open_button = QPushButton(self.tr("&Open a result…"))
        self.open_button.clicked.connect(self._choose_result)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.status = plain_label(QLabel(self.tr("Choose a corpus and a new result folder, or open a result.")))
        self.dashboard = QLabel()
        self.dashboard.setOpenExternalLinks(True)
        self.dashboard.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        buttons = QHBoxLayout()
        for widget in (self.start_button, self.cancel_button, self.open_button, self.progress):
            buttons.addWidget(widget)
        self.clusters_model, self.pairs_model = ClustersModel(self), PairsModel(self)
        self.clusters = _table(self.clusters_model)
        self.pairs = _table(self.pairs_model, 7, Qt.SortOrder.DescendingOrder)   # most alarms first
        self.clusters.selectionModel().currentRowChanged.connect(self._cluster_chosen)
        self.pairs.doubleClicked.connect(lambda index: self.open_pair())
        self.pairs.activated.connect(lambda index: self.open_pair())
        self.open_pair_button = QPushButton(self.tr("Open &pair side by side"))
        self.open_pair_button.clicked.connect(self.open_pair)
        self.file_button = QPushButton(self.tr("File the cluster in the &library"))
        self.file_button.setToolTip(self.tr("A case with the cluster's articles and the comparison of each pair"))
        self.file_button.clicked.connect(self.file_cluster)
        pair_buttons = QWidget()
        row = QHBoxLayout(pair_buttons)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.open_pair_button, 1)
        row.addWidget(self.file_button)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self._titled(self.tr("Clusters (largest first; the likely source published first)"), self.clusters))
        split.addWidget(self._titled(self.tr("Reusing pairs of the cluster (Enter or double-click opens one)"),
                                     self.pairs, pair_buttons))
        body = QWidget()
        column = QVBoxLayout(body)
        column.addLayout(form)
        column.addLayout(buttons)
        column.addWidget(self.status)
        column.addWidget(self.dashboard)
        column.addWidget(split, 1)
        self.setCentralWidget(body)

    def _with_buttons(self, edit: QLineEdit, *buttons) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        for text, slot in buttons:
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        return box

    def _titled(self, title: str, *widgets) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 4, 0, 0)
        label = QLabel(f"<b>{escape(title)}</b>")
        label.setBuddy(widgets[0])
        column.addWidget(label)
        for widget in widgets:
            column.addWidget(widget)
        return box

    # -- choosing ---------------------------------------------------------------------------
    def _choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Corpus folder"))
        if path:
            self.corpus.setText(path)

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Corpus file"), "",
                                              self.tr("Tables (*.jsonl *.ndjson *.csv *.parquet *.db)"))
        if path:
            self.corpus.setText(path)

    def _choose_output(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New result folder"))
        if path:
            self.output.setText(path)

    def _choose_result(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Open a scan result"))
        if path:
            self.show_result(path)

    # -- scanning ---------------------------------------------------------------------------
    def start(self) -> None:
        corpus, output = self.corpus.text().strip(), self.output.text().strip()
        if not corpus or not output:
            Dialogs.error(self, self.tr("Scan a corpus"), self.tr("Choose a corpus and a new result folder first."))
            return
        self.dashboard.clear()
        request = ScanRequest(corpus, output, self.scheduler.text().strip(), self.meaning.isChecked())
        self.scanRequested.emit(request)
        self._run(Job(scan_task(request, self.main.engine, self.dashboardFound.emit), self), self._scan_finished)

    def _run(self, job: Job, finished) -> None:
        self.cancel()
        job.progress.connect(self._progress)
        job.finished.connect(finished)
        job.failed.connect(self._failed)
        job.cancelled.connect(lambda: self._ended(self.tr("Cancelled; nothing was written.")))
        self.job = job
        self.start_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        job.start()

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    @Slot(str, float)
    def _progress(self, stage: str, fraction: float) -> None:
        if self.sender() is self.job:
            self.progress.setValue(int(fraction * 100))
            self.status.setText(self.tr("Scanning: %1").replace("%1", stage))

    @Slot(str)
    def _show_dashboard(self, link: str) -> None:
        self.dashboard.setText(self.tr("Dask dashboard: %1").replace(
            "%1", f'<a href="{escape(link, quote=True)}">{escape(link)}</a>'))

    def _ended(self, message: str) -> None:
        self.job = None
        self.start_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.status.setText(message)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._ended(message)
        Dialogs.error(self, self.tr("Scan a corpus"), message)

    @Slot(object)
    def _scan_finished(self, path: str) -> None:
        self.progress.setValue(100)
        self._ended(self.tr("Done."))
        self.show_result(path)

    # -- browsing ---------------------------------------------------------------------------
    def show_result(self, path: str) -> None:
        from ...core import SynopsisError
        from ...scan.folder import ScanFolder
        try:
            self.folder = ScanFolder(path)
        except SynopsisError as exc:
            Dialogs.error(self, self.tr("Open a scan result"), str(exc))
            return
        counts = self.folder.manifest.get("counts", {})
        self.status.setText(self.tr("%1: %2 articles, %3 reusing pairs in %4 clusters").replace("%1", path)
                            .replace("%2", str(counts.get("articles", "?"))).replace("%3", str(len(self.folder.reuse)))
                            .replace("%4", str(len(self.folder.clusters))))
        self.clusters_model.set_frame(self.folder.clusters)
        self.pairs_model.set_frame(None)
        if len(self.folder.clusters):
            self.clusters.selectRow(0)
        self.resultShown.emit(path)

    def _cluster_chosen(self, current, previous) -> None:
        if self.folder is None or not current.isValid():
            return
        row = self.clusters.model().mapToSource(current).row()
        self.pairs_model.set_frame(self.folder.pairs(int(self.clusters_model.row(row)["cluster"])))
        if self.pairs_model.rowCount():
            self.pairs.selectRow(0)

    def open_pair(self) -> None:
        index = self.pairs.currentIndex()
        if self.folder is None or not index.isValid():
            return
        row = self.pairs_model.row(self.pairs.model().mapToSource(index).row())
        self._run(Job(pair_task(self.folder, int(row["a"]), int(row["b"]), self.main.engine), self), self._pair_ready)

    def file_cluster(self) -> None:
        index = self.clusters.currentIndex()
        if self.folder is None or not index.isValid():
            return
        number = int(self.clusters_model.row(self.clusters.model().mapToSource(index).row())["cluster"])
        self._run(Job(file_task(self.folder, number, self.main.library_ctl.path(), self.main.engine), self),
                  self._filed)

    @Slot(object)
    def _filed(self, answer) -> None:
        case, ids = answer
        self._ended(self.tr("Filed %1 comparison(s) in the case “%2” of the library.")
                    .replace("%1", str(len(ids))).replace("%2", case))
        library = self.main.library_ctl.library
        if library is not None:
            self.main.library_ctl.panel.refresh()
        self.clusterFiled.emit(case)

    @Slot(object)
    def _pair_ready(self, report) -> None:
        self._ended(self.tr("Opened %1 ↔ %2 in the main window.").replace("%1", report.documents[0].source)
                    .replace("%2", report.documents[1].source))
        self.main.open_report(report)
        raise_window(self.main)
        self.pairOpened.emit(report)

    def closeEvent(self, event) -> None:
        self.cancel()
        super().closeEvent(event)


def raise_window(widget) -> None:
    """Bring ``widget`` to the front (offscreen, where windows cannot be raised, nothing)."""
    from PySide6.QtWidgets import QApplication
    if QApplication.platformName() != "offscreen":
        widget.raise_()
