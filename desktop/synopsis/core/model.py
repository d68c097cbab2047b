"""The data every part of Synopsis shares: documents, segments, links and the report.

All offsets are Unicode code-point indices into ``Document.text``, end exclusive. Nothing
here knows how a document was loaded, aligned or displayed; the JSON form of
:class:`Report` is the public contract described by ``report.schema.json``.
"""
from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any, Iterable, Literal

LABELS = ("shared", "paraphrased", "unique")
LinkLabel = Literal["shared", "paraphrased"]
FACT_KINDS = ("number", "date", "name", "quote", "attribution", "negation")
EDIT_OPS = ("insert", "delete", "replace")
REPORT_FORMAT = "synopsis-report"
REPORT_VERSION = 1


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of a document's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def slice(self, text: str) -> str:
        return text[self.start:self.end]

    def to_dict(self, text: str | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end}
        if text is not None:
            out["text"] = text[self.start:self.end]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "Span | None":
        if data is None:
            return None
        return cls(int(data["start"]), int(data["end"]))


@dataclass(slots=True)
class Segment:
    """A sentence or paragraph of a document.

    ``kind`` is ``"text"`` for article prose, or a debris kind (``"byline"``, ``"caption"``,
    ``"footer"``, ``"boilerplate"``) for scraping artefacts that stay visible but must not
    distort alignment or the summary. ``core`` is the span inside the segment that carries the
    statement (a caption glued to the front of a sentence is cut off it); it defaults to the
    whole segment.
    """

    id: int
    start: int
    end: int
    paragraph: int = 0
    kind: str = "text"
    core: Span | None = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    @property
    def core_span(self) -> Span:
        return self.core if self.core is not None else Span(self.start, self.end)

    @property
    def is_debris(self) -> bool:
        return self.kind != "text"

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "start": self.start, "end": self.end,
                               "paragraph": self.paragraph}
        if self.kind != "text":
            out["kind"] = self.kind
        if self.core is not None and (self.core.start, self.core.end) != (self.start, self.end):
            out["core"] = self.core.to_dict()
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Segment":
        return cls(id=int(data["id"]), start=int(data["start"]), end=int(data["end"]),
                   paragraph=int(data.get("paragraph", 0)), kind=data.get("kind", "text"),
                   core=Span.from_dict(data.get("core")))


@dataclass(slots=True)
class Document:
    """A loaded source: its text exactly as loaded, where it came from, and its segments.

    ``meta`` holds optional provenance and metadata (outlet, author, published, final_url,
    http_status, ...); keys are free-form strings and values JSON-serialisable.
    """

    text: str
    title: str
    source: str
    sha256: str
    format: str = "text"
    language: str | None = None
    retrieved: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    segments: list[Segment] = field(default_factory=list)

    def segment_text(self, seg_id: int) -> str:
        seg = self.segments[seg_id]
        return self.text[seg.start:seg.end]

    def to_dict(self, summary: dict[str, float] | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {
            "title": self.title,
            "source": self.source,
            "sha256": self.sha256,
            "format": self.format,
            "text": self.text,
            "segments": [s.to_dict() for s in self.segments],
            "summary": summary if summary is not None else {"shared": 0.0, "paraphrased": 0.0,
                                                            "unique": 1.0},
        }
        if self.language:
            out["language"] = self.language
        if self.retrieved:
            out["retrieved"] = self.retrieved
        if self.meta:
            out["meta"] = dict(self.meta)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Document":
        return cls(text=data["text"], title=data.get("title", ""), source=data.get("source", ""),
                   sha256=data.get("sha256", ""), format=data.get("format", "text"),
                   language=data.get("language"), retrieved=data.get("retrieved"),
                   meta=dict(data.get("meta", {})),
                   segments=[Segment.from_dict(s) for s in data.get("segments", [])])


@dataclass(slots=True)
class Edit:
    """A word-level difference inside a link; ``a``/``b`` are spans of each document's text."""

    op: str
    a: Span | None = None
    b: Span | None = None

    def to_dict(self, text_a: str, text_b: str) -> dict[str, Any]:
        out: dict[str, Any] = {"op": self.op}
        if self.a is not None:
            out["a"] = self.a.to_dict(text_a)
        if self.b is not None:
            out["b"] = self.b.to_dict(text_b)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Edit":
        return cls(op=data["op"], a=Span.from_dict(data.get("a")), b=Span.from_dict(data.get("b")))


@dataclass(slots=True)
class Fact:
    """A checkable detail that differs between two linked passages.

    ``severity``: 3 = alarming (a changed figure, a misquote), 2 = worth checking,
    1 = a variant to note (Kiev / Kyiv).
    """

    kind: str
    a: Span | None = None
    b: Span | None = None
    note: str = ""
    severity: int = 2

    def to_dict(self, text_a: str, text_b: str) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "note": self.note, "severity": self.severity}
        if self.a is not None:
            out["a"] = self.a.to_dict(text_a)
        if self.b is not None:
            out["b"] = self.b.to_dict(text_b)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Fact":
        return cls(kind=data["kind"], a=Span.from_dict(data.get("a")), b=Span.from_dict(data.get("b")),
                   note=data.get("note", ""), severity=int(data.get("severity", 2)))


