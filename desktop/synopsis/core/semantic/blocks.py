"""Monotone block alignment of two documents by meaning, after Thompson & Koehn (2019).

Vecalign ("Improved Sentence Alignment in Linear Time and Space", EMNLP 2019) aligns a document
with its translation as a sequence of blocks — one sentence with one, one with two, two with
one, … — and of sentences left out on either side, chosen by dynamic programming so that the
total cost is least. A block's cost grows with how unlike its two sides are (cosine of their
embeddings, each side a run of sentences embedded as one passage) and with its size; leaving a
sentence out costs a fixed ``skip``. This module implements that idea in its own way:

- the similarity of a block is a mix of its cosine and a neighbour-relative cosine (the cosine
  less the mean cosine of each side's nearest neighbours, as CSLS / margin scoring do), which
  takes out the narrow band some models' cosines sit in and the "hub" sentences close to all;
- figures and names written alike in both languages (``8501``, ``Dhaulagiri``) lower the cost
  when shared and raise it when one side has them and the other not; with ``spelling`` set,
  the letters the two sides share lower it too (four-letter pieces of their words,
  :mod:`.spelling`: names, words of one root, ``Expedition`` / ``expédition``); the lengths of the two sides
  (in characters, relative to the documents' overall ratio) must agree;
- with ``lexical`` set, a word model learned from the two documents themselves (IBM model 1
  trained on the anchors below, :mod:`.lexical`, after Moore 2002) lowers the cost of a block
  whose words explain each other's;
- leaving a passage out costs ``skip``, less when its best cosine on the other side hardly
  stands out from its nearest neighbours' (``lonely``: a caption, a line of OCR debris), and a
  block may carry a cost of its own shape (``shape_costs``, a prior on 1-2, 2-2, … as Gale and
  Church's length-based aligner has one);
- the search runs inside a band around a chain of confident one-to-one anchors (mutual
  nearest neighbours in order), so its cost grows with the length of the documents, not with
  their product.

:class:`BlockCosts` holds the few weights, tuned on development data only (its docstring and
``benchmarks/README.md`` say which).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from . import lexical, spelling

Block = tuple[tuple[int, ...], tuple[int, ...]]
Vectors = Callable[[int], np.ndarray]   # k -> unit vectors of every run of k passages


@dataclass(frozen=True)
class BlockCosts:
    """The weights of a block's cost. The defaults were tuned on two development sets at once
    (``benchmarks/tune_blocks.py --news``, ``benchmarks/README.md``): the news benchmark's WMT22
    Russian–English articles, both ways round (translated sentence by sentence, passages dropped
    and inserted), and the Text+Berg development file (German–French, many sentences split or
    merged, few left out), so that neither kind of translation is sacrificed to the other.
    ``TEXT_BERG`` holds the weights tuned on the Text+Berg development file alone."""

    max_block: int = 5          # largest k + l of a block is max_block + 1 (1-5, 2-4, 3-3, …)
    cosine_share: float = 0.616  # sim = share·cos + (1 - share)·(neighbour-relative cos)
    size_power: float = 0.274   # (1 - sim) is multiplied by (k·l) to this power
    size_cost: float = 0.401    # added per passage beyond one a side
    shared_tokens: float = 0.043  # subtracted × Dice of the figures/names both sides write alike
    token_mismatch: float = 0.274  # added when either side has such tokens and they differ
    length: float = 0.232       # added × |log| of the length ratio (relative to the documents')
    debris: float = 0.04        # added per passage without a word in a block of three or more
    skip: float = 0.539         # the cost of a passage left without a counterpart
    part_gain: float = 2.413    # added × how far a block's cosine falls below its best part's
    neighbours: int = 4         # nearest neighbours averaged by the neighbour-relative cosine
    band: int = 24              # half-width of the search band around the anchors, in passages
    spelling: float = 0.0       # subtracted × cosine of the two sides' letters (spelling.py)
    lonely: float = 0.035       # skip made cheaper × how little a passage's best match stands out
    lonely_at: float = 0.1      # ... below this margin (best cosine − neighbour mean)
    shape_costs: tuple[tuple[int, int, float], ...] = ()   # (k, l, cost) added to a k-l block
    lexical: float = 0.0        # subtracted × (word model's mean log-probability + 5), lexical.py

    def shapes(self) -> list[tuple[int, int]]:  # (k, l) of every block the search may use
        return [(k, l) for k in range(1, self.max_block + 1) for l in range(1, self.max_block + 1)
                if k + l <= self.max_block + 1]


# Tuned on the Text+Berg development file alone (OCR'd Alpine yearbooks, German and French:
# many splits and merges, captions and OCR debris left out) by benchmarks/tune_blocks.py; see
# benchmarks/README.md. Blocks up to six passages in all (a 3-3 or a 1-5), the letters both
# languages write alike, cheap skips for passages whose best match does not stand out, and a
# cost per block shape (one to four, for one, is cheaper than the size costs alone make it);
# then the word model learned from the documents (``lexical``, its weight chosen alone among
# 0.01-0.05, the other weights as they were).
TEXT_BERG = BlockCosts(max_block=5, cosine_share=0.536, size_power=0.497, size_cost=0.37,
                       shared_tokens=0.027, token_mismatch=0.195, length=0.396, debris=0.365,
                       skip=0.878, part_gain=2.784, spelling=0.162, lonely=1.587, lexical=0.03,
                       shape_costs=((1, 2, -0.001), (1, 3, -0.057), (1, 4, -0.314), (2, 1, -0.044),
                                    (2, 2, 0.01), (2, 3, -0.072), (3, 1, 0.016), (3, 2, -0.061),
                                    (4, 1, -0.027)))

LEXICAL_CENTRE = 5.0  # a mean log-probability of -5 per word neither lowers nor raises a cost

_TOKEN = re.compile(r"\w[\w'-]*", re.UNICODE)
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


def invariant_tokens(text: str) -> frozenset[str]:
    """Tokens a translation usually keeps as they are: figures, and capitalised words of four
    letters or more (names; in German every noun too, which the Dice only dilutes)."""
    out = set()
    for token in _TOKEN.findall(text):
        if any(ch.isdigit() for ch in token):
            out.add(token)
        elif token[0].isupper() and len(token) >= 4:
            out.add(token.casefold())
    return frozenset(out)


@dataclass
class Side:
    """What the block aligner knows about one document's passages."""

    vectors: Vectors
    lengths: np.ndarray          # characters per passage
    tokens: list[frozenset[str]]
    debris: np.ndarray           # 1.0 for a passage with no word of three letters
    letters: np.ndarray | None = None   # hashed character n-gram counts (spelling.counts)
    texts: Sequence[str] = ()           # the passages themselves (for the word model, lexical.py)

    @classmethod
    def of(cls, texts: Sequence[str], vectors: Vectors) -> "Side":
        return cls(vectors, np.array([len(t) for t in texts], dtype=np.float64),
                   [invariant_tokens(t) for t in texts],
                   np.array([0.0 if _WORD.search(t) else 1.0 for t in texts]),
                   spelling.counts(texts), list(texts))

    def __len__(self) -> int:
        return len(self.lengths)


