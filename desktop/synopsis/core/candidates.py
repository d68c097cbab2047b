"""Which pairs of passages are worth scoring: a bounded number per passage.

Every passage asks an inverted index of the other document for partners, with its
``QUERY_TERMS`` rarest content stems. A stem's postings are read whole when they are few; a
commoner stem's are read only near the passage's place in the document (the ``NEAR``
passages around the same relative position), so no stem costs more than ``POSTINGS_CAP`` per
query. The partners are ranked by the rarity weight they share with the passage and the best
``PER_SEGMENT`` kept, for each passage of either side. The work is therefore bounded by
(passages × ``QUERY_TERMS`` × ``POSTINGS_CAP``) and done in numpy: cost grows with the length of
the documents, not with the product of their lengths.

Passages with the same text on both sides are always proposed (the nearest few copies).
Other proposers (nearest neighbours in an embedding space, say) plug in through ``proposers``:
each is a function of the two passage lists that returns more (p, q) positions to score.
"""
from __future__ import annotations

import bisect
from typing import Callable, Iterable, Sequence

import numpy as np

from .features import SegmentFeatures, Weights

PER_SEGMENT = 8          # partners kept per passage, on each side
QUERY_TERMS = 16         # rarest content stems a passage queries the index with
POSTINGS_CAP = 32        # most postings read whole for one stem of one passage
NEAR = 8                 # postings read for a commoner stem: those nearest the passage's place
INDEX_SHARE = 0.2        # stems in more than this share of passages are too common to query

Pairs = set[tuple[int, int]]
Proposer = Callable[[Sequence[SegmentFeatures], Sequence[SegmentFeatures]], Iterable[tuple[int, int]]]
Step = Callable[[float], None]      # called with the share of the work a part just did
# The share of the work in numbering the stems and in each side's queries (for progress).
WORK_SHARES = (0.3, 0.4, 0.3)


def candidate_pairs(live_a: Sequence[SegmentFeatures], live_b: Sequence[SegmentFeatures],
                    weights: Weights, proposers: Sequence[Proposer] = (),
                    step: Step = lambda share: None) -> Pairs:
    """Positions (p, q) in ``live_a`` × ``live_b`` worth scoring. ``step`` is called after
    each part of the work with its share of it (the caller may stop the work there)."""
    if not live_a or not live_b:
        return set()
    vocab = _Vocabulary(live_a, live_b, weights)
    step(WORK_SHARES[0])
    out = _best(vocab, 0, live_a, live_b)
    step(WORK_SHARES[1])
    out |= {(p, q) for q, p in _best(vocab, 1, live_b, live_a)}
    step(WORK_SHARES[2])
    out |= same_text(live_a, live_b)
    for propose in proposers:
        out.update((int(p), int(q)) for p, q in propose(live_a, live_b))
    return out


