"""Unique passages whose words are mostly inside a linked passage of the other side.

A passage left unique is not always news only one source carries: an editor who split a
sentence in two leaves one half whose words sit inside the other source's whole, which is
linked to the other half. A half that repeats a quotation of the whole is linked with it
(``splits._reworded``: the link becomes 1:2, and the fact layer sees a changed speaker);
linking the other halves by their words alone made wrong merges (benchmarks/README.md), so they
stay unique and this note says where their words are.

The measure: the passage's content-word tokens (the aligner's stems, stopwords left out,
numbers kept, a possessive ``'s`` dropped, case-folded), and the share of them, counted with
repeats, whose stem is among the content stems of one linked passage on the other side (all
the segments that link holds on that side). A passage with at least ``CONTENT_MIN`` content
tokens and a share of at least ``CONTAINED_MIN`` in some link is *contained* in it; of several
such links the highest share wins, then the earliest link in the report's order.

Only same-language comparisons are measured: words are compared by their spelling, and a
translation spells them differently. A note, never a link: labels and links stay the
aligner's.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Sequence

from .features import _ALL_STOP, extract
from .model import Contained, Document, Link

CONTAINED_MIN = 0.6     # share of a unique passage's content tokens found in one linked passage
CONTENT_MIN = 3         # content tokens a passage needs before its share means anything
# What a possessive leaves at a stem's end ("Putin's" stems to "putin'"); after a curly
# apostrophe ("Putin’s") it is a token "s" of its own, left out.
POSSESSIVE = ("'s", "'")

__all__ = ["CONTAINED_MIN", "CONTENT_MIN", "Contained", "contained"]


def content_tokens(doc: Document, sid: int) -> list[str]:
    """The content-word tokens of segment ``sid`` of ``doc`` (see the module docstring)."""
    seg = doc.segments[sid]
    stems = extract(doc.text, (sid,), seg.core_span, doc.language).stems
    return [_without_possessive(s) for s in stems if s not in _ALL_STOP and s != "s"]


def _without_possessive(stem: str) -> str:
    for ending in POSSESSIVE:
        if stem.endswith(ending) and len(stem) > len(ending):
            return stem[: -len(ending)]
    return stem


def contained(documents: Sequence[Document], links: Sequence[Link]) -> tuple[Contained, ...]:
    """Every unique, non-debris segment of either document contained in a linked passage of
    the other, in document then segment order."""
    found: list[Contained] = []
    for doc in (0, 1):
        linked_here = {sid for link in links for sid in (link.b if doc else link.a)}
        index = _links_by_word(documents[1 - doc], links, 1 - doc)
        for sid, seg in enumerate(documents[doc].segments):
            if sid in linked_here or seg.is_debris or len(seg.core_span) == 0:
                continue
            best = _best_link(content_tokens(documents[doc], sid), index)
            if best is not None:
                n, share = best
                found.append(Contained(doc, sid, n, tuple(links[n].b if doc == 0 else links[n].a), share))
    return tuple(found)


def _links_by_word(doc: Document, links: Sequence[Link], side: int) -> dict[str, list[int]]:
    """Content stem → the indices (ascending) of the links whose passage in ``doc`` has it."""
    index: dict[str, list[int]] = defaultdict(list)
    for n, link in enumerate(links):
        words: dict[str, None] = {}          # ordered, so the index is the same in every process
        for sid in (link.b if side else link.a):
            if 0 <= sid < len(doc.segments):
                words.update(dict.fromkeys(content_tokens(doc, sid)))
        for word in words:
            index[word].append(n)
    return index


def _best_link(tokens: list[str], index: dict[str, list[int]]) -> tuple[int, float] | None:
    """(link, share) of the link holding the largest share of ``tokens`` (the earliest link of
    equal ones), if it reaches ``CONTAINED_MIN``."""
    if len(tokens) < CONTENT_MIN:
        return None
    hits: dict[int, int] = defaultdict(int)
    for token in tokens:
        for n in index.get(token, ()):
            hits[n] += 1
    if not hits:
        return None
    n = min(hits, key=lambda k: (-hits[k], k))
    share = hits[n] / len(tokens)
    return (n, share) if share >= CONTAINED_MIN else None