def align_blocks(a: Side, b: Side, costs: BlockCosts = BlockCosts(),
                 anchors: Sequence[tuple[int, int]] | None = None, stretch: float = 1.0) -> list[Block]:
    """The least-cost monotone sequence of blocks and skipped passages covering both sides.

    ``stretch`` widens a model's band of cosines to the one the costs were tuned for: every
    cosine is read as ``1 - stretch·(1 - cos)`` (``calibrate.Calibration.stretch``)."""
    n, m = len(a), len(b)
    if n == 0 or m == 0:
        return [((i,), ()) for i in range(n)] + [((), (j,)) for j in range(m)]
    single_a, single_b = a.vectors(1), b.vectors(1)
    if anchors is None:
        anchors = anchor_chain(single_a, single_b)
    lo, hi = band(anchors, n, m, costs.band)
    table = _CostTable(a, b, costs, single_a, single_b, stretch, anchors)
    return _search(table, n, m, lo, hi, costs)


def neighbour_means(single_a: np.ndarray, single_b: np.ndarray, k: int,
                    rows: int = 1024) -> tuple[np.ndarray, np.ndarray]:
    """Mean cosine of each passage's ``k`` nearest neighbours on the other side (both ways)."""
    near_a, near_b, _, _ = neighbour_stats(single_a, single_b, k, rows)
    return near_a, near_b


