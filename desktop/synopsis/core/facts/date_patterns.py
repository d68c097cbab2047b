"""Date patterns of the languages beyond English and German: "24 декабря 2024 года", "у середу",
"el 4 y 5 de marzo de 2026", "le 1er mai", "4 h 45", "на прошлой неделе".

A passage in one of these languages is searched with its language's patterns first, then with
the English and German ones (``dates._PATTERNS`` but for the bare year), then for a bare year
that is not a figure in either; all of them give the same parts a date is compared by
(``day``, ``month``, ``year``, ``wd``, ``rel``, ``time``), so "24 декабря" = "24 December".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import ALWAYS, LANGUAGES, merged

_YEAR = r"(?P<year>(?:1[89]|20)\d{2})"
# an ordinal ending after a day: "1er", "4-го", "4.", "1.º"
_ORDINAL = r"(?:-?(?:го|е|ого|ое|ій|ий|ї)|er|re|\.?º|°|\.)?"


def _alternation(words) -> str:
    """Pattern source for any of ``words`` (longest first; a space stands for any white space;
    an apostrophe for any apostrophe)."""
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        source = re.escape(w).replace("\\ ", " ").replace(" ", r"\s+").replace("'", "['’ʼ]")
        out.append(source)
    return "|".join(out)


@dataclass(frozen=True)
class DateTables:
    """The patterns of one language, and the words its dates' parts are read with."""
    patterns: tuple[re.Pattern[str], ...]      # in the order they are tried (an earlier match wins)
    months: dict[str, int]
    weekdays: dict[str, int]
    relative: dict[str, str]


@lru_cache(maxsize=None)
def for_language(language: str) -> DateTables | None:
    """The date tables of a passage in ``language``, or None for English, German and languages
    without a lexicon (the English and German patterns only, see ``dates``)."""
    if language not in LANGUAGES or language in ALWAYS:
        return None
    from .dates import _PATTERNS        # (the English and German patterns; the last is the bare year)
    lex = LANGUAGES[language]
    codes = (*ALWAYS, language)
    months, weekdays, relative = merged("months", codes), merged("weekdays", codes), merged("relative", codes)
    mon = r"(?P<mon>" + _alternation(lex.months) + ")"
    year_word = r"(?:\s*(?:" + lex.year_words + r"))?" if lex.year_words else ""
    day2 = r"(?:\s?[–/-]\s?(?P<day2>[0-3]?\d)|\s+(?:и|і|й|та|y|et|e)\s+(?P<day2b>[0-3]?\d))?"
    own = [
        r"(?<![\w.,])(?P<day>[0-3]?\d)" + _ORDINAL + day2 + r"\s+(?:de\s+)?" + mon
        + r"(?:,?\s+(?:del?\s+)?" + _YEAR + year_word + r")?(?!\w)",
        r"(?<!\w)" + mon + r",?\s+(?:del?\s+)?" + _YEAR + year_word + r"(?!\w)",
        r"(?<!\w)(?P<wd>" + _alternation(lex.weekdays) + r")(?!\w)",
        r"(?<!\w)" + mon + r"(?!\w)",
        r"(?<!\w)(?P<rel>" + _alternation(lex.relative) + r")(?!\w)",
        r"(?<![\w.,])(?P<time>(?:[01]?\d|2[0-4])\s?h(?:eures?|\.)?(?:\s?[0-5]\d)?)(?!\w)",
    ]
    not_year = r"\s*(?i:" + "|".join(LANGUAGES[c].not_year_after for c in codes) + ")"
    year = r"(?<![\w$€£.,])" + _YEAR + r"(?![\w%]|[.,]\d)(?!" + not_year + ")"
    patterns = [re.compile(p, re.I) for p in own] + list(_PATTERNS[:-1]) + [re.compile(year)]
    return DateTables(tuple(patterns), months, weekdays, relative)
