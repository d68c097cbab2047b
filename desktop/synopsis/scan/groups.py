"""Near-duplicate collapse and connected components.

Exact copies (the same words, whatever the spacing, case or punctuation) and near copies
(MinHash estimate of word-shingle Jaccard at or above ``near_jaccard``, found by banding:
Broder 1997; Leskovec, Rajaraman & Ullman, *Mining of Massive Datasets*, ch. 3) form groups;
each group is represented by its earliest article, and only representatives are paired with
the rest of the corpus. A wire story reprinted 1,000 times thus costs 999 comparisons
(each copy against the first), not half a million.
"""
from __future__ import annotations

import numpy as np

from .candidates import concat_rows, pair_code
from .hashing import U64, band_keys

MISSING_DATE = "\uffff"      # sorts after every real date: an undated article is never "first"


def band_rows(signatures: np.ndarray, offset: int, bands: int, empty: np.ndarray) -> tuple:
    """(band key, article number, 0, 0) rows for every article of a partition with words."""
    keys, docs = [], []
    for local in np.flatnonzero(~empty):
        keys.append(band_keys(signatures[local], bands))
        docs.append(np.full(bands, offset + local, dtype=np.int64))
    if not keys:
        return concat_rows([])
    k = np.concatenate(keys)
    return (k, np.concatenate(docs), np.zeros(len(k), dtype=np.int8), np.zeros(len(k), dtype=U64),
            np.zeros(len(k), dtype=np.int16))


def star_pairs(parts: list[tuple]) -> np.ndarray:
    """Pair codes (first article of each shared key, every other one)."""
    keys, docs = concat_rows(parts)[:2]
    if len(keys) == 0:
        return np.empty(0, dtype=U64)
    order = np.lexsort((docs, keys))
    keys, docs = keys[order], docs[order]
    new = np.r_[True, keys[1:] != keys[:-1]]
    first = docs[np.maximum.accumulate(np.where(new, np.arange(len(keys)), 0))]
    later = ~new
    return np.unique(pair_code(first[later], docs[later]))


def agreement(sig_a: np.ndarray, sig_b: np.ndarray) -> np.ndarray:
    """The MinHash estimate of Jaccard similarity, row by row."""
    return (sig_a == sig_b).mean(axis=1)


class UnionFind:
    """Disjoint sets over article numbers 0 … n−1 (path halving, union by smaller root)."""

    def __init__(self, n: int) -> None:
        self.parent = np.arange(n, dtype=np.int64)

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return int(x)

    def union_all(self, a: np.ndarray, b: np.ndarray) -> None:
        for x, y in zip(a.tolist(), b.tolist()):
            rx, ry = self.find(x), self.find(y)
            if rx != ry:
                self.parent[max(rx, ry)] = min(rx, ry)

    def labels(self) -> np.ndarray:
        parent = self.parent
        while True:
            grand = parent[parent]
            if np.array_equal(grand, parent):
                return parent.copy()
            parent = grand


def exact_pairs(exact: np.ndarray, empty: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(first article, later article) of every article whose words another one repeats."""
    docs = np.flatnonzero(~empty)
    order = docs[np.lexsort((docs, exact[docs]))]
    values = exact[order]
    new = np.r_[True, values[1:] != values[:-1]] if len(order) else np.empty(0, dtype=bool)
    first = order[np.maximum.accumulate(np.where(new, np.arange(len(order)), 0))] if len(order) else order
    return first[~new], order[~new]


def earliest_of_groups(labels: np.ndarray, dates: np.ndarray) -> np.ndarray:
    """For every article, the group member published first (undated last, then lowest number)."""
    n = len(labels)
    order = np.lexsort((np.arange(n), dates, labels))
    sorted_labels = labels[order]
    new = np.r_[True, sorted_labels[1:] != sorted_labels[:-1]]
    first_of_run = order[np.maximum.accumulate(np.where(new, np.arange(n), 0))]
    out = np.empty(n, dtype=np.int64)
    out[order] = first_of_run
    return out