def neighbour_stats(single_a: np.ndarray, single_b: np.ndarray, k: int,
                    rows: int = 1024) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Mean cosine of each passage's ``k`` nearest neighbours on the other side, and its best
    cosine there: (mean a, mean b, best a, best b)."""
    near_a, best_a = np.empty(len(single_a)), np.empty(len(single_a))
    top_b = np.full((min(k, len(single_a)), len(single_b)), -1.0)
    for start in range(0, len(single_a), rows):
        sims = single_a[start:start + rows] @ single_b.T
        kk = min(k, sims.shape[1])
        top = np.partition(sims, -kk, axis=1)[:, -kk:]
        near_a[start:start + rows] = np.sort(top, axis=1).mean(axis=1)
        best_a[start:start + rows] = top.max(axis=1)
        both = np.vstack([top_b, sims])
        top_b = np.partition(both, -len(top_b), axis=0)[-len(top_b):]
    return near_a, top_b.mean(axis=0), best_a, top_b.max(axis=0)


def anchor_chain(single_a: np.ndarray, single_b: np.ndarray, rows: int = 1024) -> list[tuple[int, int]]:
    """Mutual nearest neighbours, the longest chain of them in order on both sides."""
    best_b = np.empty(len(single_a), dtype=np.int64)
    best_b_score = np.empty(len(single_a))
    col_best = np.full(len(single_b), -2.0)
    col_arg = np.zeros(len(single_b), dtype=np.int64)
    for start in range(0, len(single_a), rows):
        sims = single_a[start:start + rows] @ single_b.T
        best_b[start:start + rows] = sims.argmax(axis=1)
        best_b_score[start:start + rows] = sims.max(axis=1)
        here = sims.max(axis=0)
        better = here > col_best
        col_best[better] = here[better]
        col_arg[better] = sims.argmax(axis=0)[better] + start
    mutual = [(i, int(j)) for i, j in enumerate(best_b) if col_arg[j] == i]
    return longest_chain(mutual)


def longest_chain(pairs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of ``pairs`` increasing strictly in both items."""
    pairs = sorted(pairs, key=lambda p: (p[0], -p[1]))   # (pairs sharing a first item cannot chain)
    tails: list[int] = []          # tails[L] = index in pairs of the chain of length L+1 ending lowest
    previous = [-1] * len(pairs)
    tail_values: list[int] = []
    for index, (_, j) in enumerate(pairs):
        at = bisect.bisect_left(tail_values, j)
        if at > 0:
            previous[index] = tails[at - 1]
        if at == len(tails):
            tails.append(index)
            tail_values.append(j)
        else:
            tails[at] = index
            tail_values[at] = j
    chain = []
    index = tails[-1] if tails else -1
    while index >= 0:
        chain.append(pairs[index])
        index = previous[index]
    return chain[::-1]


