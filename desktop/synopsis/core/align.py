"""Passage alignment: bounded candidates, bulk scoring, context, splits and merges, repeats.

1. Candidates (:mod:`candidates`): every passage asks an inverted index of the other document
   with its rarest stems, reads a bounded number of postings per stem and keeps its best few
   partners; passages with the same text are always proposed. Cost grows with the number of
   passages, not their product; a document of more than ``MAX_PASSAGES`` is refused.
2. Scoring: every candidate pair gets the views of :mod:`features` in bulk, combined into one
   score. Context lifts a plausible pair whose neighbours are aligned too (i-1 ↔ j-1, i+1 ↔ j+1),
   and passages bracketed by confident pairs are matched in order by dynamic programming.
3. One-to-many / many-to-one (:mod:`splits`): a run of two or three adjacent passages is read
   as one against a passage of the other side when the neighbour's words lie inside it and the
   run covers it better than any of its parts; the parts' own pairs are capped below the run.
4. Repeats inside one document are reported (:mod:`repeats`).

Two documents in one language are aligned by their words, with a meaning view
(:mod:`.semantic.same_language`) where the words leave a passage unsettled: its nearest
neighbours by meaning join the candidates, and the meaning score is blended into the pairs of
embedded passages. Two documents in different languages are aligned by meaning alone
(:mod:`.semantic.translation`).

The result is every plausible pair, scored (:class:`Alignment`); which of them become links,
their classes and which are out of order is decided later (:mod:`decide`).

Pure debris (bylines, footers) is never aligned; captions glued to a sentence are cut off
by aligning on ``Segment.core_span``.
"""
from __future__ import annotations

import itertools
from collections import defaultdict
from typing import TYPE_CHECKING, Callable, Sequence

import numpy as np

from .candidates import candidate_keys, pairs_of, sorted_pairs
from .comparison import Comparison
from .config import Settings
from .errors import TooLong
from .features import SegmentFeatures, Weights, combine, pair_views, segment_features, word_views
from .model import Alignment, Candidate, Document
from .repeats import find_repeats
from .semantic import same_language, translation
from .semantic.vectors import NO_STORES, Stores
from .splits import cap_parts, find_runs, segment_ids
from .ticks import Tick
from .vocab import ComparisonKind, Reason

if TYPE_CHECKING:
    from .semantic.same_language import MeaningView

Check = Callable[[], None]
# Told the share of the alignment done, 0 to 1; while passages are embedded, also the stage
# "meaning" (the window names it: the first comparison of a session loads the model there).
Progress = Callable[..., None]

SCORE_CHUNK = 50_000     # pairs scored between two cancel checks
NEIGHBOUR_SHARE = 0.2    # of the blend step's time, scoring the pairs meaning's neighbours add
MAX_PASSAGES = 50_000    # most passages of one document a comparison aligns (time and memory
                         # grow linearly: see benchmarks/results/scaling.md)
CANDIDATE_FLOOR = 0.15   # pairs scoring below this are not kept (live thresholds go no lower)
CONTEXT_BONUS = 0.08     # lift for a pair whose neighbours are aligned in order
ANCHOR_MIN = 0.5         # pairs this strong pin down their neighbours (gaps, edges)
GAP_MAX = 6              # largest run of unanchored passages matched between two anchors
GAP_PASSES = 2           # gap filling is repeated: pairs it lifts become anchors for the next pass
GAP_BONUS = 0.3          # lift for a pair matched in order inside a gap between anchors
GAP_MIN = 0.1            # ... if the pair has at least this much in common on its own
GAP_MIN_UNEVEN = 0.2     # ... or this much when the gap's sides differ (a passage is unique)
EDGE_BONUS = 0.2         # lift for the next pair beyond the end of a run of anchors
EDGE_MIN = 0.12          # ... if the pair has at least this much in common on its own
# Each step's share of an alignment's work, for the progress it reports (the steps' wall-clock
# time on long pairs: benchmarks/results/align_progress.md). The meaning step embeds the passages
# the words leave unsettled (in threads, reporting each chunk); the blend scores the pairs its
# neighbours propose and blends meaning into every embedded pair. With the meaning layer off,
# the word steps share the whole bar (``WORD_STEP_SHARES``).
STEP_SHARES = {"features": 0.09, "repeats": 0.01, "candidates": 0.10, "scores": 0.13,
               "meaning": 0.38, "blend": 0.12, "context": 0.04, "runs": 0.10, "output": 0.03}
