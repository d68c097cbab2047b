"""Meaning keys: sentences close in meaning — reworded, or translated — share a 64-bit key.

Each sentence of five words or more is embedded by the engine's sentence encoder (the default
multilingual model, which puts a sentence and its translation close together) and its unit
vector is hashed by cross-polytope locality-sensitive hashing (Andoni, Indyk, Laarhoven,
Razenshteyn & Schmidt, "Practical and optimal LSH for angular distance", NeurIPS 2015): a
*code* is the index of the direction, among ``directions`` fixed directions and their
opposites, that the vector is nearest to; a key is ``per_key`` such codes hashed together, and
every sentence gets ``bands`` keys. Two sentences at cosine 0.8 (a translation, typically)
share a code about 24 % of the time with 256 directions, two unrelated ones (cosine near 0)
0.3 % of the time, so a band of codes separates them far better than random-hyperplane sign
bits of the same selectivity (measured on WMT22 Russian–English sentence pairs; see
``benchmarks/results/scan.md``).

The directions are random sign vectors made from the SplitMix64 stream of ``hashing`` (no
floating-point random generator, whose output may change between numpy versions), so every
process on every machine has the same ones; a key then depends only on the sentence's vector.
Embedding costs about 1.4 ms of CPU a sentence (ten a short article), far more than the
lexical keys: the scan makes meaning keys only when asked (``synopsis scan --meaning``).
"""
from __future__ import annotations

import functools

import numpy as np

from .hashing import U64, mix

_NGRAM_MUL = U64(0x100000001B3)
_SEED = U64(0x4D45414E494E47)            # "MEANING"
BATCH = 256                              # sentences embedded (and hashed) at a time: bounded memory


@functools.lru_cache(maxsize=4)
def directions(dim: int, count: int) -> np.ndarray:
    """``count`` fixed random sign vectors of ``dim`` entries (±1/√dim), as a [dim, count] matrix."""
    bits = mix(np.arange(dim * count, dtype=U64) + _SEED) >> U64(63)
    signs = np.where(bits.reshape(dim, count) == 1, 1.0, -1.0).astype(np.float32)
    return signs / np.float32(np.sqrt(dim))


def cross_polytope(vectors: np.ndarray, groups: int, per_group: int) -> np.ndarray:
    """For every vector, ``groups`` codes: in each group of ``per_group`` directions, the index
    of the nearest one of them and their opposites (0 … 2·per_group − 1). uint64 [n, groups]."""
    dim = vectors.shape[1]
    projected = (vectors.astype(np.float32) @ directions(dim, groups * per_group)).reshape(len(vectors), groups, per_group)
    nearest = np.argmax(projected, axis=2)
    farthest = np.argmin(projected, axis=2)
    high = np.take_along_axis(projected, nearest[..., None], axis=2)[..., 0]
    low = np.take_along_axis(projected, farthest[..., None], axis=2)[..., 0]
    return np.where(high >= -low, nearest, farthest + per_group).astype(U64)


def band_keys(vectors: np.ndarray, bands: int, per_key: int, per_group: int, salt: int) -> np.ndarray:
    """uint64 [n, bands]: each band's ``per_key`` cross-polytope codes hashed with its number,
    ``BATCH`` vectors at a time (the projections of one vector take bands × per_key × per_group
    floats, 64 KB with the defaults: a partition's sentences at once would take gigabytes)."""
    if len(vectors) <= BATCH:
        return _band_keys(vectors, bands, per_key, per_group, salt)
    return np.concatenate([_band_keys(vectors[i:i + BATCH], bands, per_key, per_group, salt)
                           for i in range(0, len(vectors), BATCH)])


def _band_keys(vectors: np.ndarray, bands: int, per_key: int, per_group: int, salt: int) -> np.ndarray:
    if len(vectors) == 0:
        return np.empty((0, bands), dtype=U64)
    groups = cross_polytope(vectors, bands * per_key, per_group).reshape(len(vectors), bands, per_key)
    with np.errstate(over="ignore"):
        acc = np.broadcast_to(mix(np.arange(bands, dtype=U64) ^ U64(salt)), (len(vectors), bands)).copy()
        for j in range(per_key):
            acc = mix(acc * _NGRAM_MUL + groups[:, :, j])
    return acc


def embed(sentences: list[str], model: str) -> np.ndarray:
    """Unit vectors of ``sentences`` by the engine's encoder ``model`` (loaded once per process)."""
    from ..core.semantic.encoders import load
    from ..core.semantic.models import by_name
    encoder = load(by_name(model))
    if not sentences:
        return np.zeros((0, encoder.dim), dtype=np.float32)
    parts = [encoder.vectors(encoder.states(sentences[i:i + BATCH])) for i in range(0, len(sentences), BATCH)]
    return np.concatenate(parts).astype(np.float32)
