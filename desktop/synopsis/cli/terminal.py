"""Standard output for the command line: text written safely.

The text is made by :mod:`synopsis.export.terminal`, which shows the control characters of
document text as symbols (:func:`~synopsis.export.terminal.visible`), so nothing in an article
can drive the terminal. :func:`echo` and :func:`write_bytes` turn a failure of standard output
(a full disk, a closed pipe) into :class:`~synopsis.cli.errors.StdoutError` instead of a traceback.
"""
from __future__ import annotations

import sys

import click

from ..export.terminal import visible, visible_bytes, visible_json, visible_line
from .errors import StdoutError

__all__ = ["echo", "stdout_is_terminal", "visible", "visible_bytes", "visible_json", "visible_line",
           "write_bytes"]


def echo(message: str = "", *, color: bool | None = None, nl: bool = True) -> None:
    """``click.echo`` to standard output; a write that fails is one line, not a traceback.

    ``message`` is printed as given: callers pass text already made visible, with colour
    added around it.
    """
    try:
        click.echo(message, color=color, nl=nl)
    except OSError as exc:
        raise StdoutError(exc) from None


def write_bytes(data: bytes) -> None:
    """Raw bytes to standard output (a report in a file format), flushed."""
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except OSError as exc:
        raise StdoutError(exc) from None


def stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (ValueError, OSError):
        return False