_WORD_TOTAL = sum(v for k, v in STEP_SHARES.items() if k not in ("meaning", "blend"))
WORD_STEP_SHARES = {k: (0.0 if k in ("meaning", "blend") else v / _WORD_TOTAL) for k, v in STEP_SHARES.items()}


# Each document's features by segment (None for debris), as ``segment_features`` makes them.
Features = tuple[list[SegmentFeatures | None], list[SegmentFeatures | None]]
# A scored pair of positions in the two lists of live features: (score, views, reasons).
# (The views of a pair scored in bulk are the values of ``KEPT_VIEWS`` in that order, a tuple: most
# scored pairs never become candidates, and a dict each would cost more than their scoring.)
Views = dict[str, float] | tuple[float, ...]
Scored = dict[tuple[int, int], tuple[float, Views, tuple[Reason, ...]]]


def align(doc_a: Document, doc_b: Document, settings: Settings, *,
          check: Check | None = None, progress: Progress | None = None,
          embeddings: Stores = NO_STORES, features: Features | None = None) -> Alignment:
    """Every plausible pair of passages of two prepared documents, scored, and their repeats.

    ``check`` is called between steps and between the parts of a long step (it may raise to
    stop); ``progress`` gets the share of the work done after each. ``embeddings`` keep each
    document's passage embeddings between runs (the library's). ``features``: each document's
    ``segment_features``, if made already (else they are made here). Raises :class:`TooLong` for
    a document of more than ``MAX_PASSAGES`` passages."""
    for doc in (doc_a, doc_b):
        live = [seg for seg in doc.segments if not seg.is_debris]
        if len(live) > MAX_PASSAGES:
            raise TooLong(doc.source or doc.title, len(live), MAX_PASSAGES, settings.granularity,
                          paragraphs=len({seg.paragraph for seg in live}))
    if translation.is_translation(doc_a, doc_b):
        return translation.align(doc_a, doc_b, settings, check=check or (lambda: None),
                                 progress=progress, stores=embeddings, features=features)
    steps = _Steps(check, progress, STEP_SHARES if settings.meaning else WORD_STEP_SHARES)
    fa = features[0] if features is not None else segment_features(doc_a, tick=steps.tick("features", 0.0, 0.5))
    fb = features[1] if features is not None else segment_features(doc_b, tick=steps.tick("features", 0.5, 1.0))
    steps.done("features")
    live_a = [f for f in fa if f is not None]
    live_b = [f for f in fb if f is not None]
    repeats = tuple(find_repeats(fa, 0) + find_repeats(fb, 1))
    steps.done("repeats")
    how = Comparison(ComparisonKind.SAME_LANGUAGE, (translation.language_of(doc_a), translation.language_of(doc_b)))
    if not live_a or not live_b:
        return Alignment((doc_a, doc_b), (), repeats, how)
    weights = Weights([f.bag for f in live_a + live_b])
    pairs = candidate_keys(live_a, live_b, weights, step=steps.part("candidates"))
    scored = _score(pairs, live_a, live_b, weights, steps.part("scores"))
    view, how = _meaning(scored, (doc_a, doc_b), (live_a, live_b), weights, settings, how, embeddings, steps)
    steps.done("blend")
    base = {pq: s for pq, (s, _, _) in scored.items()}     # each pair's own score, before lifts
    _add_context(scored)
    context = steps.part("context")
    for _ in range(GAP_PASSES):
        _fill_gaps(scored, live_a, live_b, weights, settings, base, view)
        context(1 / GAP_PASSES)
    if view is not None:
        view.let_go()
    runs = find_runs(scored, base, (live_a, live_b), (doc_a, doc_b), weights, steps.part("runs"))
    cap_parts(scored, runs)
    kept = sorted_pairs([pq for pq, (s, _, _) in scored.items() if s >= CANDIDATE_FLOOR])
    candidates = [_candidate(live_a[p].ids, live_b[q].ids, *scored[p, q]) for p, q in kept]
    candidates += [_candidate(*segment_ids((live_a, live_b), run), run.score, run.views, run.reasons)
                   for run in runs if run.score >= CANDIDATE_FLOOR]
    candidates.sort(key=lambda c: (c.a[0], c.b[0], c.a, c.b))
    _let_go(scored, base)
    steps.done("output")
    return Alignment((doc_a, doc_b), tuple(candidates), repeats, how)


