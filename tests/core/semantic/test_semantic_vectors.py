"""Embedding a document's passages: caches, a store, progress, cancel, the same vectors every
time, and no network on the way."""
from __future__ import annotations

import socket

import numpy as np
import pytest

from synopsis.core.errors import Cancelled
from synopsis.core.semantic import encoders, vectors
from synopsis.core.semantic.models import DEFAULT

TEXTS = [f"Sentence number {n} says something about the talks in Geneva." for n in range(150)]


@pytest.fixture(scope="module")
def use():
    return encoders.load(DEFAULT)


class MemoryStore:
    def __init__(self):
        self.rows = {}
        self.saved = 0

    def load_states(self, model, version, keys):
        return {k: self.rows[model, version, k] for k in keys if (model, version, k) in self.rows}

    def save_states(self, model, version, states):
        self.saved += len(states)
        self.rows.update({(model, version, k): v for k, v in states.items()})


def test_a_second_embedding_comes_from_the_cache_and_is_identical(use):
    cache = vectors.EmbeddingCache()
    first = vectors.embed(TEXTS[:20], use, cache=cache)
    second = vectors.embed(TEXTS[:20], use, cache=cache)
    assert first.computed == 20 and second.computed == 0
    assert np.array_equal(first.vectors, second.vectors)
    assert first.states.dtype == np.float16


def test_repeated_texts_are_embedded_once(use):
    embedded = vectors.embed(["Same.", "Other.", "Same."], use, cache=None)
    assert embedded.computed == 2
    assert np.array_equal(embedded.vectors[0], embedded.vectors[2])


def test_the_store_keeps_states_for_the_next_process(use):
    store = MemoryStore()
    first = vectors.embed(TEXTS[:10], use, cache=None, store=store)
    again = vectors.embed(TEXTS[:12], use, cache=vectors.EmbeddingCache(), store=store)
    assert store.saved == 12 and again.computed == 2
    assert np.array_equal(first.vectors, again.vectors[:10])


def test_a_stored_state_of_the_wrong_width_is_embedded_again(use):
    store = MemoryStore()
    store.rows[DEFAULT.name, use.version, vectors.text_key(TEXTS[0])] = np.zeros(3, dtype=np.float16)
    embedded = vectors.embed(TEXTS[:1], use, cache=None, store=store)
    assert embedded.computed == 1 and np.isclose(np.linalg.norm(embedded.vectors[0]), 1.0, atol=1e-3)


def test_progress_counts_up_to_the_number_of_new_texts(use):
    seen = []
    vectors.embed(TEXTS, use, cache=None, progress=lambda done, total: seen.append((done, total)))
    assert seen == sorted(seen) and seen[-1] == (150, 150) and len(seen) == 3


def test_cancel_stops_between_chunks(use):
    calls = []

    def cancel():
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(Cancelled):
        vectors.embed(TEXTS, use, cache=None, cancel=cancel, workers=1)


def test_one_thread_and_two_give_the_same_vectors(use):
    one = vectors.embed(TEXTS, use, cache=None, workers=1)
    two = vectors.embed(TEXTS, use, cache=None, workers=2)
    assert np.array_equal(one.states, two.states)


def test_embedding_needs_no_network(use, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("an embedding tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    embedded = vectors.embed(["Мирные переговоры продолжатся в Женеве."], use, cache=None)
    assert embedded.vectors.shape == (1, 512)
