"""Many sources at once: every pair compared, passages grouped into statements, a claim matrix.

``compare_collection(documents, settings)`` prepares each document once, aligns and decides
each of the n(n−1)/2 pairs, groups the passages of all sources into statements
(:mod:`.collection_group`) and returns a :class:`CollectionReport`: one row per statement, one
column per source, each cell shared / paraphrased / absent relative to the row's reference
passage, with the changed facts between members and a source-by-source similarity heat map.
Its JSON form ("synopsis-collection", version 1) is described in ``docs/collection.md``.
"""
from __future__ import annotations

import itertools
import re
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from .. import __version__
from .align import align
from .annotate import IN_PROCESS, FactExecutor
from .clock import now_iso
from .collection_group import Grouping, group_statements
from .config import Settings
from .decide import decide
from .errors import Cancelled
from .model import Document, Report
from .pipeline import prepare

COLLECTION_FORMAT = "synopsis-collection"
COLLECTION_VERSION = 1
CELL_LABELS = ("shared", "paraphrased", "absent")
# Links weaker than this are kept in the pairwise reports but do not join statements:
# transitive grouping magnifies every false link, so it asks for more than a pair does.
DEFAULT_GROUP_THRESHOLD = 0.6


@dataclass(slots=True)
class Member:
    """One source's passage(s) in a statement, labelled relative to the reference passage.

    ``indirect`` is true when the source joined the statement through other members and has no
    direct link to the reference; its label is then "paraphrased".
    """

    source: int
    segments: list[int]
    label: str
    score: float = 1.0
    reference: bool = False
    indirect: bool = False

    def to_dict(self, doc: Document) -> dict[str, Any]:
        spans = [doc.segments[s].span.to_dict(doc.text) for s in self.segments]
        out = {"source": self.source, "segments": list(self.segments), "spans": spans,
               "label": self.label, "score": round(float(self.score), 4)}
        if self.reference:
            out["reference"] = True
        if self.indirect:
            out["indirect"] = True
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Member":
        return cls(source=int(data["source"]), segments=list(data["segments"]), label=data["label"],
                   score=float(data.get("score", 1.0)), reference=bool(data.get("reference", False)),
                   indirect=bool(data.get("indirect", False)))


