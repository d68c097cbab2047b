"""Plain-text summary, the same as the command line prints without colour."""
from __future__ import annotations

import click

from ..core.model import Report
from .terminal import render_summary


def render(report: Report, **_: object) -> bytes:
    return (click.unstyle(render_summary(report)) + "\n").encode("utf-8")
