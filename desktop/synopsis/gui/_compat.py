"""Work-arounds for the Qt binding, applied once when the GUI package is imported.

PySide6 6.12.0 on Python 3.11 drops one reference to ``None`` on every call that returns
``None`` (e.g. ``QPainterPath.lineTo``): after a few thousand painting calls the interpreter
aborts with "none_dealloc: deallocating None". Python 3.12+ makes ``None`` immortal, so
there it cannot happen; (``True``/``False`` showed the same
leak.) On 3.11 we give these singletons a reference count so large that the leak
can never reach zero (the same effect as 3.12's immortality).
"""
from __future__ import annotations

import sys

_MARGIN = 1 << 40


def keep_none_alive() -> None:
    if sys.version_info >= (3, 12) or not hasattr(sys, "getrefcount"):
        return
    import ctypes

    for singleton in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(singleton))
        if refcount.value < _MARGIN:
            refcount.value += _MARGIN
