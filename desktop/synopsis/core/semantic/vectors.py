"""Embedding the passages of a document: batches, progress, cancel, and caches.

A text's state (see ``encoders``) is computed once per model version: a process keeps the
states it made in an :class:`EmbeddingCache` (keyed by text hash, model name and model
version), and a caller may pass a :class:`StateStore` (the library) that keeps them on disk
beside the document. States are rounded to float16 whether fresh or cached, so a comparison
gives the same vectors on the first run and on the next.
"""
from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Iterable, Protocol, Sequence

import numpy as np

from ..errors import Cancelled
from .encoders import STATE_DTYPE, Encoder

Progress = Callable[[int, int], None]      # (texts done, texts in all)
CancelCheck = Callable[[], bool]
CHUNK = 64                                 # texts per unit of work (progress, cancel, threads)


def text_key(text: str) -> str:
    """The cache key of a text: 32 hex digits of its BLAKE2b hash."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


class StateStore(Protocol):
    """Somewhere states outlive the process (the library implements it)."""

    def load_states(self, model: str, version: str, keys: Sequence[str]) -> dict[str, np.ndarray]: ...

    def save_states(self, model: str, version: str, states: dict[str, np.ndarray]) -> None: ...


# The stores of the two documents of a comparison (None: the document is not stored anywhere).
Stores = tuple["StateStore | None", "StateStore | None"]
NO_STORES: Stores = (None, None)


class EmbeddingCache:
    """States of texts this process embedded, least recently used dropped beyond ``limit``."""

    def __init__(self, limit: int = 40_000) -> None:
        self.limit = limit
        self._rows: OrderedDict[tuple[str, str, str], np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, model: str, version: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        found = {}
        with self._lock:
            for key in keys:
                row = self._rows.get((model, version, key))
                if row is not None:
                    self._rows.move_to_end((model, version, key))
                    found[key] = row
        return found

    def put(self, model: str, version: str, states: dict[str, np.ndarray]) -> None:
        with self._lock:
            for key, row in states.items():
                self._rows[model, version, key] = row
                self._rows.move_to_end((model, version, key))
            while len(self._rows) > self.limit:
                self._rows.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._rows.clear()

    def __len__(self) -> int:
        return len(self._rows)


# The process's one cache of states (its only process-wide state besides the loaded models of
# ``encoders``): bounded, keyed by model and version, so a second comparison of a text is free.
CACHE = EmbeddingCache()


@dataclass
class Embedded:
    """The passages of one document as vectors of one model (blocks computed when asked)."""

    encoder: Encoder
    texts: list[str]
    states: np.ndarray
    computed: int = 0                      # how many states were embedded now (not cached)
    _blocks: dict[int, np.ndarray] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def vectors(self) -> np.ndarray:
        return self.blocks(1)

    def blocks(self, k: int) -> np.ndarray:
        """Unit vectors of every run of ``k`` consecutive passages read as one."""
        with self._lock:
            if k not in self._blocks:
                if k == 1:
                    self._blocks[1] = self.encoder.vectors(self.states)
                else:
                    self._blocks[k] = self.encoder.block_vectors(self.states, self.texts, k)
            return self._blocks[k]


def embed(texts: Sequence[str], encoder: Encoder, *, cache: EmbeddingCache | None = CACHE,
          store: StateStore | None = None, progress: Progress | None = None,
          cancel: CancelCheck | None = None, workers: int | None = None) -> Embedded:
    """The states of ``texts``: from the caches where known, the rest embedded in chunks
    (``workers`` threads, default: up to two cores), reporting ``progress`` after each
    chunk and raising :class:`Cancelled` between chunks when ``cancel()`` says so."""
    texts = list(texts)
    model, version = encoder.spec.name, encoder.version
    keys = [text_key(t) for t in texts]
    unique = list(dict.fromkeys(keys))
    known: dict[str, np.ndarray] = {}
    if store is not None:
        stored = store.load_states(model, version, unique)
        known.update({k: np.asarray(v, dtype=STATE_DTYPE) for k, v in stored.items()
                      if np.shape(v) == (encoder.state_width,)})
        if cache is not None and known:
            cache.put(model, version, known)
    from_store = set(known)
    if cache is not None:
        known.update(cache.get(model, version, [k for k in unique if k not in known]))
    text_of = dict(zip(keys, texts))
    missing = [k for k in unique if k not in known]
    fresh = _embed_missing([text_of[k] for k in missing], missing, encoder, progress, cancel, workers)
    if fresh and cache is not None:
        cache.put(model, version, fresh)
    known.update(fresh)
    if store is not None and len(from_store) < len(unique):
        store.save_states(model, version, {k: known[k] for k in unique if k not in from_store})
    states = np.vstack([known[k] for k in keys]) if keys else \
        np.zeros((0, encoder.state_width), dtype=STATE_DTYPE)
    return Embedded(encoder, texts, states, computed=len(fresh))


def _embed_missing(texts: list[str], keys: list[str], encoder: Encoder, progress: Progress | None,
                   cancel: CancelCheck | None, workers: int | None) -> dict[str, np.ndarray]:
    if not texts:
        if progress is not None:
            progress(0, 0)
        return {}
    chunks = [range(s, min(s + CHUNK, len(texts))) for s in range(0, len(texts), CHUNK)]
    threads = max(1, min(workers or _cores(), 2, len(chunks))) if encoder.parallel else 1
    out: dict[str, np.ndarray] = {}
    done = 0

    def one(chunk: range) -> np.ndarray:
        if cancel is not None and cancel():
            raise Cancelled()
        return encoder.states([texts[i] for i in chunk])

    with ThreadPoolExecutor(threads) as pool:
        for chunk, rows in zip(chunks, _ordered(pool, one, chunks)):
            out.update(zip((keys[i] for i in chunk), rows))
            done += len(chunk)
            if progress is not None:
                progress(done, len(texts))
    return out


def _ordered(pool: ThreadPoolExecutor, work: Callable[[range], np.ndarray],
             chunks: Iterable[range]):
    """``pool.map`` that stops handing out chunks once one raised (a cancel)."""
    futures = [pool.submit(work, chunk) for chunk in chunks]
    try:
        for future in futures:
            yield future.result()
    finally:
        for future in futures:
            future.cancel()


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1
