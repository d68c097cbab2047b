"""The fact layer: checkable details that differ inside a linked pair of passages.

``find_fact_changes`` runs one detector per kind (numbers, dates, names, quotes,
attribution, negation) over the two passages and returns :class:`Fact` records whose spans
are offsets into each document's text, most alarming first. The pipeline calls
``find_fact_changes_many`` with all the links of a comparison (a passage may be in several,
and a link may be re-made on a threshold change): each passage's analysis is kept (see
``analysis``). Each detector first makes a cheap pre-scan (digits, marks, cue words) and skips
the patterns that cannot match: most passages have no date, figure or quote. The detectors
come in ``GROUPS`` that can run apart, in two processes (see ``synopsis.runtime.fact_worker``);
``merge`` joins their answers.

The caller should say each document's language (``languages``: a BCP 47 primary tag for each
text, such as "en", "de", "ru"; the engine passes its prepared documents'): it decides which words are read as dates, figures,
speech verbs and negations, and how German nouns and Cyrillic names are read. Without it the
fact layer judges each passage by its own words. ``reference`` holds a plain, slow version of
the detectors that the tests hold the fast path to.
"""
from __future__ import annotations

from typing import Sequence

from ..model import Fact, Span
from ..vocab import FactKind
from . import (analysis, attribution, dates, german, name_changes, names, negation, numbers, polarity, quotes,
               speakers_intl)
from ..ticks import Tick, ticking, within
from .analysis import FIGURES, GROUPS, NEGATION, PEOPLE, QUOTES, Analysis
from .common import across, document_language, overlaps, primary_tag
from .figures_across import reconcile

Languages = tuple[str | None, str | None]      # each text's language (BCP 47), None: not known

__all__ = ["FIGURES", "GROUPS", "NEGATION", "PEOPLE", "QUOTES", "clear_cache", "find_fact_changes",
           "find_fact_changes_many", "merge"]

_GROUP_OF_KIND = {FactKind.DATE: FIGURES, FactKind.NUMBER: FIGURES, FactKind.QUOTE: QUOTES,
                  FactKind.ATTRIBUTION: PEOPLE, FactKind.NAME: PEOPLE, FactKind.NEGATION: NEGATION}
_RANK = {kind: GROUPS.index(group) for kind, group in _GROUP_OF_KIND.items()}
ANALYSIS_SHARE = 0.8    # of finding the facts, reading the passages (the rest: comparing the pairs)


def clear_cache() -> None:
    """Forget every passage analysis and word decision (for timing a cold run)."""
    analysis.clear_cache()
    names.clear_caches()


