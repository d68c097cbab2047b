"""Plain-text summary, the same as the CLI prints without colour."""
from __future__ import annotations

import click

from ..cli.output import render_summary
from ..core.model import Report


def render(report: Report, **_: object) -> bytes:
    return (click.unstyle(render_summary(report)) + "\n").encode("utf-8")
