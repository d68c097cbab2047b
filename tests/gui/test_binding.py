"""The Qt binding must not leak references to None.

PySide6 6.12.0 on Python 3.11 drops one reference to ``None`` on every call that returns
``None`` (e.g. ``QPainterPath.lineTo``); after a few thousand painting calls the interpreter
aborts with "deallocating None". pyproject.toml excludes that release; this test catches
any binding with the same fault before a user's window crashes.
"""
import sys

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath


def test_void_calls_keep_none_referenced():
    path = QPainterPath()
    before = sys.getrefcount(None)
    for _ in range(2000):
        path.lineTo(QPointF(1.0, 1.0))
    assert abs(sys.getrefcount(None) - before) < 100
