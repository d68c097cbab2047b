"""PDFs with a text layer (pypdf). Scanned pages have no text to read: that is said, not guessed.

pypdf's layout mode leaves a blank line where the vertical gap between lines is larger than
the line spacing; those gaps are the paragraph breaks. Lines inside a paragraph are joined
(a line ending in a hyphen is joined without a space, keeping the hyphen: "son-in-" + "law").
"""
from __future__ import annotations

import io
import logging
import re

from ..errors import LoadError
from .limits import MAX_PDF_CONTENT_BYTES, MAX_PDF_PAGES, format_size
from .result import Extracted
from .text import join_paragraphs

_BLANK_LINES = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"[.!?…:\"”»)\]]$")


def _page_paragraphs(page) -> list[str]:
    from pypdf.errors import LimitReachedError

    try:
        raw = page.extract_text(extraction_mode="layout")
    except LimitReachedError:
        raise  # a decompression bomb: plain mode would only return "" and hide it
    except Exception:  # layout mode fails on a few odd fonts; plain mode still gets the words
        raw = page.extract_text() or ""
    paragraphs = []
    for block in _BLANK_LINES.split(raw):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        out = lines[0]
        for line in lines[1:]:
            out = out + line if out.endswith("-") and not out.endswith(" -") else f"{out} {line}"
        paragraphs.append(out)
    return paragraphs


def _check_size(reader, source: str) -> None:
    pages = len(reader.pages)
    if pages > MAX_PDF_PAGES:
        raise LoadError(source, f"PDF has {pages:,} pages; the limit is {MAX_PDF_PAGES:,}")


def _content_size(page) -> int:
    """Bytes of the page's (unpacked) content stream: the text extractor's work grows with it."""
    contents = page.get_contents()
    return 0 if contents is None else len(contents.get_data())


def read_pdf(data: bytes, source: str) -> Extracted:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except (DependencyError, NotImplementedError):
                opened = 0
            if not opened:
                raise LoadError(source, "PDF is encrypted (password protected); open it and save an unprotected copy")
        paragraphs: list[str] = []
        _check_size(reader, source)
        budget = MAX_PDF_CONTENT_BYTES
        for page in reader.pages:
            budget -= _content_size(page)
            if budget < 0:
                raise LoadError(source, f"PDF's pages hold more than {format_size(MAX_PDF_CONTENT_BYTES)} "
                                        "of drawing instructions (the limit); refused")
            found = _page_paragraphs(page)
            # a page that ends mid-sentence ends mid-paragraph: the next page continues it
            if paragraphs and found and not _SENTENCE_END.search(paragraphs[-1]):
                paragraphs[-1] = f"{paragraphs[-1]} {found.pop(0)}"
            paragraphs.extend(found)
        pages = len(reader.pages)
    except LoadError:
        raise
    except FileNotDecryptedError:
        raise LoadError(source, "PDF is encrypted (password protected)") from None
    except LimitReachedError:
        raise LoadError(source, "PDF holds a stream that unpacks to more than pypdf's limit "
                                "(a decompression bomb?); refused") from None
    except MemoryError:
        raise LoadError(source, "PDF needs more memory than this machine has to be read") from None
    except Exception as exc:  # noqa: BLE001 - pypdf meets damaged files with any error type
        raise LoadError(source, f"PDF is damaged or truncated ({type(exc).__name__})") from None
    text = join_paragraphs(paragraphs)
    if not text.strip():
        raise LoadError(source, "PDF has no text layer (scanned?); run OCR on it first")
    title, meta = _pdf_info(reader)
    meta["pages"] = pages
    return Extracted(text, title, meta)


def _pdf_info(reader) -> tuple[str | None, dict[str, object]]:
    """Title and author from the document information, if they can be read (optional)."""
    meta: dict[str, object] = {}
    try:
        info = reader.metadata
        if info is None:
            return None, meta
        title = (str(info.title or "")).strip() or None
        if info.author:
            meta["author"] = str(info.author).strip()
    except Exception:  # noqa: BLE001 - a damaged information dictionary costs only the title
        return None, meta
    return title, meta
