"""The library's schema, as an ordered list of migrations recorded in the database.

Each migration runs once, inside a transaction that also records its name in ``_migrations``
and sets ``PRAGMA user_version`` to its position, so a crash leaves either the old schema or
the new one. Append new migrations; never edit or reorder a released one.
"""
from __future__ import annotations

from typing import Callable

import sqlite_utils

from .embeddings import migrate as _m0004_embeddings

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


_REVIEW_TABLES = [
    # a note may stand without a verdict: the verdict is only ever set by the user
    """CREATE TABLE verdicts_0003 (
        comparison_id INTEGER NOT NULL REFERENCES comparisons(id) ON DELETE CASCADE,
        link_key TEXT NOT NULL,
        verdict TEXT NOT NULL DEFAULT ''
            CHECK (verdict IN ('', 'accurate', 'altered', 'misleading', 'unverified')),
        note TEXT NOT NULL DEFAULT '',
        updated TEXT NOT NULL,
        PRIMARY KEY (comparison_id, link_key)
    )""",
    "INSERT INTO verdicts_0003 (comparison_id, link_key, verdict, note, updated) "
    "SELECT comparison_id, link_key, verdict, note, updated FROM verdicts",
    "DROP TRIGGER IF EXISTS verdicts_ai",
    "DROP TRIGGER IF EXISTS verdicts_ad",
    "DROP TRIGGER IF EXISTS verdicts_au",
    "DROP TABLE IF EXISTS verdicts_fts",
    "DROP TABLE verdicts",
    "ALTER TABLE verdicts_0003 RENAME TO verdicts",
    """CREATE VIRTUAL TABLE verdicts_fts USING FTS5 (note, tokenize='unicode61 remove_diacritics 2',
        content=verdicts)""",
    "INSERT INTO verdicts_fts (rowid, note) SELECT rowid, note FROM verdicts",
    """CREATE TRIGGER verdicts_ai AFTER INSERT ON verdicts BEGIN
        INSERT INTO verdicts_fts (rowid, note) VALUES (new.rowid, new.note); END""",
    """CREATE TRIGGER verdicts_ad AFTER DELETE ON verdicts BEGIN
        INSERT INTO verdicts_fts (verdicts_fts, rowid, note) VALUES ('delete', old.rowid, old.note); END""",
    """CREATE TRIGGER verdicts_au AFTER UPDATE ON verdicts BEGIN
        INSERT INTO verdicts_fts (verdicts_fts, rowid, note) VALUES ('delete', old.rowid, old.note);
        INSERT INTO verdicts_fts (rowid, note) VALUES (new.rowid, new.note); END""",
    # when the review of a comparison last changed: the one a re-comparison continues
    "ALTER TABLE comparisons ADD COLUMN reviewed TEXT",
    # what a person decided by hand as it stands (pairs linked or relabelled, passages kept apart),
    # written at every correction; the stored report is decided again with it when read
    "ALTER TABLE comparisons ADD COLUMN corrections_state TEXT",
    # claim matrices of many sources, kept like comparisons of two
    """CREATE TABLE collections (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        sources INTEGER NOT NULL,
        report TEXT NOT NULL,
        settings TEXT NOT NULL DEFAULT '{}',
        engine_version TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL,
        opened TEXT
    )""",
    """CREATE TABLE collection_documents (
        collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        document_id INTEGER NOT NULL REFERENCES documents(id),
        PRIMARY KEY (collection_id, position)
    )""",
    "CREATE INDEX collection_documents_document ON collection_documents(document_id)",
]


def _m0003_review_desk(db: sqlite_utils.Database) -> None:
    """Notes without a verdict, when a review last changed, and kept claim matrices.

    Statement by statement (not ``executescript``, which would commit the migration's
    transaction half-way): SQLite cannot relax a CHECK constraint in place, so the verdicts
    table is rebuilt, and its full-text index and triggers with it.
    """
    for statement in _REVIEW_TABLES:
        db.conn.execute(statement)


MIGRATIONS: list[Migration] = [
    ("0001_core", _m0001_core),
    ("0002_cases_recent", _m0002_cases_recent),
    ("0003_review_desk", _m0003_review_desk),
    ("0004_embeddings", _m0004_embeddings),
]
SCHEMA_VERSION = len(MIGRATIONS)
KNOWN = {name for name, _ in MIGRATIONS}
