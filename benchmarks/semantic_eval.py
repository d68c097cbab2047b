"""Scoring for the meaning benchmarks: Text+Berg (strict/lax, Sennrich & Volk 2010), the
bilingual news pairs (links within their parallel units), and the meaning-score calibration.
"""
from __future__ import annotations

import ast
import bisect
from dataclasses import dataclass

import numpy as np

from align_data import data_dir
from news_data import NewsPair
from synopsis.core import Settings
from synopsis.core.model import Document, Report
from synopsis.core.pipeline import prepare
from synopsis.core.semantic import blocks, encoders, vectors
from synopsis.core.semantic.models import ModelSpec
from synopsis.core.semantic.translation import live_segments

Alignment = list[tuple[tuple[int, ...], tuple[int, ...]]]


# -- Text+Berg ------------------------------------------------------------------------------

def text_berg(name: str) -> tuple[list[str], list[str], Alignment]:
    """German lines, French lines and the gold alignment of ``dev`` or ``test0`` … ``test6``."""
    folder = data_dir() / "text_berg_bleualign"
    de = (folder / f"{name}.de").read_text(encoding="utf-8").splitlines()
    fr = (folder / f"{name}.fr").read_text(encoding="utf-8").splitlines()
    gold = []
    for line in (folder / f"{name}.defr").read_text(encoding="utf-8").splitlines():
        left, right = line.strip().split(":")
        gold.append((tuple(ast.literal_eval(left)), tuple(ast.literal_eval(right))))
    return de, fr, gold


def _counts(gold: Alignment, test: Alignment) -> tuple[int, int, int, int]:
    """(strict right, strict wrong, lax right, lax wrong) of ``test`` links judged by ``gold``.

    Strict: the link is one of gold's. Lax: it is not, but one of its source sentences is in a
    gold link together with one of its target sentences."""
    gold_set = {(tuple(a), tuple(b)) for a, b in gold if a or b}
    partners: dict[int, set[int]] = {}
    for a, b in gold_set:
        for i in a:
            partners.setdefault(i, set()).update(b)
    sr = sw = lr = lw = 0
    for a, b in {(tuple(a), tuple(b)) for a, b in test if a or b}:
        if (a, b) in gold_set:
            sr, lr = sr + 1, lr + 1
            continue
        sw += 1
        near = set().union(*(partners.get(i, set()) for i in a)) if a else set()
        if near & set(b):
            lr += 1
        else:
            lw += 1
    return sr, sw, lr, lw


def strict_lax(golds: list[Alignment], tests: list[Alignment]) -> dict[str, tuple[float, float, float]]:
    """Precision, recall and F1, strict and lax, over all documents together.

    Precision judges every test link (sentences left out included) against gold; recall judges
    gold's links of two non-empty sides against the test's of two non-empty sides."""
    p = np.zeros(4)
    r = np.zeros(4)
    for gold, test in zip(golds, tests):
        p += _counts(gold, test)
        both = lambda links: [(a, b) for a, b in links if a and b]      # noqa: E731
        r += _counts(both(test), both(gold))
    out = {}
    for name, (right, wrong) in (("strict", (0, 1)), ("lax", (2, 3))):
        precision = p[right] / max(1.0, p[right] + p[wrong])
        recall = r[right] / max(1.0, r[right] + r[wrong])
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[name] = (round(precision, 3), round(recall, 3), round(f1, 3))
    return out


# -- news pairs -----------------------------------------------------------------------------

@dataclass
class PreparedPair:
    pair: NewsPair
    doc_a: Document
    doc_b: Document

    @classmethod
    def of(cls, pair: NewsPair, settings: Settings | None = None) -> "PreparedPair":
        docs = []
        for text, language in ((pair.text_a, pair.language_a), (pair.text_b, pair.language_b)):
            doc = Document(text=text, title=pair.name, source=pair.name, sha256="")
            docs.append(prepare(doc, (settings or Settings()).replace(language=language)))
        return cls(pair, *docs)

    def units(self) -> tuple[dict[int, int], dict[int, int]]:
        """The unit of every segment of A and of B (the unit its first character is in)."""
        out = []
        for side, doc in ((0, self.doc_a), (1, self.doc_b)):
            starts = self.pair.unit_starts(side)
            out.append({s.id: bisect.bisect_right(starts, s.start) - 1 for s in doc.segments})
        return out[0], out[1]


