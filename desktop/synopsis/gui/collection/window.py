"""The window hosting the claim matrix, the heat map and a pair view."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QHeaderView, QLabel, QMainWindow,
                               QSpinBox, QSplitter, QTableView, QVBoxLayout, QWidget)

from ...core.collection import CollectionReport
from ...export.collection_table import source_names
from .heatmap import HeatMapWidget
from .model import SOURCE_ROLE, STATEMENT_ROLE, MatrixModel, MatrixProxy
from .pairview import PairView


class CollectionWindow(QMainWindow):
    """Claim matrix (sortable, filterable), heat map, and the pair behind a clicked cell.

    A click on a source cell (or a heat-map cell) shows that pair in the window's own panes,
    beside the matrix, with the statement selected. ``pairRequested(source_i, source_j,
    statement)`` asks for the shown pair in the comparison window (double-click, or
    File ▸ Open pair in the comparison window); whoever made this window connects it.
    """

    pairRequested = Signal(int, int, int)

    def __init__(self, collection: CollectionReport, parent=None) -> None:
        super().__init__(parent)
        self.collection = collection
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
        self.table.activated.connect(self._cell_clicked)
        self.table.doubleClicked.connect(lambda _index: self.request_pair())

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

        legend = QLabel("<b>S</b> shared (blue) · <b>P</b> paraphrased (yellow) · <b>—</b> absent · "
                        "bold = reference passage · † published first")
        legend.setWordWrap(True)
        self.table.setMinimumWidth(200)
        self.source_filter.setMinimumContentsLength(12)
        self.source_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        sources = QLabel("<br>".join(
            f"<b>{k + 1}</b>: {name}" + (f" ({doc.meta['published']})" if doc.meta.get("published") else "")
            + f" — {sum(1 for s in collection.statements if s.member(k))} statements"
            for k, (name, doc) in enumerate(zip(names, collection.documents))))
        sources.setTextFormat(Qt.TextFormat.RichText)
        sources.setWordWrap(True)
        self.heatmap = HeatMapWidget(collection)
        self.heatmap.cellClicked.connect(lambda i, j: self.open_pair(i, j, -1))

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

    def _cell_clicked(self, index: QModelIndex) -> None:
        source = index.data(SOURCE_ROLE)
        if source is None or source < 0:
            return
        statement = self.collection.statements[index.data(STATEMENT_ROLE)]
        other = statement.reference
        if other == source:
            rest = [m.source for m in statement.members if m.source != source]
            other = rest[0] if rest else next(k for k in range(len(self.collection.documents)) if k != source)
        self.open_pair(other, source, statement.id)

    def open_pair(self, i: int, j: int, statement: int) -> None:
        """Show sources i and j in the panes below the matrix, the statement selected."""
        self.pair_view.show_pair(i, j, statement)

    def request_pair(self) -> None:
        """Ask for the shown pair in the comparison window."""
        if self.pair_view.pair is not None:
            self.pairRequested.emit(*self.pair_view.pair)


def run_window(collection: CollectionReport, *, size: tuple[int, int] = (1400, 900),
               screenshot: Path | None = None) -> int:
    """Show the window (or render it into ``screenshot`` and return); the exit status."""
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
        window.grab().save(str(screenshot))
        window.close()
        return 0
    window.show()
    return app.exec()
