"""Fit the pair model (``core/semantic/pair_model.py``) on MSRP train only and write its numbers
to ``core/semantic/pair_weights.py``.

    .venv/bin/python benchmarks/fit_pair_model.py            # fit, print the cross-validation, write
    .venv/bin/python benchmarks/fit_pair_model.py --dry-run  # fit and print only

Features: the engine's own (``pair_model.pair_table``) on each train pair, IDF over the
train sentences (no labels), the USE cosine of the two sentences and the element-wise product
of their unit vectors (its 512 weights under a penalty of their own). MSRP's pairs are all on
one story, so the fit also gets the pairs no comparison should link: each train sentence 1 with
the sentence 2 of the pair half the file away, labelled "not the same" (without them the model
rated a short line against any long one of a related article 0.99). The L2 strength of the
named features is chosen by 10-fold cross-validation on train (three shuffles, mean accuracy on
the MSRP pairs; the mismatched pairs are in every training fold), then the products' own
(``PRODUCT_L2_GRID``) the same way; then, with that regression fixed, how many boosted trees
(``boosting.py``) to add from its margin (``TREE_STAGES``, 0 included), the same way. The
decision threshold for MSRP's "paraphrase" is chosen on the out-of-fold probabilities
of train. The test split is never read here (``run_semantic.py --only msrp`` scores it).
"""
from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "desktop"))

import boosting  # noqa: E402
from align_data import read_msrp  # noqa: E402
from synopsis.core.features import Span, Weights, extract  # noqa: E402
from synopsis.core.semantic import encoders, models, vectors  # noqa: E402
from synopsis.core.semantic.pair_model import CHAR_NGRAMS, COSINE_TIMES, NGRAMS, pair_table  # noqa: E402

OUT = HERE.parent / "desktop" / "synopsis" / "core" / "semantic" / "pair_weights.py"
FEATURES = ("chars", "words", "rare", "numbers", "names", "length", "num_conflict", "contain", "unmatched",
            "tokens", "partial", "bigrams", "cov_min", "cov_max", "un_min", "un_max", "unw_min", "unw_max", "len_diff",
            "len_log", "names_only", "nums_only", "nums_both", "lcs", "wed",
            *(f"ng{n}_{m}" for n in NGRAMS for m in ("min", "max")),
            *(f"ch{n}_{m}" for n in CHAR_NGRAMS for m in ("min", "max")),
            "names_jac", "nums_jac", "neg_diff", "neg_only",
            "cos", "cos_sq", *(f"cos_x_{name}" for name in COSINE_TIMES))
# Each point of a grid costs thirty fits, so the grids are narrow: without the products an L2 of
# 1e-5 to 1e-3 was tried (3e-5 won, 0.786), and with them, in a sweep of the regression alone
# over two shuffles, a product L2 of 0.03, 0.3 and 3 (0.779, 0.788, 0.787)
L2_GRID = (3e-5,)
PRODUCT_L2_GRID = (1.0, 3.0)             # the first is used while L2_GRID is searched
TREE_STAGES = (0, 40, 80, 120)           # trees of depth TREE_DEPTH, learning rate TREE_RATE
TREE_DEPTH, TREE_RATE = 2, 0.05
FOLDS, SHUFFLES = 10, 3


