"""Word translation probabilities learned from the two documents themselves (IBM model 1).

Moore ("Fast and Accurate Sentence Alignment of Bilingual Corpora", AMTA 2002) aligns by
length first, trains IBM model 1 (Brown et al. 1993) on the most confident one-to-one pairs
and aligns again with the word model. Here the confident pairs are the block aligner's anchors
(mutual nearest neighbours in order, found before its search anyway), the model is trained
both ways round on them alone, and a block's score is the mean log-probability of each side's
words given the other side's (each word explained by any word of the other side or by none).
Words the embeddings blur — ``Biwakplatz`` / ``bivouac``, ``Gipfel`` / ``sommet`` once the
document has paired them a few times — then tell which sentence a clause at a block's edge
belongs to. Trained on pairs of the document at hand, the model needs no dictionary, but a
short document teaches it little; the block aligner uses it only when ``BlockCosts.lexical``
is set (the Text+Berg costs).
"""
from __future__ import annotations

import re
from typing import Sequence

import numpy as np

from .spelling import fold

ITERATIONS = 5              # EM rounds (more changed nothing on the development file)
FLOOR = 1e-4                # probability added inside the log: an unexplained word costs log(FLOOR)
MAX_TABLE = 40_000_000      # vocabulary A × vocabulary B above which no model is trained
_WORD = re.compile(r"\w\w+", re.UNICODE)


def words(texts: Sequence[str]) -> list[list[str]]:
    """Each text's words of two characters or more, lower case without accents."""
    return [_WORD.findall(fold(text)) for text in texts]


def _ids(tokens: list[list[str]]) -> tuple[list[np.ndarray], int]:
    index: dict[str, int] = {}
    out = []
    for row in tokens:
        out.append(np.array([index.setdefault(w, len(index)) for w in row], dtype=np.int64))
    return out, len(index)


def train(pairs: Sequence[tuple[np.ndarray, np.ndarray]], source: int, target: int,
          iterations: int = ITERATIONS) -> np.ndarray:
    """Per source passage, the sum over its words of p(f | word) for every target word f, by
    EM over ``pairs`` of (source ids, target ids) with the empty word in every source; a
    word never trained on spreads its probability evenly. Returns the table of p(f | e) as
    ``(source + 1) × target`` rows, the last the empty word's."""
    empty = source
    rows, cols, column = [], [], []
    done = 0
    for e, f in pairs:
        if not len(f):
            continue
        e = np.append(e, empty)
        rows.append(np.repeat(e, len(f)))
        cols.append(np.tile(f, len(e)))
        column.append(np.tile(np.arange(done, done + len(f)), len(e)))
        done += len(f)
    t = np.full((source + 1, target), 1.0 / max(target, 1), dtype=np.float64)
    if not rows:
        return t
    row, col, column = np.concatenate(rows), np.concatenate(cols), np.concatenate(column)
    keys, at = np.unique(row * target + col, return_inverse=True)
    key_row = keys // target
    p = np.full(len(keys), 1.0 / max(target, 1))
    for _ in range(iterations):
        share = p[at]
        share /= np.bincount(column, weights=share, minlength=done)[column]
        count = np.bincount(at, weights=share, minlength=len(keys))
        p = count / np.bincount(key_row, weights=count, minlength=source + 1)[key_row]
    trained = np.unique(key_row)
    t[trained] = 0.0
    t[key_row, keys % target] = p
    return t


class Lexicon:
    """Mean log-probabilities of one side's words given a run of the other side's passages,
    for every run of ``k`` passages of A against every passage of B and the other way round."""

    def __init__(self, texts_a: Sequence[str], texts_b: Sequence[str],
                 pairs: Sequence[tuple[int, int]], sizes: Sequence[int]) -> None:
        ids_a, size_a = _ids(words(texts_a))
        ids_b, size_b = _ids(words(texts_b))
        self.ok = (size_a + 1) * (size_b + 1) <= MAX_TABLE and bool(pairs)
        if not self.ok:
            return
        training = [(ids_a[i], ids_b[j]) for i, j in pairs]
        ab = train(training, size_a, size_b)
        ba = train([(f, e) for e, f in training], size_b, size_a)
        self.count_a = np.array([len(x) for x in ids_a], dtype=np.float64)
        self.count_b = np.array([len(x) for x in ids_b], dtype=np.float64)
        sums_a, sums_b = _sums(ids_a, ab), _sums(ids_b, ba)
        self.ab = {k: _given(ids_a, ids_b, ab, sums_a, k) for k in sizes}   # [k][s, j]: Σ log p(b_j | a[s:s+k])
        self.ba = {k: _given(ids_b, ids_a, ba, sums_b, k) for k in sizes}   # [l][t, i]: Σ log p(a_i | b[t:t+l])

    def score(self, s: int, k: int, l: int, t0: int, t1: int) -> np.ndarray:
        """Mean of the two directions' mean log-probability per word, for a[s:s+k] with
        b[t:t+l], t in t0..t1 (a side without words reads as words never explained)."""
        ab = _runs(self.ab[k][s, t0:t1 + l], l)
        words_b = _runs(self.count_b[t0:t1 + l], l)
        ba = self.ba[l][t0:t1 + 1, s:s + k].sum(axis=1)
        words_a = self.count_a[s:s + k].sum()
        unexplained = float(np.log(FLOOR))
        return 0.5 * (np.where(words_b > 0, ab / np.maximum(words_b, 1), unexplained)
                      + (ba / words_a if words_a else unexplained))


def _sums(source: list[np.ndarray], t: np.ndarray) -> np.ndarray:
    """Per source passage, Σ over its words of p(f | word), for every target word f."""
    out = np.zeros((len(source), t.shape[1]), dtype=np.float64)
    for i, x in enumerate(source):
        if len(x):
            out[i] = t[x].sum(axis=0)
    return out


def _given(source: list[np.ndarray], target: list[np.ndarray], t: np.ndarray, sums: np.ndarray,
           k: int) -> np.ndarray:
    """Σ over each target passage's words of log p(word | a run of ``k`` source passages):
    one row per run, one column per target passage."""
    empty = t.shape[0] - 1
    runs = len(source) - k + 1
    out = np.zeros((max(runs, 0), len(target)), dtype=np.float32)
    if runs <= 0:
        return out
    flat = np.concatenate(target) if target else np.zeros(0, dtype=np.int64)
    lengths = np.array([len(x) for x in target])
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1])).astype(np.int64)
    filled = lengths > 0
    counts = np.array([len(x) for x in source], dtype=np.float64)
    run_sums = _runs(sums, k)
    run_counts = _runs(counts, k)
    for start in range(0, runs, 256):
        stop = min(runs, start + 256)
        p = (run_sums[start:stop] + t[empty]) / (run_counts[start:stop, None] + 1.0)
        logs = np.log(p + FLOOR)[:, flat]
        if len(flat):
            out[start:stop, filled] = np.add.reduceat(logs, starts[filled], axis=1)
    return out


def _runs(values: np.ndarray, k: int) -> np.ndarray:
    n = len(values) - k + 1
    if n <= 0:
        return values[:0].astype(np.float64)
    out = values[:n].astype(np.float64, copy=True)
    for offset in range(1, k):
        out += values[offset:offset + n]
    return out
