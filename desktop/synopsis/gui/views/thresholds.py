"""The thresholds of the shown comparison, in the toolbar: they belong to that comparison.

Moving one re-decides the links shortly after (the session debounces it and works in the
background); "Save as default" makes them the starting thresholds of new comparisons, "Reset"
brings back those defaults. It observes the session's settings.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QLabel, QSpinBox, QToolButton, QWidget


class ThresholdBar(QWidget):
    saveDefaultRequested = Signal()
    resetRequested = Signal()

    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.shared_box, self.para_box = QDoubleSpinBox(), QDoubleSpinBox()
        self.words_box = QSpinBox()
        self.words_box.setRange(0, 99)
        for box in (self.shared_box, self.para_box):
            box.setRange(0.0, 1.0)
            box.setSingleStep(0.05)
            box.setDecimals(2)
        specs = ((self.shared_box, self.tr("Shared ≥"), self.tr("Same-words threshold"),
                  self.tr("Character similarity at or above which a pair is shared")),
                 (self.words_box, self.tr("≤ words"), self.tr("Most changed words for shared"),
                  self.tr("Most words that may be dropped, added or replaced in a pair counted as shared")),
                 (self.para_box, self.tr("Linked ≥"), self.tr("Linking threshold"),
                  self.tr("Score at or above which two passages are linked as paraphrases")))
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 0, 4, 0)
        row.setSpacing(3)
        for box, text, name, tip in specs:
            label = QLabel(text)
            label.setBuddy(box)
            box.setToolTip(tip + " " + self.tr("(this comparison)"))
            box.setAccessibleName(name)
            box.setAccessibleDescription(tip)
            box.valueChanged.connect(self._changed)
            row.addWidget(label)
            row.addWidget(box)
        self.reset_button = QToolButton()
        self.reset_button.setText(self.tr("Reset"))
        self.reset_button.setToolTip(self.tr("Back to the default thresholds"))
        self.reset_button.setAccessibleName(self.reset_button.toolTip())
        self.reset_button.clicked.connect(self.resetRequested)
        self.default_button = QToolButton()
        self.default_button.setText(self.tr("Save as default"))
        self.default_button.setToolTip(self.tr("Start new comparisons with these thresholds"))
        self.default_button.setAccessibleName(self.default_button.toolTip())
        self.default_button.clicked.connect(self.saveDefaultRequested)
        row.addWidget(self.reset_button)
        row.addWidget(self.default_button)
        self._showing = False
        session.settingsChanged.connect(self.show_settings)
        self.show_settings()

    def show_settings(self) -> None:
        s = self.session.settings
        self._showing = True
        try:
            self.shared_box.setValue(s.shared_threshold)
            self.words_box.setValue(s.shared_max_changed_words)
            self.para_box.setValue(s.paraphrase_threshold)
        finally:
            self._showing = False

    def _changed(self, *_args) -> None:
        if not self._showing:
            self.session.set_thresholds(shared_threshold=self.shared_box.value(),
                                        shared_max_changed_words=self.words_box.value(),
                                        paraphrase_threshold=self.para_box.value())