def msrp_table(split: str, spec: models.ModelSpec = models.DEFAULT, mismatched: bool = False
               ) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """The pair model's features of every pair of MSRP ``split`` and the labels; with
    ``mismatched``, of each sentence 1 with the sentence 2 half the split away instead (all 0)."""
    fa, fb, weights, va, vb, labels = _embedded(split, spec)
    if mismatched:
        other = [(k + len(fa) // 2) % len(fa) for k in range(len(fa))]
        fb, vb, labels = [fb[k] for k in other], vb[other], np.zeros(len(fa))
    return pair_table(fa, fb, weights, np.einsum("ij,ij->i", va, vb), va * vb), labels


def design(table: dict[str, np.ndarray]) -> np.ndarray:
    """The regression's columns: the named features (``FEATURES``, what the trees read), then
    the vector products."""
    return np.hstack([np.stack([table[name] for name in FEATURES], axis=1), table["products"]])


@functools.lru_cache(maxsize=4)
def _embedded(split: str, spec: models.ModelSpec) -> tuple:
    """The features, word weights, sentence vectors and labels of MSRP ``split`` (made once)."""
    rows = read_msrp(split)
    fa = [extract(s1, (), Span(0, len(s1)), "en") for _, s1, _ in rows]
    fb = [extract(s2, (), Span(0, len(s2)), "en") for _, _, s2 in rows]
    weights = Weights([f.bag for f in fa + fb])     # IDF over the split's sentences, no labels
    encoder = encoders.load(spec)
    va = vectors.embed([r[1] for r in rows], encoder).vectors
    vb = vectors.embed([r[2] for r in rows], encoder).vectors
    return fa, fb, weights, va, vb, np.array([y for y, _, _ in rows], dtype=np.float64)


def fit(x: np.ndarray, y: np.ndarray, l2: float, product_l2: float, iters: int = 25) -> dict:
    """L2-regularised logistic regression by Newton's method on standardised features (the
    named ones under ``l2``, the vector products under ``product_l2``), until a step moves no
    weight by 1e-6 (in standard units)."""
    mean, scale = x.mean(0), x.std(0) + 1e-9
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    reg = np.full(z.shape[1], product_l2 * len(x))
    reg[:len(FEATURES)] = l2 * len(x)
    reg[-1] = 0.0
    for _ in range(iters):
        p = 1 / (1 + np.exp(-z @ w))
        grad = z.T @ (p - y) + reg * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(reg) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return {"mean": mean, "scale": scale, "weights": w[:-1], "bias": float(w[-1])}


def predict(model: dict, x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(((x - model["mean"]) / model["scale"]) @ model["weights"] + model["bias"])))


def best_threshold(p: np.ndarray, y: np.ndarray) -> float:
    grid = np.round(np.linspace(0.05, 0.95, 181), 3)
    accuracy = [((p >= t) == (y == 1)).mean() for t in grid]
    return float(grid[int(np.argmax(accuracy))])


def margin(model: dict, x: np.ndarray) -> np.ndarray:
    return ((x - model["mean"]) / model["scale"]) @ model["weights"] + model["bias"]


def out_of_fold(x: np.ndarray, y: np.ndarray, apart: np.ndarray, l2: tuple[float, float], seed: int,
                stages: tuple[int, ...] = ()) -> np.ndarray | dict[int, np.ndarray]:
    """Out-of-fold probabilities of the MSRP pairs ``x`` (``design``'s columns); ``apart`` (the
    mismatched pairs, all 0) is in every training fold; ``l2``: the two L2 strengths. With
    ``stages``, per number of boosted trees added to the regression."""
    order = np.random.default_rng(seed).permutation(len(y))
    p = {s: np.zeros(len(y)) for s in stages} if stages else np.zeros(len(y))
    for part in np.array_split(order, FOLDS):
        rest = np.setdiff1d(order, part)
        xt, yt = np.vstack([x[rest], apart]), np.concatenate([y[rest], np.zeros(len(apart))])
        model = fit(xt, yt, *l2)
        if not stages:
            p[part] = predict(model, x[part])
            continue
        named = len(FEATURES)
        trees = boosting.fit_trees(xt[:, :named], yt, margin(model, xt), max(stages), TREE_DEPTH, TREE_RATE)
        for s, extra in boosting.staged_margins(trees, x[part, :named], stages).items():
            p[s][part] = 1 / (1 + np.exp(-(margin(model, x[part]) + extra)))
    return p


def accuracy_at_best(p: np.ndarray, y: np.ndarray) -> float:
    return float(((p >= best_threshold(p, y)) == (y == 1)).mean())


def main(argv: list[str]) -> None:
    table, y = msrp_table("train")
    x = design(table)
    apart = design(msrp_table("train", mismatched=True)[0])
    l2 = _chosen_l2(x, y, apart)
    staged = [out_of_fold(x, y, apart, l2, seed, TREE_STAGES) for seed in range(SHUFFLES)]
    by_stage = {s: float(np.mean([accuracy_at_best(p[s], y) for p in staged])) for s in TREE_STAGES}
    for s, score in by_stage.items():
        print(f"l2 {l2[0]:g}, products {l2[1]:g} and {s} trees: 10-fold accuracy on train {score:.4f}", flush=True)
    rounds = max(TREE_STAGES, key=lambda s: (by_stage[s], -s))
    threshold = best_threshold(np.concatenate([p[rounds] for p in staged]), np.tile(y, SHUFFLES))
    xt, yt = np.vstack([x, apart]), np.concatenate([y, np.zeros(len(apart))])
    model = fit(xt, yt, *l2)
    named = len(FEATURES)
    trees = boosting.fit_trees(xt[:, :named], yt, margin(model, xt), rounds, TREE_DEPTH, TREE_RATE) if rounds else None
    data = {**model_data(model, trees), "msrp_threshold": threshold, "l2": l2[0], "product_l2": l2[1],
            "tree_rounds": rounds, "cv_accuracy": round(by_stage[rounds], 4),
            "fitted_on": "MSRP train (4,076 pairs and as many mismatched), benchmarks/fit_pair_model.py"}
    print(f"chosen l2 {l2[0]:g}, products {l2[1]:g}, {rounds} trees, threshold {threshold} (out-of-fold on train)")
    if "--dry-run" in argv:
        return
    write_weights({models.DEFAULT.name: data})
    print(f"wrote {OUT.relative_to(HERE.parent)}")


def _chosen_l2(x: np.ndarray, y: np.ndarray, apart: np.ndarray) -> tuple[float, float]:
    """The L2 strength of the named features (``L2_GRID``, the products' at the first of
    ``PRODUCT_L2_GRID``), then the products' (``PRODUCT_L2_GRID``), each by the regression's
    10-fold accuracy on train; ties go to the weaker penalty of the named features and the
    stronger one of the products."""
    def score(pair: tuple[float, float]) -> float:
        oof = [out_of_fold(x, y, apart, pair, seed) for seed in range(SHUFFLES)]
        value = float(np.mean([accuracy_at_best(p, y) for p in oof]))
        print(f"l2 {pair[0]:g}, products {pair[1]:g}: 10-fold accuracy on train {value:.4f}", flush=True)
        return value
    first = PRODUCT_L2_GRID[0]
    named = {l2: score((l2, first)) for l2 in L2_GRID}
    l2 = max(L2_GRID, key=lambda k: (named[k], -k))
    products = {first: named[l2], **{k: score((l2, k)) for k in PRODUCT_L2_GRID[1:]}}
    return l2, max(PRODUCT_L2_GRID, key=lambda k: (products[k], k))


def model_data(model: dict, trees: dict | None) -> dict:
    """The regression's and the trees' numbers as ``pair_model.PairModel.from_data`` reads them
    (the split points unrounded: a pair exactly at one goes the way it went in the fit). The
    products' weights are folded with their standardisation (weight / scale, the mean's share
    moved into the bias): the app multiplies the raw products."""
    named = len(FEATURES)
    mean, scale, weights = model["mean"], model["scale"], model["weights"]
    product_weights = weights[named:] / scale[named:]
    bias = model["bias"] - float(mean[named:] @ product_weights)
    return {"features": list(FEATURES), "mean": [round(float(v), 6) for v in mean[:named]],
            "scale": [round(float(v), 6) for v in scale[:named]],
            "weights": [round(float(v), 6) for v in weights[:named]], "bias": round(bias, 6),
            "product_weights": [round(float(v), 6) for v in product_weights],
            "trees": None if trees is None else {
                "depth": trees["depth"], "split_feature": trees["split_feature"].tolist(),
                "split_at": [[float(v) if np.isfinite(v) else 1e300 for v in row] for row in trees["split_at"]],
                "leaf": [[round(float(v), 6) for v in row] for row in trees["leaf"]]}}


def write_weights(fitted: dict) -> None:
    """``pair_weights.py``: the fitted numbers as a Python literal, a list of numbers a line."""
    OUT.write_text(
        '"""The pair model\'s numbers (``pair_model.PairModel``), by embedding model. Written by\n'
        '``benchmarks/fit_pair_model.py`` (MSRP train only); do not edit by hand."""\n\n'
        "FITTED = " + _literal(fitted, 0) + "\n", encoding="utf-8")


def _literal(value, depth: int) -> str:
    """JSON (a Python literal here): dicts a key a line, a list of numbers or names on one line,
    a list of lists a row a line."""
    pad = " " * (depth + 1)
    if isinstance(value, dict):
        items = [f"{pad}{json.dumps(k)}: {_literal(v, depth + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * depth + "}"
    if isinstance(value, list) and value and isinstance(value[0], list):
        return "[\n" + ",\n".join(pad + json.dumps(row) for row in value) + "\n" + " " * depth + "]"
    return "None" if value is None else json.dumps(value)


if __name__ == "__main__":
    main(sys.argv[1:])
