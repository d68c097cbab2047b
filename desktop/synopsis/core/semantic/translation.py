"""A document against its translation: passages aligned by what they say.

When the two documents are in different languages their words cannot be compared, so the
passages are aligned by meaning: each side's passages are embedded (:mod:`.vectors`), the
block aligner (:mod:`.blocks`) finds the monotone sequence of one-to-one, one-to-two, … blocks
and of passages without a counterpart, and passages it left out that are each other's nearest
neighbour with a strong meaning score are linked too (a paragraph the translation moved).

Every link gets a meaning score in [0, 1] (:mod:`.calibrate`) as its ``score``; the labels a
fact-checker reads come later, from that score and the facts that changed
(:func:`verdict`):

- **faithful translation**: the passages say the same thing (meaning score at or above
  ``FAITHFUL_MIN``) and no figure, date, name, quote, attribution or negation changed;
- **changed in translation**: the passages are each other's counterparts, but a checkable fact
  changed — an alarming one (severity 3: a figure or a quote), or one worth checking (severity
  2) whose two sides were both found (a speaker, a date or a name replaced by another) — or the
  meaning score is low enough that something was added, dropped or altered.

A detail found on one side only ("a date only in A") stays in the pair's facts to check, but
does not by itself make a translation "changed": across two languages a detail is often written
in a way the other side's reader does not match (a number in words, a name in another script).
"""
from __future__ import annotations

from typing import Callable, Iterable

import numpy as np

from ..comparison import Comparison
from ..config import Settings
from ..document import Document
from ..features import segment_features
from ..model import Alignment, Candidate, Fact
from ..repeats import find_repeats
from ..vocab import ComparisonKind, Severity, Translation
from . import blocks, calibrate, encoders, models, vectors

Check = Callable[[], None]
Progress = Callable[..., None]     # progress(share of the alignment done, stage)
EMBED_SHARE = 0.85          # the share of a translation's alignment spent embedding its passages

FAITHFUL_MIN = 0.5          # meaning score below which a linked pair is "changed in translation"
MOVED_MIN = 0.8             # meaning score for linking two passages the block aligner left out


def language_of(doc: Document) -> str | None:
    """The primary language subtag (``"en-GB"`` → ``"en"``), lower case, or None."""
    return doc.language.split("-")[0].lower() if doc.language else None


def is_translation(doc_a: Document, doc_b: Document) -> bool:
    """Whether the documents are in two different (detected or given) languages."""
    la, lb = language_of(doc_a), language_of(doc_b)
    return bool(la and lb and la != lb)


def live_segments(doc: Document) -> tuple[list[int], list[str]]:
    """Ids and statement texts (core spans) of the segments that are article text."""
    ids, texts = [], []
    for seg in doc.segments:
        core = seg.core_span
        if not seg.is_debris and len(core):
            ids.append(seg.id)
            texts.append(doc.text[core.start:core.end])
    return ids, texts


def align(doc_a: Document, doc_b: Document, settings: Settings, *, check: Check = lambda: None,
          progress: Progress | None = None, stores: vectors.Stores = vectors.NO_STORES,
          costs: blocks.BlockCosts = blocks.BlockCosts(),
          features: tuple[list, list] | None = None) -> Alignment:
    """The scored candidate pairs of a document and its translation, and how they were found
    (``features``: each document's ``segment_features``, if made already)."""
    languages = (language_of(doc_a), language_of(doc_b))
    choice = models.choose(languages, prefer=settings.meaning_model)
    how = Comparison(ComparisonKind.TRANSLATION, languages).with_notice(choice.notice)
    if features is None:
        features = (segment_features(doc_a, tick=lambda _share: check()),
                    segment_features(doc_b, tick=lambda _share: check()))
    fa, fb = features
    repeats = tuple(find_repeats(fa, 0) + find_repeats(fb, 1))
    ids_a, texts_a = live_segments(doc_a)
    ids_b, texts_b = live_segments(doc_b)
    if choice.spec is None or not ids_a or not ids_b:
        return Alignment((doc_a, doc_b), (), repeats, how)
    encoder = encoders.load(choice.spec)
    how = how.with_model(encoder.spec.name, encoder.version)
    total = len(texts_a) + len(texts_b)

    def report(offset: int) -> Callable[[int, int], None]:
        return lambda done, _: progress(EMBED_SHARE * (offset + done) / total, "meaning") if progress else None

    embedded_a = vectors.embed(texts_a, encoder, store=stores[0], progress=report(0),
                               cancel=cancel_from(check))
    embedded_b = vectors.embed(texts_b, encoder, store=stores[1], progress=report(len(texts_a)),
                               cancel=cancel_from(check))
    check()
    side_a = blocks.Side.of(texts_a, embedded_a.blocks)
    side_b = blocks.Side.of(texts_b, embedded_b.blocks)
    cal = calibrate.calibration(encoder.spec.name)
    found = blocks.align_blocks(side_a, side_b, costs, stretch=cal.stretch)
    check()
    if progress is not None:
        progress(1.0, "align")
    scorer = _Scorer(side_a, side_b, cal, costs.neighbours)
    candidates = [_candidate(ids_a, ids_b, a, b, scorer) for a, b in found if a and b]
    candidates += _moved(found, ids_a, ids_b, scorer)
    candidates.sort(key=lambda c: (c.a[0], c.b[0], c.a, c.b))
    return Alignment((doc_a, doc_b), tuple(candidates), repeats, how)


