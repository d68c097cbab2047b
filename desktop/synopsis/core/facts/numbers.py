"""Quantities: digits or number words (in every supported language) with currency, magnitude and unit.

Every mention is normalised to ``(value, unit)`` — "€650bn" and "650 billion euros" are both
``(6.5e11, "EUR")`` — and the two sides are compared as multisets: equal quantities pair off
silently, a different value or unit is a changed figure, a quantity left over on one side is a
dropped (or added) figure. A changed qualifier ("about 700" / "700") is only a variant.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from ..model import Fact, Span
from ..vocab import FactKind, Severity
from .common import Passage, overlaps, span, word_flag
from .figure_patterns import BASE, FigureTables, for_language
from .lexicon import CURRENCY_SIGNS, INTL, LANGUAGES

_SMALL, _MULT, _SCALE = BASE.small, BASE.mult, BASE.scale
_UNITS = BASE.units
_CURRENCY = CURRENCY_SIGNS
_QUANTITY = BASE.quantity
# Where a quantity's figure can begin: a digit run or a number word, searched (case-sensitive,
# which is fast) in the lower-cased chunk; the number words grouped by first letter, so the
# scan does not try every word at every letter. A match of _QUANTITY starts at most 4
# characters before its figure ("US$ 5"); a figure never begins inside an anchor (the
# character before a figure is never a word character).
_LEAD = 4
_CURRENCY_MARKS = "$€£₽₴¥"      # the last character of _QUANTITY's "cur" group
_DIGIT_ANCHOR = re.compile(r"\d\d*")     # (opening with one digit lets the engine skip to the digits)
_BY_INITIAL: dict[str, list[str]] = {}
for _w in sorted(list(_SMALL) + list(_MULT), key=len, reverse=True):
    _BY_INITIAL.setdefault(_w[0], []).append(re.escape(_w[1:]))
_ANCHOR = re.compile(r"\d+|" + "|".join(f"{c}(?:{'|'.join(rest)})" for c, rest in _BY_INITIAL.items()))
_NUMBER_WORDS = frozenset(w.casefold() for w in list(_SMALL) + list(_MULT))   # as Passage.words has them
# characters that match a number word's letter ignoring case but do not lower-case to it
_ODD_CASE = re.compile("[İıſ]")
_NOT = re.compile("n['’]t", re.I)


def _quantities(chunk: str, anchors: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """``_QUANTITY.finditer(chunk)``, trying the pattern only just before each anchor.

    The pattern opens with optional parts and look-behinds, so a plain scan tries it at every
    position; the anchors are found by a cheap scan and the same leftmost, non-overlapping
    matches come out.
    """
    low = chunk.lower()
    if len(low) != len(chunk) or _ODD_CASE.search(chunk):
        yield from _QUANTITY.finditer(chunk)
        return
    done = 0    # every start before this was tried or is inside a match
    for anchor in anchors.finditer(low):
        a = anchor.start()
        if a < done:
            continue
        # a match that starts before its figure has a currency or a space right before it
        first = max(a - _LEAD, done) if a > done and (chunk[a - 1] in _CURRENCY_MARKS or chunk[a - 1].isspace()
                                                     or chunk[max(0, a - 3):a] == "$US") else a
        for start in range(first, a + 1):
            m = _QUANTITY.match(chunk, start)
            if m:
                yield m
                done = m.end()
                break
        else:
            done = max(done, a + 1)


@dataclass(slots=True)
class Quantity:
    span: Span
    value: float
    unit: str | None
    qualifier: str | None
    decimals: int
    # another reading of the same words: "8501 m" is 8,501 million in English and 8,501 metres
    # in the other languages (a metre has no scale letter); (value, unit) or None
    alternative: tuple[float, str | None] | None = None
    scale: float = 1.0      # what the figure was multiplied by ("bn": 1e9)


def _parse_digits(text: str) -> tuple[float, int]:
    if not text.isdigit() and (" " in text or "\u00a0" in text or "\u202f" in text):    # "17 000"
        text = text.replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    if "," in text and "." in text:
        dec = "," if text.rfind(",") > text.rfind(".") else "."
        whole, frac = text.rsplit(dec, 1)
        digits = re.sub(r"\D", "", whole)
        return float(f"{digits}.{frac}"), len(frac)
    for sep in ",.":
        if sep in text:
            parts = text.split(sep)
            if len(parts) > 2 or len(parts[-1]) == 3:
                return float("".join(parts)), 0
            return float(".".join(parts)), len(parts[-1])
    return float(text), 0


def unit_name(text: str) -> str | None:
    """The unit code of a unit's name ("sq km" -> "km2"), as English and German write it."""
    return BASE.unit_name(text)


