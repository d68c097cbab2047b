"""Fit the pair model (``core/semantic/pair_model.py``) on MSRP train only and write its numbers
to ``core/semantic/pair_weights.py``.

    .venv/bin/python benchmarks/fit_pair_model.py            # fit, print the cross-validation, write
    .venv/bin/python benchmarks/fit_pair_model.py --dry-run  # fit and print only

Features: the engine's own (``pair_model.pair_table``) on each train pair, IDF over the
train sentences (no labels), the USE cosine of the two sentences. MSRP's pairs are all on one
story, so the fit also gets the pairs no comparison should link: each train sentence 1 with the
sentence 2 of the pair half the file away, labelled "not the same" (without them the model
rated a short line against any long one of a related article 0.99). The L2 strength is chosen by
10-fold cross-validation on train (three shuffles, mean accuracy on the MSRP pairs; the
mismatched pairs are in every training fold); the decision threshold for MSRP's "paraphrase" is
chosen on the out-of-fold probabilities of train. The test split is never read here
(``run_semantic.py --only msrp`` scores it).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "desktop"))

from align_data import read_msrp  # noqa: E402
from synopsis.core.features import Span, Weights, extract  # noqa: E402
from synopsis.core.semantic import encoders, models, vectors  # noqa: E402
from synopsis.core.semantic.pair_model import COSINE_TIMES, NGRAMS, pair_table  # noqa: E402

OUT = HERE.parent / "desktop" / "synopsis" / "core" / "semantic" / "pair_weights.py"
FEATURES = ("chars", "words", "rare", "numbers", "names", "length", "num_conflict", "contain", "unmatched",
            "tokens", "bigrams", "cov_min", "cov_max", "un_min", "un_max", "unw_min", "unw_max", "len_diff",
            "len_log", "names_only", "nums_only", "nums_both", "lcs", "wed",
            *(f"ng{n}_{m}" for n in NGRAMS for m in ("min", "max")),
            "cos", "cos_sq", *(f"cos_x_{name}" for name in COSINE_TIMES))
L2_GRID = (1e-4, 3e-4, 1e-3, 3e-3)
FOLDS, SHUFFLES = 10, 3


def msrp_table(split: str, spec: models.ModelSpec = models.DEFAULT, mismatched: bool = False
               ) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """The pair model's features of every pair of MSRP ``split`` and the labels; with
    ``mismatched``, of each sentence 1 with the sentence 2 half the split away instead (all 0)."""
    rows = read_msrp(split)
    fa = [extract(s1, (), Span(0, len(s1)), "en") for _, s1, _ in rows]
    fb = [extract(s2, (), Span(0, len(s2)), "en") for _, _, s2 in rows]
    weights = Weights([f.bag for f in fa + fb])     # IDF over the split's sentences, no labels
    encoder = encoders.load(spec)
    va = vectors.embed([r[1] for r in rows], encoder).vectors
    vb = vectors.embed([r[2] for r in rows], encoder).vectors
    labels = np.array([y for y, _, _ in rows], dtype=np.float64)
    if mismatched:
        other = [(k + len(rows) // 2) % len(rows) for k in range(len(rows))]
        fb, vb, labels = [fb[k] for k in other], vb[other], np.zeros(len(rows))
    return pair_table(fa, fb, weights, np.einsum("ij,ij->i", va, vb)), labels


def fit(x: np.ndarray, y: np.ndarray, l2: float, iters: int = 25) -> dict:
    """L2-regularised logistic regression by Newton's method on standardised features."""
    mean, scale = x.mean(0), x.std(0) + 1e-9
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    reg = np.full(z.shape[1], l2 * len(x))
    reg[-1] = 0.0
    for _ in range(iters):
        p = 1 / (1 + np.exp(-z @ w))
        grad = z.T @ (p - y) + reg * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(reg) + 1e-9 * np.eye(len(w))
        w -= np.linalg.solve(hess, grad)
    return {"mean": mean, "scale": scale, "weights": w[:-1], "bias": float(w[-1])}


def predict(model: dict, x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(((x - model["mean"]) / model["scale"]) @ model["weights"] + model["bias"])))


def best_threshold(p: np.ndarray, y: np.ndarray) -> float:
    grid = np.round(np.linspace(0.05, 0.95, 181), 3)
    accuracy = [((p >= t) == (y == 1)).mean() for t in grid]
    return float(grid[int(np.argmax(accuracy))])


def out_of_fold(x: np.ndarray, y: np.ndarray, apart: np.ndarray, l2: float, seed: int) -> np.ndarray:
    """Out-of-fold probabilities of the MSRP pairs ``x``; ``apart`` (the mismatched pairs, all
    0) is in every training fold."""
    order = np.random.default_rng(seed).permutation(len(y))
    p = np.zeros(len(y))
    for part in np.array_split(order, FOLDS):
        rest = np.setdiff1d(order, part)
        model = fit(np.vstack([x[rest], apart]), np.concatenate([y[rest], np.zeros(len(apart))]), l2)
        p[part] = predict(model, x[part])
    return p


def main(argv: list[str]) -> None:
    table, y = msrp_table("train")
    x = np.stack([table[name] for name in FEATURES], axis=1)
    apart_table, _ = msrp_table("train", mismatched=True)
    apart = np.stack([apart_table[name] for name in FEATURES], axis=1)
    scores = {}
    for l2 in L2_GRID:
        oof = [out_of_fold(x, y, apart, l2, seed) for seed in range(SHUFFLES)]
        scores[l2] = (float(np.mean([((p >= best_threshold(p, y)) == (y == 1)).mean() for p in oof])), oof)
        print(f"l2 {l2:g}: 10-fold accuracy on train {scores[l2][0]:.4f}", flush=True)
    l2 = max(L2_GRID, key=lambda k: (scores[k][0], -k))
    threshold = best_threshold(np.concatenate(scores[l2][1]), np.tile(y, SHUFFLES))
    model = fit(np.vstack([x, apart]), np.concatenate([y, np.zeros(len(apart))]), l2)
    data = {"features": list(FEATURES), "mean": [round(float(v), 6) for v in model["mean"]],
            "scale": [round(float(v), 6) for v in model["scale"]],
            "weights": [round(float(v), 6) for v in model["weights"]], "bias": round(model["bias"], 6),
            "msrp_threshold": threshold, "l2": l2, "cv_accuracy": round(scores[l2][0], 4),
            "fitted_on": "MSRP train (4,076 pairs and as many mismatched), benchmarks/fit_pair_model.py"}
    print(f"chosen l2 {l2:g}, threshold {threshold} (out-of-fold on train)")
    if "--dry-run" in argv:
        return
    OUT.write_text(
        '"""The pair model\'s numbers (``pair_model.PairModel``), by embedding model. Written by\n'
        '``benchmarks/fit_pair_model.py`` (MSRP train only); do not edit by hand."""\n\n'
        "FITTED = " + json.dumps({models.DEFAULT.name: data}, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main(sys.argv[1:])
