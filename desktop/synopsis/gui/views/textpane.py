"""A source pane: header (title, outlet, date, language, summary bar) and the text view.

It observes the comparison session: a new report or new links relabel its passages, a new
selection is shown, the class filters hide marks; a click (or Enter at the caret) selects a
passage, a dropped file or a typed address becomes this side's source. A new text is set in a
turn of the event loop of its own, its passages in the next (:mod:`.turns`), and the summary
bar's shares are added up in a worker thread, so two long texts arriving together do not freeze
the window.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QVBoxLayout, QWidget

from ...core.model import Document
from ..plaintext import plain_label, tooltip
from ..workers import JobRunner
from .summary import SummaryBar
from .textview import TextView
from .turns import turns

__all__ = ["SourcePane", "TextView"]


class SourcePane(QWidget):
    """Header with the source's metadata, ways in (open, paste, URL) and the text view."""

    openRequested = Signal()
    pasteRequested = Signal()

    def __init__(self, side: int, session=None, parent=None) -> None:
        super().__init__(parent)
        self.side = side
        self.letter = "A" if side == 0 else "B"
        self._doc: Document | None = None
        self._text_of: Document | None = None      # the text set in the view, its passages still to come
        self.title = plain_label(QLabel(self.tr("Source %1").replace("%1", self.letter)))
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.meta = plain_label(QLabel())
        self.meta.setObjectName("meta")
        self.meta.setWordWrap(True)
        self.open_button = QToolButton()
        self.open_button.setText(self.tr("Open…"))
        self.open_button.setToolTip(self.tr("Open a file as source %1").replace("%1", self.letter))
        self.open_button.setAccessibleName(self.tr("Open a file as source %1").replace("%1", self.letter))
        self.open_button.clicked.connect(self.openRequested)
        self.paste_button = QToolButton()
        self.paste_button.setText(self.tr("Paste"))
        self.paste_button.setToolTip(self.tr("Use the clipboard's text as source %1").replace("%1", self.letter))
        self.paste_button.setAccessibleName(self.paste_button.toolTip())
        self.paste_button.clicked.connect(self.pasteRequested)
        self.url = QLineEdit()
        self.url.setPlaceholderText(self.tr("or type a web address and press Enter"))
        self.url.setAccessibleName(self.tr("Web address of source %1").replace("%1", self.letter))
        self.url.setClearButtonEnabled(True)
        self.summary = SummaryBar()
        self.text = TextView()
        self.text.setPlaceholderText(self.tr(
            "Drop an article here (text, HTML, Word, PDF…), or use Open…, Paste or a web address above."))
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title, 1)
        top.addWidget(self.open_button)
        top.addWidget(self.paste_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addLayout(top)
        layout.addWidget(self.meta)
        layout.addWidget(self.url)
        layout.addWidget(self.summary)
        layout.addWidget(self.text, 1)
        self.set_document(None)
        self._summariser = JobRunner("", self)
        self._summariser.finished.connect(self._summarised)
        self._summariser.busyChanged.connect(lambda busy: busy or turns().release(self, "summary"))
        self.session = None
        if session is not None:
            self.bind(session)

    def bind(self, session) -> None:
        self.session = session
        session.reportChanged.connect(self._report_changed)
        session.selectionChanged.connect(self._selection_changed)
        session.filtersChanged.connect(lambda: self.text.set_visible_classes(session.visible_classes))
        self.text.passageClicked.connect(self._clicked)
        self.text.fileDropped.connect(lambda path: session.set_source(self.side, ("path", path)))
        self.url.returnPressed.connect(self._url_entered)

    # -- observing the session ----------------------------------------------------------------
    def _report_changed(self) -> None:
        if self._wanted() is not self._doc or turns().pending(self, "text"):
            turns().post(self, "text", self._show_text)
            return
        self._show_labels()

    def _wanted(self) -> Document | None:
        """The document this side should show now."""
        report = self.session.report
        return report.documents[self.side] if report is not None else self.session.docs[self.side]

    def _show_text(self) -> None:
        """A new text in this turn, its passages in the next."""
        doc = self._wanted()
        if doc is None or doc is self._doc:
            self._show_passages()
            return
        self.text.set_text(doc)
        self._text_of = doc
        turns().post(self, "text", self._show_passages)

    def _show_passages(self) -> None:
        doc = self._wanted()
        report = self.session.report
        labels = report.label_of_segments(self.side) if report is not None else None
        if doc is not self._doc:
            self.set_document(doc, labels, text_set=self._text_of is doc and self.text.shown is None)
        self._show_labels(later=not turns().immediate, labels=labels)
        self._selection_changed()

    def _show_labels(self, later: bool = False, labels: list | None = None) -> None:
        """The passages' classes, and the summary bar (``later``: added up in a worker thread)."""
        report = self.session.report
        if report is not None:
            self.text.set_labels(labels if labels is not None else report.label_of_segments(self.side))
            if later:
                self._summarise_later()
            else:
                self._show_summary()
        self._describe()

    def _summarise_later(self) -> None:
        """The summary of a new report, added up in a worker thread (tens of thousands of
        passages); the window is ready once it is shown."""
        report, side = self.session.report, self.side
        turns().hold(self, "summary")
        self._summariser.start(lambda progress, cancelled: (report, report.summary(side)))

    def _summarised(self, result) -> None:
        report, summary = result
        if report is self.session.report and report.documents[self.side] is self._doc:
            self.summary.set_summary(summary)
            self._describe()

    def _show_summary(self) -> None:
        self._summariser.abandon()
        report = self.session.report
        if report is not None and report.documents[self.side] is self._doc:
            self.summary.set_summary(report.summary(self.side))
            self._describe()

    def _selection_changed(self) -> None:
        if self.session.report is not None and self.text.shown is not self._wanted():
            return      # shown with the text, in its turn
        self.text.show_selection(list(self.session.selection.on(self.side)))

    def _clicked(self, offset: int, modifiers) -> None:
        seg = self.text.segment_at_offset(offset)
        if seg is not None:
            add = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
            self.session.select_segment(self.side, seg, add=add)

    def _url_entered(self) -> None:
        url = self.url.text().strip()
        if url:
            self.session.set_source(self.side, ("url", url))

    # -- content ------------------------------------------------------------------------------
    def set_document(self, doc: Document | None, labels: list[str] | None = None, text_set: bool = False) -> None:
        """Show ``doc`` (its text already in the view when ``text_set``)."""
        self._doc = doc
        if text_set:
            self.text.set_passages(doc, labels)
        else:
            self.text.set_document(doc, labels)
        if doc is None:
            self.title.setText(self.tr("Source %1").replace("%1", self.letter))
            self.meta.setText(self.tr("No source yet"))
            self.summary.set_summary(None)
            self.url.setVisible(True)
            self._describe()
            return
        self.title.setText(doc.title or doc.source)
        self.title.setToolTip(tooltip(doc.source))
        parts = [str(doc.meta.get("outlet") or doc.meta.get("site") or "")]
        parts.append(str(doc.meta.get("published") or doc.meta.get("date") or ""))
        parts.append(doc.language or "")
        parts.append(self.tr("%n passages", "", len(doc.segments)) if doc.segments else "")
        self.meta.setText(" · ".join(p for p in parts if p) or doc.source)
        self.url.setVisible(False)
        self._describe()

    def _describe(self) -> None:
        """The text view's name and description for screen readers."""
        doc = self._doc
        name = self.tr("Source %1").replace("%1", self.letter)
        self.text.setAccessibleName(f"{name}: {doc.title or doc.source}" if doc is not None else name)
        described = self.summary.text() if self.summary.summary else self.meta.text()
        self.text.setAccessibleDescription(described + ". " + self.tr(
            "Arrow keys move through the text; Enter selects the passage at the caret."))
