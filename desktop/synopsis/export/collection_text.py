"""The claim matrix as plain text, the same as the command line prints without colour."""
from __future__ import annotations

import click

from ..core.collection import CollectionReport
from .terminal import render_collection


def render(collection: CollectionReport, **_: object) -> bytes:
    return (click.unstyle(render_collection(collection)) + "\n").encode("utf-8")
