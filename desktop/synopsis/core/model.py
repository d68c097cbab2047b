"""The data every part of Synopsis shares: documents, segments, links and the report.

All offsets are Unicode code-point indices into ``Document.text``, end exclusive. Nothing
here knows how a document was loaded, aligned or displayed; the JSON form of
:class:`Report` is the public contract described by ``report.schema.json``.

Everything but the :class:`Report` is frozen: a stage of the engine makes new values
(``dataclasses.replace``) and never changes what an earlier stage made.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from .comparison import Comparison
from .config import Settings
from .document import Document, Segment, Span, init_field
from .vocab import EditOp, FactKind, Label, Origin, Reason, Severity, Translation

LABELS = tuple(Label)
FACT_KINDS = tuple(FactKind)
EDIT_OPS = tuple(EditOp)
REPORT_FORMAT = "synopsis-report"
REPORT_VERSION = 1

__all__ = ["Alignment", "Annotation", "Candidate", "Comparison", "Contained", "Corrections", "Document", "Edit", "Fact", "Link", "NO_CORRECTIONS",
           "PairKey", "Repeat", "Report", "Segment", "Span", "core_spans_of", "link_key"]


@dataclass(frozen=True, slots=True)
class Edit:
    """A word-level difference inside a link; ``a``/``b`` are spans of each document's text."""

    op: EditOp
    a: Span | None = None
    b: Span | None = None

    def __post_init__(self) -> None:
        if type(self.op) is not EditOp:
            init_field(self, "op", EditOp(self.op))

    def to_dict(self, text_a: str, text_b: str) -> dict[str, Any]:
        out: dict[str, Any] = {"op": self.op.value}
        if self.a is not None:
            out["a"] = self.a.to_dict(text_a)
        if self.b is not None:
            out["b"] = self.b.to_dict(text_b)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Edit":
        return cls(op=data["op"], a=Span.from_dict(data.get("a")), b=Span.from_dict(data.get("b")))


@dataclass(frozen=True, slots=True)
class Fact:
    """A checkable detail that differs between two linked passages, ``severity`` telling how
    much it matters (:class:`Severity`: alarm, check, note)."""

    kind: FactKind
    a: Span | None = None
    b: Span | None = None
    note: str = ""
    severity: Severity = Severity.CHECK

    def __post_init__(self) -> None:
        if type(self.kind) is not FactKind:
            init_field(self, "kind", FactKind(self.kind))
        if type(self.severity) is not Severity:
            init_field(self, "severity", Severity(self.severity))

    def to_dict(self, text_a: str, text_b: str) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind.value, "note": self.note, "severity": int(self.severity)}
        if self.a is not None:
            out["a"] = self.a.to_dict(text_a)
        if self.b is not None:
            out["b"] = self.b.to_dict(text_b)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Fact":
        return cls(kind=data["kind"], a=Span.from_dict(data.get("a")), b=Span.from_dict(data.get("b")),
                   note=data.get("note", ""), severity=int(data.get("severity", 2)))


PairKey = tuple[tuple[int, ...], tuple[int, ...]]
_REASON_NAMES = frozenset(r.value for r in Reason)


def _reasons_of(data: dict[str, Any]) -> tuple[dict[str, float], tuple[Reason, ...]]:
    """The views and the reasons of a link or candidate read from JSON. Reports made before
    reasons were named kept them among the views as 1.0 (``"context": 1.0``)."""
    scores = {k: float(v) for k, v in data.get("scores", {}).items() if k not in _REASON_NAMES}
    old = [Reason(k) for k in data.get("scores", {}) if k in _REASON_NAMES]
    return scores, tuple(Reason(r) for r in data.get("reasons", ())) or tuple(old)


