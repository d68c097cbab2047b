"""Which candidates become links, and with which class: the rules ``decide`` applies.

The aligner keeps every plausible pair it found as a *candidate*, scored with the views in
``Candidate.scores``. ``select`` chooses from those scores and the current thresholds which
candidates become links (best first, each passage once, what a person decided kept), and
``label_for`` gives each its class, so the app's live thresholds need no new alignment.
"""
from __future__ import annotations

import re
from typing import Sequence

from .config import Settings
from .model import NO_CORRECTIONS, Annotation, Candidate, Corrections, Link
from .vocab import Label


def label_for(pair: Candidate | Link, settings: Settings, changed: int | None = None) -> Label | None:
    """Shared, paraphrased, or None when the pair is too weak to link.

    Shared needs the character similarity at or above the shared threshold and, once the
    pair's word edits are known (``changed``: words changed, see :func:`changed_words`), at
    most ``shared_max_changed_words`` words changed.
    """
    if pair.score < settings.paraphrase_threshold:
        return None
    chars = pair.scores.get("chars", pair.score)
    if chars < settings.shared_threshold:
        return Label.PARAPHRASED
    if changed is not None and changed > settings.shared_max_changed_words:
        return Label.PARAPHRASED
    return Label.SHARED


_WORD = re.compile(r"\w+")


def changed_words(annotated: Annotation | Link, text_a: str, text_b: str) -> int:
    """Words dropped, added or replaced in a pair's edits (a replacement counts its longer side)."""
    total = 0
    for edit in annotated.edits:
        n_a = len(_WORD.findall(edit.a.slice(text_a))) if edit.a is not None else 0
        n_b = len(_WORD.findall(edit.b.slice(text_b))) if edit.b is not None else 0
        total += max(n_a, n_b)
    return total


def _rank(c: Candidate) -> tuple:
    """Best score first; then the smaller pair, then position (never the order of a set)."""
    return -c.score, len(c.a) + len(c.b), min(c.a), min(c.b), c.a, c.b


def select(candidates: Sequence[Candidate], settings: Settings,
           corrections: Corrections = NO_CORRECTIONS) -> list[Candidate]:
    """The candidates that become links under ``settings``: best score first, each segment
    once, none on a passage a person linked by hand or took out of links."""
    used_a = set(corrections.apart_a).union(*(link.a for link in corrections.manual))
    used_b = set(corrections.apart_b).union(*(link.b for link in corrections.manual))
    chosen: list[Candidate] = []
    threshold = settings.paraphrase_threshold
    for cand in sorted(candidates, key=_rank):
        if cand.score < threshold or not used_a.isdisjoint(cand.a) or not used_b.isdisjoint(cand.b):
            continue
        chosen.append(cand)
        used_a.update(cand.a)
        used_b.update(cand.b)
    return chosen
