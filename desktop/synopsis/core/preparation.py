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

__all__ = ["prepare"]


def prepare(doc: Document, settings: Settings) -> Document:
    """``doc`` ready to align: its language (given, known, or detected), its segments at the
    settings' granularity and its debris marked. A new document; ``doc`` is left as it is."""
    language = settings.language or doc.language or detect(doc.text)
    segments = split(doc.text, language, settings.granularity, doc.title)
    return dataclasses.replace(doc, language=language, segments=mark_debris(doc.text, segments))
