"""What two passages have in common, for many pairs at once, in numpy.

A :class:`ItemTable` holds the items (stems with their counts, numbers, names, bigrams) of a
list of passages as flat arrays sorted by (passage, item). ``common(a, b)`` then expands every
pair's first passage's items and finds each in the second passage by a binary search over
``passage × vocabulary + item`` keys: one pass over all pairs, no Python loop per pair.
``features.pair_views`` builds its word, rare-word, number, name and bigram views from it;
``features.reference_overlap`` is the readable one-pair version the tests compare it with.
"""
from __future__ import annotations

from typing import Hashable, Iterable, Sequence

import numpy as np


class ItemTable:
    """Items of ``owners`` passages: ``items[k]`` maps each item of passage k to a value (a count)."""

    def __init__(self, items: Sequence[Iterable[tuple[Hashable, float]]], ids: dict[Hashable, int]) -> None:
        owners: list[int] = []
        item_ids: list[int] = []
        values: list[float] = []
        for k, pairs in enumerate(items):
            for item, value in pairs:
                owners.append(k)
                item_ids.append(ids.setdefault(item, len(ids)))
                values.append(value)
        self.ids = ids
        owner = np.array(owners, dtype=np.int64)
        item = np.array(item_ids, dtype=np.int64)
        order = np.lexsort((item, owner))
        self.owner, self.item = owner[order], item[order]
        self.value = np.array(values, dtype=np.float64)[order]
        self.count = len(items)
        self.starts = np.searchsorted(self.owner, np.arange(self.count + 1))
        self.stride = max(len(ids), 1)
        self.keys = self.owner * self.stride + self.item

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