# (case-folded, as Passage.words has them: "dreißig" -> "dreissig")
_CUE_WORDS = frozenset(w.casefold() for w in (*_SMALL, *_MULT, *(w for w in _SCALE if len(w) > 2),
                                              *(t for w in _SMALL for t in w.split("-"))))
_CUE_FLAG, _NUMBER_FLAG = word_flag(_CUE_WORDS), word_flag(_NUMBER_WORDS)


def extract(passage: Passage, skip: list[Span]) -> list[Quantity]:
    """The quantities of a passage, less those whose figure lies in ``skip`` (the dates)."""
    if passage.language in INTL:        # (another language's words: searched plainly)
        tables = for_language(passage.language)
        return quantities_of(passage, skip, ((offset, m) for offset, chunk in passage.chunks
                                             for m in tables.quantity.finditer(chunk)), tables)
    if not (passage.has_digit or passage.flags & _CUE_FLAG):
        return []
    # Passage.words reads "seven't" as "seve not": such a passage is searched for every word
    no_words = not passage.flags & _NUMBER_FLAG and not any(_NOT.search(c) for _, c in passage.chunks)
    anchors = _DIGIT_ANCHOR if no_words else _ANCHOR
    return quantities_of(passage, skip, ((offset, m) for offset, chunk in passage.chunks
                                         for m in _quantities(chunk, anchors)))


def quantities_of(passage: Passage, skip: list[Span], matches: Iterable[tuple[int, re.Match[str]]],
                  tables: FigureTables = BASE) -> list[Quantity]:
    """The quantities of ``matches`` of ``tables.quantity`` in the passage's chunks (``(chunk
    offset, match)``, in text order); "10-15%", "от 6,9 до 7,5 млрд": the first end of a range takes
    the unit (and the scale) of the second."""
    out: list[Quantity] = []
    for offset, m in matches:
        q = _quantity(passage, skip, offset, m, tables)
        if q is not None:
            out.append(q)
    for first, second in zip(out, out[1:]):
        if (first.unit is None and second.unit is not None or first.scale == 1.0 != second.scale) \
                and tables.range_gap.match(passage.text[first.span.end:second.span.start]):
            first.unit = first.unit or second.unit
            # (not a scale letter that may be a unit: "zwischen 5800 und 6100 m")
            if first.scale == 1.0 != second.scale and second.alternative is None \
                    and first.value <= second.value / second.scale:
                first.value *= second.scale
                first.scale = second.scale
    return out


def _quantity(passage: Passage, skip: list[Span], offset: int, m: re.Match[str],
              tables: FigureTables) -> Quantity | None:
    """The quantity a match stands for, or None (no figure, a figure inside ``skip``, a lone "one")."""
    figure = "num" if m.group("num") else "words"
    if m.group(figure) is None:
        return None
    sp = span(offset, m)
    if not sp or overlaps(Span(offset + m.start(figure), offset + m.end(figure)), skip):
        return None
    if figure == "words":
        if _lone_one(m, tables):
            return None
        value, decimals = tables.parse_words(m.group("words")), 0
    else:
        value, decimals = _parse_digits(m.group("num"))
    if m.group("frac"):
        value, decimals = value / tables.denominator(m.group("frac")), 3
    alternative = None
    factor = 1.0
    if m.group("scale"):
        scale = " ".join(m.group("scale").lower().rstrip(".").split())
        if scale == "m" and not (m.group("cur") or m.group("cur2") or m.group("unit")):
            alternative = (value, "m")
        # German "Billion" is the long scale: 10^12 ("Milliarde" is 10^9), French "billion" too
        overrides = _OVERRIDES.get(passage.language, _NO_OVERRIDES)
        factor = overrides[scale] if scale in overrides else tables.scale.get(scale, 1.0)
        value *= factor
    unit = None
    cur = m.group("cur") or m.group("cur2")
    if cur:
        unit = _CURRENCY.get(cur.lower().replace("$us", "us$"))
    if m.group("unit"):
        unit = tables.unit_name(m.group("unit")) or unit
    q = tables.qualifier.search(m.string[max(0, m.start() - 30):m.start()])
    return Quantity(_trim(sp, passage.text), value, unit, q.lastgroup if q else None, decimals, alternative, factor)


