"""The meaning view of two documents in one language, paid for only where words do not settle it.

The word views decide "the same words" and most reworded pairs alone. Where they do not — a
passage without a strong partner by its words — the passages are embedded and compared by
meaning, which adds candidates the word index could not propose (a statement reworded with
few shared words: "Die Minimärkte werden überall geplündert" / "Plünderungen finden in diversen
Minimärkten statt") and takes the score away from pairs that share words but say different
things ("Peskov noted … negotiations on Ukraine" / "Zelensky noted … negotiations held in
Geneva").

A passage with a partner at or above ``SETTLED`` by its words is not embedded at all, so an
ordinary comparison embeds a handful of passages. Nor is one whose best partner by its words
scores at least ``VETO_MAX`` (meaning could not lower that pair) when that partner's best is
this passage too, or when the lighter of the two holds ``SETTLED_CONTAIN`` of its word weight
in the other: a lightly reworded sentence, and the halves of a sentence an editor split with
the whole they came from (the word runs of ``core.splits`` read those). On a long edited copy
they were two thirds of what was embedded; the printed WMT19 pairs and the seeds score the
same without embedding them (``benchmarks/results/scaling.md``). With the default model, the
word evidence and the meaning of an embedded pair are combined by the pair model
(:mod:`.pair_model`, fitted on MSRP train by ``benchmarks/fit_pair_model.py``); a model without
a fitted pair model combines the word score and the cosine by ``BLEND``
(``benchmarks/run_semantic.py --blend``).
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from ..comparison import Comparison
from ..config import Settings
from ..document import Document
from ..features import SegmentFeatures, Weights
from ..ticks import Tick
from . import blocks, encoders, models, pair_model, vectors

SETTLED = 0.8          # a passage with a word partner this strong is not embedded
RESCUE_MIN = 0.5       # the blended score at which meaning may raise a pair above its words
VETO_MAX = 0.5         # a word score from which meaning can no longer lower a pair
SETTLED_CONTAIN = 0.8  # ... nor one holding this much of its best partner's words (or held so)
NEIGHBOURS = 3         # meaning neighbours proposed per unsettled passage, both ways
NEAR = 4               # neighbours averaged by the neighbour-relative cosine
ROWS = 512             # passages of a compared with all of b at a time (memory, not the result)
# the live passages of both documents and their word weights: what the pair model reads
Words = tuple[Sequence[SegmentFeatures], Sequence[SegmentFeatures], Weights]


@dataclass(frozen=True)
class Blend:
    """score = σ(word · logit(word score) + relative · (neighbour-relative cosine)
    + cosine · cos + bias)."""

    word: float
    relative: float
    cosine: float
    bias: float

    def __call__(self, word: np.ndarray, cos: np.ndarray, relative: np.ndarray) -> np.ndarray:
        word = np.clip(word, 1e-4, 1 - 1e-4)
        z = self.word * np.log(word / (1 - word)) + self.relative * relative + self.cosine * cos + self.bias
        return 1.0 / (1.0 + np.exp(-z))


BLEND: dict[str, Blend] = {
    "use-multilingual-v3": Blend(word=0.178, relative=0.0, cosine=7.746, bias=-5.254),
    "multilingual-e5-small": Blend(word=1.0, relative=0.0, cosine=0.0, bias=0.0),
}


def may_settle_by_containment(best: np.ndarray) -> np.ndarray:
    """Which passages, by their best word score, are unsettled but may be settled by that best
    partner (best both ways, or holding their words: see the module docstring)."""
    return (best < SETTLED) & (best >= VETO_MAX)


def contained_settles(contain: np.ndarray) -> np.ndarray:
    """Which of those are settled, by the containment of the lighter side's word weight."""
    return contain >= SETTLED_CONTAIN


