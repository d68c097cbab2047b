"""One passage against two or three adjacent passages of the other side: splits and merges.

An editor splits a sentence in two or joins two into one; the aligner then sees a pair whose
one side holds the words of the other side's *run* of passages. For every pair that is the
best match of one of its passages, or within ``SEED_TIE`` of it (the *seeds*), the next and the
previous passage on either side are tried as part of a run: a neighbour whose words are mostly
inside the single passage (``CONTAIN_MIN`` of its weight) is read together with the seed's
passage as one, and the run is kept as a candidate when it covers the single passage better
than the seed's passage and than the neighbour alone (weighted word overlap up by
``WORDS_GAIN``) and scores no worse than either. A kept run of two is tried once more with the
passage beyond it (1:3 and 3:1). A trial whose word weights cannot reach that gain is dropped
before its passages are read as one, so the work stays bounded by the number of seeds.

A kept run gets the context lifts its seed pair got (its neighbours are aligned in order just
the same), and the pairs of its parts with the single passage are capped just below it, so the
selection prefers the run to any of its parts; at a threshold above the run's score the parts
stay as they were.

A split whose second half was reworded or given to another speaker ("… the Kremlin said produced
'no compromise'" / "… five hours with Putin." + "Later, Putin's adviser Yuri Ushakov said that 'no
compromise' had been made") shares too little with the whole for the rule above. Such a
neighbour is read with the seed's passage too (:func:`_reworded`) when it has no partner of its
own and repeats a quotation of the single passage that the seed's passage does not have
(quoted words are the part of a statement an editor keeps when rewording the rest), and the
quotation comes in the single passage after the words the seed's passage covers when the
neighbour follows it (before, when it precedes): the halves of a split keep their order. Words
alone are not enough: a sentence beside it on the same story shares as many ("special envoy
Steve Witkoff will meet …" beside "Witkoff spent almost five hours …").
The run then scores at least what its seed pair scored, so the link is extended, not lost.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from .features import _ALL_STOP, SegmentFeatures, Weights, combine, extract, pair_views, word_views
from .model import Document, Span
from .vocab import Reason

CONTAIN_MIN = 0.5        # share of a neighbour's word weight found in the single passage
WORDS_GAIN = 0.02        # ... and then the run covers the single passage this much better (Dice)
SEED_MIN = 0.25          # seeds: best pairs of a passage scoring at least this (before lifts)
SEED_TIE = 0.02          # ... and its other pairs this close to the best
SEED_MOST = 3            # ... but no more than this many per passage
# a quotation in a passage's normalised text (every language's marks are '"' there), and what
# trims it: reworded splits keep the quoted words (see _reworded)
_QUOTED = re.compile(r'"([^"]{3,200})"')
_QUOTE_EDGE = " .,;:!?'-"
_WORD = re.compile(r"[^\W\d_]{3,}")
CAP_BELOW = 1e-4         # a part's pair is capped this far below the run that holds it
TRIAL_CHUNK = 20_000     # trials read between two steps (a step may stop the work)
# The share of the work in finding the seeds, growing runs of two and runs of three (for
# the progress reported: CPU time on long pairs, benchmarks/results/align_progress.md).
WORK_SHARES = (0.15, 0.75, 0.10)
VIEWS_KEPT = ("chars", "words", "rare")

Scored = dict[tuple[int, int], tuple]     # (score, views, reasons) of each scored pair (align.Scored)
Live = tuple[Sequence[SegmentFeatures], Sequence[SegmentFeatures]]
Step = Callable[[float], None]          # called with the share of the work a part just did


@dataclass
class Run:
    """Passages ``many`` (positions on side ``side``) read as one against ``single`` (other side)."""

    side: int
    many: tuple[int, ...]
    single: int
    score: float = 0.0
    views: dict | None = None
    lift: float = 0.0
    read: SegmentFeatures | None = None     # the many side read as one passage
    reasons: tuple[Reason, ...] = ()        # why its seed pair was lifted (its lift's reasons)

    def pairs(self) -> list[tuple[int, int]]:
        """The (a, b) positions of each part with the single passage."""
        return [(m, self.single) if self.side == 0 else (self.single, m) for m in self.many]


class _Pairs:
    """The scored pairs seen from each side: every passage's best partners (the best and any
    within ``SEED_TIE`` of it, ``SEED_MOST`` at most: a document that repeats a sentence gives
    it several equal partners, and the split may sit beside any of them)."""

    def __init__(self, scored: Scored, base: dict[tuple[int, int], float]) -> None:
        self.scored, self.base = scored, base
        found: tuple[dict, dict] = (defaultdict(list), defaultdict(list))
        for (p, q), s in base.items():
            if s >= SEED_MIN:
                found[0][p].append((s, q))
                found[1][q].append((s, p))
        self.best = tuple({x: _nearly_best(partners) for x, partners in side.items()} for side in found)

    def pair(self, side: int, x: int, y: int) -> tuple[int, int]:
        return (x, y) if side == 0 else (y, x)

    def lift(self, pair: tuple[int, int]) -> tuple[float, tuple[Reason, ...]]:
        """How much context lifted a pair above its own score, and why."""
        if pair not in self.scored:
            return 0.0, ()
        score, _, reasons = self.scored[pair]
        return max(0.0, score - self.base[pair]), reasons


def _nearly_best(partners: list[tuple[float, int]]) -> list[tuple[float, int]]:
    """The best (score, position) of a passage and those within ``SEED_TIE`` of it."""
    ranked = sorted(partners, key=lambda sp: (-sp[0], sp[1]))[:SEED_MOST]
    return [(s, y) for s, y in ranked if s >= ranked[0][0] - SEED_TIE]


def find_runs(scored: Scored, base: dict[tuple[int, int], float], live: Live,
              docs: tuple[Document, Document], weights: Weights,
              step: Step = lambda share: None) -> list[Run]:
    """Runs of two or three adjacent passages that match one passage better than their parts.
    ``step`` is called after each part of the work with its share of it."""
    pairs = _Pairs(scored, base)
    seeds = []
    for side, m, single in _seeds(pairs):
        lift, reasons = pairs.lift(pairs.pair(side, m, single))
        seeds.append(Run(side, (m,), single, lift=lift, reasons=reasons))
    step(WORK_SHARES[0])
    runs2 = _grow(seeds, live, docs, weights, lambda share: step(WORK_SHARES[1] * share))
    runs3 = _grow(runs2, live, docs, weights, lambda share: step(WORK_SHARES[2] * share))
    best: dict[tuple, Run] = {}
    for run in _reworded(seeds, pairs, live, docs, weights) + runs2 + runs3:
        key = (run.side, run.many, run.single)
        if key not in best or run.score > best[key].score:
            best[key] = run
    out = [best[k] for k in sorted(best)]
    by_single: dict[tuple[int, int], list[Run]] = defaultdict(list)
    for run in out:
        by_single[run.side, run.single].append(run)
    for longer in out:          # a run of three is preferred to the runs of two inside it
        for shorter in by_single[longer.side, longer.single]:
            if set(shorter.many) < set(longer.many):
                shorter.score = min(shorter.score, max(0.0, longer.score - CAP_BELOW))
    return out


def _seeds(pairs: _Pairs) -> list[tuple[int, int, int]]:
    """(side, many-side position, single-side position) of each passage's best pair, both ways."""
    out: set[int] = set()       # (side, many, single) as one integer, in the order of the tuples
    for side in (0, 1):
        for x, best in pairs.best[side].items():
            for _, y in best:
                p, q = pairs.pair(side, x, y)
                out.update((p << 16 | q, 1 << 32 | q << 16 | p))
    return [(key >> 32, key >> 16 & 0xFFFF, key & 0xFFFF) for key in sorted(out)]


