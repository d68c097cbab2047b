"""The window hosting the claim matrix, the heat map and a pair view."""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QHeaderView, QLabel, QMainWindow,
                               QSpinBox, QSplitter, QTableView, QVBoxLayout, QWidget)

from ...core.collection import CollectionReport
from ...core.model import Report
from ...export.collection_table import source_names
from ..plaintext import escaped
from .heatmap import HeatMapWidget
from .model import SOURCE_ROLE, STATEMENT_ROLE, MatrixModel, MatrixProxy
from .pairview import PairView


class CollectionWindow(QMainWindow):
    """Claim matrix (sortable, filterable), heat map, and the pair behind a clicked cell.

    ``pairRequested(source_i, source_j, statement)`` is emitted for a click on a source cell
    (i = the statement's reference source, j = the clicked one) or a heat-map cell (statement -1).
    ``pair_opener``, when whoever opened the window sets it, shows the pair's report elsewhere
    (the main window) and answers False when it cannot; the pair is then shown here.
    """

    pairRequested = Signal(int, int, int)

    def __init__(self, collection: CollectionReport, parent=None) -> None:
        super().__init__(parent)
        self.collection = collection
        self.pair_opener: Callable[[Report], bool] | None = None
        self.setWindowTitle(f"Synopsis — {len(collection.documents)} sources")
        self.model = MatrixModel(collection, self)
        self.proxy = MatrixProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectItems)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for col in range(self.model.columnCount() - 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.clicked.connect(self._cell_clicked)

        names = source_names(collection)
        self.source_filter = QComboBox()
        self.source_filter.addItem("All sources", None)
        for k, name in enumerate(names):
            self.source_filter.addItem(f"{k + 1}: {name}", k)
        self.source_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_source_filter(self.source_filter.currentData()))
        self.min_sources = QSpinBox()
        self.min_sources.setRange(1, len(names))
        self.min_sources.setPrefix("in at least ")
        self.min_sources.setSuffix(" source(s)")
        self.min_sources.valueChanged.connect(self.proxy.set_min_sources)

        legend = QLabel("<b>S</b> shared (blue) · <b>P</b> paraphrased (orange) · <b>—</b> absent · "
                        "bold = reference passage · † published first")
        legend.setWordWrap(True)
        self.table.setMinimumWidth(200)
        self.source_filter.setMinimumContentsLength(12)
        self.source_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        sources = QLabel("<br>".join(
            f"<b>{k + 1}</b>: {escaped(name)}"
            + (f" ({escaped(doc.meta['published'])})" if doc.meta.get("published") else "")
            + f" — {sum(1 for s in collection.statements if s.member(k))} statements"
            for k, (name, doc) in enumerate(zip(names, collection.documents))))
        sources.setTextFormat(Qt.TextFormat.RichText)
        sources.setWordWrap(True)
        self.heatmap = HeatMapWidget(collection)
        self.heatmap.cellClicked.connect(lambda i, j: self.pairRequested.emit(i, j, -1))

        controls = QHBoxLayout()
        controls.addWidget(QLabel("Show:"))
        controls.addWidget(self.source_filter)
        controls.addWidget(self.min_sources)
        controls.addStretch(1)
        controls.addWidget(legend)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(controls)
        left_layout.addWidget(self.table)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(QLabel("<b>Sources</b>"))
        right_layout.addWidget(sources)
        right_layout.addWidget(QLabel("<b>Similarity</b> (row's text found in column)"))
        right_layout.addWidget(self.heatmap, 1)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(left)
        top.addWidget(right)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 1)
        self.pair_view = PairView(collection)
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(top)
        body.addWidget(self.pair_view)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 2)
        self.setCentralWidget(body)
        self.statusBar().showMessage(
            f"{len(collection.statements)} statements, "
            f"{sum(1 for s in collection.statements if len(s.members) > 1)} in two sources or more")
        self.pairRequested.connect(self.open_pair)

    def _cell_clicked(self, index: QModelIndex) -> None:
        source = index.data(SOURCE_ROLE)
        if source is None or source < 0:
            return
        statement = self.collection.statements[index.data(STATEMENT_ROLE)]
        other = statement.reference
        if other == source:
            rest = [m.source for m in statement.members if m.source != source]
            other = rest[0] if rest else next(k for k in range(len(self.collection.documents)) if k != source)
        self.pairRequested.emit(other, source, statement.id)

    def open_pair(self, i: int, j: int, statement: int) -> None:
        if self.pair_opener is not None:
            report, _swapped = self.collection.report_for(i, j)
            if self.pair_opener(report) is not False:  # False: no main window to show it in
                return
        self.pair_view.show_pair(i, j, statement)


def run_window(collection: CollectionReport, *, size: tuple[int, int] = (1400, 900),
               screenshot: Path | None = None, protected=(), library=()) -> int:
    """Show the window (or render it into ``screenshot`` and return); the exit status.

    The screenshot is written through :func:`synopsis.export.safe_output.write_output` (never
    over an input in ``protected`` or the ``library``); a failure raises its one-line error.
    """
    if screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen needed to render
    app = QApplication.instance() or QApplication([])
    window = CollectionWindow(collection)
    window.resize(*size)
    if screenshot is not None:  # rendered without showing: offscreen, nothing to map
        rows = [s for s in collection.rows() if len(s.members) > 1]
        if rows:
            window.open_pair(rows[0].reference, next(m.source for m in rows[0].members
                                                     if m.source != rows[0].reference), rows[0].id)
        for _ in range(3):
            app.processEvents()
        try:
            write_png(window, screenshot, protected=protected, library=library)
        finally:
            window.close()
        return 0
    window.show()
    return app.exec()


def write_png(widget, path: Path, *, protected=(), library=()) -> None:
    """Render ``widget`` into a PNG at ``path`` (safely; an impossible size is an error)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    from ...export.safe_output import OutputError, write_output

    pixmap = widget.grab()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if pixmap.isNull() or not pixmap.save(buffer, "PNG"):
        raise OutputError(path, f"the window could not be rendered at {widget.width()}x{widget.height()} "
                                "pixels; nothing was written")
    buffer.close()
    write_output(path, bytes(data.data()), protected=protected, library=library)
