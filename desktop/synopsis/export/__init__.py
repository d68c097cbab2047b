"""Report exports, chosen by format name or file extension.

Each writer takes a :class:`Report` (and optional annotations: verdicts and notes per link)
and returns the file's bytes; ``write_report`` writes them through
:mod:`.safe_output` (atomic; never over an input, the library or a device). Writers register
themselves in ``WRITERS``; modules that need Qt (PDF) are imported only when used.
"""
from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any, Callable

from ..core.model import Report

Writer = Callable[..., bytes]

# format name -> (module, function); modules are imported lazily so the CLI stays light.
WRITERS: dict[str, tuple[str, str]] = {
    "json": ("synopsis.export.json_report", "render"),
    "text": ("synopsis.export.text_report", "render"),
    "html": ("synopsis.export.html_report", "render"),
    "pdf": ("synopsis.export.pdf_report", "render"),
    "csv": ("synopsis.export.csv_report", "render"),
    "markdown": ("synopsis.export.markdown_report", "render"),
}
EXTENSIONS: dict[str, str] = {".json": "json", ".txt": "text", ".html": "html", ".htm": "html",
                              ".pdf": "pdf", ".csv": "csv", ".md": "markdown",
                              ".markdown": "markdown"}


def formats() -> list[str]:
    return list(WRITERS)


def format_for(path: Path | None, given: str | None = None) -> str:
    """The format to write: ``given`` if set, else from the file extension, else text."""
    if given:
        if given not in WRITERS:
            raise ValueError(f"unknown report format {given!r} (known: {', '.join(WRITERS)})")
        return given
    if path is None:
        return "text"
    fmt = EXTENSIONS.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(f"{path}: cannot tell the report format from the extension "
                         f"{path.suffix or '(none)'}; use --format ({', '.join(WRITERS)})")
    return fmt


def render(report: Report, fmt: str, **options: Any) -> bytes:
    module_name, func_name = WRITERS[fmt]
    func = getattr(importlib.import_module(module_name), func_name)
    return func(report, **options)


def write_atomically(path: Path, data: bytes, **protect: Any) -> Path:
    """Write through :func:`safe_output.write_output` (atomic, never over an input or the
    library: pass ``protected=`` input paths and ``library=`` library files)."""
    from .safe_output import write_output

    return write_output(path, data, **protect)


def write_report(report: Report, path: Path, fmt: str | None = None, *, protected=(), library=(),
                 **options: Any) -> str:
    """Render and write ``report`` to ``path``; returns the format used.

    The output is checked first (not an input, not the library, a place that can be written),
    so a refusal costs no rendering.
    """
    from .safe_output import check_output

    fmt = format_for(path, fmt)
    check_output(path, protected=protected, library=library)
    write_atomically(path, render(report, fmt, **options), protected=protected, library=library)
    return fmt
