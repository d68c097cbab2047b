"""The headless engine: loading, segmenting, aligning, classifying. Never imports Qt.

``load`` and ``compare`` are imported when first asked for: a process that needs only part of
the engine (the fact layer's worker, see ``fact_worker``) then starts without the aligner and
the readers of every file format.
"""
from typing import TYPE_CHECKING, Any

from .config import Settings
from .errors import Cancelled, LoadError, SynopsisError
from .model import Document, Edit, Fact, Link, Report, Repeat, Segment, Span

if TYPE_CHECKING:
    from .ingest import load
    from .pipeline import compare

__all__ = ["Settings", "Cancelled", "LoadError", "SynopsisError", "load", "Document", "Edit", "Fact",
           "Link", "Report", "Repeat", "Segment", "Span", "compare"]


def __getattr__(name: str) -> Any:
    if name == "load":
        from .ingest import load
        return load
    if name == "compare":
        from .pipeline import compare
        return compare
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
