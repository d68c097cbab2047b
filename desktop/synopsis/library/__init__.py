"""The local library: a SQLite file of documents, comparisons, corrections, verdicts and cases.

``Library.open(path)`` checks and migrates the file; ``paths.default_path()`` says where it
lives by default. Never imports Qt.
"""
from .corrections import VERDICTS, apply_corrections, link_key, parse_key
from .errors import MAX_ID, LibraryError, NotFound
from .migrations import SCHEMA_VERSION
from .paths import default_path
from .store import Library

__all__ = ["Library", "LibraryError", "MAX_ID", "NotFound", "SCHEMA_VERSION", "VERDICTS", "apply_corrections",
           "default_path", "link_key", "parse_key"]