def _adjacent(feats: Sequence[SegmentFeatures], x: int, y: int) -> bool:
    """Whether live passages x < y are neighbours in the document (no passage between)."""
    return 0 <= x < y < len(feats) and feats[x].ids[-1] + 1 == feats[y].ids[0]


def _grow(runs: list[Run], live: Live, docs: tuple[Document, Document], weights: Weights,
          step: Step) -> list[Run]:
    """Each run extended by its next or previous passage, kept where the longer run is better;
    the trials are read in chunks of ``TRIAL_CHUNK``, ``step`` called after each. (Every view
    is read pair by pair, so the chunks change no result.)"""
    trials = _trials(runs, live)
    out: list[Run] = []
    for start in range(0, len(trials), TRIAL_CHUNK):
        chunk = trials[start:start + TRIAL_CHUNK]
        out += _grow_trials(_promising(chunk, live, weights), live, docs, weights)
        step(len(chunk) / len(trials))
    if not trials:
        step(1.0)
    return out


def _grow_trials(trials: list[tuple[Run, int]], live: Live, docs: tuple[Document, Document],
                 weights: Weights) -> list[Run]:
    """The trials (run, neighbour) whose longer run is kept, as runs."""
    if not trials:
        return []
    singles = [live[1 - run.side][run.single] for run, _ in trials]
    alone = pair_views([live[run.side][x] for run, x in trials], singles, weights)
    alone_scores = combine(alone)
    grown = [tuple(sorted(run.many + (x,))) for run, x in trials]
    merged = [_read_as_one(live[run.side], many, docs[run.side]) for (run, _), many in zip(trials, grown)]
    shorter = [run.read or live[run.side][run.many[0]] for run, _ in trials]
    views = pair_views(merged + shorter, singles + singles, weights)
    scores = combine(views)
    n = len(trials)
    out = []
    for k, ((run, _), many) in enumerate(zip(trials, grown)):
        if views["words"][k] >= max(views["words"][n + k], alone["words"][k]) + WORDS_GAIN and \
                scores[k] >= max(scores[n + k], alone_scores[k]):
            kept = {name: float(views[name][k]) for name in VIEWS_KEPT}
            out.append(Run(run.side, many, run.single, min(1.0, float(scores[k]) + run.lift), kept,
                           run.lift, merged[k], run.reasons))
    kept_ids = {id(run.read) for run in out}
    weights.forget(f for f in merged if id(f) not in kept_ids)   # trials read once, not kept
    return out


