"""Small dialogs: a web address (and which side it goes to), the keyboard shortcuts, and the
question asked before leaving a review that is not yet in the library."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QRadioButton, QTableWidget, QTableWidgetItem, QVBoxLayout)


class UrlDialog(QDialog):
    """A wide address field and a choice of side (the free one first)."""

    def __init__(self, parent, side: int = 0) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open web address"))
        self.setMinimumWidth(560)
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://…")
        self.url.setAccessibleName(self.tr("Address of the article"))
        label = QLabel(self.tr("&Address of the article:"))
        label.setBuddy(self.url)
        self.sides = QButtonGroup(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Open as:")))
        for k, text in enumerate((self.tr("source &A"), self.tr("source &B"))):
            radio = QRadioButton(text)
            radio.setChecked(k == side)
            self.sides.addButton(radio, k)
            row.addWidget(radio)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.url)
        layout.addLayout(row)
        layout.addWidget(buttons)

    def values(self) -> tuple[str, int] | None:
        text = self.url.text().strip()
        return (text, self.sides.checkedId()) if text else None


def shortcut_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """(what, keys) for every action with a shortcut, in menu order, without duplicates."""
    rows, seen = [], set()
    for action in actions:
        keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()
                         if not s.isEmpty())
        what = action.text().replace("&", "").rstrip("…")
        if keys and (what, keys) not in seen:
            seen.add((what, keys))
            rows.append((what, keys))
    return rows


class ShortcutsDialog(QDialog):
    """Help ▸ Keyboard shortcuts: every action's keys, plus the keys of the views themselves."""

    VIEW_KEYS = (
        ("Move between the panes, the band map, the table and the fields", "Tab, Shift+Tab"),
        ("Select the passage at the caret (in a text pane)", "Enter"),
        ("Previous / next pair in view (in the band map)", "Up, Down"),
        ("Scroll (in an overview strip)", "Up, Down, Page Up, Page Down, Home, End"),
        ("Choose a pair (in the pairs table or the changed facts)", "Up, Down"),
        ("Leave the note field", "Escape, Tab"),
    )

    def __init__(self, parent, actions: list[QAction]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = shortcut_rows(actions) + [(self.tr(w), k) for w, k in self.VIEW_KEYS]
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        for r, (what, keys) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(what))
            self.table.setItem(r, 1, QTableWidgetItem(keys))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(620, 560)
        self.setWindowModality(Qt.WindowModality.NonModal)
