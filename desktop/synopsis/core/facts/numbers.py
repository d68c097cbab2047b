"""Quantities: digits or number words (English, German) with currency, magnitude and unit.

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
from .common import Passage, overlaps, span, word_flag
from .lexicon import ALWAYS, CURRENCY_SIGNS, LANGUAGES, UNIT_ORDER, UNIT_SYMBOLS, joined, merged

_SMALL = merged("number_words")
_MULT = merged("multipliers")
_SCALE = merged("scales")
# (unit code, pattern source of its names), in the order they are tried
_UNITS = [(unit, "|".join(p for p in (UNIT_SYMBOLS.get(unit), *(LANGUAGES[c].units.get(unit) for c in ALWAYS)) if p))
          for unit in UNIT_ORDER]
# one pattern for every unit, tried in table order: group ``u<i>`` names the unit ``_UNITS[i]``
_UNIT_OF = re.compile("|".join(f"(?P<u{i}>{rx})\\Z" for i, (_, rx) in enumerate(_UNITS)), re.I)
_CURRENCY = CURRENCY_SIGNS
_LONG_SCALE = LANGUAGES["de"].scale_overrides      # German: "Billion" is 10^12

_WORDNUM = "|".join(sorted(list(_SMALL) + list(_MULT), key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
_SCALE_RX = "|".join(LANGUAGES[c].scale_pattern for c in ALWAYS)
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


_QUALIFIERS = [(sort, "|".join(LANGUAGES[c].qualifiers[sort] for c in ALWAYS)) for sort in ("approx", "over", "under")]
_QUALIFIER = re.compile(r"(?i)(?<!\w)(?:" + "|".join(f"(?P<{n}>{rx})" for n, rx in _QUALIFIERS)
                        + r")\s+(?:the\s+)?\Z")
_RANGE_GAP = re.compile(r"\s*(?:-|–|—|" + "|".join(joined("range_words")) + r")\s*\Z", re.I)


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
    """The quantities of a passage, less those whose figure lies in ``skip`` (the dates)."""
    if not (passage.has_digit or passage.flags & _CUE_FLAG):
        return []
    # Passage.words reads "seven't" as "seve not": such a passage is searched for every word
    no_words = not passage.flags & _NUMBER_FLAG and not any(_NOT.search(c) for _, c in passage.chunks)
    anchors = _DIGIT_ANCHOR if no_words else _ANCHOR
    return quantities_of(passage, skip, ((offset, m) for offset, chunk in passage.chunks
                                         for m in _quantities(chunk, anchors)))


def quantities_of(passage: Passage, skip: list[Span], matches: Iterable[tuple[int, re.Match[str]]]) -> list[Quantity]:
    """The quantities of ``matches`` of ``_QUANTITY`` in the passage's chunks (``(chunk offset,
    match)``, in text order); "10-15%": the first end of a range takes the unit of the second."""
    out: list[Quantity] = []
    for offset, m in matches:
        q = _quantity(passage, skip, offset, m)
        if q is not None:
            out.append(q)
    for first, second in zip(out, out[1:]):
        if first.unit is None and second.unit is not None and \
                _RANGE_GAP.match(passage.text[first.span.end:second.span.start]):
            first.unit = second.unit
    return out


def _quantity(passage: Passage, skip: list[Span], offset: int, m: re.Match[str]) -> Quantity | None:
    """The quantity a match stands for, or None (no figure, a figure inside ``skip``, a lone "one")."""
    figure = "num" if m.group("num") else "words"
    if m.group(figure) is None:
        return None
    sp = span(offset, m)
    if not sp or overlaps(Span(offset + m.start(figure), offset + m.end(figure)), skip):
        return None
    if figure == "words":
        # "one"/"a" on their own are pronouns or articles far more often than figures
        if m.group("words").lower().split() == ["one"] and not (m.group("scale") or m.group("unit") or m.group("cur")):
            return None
        value, decimals = _parse_words(m.group("words")), 0
    else:
        value, decimals = _parse_digits(m.group("num"))
    if m.group("frac"):
        denom = {"half": 2, "halv": 2, "thir": 3, "quar": 4, "fift": 5}[m.group("frac").lower()[:4]]
        value, decimals = value / denom, 3
    if m.group("scale"):
        scale = m.group("scale").lower().rstrip(".")
        # German "Billion" is the long scale: 10^12 ("Milliarde" is 10^9)
        value *= _LONG_SCALE[scale] if passage.german and scale in _LONG_SCALE else _SCALE.get(scale, 1.0)
    unit = None
    cur = m.group("cur") or m.group("cur2")
    if cur:
        unit = _CURRENCY.get(cur.lower())
    if m.group("unit"):
        unit = unit_name(m.group("unit")) or unit
    q = _QUALIFIER.search(m.string[max(0, m.start() - 30):m.start()])
    return Quantity(_trim(sp, passage.text), value, unit, q.lastgroup if q else None, decimals)


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
