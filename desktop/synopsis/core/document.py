"""A loaded source and its parts: the text as loaded, its segments, spans of it.

All offsets are Unicode code-point indices into ``Document.text``, end exclusive. Frozen:
preparing a document for comparison makes a new one (see ``pipeline.prepare``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .vocab import SegmentKind


def init_field(obj: object, name: str, value: Any) -> None:
    """Normalise a field of a frozen dataclass in its ``__post_init__``."""
    object.__setattr__(obj, name, value)


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


@dataclass(frozen=True, slots=True)
class Segment:
    """A sentence or paragraph of a document.

    ``kind`` is :attr:`SegmentKind.TEXT` for article prose, or a debris kind (byline, caption,
    footer, boilerplate) for scraping artefacts that stay visible but must not distort
    alignment or the summary. ``core`` is the span inside the segment that carries the
    statement (a caption glued to the front of a sentence is cut off it); it defaults to the
    whole segment.
    """

    id: int
    start: int
    end: int
    paragraph: int = 0
    kind: SegmentKind = SegmentKind.TEXT
    core: Span | None = None

    def __post_init__(self) -> None:
        if type(self.kind) is not SegmentKind:
            init_field(self, "kind", SegmentKind(self.kind))

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    @property
    def core_span(self) -> Span:
        return self.core if self.core is not None else Span(self.start, self.end)

    @property
    def is_debris(self) -> bool:
        return self.kind is not SegmentKind.TEXT

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "start": self.start, "end": self.end,
                               "paragraph": self.paragraph}
        if self.kind is not SegmentKind.TEXT:
            out["kind"] = self.kind.value
        if self.core is not None and (self.core.start, self.core.end) != (self.start, self.end):
            out["core"] = self.core.to_dict()
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Segment":
        return cls(id=int(data["id"]), start=int(data["start"]), end=int(data["end"]),
                   paragraph=int(data.get("paragraph", 0)), kind=SegmentKind(data.get("kind", "text")),
                   core=Span.from_dict(data.get("core")))


@dataclass(frozen=True, slots=True)
class Document:
    """A loaded source: its text exactly as loaded, where it came from, and its segments.

    ``meta`` holds optional provenance and metadata (outlet, author, published, final_url,
    http_status, ...); keys are free-form strings and values JSON-serialisable. A loaded
    document has no segments; :func:`synopsis.core.pipeline.prepare` returns a copy with
    its language, segments and debris marks.
    """

    text: str
    title: str
    source: str
    sha256: str
    format: str = "text"
    language: str | None = None
    retrieved: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    segments: tuple[Segment, ...] = ()

    def __post_init__(self) -> None:
        if type(self.segments) is not tuple:
            init_field(self, "segments", tuple(self.segments))

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
                   segments=tuple(Segment.from_dict(s) for s in data.get("segments", [])))
