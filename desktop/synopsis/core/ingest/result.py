"""What every format reader returns: the article text (one paragraph per line) and metadata."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Extracted:
    text: str
    title: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
