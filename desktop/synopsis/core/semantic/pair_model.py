"""How sure the engine is that two passages of one language say the same thing: the fitted
combination of their word evidence and their meaning.

The word views alone (``features.COEFFICIENTS``) decide which passages are candidates and
"the same words"; they cannot tell a reworded statement from a neighbouring one on the same
story that shares its vocabulary. The pair model weighs what tells them apart:

* the aligner's views (``features.VIEWS``) and the containment of the lighter side;
* how much of each side's content weight (IDF) the other covers, and what each leaves
  unmatched — the larger and the smaller of the two (a passage that adds a clause covers the
  other but is not covered by it);
* the share of each side's word n-grams (1 to 4, stems) found in the other (BLEU's clipped
  precision), and of its character n-grams (1 to 6, spaces left out: chrF's precision and
  recall, Popović 2015, which meet a word in another form or a number written otherwise),
  the longest common subsequence and word edit similarity of the stems, the token-set ratio
  of the texts, the partial ratio (the character similarity of the shorter text to the
  substring of the longer that it matches best: one side printed whole inside the other,
  whatever it adds) and the Jaccard of stem bigrams;
* names and numbers that only one side has, the share of the names and of the numbers both
  have (Jaccard), the length difference;
* negation: how many more negation cues (``facts.lexicon``'s negation words, "n't") one side
  has than the other, and whether only one side has any ("did not" / "did" is no paraphrase,
  however many words the two share);
* the meaning cosine of the two passages, alone, squared and times the word coverages (the
  cosine of two long passages that share most words means something else than of two short
  ones that share none);
* the element-wise product of the two passages' unit vectors, weighted per dimension (a
  weighted cosine: some directions of the embedding carry who did what, others the topic two
  statements on one story share; the pairwise features of sentence-embedding classifiers,
  Conneau et al. 2017). Its weights are held small by a penalty of their own.

It is a logistic regression on standardised features, plus, when cross-validation on train
finds they help, shallow regression trees fitted, by gradient boosting, to what the
regression's margin leaves (they weigh a feature by where others sit, which one linear margin
cannot; the current fit has none), all fitted on MSRP train only
(``benchmarks/fit_pair_model.py``); its numbers are data in :mod:`.pair_weights`. The app
uses it where the meaning of two passages was computed (``same_language.MeaningView``), in
place of a blend of the word score and the cosine alone.
"""
from __future__ import annotations

import heapq
import math
from collections import Counter
from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel, Levenshtein

from ..facts.lexicon import joined
from ..features import _ALL_STOP, SegmentFeatures, Weights, pair_views, word_views
from ..ticks import EVERY, Tick

NGRAMS = (1, 2, 3, 4)
CHAR_NGRAMS = (1, 2, 3, 4, 5, 6)
# the features the cosine multiplies (and the cosine squared), see the module docstring
COSINE_TIMES = ("words", "cov_min", "cov_max", "unw_max", "len_log", "contain")
NEGATIONS = frozenset(joined("negations"))


@dataclass(frozen=True)
class Trees:
    """Complete binary trees of one depth, all read at once: node k (breadth first, root 0)
    sends a pair right when its feature ``split_feature[t, k]`` is at least
    ``split_at[t, k]``; a leaf adds its value to the margin."""

    depth: int
    split_feature: np.ndarray       # (trees, 2**depth - 1) column of the feature matrix
    split_at: np.ndarray            # (trees, 2**depth - 1)
    leaf: np.ndarray                # (trees, 2**depth)

    @classmethod
    def from_data(cls, data: Mapping) -> "Trees":
        return cls(int(data["depth"]), np.array(data["split_feature"], dtype=np.int64),
                   np.array(data["split_at"], dtype=np.float64), np.array(data["leaf"], dtype=np.float64))

    def margin(self, x: np.ndarray) -> np.ndarray:
        """The sum of every tree's leaf for each row of ``x``."""
        rows = np.arange(len(x))[:, None]
        node = np.zeros((len(x), len(self.leaf)), dtype=np.int64)
        trees = np.arange(len(self.leaf))[None, :]
        for _ in range(self.depth):
            at = x[rows, self.split_feature[trees, node]] >= self.split_at[trees, node]
            node = 2 * node + 1 + at
        return self.leaf[trees, node - (2 ** self.depth - 1)].sum(axis=1)


