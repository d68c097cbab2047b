"""The library's schema, as an ordered list of migrations recorded in the database.

Each migration runs once, inside a transaction that also records its name in ``_migrations``
and sets ``PRAGMA user_version`` to its position, so a crash leaves either the old schema or
the new one. Append new migrations; never edit or reorder a released one.
"""
from __future__ import annotations

from typing import Callable

import sqlite_utils

from .embeddings import migrate as _m0003_embeddings

Migration = tuple[str, Callable[[sqlite_utils.Database], None]]


def _m0001_core(db: sqlite_utils.Database) -> None:
    db.executescript("""
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        url TEXT,
        outlet TEXT,
        author TEXT,
        published TEXT,
        retrieved TEXT,
        language TEXT,
        format TEXT NOT NULL DEFAULT 'text',
        text TEXT NOT NULL,
        meta TEXT NOT NULL DEFAULT '{}',
        note TEXT NOT NULL DEFAULT '',
        added TEXT NOT NULL
    );
    CREATE INDEX documents_added ON documents(added);
    CREATE TABLE comparisons (
        id INTEGER PRIMARY KEY,
        doc_a INTEGER NOT NULL REFERENCES documents(id),
        doc_b INTEGER NOT NULL REFERENCES documents(id),
        title TEXT NOT NULL DEFAULT '',
        report TEXT NOT NULL,
        settings TEXT NOT NULL DEFAULT '{}',
        engine_version TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX comparisons_docs ON comparisons(doc_a, doc_b);
    CREATE TABLE corrections (
        id INTEGER PRIMARY KEY,
        comparison_id INTEGER NOT NULL REFERENCES comparisons(id) ON DELETE CASCADE,
        action TEXT NOT NULL CHECK (action IN ('link', 'unlink', 'relabel')),
        a TEXT NOT NULL,
        b TEXT NOT NULL,
        label TEXT,
        created TEXT NOT NULL
    );
    CREATE INDEX corrections_comparison ON corrections(comparison_id);
    CREATE TABLE verdicts (
        comparison_id INTEGER NOT NULL REFERENCES comparisons(id) ON DELETE CASCADE,
        link_key TEXT NOT NULL,
        verdict TEXT NOT NULL CHECK (verdict IN ('accurate', 'altered', 'misleading', 'unverified')),
        note TEXT NOT NULL DEFAULT '',
        updated TEXT NOT NULL,
        PRIMARY KEY (comparison_id, link_key)
    );
    """)
    db["documents"].enable_fts(["title", "text", "note"], create_triggers=True,
                               tokenize="unicode61 remove_diacritics 2")


def _m0002_cases_recent(db: sqlite_utils.Database) -> None:
    db.executescript("""
    CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        note TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL
    );
    CREATE TABLE case_items (
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('document', 'comparison')),
        item_id INTEGER NOT NULL,
        added TEXT NOT NULL,
        PRIMARY KEY (case_id, kind, item_id)
    );
    CREATE INDEX case_items_item ON case_items(kind, item_id);
    ALTER TABLE comparisons ADD COLUMN opened TEXT;
    CREATE INDEX comparisons_recent ON comparisons(opened, created);
    """)
    for table, columns in (("comparisons", ["title", "note"]), ("verdicts", ["note"]),
                           ("cases", ["name", "note"])):
        db[table].enable_fts(columns, create_triggers=True, tokenize="unicode61 remove_diacritics 2")


MIGRATIONS: list[Migration] = [
    ("0001_core", _m0001_core),
    ("0002_cases_recent", _m0002_cases_recent),
    ("0003_embeddings", _m0003_embeddings),
]
SCHEMA_VERSION = len(MIGRATIONS)
KNOWN = {name for name, _ in MIGRATIONS}