def _let_go(*tables: dict) -> None:
    """Empty ``tables`` an entry at a time: the scores of a long comparison's pairs (hundreds of
    thousands of small objects) freed at once when ``align`` returns hold the interpreter, and
    a window waiting on it, for a tenth of a second."""
    for table in tables:
        while table:
            table.popitem()


def _meaning(scored: Scored, docs: tuple[Document, Document],
             lives: tuple[Sequence[SegmentFeatures], Sequence[SegmentFeatures]], weights: Weights,
             settings: Settings, how: Comparison, embeddings: Stores,
             steps: "_Steps") -> tuple["MeaningView | None", Comparison]:
    """The meaning view of the passages the words leave unsettled (``settings.meaning``): its
    nearest neighbours join the scored pairs, and its score is blended into every pair of two
    embedded passages (in place). The pair model's word features of the pairs scored already are
    made while the passages are embedded. Returns the view (None when off or no model) and ``how``."""
    if not settings.meaning:
        return None, how
    live_a, live_b = lives
    view, how = same_language.view_for(*docs, live_a, live_b, _settled_scores(scored, lives, weights),
                                       settings, how, stores=embeddings, check=steps.check,
                                       weights=weights,
                                       beside=lambda v: v.tabulate(_embedded_pairs(scored, v),
                                                                   tick=lambda _share: steps.check()),
                                       progress=steps.part("meaning"))
    steps.done("meaning")
    if view is not None and view.rows_a and view.rows_b:
        blend = steps.part("blend")
        scored.update(_score(view.candidates() - scored.keys(), live_a, live_b, weights,
                             lambda share: blend(NEIGHBOUR_SHARE * share)))
        _apply_meaning(scored, view, steps.tick("blend", NEIGHBOUR_SHARE, 1.0))
    return view, how


class _Steps:
    """An alignment's steps as they end: each is checked for cancel and adds its share of
    ``shares`` to the progress reported (a long step in parts, by the share of each)."""

    def __init__(self, check: Check | None, progress: Progress | None,
                 shares: dict[str, float] = STEP_SHARES) -> None:
        self.check = check or (lambda: None)
        self.progress = progress
        self.shares = shares
        self.total = 0.0
        self.given: dict[str, float] = {}      # each step's share reported in parts so far

    def done(self, step: str) -> None:
        """End ``step``: what its parts have not reported of its share is reported now."""
        self._advance(self.shares[step] * max(0.0, 1.0 - self.given.get(step, 0.0)))

    def part(self, step: str) -> Progress:
        """A function to call after each part of ``step`` with the part's share of it. (The
        meaning step's parts are reported from the embedding's thread while this one makes the
        pair model's features, which report nothing.)"""
        def advance(share: float) -> None:
            self.given[step] = self.given.get(step, 0.0) + share
            self._advance(self.shares[step] * share)
        return advance

    def tick(self, step: str, start: float = 0.0, end: float = 1.0) -> Tick:
        """A tick (told the share done so far, see :mod:`.ticks`) for the part of ``step``
        from ``start`` to ``end`` of it: it reports what was done since it was last told."""
        advance = self.part(step)
        told = 0.0

        def tick(share: float) -> None:
            nonlocal told
            now = (end - start) * min(max(share, 0.0), 1.0)
            if now > told:
                advance(now - told)
                told = now
            else:
                self.check()
        return tick

    def _advance(self, share: float) -> None:
        self.check()
        before = round(self.total, 6)
        self.total = min(1.0, self.total + share)
        if self.progress is not None and round(self.total, 6) > before:
            self.progress(round(self.total, 6))


