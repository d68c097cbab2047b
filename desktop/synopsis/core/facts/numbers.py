"""Quantities: digits or number words (English, German) with currency, magnitude and unit.

Every mention is normalised to ``(value, unit)`` — "€650bn" and "650 billion euros" are both
``(6.5e11, "EUR")`` — and the two sides are compared as multisets: equal quantities pair off
silently, a different value or unit is a changed figure, a quantity left over on one side is a
dropped (or added) figure. A changed qualifier ("about 700" / "700") is only a variant.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from ..model import Fact, Span
from .common import Passage, overlaps, span, word_flag

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
    "null": 0, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7,
    "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20, "dreißig": 30,
    "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90,
}
_MULT = {"hundred": 100, "hundert": 100, "thousand": 1000, "tausend": 1000}
_SCALE = {
    "k": 1e3, "thousand": 1e3, "tausend": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "million": 1e6,
    "millions": 1e6, "mio": 1e6, "millionen": 1e6, "million(en)": 1e6, "b": 1e9, "bn": 1e9,
    "billion": 1e9, "billions": 1e9, "mrd": 1e9, "milliarde": 1e9, "milliarden": 1e9,
    "tn": 1e12, "trillion": 1e12, "trillions": 1e12, "billionen": 1e12, "bio": 1e12,
}
_UNITS = [
    ("%", r"%|per\s?cent|percent|pct|prozent"),
    ("pp", r"percentage\s+points?|prozentpunkte?n?"),
    ("km2", r"sq\.?\s?km|square\s+kilomet(?:re|er)s?|km²|km2|quadratkilometer[n]?"),
    ("mi2", r"sq\.?\s?mi(?:les?)?|square\s+miles?"),
    ("ha", r"hectares?|hektar"),
    ("km", r"km|kilomet(?:re|er)s?|kilometern"),
    ("mi", r"miles?|meilen"),
    ("m", r"metres?|meters?|metern"),
    ("kg", r"kg|kilo(?:gram(?:me)?s?|gramm)?"),
    ("t", r"tonnes?|tons?|tonnen"),
    ("EUR", r"euros?|eur"), ("USD", r"(?:us[\s-]?)?dollars?|usd"), ("GBP", r"pounds?|pfund|gbp"),
    ("RUB", r"roubles?|rubles?|rubel"), ("UAH", r"hryvnias?|hrywnja"),
    ("s", r"seconds?|sekunden?"), ("min", r"minutes?|minuten?"), ("h", r"hours?|hrs?|stunden?"),
    ("d", r"days?|tagen?|tage"), ("wk", r"weeks?|wochen?"), ("mo", r"months?|monaten?|monate"),
    ("yr", r"years?|jahren?|jahre"),
]
# one pattern for every unit, tried in table order: group ``u<i>`` names the unit ``_UNITS[i]``
_UNIT_OF = re.compile("|".join(f"(?P<u{i}>{rx})\\Z" for i, (_, rx) in enumerate(_UNITS)), re.I)
_CURRENCY = {"€": "EUR", "$": "USD", "us$": "USD", "£": "GBP", "₽": "RUB", "₴": "UAH", "¥": "JPY"}

_WORDNUM = "|".join(sorted(list(_SMALL) + list(_MULT), key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
_SCALE_RX = r"bn|billions?|mn|mln|m|millions?|k|thousand|tn|trillions?|mrd\.?|milliarden?|mio\.?|millionen|billionen|bio\.|tausend|b"
_UNIT_RX = "|".join(rx for _, rx in _UNITS)
_QUANTITY = re.compile(
    r"(?<![\w.,])(?<![A-Za-z]-)(?P<cur>US\$|[$€£₽₴¥])?\s?"
    r"(?:(?P<num>" + _DIGITS + r")|(?P<words>(?:" + _WORDNUM + r")(?!\w)(?:(?:[\s-]|\s+and\s+)(?:" + _WORDNUM + r")(?!\w))*))"
    r"(?:[\s-]?(?P<frac>thirds?|quarters?|halves|fifths?)(?!\w))?"
    r"(?:\s?(?P<scale>" + _SCALE_RX + r")(?![\w]))?"
    r"(?:[\s-]?(?P<unit>%|(?:" + _UNIT_RX + r")(?!\w)))?"
    r"(?:\s?(?P<cur2>[€$£]))?",
    re.I)
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
        first = max(a - _LEAD, done) if a > done and (chunk[a - 1] in _CURRENCY_MARKS or chunk[a - 1].isspace()) else a
        for start in range(first, a + 1):
            m = _QUANTITY.match(chunk, start)
            if m:
                yield m
                done = m.end()
                break
        else:
            done = max(done, a + 1)


_QUALIFIERS = [
    ("approx", r"about|around|some|roughly|approximately|nearly|almost|close\s+to|an\s+estimated|"
               r"circa|ca\.|etwa|rund|ungefähr|knapp|fast|beinahe|annähernd"),
    ("over", r"more\s+than|over|at\s+least|upwards\s+of|mehr\s+als|über|mindestens"),
    ("under", r"less\s+than|fewer\s+than|under|up\s+to|at\s+most|weniger\s+als|bis\s+zu|höchstens"),
]
_QUALIFIER = re.compile(r"(?i)(?<!\w)(?:" + "|".join(f"(?P<{n}>{rx})" for n, rx in _QUALIFIERS)
                        + r")\s+(?:the\s+)?\Z")
_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|and|bis|und)\s*\Z", re.I)


@dataclass(slots=True)
class Quantity:
    span: Span
    value: float
    unit: str | None
    qualifier: str | None
    decimals: int


def _parse_digits(text: str) -> tuple[float, int]:
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


def _parse_words(text: str) -> float:
    total, current = 0, 0
    for word in re.split(r"[\s-]+", text.lower()):
        if word in _SMALL:
            current += _SMALL[word]
        elif word in _MULT:
            if _MULT[word] == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * _MULT[word]
                current = 0
    return float(total + current)


def unit_name(text: str) -> str | None:
    if text == "%":
        return "%"
    m = _UNIT_OF.match(" ".join(text.split()))
    return _UNITS[int(m.lastgroup[1:])][0] if m and m.lastgroup else None


# (case-folded, as Passage.words has them: "dreißig" -> "dreissig")
_CUE_WORDS = frozenset(w.casefold() for w in (*_SMALL, *_MULT, *(w for w in _SCALE if len(w) > 2),
                                              *(t for w in _SMALL for t in w.split("-"))))
_CUE_FLAG, _NUMBER_FLAG = word_flag(_CUE_WORDS), word_flag(_NUMBER_WORDS)


def extract(passage: Passage, skip: list[Span]) -> list[Quantity]:
    out: list[Quantity] = []
    if not (passage.has_digit or passage.flags & _CUE_FLAG):
        return out
    # Passage.words reads "seven't" as "seve not": such a passage is searched for every word
    no_words = not passage.flags & _NUMBER_FLAG and not any(_NOT.search(c) for _, c in passage.chunks)
    anchors = _DIGIT_ANCHOR if no_words else _ANCHOR
    for offset, m in ((offset, m) for offset, chunk in passage.chunks for m in _quantities(chunk, anchors)):
        if m.group("num") is None and m.group("words") is None:
            continue
        sp = span(offset, m)
        if not sp or overlaps(Span(offset + m.start("num" if m.group("num") else "words"),
                                   offset + m.end("num" if m.group("num") else "words")), skip):
            continue
        if m.group("words"):
            words = m.group("words").lower().split()
            # "one"/"a" on their own are pronouns or articles far more often than figures
            if words == ["one"] and not (m.group("scale") or m.group("unit") or m.group("cur")):
                continue
            value, decimals = _parse_words(m.group("words")), 0
        else:
            value, decimals = _parse_digits(m.group("num"))
        if m.group("frac"):
            denom = {"half": 2, "halv": 2, "thir": 3, "quar": 4, "fift": 5}[m.group("frac").lower()[:4]]
            value, decimals = value / denom, 3
        if m.group("scale"):
            scale = m.group("scale").lower().rstrip(".")
            # German "Billion" is the long scale: 10^12 ("Milliarde" is 10^9)
            value *= 1e12 if scale == "billion" and passage.german else _SCALE.get(scale, 1.0)
        unit = None
        cur = m.group("cur") or m.group("cur2")
        if cur:
            unit = _CURRENCY.get(cur.lower())
        if m.group("unit"):
            unit = unit_name(m.group("unit")) or unit
        before = m.string[max(0, m.start() - 30):m.start()]
        q = _QUALIFIER.search(before)
        qualifier = q.lastgroup if q else None
        out.append(Quantity(_trim(sp, passage.text), value, unit, qualifier, decimals))
    # "10-15%": the first end of a range takes the unit of the second.
    for first, second in zip(out, out[1:]):
        if first.unit is None and second.unit is not None and \
                _RANGE_GAP.match(passage.text[first.span.end:second.span.start]):
            first.unit = second.unit
    return out


def _trim(sp: Span, text: str) -> Span:
    start, end = sp.start, sp.end
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return Span(start, end)


def _same_value(x: float, y: float) -> bool:
    return abs(x - y) <= 1e-9 * max(abs(x), abs(y), 1.0)


def _rounded(x: Quantity, y: Quantity) -> bool:
    """One figure is the other rounded ("19.3%" / "19%"), or both are approximate and close."""
    for p, q in ((x, y), (y, x)):
        if q.decimals < p.decimals and _same_value(round(p.value, q.decimals), q.value):
            return True
    return bool((x.qualifier or y.qualifier) and abs(x.value - y.value) <= 0.05 * max(x.value, y.value))


def compare(text_a: str, qa: list[Quantity], text_b: str, qb: list[Quantity]) -> list[Fact]:
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
    for x, y in same:
        if x.qualifier != y.qualifier:
            facts.append(Fact("number", x.span, y.span, severity=1,
                              note=f"approximation changed: {_show(text_a, x)} / {_show(text_b, y)}"))
    changed = pair(lambda x, y: x.unit == y.unit)
    changed += pair(lambda x, y: True)
    for x, y in changed:
        minor = _rounded(x, y) and x.unit == y.unit
        facts.append(Fact("number", x.span, y.span, severity=1 if minor else 3,
                          note=("figure rounded: " if minor else "figure changed: ")
                          + f"{x.span.slice(text_a)} → {y.span.slice(text_b)}"))
    for x in left_a:
        facts.append(Fact("number", x.span, None, severity=2, note=f"figure only in A: {x.span.slice(text_a)}"))
    for y in left_b:
        facts.append(Fact("number", None, y.span, severity=2, note=f"figure only in B: {y.span.slice(text_b)}"))
    return facts


def _show(text: str, q: Quantity) -> str:
    return (q.qualifier + " " if q.qualifier else "") + q.span.slice(text)
