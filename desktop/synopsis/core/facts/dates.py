"""Dates and times: weekdays, day + month (+ year) in English and German order, years,
clock times and relative words (yesterday, gestern).

Each mention becomes a small dict of components (``wd``, ``day``, ``month``, ``year``,
``rel``, ``time``); two mentions agree when every component they share is equal, so
"4 February" = "February 4, 2025" and "on Wednesday" = "Wednesday".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Fact, Span
from ..vocab import FactKind, Severity
from .common import Passage, overlaps, span, word_flag
from .date_patterns import PATTERNS as _PATTERNS, WEEKDAY as _WD, DateTables, for_language
from .lexicon import INTL, joined, merged, union

_MONTHS = merged("months")
_WEEKDAYS = merged("weekdays")
_RELATIVE = merged("relative")
_DIGIT = re.compile(r"\d")

# What each pattern above cannot match without (a cheap test per chunk: most sentences have
# no date, and a regex that opens with a look-behind is tried at every position): n a numeric
# date's "9.8.", i an ISO "2014-08-", d a digit, m a month name's start, y a year, w a
# weekday, t a clock time's digits, r a relative word (tested on the passage's words).
_NEEDS = ("n", "i", "dm", "dm", "my", "w", "m", "t", "r", "y")
_PATTERN_NEEDS = [(pattern, frozenset(needs)) for pattern, needs in zip(_PATTERNS, _NEEDS)]
_FEATURES = {"m": re.compile("|".join(sorted({w[:3] for w in joined("month_names") + joined("month_abbreviations")}))),
             "w": re.compile(_WD)}
_DIGIT_FEATURES = {"n": re.compile(r"\d\.\d{1,2}\."), "i": re.compile(r"\d\d{3}-\d\d-"),
                   "y": re.compile(r"(?:1[89]|20)\d\d"), "t": re.compile(r"\d(?:[:.]\d|\s?[apU])")}
# The relative pattern needs a relative word ("gestern") or a modifier and a period ("this week").
_REL_WORDS = frozenset(w for w in _RELATIVE if " " not in w)
# (the relative pattern's modifiers: the English ones, and the German ones with their endings)
_REL_MODIFIERS = union("relative_modifiers")
_PERIODS = union("periods")


def _features(chunk: str, relative: bool, weekday: bool) -> set[str]:
    have = {"r"} if relative else set()
    if _FEATURES["m"].search(chunk):
        have.add("m")
    if weekday and _FEATURES["w"].search(chunk):
        have.add("w")
    if _DIGIT.search(chunk):
        have.add("d")
        have.update(f for f, rx in _DIGIT_FEATURES.items() if rx.search(chunk))
    return have


# The patterns a chunk with a set of features needs scanning with, in _PATTERNS' order, for
# each set of features met so far (a few dozen at most).
_PATTERNS_FOR: dict[frozenset[str], list[re.Pattern[str]]] = {}


def _patterns_for(have: set[str]) -> list[re.Pattern[str]]:
    key = frozenset(have)
    found = _PATTERNS_FOR.get(key)
    if found is None:
        found = _PATTERNS_FOR[key] = [pattern for pattern, needs in _PATTERN_NEEDS if needs <= key]
    return found


@dataclass(slots=True)
class DateMention:
    span: Span
    parts: dict[str, object]


def _parts(match: re.Match[str], tables: DateTables | None = None) -> dict[str, object]:
    """The parts of the date ``match`` found; ``tables``: the words of another language."""
    months, weekdays, relative = (_MONTHS, _WEEKDAYS, _RELATIVE) if tables is None else \
        (tables.months, tables.weekdays, tables.relative)
    groups = match.groupdict()
    parts: dict[str, object] = {}
    if groups.get("wd"):
        parts["wd"] = weekdays[_apostrophes(groups["wd"].lower())]
    if groups.get("mon"):
        parts["month"] = months[groups["mon"].lower().rstrip(".")]
    if groups.get("monnum"):
        parts["month"] = int(groups["monnum"])
    if groups.get("day"):
        parts["day"] = int(groups["day"])
    if groups.get("day2") or groups.get("day2b"):          # "4-5 March", "4–5 марта", "4 y 5 de marzo"
        parts["day2"] = int(groups.get("day2") or groups["day2b"])
    if groups.get("year"):
        parts["year"] = int(groups["year"])
    if groups.get("time"):
        parts["time"] = _clock(groups["time"])
    if groups.get("rel"):
        rel = _apostrophes(" ".join(groups["rel"].lower().split()))
        parts["rel"] = relative.get(rel) or _relative_phrase(rel)
    return parts


def _apostrophes(word: str) -> str:
    return word.replace("’", "'").replace("ʼ", "'") if "’" in word or "ʼ" in word else word


# a relative phrase's first word (German by its stem, whatever the ending) and its period, in English
_MODIFIER_STEMS = merged("modifier_stems")
_PERIOD_WORDS = merged("period_words")


def _relative_phrase(rel: str) -> str:
    """A relative phrase in English words, whatever its language or inflection ("letzten Jahr"
    = "letztes Jahr" = "last year", "vergangenen Woche" = "past week" = "last week"); any other
    phrase as it is."""
    first, _, period = rel.partition(" ")
    if period in _PERIOD_WORDS:
        for stem, english in _MODIFIER_STEMS.items():
            if first.startswith(stem):
                return f"{english} {_PERIOD_WORDS[period]}"
    return rel


def _clock(text: str) -> str:
    digits = re.findall(r"\d+", text)
    hour, minute = int(digits[0]), int(digits[1]) if len(digits) > 1 else 0
    low = text.lower()
    if "p" in low and hour < 12:
        hour += 12
    return f"{hour:02d}:{minute:02d}"


_NAMED_DAYS = frozenset(_MONTHS) | frozenset(_WEEKDAYS)


_REL_WORDS_FLAG, _REL_MODIFIERS_FLAG, _PERIODS_FLAG, _NAMED_DAYS_FLAG, _WEEKDAYS_FLAG = (
    word_flag(frozenset(words)) for words in (_REL_WORDS, _REL_MODIFIERS, _PERIODS, _NAMED_DAYS, _WEEKDAYS))


def _relative(flags: int) -> bool:
    return bool(flags & _REL_WORDS_FLAG or flags & _REL_MODIFIERS_FLAG and flags & _PERIODS_FLAG)


def extract(passage: Passage) -> list[DateMention]:
    """The dates of a passage, in text order."""
    found: list[DateMention] = []
    if passage.language in INTL:      # (another language's patterns: every one on every chunk)
        tables = for_language(passage.language)
        for offset, chunk in passage.chunks:
            for pattern in tables.patterns:
                for match in pattern.finditer(chunk):
                    add(found, offset, match, tables)
        found.sort(key=lambda d: d.span.start)
        return found
    flags = passage.flags
    relative = _relative(flags)
    if not (passage.has_digit or relative or flags & _NAMED_DAYS_FLAG):
        return found
    # a weekday pattern matches whole words only: the passage's words tell whether to look
    weekday = flags & _WEEKDAYS_FLAG != 0
    # chunk by chunk (dates of two chunks never overlap), each pattern in turn
    for offset, chunk in passage.chunks:
        for pattern in _patterns_for(_features(chunk, relative, weekday)):
            for match in pattern.finditer(chunk):
                add(found, offset, match)
    found.sort(key=lambda d: d.span.start)
    return found


def add(found: list[DateMention], offset: int, match: re.Match[str], tables: DateTables | None = None) -> None:
    """Add the date of ``match`` (in the chunk at ``offset``) to ``found``, unless it overlaps
    a date found before (by an earlier pattern) or names no real day or month."""
    sp = span(offset, match)
    if found and overlaps(sp, [d.span for d in found]):
        return
    parts = _parts(match, tables)
    if "day" in parts and not 1 <= int(parts["day"]) <= 31:  # type: ignore[call-overload]
        return
    if "day2" in parts and not 1 <= int(parts["day2"]) <= 31:  # type: ignore[call-overload]
        return
    if not 1 <= int(parts.get("month", 1)) <= 12:  # type: ignore[call-overload]
        return
    found.append(DateMention(sp, parts))


# Parts of today: each is "today" said more precisely ("this morning" / "today" is no change,
# "this morning" / "tonight" is).
_PARTS_OF_TODAY = union("parts_of_today")


def _same_part(k: str, a: object, b: object) -> bool:
    return a == b or k == "rel" and {a, b} <= _PARTS_OF_TODAY | {"today"} and "today" in (a, b)


def _relation(x: DateMention, y: DateMention) -> str:
    shared = x.parts.keys() & y.parts.keys()
    if not shared:
        return "unrelated"
    return "same" if all(_same_part(k, x.parts[k], y.parts[k]) for k in shared) else "conflict"


def compare(text_a: str, dates_a: list[DateMention], text_b: str, dates_b: list[DateMention]) -> list[Fact]:
    left_a, left_b = list(dates_a), list(dates_b)
    if len(left_a) > 1 or len(left_b) > 1:
        # the closest pairs first: "19 July 1956" goes with "19 July 1956" (or "21 July 1956",
        # a conflict), not with a bare "1956" elsewhere
        close = sorted(((len(x.parts.keys() & y.parts.keys()), i, j) for i, x in enumerate(left_a)
                        for j, y in enumerate(left_b) if _relation(x, y) != "unrelated"), key=lambda t: -t[0])
        taken_a, taken_b, paired = set(), set(), []
        for _, i, j in close:
            if i not in taken_a and j not in taken_b:
                taken_a.add(i)
                taken_b.add(j)
                paired.append((i, j))
        same = [(i, j) for i, j in paired if _relation(left_a[i], left_b[j]) == "same"]
        drop_a, drop_b = {i for i, _ in same}, {j for _, j in same}
        left_a = [x for i, x in enumerate(left_a) if i not in drop_a]
        left_b = [y for j, y in enumerate(left_b) if j not in drop_b]
    for x in list(left_a):
        same = next((y for y in left_b if _relation(x, y) == "same"), None)
        if same is not None:
            left_a.remove(x)
            left_b.remove(same)
    facts: list[Fact] = []
    for x in list(left_a):
        other = next((y for y in left_b if _relation(x, y) == "conflict"), None)
        if other is not None:
            left_a.remove(x)
            left_b.remove(other)
            facts.append(Fact(FactKind.DATE, x.span, other.span, severity=Severity.ALARM,
                              note=f"date changed: {x.span.slice(text_a)} → {other.span.slice(text_b)}"))
    # A relative word against an absolute date may be the same day said differently.
    for x in list(left_a):
        other = next((y for y in left_b if ("rel" in x.parts) != ("rel" in y.parts)), None)
        if other is not None:
            left_a.remove(x)
            left_b.remove(other)
            facts.append(Fact(FactKind.DATE, x.span, other.span, severity=Severity.NOTE,
                              note=f"date given differently: {x.span.slice(text_a)} / {other.span.slice(text_b)}"))
    for x in left_a:
        facts.append(Fact(FactKind.DATE, x.span, None, severity=Severity.CHECK,
                          note=f"date only in A: {x.span.slice(text_a)}"))
    for y in left_b:
        facts.append(Fact(FactKind.DATE, None, y.span, severity=Severity.CHECK,
                          note=f"date only in B: {y.span.slice(text_b)}"))
    return facts