@dataclass(slots=True)
class Statement:
    """A row of the claim matrix: what each source says of one statement."""

    id: int
    members: list[Member]
    reference: int  # the source whose passage the others are labelled against
    earliest: int | None = None  # the source that published it first, where times are known
    facts: list[dict[str, Any]] = field(default_factory=list)

    @property
    def sources(self) -> list[int]:
        return [m.source for m in self.members]

    def member(self, source: int) -> Member | None:
        return next((m for m in self.members if m.source == source), None)

    def cell(self, source: int) -> str:
        m = self.member(source)
        return m.label if m is not None else "absent"

    def to_dict(self, documents: list[Document]) -> dict[str, Any]:
        return {"id": self.id, "reference": self.reference, "earliest": self.earliest,
                "count": len(self.members),
                "members": [m.to_dict(documents[m.source]) for m in self.members],
                "facts": list(self.facts)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Statement":
        return cls(id=int(data["id"]), members=[Member.from_dict(m) for m in data["members"]],
                   reference=int(data["reference"]), earliest=data.get("earliest"),
                   facts=list(data.get("facts", [])))


@dataclass(slots=True)
class CollectionReport:
    """All sources, their pairwise reports, the statements and the heat map."""

    documents: list[Document]
    pairs: list[tuple[int, int]]
    reports: list[Report]
    statements: list[Statement]
    heat: list[list[dict[str, float]]]  # heat[i][j]: share of source i's text found in j
    settings: Settings
    group_threshold: float = DEFAULT_GROUP_THRESHOLD
    created: str = ""
    timings: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if isinstance(self.settings, Mapping):
            self.settings = Settings.from_dict(dict(self.settings))

    def report_for(self, i: int, j: int) -> tuple[Report, bool]:
        """The pairwise report of sources i and j, and whether it is the other way round."""
        for (a, b), report in zip(self.pairs, self.reports):
            if (a, b) == (i, j):
                return report, False
            if (a, b) == (j, i):
                return report, True
        raise KeyError((i, j))

    def rows(self, source: int | None = None) -> list[Statement]:
        """Statements carried by the most sources first; only those ``source`` carries if given."""
        rows = [s for s in self.statements if source is None or s.member(source) is not None]
        return sorted(rows, key=lambda s: (-len(s.members), s.id))

    def similarity(self, i: int, j: int) -> float:
        cell = self.heat[i][j]
        return cell["shared"] + cell["paraphrased"]

    def to_dict(self) -> dict[str, Any]:
        n = len(self.documents)
        sources = []
        for k, doc in enumerate(self.documents):
            entry = {"index": k, "title": doc.title, "source": doc.source, "sha256": doc.sha256,
                     "language": doc.language, "segments": len(doc.segments),
                     "published": doc.meta.get("published")}
            if doc.meta.get("outlet"):
                entry["outlet"] = doc.meta["outlet"]
            sources.append(entry)
        return {
            "format": COLLECTION_FORMAT, "version": COLLECTION_VERSION,
            "generator": {"name": "synopsis", "version": __version__},
            "created": self.created, "settings": self.settings.to_dict(),
            "group_threshold": self.group_threshold,
            "sources": sources,
            "statements": [s.to_dict(self.documents) for s in self.statements],
            "matrix": {"columns": list(range(n)),
                       "rows": [{"statement": s.id, "cells": [s.cell(k) for k in range(n)]}
                                for s in self.rows()]},
            "heatmap": {kind: [[round(self.heat[i][j][kind], 4) for j in range(n)] for i in range(n)]
                        for kind in ("shared", "paraphrased")},
            "pairs": [{"a": a, "b": b, "report": r.to_dict()} for (a, b), r in zip(self.pairs, self.reports)],
            "timings": {k: round(v, 4) for k, v in self.timings.items()},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "CollectionReport":
        if data.get("format") != COLLECTION_FORMAT:
            raise ValueError("not a Synopsis collection report")
        if data.get("version") != COLLECTION_VERSION:
            raise ValueError(f"unsupported collection version {data.get('version')!r}")
        pairs = [(int(p["a"]), int(p["b"])) for p in data["pairs"]]
        reports = [Report.from_dict(p["report"]) for p in data["pairs"]]
        documents: list[Document | None] = [None] * len(data["sources"])
        for (a, b), report in zip(pairs, reports):
            documents[a] = documents[a] or report.documents[0]
            documents[b] = documents[b] or report.documents[1]
        for (a, b), report in zip(pairs, reports):  # one object per source, shared by its pairs
            report.documents = [documents[a], documents[b]]
        n = len(documents)
        heat = [[{"shared": data["heatmap"]["shared"][i][j],
                  "paraphrased": data["heatmap"]["paraphrased"][i][j]} for j in range(n)]
                for i in range(n)]
        return cls(documents=documents, pairs=pairs, reports=reports,  # type: ignore[arg-type]
                   statements=[Statement.from_dict(s) for s in data["statements"]], heat=heat,
                   settings=Settings.from_dict(data.get("settings", {})),
                   group_threshold=float(data.get("group_threshold", DEFAULT_GROUP_THRESHOLD)),
                   created=data.get("created", ""), timings=dict(data.get("timings", {})))


def _date_key(value: Any) -> tuple[int, ...] | None:
    """"2025-12-04T10:00" -> (2025, 12, 4, 10, 0); None when no date is given."""
    if not value:
        return None
    parts = tuple(int(p) for p in re.findall(r"\d+", str(value)))
    return parts or None


def _before(x: tuple[int, ...], y: tuple[int, ...]) -> bool:
    """Strictly earlier at the precision both dates share ("2025-12" vs "2025-12-04" is a tie)."""
    n = min(len(x), len(y))
    return x[:n] < y[:n]


def earliest_source(documents: list[Document], sources: list[int]) -> int | None:
    """The source of ``sources`` published strictly before all others with a known time."""
    known = [(s, k) for s in sources if (k := _date_key(documents[s].meta.get("published")))]
    if len(known) < 2:
        return None
    for s, k in known:
        if all(_before(k, k2) for s2, k2 in known if s2 != s):
            return s
    return None


def _heat(documents: list[Document], pairs: list[tuple[int, int]], reports: list[Report],
          min_score: float) -> list[list[dict[str, float]]]:
    n = len(documents)
    heat = [[{"shared": float(i == j), "paraphrased": 0.0} for j in range(n)] for i in range(n)]
    for (i, j), report in zip(pairs, reports):
        for side, (src, other) in enumerate(((i, j), (j, i))):
            doc = report.documents[side]
            whole = sum(len(s.core_span) for s in doc.segments if not s.is_debris)
            totals = {"shared": 0, "paraphrased": 0}
            for link in report.links:
                if link.score < min_score:
                    continue
                for sid in (link.a if side == 0 else link.b):
                    seg = doc.segments[sid]
                    if not seg.is_debris:
                        totals[link.label] += len(seg.core_span)
            heat[src][other] = {k: (v / whole if whole else 0.0) for k, v in totals.items()}
    return heat


def _statements(documents: list[Document], reports: list[Report], grouping: Grouping) -> list[Statement]:
    out: list[Statement] = []
    units = grouping.units
    for group in grouping.groups:
        # the reference: the member linked directly to most others, then the strongest, then longest
        def rank(u: int) -> tuple[int, float, int]:
            linked = [e for v in group if v != u and (e := grouping.edge(u, v)) is not None]
            src, segs = units[u]
            length = sum(len(documents[src].segments[s].span) for s in segs)
            return (len(linked), sum(e.score for e in linked), length)

        ref = max(group, key=rank)
        members = []
        for u in group:
            src, segs = units[u]
            if u == ref:
                members.append(Member(src, segs, "shared", 1.0, reference=True))
                continue
            edge = grouping.edge(u, ref)
            if edge is None:
                best = max((e.score for v in group if (e := grouping.edge(u, v)) is not None), default=0.0)
                members.append(Member(src, segs, "paraphrased", best, indirect=True))
            else:
                members.append(Member(src, segs, edge.label, edge.score))
        facts = []
        for u, v in itertools.combinations(group, 2):
            edge = grouping.edge(u, v)
            if edge is None:
                continue
            report = reports[edge.pair]
            link = report.links[edge.link]
            da, db = report.documents
            src_a = units[u][0] if units[u][0] < units[v][0] else units[v][0]
            src_b = units[v][0] if src_a == units[u][0] else units[u][0]
            for fact in link.facts:
                entry = {"a_source": src_a, "b_source": src_b}
                entry.update(fact.to_dict(da.text, db.text))
                facts.append(entry)
        sources = [units[u][0] for u in group]
        out.append(Statement(id=0, members=sorted(members, key=lambda m: m.source),
                             reference=units[ref][0], earliest=earliest_source(documents, sources),
                             facts=facts))
    # stable ids: in order of each statement's first appearance (source, then position)
    out.sort(key=lambda s: (s.members[0].source, min(s.members[0].segments)))
    for k, statement in enumerate(out):
        statement.id = k
    return out


def compare_collection(documents: list[Document], settings: Settings | None = None, *,
                       group_threshold: float = DEFAULT_GROUP_THRESHOLD,
                       progress: Callable[[str, float], None] | None = None,
                       cancel: Callable[[], bool] | None = None,
                       facts: FactExecutor | None = None) -> CollectionReport:
    """Compare every pair of ``documents`` and group their passages into statements.

    Each document is prepared once; every pairwise report shares its prepared documents."""
    if len(documents) < 2:
        raise ValueError("a collection needs at least two sources")
    settings = settings or Settings()
    executor = facts or IN_PROCESS

    def check() -> None:
        if cancel is not None and cancel():
            raise Cancelled()

    t0 = time.perf_counter()
    prepared = [prepare(doc, settings) for doc in documents]
    pairs = list(itertools.combinations(range(len(documents)), 2))
    reports: list[Report] = []
    for n, (i, j) in enumerate(pairs):
        check()
        if progress is not None:
            progress(f"compare {i + 1}–{j + 1}", 0.9 * n / len(pairs))
        if settings.facts:
            executor.expect(min(len(prepared[i].segments), len(prepared[j].segments)))
        alignment = align(prepared[i], prepared[j], settings, check=check)
        reports.append(decide(alignment, settings, facts=executor, check=check))
    timings = {"compare": time.perf_counter() - t0}
    if progress is not None:
        progress("group", 0.9)
    t1 = time.perf_counter()
    grouping = group_statements(prepared, pairs, reports, group_threshold)
    statements = _statements(prepared, reports, grouping)
    heat = _heat(prepared, pairs, reports, group_threshold)
    timings["group"] = time.perf_counter() - t1
    timings["total"] = time.perf_counter() - t0
    if progress is not None:
        progress("done", 1.0)
    return CollectionReport(documents=prepared, pairs=pairs, reports=reports, statements=statements,
                            heat=heat, settings=settings, group_threshold=group_threshold,
                            created=now_iso(), timings=timings)
