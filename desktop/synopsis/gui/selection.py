"""What the user has selected in a comparison, as an immutable value (no Qt).

Either a pair (``link`` is its index in ``report.links``, ``a``/``b`` its passages) or some
passages found in one source only, picked on either side (Ctrl+click adds one), which the
user may then link by hand. ``side`` is the side the user last worked in: F7 and F8 follow
its order, and the other side is scrolled to show the counterpart.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..core.model import Link, Report


@dataclass(frozen=True)
class Selection:
    a: tuple[int, ...] = ()
    b: tuple[int, ...] = ()
    link: int | None = None
    side: int = 0
    key: str = ""           # the selected pair's link key (it survives new thresholds)

    def on(self, side: int) -> tuple[int, ...]:
        return self.a if side == 0 else self.b

    @property
    def empty(self) -> bool:
        return not self.a and not self.b

    @classmethod
    def of_link(cls, report: Report, index: int, side: int) -> "Selection":
        from ..core.model import link_key

        link: Link = report.links[index]
        return cls(tuple(link.a), tuple(link.b), index, side, link_key(link.a, link.b))

    def with_segment(self, side: int, seg: int, add: bool) -> "Selection":
        """Passages in one source only: ``seg`` alone, or added to (removed from) the others."""
        base = Selection(side=side) if self.link is not None else replace(self, side=side)
        chosen = list(base.on(side))
        if add and seg in chosen:
            chosen.remove(seg)
        elif add:
            chosen.append(seg)
        else:
            chosen = [seg]
        return replace(base, **{"a" if side == 0 else "b": tuple(chosen)})