def _candidate(a: Sequence[int], b: Sequence[int], score: float, views: Views,
               reasons: tuple[Reason, ...] = ()) -> Candidate:
    return Candidate(a=tuple(a), b=tuple(b), score=min(1.0, max(0.0, score)), scores=_named(views), reasons=reasons)


def _named(views: Views) -> dict[str, float]:
    """A pair's views by name (see ``Views``)."""
    return views if isinstance(views, dict) else dict(zip(KEPT_VIEWS, views))


KEPT_VIEWS = ("chars", "words", "rare")      # the views a candidate keeps (see Candidate.scores)


def _score(pairs: set[tuple[int, int]] | np.ndarray, live_a: Sequence[SegmentFeatures],
           live_b: Sequence[SegmentFeatures], weights: Weights,
           step: Progress = lambda share: None, meaning: "MeaningView | None" = None) -> Scored:
    """Every pair's score and the views a candidate keeps, in chunks of ``SCORE_CHUNK`` pairs;
    after each chunk, ``step`` gets the share of the pairs it held (a long document's pairs
    take seconds: the caller checks for cancel and reports progress there). With ``meaning``,
    its score is blended into the pairs of passages it embedded. ``pairs``: a set, or sorted keys
    (``candidates.candidate_keys``)."""
    order = pairs_of(pairs) if isinstance(pairs, np.ndarray) else sorted_pairs(pairs)
    out: Scored = {}
    for start in range(0, len(order), SCORE_CHUNK):
        chunk = order[start:start + SCORE_CHUNK]
        views = pair_views([live_a[p] for p, _ in chunk], [live_b[q] for _, q in chunk], weights)
        scores = combine(views).tolist()
        kept = zip(*(views[name].tolist() for name in KEPT_VIEWS))      # (Python floats, as float() gives)
        out.update((pq, (score, values, ())) for pq, score, values in zip(chunk, scores, kept))
        step(len(chunk) / len(order))
    if meaning is not None:
        _apply_meaning(out, meaning)
    return out


def _embedded_pairs(scored: Scored, meaning: "MeaningView") -> list[tuple[int, int]]:
    """The scored pairs whose two passages the meaning view embeds, in order."""
    in_a, in_b = set(meaning.rows_a), set(meaning.rows_b)
    return sorted_pairs([pq for pq in scored if pq[0] in in_a and pq[1] in in_b])


def _apply_meaning(scored: Scored, meaning: "MeaningView", tick: Tick | None = None) -> None:
    """Blend the meaning score into the pairs whose two passages were embedded (in place);
    ``tick`` is told the share of the pair model's rows made (see :mod:`.ticks`)."""
    order = _embedded_pairs(scored, meaning)
    if not order:
        return
    blended, cosines = meaning.rescore(order, np.array([scored[pq][0] for pq in order]), tick=tick)
    for k, pq in enumerate(order):
        if not np.isnan(cosines[k]):
            score, views, reasons = scored[pq]
            scored[pq] = (float(blended[k]), {**_named(views), "meaning": float(cosines[k])}, reasons)


