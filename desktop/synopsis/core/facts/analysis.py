"""What each detector finds in a passage, found once and kept for the passages of the last few
comparisons (a collection compares each article with every other one; a threshold change in the
app re-makes links between the same passages).

A passage is keyed by its document's text, its spans and the language the caller gave for the
document (the same words read as German or as English may give other facts).
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Sequence

from ..model import Span
from ..ticks import Tick, ticking
from . import attribution, dates, names, negation, numbers, quotes, speakers_intl
from .common import Passage
from .lexicon import INTL

# The detectors in groups that can run apart (a large comparison runs some of them in a second
# process, see synopsis.runtime.fact_worker), in the order their facts are listed before the sort by
# severity: dates and numbers read together (a year may be read as either), attribution and
# names together (a swapped speaker is reported once, as an attribution).
FIGURES, QUOTES, PEOPLE, NEGATION = "figures", "quotes", "people", "negation"
GROUPS = (FIGURES, QUOTES, PEOPLE, NEGATION)

Key = tuple[str, tuple[Span, ...], "str | None"]       # (document text, spans, language given)


class Analysis:
    """A passage and what each group's detectors found in it (None: not asked yet)."""

    __slots__ = ("passage", "dates", "numbers", "quotes", "names", "speakers", "cues")

    def __init__(self, passage: Passage) -> None:
        self.passage = passage
        self.dates: list[dates.DateMention] | None = None
        self.numbers: list[numbers.Quantity] | None = None
        self.quotes: list[quotes.Quote] | None = None
        self.names: list[names.Name] | None = None          # proper names (see names.proper)
        self.speakers: list[attribution.Speaker] | None = None
        self.cues: negation.Cues | None = None


# The analyses of the passages of the last few comparisons, most recently used last. No more
# than that: every analysis kept is a few dozen objects that the garbage collector walks after
# each comparison (see benchmarks/results/facts_history.md).
KEPT = 512
_analyses: OrderedDict[Key, Analysis] = OrderedDict()
_lock = threading.Lock()       # comparisons may run in several threads (the app's worker, a collection)


def clear_cache() -> None:
    """Forget every passage analysis."""
    with _lock:
        _analyses.clear()


def analyse_all(keys: list[Key], groups: Sequence[str] = GROUPS, tick: Tick | None = None) -> list[Analysis]:
    """The analysis of each passage, in order, with what ``groups`` ask. The passages not
    analysed before go through one detector at a time: a detector's patterns and tables then
    stay in the processor's caches. ``tick`` is told the share done now and then."""
    unique, slots = _unique(keys)
    analyses = _kept_or_new(unique, tick)
    _fill(analyses, groups, tick)
    return [analyses[i] for i in slots]


def _unique(keys: list[Key]) -> tuple[list[Key], list[int]]:
    """The distinct keys in order of first use, and the index of each key among them. A key is
    hashed as few times as can be: each hash of its spans runs Python code."""
    where: dict[Key, int] = {}
    unique: list[Key] = []
    slots = []
    for key in keys:
        i = where.setdefault(key, len(unique))
        if i == len(unique):
            unique.append(key)
        slots.append(i)
    return unique, slots


def _kept_or_new(unique: list[Key], tick: Tick | None = None) -> list[Analysis]:
    """The kept analysis of each key, or a new one (kept from now on). (Two threads may fill in
    the same kept analysis at once: they write the same values.)"""
    got: list[Analysis | None] = [None] * len(unique)
    new = []
    with _lock:
        for i, key in enumerate(unique):
            known = _analyses.get(key)
            if known is None:
                new.append(i)
            else:
                _analyses.move_to_end(key)
                got[i] = known
    if new:
        for i in ticking(new, tick, 0.0, _SHARES[0]):
            text, spans, language = unique[i]
            got[i] = Analysis(Passage.of(text, list(spans), language))
        with _lock:
            for i in new:
                _analyses[unique[i]] = got[i]  # type: ignore[assignment]
            while len(_analyses) > KEPT:
                _analyses.popitem(last=False)
    return got      # type: ignore[return-value]


def speakers_of(passage: Passage, found: list[names.Name]) -> list[attribution.Speaker]:
    """The speakers of a passage among its names (``found``), by its language's patterns."""
    return (speakers_intl.extract if passage.language in INTL else attribution.extract)(passage, found)


# The shares of analysing's time (passages read, figures, quotes, people, negations) its ticks tell
_SHARES = (0.12, 0.40, 0.50, 0.93, 1.0)


def _fill(analyses: list[Analysis], groups: Sequence[str], tick: Tick | None = None) -> None:
    """Run the detectors of ``groups`` on the analyses that lack their answers, one detector at a time."""
    if FIGURES in groups:
        todo = [a for a in analyses if a.numbers is None]
        all_dates = [dates.extract(a.passage) for a in todo]
        for a, ds in zip(ticking(todo, tick, _SHARES[0], _SHARES[1]), all_dates):
            a.numbers = numbers.extract(a.passage, [d.span for d in ds])
            a.dates = ds
    if QUOTES in groups:
        for a in ticking(analyses, tick, _SHARES[1], _SHARES[2]):
            if a.quotes is None:
                a.quotes = quotes.extract(a.passage)
    if PEOPLE in groups:
        todo = [a for a in analyses if a.speakers is None]
        all_names = [names.extract(a.passage, nouns=attribution.reads_nouns(a.passage))
                     for a in ticking(todo, tick, _SHARES[2], _SHARES[3])]
        for a, ns in zip(todo, all_names):
            a.speakers = speakers_of(a.passage, ns)
            a.names = names.proper(ns)
    if NEGATION in groups:
        for a in ticking(analyses, tick, _SHARES[3], _SHARES[4]):
            if a.cues is None:
                a.cues = negation.extract(a.passage)