@dataclass(frozen=True)
class PairModel:
    """A logistic regression over named features, σ(Σ w·(x − mean)/scale + bias + trees(x)
    + Σ_d u_d·a_d·b_d), the trees (if any) reading the raw features, the last term (if the
    model has ``product_weights`` u) reading the table's ``"products"``: a_d·b_d of the two
    passages' unit vectors, one row a pair."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    trees: Trees | None = None
    product_weights: np.ndarray | None = None

    @classmethod
    def from_data(cls, data: Mapping) -> "PairModel":
        trees = Trees.from_data(data["trees"]) if data.get("trees") else None
        products = data.get("product_weights")
        return cls(tuple(data["features"]), tuple(data["mean"]), tuple(data["scale"]),
                   tuple(data["weights"]), float(data["bias"]), trees,
                   None if products is None else np.array(products, dtype=np.float64))

    def __call__(self, table: Mapping[str, np.ndarray]) -> np.ndarray:
        """The probability, per pair, that the two passages say the same thing."""
        x = np.stack([np.asarray(table[name], dtype=np.float64) for name in self.features], axis=1)
        z = ((x - np.array(self.mean)) / np.array(self.scale)) @ np.array(self.weights) + self.bias
        if self.trees is not None and len(x):
            z = z + self.trees.margin(x)
        if self.product_weights is not None and len(x):
            products = np.asarray(table["products"])         # (float32 from the app: no float64 copy)
            z = z + products @ self.product_weights.astype(products.dtype)
        return 1.0 / (1.0 + np.exp(-z))


def pair_table(fa: Sequence[SegmentFeatures], fb: Sequence[SegmentFeatures], weights: Weights,
               cosines: np.ndarray | None = None, products: np.ndarray | None = None,
               tick: Tick | None = None, store: "GramStore | None" = None) -> dict[str, np.ndarray]:
    """Every feature of the element-wise pairs (fa[k], fb[k]) by name; with ``cosines`` (the
    meaning cosine of each pair) also the cosine and its products, with ``products`` (the
    element-wise products of each pair's unit vectors, a row a pair) those too. ``tick`` is
    told the share of the rows made every ``EVERY`` rows (it may raise to stop). ``store``:
    passages' n-gram sets kept from the caller's earlier tables (see :class:`GramStore`)."""
    out = dict(pair_views(fa, fb, weights))
    words = word_views(fa, fb, weights)
    out["contain"], out["unmatched"] = words["contain"], words["unmatched"]
    n = len(fa)
    for name, scorer in (("tokens", fuzz.token_set_ratio), ("partial", fuzz.partial_ratio)):
        out[name] = (process.cpdist([f.text for f in fa], [f.text for f in fb], scorer=scorer,
                                    workers=1).astype(np.float64) / 100) if n else np.zeros(0)
    grams = _GramCache([f for pair in zip(fa, fb) for f in pair], store)
    rows = []
    for start in range(0, n, EVERY):
        rows += [_pair_row(x, y, weights, grams) for x, y in zip(fa[start:start + EVERY], fb[start:start + EVERY])]
        if tick is not None:
            tick(len(rows) / n)
    for name in _ROW_NAMES:
        out[name] = np.array([r[name] for r in rows], dtype=np.float64) if rows else np.zeros(0)
    return out if cosines is None else with_cosines(out, cosines, products)


def with_cosines(table: Mapping[str, np.ndarray], cosines: np.ndarray,
                 products: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """A table of ``pair_table`` made without cosines, with the meaning cosine of each pair and
    its products added (a new table); with ``products``, the element-wise products of each
    pair's unit vectors as ``"products"``."""
    out = dict(table)
    cos = np.asarray(cosines, dtype=np.float64)
    out["cos"] = cos
    out["cos_sq"] = cos * cos
    for name in COSINE_TIMES:
        out[f"cos_x_{name}"] = cos * out[name]
    if products is not None:
        out["products"] = np.asarray(products)
    return out


_ROW_NAMES = ("bigrams", "cov_min", "cov_max", "un_min", "un_max", "unw_min", "unw_max", "len_diff",
              "len_log", "names_only", "nums_only", "nums_both", "lcs", "wed",
              *(f"ng{n}_{m}" for n in NGRAMS for m in ("min", "max")),
              *(f"ch{n}_{m}" for n in CHAR_NGRAMS for m in ("min", "max")),
              "names_jac", "nums_jac", "neg_diff", "neg_only")


# Passages whose n-gram sets are kept at once: a passage's character n-grams take tens of
# kilobytes, so a long comparison keeping every scored passage's would hold hundreds of MB.
GRAMS_KEPT = 256


def _grams(f: SegmentFeatures) -> list[frozenset]:
    """The stem n-grams (n in ``NGRAMS``) and character n-grams (``CHAR_NGRAMS``, spaces left
    out) of a passage as occurrence sets."""
    s, c = f.stems, f.text.replace(" ", "")
    return ([_occurrences(list(zip(*[s[i:] for i in range(n)]))) for n in NGRAMS]
            + [_occurrences([c[i:i + n] for i in range(len(c) - n + 1)]) for n in CHAR_NGRAMS])


class _GramCache:
    """The n-gram sets of passages asked for in an order known in advance (``order``), each kept
    until it is next asked for, at most ``GRAMS_KEPT`` at once: when full, the set asked for
    again the latest is dropped (Belady's rule: the fewest sets made again within the bound).
    Only a cache: a dropped set is made again, the same."""

    def __init__(self, order: Sequence[SegmentFeatures], store: "GramStore | None" = None) -> None:
        self.store = store
        self.next_use = [0] * len(order)        # the position at which each request's passage comes again
        last: dict[int, int] = {}
        for t in range(len(order) - 1, -1, -1):
            self.next_use[t] = last.get(id(order[t]), -1)
            last[id(order[t])] = t
        self.asked = 0
        self.kept: dict[int, list[frozenset]] = {}
        self.due: dict[int, int] = {}
        self.latest: list[tuple[int, int]] = []     # a heap of (-next use, passage), stale ones skipped

    def get(self, f: SegmentFeatures) -> list[frozenset]:
        key, again = id(f), self.next_use[self.asked]
        self.asked += 1
        grams = self.kept.pop(key, None)
        if grams is None and self.store is not None:
            grams = self.store.get(f)
        if grams is None:
            grams = _grams(f)
            if self.store is not None:
                self.store.put(f, grams)
        if again >= 0:
            while len(self.kept) >= GRAMS_KEPT:
                self._drop_latest()
            self.kept[key], self.due[key] = grams, again
            heapq.heappush(self.latest, (-again, key))
        return grams

    def _drop_latest(self) -> None:
        while self.latest:
            again, key = heapq.heappop(self.latest)
            if key in self.kept and self.due[key] == -again:
                del self.kept[key]
                return


# Passages whose n-gram sets one comparison keeps between its pair tables (``GramStore``): the
# pairs tabulated while the passages are embedded and those their nearest neighbours propose
# after share most of their passages.
GRAMS_SHARED = 1024


class GramStore:
    """The n-gram sets of the passages of one comparison's pair tables, kept between tables, at
    most ``GRAMS_SHARED`` passages (the first kept dropped first). Only a cache: a passage's
    sets are the same whenever they are made."""

    def __init__(self) -> None:
        self.kept: dict[int, tuple[SegmentFeatures, list[frozenset]]] = {}

    def get(self, f: SegmentFeatures) -> list[frozenset] | None:
        found = self.kept.get(id(f))
        return found[1] if found is not None and found[0] is f else None

    def let_go(self) -> None:
        """Empty the store a passage at a time (see ``MeaningView.let_go``)."""
        while self.kept:
            self.kept.popitem()

    def put(self, f: SegmentFeatures, grams: list[frozenset]) -> None:
        self.kept.pop(id(f), None)
        while len(self.kept) >= GRAMS_SHARED:
            del self.kept[next(iter(self.kept))]
        self.kept[id(f)] = (f, grams)


def _occurrences(grams: list) -> frozenset:
    """Each n-gram once per time it occurs (its second occurrence as (gram, 1), …): the size of
    the intersection of two such sets is the clipped count of n-grams they share (BLEU's), and
    a set intersection runs in C. (Most n-grams of a sentence occur once: counted only if not.)"""
    once = frozenset(grams)
    if len(once) == len(grams):
        return once
    counts = Counter(grams)
    return once.union([(gram, k) for gram, n in counts.items() if n > 1 for k in range(1, n)])


def _shares(ga: frozenset, gb: frozenset) -> tuple[float, float]:
    """(the smaller, the larger) of the shares of each side's n-grams the other has (clipped)."""
    common = len(ga & gb)
    pa, pb = common / max(len(ga), 1), common / max(len(gb), 1)
    return min(pa, pb), max(pa, pb)


def _pair_row(fa: SegmentFeatures, fb: SegmentFeatures, weights: Weights, grams: _GramCache) -> dict[str, float]:
    """The features of one pair that are read pair by pair (see the module docstring)."""
    idf = weights.idf_of
    row: dict[str, float] = {}
    names = [f"ng{n}" for n in NGRAMS] + [f"ch{n}" for n in CHAR_NGRAMS]
    for name, ga, gb in zip(names, grams.get(fa), grams.get(fb)):
        row[f"{name}_min"], row[f"{name}_max"] = _shares(ga, gb)
    bx, by = set(zip(fa.stems, fa.stems[1:])), set(zip(fb.stems, fb.stems[1:]))
    row["bigrams"] = len(bx & by) / len(bx | by) if bx or by else 0.0
    ca = [s for s in fa.bag if s not in _ALL_STOP]       # (text order: sums round the same everywhere)
    cb = [s for s in fb.bag if s not in _ALL_STOP]
    in_a, in_b = set(ca), set(cb)
    wa, wb = sum(idf(t) for t in ca), sum(idf(t) for t in cb)
    cover_a = sum(idf(t) for t in ca if t in in_b) / wa if wa else 0.0
    cover_b = sum(idf(t) for t in cb if t in in_a) / wb if wb else 0.0
    row["cov_min"], row["cov_max"] = min(cover_a, cover_b), max(cover_a, cover_b)
    only_a, only_b = [t for t in ca if t not in in_b], [t for t in cb if t not in in_a]
    row["un_min"], row["un_max"] = min(len(only_a), len(only_b)), max(len(only_a), len(only_b))
    wa_only, wb_only = sum(idf(t) for t in only_a), sum(idf(t) for t in only_b)
    row["unw_min"], row["unw_max"] = min(wa_only, wb_only), max(wa_only, wb_only)
    la, lb = len(fa.stems), len(fb.stems)
    row["len_diff"], row["len_log"] = abs(la - lb), abs(math.log((la + 1) / (lb + 1)))
    row["names_only"] = len(fa.names ^ fb.names)
    row["nums_only"] = len(fa.numbers ^ fb.numbers)
    row["nums_both"] = float(bool(fa.numbers) and bool(fb.numbers))
    row["names_jac"], row["nums_jac"] = _jaccard(fa.names, fb.names), _jaccard(fa.numbers, fb.numbers)
    neg_a, neg_b = _negations(fa.stems), _negations(fb.stems)
    row["neg_diff"], row["neg_only"] = abs(neg_a - neg_b), float((neg_a > 0) != (neg_b > 0))
    row["lcs"] = Indel.normalized_similarity(fa.stems, fb.stems)
    row["wed"] = Levenshtein.normalized_similarity(fa.stems, fb.stems)
    return row


def _jaccard(a: frozenset, b: frozenset) -> float:
    """The share of what either side has that both have; 1 when neither has any."""
    either = len(a | b)
    return len(a & b) / either if either else 1.0


def _negations(stems: Sequence[str]) -> int:
    """The negation cues among a passage's stems (a negation word, or a word ending in "n't")."""
    return sum(1 for s in stems if s in NEGATIONS or s.endswith(("n't", "n’t")))


def fitted(model_name: str) -> PairModel | None:
    """The pair model fitted for the embedding model ``model_name``, if there is one."""
    from .pair_weights import FITTED

    data = FITTED.get(model_name)
    return None if data is None else PairModel.from_data(data)