@dataclass(slots=True)
class Link:
    """Aligned passages: segment ids of document a and of document b.

    ``score`` is the pair similarity in [0, 1] that the label was drawn from; ``scores`` keeps
    the separate views (characters, content words, ...) so thresholds can be re-applied
    without re-aligning. ``origin`` is ``"auto"`` or ``"manual"`` (linked or relabelled by hand).
    """

    a: list[int]
    b: list[int]
    label: str
    score: float
    moved: bool = False
    edits: list[Edit] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    origin: str = "auto"
    scores: dict[str, float] = field(default_factory=dict)
    # True once edits and facts were computed (see core.annotate); not part of the JSON.
    annotated: bool = False
    # In a translation comparison: "faithful" or "changed" (see core.semantic.translation).
    translation: str | None = None

    @property
    def same_words(self) -> float | None:
        """How much of the wording the two sides share (the character view, 0–1), the measure
        the shared threshold applies to; None for a hand-made link the aligner never scored."""
        value = self.scores.get("chars")
        return float(value) if value is not None else None

    def to_dict(self, text_a: str, text_b: str) -> dict[str, Any]:
        out: dict[str, Any] = {
            "a": list(self.a), "b": list(self.b), "label": self.label,
            "score": round(min(1.0, max(0.0, float(self.score))), 4),
            "moved": bool(self.moved),
            "edits": [e.to_dict(text_a, text_b) for e in self.edits],
            "facts": [f.to_dict(text_a, text_b) for f in self.facts],
        }
        if self.origin != "auto":
            out["origin"] = self.origin
        if self.scores:
            out["scores"] = {k: round(float(v), 4) for k, v in self.scores.items()}
        if self.translation:
            out["translation"] = self.translation
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Link":
        return cls(a=list(data["a"]), b=list(data["b"]), label=data["label"],
                   score=float(data["score"]), moved=bool(data.get("moved", False)),
                   edits=[Edit.from_dict(e) for e in data.get("edits", [])],
                   facts=[Fact.from_dict(f) for f in data.get("facts", [])],
                   origin=data.get("origin", "auto"), scores=dict(data.get("scores", {})),
                   annotated="edits" in data or "facts" in data, translation=data.get("translation"))


@dataclass(slots=True)
class Repeat:
    """Segments of one document that say the same thing more than once."""

    doc: int
    segments: list[int]
    label: str = "shared"

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "segments": list(self.segments), "label": self.label}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Repeat":
        return cls(doc=int(data["doc"]), segments=list(data["segments"]),
                   label=data.get("label", "shared"))


