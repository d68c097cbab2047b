"""The claim matrix as CSV: one row per statement, one column per source."""
from __future__ import annotations

import csv
import io

from ..core.collection import CollectionReport
from .collection_table import rows, source_names


def render(collection: CollectionReport, *, source: int | None = None) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    names = source_names(collection)
    writer.writerow(["statement", "sources", "reference", "earliest", "facts", *names, "text"])
    for row in rows(collection, source):
        s = row.statement
        writer.writerow([s.id, len(s.members), names[s.reference],
                         names[s.earliest] if s.earliest is not None else "", row.facts,
                         *row.cells, row.text])
    return out.getvalue().encode("utf-8")
