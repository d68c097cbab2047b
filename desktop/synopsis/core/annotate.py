"""Word edits and changed facts of pairs of passages, made once per pair and only for links.

The aligner keeps many more candidates than become links; diffing them all would double the
cost of a comparison, so ``decide`` annotates the pairs it chose that it has no annotation
for yet. The fact layer runs through a :class:`FactExecutor` the caller passes: by default in
this process, after the word diffs (:data:`IN_PROCESS`); a program may pass one that runs it
elsewhere beside the diffs (the command line and the app pass ``synopsis.runtime``'s worker).
"""
from __future__ import annotations

from typing import Protocol, Sequence

from .edits import word_edits
from .model import Annotation, Document, Edit, Fact, PairKey, Span, core_spans_of
from .ticks import EVERY, Tick, no_tick

SpanPairs = Sequence[tuple[list[Span], list[Span]]]


class FactJob(Protocol):
    """The changed facts of one comparison's pairs, being found."""

    def result(self, tick: Tick = no_tick) -> list[list[Fact]]:
        """The facts of each pair, in the order the pairs were given (waits for them, telling
        ``tick`` the share found now and then; it may raise to stop, and the job is given up)."""

    def cancel(self) -> None:
        """Give the job up (the comparison failed or was stopped before its facts were read)."""


class FactExecutor(Protocol):
    """Where and when a comparison's fact layer runs (see ``facts.find_fact_changes_many``)."""

    def expect(self, pairs: int) -> None:
        """A hint, before aligning, that about ``pairs`` pairs will be submitted (a worker may boot)."""

    def submit(self, text_a: str, text_b: str, pairs: SpanPairs,
               languages: tuple[str | None, str | None]) -> FactJob:
        """Start finding the facts of ``pairs`` (spans of ``text_a`` / ``text_b``)."""


class _Deferred:
    def __init__(self, text_a: str, text_b: str, pairs: SpanPairs,
                 languages: tuple[str | None, str | None]) -> None:
        self.args = text_a, text_b, pairs, languages

    def result(self, tick: Tick = no_tick) -> list[list[Fact]]:
        from .facts import find_fact_changes_many
        text_a, text_b, pairs, languages = self.args
        return find_fact_changes_many(text_a, text_b, pairs, languages=languages, tick=tick)

    def cancel(self) -> None:
        pass


class InProcess:
    """The fact layer in this process, run when its result is asked for (after the diffs)."""

    def expect(self, pairs: int) -> None:
        pass

    def submit(self, text_a: str, text_b: str, pairs: SpanPairs,
               languages: tuple[str | None, str | None]) -> FactJob:
        return _Deferred(text_a, text_b, pairs, languages)


IN_PROCESS = InProcess()


class Annotating:
    """The annotations of pairs being made: their word edits, made, and their changed facts,
    being found by the executor (read with :meth:`finish`, or given up with :meth:`cancel`)."""

    def __init__(self, edits: list[tuple[Edit, ...]], job: FactJob | None) -> None:
        self.edits = edits
        self.job = job

    def finish(self, tick: Tick = no_tick) -> list[Annotation]:
        """Each pair's annotation, in the order the pairs were given (waits for the facts;
        ``tick``: see :meth:`FactJob.result`)."""
        try:
            found = self.job.result(tick) if self.job is not None else [[] for _ in self.edits]
        except BaseException:
            self.cancel()
            raise
        return [Annotation(e, tuple(f)) for e, f in zip(self.edits, found)]

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()


def start_annotating(documents: Sequence[Document], pairs: Sequence[PairKey], *, facts: bool = True,
                     executor: FactExecutor | None = None, tick: Tick = no_tick) -> Annotating:
    """The word diff of each pair of segment ids, made, and (if ``facts``) its changed facts
    handed to the executor before the diffs are made, so one that runs elsewhere finds them
    beside the diffs and beside whatever the caller does before :meth:`Annotating.finish`.

    Works on the statement part of each segment (``Segment.core_span``), so a photo caption
    glued to a sentence is neither a word edit nor a changed name. ``tick`` is told the share
    of the pairs diffed every ``EVERY`` pairs (it may raise to stop; the facts are given up)."""
    doc_a, doc_b = documents
    spans = [(core_spans_of(doc_a, a), core_spans_of(doc_b, b)) for a, b in pairs]
    job = None
    if facts and spans:
        job = (executor or IN_PROCESS).submit(doc_a.text, doc_b.text, spans, (doc_a.language, doc_b.language))
    try:
        edits = []
        for start in range(0, len(spans), EVERY):
            edits += [tuple(word_edits(doc_a.text, sa, doc_b.text, sb)) for sa, sb in spans[start:start + EVERY]]
            tick(len(edits) / len(spans))
    except BaseException:
        if job is not None:
            job.cancel()
        raise
    return Annotating(edits, job)


def annotate(documents: Sequence[Document], pairs: Sequence[PairKey], *, facts: bool = True,
             executor: FactExecutor | None = None) -> list[Annotation]:
    """The word diff and (if ``facts``) the changed facts of each pair of segment ids (see
    :func:`start_annotating`); all the diffs are made before the facts are read."""
    return start_annotating(documents, pairs, facts=facts, executor=executor).finish()
