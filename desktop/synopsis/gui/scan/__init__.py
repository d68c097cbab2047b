"""File ▸ Scan a corpus…: run ``synopsis scan`` from the app, browse its clusters, open a pair.

Only :func:`add_scan_action` is imported by the main window; the scan window (and with it
Dask) is imported when the user asks for it, and an installation without the scan extra
(the desktop installer) says how to get it instead.
"""
from __future__ import annotations

from PySide6.QtGui import QAction


def add_scan_action(window, menu) -> QAction:
    """Add "Scan a corpus…" to ``menu`` of the main ``window``."""
    action = QAction(window.tr("Scan a &corpus…"), window)
    action.setStatusTip(window.tr("Find reused passages across a folder or table of articles (Dask)"))
    action.setToolTip(action.statusTip())
    action.triggered.connect(lambda: open_scan_window(window))
    menu.addAction(action)
    return action


def open_scan_window(window):
    """Show the scan window of ``window`` (one per main window); None without the extra."""
    from ..dialogs import Dialogs
    try:
        from ...scan import missing_modules, INSTALL_HINT
        missing = missing_modules()
    except ImportError:
        missing, INSTALL_HINT = ["the scan package"], "pip install 'synopsis[scan]'"
    if missing:
        Dialogs.error(window, window.tr("Scan a corpus"),
                      window.tr("The corpus scan is not installed (%1 missing). Install it with: %2")
                      .replace("%1", ", ".join(missing)).replace("%2", INSTALL_HINT))
        return None
    from .window import ScanWindow, raise_window
    existing = getattr(window, "_scan_window", None)
    if existing is None:
        existing = window._scan_window = ScanWindow(window)
    existing.show()
    raise_window(existing)
    return existing
