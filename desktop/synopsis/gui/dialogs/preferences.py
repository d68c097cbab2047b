"""Preferences, generated from the two declarations of settings (nothing listed by hand).

"New comparisons" has one row per engine setting of :class:`~synopsis.core.config.Settings`
(its type, range, choices and help text come from the declaration); "The app" has one row per
:data:`~synopsis.gui.settings.OPTIONS` entry that has a label. The dialog uses the
application's palette, so it follows the dark theme like every other window.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog,
                               QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox,
                               QVBoxLayout, QWidget)

from ...core.config import Settings
from ..plaintext import plain_label
from ..settings import OPTIONS, Option, engine_fields


def _label(name: str) -> str:
    return name.replace("_", " ").capitalize()


class _Field:
    """One generated row: its widget, and how to read the value back."""

    def __init__(self, widget: QWidget, read) -> None:
        self.widget, self.read = widget, read


def _engine_field(spec, value: Any) -> _Field:
    """The widget for one declared engine setting (``core.config.Declared``)."""
    if spec.choices:
        box = QComboBox()
        for choice in spec.choices:
            box.addItem(str(choice), choice)
        box.setCurrentIndex(max(0, box.findData(value)))
        return _Field(box, box.currentData)
    if spec.kind is bool:
        check = QCheckBox()
        check.setChecked(bool(value))
        return _Field(check, check.isChecked)
    low = spec.minimum if spec.minimum is not None else 0
    high = spec.maximum if spec.maximum is not None else 2**31 - 1
    if spec.kind is float:
        spin = QDoubleSpinBox()
        spin.setRange(float(low), float(high))
        spin.setDecimals(2)
        spin.setSingleStep(0.05)
        spin.setValue(float(value))
        return _Field(spin, spin.value)
    if spec.kind is int:
        spin = QSpinBox()
        spin.setRange(int(low), int(min(high, 2**31 - 1)))
        spin.setValue(int(value))
        return _Field(spin, spin.value)
    line = QLineEdit("" if value is None else str(value))
    if spec.optional:
        line.setPlaceholderText("(detected)" if spec.name == "language" else "(none)")
    return _Field(line, lambda: (line.text().strip() or None) if spec.optional else line.text().strip())


def _app_field(opt: Option, value: Any, dialog: QDialog) -> _Field:
    if opt.type is set:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        boxes = {}
        for member, name in opt.choices:
            box = QCheckBox(dialog.tr(name))
            box.setChecked(member in value)
            boxes[member] = box
            layout.addWidget(box)
        return _Field(row, lambda: frozenset(m for m, b in boxes.items() if b.isChecked()))
    if opt.choices:
        box = QComboBox()
        for member, name in opt.choices:
            box.addItem(dialog.tr(name), member)
        box.setCurrentIndex(max(0, box.findData(value)))
        return _Field(box, box.currentData)
    if opt.type is bool:
        check = QCheckBox()
        check.setChecked(bool(value))
        return _Field(check, check.isChecked)
    line = QLineEdit(str(value))
    if opt.key == "library_path":
        return _library_field(line, dialog)
    return _Field(line, lambda: line.text().strip())


def _library_field(line: QLineEdit, dialog: QDialog) -> _Field:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    browse = QPushButton(dialog.tr("Choose…"))
    browse.setAccessibleName(dialog.tr("Choose the library file"))
    line.setAccessibleName(dialog.tr("Library file"))

    def choose() -> None:
        path, _ = QFileDialog.getSaveFileName(dialog, dialog.tr("Library file"),
                                              line.text() or line.placeholderText(),
                                              dialog.tr("Synopsis library (*.db);;All files (*)"),
                                              options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            line.setText(path)

    browse.clicked.connect(choose)
    layout.addWidget(line, 1)
    layout.addWidget(browse)
    return _Field(row, lambda: line.text().strip())


class PreferencesDialog(QDialog):
    """``values()`` → (engine defaults as :class:`Settings`, {option key: value})."""

    def __init__(self, parent, settings: Settings, options: dict[str, Any],
                 library_default: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self._settings = settings
        self.engine: dict[str, _Field] = {}
        self.app: dict[str, _Field] = {}
        layout = QVBoxLayout(self)
        engine_box = QGroupBox(self.tr("New comparisons start with"))
        form = QFormLayout(engine_box)
        for spec in engine_fields():
            field = _engine_field(spec, getattr(settings, spec.name))
            self._add(form, field, _label(spec.name), spec.help)
            self.engine[spec.name] = field
        app_box = QGroupBox(self.tr("The app"))
        form = QFormLayout(app_box)
        for opt in OPTIONS.values():
            if not opt.label:
                continue
            field = _app_field(opt, options.get(opt.key, opt.default), self)
            if opt.key == "library_path" and library_default:
                field.widget.findChild(QLineEdit).setPlaceholderText(library_default)
            self._add(form, field, self.tr(opt.label), self.tr(opt.help))
            self.app[opt.key] = field
        self.problem = plain_label(QLabel())
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        for widget in (engine_box, app_box, self.problem, buttons):
            layout.addWidget(widget)

    @staticmethod
    def _add(form: QFormLayout, field: _Field, label: str, help_text: str) -> None:
        widget = field.widget
        widget.setToolTip(help_text)
        widget.setAccessibleName(label)
        widget.setAccessibleDescription(help_text)
        form.addRow(label, widget)

    def _accept(self) -> None:
        try:
            self.values()
        except ValueError as exc:        # the declaration's own checks (Settings.__post_init__)
            self.problem.setText(str(exc))
            return
        self.accept()

    def values(self) -> tuple[Settings, dict[str, Any]]:
        settings = self._settings.replace(**{name: f.read() for name, f in self.engine.items()})
        return settings, {key: f.read() for key, f in self.app.items()}
