"""Which pairs of passages are worth scoring: a bounded number per passage.

Every passage asks an inverted index of the other document for partners, with its
``QUERY_TERMS`` rarest content stems. A stem's postings are read whole when they are few; a
commoner stem's are read only near the passage's place in the document (the ``NEAR``
passages around the same relative position), so no stem costs more than ``POSTINGS_CAP`` per
query. The partners are ranked by the rarity weight they share with the passage (ties: the
partner nearest the passage's relative place first) and the best ``PER_SEGMENT`` kept, for
each passage of either side; of partners with the same text (a document that says a sentence
several times) only the ``COPIES`` nearest that place count, so repeats neither crowd out a
passage's other partners nor multiply its pairs as a long document repeats itself more. The work is therefore bounded by
(passages × ``QUERY_TERMS`` × ``POSTINGS_CAP``) and done in numpy: cost grows with the length of
the documents, not with the product of their lengths.

Passages with the same text on both sides are always proposed (the ``COPIES`` nearest copies).
Other proposers (nearest neighbours in an embedding space, say) plug in through ``proposers``:
each is a function of the two passage lists that returns more (p, q) positions to score.
"""
from __future__ import annotations

import bisect
from typing import Callable, Iterable, Sequence, Sized

import numpy as np

from .features import SegmentFeatures, Weights

PER_SEGMENT = 8          # partners kept per passage, on each side
QUERY_TERMS = 16         # rarest content stems a passage queries the index with
POSTINGS_CAP = 32        # most postings read whole for one stem of one passage
NEAR = 8                 # postings read for a commoner stem: those nearest the passage's place
INDEX_SHARE = 0.2        # stems in more than this share of passages are too common to query
COPIES = 1               # partners with one same text kept per passage: the one nearest its place
_LIST_CHUNK = 16_384     # pairs made into Python tuples per call (see ``pair_keys``)

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
    keys = candidate_keys(live_a, live_b, weights, proposers, step)
    return pair_set(keys >> 16, keys & 0xFFFF)


def candidate_keys(live_a: Sequence[SegmentFeatures], live_b: Sequence[SegmentFeatures],
                   weights: Weights, proposers: Sequence[Proposer] = (),
                   step: Step = lambda share: None) -> np.ndarray:
    """The pairs of :func:`candidate_pairs` as sorted 64-bit keys ``p << 16 | q`` (see
    :func:`pair_keys`): the same pairs, never made into Python tuples on the way."""
    if not live_a or not live_b:
        return np.zeros(0, dtype=np.int64)
    if max(len(live_a), len(live_b)) >= 1 << 16:
        raise ValueError("candidate_pairs ranks positions in 16 bits (align.MAX_PASSAGES)")
    vocab = _Vocabulary(live_a, live_b, weights)
    step(WORK_SHARES[0])
    from_a = _best(vocab, 0, live_a, live_b)
    step(WORK_SHARES[1])
    from_b = _best(vocab, 1, live_b, live_a)
    from_b = ((from_b & 0xFFFF) << 16) | (from_b >> 16)            # (q, p) turned to (p, q)
    step(WORK_SHARES[2])
    keys = np.unique(np.concatenate([from_a, from_b, _same_text_keys(live_a, live_b)]))
    keys = keys[_nearest_mask(keys, vocab.text_ids, (len(live_a), len(live_b)))]
    extra = [(int(p), int(q)) for propose in proposers for p, q in propose(live_a, live_b)]
    if extra:
        keys = np.unique(np.concatenate([keys, pair_keys(extra, len(extra))]))
    return keys


def pair_keys(pairs: Iterable[tuple[int, int]], count: int) -> np.ndarray:
    """The ``count`` pairs (p, q) as 64-bit keys ``p << 16 | q`` (positions stay below 2**16,
    ``align.MAX_PASSAGES``): read one by one in Python code, which leaves the interpreter to
    other threads now and then, where one call building the array from a list of 200,000 pairs
    holds it (the window's thread waits) for as long as it runs."""
    return np.fromiter((p << 16 | q for p, q in pairs), dtype=np.int64, count=count)


def pairs_of(keys: np.ndarray) -> list[tuple[int, int]]:
    """The pairs of ``pair_keys``, in the keys' order."""
    p, q = (keys >> 16).tolist(), (keys & 0xFFFF).tolist()
    out: list[tuple[int, int]] = []
    for start in range(0, len(p), _LIST_CHUNK):
        out += zip(p[start:start + _LIST_CHUNK], q[start:start + _LIST_CHUNK])
    return out


