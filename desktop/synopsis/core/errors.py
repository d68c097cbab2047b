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


class TooLong(SynopsisError):
    """A document has more passages than one comparison aligns (``align.MAX_PASSAGES``)."""

    def __init__(self, source: str, passages: int, limit: int, granularity: str,
                 paragraphs: int | None = None) -> None:
        by_paragraph = granularity == "sentence" and (paragraphs is None or paragraphs <= limit)
        hint = "compare it by paragraph (--granularity paragraph) or in parts" \
            if by_paragraph else "compare it in parts"
        super().__init__(f"{source}: {passages:,} passages to align, more than the {limit:,} "
                         f"one comparison takes; {hint}")
        self.source = source
        self.passages = passages
        self.limit = limit
