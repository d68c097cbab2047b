"""The command line's one way to stop on an error: one line on standard error, exit status 2."""
from __future__ import annotations

import sys

import click


def fail(message: str) -> None:
    """Print one error line and exit with status 2."""
    click.echo(f"synopsis: error: {message}", err=True)
    sys.exit(2)
