"""The window reads and keeps the passage embeddings of documents stored in the library, so a
second comparison of them does not embed them again (a real SQLite library, the real model)."""
from __future__ import annotations

from pathlib import Path

import pytest
from synopsis.core import ingest
from synopsis.core.semantic import vectors
from synopsis.library import Library

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
ENGLISH, RUSSIAN = SEEDS / "bbc-witkoff-putin-talks.txt", SEEDS / "ru-witkoff-putin-talks.txt"


@pytest.fixture
def lib_path(tmp_path, monkeypatch):
    path = tmp_path / "lib" / "library.db"
    monkeypatch.setenv("SYNOPSIS_LIBRARY", str(path))
    return path


@pytest.fixture
def embedded(monkeypatch):
    """How many passages the model embedded (not found in a cache or the library), per call."""
    counts: list[int] = []
    original = vectors._embed_missing

    def counting(texts, *args, **kwargs):
        counts.append(len(texts))
        return original(texts, *args, **kwargs)

    monkeypatch.setattr(vectors, "_embed_missing", counting)
    return counts


def _compare(window, qtbot, a, b):
    with qtbot.waitSignal(window.comparisonReady, timeout=60000):
        window.open_paths(str(a), str(b))
    return window.report


def _links(report):
    return [(l.a, l.b, l.label) for l in report.links]


def test_stored_documents_are_embedded_once(window, qtbot, lib_path, embedded, errors):
    with Library.open(lib_path) as lib:
        ids = [lib.add_document(ingest.load(str(p))) for p in (ENGLISH, RUSSIAN)]
    vectors.CACHE.clear()                  # as in a fresh run of the app
    first = _compare(window, qtbot, ENGLISH, RUSSIAN)
    assert first.is_translation and first.links
    assert sum(embedded) > 20              # a translation pair: every passage embedded
    with Library.open(lib_path) as lib:
        stored = [lib.count_embeddings(i) for i in ids]
    assert all(n > 10 for n in stored), stored

    embedded.clear()
    vectors.CACHE.clear()                  # only the library can know them now
    second = _compare(window, qtbot, RUSSIAN, ENGLISH)
    assert sum(embedded) == 0
    again = _compare(window, qtbot, ENGLISH, RUSSIAN)
    assert _links(again) == _links(first)  # the stored embeddings give the same links
    assert len(second.links) == len(first.links)
    assert errors == []


def test_documents_not_in_the_library_leave_it_alone(window, qtbot, lib_path, embedded, errors):
    vectors.CACHE.clear()
    _compare(window, qtbot, ENGLISH, RUSSIAN)
    assert sum(embedded) > 20
    assert not lib_path.exists()           # comparing never creates a library
    with Library.open(lib_path) as lib:    # one that exists, without these documents, is unchanged
        other = lib.add_document(ingest.load(str(SEEDS / "geneva-round.txt")))
    vectors.CACHE.clear()
    _compare(window, qtbot, ENGLISH, RUSSIAN)
    with Library.open(lib_path) as lib:
        assert lib.count_documents() == 1 and lib.count_embeddings(other) == 0
    assert errors == []