def _settled_scores(scored: Scored, lives: tuple[Sequence[SegmentFeatures], Sequence[SegmentFeatures]],
                    weights: Weights) -> tuple[np.ndarray, np.ndarray]:
    """Each live passage's best word score (0 without a candidate), for either side; 1 for a
    passage that pair settles (``same_language``): a fair pair that is each one's best, or one
    whose lighter side's words lie inside the other (a split sentence's half or its whole)."""
    best = [np.zeros(len(lives[0])), np.zeros(len(lives[1]))]
    partner = [np.full(len(lives[0]), -1), np.full(len(lives[1]), -1)]
    for p, q in sorted_pairs(scored):
        s = scored[p, q][0]
        for side, x, y in ((0, p, q), (1, q, p)):
            if s > best[side][x]:
                best[side][x], partner[side][x] = s, y
    settled = []
    for side in (0, 1):
        rows = np.flatnonzero(same_language.may_settle_by_containment(best[side]))
        mutual = np.zeros(len(rows), dtype=bool)
        if len(rows):
            own = [lives[side][x] for x in rows]
            other = [lives[1 - side][y] for y in partner[side][rows]]
            mutual = partner[1 - side][partner[side][rows]] == rows
            mutual |= same_language.contained_settles(word_views(own, other, weights)["contain"])
        settled.append(rows[mutual])
    for side in (0, 1):
        best[side][settled[side]] = 1.0
    return best[0], best[1]


def _add_context(scored: Scored) -> None:
    """Lift plausible pairs whose in-order neighbours are also aligned (not below 0.25)."""
    base = {pq: s for pq, (s, _, _) in scored.items()}
    for (p, q), (s, views, reasons) in scored.items():
        if s < 0.25:
            continue
        neighbour = max(base.get((p - 1, q - 1), 0.0), base.get((p + 1, q + 1), 0.0))
        if neighbour >= 0.5:
            scored[p, q] = (min(1.0, s + CONTEXT_BONUS * neighbour), views, reasons + (Reason.CONTEXT,))


def _anchors(scored: Scored, settings: Settings) -> list[tuple[int, int]]:
    """Confident pairs, one per segment on each side (best first), sorted by position in a."""
    floor = max(ANCHOR_MIN, settings.paraphrase_threshold)
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    confident = [(s, pq) for pq, (s, _, _) in scored.items() if s >= floor]
    for s, (p, q) in sorted(confident, key=lambda sp: (-sp[0], sp[1])):
        if p not in used_a and q not in used_b:
            out.append((p, q))
            used_a.add(p)
            used_b.add(q)
    return sorted(out)


def _gaps(anchors: list[tuple[int, int]], n_a: int, n_b: int) -> list[tuple[list[int], list[int]]]:
    """Runs of unanchored segments bracketed on both sides by the same two anchors.

    Two anchors bracket a gap when they are neighbours in a-order *and* in b-order (so a gap
    inside a moved block counts too); the document edges act as anchors (-1, -1) and (n_a, n_b).
    """
    points = [(-1, -1)] + anchors + [(n_a, n_b)]
    rank_b = {q: r for r, q in enumerate(sorted(q for _, q in points))}
    out = []
    for (p1, q1), (p2, q2) in itertools.pairwise(points):
        if rank_b[q2] != rank_b[q1] + 1:
            continue
        gap_a, gap_b = list(range(p1 + 1, p2)), list(range(q1 + 1, q2))
        if 1 <= len(gap_a) <= GAP_MAX and 1 <= len(gap_b) <= GAP_MAX:
            out.append((gap_a, gap_b))
    return out


def _best_path(gap_a: list[int], gap_b: list[int], base: dict[tuple[int, int], float],
               elsewhere: Callable[[int, int], float]) -> list[tuple[int, int]]:
    """The in-order one-to-one matching of a gap with the largest total of (score - floor).

    A pair is left out when one of its passages has a better partner outside the gap
    (``elsewhere``): the context must not pull a moved passage back into place."""
    n, m = len(gap_a), len(gap_b)
    floor = GAP_MIN if n == m else GAP_MIN_UNEVEN
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            s = base[gap_a[i - 1], gap_b[j - 1]]
            gain = s - floor if s > elsewhere(gap_a[i - 1], gap_b[j - 1]) else 0.0
            best[i][j] = max(best[i - 1][j], best[i][j - 1],
                             best[i - 1][j - 1] + gain if gain > 0 else -1.0)
    path = []
    i, j = n, m
    while i and j:
        if best[i][j] == best[i - 1][j]:
            i -= 1
        elif best[i][j] == best[i][j - 1]:
            j -= 1
        else:
            path.append((gap_a[i - 1], gap_b[j - 1]))
            i, j = i - 1, j - 1
    return path