def band(anchors: Sequence[tuple[int, int]], n: int, m: int, width: int) -> tuple[np.ndarray, np.ndarray]:
    """For each row 0..n of the search, the lowest and highest column it may visit.

    Between two consecutive anchors the band is the rectangle they span, widened by ``width``
    on both sides (an anchor may be wrong). Both bounds never decrease, and the corners
    (0, 0) and (n, m) are inside.
    """
    points = [(0, 0)] + [(i + 1, j + 1) for i, j in anchors] + [(n, m)]
    lo = np.full(n + 1, m, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    for (i1, j1), (i2, j2) in zip(points, points[1:]):
        lo[i1:i2 + 1] = np.minimum(lo[i1:i2 + 1], max(0, j1 - width))
        hi[i1:i2 + 1] = np.maximum(hi[i1:i2 + 1], min(m, j2 + width))
    lo = np.minimum.accumulate(lo[::-1])[::-1]
    hi = np.maximum.accumulate(hi)
    lo[0], hi[-1] = 0, m
    return lo, hi


class _CostTable:
    """Block costs, one row of the search at a time."""

    def __init__(self, a: Side, b: Side, costs: BlockCosts, single_a: np.ndarray,
                 single_b: np.ndarray, stretch: float = 1.0,
                 anchors: Sequence[tuple[int, int]] = ()) -> None:
        self.a, self.b, self.costs, self.stretch = a, b, costs, stretch
        self.shape_cost = {(k, l): cost for k, l, cost in costs.shape_costs}
        near_a, near_b, best_a, best_b = (_stretched(x, stretch) for x in
                                          neighbour_stats(single_a, single_b, costs.neighbours))
        self.skip_a = _skips(costs, best_a - near_a)
        self.skip_b = _skips(costs, best_b - near_b)
        ratio = float(b.lengths.sum()) / max(1.0, float(a.lengths.sum()))
        shared = sorted(set().union(*a.tokens) & set().union(*b.tokens))
        index = {token: k for k, token in enumerate(shared)}
        sizes = {k for shape in costs.shapes() for k in shape}
        self.vec_a = {k: a.vectors(k) for k in sizes}
        self.vec_b = {k: b.vectors(k) for k in sizes}
        self.near_a = {k: _run_means(near_a, k) for k in sizes}
        self.near_b = {k: _run_means(near_b, k) for k in sizes}
        self.len_a = {k: _run_sums(a.lengths * ratio, k) for k in sizes}
        self.len_b = {k: _run_sums(b.lengths, k) for k in sizes}
        self.debris_a = {k: _run_sums(a.debris, k) for k in sizes}
        self.debris_b = {k: _run_sums(b.debris, k) for k in sizes}
        inc_a, inc_b = _incidence(a.tokens, index), _incidence(b.tokens, index)
        self.tok_a = {k: np.minimum(_run_sums(inc_a, k), 1.0) for k in sizes}
        self.tok_b = {k: np.minimum(_run_sums(inc_b, k), 1.0) for k in sizes}
        self.count_a = {k: v.sum(axis=1) for k, v in self.tok_a.items()}
        self.count_b = {k: v.sum(axis=1) for k, v in self.tok_b.items()}
        self.lexicon = None
        if costs.lexical and len(a.texts) == len(a) and len(b.texts) == len(b):
            lexicon = lexical.Lexicon(a.texts, b.texts, anchors, sorted(sizes))
            self.lexicon = lexicon if lexicon.ok else None
        if costs.spelling and a.letters is not None and b.letters is not None:
            self.letters_a = {k: spelling.run_profiles(a.letters, k) for k in sizes}
            self.letters_b = {k: spelling.run_profiles(b.letters, k) for k in sizes}

    def cost(self, s: int, k: int, l: int, t0: int, t1: int) -> np.ndarray:
        """Costs of the blocks a[s:s+k] with b[t:t+l] for t in t0..t1 (inclusive)."""
        c = self.costs
        raw = self.vec_b[l][t0:t1 + 1] @ self.vec_a[k][s]
        cos = _stretched(raw, self.stretch)
        relative = 2 * cos - self.near_a[k][s] - self.near_b[l][t0:t1 + 1]
        sim = c.cosine_share * cos + (1 - c.cosine_share) * relative
        out = (1 - sim) * (k * l) ** c.size_power + c.size_cost * (k + l - 2)
        both = self.tok_b[l][t0:t1 + 1] @ self.tok_a[k][s]
        total = self.count_a[k][s] + self.count_b[l][t0:t1 + 1]
        dice = np.where(total > 0, 2 * both / np.maximum(total, 1), 0.0)
        out += np.where(total > 0, c.token_mismatch * (1 - dice), 0.0) - c.shared_tokens * dice
        out += c.length * np.abs(np.log((self.len_a[k][s] + 10) / (self.len_b[l][t0:t1 + 1] + 10)))
        out += self.shape_cost.get((k, l), 0.0)
        if self.lexicon is not None:
            out -= c.lexical * (self.lexicon.score(s, k, l, t0, t1) + LEXICAL_CENTRE)
        if c.spelling and hasattr(self, "letters_a"):
            out -= c.spelling * (self.letters_b[l][t0:t1 + 1] @ self.letters_a[k][s])
        if k + l > 2:
            out += c.debris * (self.debris_a[k][s] + self.debris_b[l][t0:t1 + 1])
            if c.part_gain:
                out += c.part_gain * self.stretch * np.maximum(self._best_part(s, k, l, t0, t1) - raw, 0.0)
        return out

    def _best_part(self, s: int, k: int, l: int, t0: int, t1: int) -> np.ndarray:
        """For each block, the best cosine of one of its sentences with the other side whole:
        a sentence that belongs in the block lifts its cosine above that, one that does not
        pulls it below."""
        best = np.full(t1 - t0 + 1, -1.0)
        if l > 1:
            singles = self.vec_b[1][t0:t1 + l] @ self.vec_a[k][s]
            for offset in range(l):
                best = np.maximum(best, singles[offset:offset + len(best)])
        if k > 1:
            many = self.vec_b[l][t0:t1 + 1]
            for offset in range(k):
                best = np.maximum(best, many @ self.vec_a[1][s + offset])
        return best


def _skips(costs: BlockCosts, margin: np.ndarray) -> np.ndarray:
    """The cost of leaving each passage out: ``skip``, less ``lonely`` × how far the passage's
    best cosine on the other side stands out from its nearest neighbours' mean by less than
    ``lonely_at`` (a passage no sentence of the other side matches better than the rest — a
    caption, a line of OCR debris — is cheap to leave out)."""
    return np.maximum(costs.skip - costs.lonely * np.clip(costs.lonely_at - margin, 0.0, None), 0.0)


def _stretched(cosines: np.ndarray, stretch: float) -> np.ndarray:
    """Cosines read as ``1 - stretch·(1 - cos)`` (as they are when ``stretch`` is 1)."""
    return cosines if stretch == 1.0 else 1.0 - stretch * (1.0 - cosines)


def _run_sums(values: np.ndarray, k: int) -> np.ndarray:
    """Sums of every run of ``k`` consecutive rows (or items)."""
    n = len(values) - k + 1
    if n <= 0:
        return values[:0]
    out = values[:n].astype(np.float64, copy=True)
    for offset in range(1, k):
        out += values[offset:offset + n]
    return out


def _run_means(values: np.ndarray, k: int) -> np.ndarray:
    return _run_sums(values, k) / k


def _incidence(tokens: Sequence[frozenset[str]], index: dict[str, int]) -> np.ndarray:
    out = np.zeros((len(tokens), max(1, len(index))), dtype=np.float64)
    for row, found in enumerate(tokens):
        for token in found:
            column = index.get(token)
            if column is not None:
                out[row, column] = 1.0
    return out


_DELETE, _INSERT = -1, -2


def _search(table: _CostTable, n: int, m: int, lo: np.ndarray, hi: np.ndarray,
            costs: BlockCosts) -> list[Block]:
    """Dynamic programme over the band: least total cost from (0, 0) to (n, m)."""
    shapes = costs.shapes()
    skip_a = table.skip_a
    cumulative_b = np.concatenate(([0.0], np.cumsum(table.skip_b)))   # leaving out b[0:j]
    total: list[np.ndarray] = []
    choice: list[np.ndarray] = []
    for i in range(n + 1):
        cols = np.arange(lo[i], hi[i] + 1)
        best = np.full(len(cols), np.inf)
        came = np.full(len(cols), _INSERT, dtype=np.int16)
        if i == 0:
            best[cols == 0] = 0.0
        else:
            _relax(best, came, cols, total[i - 1], lo[i - 1], hi[i - 1], 0, skip_a[i - 1], _DELETE)
            for number, (k, l) in enumerate(shapes):
                if k > i:
                    continue
                s = i - k
                t0 = max(lo[s], lo[i] - l, 0)
                t1 = min(hi[s], hi[i] - l, m - l)
                if t0 > t1:
                    continue
                step = table.cost(s, k, l, t0, t1)
                _relax(best, came, cols, total[s], lo[s], hi[s], l, step, number, t0, t1)
        _insertions(best, came, cumulative_b[cols])
        total.append(best)
        choice.append(came)
    return _trace(choice, lo, shapes, n, m)


def _relax(best: np.ndarray, came: np.ndarray, cols: np.ndarray, previous: np.ndarray,
           p_lo: int, p_hi: int, l: int, step, label: int, t0: int | None = None,
           t1: int | None = None) -> None:
    """Lower ``best`` where coming from the previous row's column ``col - l`` is cheaper."""
    if t0 is None:
        t0, t1 = max(p_lo, cols[0] - l), min(p_hi, cols[-1] - l)
        if t0 > t1:
            return
    candidate = previous[t0 - p_lo:t1 - p_lo + 1] + step
    at = slice(t0 + l - cols[0], t1 + l - cols[0] + 1)
    better = candidate < best[at]
    best[at] = np.where(better, candidate, best[at])
    came[at] = np.where(better, label, came[at])


def _insertions(best: np.ndarray, came: np.ndarray, steps: np.ndarray) -> None:
    """Passages of b left out along the row: best[j] = min(best[j], best[j-1] + skip of b[j-1]),
    where ``steps`` holds the running total of the skips of b up to each column."""
    running = np.minimum.accumulate(best - steps) + steps
    better = running < best - 1e-12
    best[better] = running[better]
    came[better] = _INSERT


def _trace(choice: list[np.ndarray], lo: np.ndarray, shapes: list[tuple[int, int]],
           n: int, m: int) -> list[Block]:
    out: list[Block] = []
    i, j = n, m
    while i > 0 or j > 0:
        label = int(choice[i][j - lo[i]])
        if label == _INSERT:
            out.append(((), (j - 1,)))
            j -= 1
        elif label == _DELETE:
            out.append(((i - 1,), ()))
            i -= 1
        else:
            k, l = shapes[label]
            out.append((tuple(range(i - k, i)), tuple(range(j - l, j))))
            i, j = i - k, j - l
    return out[::-1]
