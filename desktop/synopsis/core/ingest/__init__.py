"""Turning a source (a path, ``-`` for stdin, an http(s) URL or pasted text) into a :class:`Document`.

Formats are chosen by content and extension; each reader returns the article text and its
metadata. Anything that cannot be read raises :class:`LoadError` with one readable line.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ..clock import now_iso
from ..config import DEFAULT_MAX_BYTES
from ..errors import LoadError
from ..model import Document
from .html import looks_like_html, read_html
from .limits import display_name, read_source_bytes
from .markup import read_markdown, read_rtf
from .office import zip_kind
from .result import Extracted
from .sidecar import apply_sidecar
from .text import decode, decode_with_hint, repair_mojibake
from .url import DEFAULT_TIMEOUT, fetch, is_url


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_bytes(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """A file's bytes (or a pipe's, a device's, ``-`` for standard input), read in chunks and
    refused past ``max_bytes``; also refused: missing, a folder, a link loop, empty."""
    name = os.fsdecode(path)
    data = read_source_bytes(name, max_bytes=max_bytes)
    if not data.strip():
        raise LoadError(display_name(name) if name != "-" else "standard input", "is empty")
    return data


def title_from_text(text: str, fallback: str) -> str:
    for line in text.splitlines():
        line = line.strip()
        if len(line) > 3:
            return line[:120]
    return fallback


def document_from_text(text: str, *, source: str, data: bytes, fmt: str, title: str | None = None,
                       meta: dict | None = None, retrieved: str | None = None) -> Document:
    """Build a Document from extracted text; refuses text with nothing to compare."""
    if not text.strip():
        raise LoadError(source, "no article text found")
    return Document(text=text, title=title or title_from_text(text, Path(source).name or source),
                    source=source, sha256=sha256(data), format=fmt, retrieved=retrieved,
                    meta=dict(meta or {}))


_EXTENSIONS = {".html": "html", ".htm": "html", ".xhtml": "html", ".md": "markdown",
               ".markdown": "markdown", ".docx": "docx", ".odt": "odt", ".pdf": "pdf", ".rtf": "rtf"}
_CONTENT_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text",
                  "text/markdown": "markdown", "text/x-markdown": "markdown", "application/pdf": "pdf",
                  "application/rtf": "rtf", "text/rtf": "rtf"}
_ZIP_TYPES = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              "application/vnd.oasis.opendocument.text", "application/zip")


def sniff(data: bytes, source: str, content_type: str | None = None) -> str:
    """The format of ``data``: by its first bytes where they are telling, else by extension.

    ``content_type`` (from an HTTP response) decides between text formats; a server's label
    never overrides what the bytes plainly are (a PDF is a PDF whatever it is called).
    """
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return zip_kind(data, source)
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise LoadError(source, "is an old Word (.doc) or other legacy Office file; save it as .docx")
    if head.startswith(b"{\\rtf"):
        return "rtf"
    suffix = Path(source.split("?")[0].split("#")[0]).suffix.lower() if source != "-" else ""
    expected = _EXTENSIONS.get(suffix)
    if content_type is not None:
        kind = _CONTENT_TYPES.get(content_type)
        if kind is None or kind in ("pdf", "rtf"):  # the magic bytes above did not confirm it
            raise LoadError(source, f"is not an HTML, text or PDF document (content type {content_type or 'missing'})"
                            if kind is None else f"claims to be {kind.upper()} but is not")
        if kind != "text":
            return kind
    elif expected in ("docx", "odt"):
        raise LoadError(source, f"is not a valid .{expected} file (not a zip archive)")
    elif expected == "pdf":
        raise LoadError(source, "is not a valid PDF (no %PDF header)")
    if expected in ("html", "markdown"):
        return expected
    if looks_like_html(data):
        return "html"
    return "text"


def read_extracted(data: bytes, source: str, kind: str, charset: str | None = None) -> Extracted:
    """Run the reader for ``kind`` on ``data``."""
    if kind == "html":
        return read_html(data, source, charset)
    if kind == "pdf":
        from .pdf import read_pdf

        return read_pdf(data, source)
    if kind in ("docx", "odt"):
        from .office import read_docx, read_odt

        return (read_docx if kind == "docx" else read_odt)(data, source)
    if kind == "markdown":
        return read_markdown(data, source)
    if kind == "rtf":
        return read_rtf(data, source)
    text, encoding = decode_with_hint(data, source, charset)
    return Extracted(text, None, {"encoding": encoding})


def load_bytes(data: bytes, source: str, *, content_type: str | None = None, charset: str | None = None,
               meta: dict | None = None, retrieved: str | None = None) -> Document:
    """Turn the original bytes of ``source`` into a Document (the hash is of these bytes)."""
    if not data.strip():
        raise LoadError(source, "is empty")
    kind = sniff(data, source, content_type)
    extracted = read_extracted(data, source, kind, charset)
    text, repaired = repair_mojibake(extracted.text)
    info = {**(meta or {}), **extracted.meta}
    if repaired:
        info["mojibake_repaired"] = repaired
    title = extracted.title
    if not title and kind == "text":
        title = Path(source).stem.replace("_", " ") if source != "-" and not is_url(source) else None
    return document_from_text(text, source=source, data=data, fmt=kind, title=title, meta=info,
                              retrieved=retrieved)


def load_text_bytes(data: bytes, source: str) -> Document:
    """Plain-text bytes to a Document (kept for callers that know they hold text)."""
    text, encoding = decode(data, source)
    return document_from_text(text, source=source, data=data, fmt="text", meta={"encoding": encoding},
                              title=Path(source).stem.replace("_", " ") if source != "-" else "stdin")


def load(source: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES,
         timeout: float = DEFAULT_TIMEOUT) -> Document:
    """Load a path, ``-`` (stdin) or an http(s) URL into a Document (not yet segmented).

    The format is found from the content (and extension or HTTP content type): plain text in
    any common encoding, HTML, Markdown, DOCX, ODT, PDF with a text layer, RTF.
    """
    path = os.fsdecode(source)
    name = display_name(path)
    if is_url(name):
        fetched = fetch(name, max_bytes=max_bytes, timeout=timeout)
        return load_bytes(fetched.data, name, content_type=fetched.content_type, charset=fetched.charset,
                          meta=fetched.meta, retrieved=now_iso())
    if "://" in name[:12] and name.split("://", 1)[0].isalpha():
        raise LoadError(name, "only http:// and https:// addresses can be fetched")
    data = read_bytes(path, max_bytes=max_bytes)
    doc = load_bytes(data, name)
    if path != "-" and doc.format == "text":
        doc = apply_sidecar(doc, Path(path))
    return doc


def from_pasted_text(text: str, title: str = "Pasted text") -> Document:
    data = text.encode("utf-8")
    from .text import normalise_newlines

    return document_from_text(normalise_newlines(text), source="clipboard", data=data, fmt="text",
                              title=title, retrieved=now_iso())