class MeaningView:
    """Embeddings of the unsettled passages of two documents, and their meaning scores."""

    def __init__(self, texts_a: Sequence[str], texts_b: Sequence[str], encoder: encoders.Encoder,
                 stores: Sequence[vectors.StateStore | None] = (None, None),
                 cancel: Callable[[], bool] | None = None, words: Words | None = None,
                 progress: Callable[[float], None] | None = None) -> None:
        self.texts_a, self.texts_b = list(texts_a), list(texts_b)
        self.words = words
        self.pair_model = pair_model.fitted(encoder.spec.name) if words is not None else None
        self.encoder = encoder
        self.stores, self.cancel = tuple(stores), cancel
        self.progress = progress      # gets each embedded chunk's share of all the passages embedded
        self.rows_a: list[int] = []
        self.rows_b: list[int] = []
        self.vec_a = np.zeros((0, encoder.dim))
        self.vec_b = np.zeros((0, encoder.dim))
        self.near_a = np.zeros(0)
        self.near_b = np.zeros(0)
        self.blend = BLEND[encoder.spec.name]
        # the pair model's word features made ahead (``tabulate``): each pair's row, the table
        self._tabulated: tuple[dict[tuple[int, int], int], dict[str, np.ndarray]] = ({}, {})
        self._grams = pair_model.GramStore()      # (the passages' n-gram sets, shared by both)

    @classmethod
    def for_languages(cls, languages: Sequence[str | None], texts_a: Sequence[str],
                      texts_b: Sequence[str], **kwargs) -> "MeaningView | None":
        """The view with the model that covers ``languages``, or None when none is installed."""
        choice = models.choose(languages)
        if choice.spec is None:
            return None
        return cls(texts_a, texts_b, encoders.load(choice.spec), **kwargs)

    def settle(self, best_a: np.ndarray, best_b: np.ndarray,
               beside: Callable[["MeaningView"], None] | None = None) -> None:
        """Embed the passages whose best word score is below ``SETTLED``. ``beside(self)``, if
        given, runs on this thread while they are embedded in threads of their own (which end
        before this returns): the embedding is mostly numpy, which leaves the interpreter to it."""
        self.rows_a = [int(p) for p in np.flatnonzero(best_a < SETTLED)]
        self.rows_b = [int(q) for q in np.flatnonzero(best_b < SETTLED)]
        if not self.rows_a or not self.rows_b:
            return
        if beside is None:
            self._embed()
        else:
            _beside(self._embed, lambda: beside(self))
        self.near_a, self.near_b = blocks.neighbour_means(self.vec_a, self.vec_b, NEAR)
        self._index_a = {p: k for k, p in enumerate(self.rows_a)}
        self._index_b = {q: k for k, q in enumerate(self.rows_b)}

    def _embed(self) -> None:
        """Embed the unsettled passages of both sides. Runs on a thread of its own (``settle``):
        ``progress`` is called from it."""
        total = len(self.rows_a) + len(self.rows_b)
        self.vec_a = vectors.embed([self.texts_a[p] for p in self.rows_a], self.encoder,
                                   store=self.stores[0], cancel=self.cancel,
                                   progress=self._share_of(total)).vectors
        self.vec_b = vectors.embed([self.texts_b[q] for q in self.rows_b], self.encoder,
                                   store=self.stores[1], cancel=self.cancel,
                                   progress=self._share_of(total)).vectors

    def _share_of(self, total: int) -> vectors.Progress | None:
        """A ``vectors.embed`` progress that reports each new chunk's share of ``total``."""
        if self.progress is None or total == 0:
            return None
        report, reported = self.progress, [0]

        def step(done: int, _all: int) -> None:
            if done > reported[0]:
                report((done - reported[0]) / total)
                reported[0] = done
        return step

    def tabulate(self, pairs: Sequence[tuple[int, int]], tick: Tick | None = None) -> None:
        """Make the pair model's word features of ``pairs`` (of embedded passages) ahead of
        ``rescore``, which then reads them instead of making them (nothing without a pair model).
        ``tick``: see :func:`pair_model.pair_table`."""
        if self.pair_model is None or self.words is None or not pairs:
            return
        live_a, live_b, weights = self.words
        table = pair_model.pair_table([live_a[p] for p, _ in pairs], [live_b[q] for _, q in pairs], weights,
                                      tick=tick, store=self._grams)
        self._tabulated = ({pq: k for k, pq in enumerate(pairs)}, table)

    def _word_table(self, pairs: list[tuple[int, int]], tick: Tick | None = None) -> dict[str, np.ndarray]:
        """The pair model's word features of ``pairs``: those tabulated ahead, the rest made now
        (``tick`` told the share of those made)."""
        live_a, live_b, weights = self.words          # type: ignore[misc]
        row_of, known = self._tabulated
        at = [row_of.get(pq, -1) for pq in pairs]
        fresh = [k for k, row in enumerate(at) if row < 0]
        if not known or len(fresh) == len(pairs):
            return pair_model.pair_table([live_a[p] for p, _ in pairs], [live_b[q] for _, q in pairs], weights,
                                         tick=tick, store=self._grams)
        rows, have = np.array(at), np.array([k for k, row in enumerate(at) if row >= 0])
        made = pair_model.pair_table([live_a[pairs[k][0]] for k in fresh], [live_b[pairs[k][1]] for k in fresh],
                                     weights, tick=tick, store=self._grams) if fresh else {}
        out = {}
        for name, column in known.items():
            values = np.empty(len(pairs), dtype=column.dtype)
            values[have] = column[rows[have]]
            if fresh:
                values[fresh] = made[name]
            out[name] = values
        return out

    def let_go(self) -> None:
        """Drop the word features and n-gram sets kept for rescoring, a passage at a time: freed
        at once, the sets of a thousand passages (millions of small objects) would hold the
        interpreter, and a window waiting on it, for a tenth of a second or more. Pairs rescored
        after this get the same scores, their features made again."""
        self._tabulated = ({}, {})
        self._grams.let_go()

    def candidates(self) -> set[tuple[int, int]]:
        """Pairs of unsettled passages that are among each other's ``NEIGHBOURS`` nearest by
        meaning, either way. The similarities are computed ``ROWS`` passages of a at a time, so
        memory stays linear in the documents' length (ties go to the earlier passage)."""
        if not len(self.vec_a) or not len(self.vec_b):
            return set()
        k_a = min(NEIGHBOURS, len(self.vec_b))
        k_b = min(NEIGHBOURS, len(self.vec_a))
        best_sims = np.empty((0, len(self.vec_b)))        # each passage of b: its best so far
        best_rows = np.empty((0, len(self.vec_b)), dtype=np.int64)
        out = set()
        for start in range(0, len(self.vec_a), ROWS):
            sims = self.vec_a[start:start + ROWS] @ self.vec_b.T
            for p, row in enumerate(np.argsort(-sims, axis=1, kind="stable")[:, :k_a], start):
                out.update((self.rows_a[p], self.rows_b[int(q)]) for q in row)
            rows = np.arange(start, start + len(sims))[:, None].repeat(sims.shape[1], axis=1)
            best_sims = np.vstack([best_sims, sims])
            best_rows = np.vstack([best_rows, rows])
            keep = np.argsort(-best_sims, axis=0, kind="stable")[:k_b]
            best_sims = np.take_along_axis(best_sims, keep, axis=0)
            best_rows = np.take_along_axis(best_rows, keep, axis=0)
        out.update((self.rows_a[int(p)], self.rows_b[q]) for q, col in enumerate(best_rows.T) for p in col)
        return out

    def rescore(self, pairs: Sequence[tuple[int, int]], word: np.ndarray,
                tick: Tick | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(blended score, meaning cosine or NaN) of ``pairs``; pairs with a settled passage keep
        their word score. ``tick`` is told the share of the pair model's rows made."""
        out = np.asarray(word, dtype=np.float64).copy()
        cosines = np.full(len(pairs), np.nan)
        if not len(self.vec_a) or not len(self.vec_b):
            return out, cosines
        at = [(k, self._index_a.get(p), self._index_b.get(q)) for k, (p, q) in enumerate(pairs)]
        at = [(k, i, j) for k, i, j in at if i is not None and j is not None]
        if not at:
            return out, cosines
        ks, ia, ib = (np.array(x) for x in zip(*at))
        cos = np.einsum("ij,ij->i", self.vec_a[ia], self.vec_b[ib])
        relative = 2 * cos - self.near_a[ia] - self.near_b[ib]
        blended = self.blend(out[ks], cos, relative)
        if self.pair_model is not None and self.words is not None:
            # the higher of the pair model and the cosine blend: fitted on single sentences of
            # one story, the pair model under-rates a statement moved and reworded in an article
            # and one written with none of the other's words, which the blend still sees
            table = self._word_table([pairs[k] for k in ks], tick)
            table = pair_model.with_cosines(table, cos, self.vec_a[ia] * self.vec_b[ib])
            blended = np.maximum(blended, self.pair_model(table))
        # meaning raises a pair above its words only when it is at least even odds sure; below
        # that it can only lower it (statements on one topic sit close in any embedding), and
        # not a pair whose words already agree well (a sentence split in two: each half has
        # half the meaning but its words are all there)
        word = out[ks]
        out[ks] = np.where(blended >= RESCUE_MIN, np.maximum(word, blended),
                           np.where(word < VETO_MAX, np.minimum(word, blended), word))
        cosines[ks] = cos
        return out, cosines


def view_for(doc_a: Document, doc_b: Document, live_a: Sequence[SegmentFeatures],
             live_b: Sequence[SegmentFeatures], best: tuple[np.ndarray, np.ndarray], settings: Settings,
             how: Comparison, *, stores: vectors.Stores = vectors.NO_STORES,
             check: Callable[[], None] = lambda: None, weights: Weights | None = None,
             beside: Callable[[MeaningView], None] | None = None,
             progress: Callable[[float], None] | None = None) -> tuple[MeaningView | None, Comparison]:
    """The meaning view of the live passages of two documents in one language, with the ones
    their best word scores (``best``: per passage of a, of b) leave unsettled embedded; and
    ``how`` with the model used, or the notice when none could be used. With ``weights`` (the
    word weights of the comparison) the pair model scores the embedded pairs. ``beside(view)``
    runs while the passages are embedded (see ``MeaningView.settle``); ``progress`` gets the share
    of the embedding each chunk adds, from the embedding's thread."""
    choice = models.choose(how.languages, prefer=settings.meaning_model)
    how = how.with_notice(choice.notice)
    if choice.spec is None:
        return None, how
    view = MeaningView([f.span.slice(doc_a.text) for f in live_a], [f.span.slice(doc_b.text) for f in live_b],
                       encoders.load(choice.spec), stores=stores, cancel=_cancel_from(check),
                       words=None if weights is None else (live_a, live_b, weights), progress=progress)
    view.settle(*best, beside=beside)
    if not view.rows_a or not view.rows_b:
        return view, how
    return view, how.with_model(view.encoder.spec.name, view.encoder.version)


def _beside(background: Callable[[], None], foreground: Callable[[], None]) -> None:
    """Run ``background`` in a thread of its own while ``foreground`` runs on this one; return
    when both have ended, raising what either raised (the background's first)."""
    failed: list[BaseException] = []

    def run() -> None:
        try:
            background()
        except BaseException as error:      # (raised again on the calling thread)
            failed.append(error)

    thread = threading.Thread(target=run, name="synopsis-embed", daemon=True)
    thread.start()
    try:
        foreground()
    finally:
        thread.join()
    if failed:
        raise failed[0]


def _cancel_from(check: Callable[[], None]) -> Callable[[], bool]:
    def cancel() -> bool:
        check()
        return False
    return cancel
