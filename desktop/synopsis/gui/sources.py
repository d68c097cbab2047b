"""What the background job does: turn source specs into Documents and compare them.

A spec is ``("path", p)``, ``("url", u)``, ``("text", pasted)`` or ``("document", doc)`` (a
Document already loaded, e.g. from the library; it is prepared again, as every source is). Runs in a
worker thread: no Qt here.
"""
from __future__ import annotations

from collections.abc import Callable

from ..core import ingest
from ..core.config import Settings
from ..core.errors import LoadError
from ..core.model import Document
from ..core.pipeline import prepare
from ..runtime import compare, collect_before_comparing
from .stored_embeddings import stores_for


def load_spec(spec: tuple, settings: Settings) -> Document:
    kind, value = spec
    if kind in ("path", "url"):  # ingest.load fetches http(s) addresses itself
        return ingest.load(value, max_bytes=settings.max_bytes)
    if kind == "text":
        return ingest.from_pasted_text(value)
    if kind == "document":
        return value
    raise LoadError(str(value), f"unknown kind of source {kind!r}")


def make_task(specs: list, settings: Settings, library=None) -> Callable:
    """The comparison job of ``specs``; with ``library`` (an open :class:`~synopsis.library.Library`),
    the passage embeddings of the documents stored in it are read from it and kept there."""
    def task(progress, cancelled):
        collect_before_comparing()      # the garbage made since the last comparison, on this thread
        docs = [load_spec(s, settings) if s is not None else None for s in specs]
        if all(d is not None for d in docs):
            with stores_for(library, docs) as stores:
                report = compare(docs[0], docs[1], settings, progress=progress, cancel=cancelled,
                                 embeddings=stores, settle=True)   # (its objects frozen, see runtime)
            return list(report.documents), report
        return [prepare(d, settings) if d is not None else None for d in docs], None
    return task
