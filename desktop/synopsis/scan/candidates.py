"""From shared keys to candidate pairs: the two shuffles of the scan, as numpy functions.

Keys are split into buckets by value (:func:`bucket_rows`); each bucket's posting lists
become article pairs (:func:`pairs_from_postings`) under passim's document-frequency limits
(D. A. Smith et al., "Infectious texts", 2013): a key seen in one article says nothing; a key
in 2 … ``max_df`` articles pairs them all; a key in more is a *hub* (a wire story reprinted
widely, a stock phrase) and pairs each article only with the hub's first article, so it costs
``df`` pairs instead of ``df²/2``; a key in more than ``boilerplate_df`` articles (footers,
"all rights reserved") is dropped. Pairs are then bucketed again and counted per generator
(:func:`count_pairs`); a pair sharing at least the generator's ``min_shared`` keys is a
candidate.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .hashing import U64


@dataclass(frozen=True)
class Limits:
    max_df: int = 100
    boilerplate_df: int = 5000


def bucket_rows(keys: np.ndarray, docs: np.ndarray, kinds: np.ndarray, buckets: int) -> list[tuple]:
    """Split (key, doc, kind) rows by ``key mod buckets``."""
    which = (keys % U64(buckets)).astype(np.int64)
    order = np.argsort(which, kind="stable")
    bounds = np.searchsorted(which[order], np.arange(buckets + 1))
    return [(keys[order[lo:hi]], docs[order[lo:hi]], kinds[order[lo:hi]])
            for lo, hi in zip(bounds[:-1], bounds[1:])]


def concat_rows(parts: list[tuple]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    keys = np.concatenate([p[0] for p in parts]) if parts else np.empty(0, dtype=U64)
    docs = np.concatenate([p[1] for p in parts]) if parts else np.empty(0, dtype=np.int64)
    kinds = np.concatenate([p[2] for p in parts]) if parts else np.empty(0, dtype=np.int8)
    return keys, docs, kinds


def pair_code(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """One uint64 per pair of article numbers (a < b)."""
    return (a.astype(U64) << U64(32)) | b.astype(U64)


def split_code(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return (codes >> U64(32)).astype(np.int64), (codes & U64(0xFFFFFFFF)).astype(np.int64)


def pairs_from_postings(parts: list[tuple], limits: Limits) -> tuple[np.ndarray, np.ndarray, dict]:
    """(pair codes, generator of each) from one key bucket, and counts of what was kept."""
    keys, docs, kinds = concat_rows(parts)
    stats = {"keys": 0, "singletons": 0, "paired": 0, "hubs": 0, "boilerplate": 0}
    if len(keys) == 0:
        return np.empty(0, dtype=U64), np.empty(0, dtype=np.int8), stats
    order = np.lexsort((docs, keys))
    keys, docs, kinds = keys[order], docs[order], kinds[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    lengths = np.diff(np.r_[starts, len(keys)])
    stats.update(keys=len(starts), singletons=int((lengths == 1).sum()),
                 paired=int(((lengths >= 2) & (lengths <= limits.max_df)).sum()),
                 hubs=int(((lengths > limits.max_df) & (lengths <= limits.boilerplate_df)).sum()),
                 boilerplate=int((lengths > limits.boilerplate_df).sum()))
    codes, owners = [], []
    for length in np.unique(lengths[(lengths >= 2) & (lengths <= limits.max_df)]):
        first = starts[lengths == length]
        i, j = np.triu_indices(int(length), k=1)
        codes.append(pair_code(docs[first[:, None] + i].ravel(), docs[first[:, None] + j].ravel()))
        owners.append(np.repeat(kinds[first], len(i)))
    hub = (lengths > limits.max_df) & (lengths <= limits.boilerplate_df)
    for start, length in zip(starts[hub], lengths[hub]):
        members = docs[start + 1:start + length]
        codes.append(pair_code(np.full(len(members), docs[start]), members))
        owners.append(np.full(len(members), kinds[start], dtype=np.int8))
    if not codes:
        return np.empty(0, dtype=U64), np.empty(0, dtype=np.int8), stats
    return np.concatenate(codes), np.concatenate(owners), stats


def bucket_pairs(codes: np.ndarray, owners: np.ndarray, buckets: int) -> list[tuple]:
    which = ((codes * U64(0x9E3779B97F4A7C15)) >> U64(40)).astype(np.int64) % buckets
    order = np.argsort(which, kind="stable")
    bounds = np.searchsorted(which[order], np.arange(buckets + 1))
    return [(codes[order[lo:hi]], owners[order[lo:hi]]) for lo, hi in zip(bounds[:-1], bounds[1:])]


def count_pairs(parts: list[tuple], min_shared: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray]:
    """(pair codes, shared keys per generator [n, generators]) of the pairs that qualify."""
    codes = np.concatenate([p[0] for p in parts]) if parts else np.empty(0, dtype=U64)
    owners = np.concatenate([p[1] for p in parts]) if parts else np.empty(0, dtype=np.int8)
    generators = len(min_shared)
    if len(codes) == 0:
        return codes, np.empty((0, generators), dtype=np.int32)
    unique, inverse = np.unique(codes, return_inverse=True)
    shared = np.zeros((len(unique), generators), dtype=np.int32)
    np.add.at(shared, (inverse, owners.astype(np.int64)), 1)
    keep = (shared >= np.asarray(min_shared, dtype=np.int32)[None, :]).any(axis=1)
    return unique[keep], shared[keep]
