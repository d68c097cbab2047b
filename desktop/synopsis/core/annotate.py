"""Word edits and changed facts of a link, computed once and only for pairs that are links.

The aligner keeps many more candidates than become links; diffing them all would double the
cost of a comparison. ``relabel`` calls ``annotate_link`` for each candidate the first time
it becomes a link (at compare time, or later when a live threshold change promotes it).
"""
from __future__ import annotations

from .edits import word_edits
from .model import Document, Link, core_spans_of


def annotate_link(doc_a: Document, doc_b: Document, link: Link, *, facts: bool = True) -> None:
    """Fill ``link.edits`` (word diff) and ``link.facts`` (changed details) from its passages.

    Works on the statement part of each segment (``Segment.core_span``), so a photo caption
    glued to a sentence is neither a word edit nor a changed name.
    """
    sa, sb = core_spans_of(doc_a, link.a), core_spans_of(doc_b, link.b)
    link.edits = word_edits(doc_a.text, sa, doc_b.text, sb)
    if facts:
        from .facts import find_fact_changes

        link.facts = find_fact_changes(doc_a.text, sa, doc_b.text, sb)
    else:
        link.facts = []
    link.annotated = True
