"""The claim matrix as plain rows, shared by the CSV, Markdown, HTML and text writers."""
from __future__ import annotations

from dataclasses import dataclass

from ..core.collection import CollectionReport, Statement

# "unique": a statement only one source carries (not "shared", which would say it is repeated)
CUES = {"shared": "S", "paraphrased": "P", "absent": "—", "unique": "U"}


@dataclass(frozen=True)
class Row:
    statement: Statement
    text: str  # the reference passage
    cells: list[str]  # one label per source
    facts: int


def passage(collection: CollectionReport, statement: Statement, source: int | None = None) -> str:
    """The text of ``source``'s passage in the statement (the reference's by default)."""
    member = statement.member(statement.reference if source is None else source)
    if member is None:
        return ""
    doc = collection.documents[member.source]
    return " ".join(" ".join(doc.segment_text(s).split()) for s in member.segments)


def source_names(collection: CollectionReport) -> list[str]:
    names = []
    for doc in collection.documents:
        outlet = str(doc.meta.get("outlet") or "")
        names.append(outlet if outlet and not outlet.startswith("unknown") else doc.title or doc.source)
    return names


def cell(statement: Statement, source: int) -> str:
    """What ``source`` says of the statement: shared, paraphrased, absent, or unique (it alone)."""
    label = statement.cell(source)
    return "unique" if label != "absent" and len(statement.members) == 1 else label


def rows(collection: CollectionReport, source: int | None = None) -> list[Row]:
    n = len(collection.documents)
    return [Row(s, passage(collection, s), [cell(s, k) for k in range(n)], len(s.facts))
            for s in collection.rows(source)]