def _trials(runs: list[Run], live: Live) -> list[tuple[Run, int]]:
    """(run, neighbour) for each run and each adjacent passage beside it, once per longer run
    (the seed with the largest context lift kept)."""
    best: dict[int, tuple[Run, int]] = {}
    for run in runs:
        feats = live[run.side]
        lo, hi = run.many[0], run.many[-1]     # (a run's positions are sorted and adjacent)
        for x, many in ((lo - 1, (lo - 1, *run.many)), (hi + 1, (*run.many, hi + 1))):
            if _adjacent(feats, *many[-2:]) if x > hi else _adjacent(feats, *many[:2]):
                key = _trial_key(run.side, many, run.single)
                found = best.get(key)
                if found is None or run.lift > found[0].lift:
                    best[key] = (run, x)
    return [best[k] for k in sorted(best)]


def _trial_key(side: int, many: tuple[int, ...], single: int) -> int:
    """(side, many, single) as one integer that sorts as the tuple does among runs as long as
    ``many`` (positions stay below 2**16, ``align.MAX_PASSAGES``): one sort of integers, not of
    nested tuples, which holds the interpreter several times as long."""
    key = side
    for position in (*many, single):
        key = key << 16 | position
    return key


def _promising(trials: list[tuple[Run, int]], live: Live, weights: Weights) -> list[tuple[Run, int]]:
    """The trials whose neighbour lies mostly inside the single passage and whose longer run
    could still cover it ``WORDS_GAIN`` better: the weighted Dice of the run is at most
    2 · min(shared by the parts, single's weight) / (weight of the parts and the single).
    The neighbours' and the runs' views come from one call (one item table; a pair's views are
    the same in any batch)."""
    if not trials:
        return []
    singles = [live[1 - run.side][run.single] for run, _ in trials]
    n = len(trials)
    both = word_views([live[run.side][x] for run, x in trials]
                      + [run.read or live[run.side][run.many[0]] for run, _ in trials], singles + singles, weights)
    near = {name: view[:n] for name, view in both.items()}
    before = {name: view[n:] for name, view in both.items()}
    shared = np.minimum(near["shared"] + before["shared"], near["weight_b"])
    whole = near["weight_a"] + before["weight_a"] + near["weight_b"]
    bound = np.divide(2 * shared, whole, out=np.zeros(len(trials)), where=whole > 0)
    hope = bound >= np.maximum(near["words"], before["words"]) + WORDS_GAIN
    return [t for t, c, h in zip(trials, near["contain"], hope) if c >= CONTAIN_MIN and h]


