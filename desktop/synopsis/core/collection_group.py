"""Grouping passages of many sources into statements, from their pairwise links.

Nodes are *units*: one passage of one source, or several passages of one source that say the
same thing (a paragraph repeated by a scraper, found as the pairwise reports' repeats, or a
sentence the aligner split in two).
Edges are pairwise links whose score reaches ``min_score``. Units are merged strongest edge
first, and two groups merge only when

* they hold no source in common (a statement has at most one unit per source), and
* at least half of the source pairs across them are linked directly, so a chain of weak
  links (A~B, B~C, C~D) cannot pull unrelated passages into one statement.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .model import Document, Report
from .repeats import UnionFind


@dataclass(slots=True)
class Edge:
    """The strongest direct link seen between two units."""

    score: float
    label: str
    pair: int  # index of the pairwise report it came from
    link: int  # index in that report's links


@dataclass(slots=True)
class Grouping:
    """The result: ``units[u] = (source, segment ids)``, ``groups`` = lists of unit ids."""

    units: list[tuple[int, list[int]]]
    groups: list[list[int]]
    edges: dict[tuple[int, int], Edge] = field(default_factory=dict)

    def edge(self, u: int, v: int) -> Edge | None:
        return self.edges.get((u, v) if u < v else (v, u))


class _Units:
    """Passages of all sources as units: segments of one source merged by its repeats and by
    the multi-passage sides of links (a sentence split in two); debris is in no unit."""

    def __init__(self, documents: list[Document], pairs: list[tuple[int, int]], reports: list[Report],
                 min_score: float) -> None:
        self.documents = documents
        self.offsets, total = [], 0
        for doc in documents:
            self.offsets.append(total)
            total += len(doc.segments)
        self.sets = UnionFind(total)
        for (i, j), report in zip(pairs, reports):
            for rep in report.repeats:
                self._join(i if rep.doc == 0 else j, rep.segments)
            for link in report.links:
                if link.score >= min_score:
                    self._join(i, link.a)
                    self._join(j, link.b)
        self.unit_of: dict[int, int] = {}
        self.units: list[tuple[int, list[int]]] = []
        for s, doc in enumerate(documents):
            for seg in doc.segments:
                if seg.is_debris:
                    continue
                root = self.sets.find(self.offsets[s] + seg.id)
                if root not in self.unit_of:
                    self.unit_of[root] = len(self.units)
                    self.units.append((s, []))
                self.units[self.unit_of[root]][1].append(seg.id)

    def _join(self, src: int, ids: tuple[int, ...]) -> None:
        for sid in ids[1:]:
            self.sets.union(self.offsets[src] + ids[0], self.offsets[src] + sid)

    def of(self, src: int, sid: int) -> int | None:
        if self.documents[src].segments[sid].is_debris:
            return None
        return self.unit_of.get(self.sets.find(self.offsets[src] + sid))

    def first(self, src: int, ids: tuple[int, ...]) -> int | None:
        return next((u for u in (self.of(src, s) for s in ids) if u is not None), None)


def _edges(units: _Units, pairs: list[tuple[int, int]], reports: list[Report],
           min_score: float) -> dict[tuple[int, int], Edge]:
    """Edges between units of different sources: the strongest link between two units wins."""
    edges: dict[tuple[int, int], Edge] = {}
    for p, ((i, j), report) in enumerate(zip(pairs, reports)):
        for n, link in enumerate(report.links):
            if link.score < min_score:
                continue
            ua, ub = units.first(i, link.a), units.first(j, link.b)
            if ua is None or ub is None or ua == ub:
                continue
            key = (ua, ub) if ua < ub else (ub, ua)
            old = edges.get(key)
            if old is None or link.score > old.score:
                edges[key] = Edge(float(link.score), link.label, p, n)
    return edges


def _agglomerate(units: list[tuple[int, list[int]]], edges: dict[tuple[int, int], Edge]) -> list[list[int]]:
    """Units merged strongest edge first, under the two guards of the module docstring."""
    members: dict[int, list[int]] = {u: [u] for u in range(len(units))}
    sources: dict[int, set[int]] = {u: {units[u][0]} for u in range(len(units))}
    cluster = UnionFind(len(units))
    for (u, v), _edge in sorted(edges.items(), key=lambda kv: (-kv[1].score, kv[0])):
        cu, cv = cluster.find(u), cluster.find(v)
        if cu == cv or sources[cu] & sources[cv]:
            continue
        direct = sum(1 for x in members[cu] for y in members[cv]
                     if ((x, y) if x < y else (y, x)) in edges)
        if 2 * direct < len(members[cu]) * len(members[cv]):
            continue
        cluster.union(cu, cv)
        root = cluster.find(cu)
        other = cv if root == cu else cu
        members[root] = members[root] + members.pop(other)
        sources[root] = sources[root] | sources.pop(other)
    return [sorted(m, key=lambda u: units[u][0]) for m in members.values()]


def group_statements(documents: list[Document], pairs: list[tuple[int, int]],
                     reports: list[Report], min_score: float) -> Grouping:
    """Group every passage of ``documents`` into statements (see the module docstring).

    ``reports[p]`` compares ``documents[pairs[p][0]]`` (its document 0) with
    ``documents[pairs[p][1]]`` (its document 1).
    """
    units = _Units(documents, pairs, reports, min_score)
    edges = _edges(units, pairs, reports, min_score)
    return Grouping(units=units.units, groups=_agglomerate(units.units, edges), edges=edges)
