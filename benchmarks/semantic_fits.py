"""Data for the same-language blend fit (``run_semantic.py --blend``), development data only:
the candidate pairs of the WMT19 printed pairs of the tuning seed (101) whose two passages
were embedded, labelled by the gold, and the MSRP training pairs (statements on one story that
are or are not paraphrases)."""
from __future__ import annotations

import numpy as np

import printed_pairs as printed_mod
from align_data import read_msrp
from synopsis.core import Settings
from synopsis.core import align as align_mod
from synopsis.core.features import combine
from synopsis.core.model import Document
from synopsis.core.pipeline import prepare
from synopsis.core.semantic import encoders, vectors
from synopsis.core.semantic.models import ModelSpec
from synopsis.core.semantic import same_language
from synopsis.core.semantic.same_language import MeaningView


class RecordingView(MeaningView):
    """A meaning view that keeps (word score, cosine) of every pair it scores; every view
    made while recording is kept in ``made``."""

    seen: dict
    made: list = []

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        RecordingView.made.append(self)

    def rescore(self, pairs, word):
        out, cosines = super().rescore(pairs, word)
        self.seen = getattr(self, "seen", {})
        for k, pq in enumerate(pairs):
            if not np.isnan(cosines[k]):
                self.seen[pq] = (float(word[k]), float(cosines[k]))
        return out, cosines


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-4, 1 - 1e-4)
    return np.log(p / (1 - p))


def blend_rows(spec: ModelSpec) -> tuple[np.ndarray, np.ndarray]:
    encoder = encoders.load(spec)
    rows, labels = [], []
    for pair in printed_mod.printed_pairs(20, seed=101):
        docs = [prepare(Document(t, "", "", "", language="de"), Settings()) for t in (pair.text_a, pair.text_b)]
        views = RecordingView.made = []
        same_language.MeaningView = RecordingView      # the aligner's views record, for this fit only
        try:
            align_mod.align(docs[0], docs[1], Settings(meaning_model=spec.name))
        finally:
            same_language.MeaningView = MeaningView
        live = [[s for s in d.segments if not s.is_debris and len(s.core_span)] for d in docs]
        gold = {(k, j) for j, (k, _) in pair.gold.items()}
        seen = {pq: wc for view in views for pq, wc in getattr(view, "seen", {}).items()}
        for (p, q), (word, cos) in seen.items():
            a = printed_mod.sentence_of(pair.starts_a, live[0][p].start)
            b = printed_mod.sentence_of(pair.starts_b, live[1][q].start)
            rows.append((word, cos))
            labels.append(int((a, b) in gold))
    import align_msrp as am
    train = read_msrp("train")
    views, y = am.views_of(train)
    va = vectors.embed([r[1] for r in train], encoder).vectors
    vb = vectors.embed([r[2] for r in train], encoder).vectors
    rows += list(zip(combine(views), np.einsum("ij,ij->i", va, vb)))
    labels += list(y.astype(int))
    x = np.array(rows)
    return np.stack([_logit(x[:, 0]), x[:, 1]], axis=1), np.array(labels)
