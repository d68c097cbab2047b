"""Quotations: text inside any quotation marks, matched across the pair by similarity.

Quote style, case, punctuation and a full stop inside or outside the marks are not changes.
A matched quote whose words differ is a misquote; a quote whose words reappear unquoted on
the other side has become indirect speech.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import AbstractSet, Iterable

from rapidfuzz import fuzz

from ..model import Fact, Span
from ..vocab import FactKind, Severity
from .common import Passage, norm_word_list
from .lexicon import NAME_CONNECTORS, merged, union
from .spelling import same

_SMALL = merged("number_words")

_QUOTE = re.compile(
    r"“(?P<q1>[^“”\n]+)”"
    r"|„(?P<q2>[^„“”\n]+)[“”]"
    r"|‘(?<!\w‘)(?P<q3>[^‘\n]+?)’(?!\w)"
    r"|\"(?<!\w\")(?P<q4>[^\"\n]+)\""
    r"|«(?P<q5>[^«»\n]+)»"
    r"|»(?P<q6>[^«»\n]+)«"
    r"|‹(?P<q7>[^‹›\n]+)›"
    r"|‚(?P<q8>[^‚‘\n]+)‘"
    r"|'(?<!\w')(?P<q9>[^'\n]{2,}?)'(?!\w)")
# (Each alternative opens with its mark and only then looks behind it: a pattern that starts
# with a literal lets the regex engine skip ahead to the marks instead of trying every position.)
_STOP = union("quote_stop_words")
PAIR_MIN = 50.0     # similarity (0-100) at which two quotes are taken as the same quotation
LONE_MIN = 30.0     # ... when each side has just one quote left
INDIRECT_MIN = 0.6  # share of a quote's content words found unquoted on the other side


@dataclass(slots=True)
class Quote:
    span: Span
    norm: str


# every alternative of _QUOTE opens with one of these ("Putin's" apostrophe is no opening)
_OPENING = re.compile("[“„‘\"«»‹‚]|'(?<!\\w')")
_MARK = re.compile("[“„‘\"«»‹‚']")     # (a scan for one class of characters is cheaper)


def extract(passage: Passage) -> list[Quote]:
    """The quotations of a passage, in text order."""
    chunks = passage.chunks
    if len(chunks) == 1:        # most passages
        if not _MARK.search(chunks[0][1]) or not _OPENING.search(chunks[0][1]):
            return []
    elif not any(_MARK.search(chunk) for _, chunk in chunks) or not any(_OPENING.search(chunk) for _, chunk in chunks):
        return []
    return quotes_of(passage.finditer(_QUOTE))


def quotes_of(matches: Iterable[tuple[int, re.Match[str]]]) -> list[Quote]:
    """The quotations of ``matches`` of ``_QUOTE`` (``(chunk offset, match)``), each without the
    spaces inside its marks; an empty quotation is none."""
    out: list[Quote] = []
    for offset, m in matches:
        group = m.lastgroup or "q1"
        start, end = m.span(group)
        inner = m.group(group)
        lead = len(inner) - len(inner.lstrip())
        trail = len(inner) - len(inner.rstrip())
        norm = _norm(inner)
        if norm and end - trail > start + lead:
            out.append(Quote(Span(offset + start + lead, offset + end - trail), norm))
    return out


_DIGIT = re.compile(r"\d")
_UNIT_WORDS = re.compile(r"\b(?:per cent|percent|prozent)\b|(?<=\d) ?(?:bn|billion|milliarden?|mrd)\b"
                         r"|(?<=\d) ?(?:m|mn|million|millionen|mio)\b")
_SCALE_NORM = {"bn": " bn", "billion": " bn", "m": " m", "mn": " m", "million": " m", "milliarde": " bn",
               "milliarden": " bn", "mrd": " bn", "millionen": " m", "mio": " m"}


# a thousands separator: "2.000", "2,000" and "2 000" are one figure
_GROUPING = re.compile(r"(?<=\d)[.,\u00a0\u202f ](?=\d{3}(?!\d))")


def _norm(inner: str) -> str:
    """Wording of a quote: figures written as digits or words, with or without a thousands
    separator, "%" or "per cent", count as one (house style, not a misquote)."""
    if _DIGIT.search(inner):
        inner = _GROUPING.sub("", inner)
    words = " ".join([str(_SMALL[w]) if w in _SMALL else w for w in norm_word_list(inner)])
    if not (_DIGIT.search(words) or "cent" in words or "prozent" in words):
        return words    # nothing _UNIT_WORDS could match
    return " ".join(_UNIT_WORDS.sub(lambda m: _SCALE_NORM.get(m.group().strip(), ""), words).split())


_CONTEXT = 24      # characters either side of a quotation read by _cut_in_place


def _cut_in_place(x: Quote, pa: Passage, y: Quote, pb: Passage) -> bool:
    """Whether the shorter of two quotes, one the other's opening (or closing) words, lost
    the rest where it stands: the words after (or before) the quotation, in its passage, are
    the same on both sides ("… in a 90-page document," said the official / "… in a 90-page,"
    said the official). A shorter quotation set in other words is a partial quotation, not a cut."""
    short, long = (x.norm, y.norm) if len(x.norm) < len(y.norm) else (y.norm, x.norm)
    if long.startswith(short + " "):
        after_a = norm_word_list(_around(pa, x.span, after=True))[:3]
        return len(after_a) >= 2 and after_a == norm_word_list(_around(pb, y.span, after=True))[:3]
    if long.endswith(" " + short):
        before_a = norm_word_list(_around(pa, x.span, after=False))[-3:]
        return len(before_a) >= 2 and before_a == norm_word_list(_around(pb, y.span, after=False))[-3:]
    return False


def _around(passage: Passage, span: Span, after: bool) -> str:
    """Up to _CONTEXT characters right after (or before) ``span``, inside its chunk of the passage."""
    for offset, chunk in passage.chunks:
        if offset <= span.start < offset + len(chunk):
            if after:
                return chunk[span.end - offset:span.end - offset + _CONTEXT]
            return chunk[max(0, span.start - offset - _CONTEXT):span.start - offset]
    return ""


def _moved_out(x: Quote, y: Quote, pa: Passage, qa: list[Quote], pb: Passage, qb: list[Quote]) -> bool:
    """Whether the words the longer quote has beyond the shorter one stand unquoted on the
    shorter one's side ("… whatever it takes," he said / Whatever it takes, "…," he said)."""
    (short, short_passage, short_quotes), long = ((x, pa, qa), y) if len(x.norm) < len(y.norm) else ((y, pb, qb), x)
    rest = long.norm.replace(short.norm, " ", 1).split()
    return bool(rest) and set(rest) <= _unquoted_words(short_passage, short_quotes)