def cancel_from(check: Check) -> Callable[[], bool]:
    """``vectors.embed`` asks "cancel?"; the pipeline's ``check`` raises instead."""
    def cancel() -> bool:
        check()
        return False
    return cancel


class _Scorer:
    """Calibrated meaning scores of blocks of passages."""

    def __init__(self, a: blocks.Side, b: blocks.Side, cal: calibrate.Calibration, k: int) -> None:
        self.a, self.b, self.cal = a, b, cal
        self.near_a, self.near_b = blocks.neighbour_means(a.vectors(1), b.vectors(1), k)

    def score(self, rows_a: tuple[int, ...], rows_b: tuple[int, ...]) -> tuple[float, float]:
        """(meaning score, cosine) of the passages ``rows_a`` read as one and ``rows_b``."""
        va = self.a.vectors(len(rows_a))[rows_a[0]]
        vb = self.b.vectors(len(rows_b))[rows_b[0]]
        cos = float(va @ vb)
        relative = 2 * cos - float(np.mean(self.near_a[list(rows_a)])) - float(np.mean(self.near_b[list(rows_b)]))
        return float(self.cal.score(cos, relative)), cos


def _candidate(ids_a: list[int], ids_b: list[int], rows_a: tuple[int, ...], rows_b: tuple[int, ...],
               scorer: _Scorer) -> Candidate:
    score, cos = scorer.score(rows_a, rows_b)
    return Candidate(a=tuple(ids_a[r] for r in rows_a), b=tuple(ids_b[r] for r in rows_b),
                     score=min(1.0, max(0.0, score)), scores={"meaning": score, "cosine": cos, "chars": 0.0})


def _moved(found: list[blocks.Block], ids_a: list[int], ids_b: list[int], scorer: _Scorer) -> list[Candidate]:
    """Passages left out on both sides that are each other's nearest neighbour, strongly."""
    left_a = [a[0] for a, b in found if a and not b]
    left_b = [b[0] for a, b in found if b and not a]
    if not left_a or not left_b:
        return []
    sims = scorer.a.vectors(1)[left_a] @ scorer.b.vectors(1)[left_b].T
    out = []
    for p, i in enumerate(left_a):
        q = int(np.argmax(sims[p]))
        if int(np.argmax(sims[:, q])) != p:
            continue
        candidate = _candidate(ids_a, ids_b, (i,), (left_b[q],), scorer)
        if candidate.score >= MOVED_MIN:
            out.append(candidate)
    return out


def verdict(score: float, facts: Iterable[Fact]) -> Translation:
    """Faithful or changed in translation, for a pair of counterparts with meaning score
    ``score`` and the changed ``facts`` found in it (see the module docstring)."""
    if score < FAITHFUL_MIN:
        return Translation.CHANGED
    for fact in facts:
        if fact.severity >= Severity.ALARM or (fact.severity >= Severity.CHECK and fact.a is not None
                                               and fact.b is not None):
            return Translation.CHANGED
    return Translation.FAITHFUL
