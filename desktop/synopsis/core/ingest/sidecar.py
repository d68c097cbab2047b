"""Metadata kept beside plain-text articles: a ``manifest.json``, the one manifest format.

Pasted articles carry no title, outlet or date. A folder of them (like ``seeds/``) may hold
a ``manifest.json`` with ``{"articles": [{"file": "x.txt", "title": …, "outlet": …,
"language": …, "published": …}]}``; a file listed there gets that metadata. A manifest found
beside a file only adds information: missing, unreadable or malformed (not JSON, nested too
deep, ``articles`` not a list), it is ignored. A manifest a person names (``synopsis matrix
--manifest``) must be readable: otherwise one line says why.
"""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from ..errors import LoadError
from ..model import Document
from .limits import read_source_bytes

MANIFEST = "manifest.json"
FIELDS = ("title", "outlet", "language", "published", "author", "url")
_MAX_BYTES = 1_000_000


def read_manifest(path: Path, *, strict: bool = False) -> dict[str, dict[str, str]]:
    """The metadata of each article ``path`` lists, by file name (string fields of ``FIELDS``).

    ``strict``: a manifest that is missing, too large or malformed raises :class:`LoadError`;
    otherwise it reads as listing nothing."""
    try:
        data = json.loads(read_source_bytes(str(path), max_bytes=_MAX_BYTES).decode("utf-8-sig"))
        entries = data.get("articles") if isinstance(data, dict) else None
        if not isinstance(entries, list):
            raise ValueError('it needs "articles": [{"file": …, "outlet": …, "published": …}, …]')
    except (LoadError, ValueError, RecursionError) as exc:  # RecursionError: JSON nested thousands deep
        if strict:
            reason = exc.reason if isinstance(exc, LoadError) else \
                "nested too deep" if isinstance(exc, RecursionError) else str(exc)
            raise LoadError(str(path), f"not a usable manifest ({reason})") from None
        return {}
    out: dict[str, dict[str, str]] = {}
    for entry in entries:
        if isinstance(entry, dict) and isinstance(entry.get("file"), str):
            out[Path(entry["file"]).name] = {k: entry[k] for k in FIELDS if isinstance(entry.get(k), str) and entry[k]}
    return out


def with_metadata(doc: Document, meta: dict[str, Any]) -> Document:
    """``doc`` with a manifest's metadata: its title, its language where none is known, and the
    other fields where ``doc.meta`` has none."""
    if not meta:
        return doc
    extra = {k: v for k, v in meta.items() if k not in ("title", "language") and not doc.meta.get(k)}
    return dataclasses.replace(doc, title=meta.get("title", doc.title),
                               language=doc.language or meta.get("language"),
                               meta={**doc.meta, **extra})


def apply_sidecar(doc: Document, path: Path) -> Document:
    """``doc`` with the metadata the ``manifest.json`` beside ``path`` gives it, if any."""
    manifest = path.parent / MANIFEST
    if not manifest.is_file():
        return doc
    return with_metadata(doc, read_manifest(manifest).get(path.name, {}))
