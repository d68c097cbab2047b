"""A document made ready to align: its language, its segments and their debris marks.

Kept apart from :mod:`.pipeline` (which re-exports :func:`prepare`) so that a process that
only prepares documents does not import the aligner.
"""
from __future__ import annotations

import dataclasses

from .config import Settings
from .debris import mark as mark_debris
from .language import detect
from .model import Document
from .segment import split
from .ticks import Tick, no_tick, within

__all__ = ["prepare"]

SPLIT_SHARE = 0.6       # of preparing's time, the sentences' (the rest: debris marks)


def prepare(doc: Document, settings: Settings, tick: Tick = no_tick) -> Document:
    """``doc`` ready to align: its language (given, known, or detected), its segments at the
    settings' granularity and its debris marked. A new document; ``doc`` is left as it is.
    ``tick``: told the share done now and then (see :mod:`.ticks`; it may raise to stop)."""
    language = settings.language or doc.language or detect(doc.text)
    segments = split(doc.text, language, settings.granularity, doc.title, tick=within(tick, 0.0, SPLIT_SHARE))
    marked = mark_debris(doc.text, segments, tick=within(tick, SPLIT_SHARE, 1.0))
    tick(1.0)
    return dataclasses.replace(doc, language=language, segments=marked)
