"""The claim matrix as a workbench: the matrix, the sources and heat map, and the chosen pair.

One row per statement, one column per outlet (named in the header). Choosing a cell (click or
Enter) shows that pair in the panes below the matrix, the statement selected and in view; the
window's menu exports the matrix (HTML, CSV, JSON, Markdown) and asks for the pair in the
comparison window (``pairRequested``; whoever made this window connects it).
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QHeaderView, QLabel, QMainWindow,
                               QSpinBox, QSplitter, QTableView, QVBoxLayout, QWidget)

from ...core.collection import CollectionReport
from ... import export
from ...core.errors import SynopsisError
from ...export.collection_table import source_names
from ..dialogs import Dialogs
from ..plaintext import escaped
from .heatmap import HeatMapWidget
from .model import SOURCE_ROLE, STATEMENT_ROLE, MatrixModel, MatrixProxy
from .pairview import PairView

# the formats File ▸ Export offers (all in synopsis.export's registry) and their file-type filters
EXPORTS = {"html": "Web page (*.html)", "csv": "Spreadsheet (*.csv)", "json": "JSON (*.json)",
           "markdown": "Markdown (*.md)"}
SUFFIXES = {".html": "html", ".htm": "html", ".csv": "csv", ".json": "json", ".md": "markdown"}


class CollectionWindow(QMainWindow):
    pairRequested = Signal(int, int, int)     # (source i, source j, statement id or -1)

    def __init__(self, collection: CollectionReport, parent=None) -> None:
        super().__init__(parent)
        self.collection = collection
        self.names = source_names(collection)
        # the files an export must never replace: the sources (and the library, set by the opener)
        self.protected: list[str] = [doc.source for doc in collection.documents]
        self.library_files: list[Path] = []
        self.setWindowTitle(self.tr("Synopsis — claim matrix of %n sources", "", len(collection.documents)))
        self.model = MatrixModel(collection, self)
        self.proxy = MatrixProxy(self)
        self.proxy.setSourceModel(self.model)
        self.pair_view = PairView(collection)
        body = QSplitter(Qt.Orientation.Vertical)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self._build_matrix())
        top.addWidget(self._build_side())
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 1)
        body.addWidget(top)
        body.addWidget(self.pair_view)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 2)
        self.setCentralWidget(body)
        self._build_menu()
        self.statusBar().showMessage(self.tr("%1 statements, %2 in two sources or more; choose a cell to compare "
                                             "that pair below").replace("%1", str(len(collection.statements)))
                                     .replace("%2", str(sum(1 for s in collection.statements if len(s.members) > 1))))

    # -- construction ---------------------------------------------------------------------------
    def _build_matrix(self) -> QWidget:
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Claim matrix"))
        self.table.setAccessibleDescription(self.tr("One row per statement, one column per source; Enter on a "
                                                    "cell compares that source with the statement's reference"))
        header = self.table.horizontalHeader()
        for col in range(self.model.columnCount() - 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setMinimumWidth(200)
        self.table.clicked.connect(self._cell_chosen)
        self.table.activated.connect(self._cell_chosen)
        self.table.doubleClicked.connect(lambda _index: self.request_pair())
        self.source_filter = QComboBox()
        self.source_filter.setAccessibleName(self.tr("Show the statements of"))
        self.source_filter.addItem(self.tr("All sources"), None)
        for k, name in enumerate(self.names):
            self.source_filter.addItem(f"{k + 1}: {name}", k)
        self.source_filter.setMinimumContentsLength(12)
        self.source_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.source_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_source_filter(self.source_filter.currentData()))
        self.min_sources = QSpinBox()
        self.min_sources.setAccessibleName(self.tr("In at least this many sources"))
        self.min_sources.setRange(1, len(self.names))
        self.min_sources.setPrefix(self.tr("in at least "))
        self.min_sources.setSuffix(self.tr(" source(s)"))
        self.min_sources.valueChanged.connect(self.proxy.set_min_sources)
        legend = QLabel(self.tr("S shared (blue) · P paraphrased (orange) · U in this source only (pink) · "
                                "— absent · bold = reference passage · † published first"))
        legend.setWordWrap(True)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Show:")))
        controls.addWidget(self.source_filter)
        controls.addWidget(self.min_sources)
        controls.addWidget(legend, 1)
        left = QWidget()
        layout = QVBoxLayout(left)
        layout.addLayout(controls)
        layout.addWidget(self.table)
        return left

    def _build_side(self) -> QWidget:
        lines = []
        for k, (name, doc) in enumerate(zip(self.names, self.collection.documents)):
            published = f" ({escaped(doc.meta['published'])})" if doc.meta.get("published") else ""
            count = sum(1 for s in self.collection.statements if s.member(k))
            lines.append(f"<b>{k + 1}</b>: {escaped(name)}{published} — "
                         + self.tr("%n statement(s)", "", count))
        sources = QLabel("<br>".join(lines))
        sources.setTextFormat(Qt.TextFormat.RichText)
        sources.setWordWrap(True)
        self.heatmap = HeatMapWidget(self.collection)
        self.heatmap.cellClicked.connect(lambda i, j: self.open_pair(i, j, -1))
        right = QWidget()
        layout = QVBoxLayout(right)
        layout.addWidget(QLabel("<b>" + self.tr("Sources") + "</b>"))
        layout.addWidget(sources)
        layout.addWidget(QLabel("<b>" + self.tr("Similarity") + "</b> " + self.tr("(row's text found in column)")))
        layout.addWidget(self.heatmap, 1)
        return right

    def _build_menu(self) -> None:
        def action(text: str, slot, keys: str | QKeySequence.StandardKey | None = None) -> QAction:
            act = QAction(text, self)
            if keys is not None:
                act.setShortcut(QKeySequence(keys))
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.act_export = action(self.tr("&Export the matrix…"), self.export, "Ctrl+E")
        self.act_open_pair = action(self.tr("&Open the pair in the comparison window"), self.request_pair,
                                    "Ctrl+Return")
        self.act_close = action(self.tr("&Close"), self.close, QKeySequence.StandardKey.Close)
        self.act_matrix = action(self.tr("Go to the &matrix"), self.table.setFocus, "Ctrl+1")
        self.act_pair = action(self.tr("Go to the &pair"), lambda: self.pair_view.panes[0].setFocus(), "Ctrl+2")
        self.act_shortcuts = action(self.tr("&Keyboard shortcuts"),
                                    lambda: Dialogs.shortcuts(self, self.actions()), "F1")
        menus = self.menuBar()
        for title, acts in ((self.tr("&File"), (self.act_export, self.act_open_pair, None, self.act_close)),
                            (self.tr("&View"), (self.act_matrix, self.act_pair)),
                            (self.tr("&Help"), (self.act_shortcuts,))):
            menu = menus.addMenu(title)
            for act in acts:
                menu.addSeparator() if act is None else menu.addAction(act)

    # -- choosing a pair ------------------------------------------------------------------------
    def _cell_chosen(self, index: QModelIndex) -> None:
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
        self.statusBar().showMessage(self.tr("%1 and %2 below; Ctrl+Return opens them in the comparison window")
                                     .replace("%1", self.names[i]).replace("%2", self.names[j]))

    def request_pair(self) -> None:
        """Ask for the shown pair in the comparison window."""
        if self.pair_view.pair is not None:
            self.pairRequested.emit(*self.pair_view.pair)

    # -- export ---------------------------------------------------------------------------------
    def export(self) -> Path | None:
        filters = [self.tr(f) for f in EXPORTS.values()]
        chosen = Dialogs.save_file(self, self.tr("Export the claim matrix"), filters, "claim-matrix.html")
        if not chosen:
            return None
        path, chosen_filter = chosen
        out = Path(path)
        fmt = SUFFIXES.get(out.suffix.lower())
        if fmt is None:
            fmt = next((k for k, f in EXPORTS.items() if self.tr(f) == chosen_filter), "html")
            out = out.with_name(out.name + {"markdown": ".md"}.get(fmt, "." + fmt))
        try:
            export.write_report(self.collection, out, fmt, protected=self.protected, library=self.library_files)
        except SynopsisError as exc:    # names the file and the reason
            Dialogs.error(self, self.tr("Could not export"), str(exc))
            return None
        except OSError as exc:
            Dialogs.error(self, self.tr("Could not export"), f"{out}: {exc.strerror or exc}")
            return None
        self.statusBar().showMessage(self.tr("Exported %1").replace("%1", str(out)), 6000)
        return out


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
    window.protected += [str(p) for p in protected]
    window.library_files = [Path(p) for p in library]
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
