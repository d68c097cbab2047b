"""Metadata kept beside plain-text articles: a ``manifest.json`` in the same folder.

Pasted articles carry no title, outlet or date. A folder of them (like ``seeds/``) may hold
a ``manifest.json`` with ``{"articles": [{"file": "x.txt", "title": …, "outlet": …,
"language": …, "published": …}]}``; a file listed there gets that metadata. A missing,
unreadable or malformed manifest (not JSON, nested too deep, ``articles`` not a list) is
ignored: it only adds information, never blocks a load.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

MANIFEST = "manifest.json"
_FIELDS = ("title", "outlet", "language", "published", "author", "url")


def sidecar_metadata(path: Path) -> dict[str, Any]:
    manifest = path.parent / MANIFEST
    try:
        if not manifest.is_file() or manifest.stat().st_size > 1_000_000:
            return {}
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):  # RecursionError: JSON nested thousands deep
        return {}
    entries = data.get("articles") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return {}
    for entry in entries:
        if isinstance(entry, dict) and entry.get("file") == path.name:
            return {k: entry[k] for k in _FIELDS if isinstance(entry.get(k), str) and entry[k]}
    return {}


def apply_sidecar(doc, path: Path) -> None:
    """Fill ``doc``'s title, language and meta from the folder's manifest, where listed."""
    meta = sidecar_metadata(path)
    if not meta:
        return
    if "title" in meta:
        doc.title = meta.pop("title")
    if "language" in meta and not doc.language:
        doc.language = meta["language"]
    meta.pop("language", None)
    for key, value in meta.items():
        doc.meta.setdefault(key, value)
