"""Modal dialogs behind one small facade, so tests monkeypatch ``Dialogs.x`` instead of
driving modal event loops."""
from __future__ import annotations

import platform
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from ... import APP_NAME, __version__
from ...core.config import Settings

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
        box.setTextFormat(Qt.TextFormat.PlainText)      # file names and messages are text, not markup
        box.exec()

    @classmethod
    def info(cls, parent: QWidget | None, title: str, text: str, details: str = "") -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        if details:
            box.setDetailedText(details)
        box.exec()

    @classmethod
    def ask_unsaved(cls, parent: QWidget | None, text: str) -> str:
        """``"save"`` (try writing it again), ``"discard"`` or ``"cancel"`` (stay)."""
        box = QMessageBox(QMessageBox.Icon.Warning, _tr("Dialogs", "Review not in the library"), text,
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, parent)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        choice = box.exec()
        return {QMessageBox.StandardButton.Save: "save",
                QMessageBox.StandardButton.Discard: "discard"}.get(QMessageBox.StandardButton(choice), "cancel")

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
    def ask_url(cls, parent: QWidget | None, side: int = 0) -> tuple[str, int] | None:
        """``(address, side)`` — the side offered first is ``side`` — or None."""
        from .small import UrlDialog

        dialog = UrlDialog(parent, side)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.values()

    @classmethod
    def about(cls, parent: QWidget | None) -> None:
        rows = "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in versions().items())
        QMessageBox.about(parent, _tr("Dialogs", "About %1").replace("%1", APP_NAME),
                          f"<p><b>{APP_NAME}</b> — "
                          + _tr("Dialogs", "compare news articles passage by passage.")
                          + f"</p><table>{rows}</table>")

    @classmethod
    def shortcuts(cls, parent: QWidget | None, actions: list) -> None:
        from .small import ShortcutsDialog

        ShortcutsDialog(parent, actions).exec()

    @classmethod
    def preferences(cls, parent: QWidget | None, settings: Settings, options: dict[str, Any],
                    library_default: str = "") -> tuple[Settings, dict[str, Any]] | None:
        """(engine defaults for new comparisons, {app option: value}), or None if cancelled."""
        from .preferences import PreferencesDialog

        dialog = PreferencesDialog(parent, settings, options, library_default)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.values()
