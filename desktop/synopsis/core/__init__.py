"""The headless engine: loading, segmenting, aligning, classifying. Never imports Qt."""
from .config import Settings
from .errors import Cancelled, LoadError, SynopsisError
from .ingest import load
from .model import Document, Edit, Fact, Link, Report, Repeat, Segment, Span
from .pipeline import compare

__all__ = ["Settings", "Cancelled", "LoadError", "SynopsisError", "load", "Document", "Edit", "Fact",
           "Link", "Report", "Repeat", "Segment", "Span", "compare"]
