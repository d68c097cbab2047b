"""The closed sets of Synopsis, as enums, and the one table of the words shown for them.

Every member is a ``str`` (or ``int``) subclass with the value the report's JSON has always
used, so ``Label.SHARED == "shared"`` and ``Severity.ALARM == 3`` hold, JSON is unchanged and a
plain string read from an old report compares equal. What a person reads (the window, the
exports, the terminal) comes from :func:`display_name`, so one wording is used everywhere.
"""
from __future__ import annotations

from enum import Enum, IntEnum, StrEnum


class Label(StrEnum):
    """The class of a passage: linked with the same words, reworded, or in one source only."""

    SHARED = "shared"
    PARAPHRASED = "paraphrased"
    UNIQUE = "unique"


LINK_LABELS = (Label.SHARED, Label.PARAPHRASED)


class FactKind(StrEnum):
    NUMBER = "number"
    DATE = "date"
    NAME = "name"
    QUOTE = "quote"
    ATTRIBUTION = "attribution"
    NEGATION = "negation"


class Severity(IntEnum):
    """How much a changed fact matters: a changed figure or a misquote is an alarm."""

    NOTE = 1       # a variant to note (Kiev / Kyiv, a rounding)
    CHECK = 2      # worth checking (a name or figure on one side only)
    ALARM = 3      # a changed figure, date, name or quotation


class EditOp(StrEnum):
    INSERT = "insert"
    DELETE = "delete"
    REPLACE = "replace"


class Origin(StrEnum):
    """Who made a link: the aligner, or a person (linked or relabelled by hand)."""

    AUTO = "auto"
    MANUAL = "manual"


class SegmentKind(StrEnum):
    """Article prose, or scraping debris that stays visible but is never aligned."""

    TEXT = "text"
    BYLINE = "byline"
    CAPTION = "caption"
    FOOTER = "footer"
    BOILERPLATE = "boilerplate"


class Reason(StrEnum):
    """Why the aligner lifted a pair's score above what its words alone gave."""

    CONTEXT = "context"     # its neighbours on both sides are aligned too
    GAP = "gap"             # matched in order between two confident pairs
    EDGE = "edge"           # next to the end of a run of confident pairs


class ComparisonKind(StrEnum):
    """How two documents' passages were compared: by meaning across two languages, or in one."""

    TRANSLATION = "translation"
    SAME_LANGUAGE = "same-language"


class Translation(StrEnum):
    """A link's verdict in a translation comparison (see ``core.semantic.translation``)."""

    FAITHFUL = "faithful"     # says the same thing, no checkable fact changed
    CHANGED = "changed"       # a checkable fact changed, or the meaning score is low


class Granularity(StrEnum):
    SENTENCE = "sentence"
    PARAGRAPH = "paragraph"


# What a person reads for each value: the window, the exports and the terminal use this table.
DISPLAY_NAMES: dict[Enum, str] = {
    Label.SHARED: "shared", Label.PARAPHRASED: "paraphrased", Label.UNIQUE: "unique",
    FactKind.NUMBER: "number", FactKind.DATE: "date", FactKind.NAME: "name",
    FactKind.QUOTE: "quote", FactKind.ATTRIBUTION: "attribution", FactKind.NEGATION: "negation / hedging",
    Severity.ALARM: "alarm", Severity.CHECK: "check", Severity.NOTE: "note",
    Reason.CONTEXT: "neighbours aligned", Reason.GAP: "between aligned pairs",
    Reason.EDGE: "beside aligned pairs",
    ComparisonKind.TRANSLATION: "translation comparison", ComparisonKind.SAME_LANGUAGE: "same language",
    Translation.FAITHFUL: "faithful translation", Translation.CHANGED: "changed in translation",
}


def display_name(value: Enum | str | int) -> str:
    """The word shown for ``value``: an enum member, or the plain value an old report has
    (members hash and compare as their values, so ``"shared"`` and ``3`` are found too)."""
    name = DISPLAY_NAMES.get(value)     # type: ignore[call-overload]
    if name is not None:
        return name
    return str(value.value if isinstance(value, Enum) else value)
