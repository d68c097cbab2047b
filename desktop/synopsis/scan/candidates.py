"""From shared keys to candidate pairs: the two shuffles of the scan, as numpy functions.

Keys are split into buckets by value (:func:`bucket_rows`); each bucket's posting lists
become article pairs (:func:`pairs_from_postings`) under passim's document-frequency limits
(D. A. Smith et al., "Infectious texts", 2013): a key seen in one article says nothing; a key
in 2 … ``max_df`` articles pairs them all; a key in more is a *hub* (a wire story reprinted
widely, a stock phrase) and pairs each article only with the hub's first article, so it costs
``df`` pairs instead of ``df²/2``; a key in more than ``boilerplate_df`` articles (footers,
"all rights reserved") is dropped, and so is a key that more than ``house_df`` articles of one
outlet share with no other outlet (its footer or template). Pairs are then bucketed again and counted per generator
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
    house_df: int = 5       # more articles than this, all of one outlet: that outlet's template


def house_runs(outlets: np.ndarray, starts: np.ndarray, lengths: np.ndarray, limit: int) -> np.ndarray:
    """Runs of more than ``limit`` rows whose articles all come from one known outlet."""
    if len(starts) == 0:
        return np.zeros(0, dtype=bool)
    low = np.minimum.reduceat(outlets, starts)
    high = np.maximum.reduceat(outlets, starts)
    return (lengths > limit) & (low == high) & (low != 0)


def bucket_rows(rows: tuple[np.ndarray, ...], buckets: int) -> list[tuple]:
    """Split (key, doc, kind, outlet, place) rows by ``key mod buckets``."""
    which = (rows[0] % U64(buckets)).astype(np.int64)
    order = np.argsort(which, kind="stable")
    bounds = np.searchsorted(which[order], np.arange(buckets + 1))
    return [tuple(column[order[lo:hi]] for column in rows) for lo, hi in zip(bounds[:-1], bounds[1:])]


def concat_rows(parts: list[tuple]) -> tuple[np.ndarray, ...]:
    """(keys, docs, kinds, outlets, places) of several row sets as one."""
    types = (U64, np.int64, np.int8, U64, np.int16)
    return tuple(np.concatenate([p[i] for p in parts]) if parts else np.empty(0, dtype=t)
                 for i, t in enumerate(types))


def pair_code(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """One uint64 per pair of article numbers (a < b)."""
    return (a.astype(U64) << U64(32)) | b.astype(U64)


def split_code(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return (codes >> U64(32)).astype(np.int64), (codes & U64(0xFFFFFFFF)).astype(np.int64)


def _no_pairs() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return np.empty(0, dtype=U64), np.empty(0, dtype=np.int8), np.empty(0, dtype=np.int16)


def sorted_rows(parts: list[tuple]) -> tuple[np.ndarray, ...]:
    """One key bucket's rows, sorted by key and then by article (each key's posting list)."""
    rows = concat_rows(parts)
    order = np.lexsort((rows[1], rows[0]))
    return tuple(column[order] for column in rows)


def pairs_from_postings(parts: list[tuple], limits: Limits) -> tuple[tuple, dict]:
    """((pair codes, generator, place in the first article) from one key bucket, counts)."""
    return pairs_from_sorted(sorted_rows(parts), limits)


def pairs_from_sorted(rows: tuple[np.ndarray, ...], limits: Limits) -> tuple[tuple, dict]:
    """:func:`pairs_from_postings` of rows already sorted (:func:`sorted_rows`)."""
    keys, docs, kinds, outlets, places = rows
    stats = {"keys": 0, "singletons": 0, "paired": 0, "hubs": 0, "boilerplate": 0, "house": 0}
    if len(keys) == 0:
        return _no_pairs(), stats
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    lengths = np.diff(np.r_[starts, len(keys)])
    house = house_runs(outlets, starts, lengths, limits.house_df)
    lengths = np.where(house, 0, lengths)           # an outlet's template pairs nothing
    stats.update(keys=len(starts), singletons=int((lengths == 1).sum()), house=int(house.sum()),
                 paired=int(((lengths >= 2) & (lengths <= limits.max_df)).sum()),
                 hubs=int(((lengths > limits.max_df) & (lengths <= limits.boilerplate_df)).sum()),
                 boilerplate=int((lengths > limits.boilerplate_df).sum()))
    codes, owners, where = [], [], []
    for length in np.unique(lengths[(lengths >= 2) & (lengths <= limits.max_df)]):
        first = starts[lengths == length]
        i, j = np.triu_indices(int(length), k=1)
        codes.append(pair_code(docs[first[:, None] + i].ravel(), docs[first[:, None] + j].ravel()))
        owners.append(np.repeat(kinds[first], len(i)))
        where.append(places[first[:, None] + i].ravel())
    hub = (lengths > limits.max_df) & (lengths <= limits.boilerplate_df)
    for start, length in zip(starts[hub], lengths[hub]):
        members = docs[start + 1:start + length]
        codes.append(pair_code(np.full(len(members), docs[start]), members))
        owners.append(np.full(len(members), kinds[start], dtype=np.int8))
        where.append(np.full(len(members), places[start], dtype=np.int16))
    if not codes:
        return _no_pairs(), stats
    return (np.concatenate(codes), np.concatenate(owners), np.concatenate(where)), stats


def bucket_pairs(pairs: tuple[np.ndarray, np.ndarray, np.ndarray], buckets: int) -> list[tuple]:
    codes = pairs[0]
    which = ((codes * U64(0x9E3779B97F4A7C15)) >> U64(40)).astype(np.int64) % buckets
    order = np.argsort(which, kind="stable")
    bounds = np.searchsorted(which[order], np.arange(buckets + 1))
    return [tuple(column[order[lo:hi]] for column in pairs) for lo, hi in zip(bounds[:-1], bounds[1:])]


def count_pairs(parts: list[tuple], min_shared: tuple[int, ...],
                min_places: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray]:
    """(pair codes, shared keys per generator [n, generators]) of the pairs that share at least
    ``min_shared`` keys of a generator from at least ``min_places`` places of the first article."""
    codes, owners, places = (np.concatenate([p[i] for p in parts]) if parts else t
                             for i, t in enumerate(_no_pairs()))
    generators = len(min_shared)
    if len(codes) == 0:
        return codes, np.empty((0, generators), dtype=np.int32)
    unique, inverse = np.unique(codes, return_inverse=True)
    shared = np.zeros((len(unique), generators), dtype=np.int32)
    np.add.at(shared, (inverse, owners.astype(np.int64)), 1)
    spots = np.unique(np.stack([inverse, owners.astype(np.int64), places.astype(np.int64)]), axis=1)
    spread = np.zeros((len(unique), generators), dtype=np.int32)
    np.add.at(spread, (spots[0], spots[1]), 1)
    keep = ((shared >= np.asarray(min_shared)[None, :]) & (spread >= np.asarray(min_places)[None, :])).any(axis=1)
    return unique[keep], shared[keep]
