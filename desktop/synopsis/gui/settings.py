"""The desktop app's remembered settings, each declared once with its type and default.

Stored with QSettings (INI format). ``SYNOPSIS_SETTINGS_DIR`` (or :func:`use_directory`)
points them somewhere else, which tests use so they never touch the user's settings.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "Synopsis"
APPLICATION = "Synopsis"
MAX_RECENT = 10


@dataclass(frozen=True)
class Option:
    key: str
    type: type
    default: Any
    help: str


OPTIONS = {o.key: o for o in (
    Option("theme", str, "system", "Colour theme: system, light or dark."),
    Option("sync_scroll", bool, True, "Keep aligned passages level while scrolling."),
    Option("font_size", float, 0.0, "Text size in points (0 = the system default)."),
    Option("shared_threshold", float, -1.0, "Last shared threshold (-1 = engine default)."),
    Option("shared_max_changed_words", int, -1, "Last most changed words for shared (-1 = engine default)."),
    Option("paraphrase_threshold", float, -1.0, "Last paraphrase threshold (-1 = engine default)."),
    Option("granularity", str, "sentence", "Align sentences or paragraphs."),
    Option("library_path", str, "", "The library file (empty = the default location)."),
    Option("export_dir", str, "", "The folder of the last export (empty = the working folder)."),
)}


def use_directory(path: str | os.PathLike[str]) -> None:
    """Keep settings as INI files under ``path`` (for tests and portable installs)."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(path))


def configure_from_environment() -> None:
    folder = os.environ.get("SYNOPSIS_SETTINGS_DIR")
    if folder:
        use_directory(folder)


class AppSettings:
    """Typed access to the declared options, recent comparisons and window geometry."""

    def __init__(self) -> None:
        self._qs = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                             ORGANISATION, APPLICATION)

    def get(self, key: str) -> Any:
        opt = OPTIONS[key]
        value = self._qs.value(key, opt.default)
        try:
            if opt.type is bool:
                return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
            return opt.type(value)
        except (TypeError, ValueError):
            return opt.default

    def set(self, key: str, value: Any) -> None:
        OPTIONS[key]  # unknown keys are a programming error
        self._qs.setValue(key, value)

    # recent comparisons: each entry "A\tB"
    def recent(self) -> list[tuple[str, str]]:
        raw = self._qs.value("recent", [])
        if isinstance(raw, str):
            raw = [raw]
        out = []
        for item in raw or []:
            parts = str(item).split("\t")
            if len(parts) == 2:
                out.append((parts[0], parts[1]))
        return out

    def add_recent(self, a: str, b: str) -> None:
        entries = [(a, b)] + [e for e in self.recent() if e != (a, b)]
        self._qs.setValue("recent", [f"{x}\t{y}" for x, y in entries[:MAX_RECENT]])

    def geometry(self) -> QByteArray | None:
        value = self._qs.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, data: QByteArray) -> None:
        self._qs.setValue("window/geometry", data)

    def state(self) -> QByteArray | None:
        value = self._qs.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def set_state(self, data: QByteArray) -> None:
        self._qs.setValue("window/state", data)

    def sync(self) -> None:
        self._qs.sync()
