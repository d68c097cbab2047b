"""Markdown and RTF: rendered to plain text, one paragraph per line.

Markdown (markdown-it-py): links keep their words, emphasis marks go, images and raw HTML
are dropped, headings stay as lines of their own. RTF (striprtf): control words are removed;
the code page comes from ``\\ansicpg``.
"""
from __future__ import annotations

import re

from ..errors import LoadError
from .result import Extracted
from .text import decode, join_paragraphs, text_codec

_INLINE_TEXT = ("text", "code_inline")


def _inline_text(token) -> str:
    parts: list[str] = []
    for child in token.children or []:
        if child.type in _INLINE_TEXT:  # images and inline HTML are left out
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
    return "".join(parts)


def markdown_to_text(source_text: str) -> tuple[str, str | None]:
    """(plain text, first heading or None) of a Markdown document."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(source_text)
    paragraphs: list[str] = []
    title = None
    in_heading = False
    for token in tokens:
        if token.type == "heading_open":
            in_heading = True
        elif token.type == "heading_close":
            in_heading = False
        elif token.type == "inline":
            text = _inline_text(token)
            if in_heading and title is None:
                title = " ".join(text.split())
            paragraphs.extend(text.split("\n"))
        elif token.type in ("fence", "code_block"):
            paragraphs.extend(token.content.splitlines())
    return join_paragraphs(paragraphs), title


def read_markdown(data: bytes, source: str) -> Extracted:
    raw, encoding = decode(data, source)
    text, title = markdown_to_text(raw)
    return Extracted(text, title, {"encoding": encoding})


_CODEPAGE = re.compile(rb"\\ansicpg(\d+)")


def read_rtf(data: bytes, source: str) -> Extracted:
    from striprtf.striprtf import rtf_to_text

    match = _CODEPAGE.search(data[:4096])
    encoding = (text_codec(f"cp{int(match.group(1)[:6])}") if match else None) or "cp1252"
    try:
        # RTF is 7-bit: bytes above 127 only appear in sloppy files, read them in the code page
        raw = data.decode(encoding, errors="replace")
        text = rtf_to_text(raw, encoding=encoding, errors="replace")
    except Exception as exc:  # striprtf has no error type of its own
        raise LoadError(source, f"RTF could not be read ({type(exc).__name__})") from None
    return Extracted(join_paragraphs(text.splitlines()), None, {"encoding": encoding})
