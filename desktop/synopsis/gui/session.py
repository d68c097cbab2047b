"""One comparison in the window: its sources, report, selection, review, settings and job.

:class:`ComparisonSession` is a ``QObject`` without widgets. The panes, the band painter, the
pairs table, the detail panel, the verdict box and the controllers all observe it through its
signals and call its methods; none of them reaches into another. Engine work runs in
:class:`~synopsis.gui.workers.JobRunner` jobs: comparing, and re-deciding the links when the
thresholds move (debounced, so a spin box held down runs it once).

The review (manual links, unlinks, relabels, verdicts and notes) is kept by a *keeper* (the
library controller), told of every change as it is made; it also hands back a stored review
when the same two texts are compared again. Without a keeper the review lives in memory.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from ..core.config import Settings
from ..core.model import Link, Report, link_key
from . import commands, navigation, sources
from .engine import reapply, settings_of, thresholds_of
from .review import CarryOver, PairReview, carry_over, unmatched_reviews
from .selection import Selection
from .views.turns import turns
from .workers import JobRunner

RELABEL_DELAY_MS = 250
STAGED_PASSAGES = 4000      # a report with more passages (both sides) reaches the views over several turns


def _passages(report: Report) -> int:
    return sum(len(d.segments) for d in report.documents)


class ComparisonSession(QObject):
    reportChanged = Signal()      # another report (or none), or its links changed
    selectionChanged = Signal()
    settingsChanged = Signal()    # this comparison's thresholds (or granularity)
    reviewChanged = Signal()      # a verdict or a note
    filtersChanged = Signal()     # the classes shown
    ready = Signal()              # a comparison (or a single source) is shown (in the views too)
    failed = Signal(str)
    notice = Signal(str)          # one status line
    carriedOver = Signal(list)    # what of a stored review could not be carried over (lines)

    def __init__(self, settings: Settings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings or Settings()
        self.specs: list[tuple | None] = [None, None]
        self.docs: list = [None, None]
        self.report: Report | None = None
        self.selection = Selection()
        self.reviews: dict[str, PairReview] = {}
        self.visible_classes = {"shared", "paraphrased", "unique"}
        self.fact_severities = {3, 2}
        self.undo = QUndoStack(self)
        self.keeper = None                  # see library_controller.ReviewKeeper
        self.embedding_library: Callable[[], object] = lambda: None   # where stored documents' embeddings are
        self.may_leave: Callable[[], bool] = lambda: True
        self.comparer = JobRunner(self.tr("Comparing"), self)
        self.comparer.finished.connect(self._compared)
        self.comparer.failed.connect(self._failed)
        self.comparer.cancelled.connect(lambda: self.notice.emit(self.tr("Cancelled")))
        self.relabeller = JobRunner(self.tr("Applying thresholds"), self)
        self.relabeller.finished.connect(self._relabelled)
        self.relabeller.failed.connect(self._failed)
        self._relabel_timer = QTimer(self, singleShot=True, interval=RELABEL_DELAY_MS)
        self._relabel_timer.timeout.connect(self._start_relabel)
        self._carry: tuple | None = None    # a review to carry to the next comparison (swap)
        self._shown_specs: list[tuple | None] = [None, None]   # the sources of what is on screen

    # -- sources ------------------------------------------------------------------------------
    def open_paths(self, a: str, b: str) -> bool:
        return self.set_sources([("path", str(a)), ("path", str(b))])

    def set_source(self, side: int, spec: tuple) -> bool:
        specs = list(self.specs)
        specs[side] = spec
        return self.set_sources(specs)

    def free_side(self) -> int:
        return 0 if self.specs[0] is None else 1

    def set_sources(self, specs: list[tuple | None]) -> bool:
        """Load (and, with two, compare) these sources; False if the user chose to stay."""
        if not self.may_leave():
            return False
        self.specs = list(specs)
        self._compare()
        return True

    def swap(self) -> bool:
        """Compare the sources the other way round; the review comes along, mirrored."""
        if self.specs[0] is None and self.specs[1] is None:
            return False
        if self.report is not None:
            self._carry = (self.report, dict(self.reviews))
        self.specs.reverse()
        self._compare()
        return True

    def recompare(self) -> None:
        """Compare the same sources again (after the granularity changed)."""
        if any(self.specs) and self.may_leave():
            if self.report is not None:
                self._carry = (self.report, dict(self.reviews))
            self._compare()

    def _compare(self) -> None:
        self.relabeller.abandon()
        self._relabel_timer.stop()
        self.comparer.start(sources.make_task(list(self.specs), self.settings, self.embedding_library()))

    def cancel(self) -> None:
        self.comparer.cancel()

    def _compared(self, result) -> None:
        docs, report = result
        self.docs = list(docs)
        self._shown_specs = list(self.specs)
        carry, self._carry = self._carry, None
        self._show(report, carry=carry)

    def _failed(self, message: str) -> None:
        self._carry = None
        self.specs = list(self._shown_specs)    # no hidden stale source left behind
        self.notice.emit(message)
        self.failed.emit(message)

    def open_report(self, report: Report, comparison_id: int | None = None,
                    reviews: dict[str, PairReview] | None = None) -> bool:
        """Show a finished report (from the library or the claim matrix) without comparing.

        ``comparison_id`` and ``reviews`` when it is a stored comparison (its corrections are in
        the report); otherwise a review of the same texts kept before is carried over.
        """
        if not self.may_leave():
            return False
        self.comparer.abandon()
        self.relabeller.abandon()
        self.docs = list(report.documents)
        self.specs = [("document", d) for d in report.documents]
        self._shown_specs = list(self.specs)
        self.settings = settings_of(report)
        self._show(report, comparison_id=comparison_id, reviews=reviews)
        return True

    # -- showing a report ---------------------------------------------------------------------
    def _show(self, report: Report | None, carry: tuple | None = None, comparison_id: int | None = None,
              reviews: dict[str, PairReview] | None = None) -> None:
        self.undo.clear()
        self.reviews = {}
        self.selection = Selection()
        self.report = report
        lost: list[str] = []
        if report is not None:
            lost = self._attach(report, carry, comparison_id, reviews)
        # the views show a long report over the next turns of the event loop (views.turns),
        # a short one at once; ready once they have
        with turns().at_once(report is None or _passages(report) <= STAGED_PASSAGES):
            self.reportChanged.emit()
            self.settingsChanged.emit()
            self.selectionChanged.emit()
            self.reviewChanged.emit()
            if lost:
                self.carriedOver.emit(lost)
            turns().post(self, "ready", self.ready.emit, last=True)

    def _attach(self, report: Report, carry: tuple | None, comparison_id: int | None,
                reviews: dict[str, PairReview] | None) -> list[str]:
        """Give the new report its review: carried from the last one (swap), kept by the
        keeper (the same texts compared before), or opened with it; the lines not carried."""
        if comparison_id is not None:
            self.reviews = dict(reviews or {})
            if self.keeper is not None:
                self.keeper.opened(report, comparison_id)
            return []
        found = CarryOver()
        if carry is not None:
            old, old_reviews = carry
            mirrored = old.documents[0].sha256 != report.documents[0].sha256
            found = carry_over(old, old_reviews, report, mirrored)
        if self.keeper is not None:
            stored = self.keeper.attach(report, carried=carry is not None)
            if carry is None and stored is not None:
                found = stored
        if found.thresholds and found.thresholds != thresholds_of(self.settings):
            self.settings = self.settings.replace(**found.thresholds)
            self._relabel_timer.start(0)
        self.report = found.applied(report)
        self.reviews = dict(found.reviews)
        if carry is not None and not found.empty and self.keeper is not None:
            self.keeper.carried(self.report)     # the review brought along is stored with this comparison
        return found.lost + (unmatched_reviews(found, self.report) if found.reviews else [])

    # -- thresholds ---------------------------------------------------------------------------
    def set_thresholds(self, **values) -> None:
        """Move this comparison's thresholds; the links follow shortly, decided in the background."""
        changed = self.settings.replace(**values)
        if changed == self.settings:
            return
        self.settings = changed
        self.settingsChanged.emit()
        if self.report is not None:
            self._relabel_timer.start()

    def set_granularity(self, granularity: str) -> None:
        if granularity != self.settings.granularity:
            self.settings = self.settings.replace(granularity=granularity)
            self.settingsChanged.emit()
            self.recompare()

    def _start_relabel(self) -> None:
        report, settings = self.report, self.settings
        if report is None:
            return
        self.relabeller.start(lambda progress, cancelled: (report, reapply(report, settings)))

    def _relabelled(self, result) -> None:
        source, report = result
        if source is not self.report:      # edited meanwhile: decide again from what is shown
            self._relabel_timer.start(0)
            return
        key = self.selection.key
        self.report = report
        self._reselect(key)
        self.reportChanged.emit()
        self.selectionChanged.emit()
        if self.keeper is not None:
            self.keeper.settings_changed(report)

    @property
    def busy(self) -> bool:
        return self.comparer.busy or self.relabeller.busy or self._relabel_timer.isActive()

    # -- selection ----------------------------------------------------------------------------
    def _reselect(self, key: str, side: int | None = None) -> None:
        side = self.selection.side if side is None else side
        index = next((i for i, l in enumerate(self.report.links) if link_key(l.a, l.b) == key), None) \
            if key and self.report is not None else None
        self.selection = Selection.of_link(self.report, index, side) if index is not None else Selection(side=side)

    def select_link(self, index: int, side: int | None = None) -> None:
        if self.report is None or not 0 <= index < len(self.report.links):
            return
        self.selection = Selection.of_link(self.report, index, self.selection.side if side is None else side)
        self.selectionChanged.emit()

    def select_segment(self, side: int, seg: int, add: bool = False) -> None:
        if self.report is None and self.docs[side] is None:
            return
        link = self.report.link_of_segment(side).get(seg) if self.report is not None else None
        if link is not None and not add:
            self.select_link(link, side)
            return
        self.selection = self.selection.with_segment(side, seg, add)
        self.selectionChanged.emit()

    def clear_selection(self) -> None:
        self.selection = Selection(side=self.selection.side)
        self.selectionChanged.emit()

    def current_pair(self) -> Link | None:
        index = self.selection.link
        if self.report is None or index is None or index >= len(self.report.links):
            return None
        return self.report.links[index]

    def set_filters(self, classes: set[str]) -> None:
        self.visible_classes = set(classes)
        self.filtersChanged.emit()

    # -- F7 / F8 ------------------------------------------------------------------------------
    def next_difference(self, forward: bool = True) -> None:
        if self.report is not None:
            stops = navigation.difference_stops(self.report, self.selection.side, self.visible_classes - {"shared"})
            self._go(stops, forward, self.tr("No differences to visit"),
                     self.tr("Wrapped around to the first difference") if forward
                     else self.tr("Wrapped around to the last difference"))

    def next_fact(self, forward: bool = True) -> None:
        if self.report is not None:
            stops = navigation.fact_stops(self.report, self.selection.side, self.fact_severities)
            self._go(stops, forward, self.tr("No changed facts of the kinds F8 visits (see Preferences)"),
                     self.tr("Wrapped around to the first changed fact") if forward
                     else self.tr("Wrapped around to the last changed fact"))

    def _go(self, stops: list, forward: bool, none: str, wrapped_text: str) -> None:
        side = self.selection.side
        doc = self.report.documents[side]
        here = min((doc.segments[s].start for s in self.selection.on(side)), default=None)
        stop, wrapped = navigation.step(stops, here, forward)
        if stop is None:
            self.notice.emit(none)
            return
        if stop.link is not None:
            self.select_link(stop.link, side)
        else:
            self.selection = Selection(side=side, **{"a" if side == 0 else "b": (stop.segment,)})
            self.selectionChanged.emit()
        if wrapped:
            self.notice.emit(wrapped_text)

    # -- corrections (undoable) ---------------------------------------------------------------
    def link_selected(self) -> None:
        sel = self.selection
        if self.report is not None and sel.a and sel.b and sel.link is None:
            after = commands.link_passages(self.report, list(sel.a), list(sel.b))
            self.undo.push(commands.ReportEdit(self, self.tr("Link passages"), after,
                                               (sorted(sel.a), sorted(sel.b))))

    def unlink_selected(self) -> None:
        link = self.current_pair()
        if link is not None:
            self.undo.push(commands.ReportEdit(self, self.tr("Unlink pair"), commands.unlink(self.report, link)))

    def mark_selected(self, label: str) -> None:
        link = self.current_pair()
        if link is not None and label != link.label:
            self.undo.push(commands.ReportEdit(self, self.tr("Change class"),
                                               commands.relabel_link(self.report, link, label),
                                               (list(link.a), list(link.b))))

    def apply_edit(self, report: Report, select: tuple[list[int], list[int]] | None) -> None:
        """Show the corrected report (called by the undo commands) and tell the keeper."""
        old = self.selection
        changes = commands.link_changes(self.report.links, report.links)
        self.report = report
        if select is not None:
            self._reselect(link_key(*select))
        elif old.link is not None:   # the pair is gone: its passages stay selected, unlinked
            self.selection = Selection(old.a, old.b, None, old.side)
        else:
            self._reselect(old.key)
        if self.keeper is not None:
            self.keeper.corrected(self.report)
        if changes:
            self.notice.emit(self.tr("%n pair(s) changed", "", len(changes)))
        self.reportChanged.emit()
        self.selectionChanged.emit()

    # -- verdicts and notes -------------------------------------------------------------------
    def review_of(self, link: Link | None) -> PairReview:
        return self.reviews.get(link_key(link.a, link.b), PairReview()) if link is not None else PairReview()

    def set_review(self, verdict: str | None = None, note: str | None = None, key: str | None = None) -> None:
        """Change a pair's verdict and/or note (only ever at the user's hand): the selected
        pair's, or the one with link key ``key``."""
        if key is None:
            link = self.current_pair()
        else:
            link = next((l for l in self.report.links if link_key(l.a, l.b) == key), None) \
                if self.report is not None else None
        if link is None:
            return
        key = link_key(link.a, link.b)
        old = self.reviews.get(key, PairReview())
        new = PairReview(old.verdict if verdict is None else verdict,
                         old.note if note is None else note, old.updated)
        if (new.verdict, new.note) == (old.verdict, old.note):
            return
        if new.empty:
            self.reviews.pop(key, None)
        else:
            self.reviews[key] = new
        if self.keeper is not None:
            self.keeper.record_review(self.report, link, new)
        self.reviewChanged.emit()

    def annotations(self) -> dict:
        """The verdicts and notes of the shown links, as the export writers read them."""
        if self.report is None:
            return {"verdicts": {}}
        keys = {link_key(l.a, l.b) for l in self.report.links}
        return {"verdicts": {k: r.as_record() for k, r in self.reviews.items() if k in keys}}

    def shutdown(self) -> None:
        self._relabel_timer.stop()
        self.comparer.abandon()
        self.relabeller.abandon()
