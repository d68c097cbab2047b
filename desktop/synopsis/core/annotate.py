"""Word edits and changed facts of a link, computed once and only for pairs that are links.

The aligner keeps many more candidates than become links; diffing them all would double the
cost of a comparison. ``relabel`` calls ``annotate_links`` for the candidates that become
links for the first time (at compare time, or later when a live threshold change promotes them).
"""
from __future__ import annotations

from typing import Sequence

from . import fact_worker
from .edits import word_edits
from .model import Document, Link, core_spans_of


def annotate_links(doc_a: Document, doc_b: Document, links: Sequence[Link], *, facts: bool = True) -> None:
    """Fill each link's ``edits`` (word diff) and ``facts`` (changed details) from its passages.

    Works on the statement part of each segment (``Segment.core_span``), so a photo caption
    glued to a sentence is neither a word edit nor a changed name. All the diffs are made
    before all the facts, and the fact layer runs one detector at a time over all the links:
    each step keeps its own tables and patterns in the processor's caches (interleaved, the
    fact layer cost 5–10 % more, and passage by passage ≈ 20 % more again; see
    benchmarks/results/facts_history.md). A large comparison's fact layer is handed to the
    worker process (``fact_worker``) before the diffs are made, and runs beside them.
    """
    spans = [(core_spans_of(doc_a, link.a), core_spans_of(doc_b, link.b)) for link in links]
    # a large comparison's facts are found in a second process while the diffs are made here
    job = fact_worker.submit(doc_a.text, doc_b.text, spans) if facts else None
    try:
        for link, (sa, sb) in zip(links, spans):
            link.edits = word_edits(doc_a.text, sa, doc_b.text, sb)
    except BaseException:
        fact_worker.abandon(job)
        raise
    found = fact_worker.find_facts(job, doc_a.text, doc_b.text, spans) if facts else [[] for _ in links]
    for link, link_facts in zip(links, found):
        link.facts = link_facts
        link.annotated = True


def annotate_link(doc_a: Document, doc_b: Document, link: Link, *, facts: bool = True) -> None:
    """``annotate_links`` for one link."""
    annotate_links(doc_a, doc_b, [link], facts=facts)
