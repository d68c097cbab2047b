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


def _bucket_numbers(values: np.ndarray, buckets: int) -> np.ndarray:
    """Bucket numbers in the narrowest integer type: a stable sort of 16-bit integers is a
    radix sort (linear), of 64-bit ones a merge sort."""
    return values.astype(np.uint16 if buckets <= 1 << 16 else np.int64)


def bucket_rows(rows: tuple[np.ndarray, ...], buckets: int) -> list[tuple]:
    """Split (key, doc, kind, outlet, place) rows by ``key mod buckets``."""
    which = _bucket_numbers(rows[0] % U64(buckets), buckets)
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
    which = _bucket_numbers(((codes * U64(0x9E3779B97F4A7C15)) >> U64(40)) % U64(buckets), buckets)
    order = np.argsort(which, kind="stable")
    bounds = np.searchsorted(which[order], np.arange(buckets + 1))
    return [tuple(column[order[lo:hi]] for column in pairs) for lo, hi in zip(bounds[:-1], bounds[1:])]


def count_pairs(parts: list[tuple], min_shared: tuple[int, ...],
                min_places: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray]:
    """(pair codes, shared keys per generator [n, generators]) of the pairs that share at least
    ``min_shared`` keys of a generator from at least ``min_places`` places of the first article.

    Each generator's pair codes are sorted once and counted by runs; only the few pairs that
    share enough keys have their places looked at, so the cost is one sort of the rows, not
    a sort of (pair, generator, place) triples."""
    codes, owners, places = (np.concatenate([p[i] for p in parts]) if parts else t
                             for i, t in enumerate(_no_pairs()))
    generators = len(min_shared)
    sorted_codes, passing = [], []
    for g in range(generators):
        mine = owners == g
        ordered = np.sort(codes[mine])
        sorted_codes.append(ordered)
        enough = _codes_with_runs(ordered, min_shared[g])
        if min_places[g] > 1 and len(enough):
            enough = _spread_enough(codes[mine], places[mine], enough, min_places[g])
        passing.append(enough)
    kept = np.unique(np.concatenate(passing)) if passing else np.empty(0, dtype=U64)
    shared = np.zeros((len(kept), generators), dtype=np.int32)
    for g, ordered in enumerate(sorted_codes):
        shared[:, g] = np.searchsorted(ordered, kept, side="right") - np.searchsorted(ordered, kept, side="left")
    return kept, shared


def _codes_with_runs(ordered: np.ndarray, least: int) -> np.ndarray:
    """The values of a sorted array that occur at least ``least`` times."""
    if len(ordered) == 0:
        return ordered
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    lengths = np.diff(np.r_[starts, len(ordered)])
    return ordered[starts[lengths >= max(least, 1)]]


def _spread_enough(codes: np.ndarray, places: np.ndarray, enough: np.ndarray, least: int) -> np.ndarray:
    """Those of the sorted codes ``enough`` whose rows come from at least ``least`` places."""
    at = np.minimum(np.searchsorted(enough, codes), len(enough) - 1)
    hit = enough[at] == codes
    which, where = at[hit], places[hit].astype(np.int64)
    order = np.lexsort((where, which))
    which, where = which[order], where[order]
    new = np.r_[True, (which[1:] != which[:-1]) | (where[1:] != where[:-1])]
    spread = np.bincount(which[new], minlength=len(enough))
    return enough[spread >= least]
