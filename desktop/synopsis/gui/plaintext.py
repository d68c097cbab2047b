"""Text that comes from documents shown as the characters it is, never as Qt rich text.

Titles, outlets and dates from a page's ``<title>`` and ``og:`` tags or a manifest, passages,
file names and the error messages naming them are not ours: QLabel, QMessageBox and tooltips
guess, and render a string that looks like HTML as HTML (a spoofed red headline; an ``<img>``
of a local file, loaded). Labels that show such text are set to plain text; tooltips, which
have no format setting, get the text escaped inside a rich-text wrapper, so Qt shows it
literally; our own rich text escapes every piece it takes from a document.
"""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def plain_label(label: QLabel) -> QLabel:
    """``label`` set to show its text literally (returns it, for use in constructors)."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def tooltip(text: object) -> str:
    """A tooltip that shows ``text`` literally, line breaks kept (an empty text stays empty)."""
    text = "" if text is None else str(text)
    if not text:
        return ""
    return '<p style="white-space:pre-wrap">' + html.escape(text) + "</p>"


def escaped(text: object) -> str:
    """A piece of document text for our own rich text."""
    return html.escape("" if text is None else str(text))
