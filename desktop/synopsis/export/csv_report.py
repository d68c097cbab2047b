"""The report as CSV: one row per aligned pair and per passage found in one source only.

Then one row of class ``repeat`` per group of passages repeated inside one document: its
segment ids and texts (one per line) in that document's columns, the other side empty.

Encoding: UTF-8 with a byte-order mark, so Excel opens accented and Cyrillic text correctly
(LibreOffice and ``csv`` with ``encoding="utf-8-sig"`` read it too); rows end with CRLF as RFC
4180 asks. A text cell that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return, as OWASP advises) gets a leading ``'``; a plain number such as
``-5`` is left alone.
"""
from __future__ import annotations

import csv
import io
import re
from typing import Any

from ..core.model import Report
from . import layout

COLUMNS = ("row", "class", "score", "moved", "a_ids", "b_ids", "a_text", "b_text", "facts",
           "verdict", "note")


_NUMBER = re.compile(r"[-+]?\d+(?:[.,]\d+)?")


def safe_cell(value: str) -> str:
    """Neutralise spreadsheet formulas; a plain number such as ``-5`` stays as it is."""
    if value and value[0] in "=+-@\t\r" and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def render(report: Report, annotations: dict[str, Any] | None = None, **_: Any) -> bytes:
    doc_a, doc_b = report.documents
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    number = 0
    for number, row in enumerate(layout.rows(report), 1):
        link = row.link
        verdict = layout.verdict_for(annotations, link) if link is not None else None
        writer.writerow([
            number, row.label + (f" ({row.debris})" if row.debris else ""),
            f"{link.score:.4f}" if link is not None else "",
            ("yes" if link.moved else "no") if link is not None else "",
            " ".join(str(i) for i in row.a), " ".join(str(i) for i in row.b),
            safe_cell(layout.passage_text(doc_a, row.a)), safe_cell(layout.passage_text(doc_b, row.b)),
            safe_cell(layout.fact_summary(report, link)) if link is not None else "",
            safe_cell(str((verdict or {}).get("verdict", ""))), safe_cell(str((verdict or {}).get("note", ""))),
        ])
    # passages repeated inside one document: one row per group, after the passages
    for repeat in layout.repeats(report):
        ids = " ".join(str(i) for i in repeat.segments)
        texts = safe_cell("\n".join(repeat.texts))
        writer.writerow([
            number + repeat.number, "repeat", "", "",
            ids if repeat.doc_index == 0 else "", ids if repeat.doc_index == 1 else "",
            texts if repeat.doc_index == 0 else "", texts if repeat.doc_index == 1 else "",
            "", "", safe_cell(f"{repeat.label} repeat in {repeat.letter}: passages "
                              f"{layout.passage_numbers(repeat.segments)}"),
        ])
    return "\ufeff".encode("utf-8") + out.getvalue().encode("utf-8")
