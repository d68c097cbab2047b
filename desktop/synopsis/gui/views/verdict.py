"""The fact-checker's verdict on the selected pair: a class selector and a one-line note.

It observes the comparison session. A verdict is only ever set by the user (the combo box or
Alt+1…4); a note is kept as it is typed (each keystroke goes to the session, which saves it)
and committed, trimmed, when the focus or the selection leaves it.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from ...library.corrections import VERDICTS


def verdict_names(tr) -> dict[str, str]:
    return {"accurate": tr("accurate"), "altered": tr("altered"), "misleading": tr("misleading"),
            "unverified": tr("unverified")}


class VerdictBox(QWidget):
    def __init__(self, session=None, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.combo = QComboBox()
        names = verdict_names(self.tr)
        self.combo.addItem(self.tr("— no verdict —"), "")
        for n, key in enumerate(VERDICTS, 1):
            self.combo.addItem(f"{names.get(key, key)} (Alt+{n})", key)
        self.combo.setToolTip(self.tr("Your verdict on the selected pair (Alt+1…4; Alt+0 clears it)"))
        self.combo.setAccessibleName(self.tr("Verdict on the selected pair"))
        self.combo.setAccessibleDescription(self.combo.toolTip())
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note on this pair…"))
        self.note.setAccessibleName(self.tr("Note on the selected pair"))
        self.note.setAccessibleDescription(self.tr("Saved as you type"))
        self.note.setClearButtonEnabled(True)
        label = QLabel(self.tr("&Verdict"))
        label.setBuddy(self.combo)
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 2, 4, 2)
        row.addWidget(label)
        row.addWidget(self.combo)
        row.addWidget(self.note, 1)
        self.combo.activated.connect(self._verdict_chosen)
        self.note.textEdited.connect(self._note_typed)
        self.note.editingFinished.connect(self.commit_note)
        self._key = ""          # the pair the note being typed belongs to
        self.show_verdict(None)
        if session is not None:
            session.selectionChanged.connect(self._selection_changed)
            session.reviewChanged.connect(self.refresh)
            session.reportChanged.connect(self.refresh)

    # -- observing ------------------------------------------------------------------------------
    def _selection_changed(self) -> None:
        self.commit_note()
        self.refresh()

    def refresh(self) -> None:
        link = self.session.current_pair()
        if link is None:
            self._key = ""
            self.show_verdict(None, enabled=False)
            return
        from ...core.model import link_key

        key = link_key(link.a, link.b)
        review = self.session.review_of(link)
        if key == self._key and self.note.hasFocus():    # do not move the caret under the typist
            self.combo.setCurrentIndex(max(0, self.combo.findData(review.verdict)))
            return
        self._key = key
        self.show_verdict({"verdict": review.verdict, "note": review.note}, enabled=True)

    def show_verdict(self, record: dict | None, enabled: bool | None = None) -> None:
        """Show ``record`` (``{"verdict", "note"}`` or None) without telling anyone."""
        verdict = (record or {}).get("verdict", "") or ""
        note = (record or {}).get("note", "") or ""
        self.combo.setCurrentIndex(max(0, self.combo.findData(verdict)))
        if self.note.text() != note:
            self.note.setText(note)
        self.setEnabled(record is not None if enabled is None else enabled)

    # -- the user's changes -------------------------------------------------------------------
    def verdict(self) -> str:
        return self.combo.currentData() or ""

    def set_verdict(self, verdict: str, note: str | None = None) -> None:
        """Choose as the user would."""
        self.combo.setCurrentIndex(max(0, self.combo.findData(verdict)))
        self._verdict_chosen()
        if note is not None:
            self.note.setText(note)
            self._note_typed(note)
            self.commit_note()

    def _verdict_chosen(self, *_args) -> None:
        if self.session is not None:
            self.session.set_review(verdict=self.verdict())

    def _note_typed(self, text: str) -> None:
        if self.session is not None and self._key:
            self.session.set_review(note=text, key=self._key)

    def commit_note(self) -> None:
        """The note as typed, trimmed, is its pair's note (the focus or the selection left it)."""
        if self.session is None or not self._key:
            return
        text = self.note.text().strip()
        stored = self.session.reviews.get(self._key)
        if text != (stored.note if stored is not None else ""):
            self.session.set_review(note=text, key=self._key)

    def focusOutEvent(self, event) -> None:
        self.commit_note()
        super().focusOutEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.note.hasFocus():
            self.note.clearFocus()
        super().keyPressEvent(event)