def same_text(live_a: Sequence[SegmentFeatures], live_b: Sequence[SegmentFeatures]) -> Pairs:
    """Passages whose normalised text is the same on both sides, whatever their words: a
    document made of one sentence said many times has no stem rare enough to query with. Each
    passage gets the ``NEAR`` copies nearest its relative place."""
    where: dict[str, list[int]] = {}
    for q, f in enumerate(live_b):
        where.setdefault(f.text, []).append(q)
    out = set()
    for p, f in enumerate(live_a):
        copies = where.get(f.text)
        if copies:
            at = bisect.bisect_left(copies, p * len(live_b) // len(live_a))
            out.update((p, q) for q in copies[max(0, at - NEAR // 2):at + NEAR // 2])
    return out


class _Vocabulary:
    """Content stems numbered in sorted order, each with its weight and document frequency."""

    def __init__(self, live_a: Sequence[SegmentFeatures], live_b: Sequence[SegmentFeatures],
                 weights: Weights) -> None:
        stems = sorted({t for f in (*live_a, *live_b) for t in f.content})
        self.ids = {t: k for k, t in enumerate(stems)}
        limit = max(3, INDEX_SHARE * (len(live_a) + len(live_b)))
        self.usable = np.array([weights.df.get(t, 0) <= limit for t in stems], dtype=bool)
        self.idf = np.array([weights.idf_of(t) for t in stems], dtype=np.float64)
        self.df = np.array([weights.df.get(t, 0) for t in stems], dtype=np.int64)
        self.sides = [_occurrences(live_a, self.ids), _occurrences(live_b, self.ids)]


def _occurrences(feats: Sequence[SegmentFeatures], ids: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """(passage, stem id) of every distinct content stem of every passage, sorted by stem then passage."""
    passages, stems = [], []
    for p, f in enumerate(feats):
        for t in f.content:
            passages.append(p)
            stems.append(ids[t])
    passage = np.array(passages, dtype=np.int64)
    stem = np.array(stems, dtype=np.int64)
    order = np.lexsort((passage, stem))
    return passage[order], stem[order]


def _best(vocab: _Vocabulary, side: int, own: Sequence[SegmentFeatures],
          other: Sequence[SegmentFeatures]) -> Pairs:
    """For every passage of ``side``, its ``PER_SEGMENT`` best partners on the other side."""
    q_passage, q_stem = _queries(vocab, side)
    o_passage, o_stem = vocab.sides[1 - side]
    starts = np.searchsorted(o_stem, np.arange(len(vocab.idf) + 1))
    first, count = starts[q_stem], starts[q_stem + 1] - starts[q_stem]
    # a common stem: only the postings around the passage's relative place in the other document
    wide = count > POSTINGS_CAP
    if wide.any():
        place = (q_passage[wide] * len(other)) // max(len(own), 1)
        lo, hi = first[wide], first[wide] + count[wide]
        stride = len(other) + 1
        centre = np.searchsorted(o_stem * stride + o_passage, q_stem[wide] * stride + place)
        start = np.clip(centre - NEAR // 2, lo, hi - NEAR)
        first[wide], count[wide] = start, NEAR
    if count.sum() == 0:
        return set()
    rows = np.repeat(np.arange(len(q_stem)), count)
    offset = np.arange(len(rows)) - np.repeat(np.cumsum(count) - count, count)
    key = q_passage[rows] * len(other) + o_passage[first[rows] + offset]
    weight = vocab.idf[q_stem[rows]]
    order = np.argsort(key, kind="stable")
    key, weight = key[order], weight[order]
    starts = np.flatnonzero(np.concatenate([[True], key[1:] != key[:-1]]))
    key = key[starts]
    total = np.add.reduceat(weight, starts)
    # one sort by (passage, shared weight descending, partner), the weight in 2**20 steps
    p, q = key // len(other), key % len(other)
    steps = np.floor(total / total.max() * ((1 << 20) - 1)).astype(np.int64)
    rank = (p << 42) + (((1 << 20) - 1 - steps) << 21) + q      # positions stay below 2**21
    order = np.argsort(rank)
    p, q = p[order], q[order]
    group_start = np.searchsorted(p, p, side="left")
    keep = (np.arange(len(p)) - group_start) < PER_SEGMENT
    return set(zip(p[keep].tolist(), q[keep].tolist()))


def _queries(vocab: _Vocabulary, side: int) -> tuple[np.ndarray, np.ndarray]:
    """(passage, stem) of every query: each passage's ``QUERY_TERMS`` rarest usable stems."""
    passage, stem = vocab.sides[side]
    usable = vocab.usable[stem]
    passage, stem = passage[usable], stem[usable]
    order = np.lexsort((stem, vocab.df[stem], passage))   # by passage, rarest first, ties by stem
    passage, stem = passage[order], stem[order]
    group_start = np.searchsorted(passage, passage, side="left")
    keep = (np.arange(len(passage)) - group_start) < QUERY_TERMS
    return passage[keep], stem[keep]
