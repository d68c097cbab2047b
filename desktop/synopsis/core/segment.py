"""Splitting a document into paragraphs and sentences, with offsets into its text.

Rules are deliberately simple and explicit: a sentence ends at ``.``, ``!``, ``?`` or ``…``
(plus any closing quotes or brackets) followed by white space and a plausible sentence start,
unless the word before the full stop is a known abbreviation, a single initial, or part of a
number. Paragraphs are separated by line breaks: scraped articles put one paragraph per line.
"""
from __future__ import annotations

import re
from typing import Iterator

from .model import Document, Segment

_ABBREVIATIONS: dict[str, frozenset[str]] = {
    "en": frozenset("mr mrs ms dr prof st jr sr gen col lt sgt capt rep sen gov pres rev hon "
                    "inc ltd co corp vs etc e.g i.e u.s u.k u.n no nos approx est dept jan feb "
                    "mar apr jun jul aug sep sept oct nov dec fig al".split()),
    "de": frozenset("z.b d.h u.a bzw ca nr dr prof hr fr str tel usw vgl ggf evtl bspw inkl "
                    "zzgl jh mio mrd abs art s.o s.u u.ä o.ä sog z.t v.a".split()),
    "fr": frozenset("m mm mme mlle dr st av bd env cf etc p ex".split()),
}
_ALL_ABBREVIATIONS = frozenset().union(*_ABBREVIATIONS.values())

_CLOSERS = "\"'”’»)]›"
_OPENERS = "\"'“‘«„‹([¿¡"
# A candidate boundary: terminal punctuation, closers, then white space.
_BOUNDARY = re.compile(r"([.!?…]+)([" + re.escape(_CLOSERS) + r"]*)(\s+)")
_WORD_BEFORE = re.compile(r"([\w.]+)$", re.UNICODE)
_NEXT_WORD = re.compile(r"\w+", re.UNICODE)
# A German ordinal date ("am 4. Februar") ends in a full stop that ends no sentence.
_MONTHS_DE = frozenset("januar jänner februar märz april mai juni juli august september oktober "
                       "november dezember jan feb mär apr jun jul aug sep sept okt nov dez".split())


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each non-blank line-block, trimmed of surrounding white space."""
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        chunk = match.group()
        stripped_left = len(chunk) - len(chunk.lstrip())
        stripped_right = len(chunk) - len(chunk.rstrip())
        if end - stripped_right > start + stripped_left:
            yield start + stripped_left, end - stripped_right


def _is_abbreviation(before: str, language: str | None) -> bool:
    match = _WORD_BEFORE.search(before)
    if not match:
        return False
    word = match.group(1).lower().rstrip(".")
    if not word:
        return False
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "J. K. Rowling"
    if "." in word and all(len(part) <= 2 for part in word.split(".")):
        return True  # "U.S.", "z.B."
    abbreviations = _ABBREVIATIONS.get(language or "", _ALL_ABBREVIATIONS)
    return word in abbreviations or word in _ALL_ABBREVIATIONS and language is None


def _is_ordinal_date(chunk: str, cursor: int, punct_start: int, next_start: int) -> bool:
    before = _WORD_BEFORE.search(chunk[cursor:punct_start])
    after = _NEXT_WORD.match(chunk, next_start)
    return bool(before and after and before.group(1).isdigit() and len(before.group(1)) <= 2
                and after.group().lower() in _MONTHS_DE)


def _plausible_start(text: str, pos: int) -> bool:
    if pos >= len(text):
        return True
    ch = text[pos]
    if ch in _OPENERS:
        return True
    return ch.isupper() or ch.isdigit()


def sentences(text: str, start: int, end: int, language: str | None = None) -> Iterator[tuple[int, int]]:
    """Yield sentence spans inside ``text[start:end]``."""
    chunk = text[start:end]
    cursor = 0
    for match in _BOUNDARY.finditer(chunk):
        punct_start = match.start(1)
        boundary_end = match.end(2)
        next_start = match.end(3)
        if match.group(1) == "." and _is_abbreviation(chunk[cursor:punct_start], language):
            continue
        if match.group(1) == "." and _is_ordinal_date(chunk, cursor, punct_start, next_start):
            continue
        if not _plausible_start(chunk, next_start):
            continue
        if boundary_end > cursor:
            yield start + cursor, start + boundary_end
        cursor = next_start
    tail = chunk[cursor:].rstrip()
    if tail:
        yield start + cursor, start + cursor + len(tail)


def segment(doc: Document, granularity: str = "sentence") -> list[Segment]:
    """The segments of ``doc`` (which is left as it is). Ids are 0..n-1 in text order."""
    segments: list[Segment] = []
    for para_index, (p_start, p_end) in enumerate(paragraphs(doc.text)):
        if granularity == "paragraph":
            spans = [(p_start, p_end)]
        else:
            spans = list(sentences(doc.text, p_start, p_end, doc.language))
        for s_start, s_end in spans:
            segments.append(Segment(id=len(segments), start=s_start, end=s_end, paragraph=para_index))
    return segments
