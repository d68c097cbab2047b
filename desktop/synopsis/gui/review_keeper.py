"""Keeps the shown comparison's review in the library as it is made (autosave).

The first correction, verdict or note of a comparison stores it (its documents and report);
from then on every verdict or note is one small write, and every correction stores the
corrected report (whose JSON carries the pairs linked by hand and the passages kept apart), so
a crash or a kill loses at most the keystroke being typed. A comparison of two texts reviewed before (found by their content hashes, in
either order) continues that review: the same stored comparison when the texts are cut into
the same passages, else a copy of what could be carried over (see :mod:`.review`). When a
write fails, the review stays in memory and :attr:`unsaved` says so until it is written.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from ..core.errors import SynopsisError
from ..core.model import Link, Report
from ..library import Library
from ..library.corrections import parse_key
from .engine import settings_of, thresholds_of
from .review import CarryOver, PairReview, carry_over, same_segments


class ReviewKeeper(QObject):
    """The library side of a :class:`~synopsis.gui.session.ComparisonSession`'s review.

    ``library`` opens (and creates) the library when asked; ``existing`` opens it only if the
    file is there. ``error(message)`` is told of the first failed write of a comparison.
    """

    def __init__(self, session, library: Callable[[], Library | None],
                 existing: Callable[[], Library | None], error: Callable[[str], None]) -> None:
        super().__init__(session)
        self.session = session
        self._library, self._existing, self._error = library, existing, error
        self.comparison_id: int | None = None
        self.unsaved = False
        self._told = False

    # -- a comparison is shown ------------------------------------------------------------------
    def attach(self, report: Report, carried: bool = False) -> CarryOver | None:
        """The stored review of these two texts for ``report`` (None when there is none).

        With ``carried`` (the window brings the review along itself) only where to go on
        writing is decided.
        """
        self.comparison_id, self.unsaved, self._told = None, False, False
        library = self._existing()
        shas = [d.sha256 for d in report.documents]
        if library is None or not all(shas):
            return None
        try:
            found = library.find_reviews(*shas)
            if not found:
                return None
            latest = found[0]
            stored = library.get_comparison(latest["id"])      # with its corrections
            if not latest["mirrored"] and same_segments(stored, report):
                self.comparison_id = latest["id"]
                library.touch_review(latest["id"])
            if carried:
                return None
            reviews = {k: PairReview(v["verdict"], v["note"], v["updated"])
                       for k, v in library.verdicts(latest["id"]).items()}
        except (SynopsisError, ValueError) as exc:
            self._error(str(exc))
            return None
        carry = carry_over(stored, reviews, report, latest["mirrored"])
        carry.thresholds = thresholds_of(settings_of(stored))
        carry.comparison_id = self.comparison_id
        return carry

    def carried(self, report: Report) -> None:
        """The window brought a review along (a swap): store it, or bring the stored one up to it."""
        if self.comparison_id is None:
            self.save_all()
            return
        library = self._library()
        if library is None:
            self._failed(None)
            return
        try:
            self._sync(library, self.comparison_id, report)
        except (SynopsisError, ValueError) as exc:
            self._failed(exc)

    def _sync(self, library: Library, cid: int, report: Report) -> None:
        """Make the stored review of comparison ``cid`` say what the window shows."""
        session = self.session
        stored = library.verdicts(cid)
        for key in stored.keys() - session.reviews.keys():
            library.set_review(cid, *parse_key(key), "", "")
        for key, review in session.reviews.items():
            old = stored.get(key, {})
            if (old.get("verdict", ""), old.get("note", "")) != (review.verdict, review.note):
                library.set_review(cid, *parse_key(key), review.verdict, review.note)
        library.update_comparison_report(cid, report)

    def opened(self, report: Report, comparison_id: int) -> None:
        """A stored comparison is shown as it was saved."""
        self.comparison_id, self.unsaved, self._told = comparison_id, False, False

    # -- changes as they are made -----------------------------------------------------------
    def corrected(self, report: Report) -> None:
        """A correction (or its undo): its corrections as they stand are stored (a small write)."""
        self._write(lambda library, cid: library.set_corrections_state(cid, report), report)

    def record_review(self, report: Report, link: Link, review: PairReview) -> None:
        self._write(lambda library, cid: library.set_review(cid, link.a, link.b, review.verdict, review.note),
                    report)

    def settings_changed(self, report: Report) -> None:
        if self.comparison_id is not None or self.unsaved:
            self._write(lambda library, cid: library.update_comparison_report(cid, report), report)

    def _write(self, step: Callable[[Library, int], object], report: Report) -> bool:
        if self.unsaved:    # an earlier write failed: kept in memory until Save (or leaving) tries again
            return False
        library = self._library()
        if library is None:              # (the library controller said why)
            self._failed(None)
            return False
        if self.comparison_id is None:
            return self.save_all()       # stores the comparison with everything so far
        try:
            step(library, self.comparison_id)
        except (SynopsisError, ValueError) as exc:
            self._failed(exc)
            return False
        return True

    def save_all(self) -> bool:
        """Store the shown comparison and its whole review now (after a failed write, or Save)."""
        session = self.session
        report = session.report
        if report is None:
            return True
        library = self._library()
        if library is None:
            self._failed(None)
            return False
        try:
            if self.comparison_id is None or self.unsaved:
                self.comparison_id = library.save_comparison(report)
                for key, review in session.reviews.items():
                    library.set_review(self.comparison_id, *parse_key(key), review.verdict, review.note)
        except (SynopsisError, ValueError) as exc:
            self._failed(exc)
            return False
        self.unsaved, self._told = False, False
        return True

    def _failed(self, exc: Exception | None) -> None:
        """A write failed (``exc``; None when the library could not be opened, already said)."""
        self.unsaved = True
        if not self._told:
            self._told = True
            if exc is not None:
                self._error(self.tr("Your review is kept in memory but not in the library: %1")
                            .replace("%1", str(exc)))

    def discard(self) -> None:
        self.unsaved = False
