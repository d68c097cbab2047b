"""Errors the engine raises on purpose; each carries a message fit to show a user."""
from __future__ import annotations


class SynopsisError(Exception):
    """Base class: ``str(error)`` is one line a user can read."""


class LoadError(SynopsisError):
    """A source could not be loaded. ``source`` names it, ``reason`` says why."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class Cancelled(SynopsisError):
    """The user cancelled long work; nothing was produced."""

    def __init__(self) -> None:
        super().__init__("cancelled")
