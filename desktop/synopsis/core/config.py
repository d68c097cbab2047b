"""Every setting that shapes a comparison, declared once with its default and meaning.

A report records the settings it was made with (``Settings.to_dict``), so it can be
reproduced. The threshold defaults come from calibration on public data; see
``benchmarks/README.md`` for the figures they gave.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

GRANULARITIES = ("sentence", "paragraph")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Settings:
    granularity: str = field(default="sentence", metadata={
        "help": "Align sentences or whole paragraphs.", "choices": GRANULARITIES})
    # Calibrated by benchmarks/run_alignment.py (benchmarks/results/alignment.md): on synthetic
    # WMT19 article pairs (calibration seed, not the reported one) 0.93 keeps label accuracy at
    # 0.99 and labels the seed pair's reworded sentences paraphrased (0.93 on its gold); a link
    # threshold of 0.30 gave F1 0.96 (P 0.997 / R 0.92) with 0-1 links between related articles.
    shared_threshold: float = field(default=0.93, metadata={
        "help": "Character similarity at or above which a linked pair counts as shared (same words).",
        "range": (0.0, 1.0)})
    # "The same words, up to small edits": a sentence with one word dropped and one swapped is
    # still shared; three words reworded make it a paraphrase however long the sentence is
    # (character similarity alone cannot tell, it is diluted by length). 2 is the smallest value
    # that keeps the WMT19 pairs' lightly edited lines shared (label accuracy 0.943 with 1,
    # 0.987 with 2 or 3); see benchmarks/README.md.
    shared_max_changed_words: int = field(default=2, metadata={
        "help": "Most words that may differ (dropped, added or replaced) in a pair counted as shared.",
        "range": (0, 99)})
    paraphrase_threshold: float = field(default=0.30, metadata={
        "help": "Pair score at or above which two passages are linked as paraphrases.",
        "range": (0.0, 1.0)})
    language: str | None = field(default=None, metadata={
        "help": "Language of both documents (BCP 47); detected when not given."})
    max_bytes: int = field(default=DEFAULT_MAX_BYTES, metadata={
        "help": "Largest source accepted, in bytes.", "range": (1, 2**31 - 1)})
    facts: bool = field(default=True, metadata={
        "help": "Look for changed numbers, dates, names, quotes, attributions and negations."})

    def __post_init__(self) -> None:
        if self.granularity not in GRANULARITIES:
            raise ValueError(f"granularity must be one of {', '.join(GRANULARITIES)}")
        for name in ("shared_threshold", "paraphrase_threshold"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} must be between 0 and 1, not {value}")
        if self.shared_max_changed_words < 0:
            raise ValueError(f"shared_max_changed_words must be 0 or more, not {self.shared_max_changed_words}")

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Settings":
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})

    def replace(self, **changes: Any) -> "Settings":
        return dataclasses.replace(self, **changes)


def describe() -> list[tuple[str, Any, str]]:
    """(name, default, help) of every setting, for CLI help and preferences."""
    return [(f.name, f.default, f.metadata.get("help", "")) for f in dataclasses.fields(Settings)]
