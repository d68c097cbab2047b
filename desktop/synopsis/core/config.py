"""Every setting that shapes a comparison, declared once: type, default, bounds and help.

The command line's options (``synopsis.cli.options``) and the app's preferences are generated
from this declaration (:func:`declared`), and a report records the settings it was made with
(``Settings.to_dict``), so it can be reproduced. The threshold defaults come from calibration
on public data; see ``benchmarks/README.md`` for the figures they gave.
"""
from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from typing import Any

from .vocab import Granularity

GRANULARITIES = tuple(g.value for g in Granularity)
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# The sentence-embedding models (their ids in core.semantic.models.REGISTRY, which a test checks).
MEANING_MODELS = ("use-multilingual-v3", "multilingual-e5-small")


def _setting(default: Any, help: str, *, minimum: float | None = None, maximum: float | None = None,
             choices: tuple[str, ...] | None = None, live: bool = False, flag: str | None = None) -> Any:
    """A field of :class:`Settings` with what its declaration says (see :class:`Declared`)."""
    return field(default=default, metadata={"help": help, "minimum": minimum, "maximum": maximum,
                                            "choices": choices, "live": live, "flag": flag})


@dataclass(frozen=True)
class Settings:
    granularity: str = _setting("sentence", "Align sentences or whole paragraphs.", choices=GRANULARITIES)
    # Calibrated by benchmarks/run_alignment.py (benchmarks/results/alignment.md): on synthetic
    # WMT19 article pairs (calibration seed, not the reported one) 0.93 keeps label accuracy at
    # 0.99 and labels the seed pair's reworded sentences paraphrased (0.93 on its gold).
    shared_threshold: float = _setting(
        0.93, "Character similarity at or above which a linked pair counts as shared (same words).",
        minimum=0.0, maximum=1.0, live=True)
    # "The same words, up to small edits": a sentence with one word dropped and one swapped is
    # still shared; three words reworded make it a paraphrase however long the sentence is
    # (character similarity alone cannot tell, it is diluted by length). 2 is the smallest value
    # that keeps the WMT19 pairs' lightly edited lines shared (label accuracy 0.943 with 1,
    # 0.987 with 2 or 3); see benchmarks/README.md.
    shared_max_changed_words: int = _setting(
        2, "Most words that may differ (dropped, added or replaced) in a pair counted as shared.",
        minimum=0, live=True)
    # A link threshold of 0.30 gave F1 0.96 (P 0.997 / R 0.92) on the calibration pairs with 0-1
    # links between related articles.
    paraphrase_threshold: float = _setting(
        0.30, "Pair score at or above which two passages are linked as paraphrases.",
        minimum=0.0, maximum=1.0, live=True)
    language: str | None = _setting(None, "Language of both documents (BCP 47, e.g. en, de); detected when not given.")
    max_bytes: int = _setting(DEFAULT_MAX_BYTES, "Largest source accepted, in bytes.", minimum=1, flag="--max-size")
    facts: bool = _setting(True, "Look for changed numbers, dates, names, quotes, attributions and negations.")
    meaning: bool = _setting(
        True, "Compare passages by meaning too (sentence embeddings) where their words do not settle "
              "it; across two languages passages are always aligned by meaning.")
    meaning_model: str | None = _setting(
        None, "Sentence-embedding model to use when installed; chosen by the documents' languages "
              "when not given.", choices=MEANING_MODELS)

    def __post_init__(self) -> None:
        for spec in declared():
            value = getattr(self, spec.name)
            if value is None and spec.default is None:
                continue
            if spec.choices is not None and value not in spec.choices:
                raise ValueError(f"{spec.name} must be one of {', '.join(spec.choices)}, not {value!r}")
            if spec.minimum is not None and value < spec.minimum:
                raise ValueError(f"{spec.name} must be {spec.minimum} or more, not {value}")
            if spec.maximum is not None and value > spec.maximum:
                raise ValueError(f"{spec.name} must be {spec.maximum} or less, not {value}")

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Settings":
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})

    def replace(self, **changes: Any) -> "Settings":
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True)
class Declared:
    """One setting as declared: what a command-line option or a preferences field needs.

    ``kind`` is the Python type (bool, int, float, str); ``optional`` whether None (not
    given: detected or derived) is allowed; ``live`` whether a change can be re-applied to a
    finished comparison without aligning again (the thresholds); ``flag`` the option name
    on the command line.
    """

    name: str
    kind: type
    optional: bool
    default: Any
    help: str
    minimum: float | None
    maximum: float | None
    choices: tuple[str, ...] | None
    live: bool
    flag: str


_KINDS = {"bool": bool, "int": int, "float": float, "str": str, "str | None": str}


# Settings that compare by words alone (no sentence embeddings): the corpus scan's defaults,
# whose keys, reuse rule and figures are word-based.
WORDS_ONLY: dict[str, object] = {"meaning": False}


@functools.cache
def declared() -> tuple[Declared, ...]:
    """Every setting, in declaration order, with type, default, bounds, choices and help."""
    out = []
    for f in dataclasses.fields(Settings):
        meta = f.metadata
        out.append(Declared(name=f.name, kind=_KINDS[str(f.type)], optional="None" in str(f.type),
                            default=f.default, help=meta["help"], minimum=meta["minimum"],
                            maximum=meta["maximum"], choices=meta["choices"], live=meta["live"],
                            flag=meta["flag"] or "--" + f.name.replace("_", "-")))
    return tuple(out)
