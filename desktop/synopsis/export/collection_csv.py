"""The claim matrix as CSV: one row per statement, one column per source (named by outlet or
title, so the header row holds document text too). Cells follow :mod:`.csv_cells`."""
from __future__ import annotations

from ..core.collection import CollectionReport
from .collection_table import rows, source_names
from .csv_cells import csv_bytes


def render(collection: CollectionReport, *, source: int | None = None) -> bytes:
    names = source_names(collection)
    table: list[list[object]] = [["statement", "sources", "reference", "earliest", "facts", *names, "text"]]
    for row in rows(collection, source):
        s = row.statement
        table.append([s.id, len(s.members), names[s.reference],
                      names[s.earliest] if s.earliest is not None else "", row.facts,
                      *row.cells, row.text])
    return csv_bytes(table)
