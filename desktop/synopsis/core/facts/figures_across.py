"""Dates and figures of a pair in two languages, before they are compared: what one language
writes as one date or figure another may split, shorten or leave unread.

* A date the other side has as part of a fuller date that also covers another of this side's
  dates is no date of its own: "« Die Alpen » 1956 … ( November )" / "( novembre 1956 )" — the
  year and the month are the one date of the other side; "3 February and 5 February" / "3 и 5
  февраля" — one date with two days.
* A day written without its month ("le 11 au matin", "am 11. Juli, morgens"): a bare figure from
  1 to 31 on one side that is the day of a date the other side has, and that this side has no
  date with, is that date.
* A month alone on one side that the other side names in a word no pattern reads as a month on
  its own ("its March low" / "su mínimo de marzo", "in May" / "в мае": "March" and "May" are also
  a verb and a modal) is the same month.
* A figure that the other side writes as the first part of a compound ("a two-year operation" /
  "двухлетняя операция", "sechstägig") is that figure, and a two that the other side says with
  "both" ("les deux voies" / "die beiden Routen") is that two; so is a figure the other side says
  as how many act together ("it takes two" / "танцуют вдвоём", "zu zweit").
* A number word inside a fixed expression counts nothing ("it takes two to tango", "on the one
  hand"): when the other side has no figure of its value, a translation that renders the idiom
  in its own words changed no figure.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .common import Passage
from .dates import DateMention
from .lexicon import ALWAYS, LANGUAGES, union
from .numbers import Quantity


def reconcile(dates_a: list[DateMention], numbers_a: list[Quantity], dates_b: list[DateMention],
              numbers_b: list[Quantity], passage_a: Passage | None = None, passage_b: Passage | None = None
              ) -> tuple[list[DateMention], list[Quantity], list[DateMention], list[Quantity]]:
    dates_a, dates_b = _covered(dates_a, dates_b), _covered(dates_b, dates_a)
    dates_a, numbers_b = _days_as_figures(dates_a, dates_b, numbers_b)
    dates_b, numbers_a = _days_as_figures(dates_b, dates_a, numbers_a)
    if passage_a is not None and passage_b is not None:
        dates_a, dates_b = _months_in_words(dates_a, dates_b, passage_b), _months_in_words(dates_b, dates_a, passage_a)
        numbers_a, numbers_b = _compounds(numbers_a, numbers_b, passage_b), _compounds(numbers_b, numbers_a, passage_a)
        numbers_a, numbers_b = _both(numbers_a, numbers_b, passage_b), _both(numbers_b, numbers_a, passage_a)
        numbers_a, numbers_b = (_collectives(numbers_a, numbers_b, passage_b),
                                _collectives(numbers_b, numbers_a, passage_a))
        numbers_a, numbers_b = _idioms(numbers_a, numbers_b, passage_a), _idioms(numbers_b, numbers_a, passage_b)
    return dates_a, numbers_a, dates_b, numbers_b


def _within(x: DateMention, y: DateMention) -> bool:
    """Whether every part of ``x`` is a part of ``y`` with the same value (a day may be the
    second day of ``y``: "5 February" is within "3 и 5 февраля")."""
    return all(k in y.parts and y.parts[k] == v or k == "day" and y.parts.get("day2") == v
               for k, v in x.parts.items())


def _covered(mine: list[DateMention], theirs: list[DateMention]) -> list[DateMention]:
    """``mine`` less the dates within a fuller date of ``theirs`` that also holds an earlier date
    of ``mine`` (the first of them is kept, to pair with the fuller one)."""
    out: list[DateMention] = []
    for x in mine:
        fuller = [y for y in theirs if len(y.parts) > len(x.parts) and _within(x, y)]
        if any(_within(z, y) for y in fuller for z in out):
            continue
        out.append(x)
    return out


def _days_as_figures(mine: list[DateMention], theirs: list[DateMention],
                     their_figures: list[Quantity]) -> tuple[list[DateMention], list[Quantity]]:
    """``mine`` and ``their_figures``, less each date of mine with a day that the other side has
    only as a bare figure."""
    their_days = {d.parts.get("day") for d in theirs}
    dropped_dates, dropped_figures = set(), set()
    for i, d in enumerate(mine):
        day = d.parts.get("day")
        if day is None or day in their_days:
            continue
        j = next((j for j, q in enumerate(their_figures) if j not in dropped_figures and q.unit is None
                  and q.decimals == 0 and q.value == day), None)
        if j is not None:
            dropped_dates.add(i)
            dropped_figures.add(j)
    return ([d for i, d in enumerate(mine) if i not in dropped_dates],
            [q for j, q in enumerate(their_figures) if j not in dropped_figures])


@lru_cache(maxsize=None)
def _unread_months() -> tuple[re.Pattern[str], dict[str, int]]:
    """The English and German month names that are no date on their own ("May", "März" is one),
    as a pattern of capitalised words, and their months."""
    months = {w: LANGUAGES[c].months[w.lower()] for c in ALWAYS
              for w in set(LANGUAGES[c].month_names) - set(LANGUAGES[c].lone_months)}
    return re.compile(r"(?<!\w)(?:" + "|".join(sorted(months)) + r")(?!\w)"), months


def _months_in_words(mine: list[DateMention], theirs: list[DateMention], their_passage: Passage) -> list[DateMention]:
    """``mine`` less each month alone whose month the other side has in no date but names."""
    alone = [d for d in mine if d.parts.keys() == {"month"}]
    if not alone:
        return mine
    pattern, months = _unread_months()
    named = [months[m.group()] for _, chunk in their_passage.chunks for m in pattern.finditer(chunk)]
    dated = {d.parts.get("month") for d in theirs}
    dropped = []
    for d in alone:
        month = d.parts["month"]
        if month not in dated and month in named:
            named.remove(month)
            dropped.append(d)
    return [d for d in mine if not any(d is x for x in dropped)]


@lru_cache(maxsize=None)
def _compound_pattern(language: str) -> tuple[re.Pattern[str], dict[str, int]] | None:
    lex = LANGUAGES.get(language)
    if lex is None or not lex.number_stems:
        return None
    stems = "|".join(sorted((re.escape(s).replace("'", "['’ʼ]?") for s in lex.number_stems), key=len, reverse=True))
    roots = "|".join(re.escape(r) for r in lex.compound_roots)
    stems_plain = {s.replace("'", ""): v for s, v in lex.number_stems.items()}
    return re.compile(r"(?i)(?<!\w)(" + stems + r")-?(?:" + roots + r")\w*"), stems_plain


def _compounds(mine: list[Quantity], theirs: list[Quantity], their_passage: Passage) -> list[Quantity]:
    """``mine`` less each figure that the other side has only as the number of a compound word
    ("двухлетняя" for "two-year": the unit, if any, is in the compound's second part)."""
    found = _compound_pattern(their_passage.language or "")
    if found is None or not mine:
        return mine
    pattern, stems = found
    values = [stems[re.sub("['’ʼ]", "", m.group(1).lower())] for _, chunk in their_passage.chunks
              for m in pattern.finditer(chunk)]
    if not values:
        return mine
    their_values = [q.value for q in theirs]
    out = []
    for q in mine:
        if q.value in values and q.value not in their_values:
            values.remove(q.value)
            continue
        out.append(q)
    return out


_BOTH = union("both_words", tuple(LANGUAGES))


def _both(mine: list[Quantity], theirs: list[Quantity], their_passage: Passage) -> list[Quantity]:
    """``mine`` less a plain two that the other side has as "both" and not as a figure."""
    if not (mine and their_passage.words & _BOTH) or any(q.value == 2 for q in theirs):
        return mine
    two = next((q for q in mine if q.value == 2 and q.unit is None and q.decimals == 0), None)
    return [q for q in mine if q is not two]


@lru_cache(maxsize=None)
def _collective_pattern() -> tuple[re.Pattern[str], dict[str, int]]:
    """Every language's adverbs of how many act together ("вдвоём", "zu zweit"), and their values."""
    values = {" ".join(w.lower().split()): v for lex in LANGUAGES.values() for w, v in lex.collective_numbers.items()}
    source = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(values, key=len, reverse=True))
    return re.compile(r"(?i)(?<!\w)(?:" + source + r")(?!\w)"), values


