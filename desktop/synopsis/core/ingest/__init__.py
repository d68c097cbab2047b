"""Turning a source (a path, ``-`` for stdin, or pasted text) into a :class:`Document`.

Formats are chosen by content and extension; each reader returns the article text and its
metadata. Anything that cannot be read raises :class:`LoadError` with one readable line.
"""
from __future__ import annotations

import hashlib
import os
import sys
from datetime import datetime, timezone
from pathlib import Path

from ..config import DEFAULT_MAX_BYTES
from ..errors import LoadError
from ..model import Document
from .text import decode


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def read_bytes(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a file's bytes, refusing what is missing, a directory, empty or too large."""
    name = str(path)
    if name == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        p = Path(path)
        if not p.exists():
            raise LoadError(name, "no such file")
        if p.is_dir():
            raise LoadError(name, "is a directory, not a file")
        try:
            size = p.stat().st_size
            if size > max_bytes:
                raise LoadError(name, f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit")
            data = p.read_bytes()
        except PermissionError:
            raise LoadError(name, "permission denied") from None
        except OSError as exc:
            raise LoadError(name, f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise LoadError(name, f"input is over the {max_bytes / 1e6:.0f} MB limit")
    if not data.strip():
        raise LoadError(name, "is empty")
    return data


def title_from_text(text: str, fallback: str) -> str:
    for line in text.splitlines():
        line = line.strip()
        if len(line) > 3:
            return line[:120]
    return fallback


def document_from_text(text: str, *, source: str, data: bytes, fmt: str, title: str | None = None,
                       meta: dict | None = None, retrieved: str | None = None) -> Document:
    """Build a Document from extracted text; refuses text with nothing to compare."""
    if not text.strip():
        raise LoadError(source, "no article text found")
    return Document(text=text, title=title or title_from_text(text, Path(source).name or source),
                    source=source, sha256=sha256(data), format=fmt, retrieved=retrieved,
                    meta=dict(meta or {}))


def load_text_bytes(data: bytes, source: str) -> Document:
    text, encoding = decode(data, source)
    return document_from_text(text, source=source, data=data, fmt="text", meta={"encoding": encoding},
                              title=Path(source).stem.replace("_", " ") if source != "-" else "stdin")


def load(source: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Load a source given by path (or ``-`` for stdin) into a Document (not yet segmented)."""
    name = str(source)
    data = read_bytes(name, max_bytes=max_bytes)
    return load_text_bytes(data, name)


def from_pasted_text(text: str, title: str = "Pasted text") -> Document:
    data = text.encode("utf-8")
    from .text import normalise_newlines

    return document_from_text(normalise_newlines(text), source="clipboard", data=data, fmt="text",
                              title=title, retrieved=now_iso())
