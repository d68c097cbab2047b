"""Per-segment features for alignment: normalised tokens, light stems, weights, numbers, names.

Everything is derived from a segment's ``core_span`` of ``Document.text``; token offsets are
code-point offsets into that text, so a feature can always be pointed at. Stemming is a few
suffix rules per language (en, de): enough to meet "negotiations"/"negotiation" or
"Verhandlungen"/"Verhandlung", cheap, and predictable.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Sequence

if TYPE_CHECKING:
    import numpy as np

from .model import Document, Span

# Quotes, dashes and spaces that differ between outlets but mean the same.
_UNIFY = str.maketrans({
    "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‟": '"', "″": '"',
    "‘": "'", "’": "'", "‚": "'", "‹": "'", "›": "'", "`": "'", "´": "'",
    "–": "-", "—": "-", "‐": "-", "‑": "-", "‒": "-", "−": "-",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ",
})
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*%?|[^\W\d_]+(?:['-][^\W\d_]+)*", re.UNICODE)
_NUMBER = re.compile(r"^\d")

STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("""a an the and or but if of to in on at by for from with as into onto about
        over under after before between during without within than then that this these those
        there here it its it's he she they we you i me him her them us our your their his my
        is are was were be been being am do does did done have has had having will would shall
        should can could may might must not no nor so too very also just only even still yet
        which who whom whose what when where why how all any both each few more most other some
        such own same up down out off again further once said says say while per
        mr mrs ms""".split()),
    "de": frozenset("""der die das den dem des ein eine einer eines einem einen und oder aber
        wenn von zu im in an auf bei mit aus nach vor über unter für gegen ohne um durch als
        wie dass daß ob nicht kein keine auch noch nur schon sehr so es er sie wir ihr ich du
        man sich sein seine ihre ihren ihrem seiner ist sind war waren wird werden wurde wurden
        hat haben hatte hatten kann können konnte soll sollen muss müssen will wollen würde
        dies diese dieser dieses jener welche welcher was wer wo wann warum am zum zur vom beim
        ins bis seit sagte sagt habe""".split()),
}
_ALL_STOP = frozenset().union(*STOPWORDS.values())
STOP_WEIGHT = 0.1

_EN_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ness",
                "ers", "er", "ed", "es", "ly", "s")
_DE_SUFFIXES = ("ungen", "ung", "heiten", "heit", "keiten", "keit", "ern", "en", "er", "es",
                "em", "e", "n", "s")


def normalise(text: str) -> str:
    """NFKC, unified quotes/dashes/spaces, case-folded: the form character views compare."""
    return unicodedata.normalize("NFKC", text).translate(_UNIFY).casefold()


def stem(word: str, language: str | None) -> str:
    """Strip one common suffix (never below four letters); language picks the rule set."""
    suffixes = _DE_SUFFIXES if language == "de" else _EN_SUFFIXES
    for suffix in suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    if language == "de":
        word = word.replace("ä", "a").replace("ö", "o").replace("ü", "u").replace("ß", "ss")
    return word


@dataclass(slots=True)
class SegmentFeatures:
    """What the aligner knows about one segment (or a run of adjacent segments)."""

    ids: tuple[int, ...]
    span: Span
    text: str                       # normalised core text
    stems: list[str]
    spans: list[Span]               # token offsets in Document.text, parallel to ``stems``
    numbers: frozenset[str]
    names: frozenset[str]
    bag: Counter = field(default_factory=Counter)

    @property
    def content(self) -> list[str]:
        """The stems that are not stopwords, in text order (an order every process shares:
        a set's order changes with the hash seed, and sums over it round differently)."""
        return [s for s in self.bag if s not in _ALL_STOP]


def extract(doc_text: str, ids: Sequence[int], span: Span, language: str | None) -> SegmentFeatures:
    """Features of ``doc_text[span]`` (the core span of segment(s) ``ids``)."""
    raw = doc_text[span.start:span.end]
    stems: list[str] = []
    spans: list[Span] = []
    numbers: set[str] = set()
    names: set[str] = set()
    for n, m in enumerate(_TOKEN.finditer(raw)):
        token = m.group()
        word = normalise(token)
        if _NUMBER.match(word):
            value = word.rstrip("%").replace(",", "")
            numbers.add(value)
            stems.append(value)
        else:
            if token[0].isupper() and n > 0 and word not in _ALL_STOP:
                names.add(word)
            stems.append(stem(word, language) if word not in _ALL_STOP else word)
        spans.append(Span(span.start + m.start(), span.start + m.end()))
    return SegmentFeatures(ids=tuple(ids), span=span, text=normalise(raw).strip(), stems=stems,
                           spans=spans, numbers=frozenset(numbers), names=frozenset(names),
                           bag=Counter(stems))


def merge(first: SegmentFeatures, second: SegmentFeatures, doc_text: str,
          language: str | None) -> SegmentFeatures:
    """Features of two adjacent segments read as one passage (for splits and merges)."""
    return extract(doc_text, first.ids + second.ids, Span(first.span.start, second.span.end),
                   language)


def segment_features(doc: Document) -> list[SegmentFeatures | None]:
    """Features for every segment of ``doc``; None for pure debris (never aligned)."""
    out: list[SegmentFeatures | None] = []
    for seg in doc.segments:
        if seg.is_debris or len(seg.core_span) == 0:
            out.append(None)
        else:
            out.append(extract(doc.text, (seg.id,), seg.core_span, doc.language))
    return out


class Weights:
    """Inverse document frequency over a set of segments; stopwords weigh ``STOP_WEIGHT``."""

    def __init__(self, bags: Iterable[Counter]) -> None:
        df: Counter = Counter()
        total = 0
        for bag in bags:
            df.update(bag.keys())
            total += 1
        self.total = max(total, 1)
        self.df = df
        self._max = math.log(self.total + 1) + 1.0
        self._memo: dict[str, float] = {}

    def idf_of(self, term: str) -> float:
        """``idf`` memoised: the aligner asks for the same terms many times."""
        value = self._memo.get(term)
        if value is None:
            value = self._memo[term] = self.idf(term)
        return value

    def idf(self, term: str) -> float:
        if term in _ALL_STOP:
            return STOP_WEIGHT
        return (math.log((self.total + 1) / (self.df.get(term, 0) + 1)) + 1.0) / self._max

    def is_rare(self, term: str) -> bool:
        return term not in _ALL_STOP and self.df.get(term, 0) <= max(2, 0.02 * self.total)


# -- pair views ----------------------------------------------------------------------------
VIEWS = ("chars", "words", "rare", "numbers", "names", "length", "num_conflict")

# Logistic combination of the views used for document alignment. Set by hand and checked on
# synthetic WMT19 pairs and the seed pair: the MSRP-fitted combination (benchmarks/align_msrp.py)
# over-rates unrelated sentences of similar length, which MSRP never shows it.
# ("chars" is kept with weight 0: it is what the shared threshold applies to.)
COEFFICIENTS: dict[str, float] = {
    "chars": 0.0, "words": 6.0, "rare": 1.0, "numbers": 0.5, "names": 0.5, "length": 0.5,
    "num_conflict": -0.5, "bias": -3.5,
}


def _summary(f: SegmentFeatures, weights: Weights, cache: dict) -> tuple[float, list[str], frozenset[str], float]:
    """(total weight, rare terms in text order, the same as a set, rare weight) of one side,
    memoised per pair_views call. Sums run in text order, never in a set's order (which
    changes with the hash seed and would round differently from process to process)."""
    key = id(f)
    if key not in cache:
        idf = weights.idf_of
        rare = [t for t in f.bag if weights.is_rare(t)]
        cache[key] = (sum(idf(t) * c for t, c in f.bag.items()), rare, frozenset(rare),
                      sum(idf(t) for t in rare))
    return cache[key]


def _weighted_overlap(fa: SegmentFeatures, fb: SegmentFeatures, weights: Weights,
                      cache: dict) -> tuple[float, float]:
    """Weighted Dice over stems, and the share of the smaller side's rare weight found in the other."""
    idf = weights.idf_of
    wa, rare_a, _, rwa = _summary(fa, weights, cache)
    wb, _, rare_b, rwb = _summary(fb, weights, cache)
    shared = sum(idf(t) * min(c, fb.bag[t]) for t, c in fa.bag.items() if t in fb.bag)
    dice = 2.0 * shared / (wa + wb) if wa + wb > 0 else 0.0
    smaller = min(rwa, rwb)
    rare = sum(idf(t) for t in rare_a if t in rare_b) / smaller if smaller > 0 else 0.0
    return min(dice, 1.0), min(rare, 1.0)


def _jaccard(a: frozenset, b: frozenset) -> float:
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def pair_views(pairs_a: Sequence[SegmentFeatures], pairs_b: Sequence[SegmentFeatures],
               weights: Weights) -> dict[str, "np.ndarray"]:
    """Every view for the element-wise pairs (pairs_a[k], pairs_b[k]), as arrays in [0, 1]."""
    import numpy as np
    from rapidfuzz import fuzz, process

    n = len(pairs_a)
    out = {name: np.zeros(n, dtype=np.float64) for name in VIEWS}
    if n == 0:
        return out
    texts_a = [f.text for f in pairs_a]
    texts_b = [f.text for f in pairs_b]
    out["chars"] = process.cpdist(texts_a, texts_b, scorer=fuzz.ratio, workers=1).astype(np.float64) / 100
    words, rare, numbers, names, length, conflict = (
        out[k] for k in ("words", "rare", "numbers", "names", "length", "num_conflict"))
    cache: dict = {}
    for k, (fa, fb) in enumerate(zip(pairs_a, pairs_b)):
        words[k], rare[k] = _weighted_overlap(fa, fb, weights, cache)
        numbers[k] = _jaccard(fa.numbers, fb.numbers)
        conflict[k] = 1.0 if fa.numbers and fb.numbers and not fa.numbers & fb.numbers else 0.0
        names[k] = _jaccard(fa.names, fb.names)
        la, lb = len(fa.text), len(fb.text)
        length[k] = min(la, lb) / max(la, lb) if max(la, lb) else 0.0
    return out


def combine(views: dict[str, "np.ndarray"], coefficients: dict[str, float] | None = None) -> "np.ndarray":
    """One score in [0, 1] per pair: the logistic combination of the views."""
    import numpy as np

    coef = coefficients or COEFFICIENTS
    z = np.full_like(views["chars"], coef["bias"])
    for name, weight in coef.items():
        if name != "bias":
            z += weight * views[name]
    return 1.0 / (1.0 + np.exp(-z))
