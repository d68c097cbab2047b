"""The documents' shared running order, and the links that break it (``moved``).

Kept apart from the aligner so that deciding again (other thresholds, a manual link) marks
moved passages for the links that exist then.
"""
from __future__ import annotations

import bisect
import dataclasses
from typing import Sequence

from .model import Link

MOVED_MIN = 0.5          # only links at least this strong can be called moved


def in_order(links: Sequence[Link]) -> list[Link]:
    """``links`` sorted by position, ``moved`` marked for this set of links (new links where
    the mark changes; the given ones are never changed).

    The longest increasing chain (in b-order) of strong links is the shared running order;
    a strong link off it is moved, and so is a weaker link that cannot sit in that order
    (its b position is not between those of the chain links around it in a). Weak links do
    not shape the chain, so one doubtful pair cannot make the true order look moved; but
    every link of a block moved as a whole is marked, not only its strongest ones."""
    ordered = sorted(links, key=lambda link: (min(link.a), min(link.b), link.a, link.b))
    strong = [k for k, link in enumerate(ordered) if link.score >= MOVED_MIN]
    on_chain = {strong[i] for i in longest_increasing([min(ordered[k].b) for k in strong])}
    chain_a = [min(ordered[k].a) for k in sorted(on_chain)]
    chain_b = [min(ordered[k].b) for k in sorted(on_chain)]
    out = []
    for k, link in enumerate(ordered):
        if link.score >= MOVED_MIN:
            moved = k not in on_chain
        else:
            moved = not _fits(min(link.a), min(link.b), chain_a, chain_b)
        out.append(link if link.moved == moved else dataclasses.replace(link, moved=moved))
    return out


def _fits(p: int, q: int, chain_a: list[int], chain_b: list[int]) -> bool:
    """Whether b position ``q`` lies between the chain links before and after a position ``p``."""
    k = bisect.bisect_left(chain_a, p)
    low = chain_b[k - 1] if k > 0 else -1
    high = chain_b[k] if k < len(chain_b) else float("inf")
    return low < q < high


def longest_increasing(values: Sequence[float]) -> list[int]:
    """Indices, ascending, of one longest strictly increasing subsequence of ``values``
    (patience sorting; of the longest ones, the one that ends on the earliest possible values)."""
    tails: list[float] = []
    tail_idx: list[int] = []
    prev = [-1] * len(values)
    for i, v in enumerate(values):
        pos = bisect.bisect_left(tails, v)
        if pos == len(tails):
            tails.append(v)
            tail_idx.append(i)
        else:
            tails[pos] = v
            tail_idx[pos] = i
        prev[i] = tail_idx[pos - 1] if pos > 0 else -1
    out: list[int] = []
    i = tail_idx[-1] if tail_idx else -1
    while i >= 0:
        out.append(i)
        i = prev[i]
    return out[::-1]
