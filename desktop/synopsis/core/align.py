"""Passage alignment: candidates from a word index, bulk scoring, splits/merges, order, repeats.

1. Candidates: an inverted index over content stems (rare words weigh most) proposes, for every
   segment, the few segments of the other document it shares the most weight with, so cost
   grows with the number of segments, not their product.
2. Scoring: every candidate pair gets the views of :mod:`features` in bulk, combined into one
   score. Context lifts a plausible pair whose neighbours are aligned too (i-1 ↔ j-1, i+1 ↔ j+1).
3. One-to-many / many-to-one: two adjacent segments are tried as one passage against a
   counterpart; the merged pair is kept when it scores better than either part alone.
4. Order is not assumed: after choosing links, pairs off the longest increasing chain of
   confident links are marked ``moved``.
5. Repeats inside one document are reported; one-to-one choice keeps them from double-linking.

Pure debris (bylines, footers) is never aligned; captions glued to a sentence are cut off
by aligning on ``Segment.core_span``.
"""
from __future__ import annotations

import bisect
import heapq
from collections import defaultdict
from typing import Callable, Sequence

import numpy as np
from rapidfuzz import fuzz, process

from .classify import choose
from .config import Settings
from .features import SegmentFeatures, Weights, combine, merge, pair_views, segment_features
from .model import Document, Link, Repeat

Check = Callable[[], None]

PER_SEGMENT = 8          # candidates proposed per segment by the index
CANDIDATE_FLOOR = 0.15   # pairs scoring below this are not kept (live thresholds go no lower)
CONTEXT_BONUS = 0.08     # lift for a pair whose neighbours are aligned in order
MERGE_MARGIN = 0.02      # a merged passage must beat its best part by this much
REPEAT_CHARS = 0.9       # character similarity of two passages of one document that repeat
GAP_BONUS = 0.3         # lift for the diagonal of an equal gap (1–3 each side) between anchors
GAP_MIN = 0.1           # ... if the pair has at least this much in common on its own
MOVED_MIN = 0.5          # only links at least this strong can be called moved
INDEX_SHARE = 0.2        # stems in more than this share of segments are too common to index


def align(doc_a: Document, doc_b: Document, settings: Settings,
          check: Check = lambda: None) -> tuple[list[Link], list[Repeat]]:
    fa = segment_features(doc_a)
    fb = segment_features(doc_b)
    live_a = [f for f in fa if f is not None]
    live_b = [f for f in fb if f is not None]
    repeats = find_repeats(fa, 0) + find_repeats(fb, 1)
    if not live_a or not live_b:
        return [], repeats
    weights = Weights([f.bag for f in live_a + live_b])
    pairs = candidate_pairs(live_a, live_b, weights)
    check()
    scored = _score(pairs, live_a, live_b, weights)
    check()
    _add_context(scored, len(live_a), len(live_b))
    _fill_gaps(scored, live_a, live_b, weights, settings)
    candidates = [_link([live_a[p].ids[0]], [live_b[q].ids[0]], s, v)
                  for (p, q), (s, v) in scored.items() if s >= CANDIDATE_FLOOR]
    check()
    candidates += _merges(scored, live_a, live_b, doc_a, doc_b, weights)
    check()
    mark_moved(candidates, settings)
    candidates.sort(key=lambda c: (c.a[0], c.b[0]))
    return candidates, repeats


def _link(a: list[int], b: list[int], score: float, views: dict[str, float]) -> Link:
    return Link(a=a, b=b, label="paraphrased", score=min(1.0, max(0.0, score)), scores=views)


def candidate_pairs(live_a: Sequence[SegmentFeatures], live_b: Sequence[SegmentFeatures],
                    weights: Weights) -> set[tuple[int, int]]:
    """Positions (p, q) in ``live_a`` × ``live_b`` worth scoring: top shared-weight partners."""
    limit = max(3, INDEX_SHARE * (len(live_a) + len(live_b)))
    index: dict[str, list[int]] = defaultdict(list)
    for q, f in enumerate(live_b):
        for term in f.content:
            index[term].append(q)
    shared: dict[tuple[int, int], float] = defaultdict(float)
    for p, f in enumerate(live_a):
        for term in f.content:
            postings = index.get(term)
            if postings and weights.df.get(term, 0) <= limit:
                w = weights.idf(term)
                for q in postings:
                    shared[p, q] += w
    best_a: dict[int, list[tuple[float, int]]] = defaultdict(list)
    best_b: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (p, q), w in shared.items():
        _push(best_a[p], (w, q))
        _push(best_b[q], (w, p))
    out = {(p, q) for p, heap in best_a.items() for _, q in heap}
    out |= {(p, q) for q, heap in best_b.items() for _, p in heap}
    return out


def _push(heap: list[tuple[float, int]], item: tuple[float, int]) -> None:
    if len(heap) < PER_SEGMENT:
        heapq.heappush(heap, item)
    elif item > heap[0]:
        heapq.heapreplace(heap, item)


def _score(pairs: set[tuple[int, int]], live_a: Sequence[SegmentFeatures],
           live_b: Sequence[SegmentFeatures], weights: Weights) -> dict[tuple[int, int], tuple[float, dict]]:
    order = sorted(pairs)
    views = pair_views([live_a[p] for p, _ in order], [live_b[q] for _, q in order], weights)
    scores = combine(views)
    keep = ("chars", "words", "rare")
    return {pq: (float(scores[k]), {name: float(views[name][k]) for name in keep})
            for k, pq in enumerate(order)}


