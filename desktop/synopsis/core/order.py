"""The documents' shared running order, and the links that break it (``moved``).

Kept apart from the aligner so that re-labelling under new thresholds, or after a manual
link, re-marks moved passages for the links that exist then.
"""
from __future__ import annotations

import bisect
import copy

from .model import Link

MOVED_MIN = 0.5          # only links at least this strong can be called moved


def in_order(links: list[Link]) -> list[Link]:
    """Copies of ``links`` sorted by position, ``moved`` marked for this set of links.

    The originals are left as they were, so an undo that restores an older list of links
    restores its moved marks too.
    """
    out = sorted((copy.copy(link) for link in links), key=lambda link: (min(link.a), min(link.b)))
    mark_moved(out)
    return out


def mark_moved(chosen: list[Link]) -> None:
    """Set ``moved`` on the ``chosen`` links (the links of a comparison) that break the
    documents' order.

    The longest increasing chain (in b-order) of strong links is the shared running order;
    a strong link off it is moved, and so is a weaker link that cannot sit in that order
    (its b position is not between those of the chain links around it in a). Weak links do
    not shape the chain, so one doubtful pair cannot make the true order look moved; but
    every link of a block moved as a whole is marked, not only its strongest ones."""
    for c in chosen:
        c.moved = False
    chosen = sorted(chosen, key=lambda c: (min(c.a), min(c.b)))
    strong = [c for c in chosen if c.score >= MOVED_MIN]
    on_chain = _longest_increasing([min(c.b) for c in strong])
    chain = [c for k, c in enumerate(strong) if k in on_chain]
    for k, c in enumerate(strong):
        c.moved = k not in on_chain
    chain_a = [min(c.a) for c in chain]
    chain_b = [min(c.b) for c in chain]
    weak = [c for c in chosen if c.score < MOVED_MIN]
    out_of_order = [c for c in weak if not _fits(min(c.a), min(c.b), chain_a, chain_b)]
    for c in out_of_order:
        c.moved = True


def _fits(p: int, q: int, chain_a: list[int], chain_b: list[int]) -> bool:
    """Whether b position ``q`` lies between the chain links before and after a position ``p``."""
    k = bisect.bisect_left(chain_a, p)
    low = chain_b[k - 1] if k > 0 else -1
    high = chain_b[k] if k < len(chain_b) else float("inf")
    return low < q < high


def _longest_increasing(values: list[int]) -> set[int]:
    """Indices of one longest strictly increasing subsequence (patience sorting)."""
    tails: list[int] = []
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
    out: set[int] = set()
    i = tail_idx[-1] if tail_idx else -1
    while i >= 0:
        out.add(i)
        i = prev[i]
    return out
