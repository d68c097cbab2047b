"""Turning pair scores into classes, and re-applying thresholds without re-aligning.

The aligner keeps every plausible pair it found as a *candidate* (``Report.candidates``),
scored with the views in ``Link.scores``. ``relabel`` decides from those scores and the
current thresholds which candidates become links and with which class, so the GUI's live
threshold sliders are instant. Manual links and unlinks are kept apart by the caller.
"""
from __future__ import annotations

import copy
import re

from .annotate import annotate_links
from .config import Settings
from .model import Link, Report
from .order import in_order


def label_for(link: Link, settings: Settings, text_a: str | None = None, text_b: str | None = None) -> str | None:
    """"shared", "paraphrased", or None when the pair is too weak to link.

    Shared needs the character similarity at or above the shared threshold and, once the
    link's word edits are known (``text_a``/``text_b`` given and ``link.annotated``), at most
    ``shared_max_changed_words`` words changed.
    """
    if link.score < settings.paraphrase_threshold:
        return None
    chars = link.scores.get("chars", link.score)
    if chars < settings.shared_threshold:
        return "paraphrased"
    if text_a is not None and text_b is not None and link.annotated and \
            changed_words(link, text_a, text_b) > settings.shared_max_changed_words:
        return "paraphrased"
    return "shared"


_WORD = re.compile(r"\w+")


def changed_words(link: Link, text_a: str, text_b: str) -> int:
    """Words dropped, added or replaced inside a link (a replacement counts its longer side)."""
    total = 0
    for edit in link.edits:
        n_a = len(_WORD.findall(edit.a.slice(text_a))) if edit.a is not None else 0
        n_b = len(_WORD.findall(edit.b.slice(text_b))) if edit.b is not None else 0
        total += max(n_a, n_b)
    return total


def choose(candidates: list[Link], settings: Settings,
           manual: list[Link] | tuple[Link, ...] = ()) -> list[Link]:
    """The candidates that become links under ``settings``: best score first, each segment once.

    Returns the candidate objects themselves (not copies), manual links excluded.
    """
    used_a = {i for link in manual for i in link.a}
    used_b = {j for link in manual for j in link.b}
    chosen: list[Link] = []
    for cand in sorted(candidates, key=lambda c: (-c.score, len(c.a) + len(c.b), min(c.a), min(c.b),
                                                  tuple(c.a), tuple(c.b))):
        if label_for(cand, settings) is None or used_a & set(cand.a) or used_b & set(cand.b):
            continue
        chosen.append(cand)
        used_a.update(cand.a)
        used_b.update(cand.b)
    return chosen


def relabel(report: Report, settings: Settings) -> None:
    """Rebuild ``report.links`` from ``report.candidates`` under ``settings`` (in place).

    Manual links (origin "manual") keep their class; a candidate that overlaps a manual link
    is dropped. Candidates are considered best first, and no segment ends up in two links.
    """
    manual = [link for link in report.links if link.origin == "manual"]
    chosen: list[Link] = list(manual)
    doc_a, doc_b = report.documents
    facts = bool(report.settings.get("facts", True))
    picked = choose(report.candidates, settings, manual)
    annotate_links(doc_a, doc_b, [cand for cand in picked if not cand.annotated], facts=facts)
    for cand in picked:
        link = copy.copy(cand)
        link.label = label_for(cand, settings, doc_a.text, doc_b.text) or "paraphrased"
        chosen.append(link)
    report.links = in_order(chosen)     # moved: the running order of the links there are now
    report.settings = {**report.settings, "shared_threshold": settings.shared_threshold,
                       "shared_max_changed_words": settings.shared_max_changed_words,
                       "paraphrase_threshold": settings.paraphrase_threshold}
