"""Dates and figures of a pair in two languages, before they are compared: what one language
writes as one date another may split or shorten.

* A date the other side has as part of a fuller date that also covers another of this side's
  dates is no date of its own: "« Die Alpen » 1956 … ( November )" / "( novembre 1956 )" — the
  year and the month are the one date of the other side.
* A day written without its month ("le 11 au matin", "am 11. Juli, morgens"): a bare figure from
  1 to 31 on one side that is the day of a date the other side has, and that this side has no
  date with, is that date.
"""
from __future__ import annotations

from .dates import DateMention
from .numbers import Quantity


def reconcile(dates_a: list[DateMention], numbers_a: list[Quantity], dates_b: list[DateMention],
              numbers_b: list[Quantity]) -> tuple[list[DateMention], list[Quantity], list[DateMention], list[Quantity]]:
    dates_a, dates_b = _covered(dates_a, dates_b), _covered(dates_b, dates_a)
    dates_a, numbers_b = _days_as_figures(dates_a, dates_b, numbers_b)
    dates_b, numbers_a = _days_as_figures(dates_b, dates_a, numbers_a)
    return dates_a, numbers_a, dates_b, numbers_b


def _within(x: DateMention, y: DateMention) -> bool:
    """Whether every part of ``x`` is a part of ``y`` with the same value."""
    return all(k in y.parts and y.parts[k] == v for k, v in x.parts.items())


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
