"""File ▸ Export…: write the shown report, with the current verdicts, in any registered format.

The file-type filters come from ``export.formats()`` and ``export.EXTENSIONS`` at run time, so
a writer added later shows up without touching the app.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from .. import export
from ..core.errors import SynopsisError
from .dialogs import Dialogs

_tr = QCoreApplication.translate
NAMES = {"json": "JSON report", "text": "Plain text", "html": "Web page (HTML)", "pdf": "PDF",
         "csv": "Spreadsheet (CSV)", "markdown": "Markdown"}


def extensions_of(fmt: str) -> list[str]:
    return [ext for ext, f in export.EXTENSIONS.items() if f == fmt]


def filters() -> list[tuple[str, str]]:
    """``(filter text, format)`` for each registered format that has a file extension."""
    out = []
    for fmt in export.formats():
        exts = extensions_of(fmt)
        if exts:
            name = _tr("Export", NAMES.get(fmt, fmt.upper()))
            out.append((f"{name} ({' '.join('*' + e for e in exts)})", fmt))
    return out


def target(path: str, chosen_filter: str | None) -> tuple[Path, str]:
    """The file and format to write: the extension decides; without one, the chosen filter."""
    by_filter = dict(filters())
    fmt_of_filter = by_filter.get(chosen_filter or "")
    out = Path(path)
    fmt = export.EXTENSIONS.get(out.suffix.lower())
    if fmt is None:
        fmt = fmt_of_filter or "json"
        out = out.with_name(out.name + extensions_of(fmt)[0])
    return out, fmt


def export_report(window) -> Path | None:
    """Ask where, write, and say so in the status bar; one-line error dialog on failure."""
    report = window.report
    if report is None:
        window.statusBar().showMessage(_tr("Export", "Nothing to export: compare two sources first"), 4000)
        return None
    options = filters()
    stem = "-vs-".join((d.title or "source")[:40] for d in report.documents).replace("/", "-")
    chosen = Dialogs.save_file(window, _tr("Export", "Export the comparison"), [f for f, _ in options],
                               stem + ".html" if "html" in export.formats() else stem + ".json")
    if not chosen:
        return None
    path, chosen_filter = chosen
    out, fmt = target(path, chosen_filter)
    try:
        export.write_report(report, out, fmt, annotations=window.library_ctl.annotations(report))
    except OSError as exc:
        Dialogs.error(window, _tr("Export", "Could not export"),
                      f"{out}: {_tr('Export', 'cannot write')} ({exc.strerror or exc})")
        return None
    except (SynopsisError, ValueError, ImportError, RuntimeError) as exc:
        Dialogs.error(window, _tr("Export", "Could not export"), f"{out}: {exc}")
        return None
    window.statusBar().showMessage(_tr("Export", "Exported %1 (%2)").replace("%1", str(out))
                                   .replace("%2", fmt), 6000)
    return out
