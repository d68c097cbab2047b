"""The fact layer: checkable details that differ inside a linked pair of passages.

``find_fact_changes`` runs one detector per kind (numbers, dates, names, quotes,
attribution, negation) over the two passages and returns :class:`Fact` records whose spans
are offsets into each document's text, most alarming first. The pipeline calls it for every
link (a passage may be in several, and a link may be re-made on a threshold change): each
passage's analysis is cached. Each detector first makes a cheap pre-scan (digits, marks, cue
words) and skips the patterns that cannot match: most passages have no date, figure or quote.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..model import Fact, Span
from . import attribution, dates, names, negation, numbers, quotes
from .common import Passage, overlaps

__all__ = ["find_fact_changes"]


@dataclass(slots=True)
class _Analysis:
    passage: Passage
    dates: list[dates.DateMention]
    numbers: list[numbers.Quantity]
    quotes: list[quotes.Quote]
    names: list[names.Name]           # proper names (see names.proper)
    speakers: list[attribution.Speaker]
    cues: negation.Cues


@lru_cache(maxsize=2048)
def _analyse(text: str, spans: tuple[Span, ...]) -> _Analysis:
    p = Passage.of(text, list(spans))
    found_dates = dates.extract(p)
    found_names = names.extract(p, nouns=attribution.reads_nouns(p))
    return _Analysis(p, found_dates, numbers.extract(p, [d.span for d in found_dates]), quotes.extract(p),
                     names.proper(found_names), attribution.extract(p, found_names), negation.extract(p))


def _texts(text: str, spans: list[Span]) -> list[str]:
    """The passage's chunks as :meth:`Passage.of` cuts them (same words: nothing to analyse)."""
    n = len(text)
    return [text[s.start:min(s.end, n)] for s in spans if min(s.end, n) > s.start]


def find_fact_changes(text_a: str, spans_a: list[Span], text_b: str, spans_b: list[Span]) -> list[Fact]:
    """Facts that changed between the ``spans_a`` passages of ``text_a`` and ``spans_b`` of ``text_b``."""
    if _texts(text_a, spans_a) == _texts(text_b, spans_b):
        return []
    a, b = _analyse(text_a, tuple(spans_a)), _analyse(text_b, tuple(spans_b))
    pa, pb = a.passage, b.passage
    words_a, words_b = pa.words, pb.words
    facts = dates.compare(text_a, a.dates, text_b, b.dates)
    facts += numbers.compare(text_a, a.numbers, text_b, b.numbers)
    facts += quotes.compare(text_a, a.quotes, pa, text_b, b.quotes, pb)
    speaker_facts = attribution.compare(text_a, a.speakers, words_a, text_b, b.speakers, words_b)
    # German capitalises every noun: the words a document also uses after an article are nouns
    nouns = (names.document_nouns(text_a), names.document_nouns(text_b)) if pa.german or pb.german else ()
    name_facts = names.compare(text_a, a.names, words_a, text_b, b.names, words_b, nouns)
    facts += speaker_facts
    # A swapped speaker is reported once, as an attribution, not again as a name.
    taken_a = [f.a for f in speaker_facts if f.a is not None]
    taken_b = [f.b for f in speaker_facts if f.b is not None]
    facts += [f for f in name_facts
              if not (f.a is not None and overlaps(f.a, taken_a)) and not (f.b is not None and overlaps(f.b, taken_b))]
    facts += negation.compare(text_a, a.cues, text_b, b.cues, words_a, words_b)
    facts.sort(key=lambda f: (-f.severity, (f.a or f.b).start if (f.a or f.b) else 0))
    return facts
