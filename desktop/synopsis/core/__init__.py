"""The headless engine: loading, preparing, aligning, deciding. Never imports Qt, and changes
no process-wide state (a program that embeds it chooses those: see ``synopsis.runtime``).

The one-way chain: ``load → prepare → align → decide → Report`` (``compare`` runs it all);
the stages are in :mod:`.pipeline` (``from synopsis.core.pipeline import prepare, align,
decide, redecide``: ``synopsis.core.align`` and ``synopsis.core.decide`` name their modules).
``load``, ``prepare`` and ``compare`` are imported when first asked for: a process that needs
only part of the engine (the fact layer's worker) then starts without the aligner and the
readers of every file format.
"""
from typing import TYPE_CHECKING, Any

from .config import Settings
from .errors import Cancelled, LoadError, SynopsisError
from .model import (Alignment, Annotation, Candidate, Corrections, Document, Edit, Fact, Link, Repeat, Report,
                    Segment, Span)
from .vocab import EditOp, FactKind, Label, Origin, Reason, SegmentKind, Severity, display_name

if TYPE_CHECKING:
    from .ingest import load
    from .pipeline import compare, prepare

__all__ = ["Settings", "Cancelled", "LoadError", "SynopsisError", "load", "prepare", "compare", "Alignment", "Annotation", "Candidate", "Corrections", "Document", "Edit",
           "Fact", "Link", "Repeat", "Report", "Segment", "Span", "EditOp", "FactKind", "Label", "Origin",
           "Reason", "SegmentKind", "Severity", "display_name"]

_LAZY = {"load": "ingest", "prepare": "pipeline", "compare": "pipeline"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib
        return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