_OVERRIDES = {code: lex.scale_overrides for code, lex in LANGUAGES.items() if lex.scale_overrides}
_NO_OVERRIDES: dict[str, float] = {}


def _lone_one(m: re.Match[str], tables: FigureTables) -> bool:
    """Whether a number word stands alone for 1 where it is more likely a pronoun or an article:
    "one" (and "один") without a scale, unit or currency; "un", "une", "una" without a scale
    ("un mes" is "a month")."""
    words = m.group("words").lower().split()
    if words == ["one"]:
        return not (m.group("scale") or m.group("unit") or m.group("cur"))
    if not tables.intl or len(words) != 1:
        return False
    if words[0] in tables.articles:
        return not m.group("scale")
    return tables.small.get(words[0]) == 1 and not (m.group("scale") or m.group("unit") or m.group("cur"))


def _trim(sp: Span, text: str) -> Span:
    start, end = sp.start, sp.end
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return Span(start, end)


def _same_value(x: float, y: float) -> bool:
    return abs(x - y) <= 1e-9 * max(abs(x), abs(y), 1.0)


def _same_read_otherwise(x: Quantity, y: Quantity) -> bool:
    """One figure read as the other is in its other reading ("8501 m" as metres)."""
    return any(p.alternative is not None and _same_value(p.alternative[0], q.value) and q.unit in (None, p.alternative[1])
               for p, q in ((x, y), (y, x)))


def _rounded(x: Quantity, y: Quantity, across: bool = False) -> bool:
    """One figure is the other rounded ("19.3%" / "19%"), or approximate and close to it. Between
    two languages, only one of them approximate: a translation keeps an approximate figure as it
    is ("about 100" / "около 100"), so "about 100" / "около 103" is a changed figure."""
    for p, q in ((x, y), (y, x)):
        if q.decimals < p.decimals and _same_value(round(p.value, q.decimals), q.value):
            return True
    approximate = bool(x.qualifier) != bool(y.qualifier) if across else bool(x.qualifier or y.qualifier)
    return approximate and abs(x.value - y.value) <= 0.05 * max(x.value, y.value)


def compare(text_a: str, qa: list[Quantity], text_b: str, qb: list[Quantity], across: bool = False) -> list[Fact]:
    """Number facts of a pair; ``across``: the two passages are in two languages (see ``_rounded``)."""
    facts: list[Fact] = []
    left_a, left_b = list(qa), list(qb)

    def pair(test) -> list[tuple[Quantity, Quantity]]:
        pairs = []
        for x in list(left_a):
            y = next((y for y in left_b if test(x, y)), None)
            if y is not None:
                left_a.remove(x)
                left_b.remove(y)
                pairs.append((x, y))
        return pairs

    same = pair(lambda x, y: _same_value(x.value, y.value) and x.unit == y.unit)
    same += pair(lambda x, y: _same_value(x.value, y.value) and (x.unit is None or y.unit is None))
    if left_a and left_b and (any(q.alternative is not None for q in left_a)
                              or any(q.alternative is not None for q in left_b)):
        same += pair(_same_read_otherwise)
    for x, y in same:
        if x.qualifier != y.qualifier:
            facts.append(Fact(FactKind.NUMBER, x.span, y.span, severity=Severity.NOTE,
                              note=f"approximation changed: {_show(text_a, x)} / {_show(text_b, y)}"))
    changed = pair(lambda x, y: x.unit == y.unit)
    changed += pair(lambda x, y: True)
    for x, y in changed:
        minor = _rounded(x, y, across) and x.unit == y.unit
        facts.append(Fact(FactKind.NUMBER, x.span, y.span, severity=Severity.NOTE if minor else 3,
                          note=("figure rounded: " if minor else "figure changed: ")
                          + f"{x.span.slice(text_a)} → {y.span.slice(text_b)}"))
    for x in left_a:
        facts.append(Fact(FactKind.NUMBER, x.span, None, severity=Severity.CHECK, note=f"figure only in A: {x.span.slice(text_a)}"))
    for y in left_b:
        facts.append(Fact(FactKind.NUMBER, None, y.span, severity=Severity.CHECK, note=f"figure only in B: {y.span.slice(text_b)}"))
    return facts


def _show(text: str, q: Quantity) -> str:
    return (q.qualifier + " " if q.qualifier else "") + q.span.slice(text)
