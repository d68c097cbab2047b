"""Passage alignment (interim: a greedy one-to-one matcher over all pairs)."""
from __future__ import annotations

from typing import Callable

import numpy as np
from rapidfuzz import fuzz, process

from .config import Settings
from .model import Document, Link, Repeat

Progress = Callable[[str, float], None]


def align(doc_a: Document, doc_b: Document, settings: Settings,
          check: Callable[[], None] = lambda: None) -> tuple[list[Link], list[Repeat]]:
    texts_a = [doc_a.text[s.start:s.end].lower() for s in doc_a.segments]
    texts_b = [doc_b.text[s.start:s.end].lower() for s in doc_b.segments]
    if not texts_a or not texts_b:
        return [], []
    scores = process.cdist(texts_a, texts_b, scorer=fuzz.ratio, dtype=np.float32, workers=1) / 100.0
    check()
    floor = min(settings.paraphrase_threshold, 0.3)
    links: list[Link] = []
    used_b: set[int] = set()
    order = np.dstack(np.unravel_index(np.argsort(-scores, axis=None), scores.shape))[0]
    used_a: set[int] = set()
    for i, j in order:
        score = float(scores[i, j])
        if score < floor:
            break
        if i in used_a or j in used_b:
            continue
        used_a.add(int(i))
        used_b.add(int(j))
        label = "shared" if score >= settings.shared_threshold else "paraphrased"
        links.append(Link(a=[int(i)], b=[int(j)], label=label, score=score, scores={"chars": score}))
    links.sort(key=lambda link: link.a[0])
    return links, []
