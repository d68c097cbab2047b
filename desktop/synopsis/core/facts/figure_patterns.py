"""The patterns and word tables that read figures, for a set of languages.

``FigureTables(ALWAYS)`` reads English and German figures (every passage is searched for them);
``for_language("ru")`` adds Russian number words, scales ("млрд"), units ("кв. км", "евро"),
qualifiers ("около") and digits grouped by spaces ("17 000"), and so on for each supported
language. ``numbers.py`` turns a match into a quantity with these tables.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import ALWAYS, CURRENCY_SIGNS, LANGUAGES, UNIT_ORDER, UNIT_SYMBOLS, joined, merged, union

_APOSTROPHE = re.compile("'")
# English fractions after a number ("two-thirds", "three quarters"), by their first four letters
ENGLISH_FRACTIONS = {"half": 2, "halv": 2, "thir": 3, "quar": 4, "fift": 5}
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
# "17 000", "1 500,5": groups of three digits apart by a space, a no-break or a narrow space
_SPACED_DIGITS = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?"


def _word_source(word: str) -> str:
    """A number word as pattern source: any apostrophe Ukrainian writes stands for "'"."""
    return _APOSTROPHE.sub("['’ʼ]", re.escape(word).replace("\\'", "'"))


class FigureTables:
    """Everything ``numbers`` reads a figure with, for the languages ``codes``."""

    def __init__(self, codes: tuple[str, ...]) -> None:
        self.codes = codes
        self.intl = codes != ALWAYS
        self.small = merged("number_words", codes)
        self.mult = merged("multipliers", codes)
        self.scale = merged("scales", codes)
        self.fractions = merged("fractions", codes)
        self.articles = union("article_numerals", codes)
        # (unit code, pattern source of its names), in the order they are tried
        self.units = [(unit, "|".join(p for p in (UNIT_SYMBOLS.get(unit), *(LANGUAGES[c].units.get(unit) for c in codes))
                                      if p)) for unit in UNIT_ORDER]
        # one pattern for every unit, tried in table order: group ``u<i>`` names the unit ``units[i]``
        self.unit_of = re.compile("|".join(f"(?P<u{i}>{rx})\\Z" for i, (_, rx) in enumerate(self.units)), re.I)
        self.currency = CURRENCY_SIGNS
        self.quantity = re.compile(self._quantity_source(), re.I)
        qualifiers = [(sort, "|".join(LANGUAGES[c].qualifiers[sort] for c in codes if sort in LANGUAGES[c].qualifiers))
                      for sort in ("approx", "over", "under")]
        self.qualifier = re.compile(r"(?i)(?<!\w)(?:" + "|".join(f"(?P<{n}>{rx})" for n, rx in qualifiers)
                                    + r")\s+(?:the\s+)?\Z")
        self.range_gap = re.compile(r"\s*(?:-|–|—|" + "|".join(joined("range_words", codes)) + r")\s*\Z", re.I)

    def _quantity_source(self) -> str:
        codes = self.codes
        words = sorted(list(self.small) + list(self.mult), key=len, reverse=True)
        wordnum = "|".join(_word_source(w) for w in words) if self.intl else "|".join(words)
        digits = (_SPACED_DIGITS + "|" if any(LANGUAGES[c].grouped_by_space for c in codes) else "") + _DIGITS
        joiners = "|".join(joined("number_joiners", codes))
        joiner = r"(?:[\s-]|\s+" + joiners + r"\s+)" if not self.intl else r"(?:[\s-]|\s+(?:" + joiners + r")\s+)"
        fractions = r"thirds?|quarters?|halves|fifths?" + "".join(
            "|" + _word_source(w) for w in sorted(self.fractions, key=len, reverse=True))
        scales = "|".join(LANGUAGES[c].scale_pattern for c in codes)
        if self.intl:       # (English "m", "k", "b" are metres or letters in the other languages' figures)
            scales = "|".join(s for s in scales.split("|") if len(s) > 1)
        units = "|".join(rx for _, rx in self.units)
        # "millones de euros", "millions de dollars": the unit after "de"
        unit_lead = r"(?:[\s-]?(?:de\s+|d['’]\s?)?" if self.intl else r"(?:[\s-]?"
        # (no figure inside another, "1.5" or "1,5"; after an abbreviation's full stop, one: "S.298";
        # a match never starts at the space after a full stop, so that "ca. 700" keeps its "ca.")
        return (r"(?<![\w,])(?<![\d.]\.)(?!(?<=\.)\s)(?<![A-Za-z]-)(?P<cur>US\$|\$US|[$€£₽₴¥])?\s?"
                r"(?:(?P<num>" + digits + r")|(?P<words>(?:" + wordnum + r")(?!\w)(?:" + joiner + r"(?:" + wordnum
                + r")(?!\w))*))"
                r"(?:[\s-]?(?P<frac>" + fractions + r")(?!\w))?"
                r"(?:\s?(?P<scale>" + scales + r")(?![\w]))?"
                + unit_lead + r"(?P<unit>%|(?:" + units + r")(?!\w)))?"
                r"(?:\s?(?P<cur2>[€$£]))?")

    def unit_name(self, text: str) -> str | None:
        if text == "%":
            return "%"
        m = self.unit_of.match(" ".join(text.split()))
        if not (m and m.lastgroup):
            return None
        code, _ = self.units[int(m.lastgroup[1:])]
        return code

    def denominator(self, fraction: str) -> int:
        word = fraction.lower()
        return self.fractions.get(word) or ENGLISH_FRACTIONS[word[:4]]

    def parse_words(self, text: str) -> float:
        """The value of a run of number words ("twenty-one", "две тысячи пятьсот", "quatre-vingt-dix")."""
        total, current = 0, 0
        for token in re.split(r"\s+", text.lower().replace("’", "'").replace("ʼ", "'")):
            for word in ([token] if token in self.small or token in self.mult else token.split("-")):
                if word in self.small:
                    current += self.small[word]
                elif word in self.mult:
                    if self.mult[word] == 100:
                        current = (current or 1) * 100
                    else:
                        total += (current or 1) * self.mult[word]
                        current = 0
        return float(total + current)


BASE = FigureTables(ALWAYS)


@lru_cache(maxsize=None)
def for_language(language: str | None) -> FigureTables:
    """The tables for a passage in ``language``: English and German, and its own language's."""
    if language not in LANGUAGES or language in ALWAYS:
        return BASE
    return FigureTables((*ALWAYS, language))
