"""MSRP: the pair scorer as a paraphrase classifier; logistic fit of the views on train only."""
from __future__ import annotations

import numpy as np

from align_data import read_msrp
from synopsis.core.features import COEFFICIENTS, Span, Weights, combine, extract, pair_views

FEATURES = [k for k in COEFFICIENTS if k != "bias"]


def views_of(rows: list[tuple[int, str, str]]) -> tuple[dict[str, np.ndarray], np.ndarray]:
    fa = [extract(s1, (), Span(0, len(s1)), "en") for _, s1, _ in rows]
    fb = [extract(s2, (), Span(0, len(s2)), "en") for _, _, s2 in rows]
    weights = Weights([f.bag for f in fa + fb])   # IDF over the split's sentences, no labels
    return pair_views(fa, fb, weights), np.array([y for y, _, _ in rows], dtype=np.float64)


def fit_logistic(views: dict[str, np.ndarray], y: np.ndarray, l2: float = 1e-3,
                 steps: int = 3000, rate: float = 0.5) -> dict[str, float]:
    """Plain gradient-descent logistic regression on standardised views; raw-scale coefficients."""
    x = np.stack([views[k] for k in FEATURES], axis=1)
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
    coef = {k: round(float(v), 4) for k, v in zip(FEATURES, raw)}
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
    # baseline: character ratio alone, threshold tuned on train
    t_chars = best_threshold(train_views["chars"], y_train)
    out["systems"]["baseline (char ratio)"] = metrics((test_views["chars"] >= t_chars) * 1.0, y_test)
    out["systems"]["majority class"] = metrics(np.ones_like(y_test), y_test)
    return out


if __name__ == "__main__":
    import json
    import sys
    print(json.dumps(evaluate(fit="--fit" in sys.argv), indent=1))
