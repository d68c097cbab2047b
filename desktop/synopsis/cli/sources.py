"""Resolving what the user names on the command line: a path, a URL, ``-``, or a library id.

``d12`` names document 12 of the library (``--db`` or the default library) when no file of
that name exists, so stored articles can be compared like files.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..core.config import DEFAULT_MAX_BYTES
from ..core.errors import LoadError
from ..core.ingest import load
from ..core.ingest.url import DEFAULT_TIMEOUT
from ..core.model import Document

LIBRARY_ID = re.compile(r"^d(\d+)$")


def load_source(name: str, *, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = DEFAULT_TIMEOUT,
                db: str | Path | None = None) -> Document:
    match = LIBRARY_ID.match(name)
    if match and not Path(name).exists():
        return _from_library(name, int(match.group(1)), db)
    return load(name, max_bytes=max_bytes, timeout=timeout)


def _from_library(name: str, doc_id: int, db: str | Path | None) -> Document:
    from ..library import Library, LibraryError, NotFound, default_path

    path = default_path(db)
    if not path.exists():
        raise LoadError(name, f"no such file, and no library at {path} to look the id up in")
    try:
        library = Library.open(path, readonly=True)
    except LibraryError as exc:
        raise LoadError(name, str(exc)) from None
    try:
        return library.get_document(doc_id)
    except NotFound:
        raise LoadError(name, f"no document {name} in the library {path}") from None
    finally:
        library.close()
