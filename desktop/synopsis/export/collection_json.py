"""The collection report as JSON ("synopsis-collection", see docs/collection.md)."""
from __future__ import annotations

import json

from ..core.collection import CollectionReport


def render(collection: CollectionReport, *, indent: int | None = 2) -> bytes:
    return json.dumps(collection.to_dict(), ensure_ascii=False, indent=indent).encode("utf-8")