def _add_context(scored: dict[tuple[int, int], tuple[float, dict]], n_a: int, n_b: int) -> None:
    """Lift plausible pairs whose in-order neighbours are also aligned (not below 0.25)."""
    base = {pq: s for pq, (s, _) in scored.items()}
    for (p, q), (s, views) in scored.items():
        if s < 0.25:
            continue
        neighbour = max(base.get((p - 1, q - 1), 0.0), base.get((p + 1, q + 1), 0.0))
        if neighbour >= 0.5:
            views["context"] = 1.0
            scored[p, q] = (min(1.0, s + CONTEXT_BONUS * neighbour), views)


def _fill_gaps(scored: dict[tuple[int, int], tuple[float, dict]], live_a: Sequence[SegmentFeatures],
               live_b: Sequence[SegmentFeatures], weights: Weights, settings: Settings) -> None:
    """Dynamic-programming context: between two consecutive in-order anchors, an equal-sized
    gap (1–3 passages each side) is most likely aligned along its diagonal, so those pairs get
    ``GAP_BONUS`` (scored first when the index did not propose them)."""
    anchors = sorted((p, q) for (p, q), (s, _) in scored.items() if s >= max(0.5, settings.paraphrase_threshold))
    chain = [anchors[k] for k in sorted(_longest_increasing([q for _, q in anchors]))] if anchors else []
    chain = [(-1, -1)] + chain + [(len(live_a), len(live_b))]
    wanted = []
    for (p1, q1), (p2, q2) in zip(chain, chain[1:]):
        gap = p2 - p1 - 1
        if 1 <= gap <= 3 and gap == q2 - q1 - 1:
            wanted += [(p1 + k, q1 + k) for k in range(1, gap + 1)]
    missing = [pq for pq in wanted if pq not in scored]
    scored.update(_score(set(missing), live_a, live_b, weights))
    for pq in wanted:
        s, views = scored[pq]
        if s >= GAP_MIN:
            views["gap"] = 1.0
            scored[pq] = (min(1.0, s + GAP_BONUS), views)


def _merges(scored: dict[tuple[int, int], tuple[float, dict]], live_a: Sequence[SegmentFeatures],
            live_b: Sequence[SegmentFeatures], doc_a: Document, doc_b: Document,
            weights: Weights) -> list[Link]:
    """Two adjacent segments of one side against one of the other, kept when they score better."""
    score = {pq: s for pq, (s, _) in scored.items()}
    trials: list[tuple[SegmentFeatures, SegmentFeatures, float, tuple[int, ...], tuple[int, ...]]] = []
    for (p, q), s in score.items():
        if s < CANDIDATE_FLOOR:
            continue
        if p + 1 < len(live_a) and score.get((p + 1, q), 0.0) >= CANDIDATE_FLOOR:
            best = max(s, score[p + 1, q])
            merged = merge(live_a[p], live_a[p + 1], doc_a.text, doc_a.language)
            trials.append((merged, live_b[q], best, merged.ids, live_b[q].ids))
        if q + 1 < len(live_b) and score.get((p, q + 1), 0.0) >= CANDIDATE_FLOOR:
            best = max(s, score[p, q + 1])
            merged = merge(live_b[q], live_b[q + 1], doc_b.text, doc_b.language)
            trials.append((live_a[p], merged, best, live_a[p].ids, merged.ids))
    if not trials:
        return []
    views = pair_views([t[0] for t in trials], [t[1] for t in trials], weights)
    scores = combine(views)
    out = []
    for k, (_, _, best, ids_a, ids_b) in enumerate(trials):
        if scores[k] > best + MERGE_MARGIN:
            out.append(_link(list(ids_a), list(ids_b), float(scores[k]),
                             {name: float(views[name][k]) for name in ("chars", "words", "rare")}))
    return out


def mark_moved(candidates: list[Link], settings: Settings) -> None:
    """Set ``moved`` on chosen links that are off the longest increasing chain of strong links."""
    for c in candidates:
        c.moved = False
    chosen = [c for c in choose(candidates, settings) if c.score >= MOVED_MIN]
    chosen.sort(key=lambda c: min(c.a))
    keys = [min(c.b) for c in chosen]
    on_chain = _longest_increasing(keys)
    for k, c in enumerate(chosen):
        if k not in on_chain:
            c.moved = True


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


def find_repeats(feats: Sequence[SegmentFeatures | None], doc: int) -> list[Repeat]:
    """Groups of segments of one document with (nearly) the same words, 30+ characters long."""
    live = [f for f in feats if f is not None and len(f.text) >= 30]
    if len(live) < 2:
        return []
    by_text: dict[str, list[int]] = defaultdict(list)
    for k, f in enumerate(live):
        by_text[f.text[:24]].append(k)  # cheap blocking on the opening; exact repeats share it
    pairs = [(x, y) for group in by_text.values() for i, x in enumerate(group) for y in group[i + 1:]]
    if not pairs:
        return []
    sims = process.cpdist([live[x].text for x, _ in pairs], [live[y].text for _, y in pairs],
                          scorer=fuzz.ratio, workers=1) / 100.0
    parent = list(range(len(live)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for (x, y), sim in zip(pairs, np.asarray(sims)):
        if sim >= REPEAT_CHARS:
            parent[root(y)] = root(x)
    groups: dict[int, list[int]] = defaultdict(list)
    for k in range(len(live)):
        groups[root(k)].append(live[k].ids[0])
    return [Repeat(doc=doc, segments=sorted(g)) for g in groups.values() if len(g) > 1]
