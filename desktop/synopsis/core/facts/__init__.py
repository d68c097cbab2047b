"""The fact layer: checkable details that differ inside a linked pair of passages.

``find_fact_changes`` runs one detector per kind (numbers, dates, names, quotes,
attribution, negation) over the two passages and returns :class:`Fact` records whose spans
are offsets into each document's text, most alarming first. The pipeline calls
``find_fact_changes_many`` with all the links of a comparison (a passage may be in several,
and a link may be re-made on a threshold change): each passage's analysis is kept. Each
detector first makes a cheap pre-scan (digits, marks, cue words) and skips the patterns that
cannot match: most passages have no date, figure or quote. The detectors come in ``GROUPS``
that can run apart, in two processes (see ``synopsis.runtime.fact_worker``); ``merge`` joins their answers.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Sequence

from ..model import Fact, Span
from . import attribution, dates, names, negation, numbers, quotes
from .common import Passage, german_document, overlaps

__all__ = ["FIGURES", "GROUPS", "NEGATION", "PEOPLE", "QUOTES", "clear_cache", "find_fact_changes",
           "find_fact_changes_many", "merge"]


# The detectors in groups that can run apart (a large comparison runs some of them in a second
# process, see synopsis.runtime.fact_worker), in the order their facts are listed before the sort by
# severity: dates and numbers read together (a year may be read as either), attribution and
# names together (a swapped speaker is reported once, as an attribution).
FIGURES, QUOTES, PEOPLE, NEGATION = "figures", "quotes", "people", "negation"
GROUPS = (FIGURES, QUOTES, PEOPLE, NEGATION)
_GROUP_OF_KIND = {"date": FIGURES, "number": FIGURES, "quote": QUOTES, "attribution": PEOPLE,
                  "name": PEOPLE, "negation": NEGATION}
_RANK = {kind: GROUPS.index(group) for kind, group in _GROUP_OF_KIND.items()}


class _Analysis:
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


# The analyses of the passages of the last few comparisons (a collection compares each article
# with every other one), most recently used last. No more than that: every analysis kept is a
# few dozen objects that the garbage collector walks after each comparison (2,048 of them cost
# ≈ 25 ms there on a 2,000-link comparison; a passage dropped from here costs a third of that
# to free).
_KEPT = 512
_analyses: OrderedDict[tuple[str, tuple[Span, ...]], _Analysis] = OrderedDict()
_lock = threading.Lock()       # comparisons may run in several threads (the app's worker, a collection)


def clear_cache() -> None:
    """Forget every passage analysis and word decision (for timing a cold run)."""
    with _lock:
        _analyses.clear()
    names.clear_caches()


def _analyse_all(keys: list[tuple[str, tuple[Span, ...]]], groups: Sequence[str] = GROUPS) -> list[_Analysis]:
    """The analysis of each ``(text, spans)`` passage, in order, with what ``groups`` ask. The
    passages not analysed before go through one detector at a time: a detector's patterns and
    tables then stay in the processor's caches (passage by passage, the detectors took ≈ 20 %
    longer on a 2,000-link comparison). A key is hashed as few times as can be: each hash of
    its spans runs Python code. (Two threads may fill in the same kept analysis at once: they
    write the same values.)"""
    where: dict[tuple[str, tuple[Span, ...]], int] = {}
    unique: list[tuple[str, tuple[Span, ...]]] = []
    slots = []
    for key in keys:
        i = where.setdefault(key, len(unique))
        if i == len(unique):
            unique.append(key)
        slots.append(i)
    got: list[_Analysis | None] = [None] * len(unique)
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
        for i in new:
            got[i] = _Analysis(Passage.of(unique[i][0], list(unique[i][1])))
        with _lock:
            for i in new:
                _analyses[unique[i]] = got[i]  # type: ignore[assignment]
            while len(_analyses) > _KEPT:
                _analyses.popitem(last=False)
    analyses: list[_Analysis] = got     # type: ignore[assignment]
    if FIGURES in groups:
        todo = [a for a in analyses if a.numbers is None]
        all_dates = [dates.extract(a.passage) for a in todo]
        for a, ds in zip(todo, all_dates):
            a.numbers = numbers.extract(a.passage, [d.span for d in ds])
            a.dates = ds
    if QUOTES in groups:
        for a in analyses:
            if a.quotes is None:
                a.quotes = quotes.extract(a.passage)
    if PEOPLE in groups:
        todo = [a for a in analyses if a.speakers is None]
        all_names = [names.extract(a.passage, nouns=attribution.reads_nouns(a.passage)) for a in todo]
        for a, ns in zip(todo, all_names):
            a.speakers = attribution.extract(a.passage, ns)
            a.names = names.proper(ns)
    if NEGATION in groups:
        for a in analyses:
            if a.cues is None:
                a.cues = negation.extract(a.passage)
    return [analyses[i] for i in slots]


def _years_as_figures(a: _Analysis, b: _Analysis) -> tuple[list[dates.DateMention], list[numbers.Quantity],
                                                            list[dates.DateMention], list[numbers.Quantity]]:
    """Both sides' dates and figures, less a year-like number read as a year on one side and as
    a plain figure on the other ("ca. 2.000 Soldaten" / "ca. 2000 Soldaten"): one figure
    written two ways, not a date dropped and a figure added."""
    if not ((a.dates or b.dates) and (a.numbers or b.numbers)):
        return a.dates, a.numbers, b.dates, b.numbers
    dates_a, numbers_b = _unread_years(a.dates, b.dates, b.numbers, a.numbers)
    dates_b, numbers_a = _unread_years(b.dates, a.dates, a.numbers, b.numbers)
    return dates_a, numbers_a, dates_b, numbers_b


def _unread_years(mine: list[dates.DateMention], theirs: list[dates.DateMention],
                  their_figures: list[numbers.Quantity], my_figures: list[numbers.Quantity]
                  ) -> tuple[list[dates.DateMention], list[numbers.Quantity]]:
    """``mine`` less the bare years the other side has as a plain figure only (no such year,
    and this side no such figure), and ``their_figures`` less those figures."""
    years = {d.parts["year"] for d in mine if d.parts.keys() == {"year"}} \
        - {d.parts.get("year") for d in theirs} - {q.value for q in my_figures}
    plain = {q.value for q in their_figures if q.unit is None and q.decimals == 0} & years
    if not plain:
        return mine, their_figures
    return ([d for d in mine if not (d.parts.keys() == {"year"} and d.parts["year"] in plain)],
            [q for q in their_figures if not (q.unit is None and q.decimals == 0 and q.value in plain)])


def _texts(text: str, spans: list[Span]) -> list[str]:
    """The passage's chunks as :meth:`Passage.of` cuts them (same words: nothing to analyse)."""
    n = len(text)
    return [text[s.start:min(s.end, n)] for s in spans if min(s.end, n) > s.start]


