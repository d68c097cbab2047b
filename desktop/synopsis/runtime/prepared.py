"""A document prepared in the worker process, as it crosses the pipe: the worker's side of a
``prepare`` job (:func:`answer`) and this side's (:func:`unpack`). Segments and features travel
as plain tuples of numbers and strings (pickling their dataclasses took several times as long).
"""
from __future__ import annotations

import dataclasses
from collections import Counter

from ..core.document import Segment, Span
from ..core.features import SegmentFeatures, segment_features
from ..core.model import Document
from ..core.vocab import SegmentKind

__all__ = ["answer", "unpack"]

PackedSegment = tuple[int, int, int, int, str, tuple[int, int] | None]
PackedFeatures = tuple[tuple[int, ...], int, int, str, list[str], tuple[str, ...], tuple[str, ...]] | None


def answer(job: tuple) -> tuple[str | None, list[PackedSegment], list[PackedFeatures]]:
    """The worker's side of a ``("prepare", text, title, language, settings)`` job: the prepared
    document's language, segments and features, packed as plain tuples (see :func:`unpack`)."""
    from ..core.preparation import prepare
    _, text, title, language, settings = job
    doc = prepare(Document(text, title, "", "", language=language), settings)
    segments = [(s.id, s.start, s.end, s.paragraph, s.kind.value, s.core and (s.core.start, s.core.end))
                for s in doc.segments]
    features = [f and (f.ids, f.span.start, f.span.end, f.text, f.stems, tuple(f.numbers), tuple(f.names))
                for f in segment_features(doc)]
    return doc.language, segments, features


def unpack(doc: Document, packed: tuple) -> tuple[Document, list[SegmentFeatures | None]]:
    """``doc`` with the language and segments the worker found, and its passages' features."""
    language, segments, features = packed
    kinds = {kind.value: kind for kind in SegmentKind}
    prepared = dataclasses.replace(doc, language=language, segments=tuple(
        Segment(i, start, end, paragraph, kinds[kind], core and Span(*core))
        for i, start, end, paragraph, kind, core in segments))
    made = [f and SegmentFeatures(ids=f[0], span=Span(f[1], f[2]), text=f[3], stems=f[4],
                                  numbers=frozenset(f[5]), names=frozenset(f[6]), bag=Counter(f[4]))
            for f in features]
    return prepared, made
