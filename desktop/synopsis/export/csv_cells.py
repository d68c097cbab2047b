"""The one rule every CSV Synopsis writes follows (the two-source report and the claim matrix).

- Every cell, the header row included, passes :func:`safe_cell`: a text a spreadsheet would run
  as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return, as OWASP
  advises, or their full-width forms, which some spreadsheets read the same way; leading spaces
  do not hide one) gets a leading ``'``; a plain number such as ``-5`` or ``+3.5`` stays as it is.
- UTF-8 with a byte-order mark, so Excel opens accented and Cyrillic text correctly
  (LibreOffice and ``csv`` with ``encoding="utf-8-sig"`` read it too); rows end with CRLF as
  RFC 4180 asks; the ``csv`` module quotes what needs quoting.
"""
from __future__ import annotations

import csv
import io
import re
from typing import Iterable, Sequence

_TRIGGERS = "=+-@\t\r\uff1d\uff0b\uff0d\uff20"
_NUMBER = re.compile(r"[-+]?\d+(?:[.,]\d+)?")


def safe_cell(value: object) -> str:
    """``value`` as a cell no spreadsheet runs as a formula."""
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    first = text.lstrip(" ")[:1]
    if first and first in _TRIGGERS and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def csv_bytes(rows: Iterable[Sequence[object]]) -> bytes:
    """The file: every cell made safe, CRLF line ends, UTF-8 with a BOM."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return "\ufeff".encode("utf-8") + out.getvalue().encode("utf-8")
