"""Deciding a comparison: which candidates become links, their edits, facts, classes and order.

``decide`` is the last stage of the one-way chain ``load → prepare → align → decide``: from
the aligner's scored candidates (:class:`Alignment`), the ``Settings`` and what a person
decided by hand (:class:`Corrections`) it makes the :class:`Report`:

1. select: the candidates that become links (``classify.select``);
2. annotate: their word edits and changed facts, each pair once (``annotate``; pairs already
   annotated, ``known``, are not diffed again); the notes of step 5 are made while the facts
   are found (by a fact executor that runs elsewhere: beside them);
3. label: shared or paraphrased (``classify.label_for``); in a translation comparison also
   faithful or changed in translation (``semantic.translation.verdict``), hand-made links too;
4. order: the running order of the links, and the ones that break it (``order.in_order``);
5. note: the unique passages whose words are mostly inside a linked passage of the other
   side (``contained``; same-language comparisons only). A note: no link or label changes.

Re-applying thresholds (the app's live thresholds) and replaying a person's corrections call
it again with the same alignment, and get a new report with new links.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable, Mapping

from .. import __version__
from .annotate import FactExecutor, start_annotating
from .classify import changed_words, label_for, select
from .clock import now_iso
from .config import Settings
from .contained import contained
from .model import (NO_CORRECTIONS, Alignment, Annotation, Candidate, Contained, Corrections, Link, PairKey,
                    Report)
from .order import in_order
from .semantic.translation import FAITHFUL_MIN, verdict
from .ticks import Tick, no_tick, within
from .vocab import Label

# Of deciding's progress: the word diffs' share, then the notes' (the rest: reading the facts,
# found beside both)
DIFF_SHARE, NOTES_SHARE = 0.35, 0.35


def generator() -> dict[str, str]:
    """What made a report: the program and the version of its engine."""
    return {"name": "synopsis", "version": __version__}


def decide(alignment: Alignment, settings: Settings, *, corrections: Corrections = NO_CORRECTIONS,
           known: Mapping[PairKey, Annotation] | None = None, facts: FactExecutor | None = None,
           check: Callable[[], None] | None = None, tick: Tick | None = None) -> Report:
    """The report of ``alignment`` under ``settings`` and ``corrections`` (see the module docstring).

    ``known``: annotations made before (a report's ``annotations``), reused by pair; they must
    have been made with the same ``settings.facts``. ``facts``: where the fact layer runs
    (in this process by default). ``check`` is called between steps and may raise to stop;
    ``tick`` is told the share done while the pairs are diffed, the notes made and the facts
    read, and may raise too.
    """
    chosen = select(alignment.candidates, settings, corrections)
    annotations = dict(known or {})
    todo = [c.key for c in chosen if c.key not in annotations]
    if check is not None:
        check()
    translated = alignment.comparison is not None and alignment.comparison.is_translation
    pending = start_annotating(alignment.documents, todo, facts=settings.facts, executor=facts,
                               tick=within(tick or no_tick, 0.0, DIFF_SHARE)) if todo else None
    try:        # (the notes need the links' places only, not their facts: made while those are found)
        notes = [] if translated else _contained_notes(alignment, chosen, corrections,
                                                       within(tick or no_tick, DIFF_SHARE, DIFF_SHARE + NOTES_SHARE))
    except BaseException:
        if pending is not None:
            pending.cancel()
        raise
    if pending is not None:
        annotations.update(zip(todo, pending.finish(within(tick or no_tick, DIFF_SHARE + NOTES_SHARE, 1.0))))
    if tick is not None:
        tick(1.0)
    text_a, text_b = alignment.documents[0].text, alignment.documents[1].text
    links = [_labelled(c, annotations[c.key], settings, text_a, text_b, translated) for c in chosen]
    manual = [_manual_verdict(m) if translated else m for m in corrections.manual]
    ordered = in_order(links + manual)
    return Report(documents=list(alignment.documents), links=ordered,
                  settings=settings, repeats=list(alignment.repeats), created=now_iso(),
                  generator=generator(), candidates=list(alignment.candidates),
                  corrections=corrections, annotations=annotations, comparison=alignment.comparison,
                  contained=notes)


def _contained_notes(alignment: Alignment, chosen: list[Candidate], corrections: Corrections,
                     tick: Tick | None = None) -> list[Contained]:
    """The contained notes of the report's links, made while their facts may still be being
    found elsewhere: the notes read only the links' places and their order (``in_order``: by
    places and scores), which neither the edits nor the facts change, so these drafts of the
    links carry neither."""
    drafts = [Link(a=c.a, b=c.b, label=Label.PARAPHRASED, score=c.score) for c in chosen]
    return list(contained(alignment.documents, in_order(drafts + list(corrections.manual)), tick))


def _labelled(candidate: Candidate, annotation: Annotation, settings: Settings,
              text_a: str, text_b: str, translated: bool) -> Link:
    label = label_for(candidate, settings, changed_words(annotation, text_a, text_b)) or Label.PARAPHRASED
    return Link(a=candidate.a, b=candidate.b, label=label, score=candidate.score, edits=annotation.edits,
                facts=annotation.facts, scores=candidate.scores, reasons=candidate.reasons,
                translation=verdict(candidate.score, annotation.facts) if translated else None)


def _manual_verdict(link: Link) -> Link:
    """A hand-made link of a translation comparison with its verdict, as the aligner's links
    get theirs: from the pair's meaning score where the aligner scored this very pair, else
    from its changed facts alone (a person linking two passages says they are counterparts;
    what can still make the pair "changed in translation" is a fact that changed)."""
    if link.translation is not None:
        return link
    score = link.score if "meaning" in link.scores else FAITHFUL_MIN
    return replace(link, translation=verdict(score, link.facts))


def redecide(report: Report, settings: Settings, *, facts: FactExecutor | None = None) -> Report:
    """``report`` decided again under ``settings`` (new thresholds), keeping its corrections
    and reusing its annotations (unless the fact layer was switched on or off)."""
    known = report.annotations if report.settings.facts == settings.facts else None
    return decide(report.alignment, settings, corrections=report.corrections, known=known, facts=facts)
