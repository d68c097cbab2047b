"""The JSON report: exactly the public schema (docs/report.schema.json)."""
from __future__ import annotations

from ..core.model import Report


def render(report: Report, **_: object) -> bytes:
    return report.to_json().encode("utf-8") + b"\n"