def _reworded(seeds: list[Run], pairs: _Pairs, live: Live, docs: tuple[Document, Document],
              weights: Weights) -> list[Run]:
    """Runs of two where the neighbour is the reworded second half of a split (see the module
    docstring), each scoring at least its seed pair."""
    found: list[tuple[Run, int]] = []
    for run in seeds:
        feats = live[run.side]
        m = run.many[0]
        seed_score = pairs.base.get(pairs.pair(run.side, m, run.single), 0.0)
        for x in (m - 1, m + 1):
            if not (_adjacent(feats, x, m) if x < m else _adjacent(feats, m, x)):
                continue
            own = pairs.best[run.side].get(x, [])
            if any(y != run.single and s >= seed_score for s, y in own):
                continue            # the neighbour has a partner of its own, as good as the seed's
            if _covers_the_rest(feats[m], feats[x], live[1 - run.side][run.single], x > m):
                found.append((run, x))
    if not found:
        return []
    singles = [live[1 - run.side][run.single] for run, _ in found]
    grown = [tuple(sorted((run.many[0], x))) for run, x in found]
    merged = [_read_as_one(live[run.side], many, docs[run.side]) for (run, _), many in zip(found, grown)]
    views = pair_views(merged, singles, weights)
    scores = combine(views)
    out = []
    for k, ((run, _), many) in enumerate(zip(found, grown)):
        seed_score = pairs.base.get(pairs.pair(run.side, run.many[0], run.single), 0.0)
        score = max(float(scores[k]), seed_score + CAP_BELOW)
        kept = {name: float(views[name][k]) for name in VIEWS_KEPT}
        out.append(Run(run.side, many, run.single, min(1.0, score + run.lift), kept, run.lift, merged[k], run.reasons))
    return out


def _covers_the_rest(seed: SegmentFeatures, near: SegmentFeatures, single: SegmentFeatures, after: bool) -> bool:
    """Whether ``near`` repeats a quotation of ``single`` that ``seed`` does not have, found in
    ``single`` after (``after``) or before the words ``seed`` covers (the median of their
    positions, as a share of the passage). The quotations are read first: most passages
    have none, and then the positions are not needed."""
    ours = None
    for m in _QUOTED.finditer(single.text):
        words = m.group(1).strip(_QUOTE_EDGE)
        if not _WORD.search(words) or words not in near.text or words in seed.text:
            continue
        if ours is None:
            ours = _covered_median(seed, single)
            if ours < 0:
                return False
        theirs = (m.start(1) + m.end(1)) / 2 / max(len(single.text), 1)
        if (theirs > ours) if after else (theirs < ours):
            return True
    return False


def _covered_median(seed: SegmentFeatures, single: SegmentFeatures) -> float:
    """The median position of the content words of ``single`` that ``seed`` has, as a share of
    its words (-1 when there are none)."""
    covered = [i for i, t in enumerate(single.stems) if t not in _ALL_STOP and t in seed.bag]
    if not covered:
        return -1.0
    half = len(covered) // 2
    middle = covered[half] if len(covered) % 2 else (covered[half - 1] + covered[half]) / 2
    return float(middle) / len(single.stems)


def _read_as_one(feats: Sequence[SegmentFeatures], many: tuple[int, ...], doc: Document) -> SegmentFeatures:
    first, last = feats[many[0]], feats[many[-1]]
    ids = tuple(i for m in many for i in feats[m].ids)
    return extract(doc.text, ids, Span(first.span.start, last.span.end), doc.language)


def cap_parts(scored: Scored, runs: list[Run]) -> None:
    """Cap the pairs of a run's parts with its single passage just below the run (in place)."""
    for run in runs:
        for pair in run.pairs():
            if pair in scored and scored[pair][0] > run.score - CAP_BELOW:
                scored[pair] = (max(0.0, run.score - CAP_BELOW), *scored[pair][1:])


def segment_ids(live: tuple[Sequence[SegmentFeatures], Sequence[SegmentFeatures]], run: Run) -> tuple[list[int], list[int]]:
    """The segment ids of a run's two sides, (a ids, b ids)."""
    many = [i for m in run.many for i in live[run.side][m].ids]
    single = list(live[1 - run.side][run.single].ids)
    return (many, single) if run.side == 0 else (single, many)