def _collectives(mine: list[Quantity], theirs: list[Quantity], their_passage: Passage) -> list[Quantity]:
    """``mine`` less each plain figure the other side says only as a collective adverb."""
    if not mine:
        return mine
    pattern, values = _collective_pattern()
    said = [values[" ".join(m.group().lower().split())] for _, m in their_passage.finditer(pattern)]
    if not said:
        return mine
    their_values = [q.value for q in theirs]
    out = []
    for q in mine:
        if q.unit is None and q.decimals == 0 and q.value in said and q.value not in their_values:
            said.remove(q.value)
            continue
        out.append(q)
    return out


@lru_cache(maxsize=None)
def _idiom_pattern() -> re.Pattern[str]:
    source = "|".join(f"(?:{rx})" for lex in LANGUAGES.values() for rx in lex.figure_idioms)
    return re.compile(r"(?i)(?<!\w)(?:" + source + r")(?!\w)")


def _idioms(mine: list[Quantity], theirs: list[Quantity], my_passage: Passage) -> list[Quantity]:
    """``mine`` less each plain figure inside a fixed expression of this side whose value the
    other side has in no figure."""
    if not mine:
        return mine
    idioms = [(offset + m.start(), offset + m.end()) for offset, m in my_passage.finditer(_idiom_pattern())]
    if not idioms:
        return mine
    their_values = {q.value for q in theirs}
    return [q for q in mine if not (q.unit is None and q.value not in their_values
                                    and any(s <= q.span.start and q.span.end <= e for s, e in idioms))]
