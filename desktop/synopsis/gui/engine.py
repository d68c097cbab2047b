"""The few things the window asks of the engine about a finished report, in one place.

A report is decided from its alignment, its settings and what a person decided by hand
(``report.corrections``). ``reapply`` decides it again under new thresholds; ``with_corrections``
under other corrections (an undo after the thresholds moved, or a review carried over from
another comparison). Both run without Qt — ``reapply`` in a worker thread — and never change
the report they are given. The fact layer runs where the app runs it (``runtime.WORKER``).
"""
from __future__ import annotations

from typing import Any

from ..core.config import Settings
from ..core.decide import decide, redecide
from ..core.model import Corrections, Report
from ..runtime.fact_worker import WORKER

THRESHOLDS = ("shared_threshold", "shared_max_changed_words", "paraphrase_threshold")


def settings_of(report: Report) -> Settings:
    """The :class:`Settings` ``report`` was decided with."""
    given: Any = report.settings
    return given if isinstance(given, Settings) else Settings.from_dict(dict(given or {}))


def thresholds_of(settings: Settings) -> dict[str, Any]:
    return {name: getattr(settings, name) for name in THRESHOLDS}


def reapply(report: Report, settings: Settings) -> Report:
    """``report`` decided again under ``settings``, its corrections kept."""
    return redecide(report, settings, facts=WORKER)


def with_corrections(report: Report, corrections: Corrections, known: dict | None = None) -> Report:
    """``report`` decided again under its own settings with ``corrections`` instead of its own."""
    return decide(report.alignment, report.settings, corrections=corrections,
                  known={**(known or {}), **report.annotations}, facts=WORKER)
