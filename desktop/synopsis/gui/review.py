"""A comparison's review as data, and carrying it over to another comparison of the same texts.

The review is what the user did: corrections (pairs linked or labelled by hand, passages kept
apart: ``report.corrections``) and, per pair, a verdict and a note. Pairs are keyed by their segment ids (``"a:1,2|b:3"``); another comparison of the
same two texts (swapped, re-run, another engine version) may number its segments differently,
so a review moves by the segments' spans of text: a pair is carried over when each of its
segments has a segment with the same span and text in the new comparison. What cannot be
carried over is listed in words. No Qt here.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..core.corrections import manual_link
from ..core.model import Corrections, Document, Report, link_key
from ..library.corrections import parse_key
from .engine import with_corrections

Manual = tuple[list[int], list[int], str]    # a pair linked or labelled by hand: (a ids, b ids, label)
VERDICT_NAMES = {"accurate": "accurate", "altered": "altered", "misleading": "misleading",
                 "unverified": "unverified"}


@dataclass(frozen=True)
class PairReview:
    """The user's verdict (``""`` until the user picks one) and note on one pair."""

    verdict: str = ""
    note: str = ""
    updated: str = ""

    @property
    def empty(self) -> bool:
        return not self.verdict and not self.note

    def as_record(self) -> dict[str, str]:
        """The form the export writers read (``layout.verdict_for``)."""
        return {"verdict": self.verdict, "note": self.note, "time": self.updated}


@dataclass
class CarryOver:
    """A stored review translated to a new comparison."""

    manual: list[Manual] = field(default_factory=list)
    apart_a: set[int] = field(default_factory=set)
    apart_b: set[int] = field(default_factory=set)
    reviews: dict[str, PairReview] = field(default_factory=dict)
    thresholds: dict[str, object] = field(default_factory=dict)
    lost: list[str] = field(default_factory=list)   # one line per item that could not come along
    comparison_id: int | None = None     # the stored comparison it continues, when the same one

    @property
    def empty(self) -> bool:
        return not self.manual and not self.apart_a and not self.apart_b and not self.reviews

    def applied(self, report: Report) -> Report:
        """``report`` decided again with the carried corrections (hand-made links made anew)."""
        if not self.manual and not self.apart_a and not self.apart_b:
            return report
        manual = tuple(manual_link(report, a, b, label) for a, b, label in self.manual)
        taken = {i for a, _b, _l in self.manual for i in a}, {j for _a, b, _l in self.manual for j in b}
        return with_corrections(report, Corrections(manual=manual, apart_a=frozenset(self.apart_a - taken[0]),
                                                    apart_b=frozenset(self.apart_b - taken[1])))


def segment_map(old: Document, new: Document) -> dict[int, int]:
    """Old segment id -> new segment id, for segments with the same span and the same text."""
    by_span = {(s.start, s.end): i for i, s in enumerate(new.segments)}
    out: dict[int, int] = {}
    for i, seg in enumerate(old.segments):
        j = by_span.get((seg.start, seg.end))
        if j is not None and old.text[seg.start:seg.end] == new.text[seg.start:seg.end]:
            out[i] = j
    return out


def same_segments(old: Report, new: Report) -> bool:
    """Whether both reports cut both texts into the same segments (ids mean the same)."""
    return all(len(segment_map(o, n)) == len(o.segments) == len(n.segments)
               for o, n in zip(old.documents, new.documents))


def excerpt(doc: Document, ids: list[int], limit: int = 60) -> str:
    text = " ".join(" ".join(doc.segment_text(i).split()) for i in ids if 0 <= i < len(doc.segments))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe_pair(report: Report, a: list[int], b: list[int]) -> str:
    """A pair as a reader finds it: ``A 4 ↔ B 7 (“Witkoff will meet …”)``."""
    where = f"A {', '.join(str(i + 1) for i in a)} ↔ B {', '.join(str(i + 1) for i in b)}"
    words = excerpt(report.documents[0], a) or excerpt(report.documents[1], b)
    return f"{where} (“{words}”)" if words else where


class _Translator:
    """Maps the stored report's segment ids onto the new report's (mirrored when swapped)."""

    def __init__(self, stored: Report, new: Report, mirrored: bool) -> None:
        self.stored, self.mirrored = stored, mirrored
        old_a, old_b = (stored.documents[1], stored.documents[0]) if mirrored else stored.documents
        self.maps = (segment_map(old_a, new.documents[0]), segment_map(old_b, new.documents[1]))

    def ids(self, a: list[int], b: list[int]) -> tuple[list[int], list[int]] | None:
        """New (a, b) ids of a stored pair, or None when a segment has no counterpart."""
        if self.mirrored:
            a, b = b, a
        new_a = [self.maps[0].get(i) for i in a]
        new_b = [self.maps[1].get(i) for i in b]
        if None in new_a or None in new_b or not new_a or not new_b:
            return None
        return sorted(new_a), sorted(new_b)  # type: ignore[arg-type]

    def describe(self, a: list[int], b: list[int]) -> str:
        return describe_pair(self.stored, a, b)

    def side(self, ids, side: int) -> tuple[set[int], list[int]]:
        """Stored segment ids of one stored side, as new ids on side ``side`` (and the ones lost)."""
        mapped = self.maps[side]
        return {mapped[i] for i in ids if i in mapped}, [i for i in ids if i not in mapped]


def carry_over(stored: Report, reviews: dict[str, PairReview], new: Report, mirrored: bool) -> CarryOver:
    """The stored review (``stored.corrections`` and the pair reviews) for the ``new`` comparison."""
    move = _Translator(stored, new, mirrored)
    out = CarryOver()
    for link in stored.corrections.manual:
        ids = move.ids(list(link.a), list(link.b))
        if ids is None:
            out.lost.append(f"link made by hand {move.describe(list(link.a), list(link.b))}: its passages are "
                            "cut differently in this comparison")
            continue
        out.manual.append((ids[0], ids[1], str(link.label)))
    apart = (stored.corrections.apart_b, stored.corrections.apart_a) if mirrored else \
        (stored.corrections.apart_a, stored.corrections.apart_b)
    for side, letter in ((0, "A"), (1, "B")):
        kept, lost = move.side(apart[side], side)
        (out.apart_a if side == 0 else out.apart_b).update(kept)
        if lost:
            out.lost.append(f"{len(lost)} passage(s) of {letter} kept out of links by hand: cut differently "
                            "in this comparison")
    for key, review in reviews.items():
        a, b = parse_key(key)
        ids = move.ids(a, b)
        if ids is None:
            out.lost.append(f"{_review_words(review)} on {move.describe(a, b)}: its passages are cut "
                            "differently in this comparison")
            continue
        out.reviews[link_key(*ids)] = review
    return out


def _review_words(review: PairReview) -> str:
    parts = []
    if review.verdict:
        parts.append(f"verdict “{VERDICT_NAMES.get(review.verdict, review.verdict)}”")
    if review.note:
        parts.append(f"note “{review.note[:40]}”")
    return " and ".join(parts) or "review"


def unmatched_reviews(carry: CarryOver, report: Report) -> list[str]:
    """Lines for carried pair reviews whose pair is not linked in ``report`` (they stay stored)."""
    keys = {link_key(link.a, link.b) for link in report.links}
    out = []
    for key, review in carry.reviews.items():
        if key not in keys:
            a, b = parse_key(key)
            out.append(f"{_review_words(review)} on {describe_pair(report, a, b)}: "
                       "this comparison does not pair these passages")
    return out
