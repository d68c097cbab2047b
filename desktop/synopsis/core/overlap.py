"""What two passages have in common, for many pairs at once, in numpy.

A :class:`ItemTable` holds the items (stems with their counts, numbers, names, bigrams) of a
list of passages as flat arrays sorted by (passage, item). ``common(a, b)`` then expands every
pair's first passage's items and finds each in the second passage by a binary search over
``passage × vocabulary + item`` keys: one pass over all pairs, no Python loop per pair.
``features.pair_views`` builds its word, rare-word, number, name and bigram views from it;
``features.reference_overlap`` is the readable one-pair version the tests compare it with.
"""
from __future__ import annotations

from itertools import chain
from typing import Hashable, Iterable, Sequence

import numpy as np


class ItemTable:
    """Items of ``len(items)`` passages: ``items[k]`` is (sorted item numbers, their values) of
    passage k, as made by :func:`numbered`."""

    def __init__(self, items: Sequence[tuple[list[int], list[float]]], vocabulary: int) -> None:
        sizes = np.fromiter((len(ids) for ids, _ in items), dtype=np.int64, count=len(items))
        self.count = len(items)
        self.owner = np.repeat(np.arange(self.count, dtype=np.int64), sizes)
        self.item = np.fromiter(chain.from_iterable(ids for ids, _ in items), dtype=np.int64,
                                count=int(sizes.sum()))
        self.value = np.fromiter(chain.from_iterable(v for _, v in items), dtype=np.float64,
                                 count=int(sizes.sum()))
        self.starts = np.concatenate([[0], np.cumsum(sizes)])
        self.stride = max(vocabulary, 1)
        self.keys = self.owner * self.stride + self.item
        order = np.argsort(self.keys, kind="stable")      # by passage, then item
        self.keys, self.item, self.value = self.keys[order], self.item[order], self.value[order]

    def sizes(self) -> np.ndarray:
        """How many items each passage has."""
        return np.diff(self.starts)

    def totals(self, item_weight: np.ndarray | None = None) -> np.ndarray:
        """Per passage: the sum of value × weight of its items (weight 1 when not given)."""
        w = self.value if item_weight is None else self.value * item_weight[self.item]
        return np.bincount(self.owner, weights=w, minlength=self.count)

    def common(self, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """For pairs (a[k], b[k]) of passages: (pair k, item, value in a, value in b) of every
        item the two share."""
        first, count = self.starts[a], self.starts[a + 1] - self.starts[a]
        pair = np.repeat(np.arange(len(a)), count)
        offset = np.arange(len(pair)) - np.repeat(np.cumsum(count) - count, count)
        rows = first[pair] + offset
        item = self.item[rows]
        at = np.searchsorted(self.keys, b[pair] * self.stride + item)
        at = np.minimum(at, len(self.keys) - 1)
        hit = self.keys[at] == b[pair] * self.stride + item
        return pair[hit], item[hit], self.value[rows[hit]], self.value[at[hit]]


def numbered(pairs: Iterable[tuple[Hashable, float]], ids: dict[Hashable, int]) -> tuple[list[int], list[float]]:
    """(item numbers, values) of one passage's items; new items get the next free number in
    ``ids``. (:class:`ItemTable` sorts them.)"""
    pairs = list(pairs)
    number = ids.setdefault
    return [number(item, len(ids)) for item, _ in pairs], [value for _, value in pairs]


def shared_sum(n: int, pair: np.ndarray, amount: np.ndarray) -> np.ndarray:
    """Per pair, the sum of ``amount`` over its shared items."""
    return np.bincount(pair, weights=amount, minlength=n)


def jaccard(table: ItemTable, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """|A ∩ B| / |A ∪ B| of the item sets of every pair (0 when both are empty)."""
    pair, _, _, _ = table.common(a, b)
    inter = np.bincount(pair, minlength=len(a)).astype(np.float64)
    sizes = table.sizes()
    union = sizes[a] + sizes[b] - inter
    return np.divide(inter, union, out=np.zeros(len(a)), where=union > 0)