def _years_as_figures(a: Analysis, b: Analysis) -> tuple[list[dates.DateMention], list[numbers.Quantity],
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


def find_fact_changes(text_a: str, spans_a: list[Span], text_b: str, spans_b: list[Span], *,
                      languages: Languages | None = None) -> list[Fact]:
    """Facts that changed between the ``spans_a`` passages of ``text_a`` and ``spans_b`` of
    ``text_b``; ``languages``: each text's language, where known."""
    return find_fact_changes_many(text_a, text_b, [(spans_a, spans_b)], languages=languages)[0]


def find_fact_changes_many(text_a: str, text_b: str, pairs: Sequence[tuple[list[Span], list[Span]]],
                           groups: Sequence[str] = GROUPS, *,
                           languages: Languages | None = None, tick: Tick | None = None) -> list[list[Fact]]:
    """``find_fact_changes`` for many linked pairs of the same two texts, one detector (then one
    comparison) at a time over all of them. ``groups``: the detectors to run (see ``GROUPS``);
    the facts of runs with different groups make the full answer with ``merge``. ``languages``:
    each text's language where known (BCP 47); a passage whose language is not given is judged
    by its own words. ``tick`` is told the share done now and then (see ``core.ticks``)."""
    language_a, language_b = (primary_tag(tag) for tag in languages or (None, None))
    out: list[list[Fact]] = [[] for _ in pairs]
    todo = [(i, tuple(sa), tuple(sb)) for i, (sa, sb) in enumerate(pairs)
            if _texts(text_a, sa) != _texts(text_b, sb)]
    if not todo:
        return out
    found = analysis.analyse_all([(text_a, sa, language_a) for _, sa, _ in todo]
                                 + [(text_b, sb, language_b) for _, _, sb in todo], groups,
                                 tick=within(tick, 0.0, ANALYSIS_SHARE) if tick is not None else None)
    step = within(tick, ANALYSIS_SHARE, 1.0) if tick is not None else None
    # each link: its index, both sides' analyses, and whether they are in two languages
    links = [(i, a, b, across(a.passage, b.passage)) for (i, _, _), a, b in zip(todo, found, found[len(todo):])]
    if FIGURES in groups:
        figures = [reconcile(*_years_as_figures(a, b), a.passage, b.passage) if x else _years_as_figures(a, b)
                   for _, a, b, x in links]
        for (i, _, _, _), (dates_a, _, dates_b, _) in zip(ticking(links, step, 0.0, 0.3), figures):
            out[i] = dates.compare(text_a, dates_a, text_b, dates_b)
        for (i, _, _, x), (_, numbers_a, _, numbers_b) in zip(links, figures):
            out[i] += numbers.compare(text_a, numbers_a, text_b, numbers_b, x)
    if QUOTES in groups:
        for i, a, b, x in links:
            compare = quotes.compare_across if x else quotes.compare
            out[i] += compare(text_a, a.quotes, a.passage, text_b, b.quotes, b.passage)
    if PEOPLE in groups:
        _people(text_a, text_b, links, out, (language_a, language_b), step)
    if NEGATION in groups:
        for i, a, b, x in links:
            if x:
                out[i] += polarity.compare(text_a, polarity.clauses(a.passage), text_b, polarity.clauses(b.passage))
            else:
                out[i] += negation.compare(text_a, a.cues, text_b, b.cues, a.passage.words, b.passage.words)
    for i, _, _, _ in links:
        out[i].sort(key=_order)
    return out


def _people(text_a: str, text_b: str, links: list[tuple[int, Analysis, Analysis, bool]], out: list[list[Fact]],
            languages: tuple[str | None, str | None], tick: Tick | None = None) -> None:
    """Attribution and name facts of each link, added to ``out`` (``tick``: told the share of
    the links' comparisons done, 0.4 to 1 of them)."""
    speaker_facts = [_speakers_across(text_a, a, text_b, b) if x
                     else attribution.compare(text_a, a.speakers, a.passage.words, text_b, b.speakers, b.passage.words)
                     for _, a, b, x in links]
    # German capitalises every noun: the words a document also uses after an article are nouns
    in_german = any(a.passage.german or b.passage.german for _, a, b, _ in links) \
        or "de" in (document_language(text_a, languages[0]), document_language(text_b, languages[1]))
    lexicons = (german.document_nouns(text_a), german.document_nouns(text_b)) if in_german else ()
    for (i, a, b, x), spoken in zip(ticking(links, tick, 0.4, 1.0), speaker_facts):
        nouns = lexicons        # (a short line of a German document may not read as German)
        if x:
            name_facts = name_changes.compare_across(text_a, a.names, text_b, b.names)
        else:
            name_facts = name_changes.compare(text_a, a.names, a.passage.words, text_b, b.names, b.passage.words, nouns)
        # A swapped speaker is reported once, as an attribution, not again as a name.
        taken_a = [f.a for f in spoken if f.a is not None]
        taken_b = [f.b for f in spoken if f.b is not None]
        out[i] += spoken
        out[i] += [f for f in name_facts if not (f.a is not None and overlaps(f.a, taken_a))
                   and not (f.b is not None and overlaps(f.b, taken_b))]


def _speakers_across(text_a: str, a: Analysis, text_b: str, b: Analysis) -> list[Fact]:
    """Attribution facts of a link in two languages (see ``speakers_intl.compare_across``)."""
    nouns = tuple(german.document_nouns(text) if x.passage.german else frozenset() for text, x in ((text_a, a), (text_b, b)))
    cues = (speakers_intl.speech_cue(a.passage), speakers_intl.speech_cue(b.passage))
    return speakers_intl.compare_across(text_a, a.speakers, a.names, text_b, b.speakers, b.names,
                                        nouns, cues)  # type: ignore[arg-type]


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
