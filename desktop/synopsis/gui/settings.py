"""The desktop app's remembered settings, each declared once with its type, default and help.

Two kinds: the app's own options (:data:`OPTIONS`: theme, text size, which facts F8 visits, the
library file …) and the engine settings new comparisons start with, which are not declared
here again but read from :class:`~synopsis.core.config.Settings` itself (stored under
``defaults/<name>``). The Preferences dialog is generated from both declarations.

Stored with QSettings (INI format). ``SYNOPSIS_SETTINGS_DIR`` (or :func:`use_directory`)
points them somewhere else, which tests use so they never touch the user's settings.
"""
from __future__ import annotations

import os
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from ..core.config import Settings, declared

ORGANISATION = "Synopsis"
APPLICATION = "Synopsis"
MAX_RECENT = 10


@dataclass(frozen=True)
class Option:
    key: str
    type: type
    default: Any
    help: str
    label: str = ""                     # shown in Preferences (only options with a label are)
    choices: tuple[tuple[Any, str], ...] = ()   # (value, name); for a ``set`` option, its members


OPTIONS = {o.key: o for o in (
    Option("theme", str, "system", "Colour theme: follow the system, light or dark.", "Theme",
           (("system", "Follow the system"), ("light", "Light"), ("dark", "Dark"))),
    Option("sync_scroll", bool, True, "Keep aligned passages level while scrolling.", "Synchronised scrolling"),
    Option("fact_severities", set, frozenset({3, 2}),
           "Which changed facts Next changed fact (F8) visits.", "F8 visits",
           ((3, "alarm"), (2, "check"), (1, "note (spelling variants, equal figures)"))),
    Option("library_path", str, "", "The library file (empty = the default location).", "Library file"),
    Option("font_size", float, 0.0, "Text size in points (0 = the system default)."),
    Option("export_dir", str, "", "The folder of the last export (empty = the working folder)."),
)}


def engine_fields():
    """Every engine setting as declared in ``core.config`` (type, bounds, choices, help)."""
    return declared()


def use_directory(path: str | os.PathLike[str]) -> None:
    """Keep settings as INI files under ``path`` (for tests and portable installs)."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(path))


def configure_from_environment() -> None:
    folder = os.environ.get("SYNOPSIS_SETTINGS_DIR")
    if folder:
        use_directory(folder)


def _convert(value: Any, kind: Any, default: Any) -> Any:
    """A stored value (INI files keep strings) as ``kind``; ``default`` when it does not read."""
    try:
        if kind is bool:
            return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
        if kind is set:
            items = value if isinstance(value, (list, tuple)) else str(value).split(",")
            return frozenset(int(x) for x in items if str(x).strip())
        if typing.get_origin(kind) in (typing.Union, types.UnionType):
            inner = [k for k in typing.get_args(kind) if k is not type(None)][0]
            return None if value in (None, "") else inner(value)
        return kind(value)
    except (TypeError, ValueError):
        return default


class AppSettings:
    """Typed access to the declared options, engine defaults, recent comparisons and geometry."""

    def __init__(self) -> None:
        self._qs = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                             ORGANISATION, APPLICATION)

    def get(self, key: str) -> Any:
        opt = OPTIONS[key]
        return _convert(self._qs.value(key, opt.default), opt.type, opt.default)

    def set(self, key: str, value: Any) -> None:
        opt = OPTIONS[key]  # unknown keys are a programming error
        if opt.type is set:
            value = ",".join(str(v) for v in sorted(value, reverse=True))
        self._qs.setValue(key, value)

    # the engine settings new comparisons start with
    def engine_defaults(self) -> Settings:
        values = {}
        for spec in engine_fields():
            stored = self._qs.value(f"defaults/{spec.name}")
            if stored is not None:
                kind = (spec.kind | None) if spec.optional else spec.kind
                values[spec.name] = _convert(stored, kind, spec.default)
        try:
            return Settings(**values)
        except ValueError:       # a hand-edited file: fall back to the built-in defaults
            return Settings()

    def set_engine_defaults(self, settings: Settings) -> None:
        for spec in engine_fields():
            value = getattr(settings, spec.name)
            self._qs.setValue(f"defaults/{spec.name}", "" if value is None else value)

    # recent comparisons: each entry "A\tB", absolute paths
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
        a, b = str(Path(a).resolve()), str(Path(b).resolve())
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
