"""The one error the library raises: a line naming the database file and the problem."""
from __future__ import annotations

from ..core.errors import SynopsisError


class LibraryError(SynopsisError):
    """The library cannot do what was asked; ``str()`` is one line fit for a user."""

    def __init__(self, path: object, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


class NotFound(LibraryError):
    """No item with that id."""


# SQLite integers are signed 64-bit: no id, limit or offset can be larger
MAX_ID = 2**63 - 1
