"""Passage embeddings kept beside their document, so a second comparison does not embed it again.

One row per (document, model, model version, passage text hash): the passage's state as the
encoder made it (float16 bytes, ``core.semantic.encoders``). A state is looked up by text hash
in any document (the same sentence in two stored articles is embedded once) and saved under the
document being compared; deleting the document deletes its rows. Rows of another model version
are never read: new weights, new vectors.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
import sqlite_utils

from ..core.semantic.encoders import STATE_DTYPE

BATCH = 500          # keys per lookup query (SQLite's variable limit is far above)


def migrate(db: sqlite_utils.Database) -> None:
    """Migration 0004: the passage_embeddings table. Statement by statement (not a script,
    which would commit first), so it stays inside the migration's transaction."""
    db.execute("""
    CREATE TABLE passage_embeddings (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        model TEXT NOT NULL,
        version TEXT NOT NULL,
        text_key TEXT NOT NULL,
        state BLOB NOT NULL,
        PRIMARY KEY (document_id, model, version, text_key)
    )""")
    db.execute("CREATE INDEX passage_embeddings_text ON passage_embeddings(model, version, text_key)")


class DocumentStates:
    """The :class:`~synopsis.core.semantic.vectors.StateStore` of one stored document."""

    def __init__(self, library, document_id: int) -> None:
        self.library = library
        self.document_id = int(document_id)

    def load_states(self, model: str, version: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        keys = list(dict.fromkeys(keys))
        with self.library.reading() as conn:
            for start in range(0, len(keys), BATCH):
                chunk = keys[start:start + BATCH]
                rows = conn.execute(
                    f"SELECT text_key, state FROM passage_embeddings WHERE model = ? AND version = ? "
                    f"AND text_key IN ({', '.join('?' * len(chunk))}) ORDER BY document_id = ? DESC",
                    (model, version, *chunk, self.document_id))
                for key, blob in rows:
                    out.setdefault(key, np.frombuffer(blob, dtype=STATE_DTYPE).copy())
        return out

    def save_states(self, model: str, version: str, states: dict[str, np.ndarray]) -> None:
        if self.library.readonly or not states:
            return
        rows = [(self.document_id, model, version, key, np.asarray(state, dtype=STATE_DTYPE).tobytes())
                for key, state in states.items()]
        with self.library.transaction() as conn:
            conn.executemany("INSERT OR REPLACE INTO passage_embeddings "
                             "(document_id, model, version, text_key, state) VALUES (?, ?, ?, ?, ?)", rows)


class EmbeddingsMixin:
    """Library methods for the passage embeddings of stored documents."""

    def embedding_store(self, document_id: int) -> DocumentStates:
        return DocumentStates(self, document_id)

    def count_embeddings(self, document_id: int) -> int:
        with self.reading() as conn:
            return int(conn.execute("SELECT count(*) FROM passage_embeddings WHERE document_id = ?",
                                    (int(document_id),)).fetchone()[0])
