"""Passages one document says more than once, and the union-find that groups them.

A scraper may keep a paragraph twice, an article may repeat its lead at the end. Such repeats
are reported (``Report.repeats``) rather than linked twice, and a collection treats each group
as one statement of its source (:mod:`collection_group`). The one rule: two passages of 30 or
more characters whose normalised statement texts are at least 90 % alike (character ratio).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Sequence

import numpy as np
from rapidfuzz import fuzz, process

from .features import SegmentFeatures
from .model import Repeat

REPEAT_CHARS = 0.9       # character similarity of two passages of one document that repeat
MIN_CHARS = 30           # shorter passages ("Photo.", a dateline) are no statement to repeat
_OPENING = 24            # passages are compared only with those that open the same way
WINDOW = 16              # distinct texts of one opening block each is compared with (sorted order)


class UnionFind:
    """Disjoint sets over 0..n-1; the root of a set is its smallest member."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, x: int, y: int) -> None:
        rx, ry = self.find(x), self.find(y)
        if rx != ry:
            self.parent[max(rx, ry)] = min(rx, ry)

    def groups(self) -> list[list[int]]:
        """Every set of two or more members, each sorted, in order of their smallest member."""
        members: dict[int, list[int]] = defaultdict(list)
        for x in range(len(self.parent)):
            members[self.find(x)].append(x)
        return [m for m in members.values() if len(m) > 1]


def find_repeats(feats: Sequence[SegmentFeatures | None], doc: int) -> list[Repeat]:
    """Groups of segments of one document with (nearly) the same words (see the module docstring).

    Passages with the same text are grouped at once; distinct texts are compared only with
    those that open alike (exact and near repeats share their opening) and, in a large block
    of such texts, only with the ``WINDOW`` that follow them in sorted order, so no document
    costs more than (passages × ``WINDOW``) comparisons."""
    live = [f for f in feats if f is not None and len(f.text) >= MIN_CHARS]
    if len(live) < 2:
        return []
    sets = UnionFind(len(live))
    first_of: dict[str, int] = {}
    for k, f in enumerate(live):
        sets.union(first_of.setdefault(f.text, k), k)
    by_opening: dict[str, list[int]] = defaultdict(list)
    for text, k in sorted(first_of.items()):
        by_opening[text[:_OPENING]].append(k)
    pairs = [(x, y) for group in by_opening.values() for i, x in enumerate(group)
             for y in group[i + 1:i + 1 + WINDOW]]
    if pairs:
        sims = process.cpdist([live[x].text for x, _ in pairs], [live[y].text for _, y in pairs],
                              scorer=fuzz.ratio, workers=1) / 100.0
        for (x, y), sim in zip(pairs, np.asarray(sims)):
            if sim >= REPEAT_CHARS:
                sets.union(x, y)
    return [Repeat(doc=doc, segments=sorted(live[k].ids[0] for k in group)) for group in sets.groups()]
