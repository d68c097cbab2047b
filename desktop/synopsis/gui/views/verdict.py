"""The fact-checker's verdict on the selected pair: a class selector and a one-line note."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from ...library.corrections import VERDICTS


class VerdictBox(QWidget):
    """Emits ``verdictChanged(verdict, note)`` when the user changes either; ``""`` = none."""

    verdictChanged = Signal(str, str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        names = {"accurate": self.tr("accurate"), "altered": self.tr("altered"),
                 "misleading": self.tr("misleading"), "unverified": self.tr("unverified")}
        self.combo.addItem(self.tr("— no verdict —"), "")
        for key in VERDICTS:
            self.combo.addItem(names.get(key, key), key)
        self.combo.setToolTip(self.tr("Your verdict on the selected pair"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note on this pair…"))
        self.note.setClearButtonEnabled(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 2, 4, 2)
        row.addWidget(QLabel(self.tr("Verdict")))
        row.addWidget(self.combo)
        row.addWidget(self.note, 1)
        self.combo.activated.connect(lambda _i: self._emit())
        self.note.editingFinished.connect(self._note_done)
        self._shown = ("", "")
        self.show_verdict(None)

    def show_verdict(self, record: dict | None, enabled: bool | None = None) -> None:
        """Show ``record`` (``{"verdict", "note"}`` or None) without emitting anything."""
        verdict = (record or {}).get("verdict", "") or ""
        note = (record or {}).get("note", "") or ""
        self.combo.blockSignals(True)
        self.note.blockSignals(True)
        self.combo.setCurrentIndex(max(0, self.combo.findData(verdict)))
        self.note.setText(note)
        self.combo.blockSignals(False)
        self.note.blockSignals(False)
        self._shown = (verdict, note)
        self.setEnabled(record is not None if enabled is None else enabled)

    def verdict(self) -> str:
        return self.combo.currentData() or ""

    def set_verdict(self, verdict: str, note: str | None = None) -> None:
        """Choose as the user would (emits when it changes anything)."""
        self.combo.setCurrentIndex(max(0, self.combo.findData(verdict)))
        if note is not None:
            self.note.setText(note)
        self._emit()

    def _note_done(self) -> None:
        if self.note.text().strip() and not self.verdict():  # a note needs a verdict to be stored
            self.combo.setCurrentIndex(self.combo.findData("unverified"))
        self._emit()

    def _emit(self) -> None:
        value = (self.verdict(), self.note.text().strip())
        if value != self._shown:
            self._shown = value
            self.verdictChanged.emit(*value)