def _inflected(x: str, y: str) -> bool:
    """The same words in the same order but for word forms ("reparations loan" / "reparation
    loan"): still a change inside a quotation, but no rewording."""
    wx, wy = x.split(), y.split()
    return len(wx) == len(wy) and all(a == b or same(a, b) for a, b in zip(wx, wy))


def _contained(x: str, y: str) -> bool:
    """One quote is the other give or take a few words ("... he said" trimmed), not a fragment of it."""
    short, long = sorted((x, y), key=len)
    return short in long and len(short) >= 0.5 * len(long)


def _score(x: Quote, y: Quote) -> float:
    if _contained(x.norm, y.norm):
        return 100.0
    return max(fuzz.ratio(x.norm, y.norm), fuzz.token_set_ratio(x.norm, y.norm) * 0.9)


def _content(norm: str) -> list[str]:
    return [w for w in norm.split() if w not in _STOP and len(w) > 2]


def _unquoted_words(passage: Passage, quotes: list[Quote]) -> frozenset[str]:
    """The passage's words outside its quotations."""
    text, pieces = passage.text, []
    for offset, chunk in passage.chunks:
        cut = offset
        for q in quotes:
            if offset <= q.span.start < offset + len(chunk):
                pieces.append(text[cut:q.span.start])
                cut = q.span.end
        pieces.append(text[cut:offset + len(chunk)])
    return frozenset(norm_word_list(" ".join(pieces)))


def compare(text_a: str, qa: list[Quote], pa: Passage,
            text_b: str, qb: list[Quote], pb: Passage) -> list[Fact]:
    facts: list[Fact] = []
    scored = sorted(((_score(x, y), i, j) for i, x in enumerate(qa) for j, y in enumerate(qb)),
                    reverse=True)
    used_a: set[int] = set()
    used_b: set[int] = set()
    for score, i, j in scored:
        if i in used_a or j in used_b:
            continue
        lone = len(qa) - len(used_a) == 1 and len(qb) - len(used_b) == 1
        fragment = score < 100 and (qa[i].norm in qb[j].norm or qb[j].norm in qa[i].norm)
        if score < PAIR_MIN and not (lone and score >= LONE_MIN and not fragment):
            continue
        used_a.add(i)
        used_b.add(j)
        x, y = qa[i], qb[j]
        # a quote that is a fragment of the other is a shortened quotation, not a misquote,
        # unless it was cut where it stands (see _cut_in_place)
        if x.norm == y.norm:
            continue
        if x.norm not in y.norm and y.norm not in x.norm:
            if _inflected(x.norm, y.norm):
                facts.append(Fact(FactKind.QUOTE, x.span, y.span, severity=Severity.CHECK,
                                  note=f"quote word forms changed: “{x.span.slice(text_a)}” → “{y.span.slice(text_b)}”"))
            else:
                facts.append(Fact(FactKind.QUOTE, x.span, y.span, severity=Severity.ALARM,
                                  note=f"quote reworded: “{x.span.slice(text_a)}” → “{y.span.slice(text_b)}”"))
        elif _cut_in_place(x, pa, y, pb) and not _moved_out(x, y, pa, qa, pb, qb):
            facts.append(Fact(FactKind.QUOTE, x.span, y.span, severity=Severity.CHECK,
                              note=f"quote cut short: “{x.span.slice(text_a)}” → “{y.span.slice(text_b)}”"))
    for side, quotes, used, text, other, other_quotes in (("A", qa, used_a, text_a, pb, qb),
                                                          ("B", qb, used_b, text_b, pa, qa)):
        other_words: AbstractSet[str] | None = None
        for i, q in enumerate(quotes):
            if i in used:
                continue
            content = _content(q.norm)
            if len(content) < 2:
                continue
            if other_words is None:
                other_words = _unquoted_words(other, other_quotes)
            if sum(w in other_words for w in content) >= INDIRECT_MIN * len(content):
                other = "B" if side == "A" else "A"
                facts.append(Fact(FactKind.QUOTE, q.span if side == "A" else None, q.span if side == "B" else None,
                                  severity=Severity.CHECK, note=f"quoted in {side}, indirect speech in {other}: "
                                                   f"“{q.span.slice(text)}”"))
    return facts


