"""The date patterns: English and German ones looked for in every passage (``PATTERNS``: "4
February", "am 4. Februar", "9.8.2014", "3pm", "last week"), and those of the languages beyond
them (``for_language``): "24 декабря 2024 года", "у середу", "el 4 y 5 de marzo de 2026", "le 1er
mai", "4 h 45", "на прошлой неделе".

A passage in one of the other languages is searched with its language's patterns first, then with
the English and German ones (``PATTERNS`` but for the bare year), then for a bare year
that is not a figure in either; all of them give the same parts a date is compared by
(``day``, ``month``, ``year``, ``wd``, ``rel``, ``time``), so "24 декабря" = "24 December".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import ALWAYS, LANGUAGES, joined, merged

_YEAR = r"(?P<year>(?:1[89]|20)\d{2})"
# an ordinal ending after a day: "1er", "4-го", "4.", "1.º"
_ORDINAL = r"(?:-?(?:го|е|ого|ое|ій|ий|ї)|er|re|\.?º|°|\.)?"


# (in any case: German capitalises its units, "2000 Euro", "2000 Dollar")
_UNIT_AFTER = r"\s*(?i:" + "|".join(LANGUAGES[c].not_year_after for c in ALWAYS) + ")"

_MON = (r"(?P<mon>(?:" + "|".join(joined("month_names")) + r")|(?:" + "|".join(joined("month_abbreviations"))
        + r")\.?)")
WEEKDAY = r"(?P<wd>" + "|".join(joined("weekday_names")) + ")"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|\.)?"
# a second day: "4-5 March", "March 4–5", "15 and 25 May", "am 15. und 25. Mai"
_DAY2 = r"(?:(?:\s?[-–]\s?|\s+(?:and|und)\s+)(?P<day2>[0-3]?\d)(?!\d)(?:st|nd|rd|th|\.)?)?"
_LONE_MONTH = r"(?P<mon>" + "|".join(joined("lone_months")) + ")"
# a relative word or phrase, behind a look-ahead for the letters one can start with
_REL = (r"(?i)(?=[" + "".join(sorted({w[0] for w in joined("relative_starts")})) + r"])(?<!\w)(?P<rel>"
        + "|".join(LANGUAGES[c].relative_pattern for c in ALWAYS) + r")(?!\w)")
_B = r"(?<![\w$€£.,])"

# The English and German patterns, tried in this order (an earlier match wins); the last is the
# bare year.
PATTERNS = [re.compile(p) for p in (
    # numeric dates: German "09.08.2014" / "9.8.2014" and ISO "2014-08-09"
    _B + r"(?P<day>[0-3]?\d)\.(?P<monnum>[01]?\d)\.(?P<year>(?:1[89]|20)\d{2})(?![\d.,]\d)",
    _B + r"(?P<year>(?:1[89]|20)\d{2})-(?P<monnum>[01]\d)-(?P<day>[0-3]\d)(?!\d)",
    _B + r"(?:" + WEEKDAY + r",?\s+)?(?:the\s+)?" + _DAY + _DAY2 + r"\s+(?:of\s+)?" + _MON + r"(?:,?\s+" + _YEAR + r")?(?!\w)",
    r"(?:" + WEEKDAY + r",?\s+)?" + _MON + r"\s+" + _DAY + r"(?!\d)" + _DAY2 + r"(?:,?\s+" + _YEAR + r")?(?![\w])",
    _MON + r",?\s+" + _YEAR + r"(?!\w)",
    r"(?<!\w)" + WEEKDAY + r"(?!\w)",
    r"(?<!\w)" + _LONE_MONTH + r"(?!\w)",
    _B + r"(?P<time>(?:[01]?\d|2[0-4])(?::[0-5]\d(?!\d)(?:\s?(?:[aApP]\.?[mM]\.?|Uhr))?(?![\w-])|\.[0-5]\d\s?(?:[ap]\.?m\.?|Uhr))|\d{1,2}\s?(?:[ap]\.m\.|[ap]m\b|Uhr\b))",
    _REL,
    _B + _YEAR + r"(?![\w%]|[.,]\d)(?!" + _UNIT_AFTER + r")",
)]


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
    patterns = [re.compile(p, re.I) for p in own] + list(PATTERNS[:-1]) + [re.compile(year)]
    return DateTables(tuple(patterns), months, weekdays, relative)
