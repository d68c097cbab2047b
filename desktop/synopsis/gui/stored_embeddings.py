"""The library's passage embeddings for the comparisons the window runs in the background.

A compared document that is stored in the library (found by its content hash) has its
passages' embeddings read from there, and the ones made now written there, as
``synopsis library compare`` does: comparing it again, in this run of the app or a later one,
does not embed it again. The worker thread talks to the library over a connection of its own
(:meth:`~synopsis.library.db.LibraryDB.companion`). The embeddings are a cache: when the
library cannot be read or written at that moment (locked by another program for longer than
its timeout, read-only), the comparison embeds what it must and goes on. Runs in a worker
thread: no Qt here.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator, Sequence

import numpy as np

from ..core.errors import SynopsisError
from ..core.model import Document
from ..core.semantic.vectors import NO_STORES, StateStore, Stores


class _Tolerant:
    """A document's :class:`StateStore` whose failures cost only the caching."""

    def __init__(self, store: StateStore) -> None:
        self.store = store

    def load_states(self, model: str, version: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        try:
            return self.store.load_states(model, version, keys)
        except SynopsisError:
            return {}

    def save_states(self, model: str, version: str, states: dict[str, np.ndarray]) -> None:
        try:
            self.store.save_states(model, version, states)
        except SynopsisError:
            pass


@contextmanager
def stores_for(library, docs: Sequence[Document]) -> Iterator[Stores]:
    """The embedding stores of ``docs`` in ``library`` (None for a document not stored there),
    over a connection opened for the calling thread and closed after."""
    if library is None:
        yield NO_STORES
        return
    try:
        companion = library.companion()
    except SynopsisError:
        yield NO_STORES
        return
    try:
        yield tuple(_store_of(companion, doc) for doc in docs)       # type: ignore[misc]
    finally:
        companion.close()


def _store_of(library, doc: Document) -> _Tolerant | None:
    if not doc.sha256:
        return None
    try:
        found = library.find_document(doc.sha256)
    except SynopsisError:
        return None
    return _Tolerant(library.embedding_store(found)) if found is not None else None