def find_fact_changes(text_a: str, spans_a: list[Span], text_b: str, spans_b: list[Span]) -> list[Fact]:
    """Facts that changed between the ``spans_a`` passages of ``text_a`` and ``spans_b`` of ``text_b``."""
    return find_fact_changes_many(text_a, text_b, [(spans_a, spans_b)])[0]


def find_fact_changes_many(text_a: str, text_b: str, pairs: Sequence[tuple[list[Span], list[Span]]],
                           groups: Sequence[str] = GROUPS, *,
                           languages: tuple[str | None, str | None] | None = None) -> list[list[Fact]]:
    """``find_fact_changes`` for many linked pairs of the same two texts, one detector (then one
    comparison) at a time over all of them. ``groups``: the detectors to run (see ``GROUPS``);
    the facts of runs with different groups make the full answer with ``merge``. ``languages``:
    each text's language where known (BCP 47); a text whose language is not given is judged
    by its function words."""
    out: list[list[Fact]] = [[] for _ in pairs]
    todo = [(i, tuple(sa), tuple(sb)) for i, (sa, sb) in enumerate(pairs)
            if _texts(text_a, sa) != _texts(text_b, sb)]
    if not todo:
        return out
    found = _analyse_all([(text_a, sa) for _, sa, _ in todo] + [(text_b, sb) for _, _, sb in todo], groups)
    links = [(i, a, b) for (i, _, _), a, b in zip(todo, found, found[len(todo):])]
    if FIGURES in groups:
        figures = [_years_as_figures(a, b) for _, a, b in links]
        for (i, _, _), (dates_a, _, dates_b, _) in zip(links, figures):
            out[i] = dates.compare(text_a, dates_a, text_b, dates_b)
        for (i, _, _), (_, numbers_a, _, numbers_b) in zip(links, figures):
            out[i] += numbers.compare(text_a, numbers_a, text_b, numbers_b)
    if QUOTES in groups:
        for i, a, b in links:
            out[i] += quotes.compare(text_a, a.quotes, a.passage, text_b, b.quotes, b.passage)
    if PEOPLE in groups:
        _people(text_a, text_b, links, out, languages or (None, None))
    if NEGATION in groups:
        for i, a, b in links:
            out[i] += negation.compare(text_a, a.cues, text_b, b.cues, a.passage.words, b.passage.words)
    for i, _, _ in links:
        out[i].sort(key=_order)
    return out


def _german(text: str, language: str | None) -> bool:
    return language == "de" if language else german_document(text)


def _people(text_a: str, text_b: str, links: list[tuple[int, _Analysis, _Analysis]], out: list[list[Fact]],
            languages: tuple[str | None, str | None]) -> None:
    """Attribution and name facts of each link, added to ``out``."""
    speaker_facts = [attribution.compare(text_a, a.speakers, a.passage.words, text_b, b.speakers, b.passage.words)
                     for _, a, b in links]
    # German capitalises every noun: the words a document also uses after an article are nouns
    german = any(a.passage.german or b.passage.german for _, a, b in links) \
        or _german(text_a, languages[0]) or _german(text_b, languages[1])
    lexicons = (names.document_nouns(text_a), names.document_nouns(text_b)) if german else ()
    for (i, a, b), spoken in zip(links, speaker_facts):
        nouns = lexicons        # (a short line of a German document may not read as German)
        name_facts = names.compare(text_a, a.names, a.passage.words, text_b, b.names, b.passage.words, nouns)
        # A swapped speaker is reported once, as an attribution, not again as a name.
        taken_a = [f.a for f in spoken if f.a is not None]
        taken_b = [f.b for f in spoken if f.b is not None]
        out[i] += spoken
        out[i] += [f for f in name_facts if not (f.a is not None and overlaps(f.a, taken_a))
                   and not (f.b is not None and overlaps(f.b, taken_b))]


def _order(fact: Fact) -> tuple[int, int, int]:
    """Most alarming first, then in text order, then in the order of ``GROUPS`` (a sort is
    stable: the facts of one group keep the order their detectors gave)."""
    where = fact.a or fact.b
    return -fact.severity, where.start if where else 0, _RANK[fact.kind]


def merge(*parts: list[list[Fact]]) -> list[list[Fact]]:
    """The facts of each link from runs of ``find_fact_changes_many`` with different groups,
    in the order one run with all of them gives."""
    out = []
    for found in zip(*parts):
        facts = sorted((f for group in found for f in group), key=lambda f: _RANK[f.kind])
        facts.sort(key=_order)
        out.append(facts)
    return out