def _rounded(scores: Mapping[str, float]) -> dict[str, float]:
    return {k: round(float(v), 4) for k, v in scores.items()}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A pair of passages the aligner scored as plausibly the same statement.

    ``score`` is the combined pair score in [0, 1] (lifts included); ``scores`` the separate
    views (characters, content words, rare words) it came from, so thresholds can be
    re-applied without re-aligning; ``reasons`` why its score was lifted, if it was.
    """

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float
    scores: dict[str, float] = field(default_factory=dict)
    reasons: tuple[Reason, ...] = ()

    def __post_init__(self) -> None:
        init_field(self, "a", tuple(self.a))
        init_field(self, "b", tuple(self.b))
        init_field(self, "reasons", tuple(Reason(r) for r in self.reasons))

    @property
    def key(self) -> PairKey:
        return self.a, self.b

    def to_dict(self) -> dict[str, Any]:
        # Full precision, unlike a link's rounded score: deciding again from a stored report
        # (other thresholds, replayed corrections) must meet every threshold and tie as it did.
        out: dict[str, Any] = {"a": list(self.a), "b": list(self.b), "score": float(self.score),
                               "scores": {k: float(v) for k, v in self.scores.items()}}
        if self.reasons:
            out["reasons"] = [r.value for r in self.reasons]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Candidate":
        scores, reasons = _reasons_of(data)
        return cls(a=data["a"], b=data["b"], score=float(data["score"]), scores=scores, reasons=reasons)


@dataclass(frozen=True, slots=True)
class Link:
    """Aligned passages: segment ids of document a and of document b, and what was decided.

    ``score``, ``scores`` and ``reasons`` are the candidate's (see :class:`Candidate`); a
    hand-made link the aligner never scored has score 0 and no views. ``origin`` tells who
    made it (:class:`Origin`). ``edits`` and ``facts`` are the word diff and the changed
    facts of its passages. Frozen: ``dataclasses.replace`` makes a changed copy.
    """

    a: tuple[int, ...]
    b: tuple[int, ...]
    label: Label
    score: float
    moved: bool = False
    edits: tuple[Edit, ...] = ()
    facts: tuple[Fact, ...] = ()
    origin: Origin = Origin.AUTO
    scores: dict[str, float] = field(default_factory=dict)
    reasons: tuple[Reason, ...] = ()
    translation: Translation | None = None     # in a translation comparison only

    def __post_init__(self) -> None:
        init_field(self, "a", tuple(self.a))
        init_field(self, "b", tuple(self.b))
        if type(self.label) is not Label:
            init_field(self, "label", Label(self.label))
        if type(self.origin) is not Origin:
            init_field(self, "origin", Origin(self.origin))
        if self.translation is not None and type(self.translation) is not Translation:
            init_field(self, "translation", Translation(self.translation))
        for name in ("edits", "facts", "reasons"):
            if type(getattr(self, name)) is not tuple:
                init_field(self, name, tuple(getattr(self, name)))

    @property
    def key(self) -> PairKey:
        return self.a, self.b

    @property
    def same_words(self) -> float | None:
        """How much of the wording the two sides share (the character view, 0–1), the measure
        the shared threshold applies to; None for a hand-made link the aligner never scored."""
        value = self.scores.get("chars")
        return float(value) if value is not None else None

    def to_dict(self, text_a: str, text_b: str) -> dict[str, Any]:
        out: dict[str, Any] = {
            "a": list(self.a), "b": list(self.b), "label": self.label.value,
            "score": round(min(1.0, max(0.0, float(self.score))), 4),
            "moved": bool(self.moved),
            "edits": [e.to_dict(text_a, text_b) for e in self.edits],
            "facts": [f.to_dict(text_a, text_b) for f in self.facts],
        }
        if self.origin is not Origin.AUTO:
            out["origin"] = self.origin.value
        if self.scores:
            out["scores"] = _rounded(self.scores)
        if self.reasons:
            out["reasons"] = [r.value for r in self.reasons]
        if self.translation is not None:
            out["translation"] = self.translation.value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Link":
        scores, reasons = _reasons_of(data)
        return cls(a=data["a"], b=data["b"], label=data["label"], score=float(data["score"]),
                   moved=bool(data.get("moved", False)),
                   edits=tuple(Edit.from_dict(e) for e in data.get("edits", [])),
                   facts=tuple(Fact.from_dict(f) for f in data.get("facts", [])),
                   origin=data.get("origin", "auto"), scores=scores, reasons=reasons,
                   translation=data.get("translation"))


@dataclass(frozen=True, slots=True)
class Annotation:
    """The word edits and changed facts of a pair of passages, made once per pair."""

    edits: tuple[Edit, ...] = ()
    facts: tuple[Fact, ...] = ()


@dataclass(frozen=True, slots=True)
class Repeat:
    """Segments of one document that say the same thing more than once."""

    doc: int
    segments: tuple[int, ...]
    label: Label = Label.SHARED

    def __post_init__(self) -> None:
        init_field(self, "segments", tuple(self.segments))
        if type(self.label) is not Label:
            init_field(self, "label", Label(self.label))

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "segments": list(self.segments), "label": self.label.value}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Repeat":
        return cls(doc=int(data["doc"]), segments=data["segments"], label=data.get("label", "shared"))


@dataclass(frozen=True, slots=True)
class Contained:
    """Unique segment ``segment`` of document ``doc`` whose content words are mostly (``share``)
    in the passage (segments ``inside``) that link ``link`` holds in the other document: a
    note on a unique passage, never a link (see :mod:`synopsis.core.contained`)."""

    doc: int
    segment: int
    link: int
    inside: tuple[int, ...]
    share: float

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "segment": self.segment, "share": round(self.share, 4),
                "inside": {"doc": 1 - self.doc, "segments": list(self.inside), "link": self.link}}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Contained":
        inside = data["inside"]
        return cls(doc=int(data["doc"]), segment=int(data["segment"]), link=int(inside["link"]),
                   inside=tuple(int(i) for i in inside["segments"]), share=float(data["share"]))


@dataclass(frozen=True, slots=True)
class Alignment:
    """What the aligner found in two prepared documents: every plausible pair of passages,
    scored, and the passages each document repeats."""

    documents: tuple[Document, Document]
    candidates: tuple[Candidate, ...]
    repeats: tuple[Repeat, ...] = ()
    comparison: Comparison | None = None


@dataclass(frozen=True, slots=True)
class Corrections:
    """What a person decided by hand, which every later decision keeps.

    ``manual``: links made or relabelled by hand, kept as they are. ``apart_a`` / ``apart_b``:
    segments a person took out of links (an unlink, or a link displaced by a hand-made one),
    which no automatic link may use again.
    """

    manual: tuple[Link, ...] = ()
    apart_a: frozenset[int] = frozenset()
    apart_b: frozenset[int] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.manual or self.apart_a or self.apart_b)


NO_CORRECTIONS = Corrections()


@dataclass(slots=True)
class Report:
    """The single result type: two documents, their links, repeats and the settings used.

    ``candidates`` are every pair the aligner found plausible (links included), from which
    :func:`synopsis.core.decide.decide` chooses the links under a ``Settings``; ``corrections``
    what a person decided by hand; ``annotations`` the word edits and facts made so far, by
    pair, so that deciding again under other thresholds does not diff a pair twice (not part
    of the JSON: the links carry theirs). The engine never changes a report once made.
    """

    documents: list[Document]
    links: list[Link]
    settings: Settings
    repeats: list[Repeat] = field(default_factory=list)
    created: str = ""
    generator: dict[str, str] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    candidates: list[Candidate] = field(default_factory=list)
    corrections: Corrections = NO_CORRECTIONS
    annotations: dict[PairKey, Annotation] = field(default_factory=dict, compare=False, repr=False)
    comparison: Comparison | None = None     # how the passages were compared (None: older reports)
    contained: list[Contained] = field(default_factory=list)   # unique passages mostly inside a link (core.contained)

    def __post_init__(self) -> None:
        if isinstance(self.settings, Mapping):
            self.settings = Settings.from_dict(dict(self.settings))

    @property
    def alignment(self) -> Alignment:
        """The aligner's part of this report, to decide again from (other thresholds, corrections)."""
        return Alignment((self.documents[0], self.documents[1]), tuple(self.candidates), tuple(self.repeats),
                         self.comparison)

    @property
    def is_translation(self) -> bool:
        return self.comparison is not None and self.comparison.is_translation

    # -- derived views -------------------------------------------------------------------
    def label_of_segments(self, doc: int) -> list[Label]:
        """The class of every segment of document ``doc`` (shared, paraphrased, unique)."""
        labels = [Label.UNIQUE] * len(self.documents[doc].segments)
        for link in self.links:
            for sid in (link.a if doc == 0 else link.b):
                if 0 <= sid < len(labels):
                    labels[sid] = link.label
        return labels

    def link_of_segment(self, doc: int) -> dict[int, int]:
        """Map segment id -> index in ``links`` for document ``doc``."""
        out: dict[int, int] = {}
        for i, link in enumerate(self.links):
            for sid in (link.a if doc == 0 else link.b):
                out[sid] = i
        return out

    def summary(self, doc: int) -> dict[str, float]:
        """Share of the document's segment characters in each class (debris left out)."""
        document = self.documents[doc]
        labels = self.label_of_segments(doc)
        totals = {label.value: 0 for label in Label}
        for seg, label in zip(document.segments, labels):
            if seg.is_debris:
                continue
            totals[label.value] += len(seg.core_span)
        whole = sum(totals.values())
        if whole == 0:
            return {"shared": 0.0, "paraphrased": 0.0, "unique": 1.0}
        out = {label: round(total / whole, 6) for label, total in totals.items()}
        # make the three add up to exactly 1 despite rounding
        out["unique"] = round(1.0 - out["shared"] - out["paraphrased"], 6)
        return out

    def unique_segments(self, doc: int) -> list[int]:
        return [i for i, label in enumerate(self.label_of_segments(doc)) if label is Label.UNIQUE]

    # -- JSON ----------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        text_a, text_b = self.documents[0].text, self.documents[1].text
        out: dict[str, Any] = {
            "format": REPORT_FORMAT,
            "version": REPORT_VERSION,
            "generator": dict(self.generator),
            "created": self.created,
            "settings": self.settings.to_dict(),
            "documents": [d.to_dict(self.summary(i)) for i, d in enumerate(self.documents)],
            "links": [link.to_dict(text_a, text_b) for link in self.links],
            "repeats": [r.to_dict() for r in self.repeats],
        }
        if self.comparison is not None:
            out["comparison"] = self.comparison.to_dict()
        if self.corrections.apart_a or self.corrections.apart_b:
            out["kept_apart"] = {"a": sorted(self.corrections.apart_a), "b": sorted(self.corrections.apart_b)}
        if self.timings:
            out["timings"] = {k: round(v, 4) for k, v in self.timings.items()}
        if self.candidates:
            out["candidates"] = [c.to_dict() for c in self.candidates]
        if self.contained:
            out["contained"] = [c.to_dict() for c in self.contained]
        return out

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Report":
        if data.get("format") != REPORT_FORMAT:
            raise ValueError("not a Synopsis report")
        if data.get("version") != REPORT_VERSION:
            raise ValueError(f"unsupported report version {data.get('version')!r}")
        links = [Link.from_dict(link) for link in data["links"]]
        apart = data.get("kept_apart", {})
        corrections = Corrections(manual=tuple(link for link in links if link.origin is Origin.MANUAL),
                                  apart_a=frozenset(apart.get("a", ())), apart_b=frozenset(apart.get("b", ())))
        # the pairs whose edits and facts the JSON has (older reports may have links without them)
        annotations = {link.key: Annotation(link.edits, link.facts) for link, raw in zip(links, data["links"])
                       if "edits" in raw or "facts" in raw}
        return cls(documents=[Document.from_dict(d) for d in data["documents"]], links=links,
                   settings=Settings.from_dict(data.get("settings", {})),
                   repeats=[Repeat.from_dict(r) for r in data.get("repeats", [])],
                   created=data.get("created", ""), generator=dict(data.get("generator", {})),
                   timings=dict(data.get("timings", {})),
                   candidates=[Candidate.from_dict(c) for c in data.get("candidates", [])],
                   corrections=corrections, annotations=annotations,
                   comparison=Comparison.from_dict(data["comparison"]) if data.get("comparison") else None,
                   contained=[Contained.from_dict(c) for c in data.get("contained", [])])

    @classmethod
    def from_json(cls, text: str) -> "Report":
        return cls.from_dict(json.loads(text))


def link_key(a: Iterable[int], b: Iterable[int]) -> str:
    """The stable key of a pair of passages (verdicts, corrections): ``"a:1,2|b:3"``.

    Sorted segment ids on each side, so it survives relabelling and reordering of links.
    """
    return "a:{}|b:{}".format(",".join(str(i) for i in sorted(set(a))),
                              ",".join(str(i) for i in sorted(set(b))))


def core_spans_of(doc: Document, seg_ids: Iterable[int]) -> list[Span]:
    """The statement parts of the segments: a caption glued to a sentence's front is left out."""
    return [doc.segments[i].core_span for i in seg_ids]
