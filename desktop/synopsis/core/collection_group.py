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


def group_statements(documents: list[Document], pairs: list[tuple[int, int]],
                     reports: list[Report], min_score: float) -> Grouping:
    """Group every passage of ``documents`` into statements (see the module docstring).

    ``reports[p]`` compares ``documents[pairs[p][0]]`` (its document 0) with
    ``documents[pairs[p][1]]`` (its document 1).
    """
    # 1. units: segments of one source merged by repeats and by multi-passage link sides
    offsets, total = [], 0
    for doc in documents:
        offsets.append(total)
        total += len(doc.segments)
    uf = UnionFind(total)
    for (i, j), report in zip(pairs, reports):
        for rep in report.repeats:
            src = i if rep.doc == 0 else j
            for sid in rep.segments[1:]:
                uf.union(offsets[src] + rep.segments[0], offsets[src] + sid)
        for link in report.links:
            if link.score < min_score:
                continue
            for src, side in ((i, link.a), (j, link.b)):
                for sid in side[1:]:
                    uf.union(offsets[src] + side[0], offsets[src] + sid)
    unit_of: dict[int, int] = {}
    units: list[tuple[int, list[int]]] = []
    for s, doc in enumerate(documents):
        for seg in doc.segments:
            if seg.is_debris:
                continue
            root = uf.find(offsets[s] + seg.id)
            if root not in unit_of:
                unit_of[root] = len(units)
                units.append((s, []))
            units[unit_of[root]][1].append(seg.id)

    def unit(src: int, sid: int) -> int | None:
        if documents[src].segments[sid].is_debris:
            return None
        return unit_of.get(uf.find(offsets[src] + sid))

    # 2. edges between units of different sources: the strongest link wins
    edges: dict[tuple[int, int], Edge] = {}
    for p, ((i, j), report) in enumerate(zip(pairs, reports)):
        for n, link in enumerate(report.links):
            if link.score < min_score:
                continue
            ua = next((u for u in (unit(i, s) for s in link.a) if u is not None), None)
            ub = next((u for u in (unit(j, s) for s in link.b) if u is not None), None)
            if ua is None or ub is None or ua == ub:
                continue
            key = (ua, ub) if ua < ub else (ub, ua)
            old = edges.get(key)
            if old is None or link.score > old.score:
                edges[key] = Edge(float(link.score), link.label, p, n)

    # 3. agglomerate, strongest edge first, under the two guards
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
    groups = [sorted(m, key=lambda u: units[u][0]) for m in members.values()]
    return Grouping(units=units, groups=groups, edges=edges)