def _fill_gaps(scored: Scored, live_a: Sequence[SegmentFeatures],
               live_b: Sequence[SegmentFeatures], weights: Weights, settings: Settings,
               base: dict[tuple[int, int], float], meaning: "MeaningView | None" = None) -> None:
    """Sentence-aligner context. Between two anchors (confident pairs) that are neighbours in
    both documents, the unanchored passages are matched in order by dynamic programming, and
    the matched pairs get ``GAP_BONUS``: a heavy paraphrase with little word overlap is still
    found when its neighbours pin it down. The diagonal neighbours of an anchor get
    ``EDGE_BONUS``, so a block moved as a whole keeps its weaker edge passages. Neither lift
    is given to a pair one of whose passages has a better partner elsewhere."""
    anchors = _anchors(scored, settings)
    gaps = _gaps(anchors, len(live_a), len(live_b))
    taken_a = {p for p, _ in anchors}
    taken_b = {q for _, q in anchors}
    edges = {(p + d, q + d) for p, q in anchors for d in (-1, 1)
             if 0 <= p + d < len(live_a) and 0 <= q + d < len(live_b)
             and p + d not in taken_a and q + d not in taken_b}
    wanted = {(p, q) for gap_a, gap_b in gaps for p in gap_a for q in gap_b} | edges
    fresh = _score(wanted - scored.keys(), live_a, live_b, weights, meaning=meaning)
    scored.update(fresh)
    base.update({pq: s for pq, (s, _, _) in fresh.items()})   # (the caller's: scores before lifts)
    base = {pq: s for pq, (s, _, _) in scored.items()}
    rival = _Rivals(base, settings.paraphrase_threshold)
    lifts: dict[tuple[int, int], tuple[Reason, float]] = {}
    for p, q in sorted(edges):
        if base[p, q] >= EDGE_MIN and base[p, q] > rival.best(p, q, {p}, {q}):
            lifts[p, q] = (Reason.EDGE, EDGE_BONUS)
    for gap_a, gap_b in gaps:
        inside_a, inside_b = set(gap_a), set(gap_b)
        for pq in _best_path(gap_a, gap_b, base,
                             lambda p, q, ia=inside_a, ib=inside_b: rival.best(p, q, ia, ib)):
            lifts[pq] = (Reason.GAP, GAP_BONUS)
    for pq, (reason, bonus) in lifts.items():
        s, views, reasons = scored[pq]
        if Reason.GAP in reasons or Reason.EDGE in reasons:
            continue  # lifted by an earlier pass already
        scored[pq] = (min(1.0, s + bonus), views, reasons + (reason,))


class _Rivals:
    """The linkable partners (score at or above the link threshold) of every passage."""

    def __init__(self, base: dict[tuple[int, int], float], threshold: float) -> None:
        self.of_a: dict[int, list[tuple[float, int]]] = defaultdict(list)
        self.of_b: dict[int, list[tuple[float, int]]] = defaultdict(list)
        for (p, q), s in base.items():
            if s >= threshold:
                self.of_a[p].append((s, q))
                self.of_b[q].append((s, p))

    def best(self, p: int, q: int, inside_a: set[int], inside_b: set[int]) -> float:
        """The best score of ``p`` or ``q`` with a partner outside ``inside_b`` / ``inside_a``."""
        out_a = (s for s, q2 in self.of_a.get(p, ()) if q2 not in inside_b)
        out_b = (s for s, p2 in self.of_b.get(q, ()) if p2 not in inside_a)
        return max(max(out_a, default=0.0), max(out_b, default=0.0))
