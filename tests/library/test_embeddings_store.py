"""Passage embeddings stored beside their document in a real library file."""
from __future__ import annotations

import numpy as np

from synopsis.core import Settings, compare, load
from synopsis.core.semantic import encoders, vectors
from synopsis.core.semantic.models import DEFAULT
from synopsis.library import Library


def test_states_round_trip_and_go_with_their_document(lib, seeds):
    doc_id = lib.add_document(load(seeds / "geneva-round.txt"))
    store = lib.embedding_store(doc_id)
    states = {"k1": np.arange(4, dtype=np.float16), "k2": np.ones(4, dtype=np.float16)}
    store.save_states("m", "1", states)
    assert lib.count_embeddings(doc_id) == 2
    got = store.load_states("m", "1", ["k1", "k2", "k3"])
    assert set(got) == {"k1", "k2"} and np.array_equal(got["k1"], states["k1"])
    assert store.load_states("m", "2", ["k1"]) == {}          # another model version: not read
    other = lib.add_document(load(seeds / "belta-abu-dhabi-round.txt"))
    assert set(lib.embedding_store(other).load_states("m", "1", ["k2"])) == {"k2"}   # same text, any document
    lib.remove_document(doc_id)
    assert lib.count_embeddings(doc_id) == 0


def test_a_second_comparison_of_stored_documents_embeds_nothing(tmp_path, seeds, monkeypatch):
    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        ids = [lib.add_document(load(seeds / name)) for name in
               ("bbc-witkoff-putin-talks.txt", "ru-witkoff-putin-talks.txt")]
        stores = tuple(lib.embedding_store(i) for i in ids)
        compare(lib.get_document(ids[0]), lib.get_document(ids[1]), Settings(), embeddings=stores)
        stored = [lib.count_embeddings(i) for i in ids]
    assert min(stored) > 20

    vectors.CACHE.clear()
    made = []
    use = encoders.load(DEFAULT)
    real = type(use).states
    monkeypatch.setattr(type(use), "states", lambda self, texts: made.append(len(texts)) or real(self, texts))
    with Library.open(path) as lib:
        stores = tuple(lib.embedding_store(i) for i in ids)
        report = compare(lib.get_document(ids[0]), lib.get_document(ids[1]), Settings(), embeddings=stores)
    assert made == []
    assert report.is_translation and len(report.links) > 15


def test_a_library_without_the_embeddings_table_is_upgraded_with_a_backup(tmp_path, seeds, monkeypatch):
    import sqlite3

    from synopsis.library import db as db_mod
    from synopsis.library.migrations import MIGRATIONS

    path = tmp_path / "library.db"
    monkeypatch.setattr(db_mod, "MIGRATIONS", MIGRATIONS[:3])
    monkeypatch.setattr(db_mod, "SCHEMA_VERSION", 3)
    with Library.open(path) as old:
        doc_id = old.add_document(load(seeds / "geneva-round.txt"))
    monkeypatch.undo()
    with Library.open(path) as lib:
        assert lib.schema_version == len(MIGRATIONS) and lib.backup_path is not None
        lib.embedding_store(doc_id).save_states("m", "1", {"k": np.ones(4, dtype=np.float16)})
        assert lib.count_embeddings(doc_id) == 1
    backup = sqlite3.connect(lib.backup_path)
    tables = {row[0] for row in backup.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    backup.close()
    assert "passage_embeddings" not in tables and "documents" in tables


def test_a_read_only_library_is_read_but_its_embeddings_are_not_saved(tmp_path, seeds):
    path = tmp_path / "library.db"
    with Library.open(path) as lib:
        doc_id = lib.add_document(load(seeds / "geneva-round.txt"))
    with Library.open(path, readonly=True) as lib:
        lib.embedding_store(doc_id).save_states("m", "1", {"k": np.ones(4, dtype=np.float16)})
        assert lib.count_embeddings(doc_id) == 0
