"""The few things the window asks of the engine about a finished report, in one place.

``settings_of`` reads the settings a report was made with (a dict in older reports);
``reapply`` decides the links again under new thresholds without aligning again. Both run
without Qt, ``reapply`` in a worker thread: it never changes the report it is given.
"""
from __future__ import annotations

import copy
import dataclasses
from typing import Any

from ..core.classify import relabel
from ..core.config import Settings
from ..core.model import Report

THRESHOLDS = ("shared_threshold", "shared_max_changed_words", "paraphrase_threshold")


def settings_of(report: Report) -> Settings:
    """The :class:`Settings` ``report`` was made (or last relabelled) with."""
    given: Any = report.settings
    if isinstance(given, Settings):
        return given
    return Settings.from_dict(dict(given or {}))


def thresholds_of(settings: Settings) -> dict[str, Any]:
    return {name: getattr(settings, name) for name in THRESHOLDS}


def reapply(report: Report, settings: Settings) -> Report:
    """A new report whose links are decided again from the candidates under ``settings``.

    Manual links and relabels are kept, unlinked pairs (gone from the candidates) stay
    unlinked. The candidates are copied first: the worker thread annotates the ones that
    become links for the first time, and the report on screen must not change under it.
    """
    out = dataclasses.replace(report, links=list(report.links),
                              candidates=[copy.copy(c) for c in report.candidates])
    relabel(out, settings)
    return out