def sorted_pairs(pairs: Iterable[tuple[int, int]] | Sized) -> list[tuple[int, int]]:
    """``sorted(pairs)`` of (p, q) positions, by one numpy sort of their keys: the same list, in
    less time, and without one long call of the interpreter's own sort over hundreds of
    thousands of tuples (during which no other thread runs)."""
    keys = pair_keys(pairs, len(pairs))       # type: ignore[arg-type]
    keys.sort()
    return pairs_of(keys)


def pair_set(p: np.ndarray, q: np.ndarray) -> Pairs:
    """The set of pairs (p[k], q[k]), built in chunks (see :func:`pair_keys`)."""
    p_list, q_list = p.tolist(), q.tolist()
    out: Pairs = set()
    for start in range(0, len(p_list), _LIST_CHUNK):
        out.update(zip(p_list[start:start + _LIST_CHUNK], q_list[start:start + _LIST_CHUNK]))
    return out


def nearest_copies(pairs: Pairs, text_ids: Sequence[np.ndarray], sizes: tuple[int, int]) -> Pairs:
    """The pairs (p, q) in which q is among the ``COPIES`` partners of p with its text nearest
    p's relative place, and p among those of q with p's text: where a document says a sentence
    several times, each copy is paired with the copies at its own place on the other side, not
    with a far copy whose own partner is near it (which would take a link from a split or a
    reworded passage at that place). A pair of texts each said once on its side is kept."""
    if not pairs:
        return set()
    keys = pair_keys(pairs, len(pairs))
    keys = keys[_nearest_mask(keys, text_ids, sizes)]
    return pair_set(keys >> 16, keys & 0xFFFF)


def _nearest_mask(keys: np.ndarray, text_ids: Sequence[np.ndarray], sizes: tuple[int, int]) -> np.ndarray:
    """A mask of the pairs ``keys`` (in any order: the sorts tie only rows of different groups)
    that :func:`nearest_copies` keeps."""
    p, q = keys >> 16, keys & 0xFFFF
    n_a, n_b = sizes
    distance = np.abs(q * n_a - p * n_b)
    return _nearest(p, text_ids[1][q], distance, q) & _nearest(q, text_ids[0][p], distance, p)


def _nearest(own: np.ndarray, text: np.ndarray, distance: np.ndarray, other: np.ndarray) -> np.ndarray:
    """A mask of the ``COPIES`` nearest rows (by ``distance``, then ``other``) of every (own, text)."""
    order = np.lexsort((other, distance))      # (distance and position: a stable order)
    keep = np.empty(len(own), dtype=bool)
    keep[order] = _first_in_group(own[order], text[order], COPIES)
    return keep


def same_text(live_a: Sequence[SegmentFeatures], live_b: Sequence[SegmentFeatures]) -> Pairs:
    """Passages whose normalised text is the same on both sides, whatever their words: a
    document made of one sentence said many times has no stem rare enough to query with. Each
    passage gets the ``COPIES`` copies nearest its relative place (the earlier one on a tie)."""
    keys = _same_text_keys(live_a, live_b)
    return pair_set(keys >> 16, keys & 0xFFFF)