def unit_f1(prepared: list[PreparedPair], links: list[list[tuple[list[int], list[int]]]]) -> tuple[float, float, float]:
    """Precision, recall and F1 of links, sentence by sentence.

    A link is right when all its sentences lie in one unit of A and one of B that translate
    each other. Precision: the share of linked sentences that are in right links; recall: the
    share of sentences with a counterpart (debris aside) that are in right links."""
    right_p = all_p = right_r = all_r = 0
    for prep, found in zip(prepared, links):
        unit_a, unit_b = prep.units()
        gold = {(a, b) for b, a in prep.pair.gold.items()}
        live_a = {i for i in live_segments(prep.doc_a)[0] if unit_a[i] in prep.pair.gold.values()}
        live_b = {j for j in live_segments(prep.doc_b)[0] if unit_b[j] in prep.pair.gold}
        all_r += len(live_a) + len(live_b)
        for a, b in found:
            if not a or not b:
                continue
            all_p += len(a) + len(b)
            ua, ub = {unit_a[i] for i in a}, {unit_b[j] for j in b}
            if len(ua) == 1 and len(ub) == 1 and (min(ua), min(ub)) in gold:
                right_p += len(a) + len(b)
                right_r += len(set(a) & live_a) + len(set(b) & live_b)
    precision = right_p / max(1, all_p)
    recall = right_r / max(1, all_r)
    return (round(precision, 3), round(recall, 3),
            round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0)


def report_links(report: Report) -> list[tuple[list[int], list[int]]]:
    return [(list(link.a), list(link.b)) for link in report.links]


# -- calibration -----------------------------------------------------------------------------

def calibration_rows(prepared: list[PreparedPair], spec: ModelSpec, store=None,
                     neighbours: int = 4, negatives: int = 6, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """(cosine, neighbour-relative cosine) of sentence pairs, and 1 where they translate each
    other: every single-sentence unit with its counterpart, and ``negatives`` other sentences
    of the same article pair for each of them (the nearest ones and random ones)."""
    rng = np.random.default_rng(seed)
    encoder = encoders.load(spec)
    features, labels = [], []
    for prep in prepared:
        ids_a, texts_a = live_segments(prep.doc_a)
        ids_b, texts_b = live_segments(prep.doc_b)
        va = vectors.embed(texts_a, encoder, store=store).vectors
        vb = vectors.embed(texts_b, encoder, store=store).vectors
        near_a, near_b = blocks.neighbour_means(va, vb, neighbours)
        sims = va @ vb.T
        unit_a, unit_b = prep.units()
        rows_of_unit_a: dict[int, list[int]] = {}
        rows_of_unit_b: dict[int, list[int]] = {}
        for r, i in enumerate(ids_a):
            rows_of_unit_a.setdefault(unit_a[i], []).append(r)
        for r, j in enumerate(ids_b):
            rows_of_unit_b.setdefault(unit_b[j], []).append(r)
        for ub, ua in prep.pair.gold.items():
            ra, rb = rows_of_unit_a.get(ua, []), rows_of_unit_b.get(ub, [])
            if len(ra) != 1 or len(rb) != 1:
                continue
            p, q = ra[0], rb[0]
            others = [x for x in np.argsort(-sims[p])[:negatives // 2] if x != q]
            others += list(rng.choice(len(ids_b), size=min(len(ids_b), negatives // 2), replace=False))
            for x, label in [(q, 1)] + [(int(o), 0) for o in others if o != q]:
                cos = sims[p, x]
                features.append((cos, 2 * cos - near_a[p] - near_b[x]))
                labels.append(label)
    return np.array(features), np.array(labels)


def fit_logistic(features: np.ndarray, labels: np.ndarray, steps: int = 200) -> np.ndarray:
    """Weights (…, bias) of a logistic regression, by Newton's method with a tiny ridge."""
    x = np.hstack([features, np.ones((len(features), 1))])
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ w))
        gradient = x.T @ (p - labels) + 1e-3 * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + 1e-3 * np.eye(len(w))
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w

