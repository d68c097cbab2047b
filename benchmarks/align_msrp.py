"""MSRP: the pair scorer as a paraphrase classifier; logistic fit of the views on train only.

The aligner computes only the views its combination weighs (``features.VIEWS``). The fitted
classifier here also uses four more that the aligner gave weight 0 and no longer computes
(``EXTRA_VIEWS``: token-set ratio, containment, stem bigrams, unmatched weight); they are made
here, for this benchmark only, and the figure with the aligner's views alone is reported too.
"""
from __future__ import annotations

import math

import numpy as np
from rapidfuzz import fuzz, process

from align_data import read_msrp
from synopsis.core.features import COEFFICIENTS, Span, Weights, combine, extract, pair_views

EXTRA_VIEWS = ("tokens", "contain", "bigrams", "unmatched")
ENGINE_FEATURES = [k for k in COEFFICIENTS if k != "bias"]
FEATURES = ENGINE_FEATURES + list(EXTRA_VIEWS)


def extra_views(fa: list, fb: list, weights: Weights) -> dict[str, np.ndarray]:
    """The four views only this benchmark uses, for the element-wise pairs (fa[k], fb[k])."""
    out = {"tokens": process.cpdist([f.text for f in fa], [f.text for f in fb], scorer=fuzz.token_set_ratio,
                                    workers=1).astype(np.float64) / 100}
    contain, bigrams, unmatched = (np.zeros(len(fa)) for _ in range(3))
    for k, (x, y) in enumerate(zip(fa, fb)):
        wx = sum(weights.idf_of(t) * c for t, c in x.bag.items())
        wy = sum(weights.idf_of(t) * c for t, c in y.bag.items())
        shared = sum(weights.idf_of(t) * min(c, y.bag[t]) for t, c in x.bag.items() if t in y.bag)
        contain[k] = min(shared / min(wx, wy), 1.0) if min(wx, wy) > 0 else 0.0
        unmatched[k] = math.log1p(max(wx + wy - 2 * shared, 0.0))
        bx, by = set(zip(x.stems, x.stems[1:])), set(zip(y.stems, y.stems[1:]))
        bigrams[k] = len(bx & by) / len(bx | by) if bx or by else 0.0
    out.update(contain=contain, bigrams=bigrams, unmatched=unmatched)
    return out


def views_of(rows: list[tuple[int, str, str]]) -> tuple[dict[str, np.ndarray], np.ndarray]:
    fa = [extract(s1, (), Span(0, len(s1)), "en") for _, s1, _ in rows]
    fb = [extract(s2, (), Span(0, len(s2)), "en") for _, _, s2 in rows]
    weights = Weights([f.bag for f in fa + fb])   # IDF over the split's sentences, no labels
    views = pair_views(fa, fb, weights)
    views.update(extra_views(fa, fb, weights))
    return views, np.array([y for y, _, _ in rows], dtype=np.float64)


def fit_logistic(views: dict[str, np.ndarray], y: np.ndarray, l2: float = 1e-3,
                 steps: int = 3000, rate: float = 0.5, features: list[str] = FEATURES) -> dict[str, float]:
    """Plain gradient-descent logistic regression on standardised views; raw-scale coefficients."""
    x = np.stack([views[k] for k in features], axis=1)
    mean, std = x.mean(0), x.std(0) + 1e-9
    z = (x - mean) / std
    w = np.zeros(z.shape[1])
    b = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(z @ w + b)))
        grad = p - y
        w -= rate * (z.T @ grad / len(y) + l2 * w)
        b -= rate * grad.mean()
    raw = w / std
    coef = {k: round(float(v), 4) for k, v in zip(features, raw)}
    coef["bias"] = round(float(b - (raw * mean).sum()), 4)
    return coef


def best_threshold(scores: np.ndarray, y: np.ndarray) -> float:
    grid = np.linspace(0.05, 0.95, 181)
    acc = [((scores >= t) == (y == 1)).mean() for t in grid]
    return float(grid[int(np.argmax(acc))])


def metrics(pred: np.ndarray, y: np.ndarray) -> dict[str, float]:
    tp = float(((pred == 1) & (y == 1)).sum())
    fp = float(((pred == 1) & (y == 0)).sum())
    fn = float(((pred == 0) & (y == 1)).sum())
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"accuracy": float((pred == y).mean()), "precision": prec, "recall": rec, "f1": f1}


def evaluate(fit: bool = False) -> dict:
    train_views, y_train = views_of(read_msrp("train"))
    test_views, y_test = views_of(read_msrp("test"))
    coef = fit_logistic(train_views, y_train) if fit else dict(COEFFICIENTS)
    threshold = best_threshold(combine(train_views, coef), y_train)
    out = {"coefficients": coef, "threshold": threshold, "systems": {}}
    test_scores = combine(test_views, coef)
    out["systems"]["synopsis (logistic over views)"] = metrics((test_scores >= threshold) * 1.0, y_test)
    if fit:     # the same fit over the aligner's own views only
        own = fit_logistic(train_views, y_train, features=ENGINE_FEATURES)
        own_threshold = best_threshold(combine(train_views, own), y_train)
        out["systems"]["synopsis, the aligner's views only"] = metrics(
            (combine(test_views, own) >= own_threshold) * 1.0, y_test)
    # baseline: character ratio alone, threshold tuned on train
    t_chars = best_threshold(train_views["chars"], y_train)
    out["systems"]["baseline (char ratio)"] = metrics((test_views["chars"] >= t_chars) * 1.0, y_test)
    out["systems"]["majority class"] = metrics(np.ones_like(y_test), y_test)
    return out


if __name__ == "__main__":
    import json
    import sys
    print(json.dumps(evaluate(fit="--fit" in sys.argv), indent=1))
