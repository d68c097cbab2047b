"""Where F7 (next difference) and F8 (next changed fact) stop, as pure functions of a report.

Stops are ordered by their position in one side's text; past the last one the search wraps
around to the first (and says so). No Qt here.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..core.model import Report
from .geometry import next_target

SEVERITIES = (3, 2, 1)       # alarm, check, note


@dataclass(frozen=True)
class Stop:
    position: int        # offset in the side's text
    segment: int         # the segment to select
    link: int | None     # the pair's index in report.links, None for a passage found in one source


def difference_stops(report: Report, side: int, classes: set[str]) -> list[Stop]:
    """One stop per paraphrased pair and per unique passage of ``side`` (of the shown classes)."""
    doc = report.documents[side]
    labels = report.label_of_segments(side)
    link_of = report.link_of_segment(side)
    seen: set = set()
    stops = []
    for seg_id, (seg, label) in enumerate(zip(doc.segments, labels)):
        if seg.is_debris or label == "shared" or label not in classes:
            continue
        link = link_of.get(seg_id)
        key = ("link", link) if link is not None else ("seg", seg_id)
        if key not in seen:
            seen.add(key)
            stops.append(Stop(seg.start, seg_id, link))
    return stops


def fact_stops(report: Report, side: int, severities: set[int]) -> list[Stop]:
    """One stop per pair with a changed fact of one of ``severities``, in ``side``'s order."""
    doc = report.documents[side]
    stops = []
    for index, link in enumerate(report.links):
        ids = link.a if side == 0 else link.b
        if ids and any(f.severity in severities for f in link.facts):
            first = min(ids)
            stops.append(Stop(doc.segments[first].start, first, index))
    return sorted(stops, key=lambda s: (s.position, s.link))


def step(stops: list[Stop], current: int | None, forward: bool) -> tuple[Stop | None, bool]:
    """The stop after (before) text position ``current``; ``wrapped`` when it came round."""
    positions = [s.position for s in stops]
    k = next_target(positions, current, forward)
    if k is not None:
        return stops[k], False
    if not stops:
        return None, False
    return (stops[0] if forward else stops[-1]), True
