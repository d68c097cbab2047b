"""Exports of both kinds of result, chosen by format name or file extension: the one registry.

A *report* (two sources, :class:`Report`) and a *collection* (many sources,
:class:`CollectionReport`) each have writers that take the result (and, for a report,
optional annotations: verdicts and notes per link) and return the file's bytes;
``write_report`` writes them through :mod:`.safe_output` (atomic; never over an input, the
library or a device). Modules that need Qt (PDF) are imported only when used.
"""
from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from ..core.model import Report

if TYPE_CHECKING:
    from ..core.collection import CollectionReport

Writer = Callable[..., bytes]
REPORT, COLLECTION = "report", "collection"

# (kind, format) -> module of synopsis.export with a ``render(result, **options) -> bytes``;
# imported lazily so the command line stays light.
WRITERS: dict[tuple[str, str], str] = {
    (REPORT, "json"): "json_report", (REPORT, "text"): "text_report", (REPORT, "html"): "html_report",
    (REPORT, "pdf"): "pdf_report", (REPORT, "csv"): "csv_report", (REPORT, "markdown"): "markdown_report",
    (COLLECTION, "text"): "collection_text", (COLLECTION, "json"): "collection_json",
    (COLLECTION, "csv"): "collection_csv", (COLLECTION, "markdown"): "collection_markdown",
    (COLLECTION, "html"): "collection_html",
}
EXTENSIONS: dict[str, str] = {".json": "json", ".txt": "text", ".html": "html", ".htm": "html",
                              ".pdf": "pdf", ".csv": "csv", ".md": "markdown",
                              ".markdown": "markdown"}
ALIASES = {"md": "markdown", "htm": "html", "txt": "text"}


def kind_of(result: "Report | CollectionReport") -> str:
    return REPORT if isinstance(result, Report) else COLLECTION


def formats(kind: str = REPORT) -> list[str]:
    return [fmt for k, fmt in WRITERS if k == kind]


def format_for(path: Path | None, given: str | None = None, kind: str = REPORT) -> str:
    """The format to write: ``given`` if set, else from the file extension, else text."""
    known = formats(kind)
    if given:
        given = ALIASES.get(given, given)
        if given not in known:
            raise ValueError(f"unknown {kind} format {given!r} (known: {', '.join(known)})")
        return given
    if path is None:
        return "text"
    fmt = EXTENSIONS.get(path.suffix.lower())
    if fmt not in known:
        raise ValueError(f"{path}: cannot tell the {kind} format from the extension "
                         f"{path.suffix or '(none)'}; use --format ({', '.join(known)})")
    return fmt


def render(result: "Report | CollectionReport", fmt: str, **options: Any) -> bytes:
    """The bytes of ``result`` (a report or a collection) in format ``fmt``."""
    module = importlib.import_module(f"{__name__}.{WRITERS[kind_of(result), fmt]}")
    return module.render(result, **options)


def write_atomically(path: Path, data: bytes, **protect: Any) -> Path:
    """Write through :func:`safe_output.write_output` (atomic, never over an input or the
    library: pass ``protected=`` input paths and ``library=`` library files)."""
    from .safe_output import write_output

    return write_output(path, data, **protect)


def write_report(result: "Report | CollectionReport", path: Path, fmt: str | None = None, *,
                 protected=(), library=(), **options: Any) -> str:
    """Render and write ``result`` (a report or a collection) to ``path``; returns the format used.

    The output is checked first (not an input, not the library, a place that can be written),
    so a refusal costs no rendering.
    """
    from .safe_output import check_output

    fmt = format_for(path, fmt, kind_of(result))
    check_output(path, protected=protected, library=library)
    write_atomically(path, render(result, fmt, **options), protected=protected, library=library)
    return fmt
