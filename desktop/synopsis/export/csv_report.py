"""The report as CSV: one row per aligned pair and per passage found in one source only.

Then one row of class ``repeat`` per group of passages repeated inside one document: its
segment ids and texts (one per line) in that document's columns, the other side empty.

Cells, encoding and line ends follow the one CSV rule of :mod:`.csv_cells` (formulas
neutralised in every cell, UTF-8 with a BOM, CRLF).
"""
from __future__ import annotations

from typing import Any

from ..core.model import Report
from . import layout
from .csv_cells import csv_bytes, safe_cell

COLUMNS = ("row", "class", "score", "moved", "a_ids", "b_ids", "a_text", "b_text", "facts",
           "verdict", "note")

__all__ = ["COLUMNS", "render", "safe_cell"]


def render(report: Report, annotations: dict[str, Any] | None = None, **_: Any) -> bytes:
    doc_a, doc_b = report.documents
    rows: list[list[object]] = [list(COLUMNS)]
    number = 0
    for number, row in enumerate(layout.rows(report), 1):
        link = row.link
        verdict = layout.verdict_for(annotations, link) if link is not None else None
        rows.append([
            number, row.label + (f" ({row.debris})" if row.debris else ""),
            f"{link.score:.4f}" if link is not None else "",
            ("yes" if link.moved else "no") if link is not None else "",
            " ".join(str(i) for i in row.a), " ".join(str(i) for i in row.b),
            layout.passage_text(doc_a, row.a), layout.passage_text(doc_b, row.b),
            layout.fact_summary(report, link) if link is not None else "",
            (verdict or {}).get("verdict", ""), (verdict or {}).get("note", ""),
        ])
    # passages repeated inside one document: one row per group, after the passages
    for repeat in layout.repeats(report):
        ids = " ".join(str(i) for i in repeat.segments)
        texts = "\n".join(repeat.texts)
        rows.append([
            number + repeat.number, "repeat", "", "",
            ids if repeat.doc_index == 0 else "", ids if repeat.doc_index == 1 else "",
            texts if repeat.doc_index == 0 else "", texts if repeat.doc_index == 1 else "",
            "", "", f"{repeat.label} repeat in {repeat.letter}: passages "
                    f"{layout.passage_numbers(repeat.segments)}",
        ])
    return csv_bytes(rows)
