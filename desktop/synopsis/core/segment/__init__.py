"""Splitting a document into paragraphs and sentences, with offsets into its text.

Paragraphs are separated by line breaks (scraped articles put one paragraph per line);
sentences follow the rules in :mod:`.rules` (each script's terminal punctuation, closing
quotes, abbreviations, lost capitals). Two more cuts keep every segment usable:

- a headline glued to the lead by a lost line break is cut off when the document's title is
  known and the paragraph starts with it (:func:`headline_end`);
- no segment is longer than ``MAX_SEGMENT_CHARS``: a passage without punctuation (a 4 MB
  line of one word after another) is cut at the last white space before the bound, or at the
  bound itself when there is none (:func:`bounded`).

``split`` is the pure function; ``segment`` gives a document's segments (the document, frozen,
is left as it is).
"""
from __future__ import annotations

import re
from typing import Iterator

from ..model import Document, Segment
from ..ticks import EVERY, Tick
from .rules import TERMINALS, sentences

__all__ = ["MAX_SEGMENT_CHARS", "bounded", "headline_end", "paragraphs", "segment", "sentences", "split"]

# Longest segment, in characters. Real sentences stay far below it (the longest of the 18,324
# in the benchmark's treebanks has 997, the longest WMT19 news line 554); the look-back is how
# far before the bound white space is searched for a cut.
MAX_SEGMENT_CHARS = 2000
_LOOK_BACK = 500
# A title this long was cut from the first line (ingest's fallback), not given.
_DERIVED_TITLE = 120


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each non-blank line-block, trimmed of surrounding white space."""
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        chunk = match.group()
        stripped_left = len(chunk) - len(chunk.lstrip())
        stripped_right = len(chunk) - len(chunk.rstrip())
        if end - stripped_right > start + stripped_left:
            yield start + stripped_left, end - stripped_right


def bounded(text: str, start: int, end: int, limit: int = MAX_SEGMENT_CHARS) -> Iterator[tuple[int, int]]:
    """Cut ``text[start:end]`` into pieces of at most ``limit`` characters, at white space when
    there is some in the last ``_LOOK_BACK`` characters before the bound; pieces are trimmed."""
    while end - start > limit:
        cut = start + limit
        space = _last_space(text, max(start + 1, cut - _LOOK_BACK), cut)
        if space is not None:
            piece_end, cut = space
        else:
            piece_end = cut
        while piece_end > start + 1 and text[piece_end - 1].isspace():
            piece_end -= 1
        yield start, piece_end
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield start, end


def _last_space(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """(end of the text before, start of the text after) the last white-space run in [lo, hi]."""
    for i in range(hi, lo - 1, -1):
        if text[i].isspace():
            left = i
            while left > lo and text[left - 1].isspace():
                left -= 1
            return left, i + 1
    return None


def headline_end(text: str, start: int, end: int, title: str | None) -> int | None:
    """End of a headline glued to the front of the paragraph ``text[start:end]``, or None.

    Only a known title counts: the paragraph must begin with it (ignoring case), the title must
    have three words or more and no final stop of its own, and a capital, a digit or an
    opening quote must follow after white space. Without the title a lost line break cannot be
    told from an ordinary capitalised name ("… without deal Witkoff spent …").
    """
    if not title or len(title) >= _DERIVED_TITLE:
        return None
    title = title.strip()
    if not title or len(title.split()) < 3 or title[-1] in TERMINALS:
        return None
    cut = start + len(title)
    if cut >= end or text[start:cut].casefold() != title.casefold() or not text[cut].isspace():
        return None
    after = cut
    while after < end and text[after].isspace():
        after += 1
    nxt = text[after] if after < end else ""
    return cut if (nxt.isupper() or nxt.isdigit() or nxt in "\"'“‘«„»(") else None


def split(text: str, language: str | None = None, granularity: str = "sentence",
          title: str | None = None, tick: Tick | None = None) -> list[Segment]:
    """The segments of ``text``: sentences (or paragraphs), ids 0..n-1 in text order.
    ``tick`` is told the share of the text split every ``EVERY`` segments (it may raise)."""
    segments: list[Segment] = []
    size = max(len(text), 1)
    for para_index, (p_start, p_end) in enumerate(paragraphs(text)):
        for s_start, s_end in _paragraph_spans(text, p_start, p_end, language, granularity, title):
            for b_start, b_end in bounded(text, s_start, s_end):
                segments.append(Segment(id=len(segments), start=b_start, end=b_end, paragraph=para_index))
                if tick is not None and len(segments) % EVERY == 0:
                    tick(b_end / size)
    return segments


def _paragraph_spans(text: str, start: int, end: int, language: str | None, granularity: str,
                     title: str | None) -> Iterator[tuple[int, int]]:
    if granularity == "paragraph":
        yield start, end
        return
    head = headline_end(text, start, end, title)
    if head is not None:
        yield start, head
        start = head
        while text[start].isspace():
            start += 1
    yield from sentences(text, start, end, language)


def segment(doc: Document, granularity: str = "sentence") -> list[Segment]:
    """The segments of ``doc`` by its text, language and title (see :func:`split`)."""
    return split(doc.text, doc.language, granularity, doc.title)
