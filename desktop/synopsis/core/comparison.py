"""How a report's passages were compared: the kind, the languages, the embedding model, notices.

A comparison of two documents in two languages is a translation comparison: its passages are
aligned by meaning (``core.semantic.translation``) and every link carries a verdict
(:class:`~synopsis.core.vocab.Translation`). In one language passages are compared by their
words, and by meaning where the words do not settle a pair (``core.semantic.same_language``).
``model`` names the sentence-embedding model used, if any; ``notices`` are sentences for the
reader (a language outside the model's set and what to install for it).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .vocab import ComparisonKind


@dataclass(frozen=True, slots=True)
class Comparison:
    kind: ComparisonKind
    languages: tuple[str | None, str | None]
    model: tuple[str, str] | None = None        # (name, version) of the embedding model used
    notices: tuple[str, ...] = ()

    @property
    def is_translation(self) -> bool:
        return self.kind is ComparisonKind.TRANSLATION

    def with_model(self, name: str, version: str) -> "Comparison":
        return Comparison(self.kind, self.languages, (name, version), self.notices)

    def with_notice(self, notice: str | None) -> "Comparison":
        if not notice or notice in self.notices:
            return self
        return Comparison(self.kind, self.languages, self.model, self.notices + (notice,))

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind.value, "languages": list(self.languages)}
        if self.model:
            out["model"] = {"name": self.model[0], "version": self.model[1]}
        if self.notices:
            out["notices"] = list(self.notices)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Comparison":
        languages = list(data.get("languages") or [None, None])[:2]
        model = data.get("model")
        return cls(kind=ComparisonKind(data["kind"]),
                   languages=tuple((languages + [None, None])[:2]),  # type: ignore[arg-type]
                   model=(str(model["name"]), str(model["version"])) if model else None,
                   notices=tuple(str(n) for n in data.get("notices", ())))
