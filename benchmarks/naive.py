"""The naive aligner every figure stands beside: pySBD sentences, RapidFuzz ``token_set_ratio``
over all pairs, greedy one-to-one at 60 or more (shared when ``ratio`` is 93 or more).

It needs ``pysbd`` (``pip install pysbd``, benchmarks only). Ukrainian, which pySBD lacks, is
split with its Russian rules.
"""
from __future__ import annotations

import numpy as np
import pysbd
from rapidfuzz import fuzz, process

from synopsis.core.model import Document, Link, Report, Segment

THRESHOLD = 60
SHARED = 93
_LANGUAGES = {"uk": "ru"}


def sentences(text: str, language: str) -> list[tuple[int, int]]:
    segmenter = pysbd.Segmenter(language=_LANGUAGES.get(language, language), clean=False, char_span=True)
    out = []
    for span in segmenter.segment(text):
        start, end = span.start, span.end
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        if end > start:
            out.append((start, end))
    return out


def _document(text: str, language: str) -> Document:
    segments = tuple(Segment(id=k, start=s, end=e) for k, (s, e) in enumerate(sentences(text, language)))
    return Document(text=text, title="", source="", sha256="", language=language, segments=segments)


def naive_report(text_a: str, text_b: str, language_a: str, language_b: str | None = None) -> Report:
    doc_a, doc_b = _document(text_a, language_a), _document(text_b, language_b or language_a)
    texts_a = [doc_a.segment_text(s.id) for s in doc_a.segments]
    texts_b = [doc_b.segment_text(s.id) for s in doc_b.segments]
    links: list[Link] = []
    if texts_a and texts_b:
        scores = process.cdist(texts_a, texts_b, scorer=fuzz.token_set_ratio, dtype=np.float32, workers=1)
        used_a: set[int] = set()
        used_b: set[int] = set()
        for flat in np.argsort(-scores, axis=None, kind="stable"):
            p, q = divmod(int(flat), scores.shape[1])
            if scores[p, q] < THRESHOLD:
                break
            if p in used_a or q in used_b:
                continue
            used_a.add(p)
            used_b.add(q)
            label = "shared" if fuzz.ratio(texts_a[p], texts_b[q]) >= SHARED else "paraphrased"
            links.append(Link(a=[p], b=[q], label=label, score=float(scores[p, q]) / 100))
    from synopsis.core.order import in_order
    return Report(documents=[doc_a, doc_b], links=in_order(links), settings={})
