"""The one clock of Synopsis: times as ISO 8601 in UTC, to the millisecond."""
from __future__ import annotations

from datetime import datetime, timezone


def now_iso() -> str:
    """This moment, e.g. ``2025-12-04T10:00:00.123+00:00``."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")
