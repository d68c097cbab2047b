"""Scraping debris: bylines, captions and footers that stay visible but are not aligned.

``mark(text, segments)`` gives the segments with ``Segment.kind`` set for pure debris and
``Segment.core`` when a photo caption is glued to the front of a sentence ("ReutersUK government officials…",
"fake imagesPresident Volodymyr…"). Rules are explicit and conservative: a false positive
hides prose from the comparison, so each rule needs a strong cue.
"""
from __future__ import annotations

import re

import dataclasses
from typing import Sequence

from .model import Segment, Span
from .ticks import EVERY, Tick
from .vocab import SegmentKind

# Photo-agency credits seen at the start of scraped paragraphs, alone or joined by "/".
_AGENCIES = ("Getty Images", "fake images", "Reuters", "AFP", "EPA-EFE", "EPA", "AP Photo", "AP",
             "Pool", "Sputnik", "Anadolu", "Bloomberg", "Shutterstock", "TASS", "Ukrinform",
             "PA Media", "PA", "BBC")
_CREDIT = re.compile(r"^(?:(?:%s)(?:\s*/\s*|\s+via\s+)?)+" % "|".join(re.escape(a) for a in _AGENCIES))
# A lower-case word fused with a capitalised one ("imagesPresident") in the first few words.
_FUSED = re.compile(r"^(?:[a-z]+\s+){0,3}[a-z]{3,}(?=[A-Z][a-z])")
_NAME_WORD = r"[A-Z][\w'’.-]+"
_BYLINE_NAMES = re.compile(rf"^(?:By\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}}$")
_BYLINE = re.compile(r"^(?:additional reporting by|reporting by|written by|edited by|by)\s+\S",
                     re.IGNORECASE)
_FOOTER = re.compile(r"newsletter|sign up here|sign up for|subscribe (?:to|here)|follow us on|"
                     r"share this (?:article|story)|click here|read more:|copyright ©|all rights reserved",
                     re.IGNORECASE)
HEAD = 3       # bylines of bare names are only believed among the first segments
TAIL_SHARE = 0.25


def glued_caption(text: str) -> int:
    """Length of a caption glued to the front of ``text`` (0 when there is none)."""
    credit = _CREDIT.match(text)
    if credit and credit.end() < len(text) and text[credit.end()].isalpha():
        cut = credit.end()
        # "ReutersUK", "…/Sputnikkyiv": a credit runs into a word. Lower case after it or an
        # all-capitals credit only count inside a "/" chain, or "Poolside"/"APEC" would be cut
        chain = "/" in text[:cut]
        if (text[cut - 1].islower() and (text[cut].isupper() or chain)) or \
                (chain and text[cut].isupper() and text[cut + 1:cut + 2].islower()):
            return cut
    fused = _FUSED.match(text)
    if fused:
        return fused.end()
    return 0


def kind_of(text: str, position: int, count: int) -> str:
    """"byline", "footer", "caption" or "text" for one segment's text at ``position``."""
    stripped = text.strip()
    if position < HEAD and len(stripped) <= 40 and _BYLINE_NAMES.match(stripped):
        return "byline"
    if _BYLINE.match(stripped) and len(stripped) <= 80:
        return "byline"
    if len(stripped) <= 300 and _FOOTER.search(stripped) and position >= min(count * (1 - TAIL_SHARE), count - 3):
        return "footer"
    credit = _CREDIT.match(stripped)
    if credit and credit.end() == len(stripped):
        return "caption"
    return "text"


def mark(text: str, segments: Sequence[Segment], tick: Tick | None = None) -> tuple[Segment, ...]:
    """``segments`` of ``text`` classified: kind, and core for a glued caption (new segments).
    ``tick`` is told the share classified every ``EVERY`` segments (it may raise)."""
    count = len(segments)
    out = []
    for pos, seg in enumerate(segments):
        if tick is not None and pos % EVERY == 0 and pos:
            tick(pos / count)
        piece = text[seg.start:seg.end]
        kind = SegmentKind(kind_of(piece, pos, count))
        core = None
        if kind is SegmentKind.TEXT:
            cut = glued_caption(piece)
            if 0 < cut < len(piece):
                core = Span(seg.start + cut, seg.end)
        out.append(dataclasses.replace(seg, kind=kind, core=core))
    return tuple(out)