# -- between languages ---------------------------------------------------------------------------

# A quotation and its translation may differ in length by this factor (the shorter over the
# longer) and by this many characters before it counts as cut short or lengthened: a short
# quotation grows in translation ("“no compromise”" / "«никакого компромисса»"), and a sentence
# around it is often recast, so the lengths of the quotations themselves are compared.
LENGTH_RATIO = 0.65
LENGTH_DIFFERENCE = 12


def _quoted_name(passage: Passage, q: Quote, strict: bool = True) -> bool:
    """Whether a quotation is a name set in quotation marks, as Russian and Ukrainian write the
    names of storms, ships, groups and firms («Эрика», «Салафийский джихад»): a word or up to five
    capitalised but for particles ("Republic of North Macedonia"), or (not ``strict``) up to
    three with the first capitalised; no sentence punctuation but a full stop at the end. (Two
    or three words with the first capitalised are as often a short sentence, «Lo apoyamos»: such
    a quotation is a name only when the other side has nothing to pair it with.)"""
    inner = q.span.slice(passage.text).rstrip(".")
    words = inner.split()
    if not inner[:1].isupper() or any(c in inner for c in ".,;:!?"):
        return False
    return len(words) == 1 or len(words) <= 5 and all(w[:1].isupper() or w in _NAME_PARTICLES for w in words) \
        or not strict and len(words) <= 3


_NAME_PARTICLES = NAME_CONNECTORS | {"of", "and", "the", "und", "et", "и", "і"}


def compare_across(text_a: str, qa: list[Quote], pa: Passage, text_b: str, qb: list[Quote], pb: Passage) -> list[Fact]:
    """Quote facts of a pair in two languages, where wording cannot be compared: a quotation on
    one side only (its marks dropped, or added), and a quotation much shorter or longer than its
    counterpart (``LENGTH_RATIO``, ``LENGTH_DIFFERENCE``: cut short, or lengthened). Quotations
    pair off in order; a name in quotation marks is no quotation (see ``_quoted_name``)."""
    qa = [q for q in qa if not _quoted_name(pa, q)]
    qb = [q for q in qb if not _quoted_name(pb, q)]
    size_a, size_b = sum(len(c) for _, c in pa.chunks) or 1, sum(len(c) for _, c in pb.chunks) or 1
    facts: list[Fact] = []
    for x, y in _paired(qa, size_a, pa, qb, size_b, pb):
        if x is None or y is None:
            side, q, text, passage = ("A", x, text_a, pa) if y is None else ("B", y, text_b, pb)
            if not _quoted_name(passage, q, strict=False):
                facts.append(Fact(FactKind.QUOTE, x.span if x else None, y.span if y else None, severity=Severity.CHECK,
                                  note=f"quoted in {side} only: “{q.span.slice(text)}”"))
            continue
        short, long = sorted((len(x.span), len(y.span)))
        if short <= LENGTH_RATIO * long and long - short >= LENGTH_DIFFERENCE:
            what = "cut short" if len(x.span) > len(y.span) else "lengthened"
            facts.append(Fact(FactKind.QUOTE, x.span, y.span, severity=Severity.CHECK,
                              note=f"quote {what}: “{x.span.slice(text_a)}” → “{y.span.slice(text_b)}”"))
    return facts


def _paired(qa: list[Quote], size_a: int, pa: Passage, qb: list[Quote], size_b: int, pb: Passage):
    """The quotations of both sides paired in order, by where they stand in their passages when
    one side has more: each quotation of the shorter list takes the nearest one left, in order;
    the others are paired with None."""
    if len(qa) == len(qb):
        return list(zip(qa, qb))
    where_a = [(q.span.start - pa.chunks[0][0]) / size_a for q in qa]
    where_b = [(q.span.start - pb.chunks[0][0]) / size_b for q in qb]
    out, used = [], set()
    short, long, flip = (where_a, where_b, False) if len(qa) < len(qb) else (where_b, where_a, True)
    start = 0
    for i, w in enumerate(short):
        j = min(range(start, len(long)), key=lambda j: abs(long[j] - w))
        used.add(j)
        start = j + 1
        out.append((i, j))
    pairs = [(qa[i], qb[j]) if not flip else (qa[j], qb[i]) for i, j in out]
    rest = [j for j in range(len(long)) if j not in used]
    pairs += [(None, qb[j]) if not flip else (qa[j], None) for j in rest]
    return pairs
