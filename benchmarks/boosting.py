"""Gradient-boosted regression trees for the logistic loss, numpy only, started from a given
margin (the pair model's logistic regression): what ``fit_pair_model.py`` adds to it.

Each tree is complete, of one depth, its splits chosen on quantile bins of the features
(second-order gain with an L2 penalty on the leaves, as in XGBoost: Chen & Guestrin 2016);
the app reads the trees with ``pair_model.Trees``.
"""
from __future__ import annotations

import numpy as np

BINS = 32


def cut_points(x: np.ndarray, bins: int = BINS) -> list[np.ndarray]:
    """Per feature, the distinct inner quantiles a split may sit at."""
    inner = np.linspace(0, 1, bins + 1)[1:-1]
    return [np.unique(np.quantile(x[:, j], inner)) for j in range(x.shape[1])]


def fit_trees(x: np.ndarray, y: np.ndarray, margin: np.ndarray, rounds: int, depth: int = 2,
              rate: float = 0.05, leaf_l2: float = 1.0, min_weight: float = 5.0) -> dict:
    """``rounds`` trees fitted in turn to the gradient of the logistic loss at ``margin`` plus
    the trees before; the leaves are already multiplied by ``rate``."""
    cuts = cut_points(x)
    binned = np.stack([np.searchsorted(c, x[:, j], side="right") for j, c in enumerate(cuts)], axis=1)
    width = max(len(c) for c in cuts) + 1
    f = margin.astype(np.float64).copy()
    split_feature, split_at, leaves = [], [], []
    for _ in range(rounds):
        p = 1 / (1 + np.exp(-f))
        g, h = p - y, p * (1 - p)
        node = np.zeros(len(x), dtype=np.int64)
        features, at = [], []
        for level in range(depth):
            first = 2 ** level - 1
            for k in range(2 ** level):
                j, b = _best_split(binned, np.flatnonzero(node == first + k), g, h, width, leaf_l2, min_weight)
                features.append(j)
                at.append(float(cuts[j][b - 1]) if 0 < b <= len(cuts[j]) else np.inf)
            fj, tj = np.array(features[first:]), np.array(at[first:])
            k = node - first
            node = 2 * node + 1 + (x[np.arange(len(x)), fj[k]] >= tj[k])
        leaf = node - (2 ** depth - 1)
        value = -rate * np.bincount(leaf, g, 2 ** depth) / (np.bincount(leaf, h, 2 ** depth) + leaf_l2)
        f += value[leaf]
        split_feature.append(features)
        split_at.append(at)
        leaves.append(value)
    return {"depth": depth, "split_feature": np.array(split_feature, dtype=np.int64).reshape(rounds, -1),
            "split_at": np.array(split_at).reshape(rounds, -1), "leaf": np.array(leaves).reshape(rounds, -1)}


def _best_split(binned: np.ndarray, rows: np.ndarray, g: np.ndarray, h: np.ndarray, width: int,
                leaf_l2: float, min_weight: float) -> tuple[int, int]:
    """(feature, bin) of the best split of ``rows`` (bin ≥ it goes right); (0, width) — all
    left, no split — when none gains (ties go to the lower feature and bin)."""
    best, choice = 0.0, (0, width)
    if not len(rows):
        return choice
    gr, hr = g[rows], h[rows]
    total_g, total_h = gr.sum(), hr.sum()
    parent = total_g ** 2 / (total_h + leaf_l2)
    for j in range(binned.shape[1]):
        gl = np.bincount(binned[rows, j], gr, width).cumsum()[:-1]
        hl = np.bincount(binned[rows, j], hr, width).cumsum()[:-1]
        ok = (hl >= min_weight) & (total_h - hl >= min_weight)
        gain = np.where(ok, gl ** 2 / (hl + leaf_l2) + (total_g - gl) ** 2 / (total_h - hl + leaf_l2) - parent, 0.0)
        b = int(np.argmax(gain))
        if gain[b] > best + 1e-12:
            best, choice = float(gain[b]), (j, b + 1)
    return choice


def staged_margins(trees: dict, x: np.ndarray, stages: tuple[int, ...]) -> dict[int, np.ndarray]:
    """The trees' summed margin on ``x`` after each number of trees in ``stages``."""
    depth = trees["depth"]
    node = np.zeros((len(x), len(trees["leaf"])), dtype=np.int64)
    t = np.arange(len(trees["leaf"]))[None, :]
    rows = np.arange(len(x))[:, None]
    for _ in range(depth):
        node = 2 * node + 1 + (x[rows, trees["split_feature"][t, node]] >= trees["split_at"][t, node])
    cumulative = np.cumsum(trees["leaf"][t, node - (2 ** depth - 1)], axis=1)
    return {s: (cumulative[:, s - 1] if s else np.zeros(len(x))) for s in stages}