@dataclass(slots=True)
class Report:
    """The single result type: two documents, their links, repeats and the settings used."""

    documents: list[Document]
    links: list[Link]
    settings: dict[str, Any]
    repeats: list[Repeat] = field(default_factory=list)
    created: str = ""
    generator: dict[str, str] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    # Every pair the aligner considered plausible, links included (see classify.relabel).
    candidates: list[Link] = field(default_factory=list)
    # How the passages were compared: {"kind": "translation" | "same-language", "languages",
    # "model", "notices"} (see core.semantic.translation.Comparison); empty for older reports.
    comparison: dict[str, Any] = field(default_factory=dict)

    @property
    def is_translation(self) -> bool:
        return self.comparison.get("kind") == "translation"

    # -- derived views -------------------------------------------------------------------
    def label_of_segments(self, doc: int) -> list[str]:
        """The class of every segment of document ``doc`` ("shared", "paraphrased", "unique")."""
        labels = ["unique"] * len(self.documents[doc].segments)
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
        totals = {label: 0 for label in LABELS}
        for seg, label in zip(document.segments, labels):
            if seg.is_debris:
                continue
            totals[label] += len(seg.core_span)
        whole = sum(totals.values())
        if whole == 0:
            return {"shared": 0.0, "paraphrased": 0.0, "unique": 1.0}
        out = {label: round(totals[label] / whole, 6) for label in LABELS}
        # make the three add up to exactly 1 despite rounding
        out["unique"] = round(1.0 - out["shared"] - out["paraphrased"], 6)
        return out

    def unique_segments(self, doc: int) -> list[int]:
        return [i for i, label in enumerate(self.label_of_segments(doc)) if label == "unique"]

    # -- JSON ----------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        text_a, text_b = self.documents[0].text, self.documents[1].text
        out: dict[str, Any] = {
            "format": REPORT_FORMAT,
            "version": REPORT_VERSION,
            "generator": dict(self.generator),
            "created": self.created,
            "settings": _jsonable(self.settings),
            "documents": [d.to_dict(self.summary(i)) for i, d in enumerate(self.documents)],
            "links": [link.to_dict(text_a, text_b) for link in self.links],
            "repeats": [r.to_dict() for r in self.repeats],
        }
        if self.comparison:
            out["comparison"] = _jsonable(self.comparison)
        if self.timings:
            out["timings"] = {k: round(v, 4) for k, v in self.timings.items()}
        if self.candidates:
            out["candidates"] = [{"a": c.a, "b": c.b, "score": round(float(c.score), 4),
                                  "moved": bool(c.moved),
                                  "scores": {k: round(float(v), 4) for k, v in c.scores.items()}}
                                 for c in self.candidates]
        return out

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Report":
        if data.get("format") != REPORT_FORMAT:
            raise ValueError("not a Synopsis report")
        if data.get("version") != REPORT_VERSION:
            raise ValueError(f"unsupported report version {data.get('version')!r}")
        return cls(documents=[Document.from_dict(d) for d in data["documents"]],
                   links=[Link.from_dict(link) for link in data["links"]],
                   settings=dict(data.get("settings", {})),
                   repeats=[Repeat.from_dict(r) for r in data.get("repeats", [])],
                   created=data.get("created", ""), generator=dict(data.get("generator", {})),
                   timings=dict(data.get("timings", {})),
                   comparison=dict(data.get("comparison", {})),
                   candidates=[Link(a=list(c["a"]), b=list(c["b"]), label="paraphrased",
                                    score=float(c["score"]), moved=bool(c.get("moved", False)),
                                    scores=dict(c.get("scores", {})))
                               for c in data.get("candidates", [])])

    @classmethod
    def from_json(cls, text: str) -> "Report":
        return cls.from_dict(json.loads(text))


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _jsonable(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def link_key(a: Iterable[int], b: Iterable[int]) -> str:
    """The stable key of a pair of passages (verdicts, corrections): ``"a:1,2|b:3"``.

    Sorted segment ids on each side, so it survives relabelling and reordering of links.
    """
    return "a:{}|b:{}".format(",".join(str(i) for i in sorted(set(a))),
                              ",".join(str(i) for i in sorted(set(b))))


def spans_of(doc: Document, seg_ids: Iterable[int]) -> list[Span]:
    return [doc.segments[i].span for i in seg_ids]


def core_spans_of(doc: Document, seg_ids: Iterable[int]) -> list[Span]:
    """The statement parts of the segments: a caption glued to a sentence's front is left out."""
    return [doc.segments[i].core_span for i in seg_ids]
