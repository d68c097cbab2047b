"""Progress and Cancel for background work, in the status bar: one display for every
:class:`~synopsis.gui.workers.JobRunner` it watches (comparing, thresholds, many sources)."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from ..plaintext import plain_label


class ProgressIndicator(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.label = plain_label(QLabel())
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(200)
        self.bar.setRange(0, 100)
        self.bar.setAccessibleName(self.tr("Progress"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the work in progress"))
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.bar)
        row.addWidget(self.cancel_button)
        self._runners: list = []
        self.setVisible(False)

    def watch(self, runner) -> None:
        self._runners.append(runner)
        runner.busyChanged.connect(self._busy_changed)
        runner.progress.connect(self._progress)

    def busy_runners(self) -> list:
        return [r for r in self._runners if r.busy]

    def _busy_changed(self, _busy: bool) -> None:
        busy = self.busy_runners()
        self.setVisible(bool(busy))
        if busy:
            self.label.setText(busy[-1].name)
            self.bar.setValue(0)

    def _progress(self, stage: str, fraction: float) -> None:
        runner = self.sender()
        if runner is not None and getattr(runner, "name", ""):
            self.label.setText(f"{runner.name}: {stage}")
        self.bar.setValue(int(fraction * 100))

    def cancel(self) -> None:
        for runner in self.busy_runners():
            runner.cancel()
