"""The naive aligner the real one is measured against: all pairs, character ratio, greedy.

It aligns and decides in one step (links, not candidates), on the documents the real engine
prepared, so the benchmarks can set the two side by side.
"""
from __future__ import annotations

from typing import Callable

import numpy as np
from rapidfuzz import fuzz, process

from .config import Settings
from .features import normalise
from .model import Document, Link, Repeat

THRESHOLD = 0.5  # character ratio at or above which the baseline links a pair


def align(doc_a: Document, doc_b: Document, settings: Settings,
          check: Callable[[], None] = lambda: None) -> tuple[list[Link], list[Repeat]]:
    ids_a = [s.id for s in doc_a.segments if not s.is_debris]
    ids_b = [s.id for s in doc_b.segments if not s.is_debris]
    if not ids_a or not ids_b:
        return [], []
    texts_a = [normalise(doc_a.segment_text(i)) for i in ids_a]
    texts_b = [normalise(doc_b.segment_text(j)) for j in ids_b]
    scores = process.cdist(texts_a, texts_b, scorer=fuzz.ratio, dtype=np.float32, workers=1) / 100.0
    check()
    links: list[Link] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for flat in np.argsort(-scores, axis=None, kind="stable"):
        p, q = divmod(int(flat), scores.shape[1])
        score = float(scores[p, q])
        if score < THRESHOLD:
            break
        if p in used_a or q in used_b:
            continue
        used_a.add(p)
        used_b.add(q)
        label = "shared" if score >= settings.shared_threshold else "paraphrased"
        links.append(Link(a=[ids_a[p]], b=[ids_b[q]], label=label, score=score,
                          scores={"chars": score}))
    links.sort(key=lambda link: link.a[0])
    return links, []