def _same_text_keys(live_a: Sequence[SegmentFeatures], live_b: Sequence[SegmentFeatures]) -> np.ndarray:
    """The pairs of :func:`same_text` as keys (see :func:`pair_keys`), in no particular order."""
    where: dict[str, list[int]] = {}
    for q, f in enumerate(live_b):
        where.setdefault(f.text, []).append(q)
    out: list[int] = []
    n_a, n_b = len(live_a), len(live_b)
    for p, f in enumerate(live_a):
        copies = where.get(f.text)
        if copies:
            at = bisect.bisect_left(copies, p * n_b // n_a)
            around = copies[max(0, at - COPIES):at + COPIES]
            around.sort(key=lambda q: (abs(q * n_a - p * n_b), q))
            out += [p << 16 | q for q in around[:COPIES]]
    return np.array(out, dtype=np.int64)


class _Vocabulary:
    """Content stems numbered in sorted order, each with its weight and document frequency."""

    def __init__(self, live_a: Sequence[SegmentFeatures], live_b: Sequence[SegmentFeatures],
                 weights: Weights) -> None:
        contents = [[f.content for f in live_a], [f.content for f in live_b]]
        stems = sorted({t for side in contents for content in side for t in content})
        self.ids = {t: k for k, t in enumerate(stems)}
        limit = max(3, INDEX_SHARE * (len(live_a) + len(live_b)))
        self.usable = np.array([weights.df.get(t, 0) <= limit for t in stems], dtype=bool)
        self.idf = np.array([weights.idf_of(t) for t in stems], dtype=np.float64)
        self.df = np.array([weights.df.get(t, 0) for t in stems], dtype=np.int64)
        self.sides = [_occurrences(contents[0], self.ids), _occurrences(contents[1], self.ids)]
        texts: dict[str, int] = {}
        self.text_ids = [np.array([texts.setdefault(f.text, len(texts)) for f in live], dtype=np.int64)
                         for live in (live_a, live_b)]


def _occurrences(contents: Sequence[list[str]], ids: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """(passage, stem id) of every distinct content stem of every passage (``contents``: each
    passage's ``SegmentFeatures.content``), sorted by stem then passage."""
    counts = np.fromiter(map(len, contents), dtype=np.int64, count=len(contents))
    passage = np.repeat(np.arange(len(contents), dtype=np.int64), counts)
    stem = np.fromiter((ids[t] for content in contents for t in content), dtype=np.int64, count=int(counts.sum()))
    order = np.lexsort((passage, stem))
    return passage[order], stem[order]


def _best(vocab: _Vocabulary, side: int, own: Sequence[SegmentFeatures],
          other: Sequence[SegmentFeatures]) -> np.ndarray:
    """For every passage of ``side``, its ``PER_SEGMENT`` best partners on the other side, as
    keys ``own << 16 | other`` (see :func:`pair_keys`)."""
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
        return np.zeros(0, dtype=np.int64)
    rows = np.repeat(np.arange(len(q_stem)), count)
    offset = np.arange(len(rows)) - np.repeat(np.cumsum(count) - count, count)
    key = q_passage[rows] * len(other) + o_passage[first[rows] + offset]
    weight = vocab.idf[q_stem[rows]]
    order = np.argsort(key, kind="stable")
    key, weight = key[order], weight[order]
    starts = np.flatnonzero(np.concatenate([[True], key[1:] != key[:-1]]))
    key = key[starts]
    total = np.add.reduceat(weight, starts)
    p, q = key // len(other), key % len(other)
    p, q = _ranked(p, q, total, len(own), len(other))
    keep = _first_in_group(p, vocab.text_ids[1 - side][q], COPIES)
    p, q = p[keep], q[keep]
    keep = _first_rows(p, PER_SEGMENT)
    return (p[keep].astype(np.int64) << 16) | q[keep].astype(np.int64)


def _ranked(p: np.ndarray, q: np.ndarray, total: np.ndarray, n_own: int,
            n_other: int) -> tuple[np.ndarray, np.ndarray]:
    """The pairs sorted by passage, then shared weight (descending, in 2**16 steps), then the
    partner's distance from the passage's relative place (in passages), then the partner's
    position: one sort of one 64-bit key (positions stay below 2**16, ``align.MAX_PASSAGES``)."""
    top = (1 << 16) - 1
    steps = np.floor(total / total.max() * top).astype(np.uint64)
    distance = np.minimum(np.abs(q * n_own - p * n_other) // max(n_own, 1), top).astype(np.uint64)
    rank = ((p.astype(np.uint64) << np.uint64(48)) | ((np.uint64(top) - steps) << np.uint64(32))
            | (distance << np.uint64(16)) | q.astype(np.uint64))
    order = np.argsort(rank)
    return p[order], q[order]


def _first_in_group(p: np.ndarray, group: np.ndarray, most: int) -> np.ndarray:
    """A mask of the first ``most`` rows of every (p, group), rows in the order given."""
    if not len(p):
        return np.zeros(0, dtype=bool)
    key = (p << 32) | group                     # (text numbers and positions stay below 2**31)
    order = np.argsort(key, kind="stable")
    key = key[order]
    new = np.concatenate([[True], key[1:] != key[:-1]])
    starts = np.flatnonzero(new)
    within = np.arange(len(p)) - np.repeat(starts, np.diff(np.append(starts, len(p))))
    keep = np.empty(len(p), dtype=bool)
    keep[order] = within < most
    return keep


def _first_rows(p: np.ndarray, most: int) -> np.ndarray:
    """A mask of the first ``most`` rows of every run of equal values of the sorted ``p``."""
    group_start = np.searchsorted(p, p, side="left")
    return (np.arange(len(p)) - group_start) < most


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
