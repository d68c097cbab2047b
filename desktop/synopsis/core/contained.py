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

import math
from collections import Counter, defaultdict
from typing import Sequence

from .features import _ALL_STOP, stem_of, words_of
from .model import Contained, Document, Link
from .ticks import Tick, ticking, within

CONTAINED_MIN = 0.6     # share of a unique passage's content tokens found in one linked passage
CONTENT_MIN = 3         # content tokens a passage needs before its share means anything
# What a possessive leaves at a stem's end ("Putin's" stems to "putin'"); after a curly
# apostrophe ("Putin’s") it is a token "s" of its own, left out.
POSSESSIVE = ("'s", "'")

__all__ = ["CONTAINED_MIN", "CONTENT_MIN", "Contained", "contained"]


def content_tokens(doc: Document, sid: int, memo: dict[str, str | None] | None = None) -> list[str]:
    """The content-word tokens of segment ``sid`` of ``doc`` (see the module docstring).
    ``memo``: each token's content form (None: left out) known from the segments before,
    for a caller that reads many segments of one document."""
    memo = {} if memo is None else memo
    out = []
    for token in words_of(doc.text, doc.segments[sid].core_span):
        if token in memo:
            form = memo[token]
        else:
            stem = stem_of(token, doc.language)
            form = memo[token] = None if stem in _ALL_STOP or stem == "s" else _without_possessive(stem)
        if form is not None:
            out.append(form)
    return out


def _without_possessive(stem: str) -> str:
    for ending in POSSESSIVE:
        if stem.endswith(ending) and len(stem) > len(ending):
            return stem[: -len(ending)]
    return stem


def contained(documents: Sequence[Document], links: Sequence[Link],
              tick: Tick | None = None) -> tuple[Contained, ...]:
    """Every unique, non-debris segment of either document contained in a linked passage of
    the other, in document then segment order. ``tick`` is told the share done now and then."""
    found: list[Contained] = []
    for doc in (0, 1):
        linked_here = {sid for link in links for sid in (link.b if doc else link.a)}
        index = _LinkWords.of(documents[1 - doc], links, 1 - doc,
                              within(tick, doc / 2, doc / 2 + 0.4) if tick is not None else None)
        memo: dict[str, str | None] = {}
        for sid, seg in enumerate(ticking(documents[doc].segments, tick, doc / 2 + 0.4, doc / 2 + 0.5)):
            if sid in linked_here or seg.is_debris or len(seg.core_span) == 0:
                continue
            best = index.best_link(content_tokens(documents[doc], sid, memo))
            if best is not None:
                n, share = best
                found.append(Contained(doc, sid, n, tuple(links[n].b if doc == 0 else links[n].a), share))
    return tuple(found)


class _LinkWords:
    """The content stems of the linked passages of one side: by link, and by stem the indices
    (ascending) of the links holding it."""

    def __init__(self, words_by_link: Sequence[Sequence[str]]) -> None:
        self.words = [frozenset(words) for words in words_by_link]
        self.links_of: dict[str, list[int]] = defaultdict(list)
        for n, words in enumerate(words_by_link):
            for word in dict.fromkeys(words):      # in order, so the index is the same in every process
                self.links_of[word].append(n)

    @classmethod
    def of(cls, doc: Document, links: Sequence[Link], side: int, tick: Tick | None = None) -> "_LinkWords":
        """The words of each link's passage in ``doc``, its side ``side`` of the links."""
        memo: dict[str, str | None] = {}
        return cls([[word for sid in (link.b if side else link.a) if 0 <= sid < len(doc.segments)
                     for word in content_tokens(doc, sid, memo)] for link in ticking(links, tick)])

    def best_link(self, tokens: list[str]) -> tuple[int, float] | None:
        """(link, share) of the link holding the largest share of ``tokens`` (the earliest link
        of equal ones), if it reaches ``CONTAINED_MIN``.

        A link reaching it holds at least ``need`` of the tokens, so it holds one of any
        ``len(tokens) - need + 1`` of them: the links of the rarest stems up to that count are
        the only ones that can, and only those are counted (a common stem's long list of links
        is never walked)."""
        if len(tokens) < CONTENT_MIN:
            return None
        counts = Counter(tokens)
        need = math.ceil(CONTAINED_MIN * len(tokens) - 1e-9)
        rarest = sorted(counts, key=lambda w: (len(self.links_of.get(w, ())), w))
        seen: dict[int, None] = {}
        covered = 0
        for word in rarest:
            if covered > len(tokens) - need:
                break
            seen.update(dict.fromkeys(self.links_of.get(word, ())))
            covered += counts[word]
        hits = {n: sum(c for w, c in counts.items() if w in self.words[n]) for n in seen}
        if not hits:
            return None
        n = min(hits, key=lambda k: (-hits[k], k))
        share = hits[n] / len(tokens)
        return (n, share) if share >= CONTAINED_MIN else None
