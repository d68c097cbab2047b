"""The local library: a SQLite file of documents, comparisons, corrections, verdicts and cases.

``Library.open(path)`` checks and migrates the file; ``paths.default_path()`` says where it
lives by default. Never imports Qt.

The names below are imported on first use (PEP 562), so a command that only needs
``paths.default_path`` — ``synopsis compare`` checking its output path — does not pay for
sqlite-utils, which imports pandas when it is installed.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_HOMES = {
    "VERDICTS": "corrections", "apply_corrections": "corrections", "link_key": "corrections",
    "parse_key": "corrections", "MAX_ID": "errors", "LibraryError": "errors", "NotFound": "errors",
    "SCHEMA_VERSION": "migrations", "default_path": "paths", "Library": "store",
}

__all__ = sorted(_HOMES)

if TYPE_CHECKING:  # pragma: no cover - for type checkers and editors only
    from .corrections import VERDICTS, apply_corrections, link_key, parse_key
    from .errors import MAX_ID, LibraryError, NotFound
    from .migrations import SCHEMA_VERSION
    from .paths import default_path
    from .store import Library


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOMES))
