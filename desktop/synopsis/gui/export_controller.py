"""File ▸ Export…: write the shown report, with the current verdicts, in any registered format.

The file-type filters come from ``export.formats()`` and ``export.EXTENSIONS`` at run time, so
a writer added later shows up without touching the app.
"""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from .. import export
from ..core.errors import SynopsisError
from ..export.safe_output import OutputError, library_files
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


_NOT_IN_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]')   # not allowed in Windows file names


def suggested_stem(titles: list[str]) -> str:
    """A file name (without extension) from the documents' titles that every system accepts:
    "Witkoff to meet Umerov-vs-Zelensky Ukrainian officials"."""
    parts = []
    for title in titles:
        clean = " ".join(_NOT_IN_NAMES.sub(" ", title or "").split())
        if len(clean) > 40:     # cut at a word boundary
            clean = clean[:41].rsplit(" ", 1)[0] if " " in clean[:41] else clean[:40]
        parts.append(clean.rstrip(" .") or "source")
    return "-vs-".join(parts)


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
    default = "html" if "html" in export.formats() else "json"
    # the default format's filter first, so the dialog's type box matches the suggested name
    options = sorted(filters(), key=lambda option: option[1] != default)
    folder = Path(window.store.get("export_dir") or ".")
    name = suggested_stem([d.title for d in report.documents]) + extensions_of(default)[0]
    chosen = Dialogs.save_file(window, _tr("Export", "Export the comparison"), [f for f, _ in options],
                               str(folder / name) if folder.is_dir() else name)
    if not chosen:
        return None
    path, chosen_filter = chosen
    out, fmt = target(path, chosen_filter)
    inputs = [value for kind, value in (s for s in window.session.specs if s is not None) if kind == "path"]
    try:
        export.write_report(report, out, fmt, annotations=window.session.annotations(),
                            protected=inputs, library=library_files(window.library_ctl.path()))
    except OutputError as exc:  # names the file itself
        Dialogs.error(window, _tr("Export", "Could not export"), str(exc))
        return None
    except OSError as exc:
        Dialogs.error(window, _tr("Export", "Could not export"),
                      f"{out}: {_tr('Export', 'cannot write')} ({exc.strerror or exc})")
        return None
    except (SynopsisError, ValueError, ImportError, RuntimeError) as exc:
        Dialogs.error(window, _tr("Export", "Could not export"), f"{out}: {exc}")
        return None
    window.store.set("export_dir", str(out.parent.resolve()))    # the next export starts there
    window.statusBar().showMessage(_tr("Export", "Exported %1 (%2)").replace("%1", str(out))
                                   .replace("%2", fmt), 6000)
    return out
