"""Modal dialogs behind one small facade, so tests monkeypatch ``Dialogs.x`` instead of
driving modal event loops."""
from __future__ import annotations

import platform

from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog, QFormLayout,
                               QComboBox, QHBoxLayout, QInputDialog, QLineEdit, QMessageBox,
                               QPushButton, QWidget)

from ... import APP_NAME, __version__
from ...core.config import GRANULARITIES, Settings

_tr = QCoreApplication.translate
FILE_FILTER = "Articles (*.txt *.md *.html *.htm *.docx *.pdf *.odt *.rtf);;All files (*)"


def versions() -> dict[str, str]:
    import PySide6
    import rapidfuzz

    return {"Synopsis": __version__, "Qt": qVersion(), "PySide6": PySide6.__version__,
            "Python": platform.python_version(), "rapidfuzz": rapidfuzz.__version__}


class Dialogs:
    @classmethod
    def error(cls, parent: QWidget | None, title: str, text: str) -> None:
        """A warning box; ``text`` (which names files, addresses, titles) is shown as plain text."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

    @classmethod
    def open_file(cls, parent: QWidget | None, title: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(parent, title, "", _tr("Dialogs", FILE_FILTER))
        return path or None

    @classmethod
    def open_files(cls, parent: QWidget | None, title: str) -> list[str]:
        paths, _ = QFileDialog.getOpenFileNames(parent, title, "", _tr("Dialogs", FILE_FILTER))
        return list(paths)

    @classmethod
    def save_file(cls, parent: QWidget | None, title: str, filters: list[str],
                  suggested: str = "") -> tuple[str, str] | None:
        """``(path, chosen filter)``, or None if cancelled."""
        path, chosen = QFileDialog.getSaveFileName(parent, title, suggested, ";;".join(filters))
        return (path, chosen) if path else None

    @classmethod
    def ask_url(cls, parent: QWidget | None) -> str | None:
        text, ok = QInputDialog.getText(parent, _tr("Dialogs", "Open web address"),
                                        _tr("Dialogs", "Address of the article (https://…):"))
        return text.strip() if ok and text.strip() else None

    @classmethod
    def about(cls, parent: QWidget | None) -> None:
        rows = "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in versions().items())
        QMessageBox.about(parent, _tr("Dialogs", "About %1").replace("%1", APP_NAME),
                          f"<p><b>{APP_NAME}</b> — "
                          + _tr("Dialogs", "compare news articles passage by passage.")
                          + f"</p><table>{rows}</table>")

    @classmethod
    def preferences(cls, parent: QWidget | None, settings: Settings, theme: str,
                    library: str = "", library_default: str = "") -> tuple[Settings, str, str] | None:
        """``(engine settings, theme, library path)`` (an empty path = the default location)."""
        dialog = PreferencesDialog(parent, settings, theme, library, library_default)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.values()


class PreferencesDialog(QDialog):
    def __init__(self, parent, settings: Settings, theme: str, library: str = "",
                 library_default: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        form = QFormLayout(self)
        self.theme = QComboBox()
        for key, name in (("system", self.tr("Follow the system")), ("light", self.tr("Light")),
                          ("dark", self.tr("Dark"))):
            self.theme.addItem(name, key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(theme)))
        self.granularity = QComboBox()
        for g in GRANULARITIES:
            self.granularity.addItem(self.tr(g), g)
        self.granularity.setCurrentIndex(max(0, self.granularity.findData(settings.granularity)))
        self.shared = QDoubleSpinBox()
        self.paraphrase = QDoubleSpinBox()
        for box, value in ((self.shared, settings.shared_threshold),
                           (self.paraphrase, settings.paraphrase_threshold)):
            box.setRange(0.0, 1.0)
            box.setSingleStep(0.05)
            box.setDecimals(2)
            box.setValue(value)
        form.addRow(self.tr("Theme"), self.theme)
        form.addRow(self.tr("Align"), self.granularity)
        form.addRow(self.tr("Shared threshold"), self.shared)
        form.addRow(self.tr("Paraphrase threshold"), self.paraphrase)
        self.library = QLineEdit(library)
        self.library.setPlaceholderText(library_default)
        self.library.setToolTip(self.tr("The library file; leave empty for the default location"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_library)
        row = QHBoxLayout()
        row.addWidget(self.library, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Library"), row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._settings = settings

    def _choose_library(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Library file"),
                                              self.library.text() or self.library.placeholderText(),
                                              self.tr("Synopsis library (*.db);;All files (*)"),
                                              options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.library.setText(path)

    def values(self) -> tuple[Settings, str, str]:
        s = self._settings.replace(granularity=self.granularity.currentData(),
                                   shared_threshold=self.shared.value(),
                                   paraphrase_threshold=self.paraphrase.value())
        return s, self.theme.currentData(), self.library.text().strip()
