"""Saved web pages: the article's main text via trafilatura, without menus, banners or scripts.

Title, outlet (site name), author and date come from trafilatura's metadata (``og:`` tags,
JSON-LD, bylines). The headline is kept as the document title and dropped from the first line
of the text, so a page and the same article pasted as text segment alike.
"""
from __future__ import annotations

import logging
import re

from ..errors import LoadError
from .result import Extracted
from .text import decode_with_hint, declared_charset, join_paragraphs

_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)


def looks_like_html(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    return bool(_HTML_START.match(head))


_MIN_WORDS = 5  # fewer words than a headline: a menu link or a title, not an article
_SKIP = {"nav", "aside", "footer", "header", "form", "script", "style", "noscript", "figure",
         "figcaption", "button", "template", "svg", "iframe"}
_BLOCKS = {"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre"}


def article_blocks(markup: str) -> list[str]:
    """Paragraph texts of the page's ``<article>`` (else ``<main>``), outside menus and asides."""
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(markup)
    except Exception:  # noqa: BLE001 - lxml's parser errors vary; this is only a second opinion
        return []
    scope = next(iter(root.xpath("//article") or root.xpath("//main")), None)
    if scope is None:
        return []
    out: list[str] = []

    def walk(node) -> None:
        for child in node:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in _SKIP or "cookie" in (child.get("class", "") + child.get("id", "")).lower():
                continue
            if tag in _BLOCKS:
                out.append(" ".join(child.text_content().split()))
            else:
                walk(child)

    walk(scope)
    return [p for p in out if p]


def read_html(data: bytes, source: str, charset: str | None = None) -> Extracted:
    """Extract the article from HTML bytes; ``charset`` is the HTTP header's, if any."""
    try:
        import trafilatura
    except ImportError as exc:  # an install that lost a dependency (lxml_html_clean, once)
        raise LoadError(source, f"cannot read HTML: the library {exc.name or 'it needs'} is not installed "
                                "(reinstall Synopsis)") from None

    text, encoding = decode_with_hint(data, source, charset or declared_charset(data))
    # trafilatura logs (at WARNING) about pages it finds empty; the LoadError below says it once
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    try:
        found = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False,
                                            include_tables=True, include_images=False,
                                            favor_recall=True,
                                            date_extraction_params={"extensive_search": False,
                                                                    "original_date": True})
    except Exception as exc:  # the parser's own errors vary by page; none should escape as a traceback
        raise LoadError(source, f"HTML could not be parsed ({type(exc).__name__})") from None
    body = getattr(found, "text", None) if found is not None else None
    if not body or len(body.split()) < _MIN_WORDS:
        raise LoadError(source, "no article text found in this HTML page")
    title = (found.title or "").strip() or None
    paragraphs = body.splitlines()
    if len(paragraphs) <= 2:
        # on short pages trafilatura falls back to a baseline that runs paragraphs together
        blocks = article_blocks(text)
        if len(blocks) > len(paragraphs) and len(" ".join(blocks)) >= 0.6 * len(body):
            paragraphs = blocks
    if title and paragraphs and " ".join(paragraphs[0].split()) == " ".join(title.split()):
        paragraphs = paragraphs[1:]
    meta: dict[str, str] = {"encoding": encoding}
    for key, value in (("outlet", found.sitename), ("author", found.author), ("published", found.date),
                       ("canonical_url", found.url), ("description", found.description)):
        if value and str(value).strip():
            meta[key] = str(value).strip()
    return Extracted(join_paragraphs(paragraphs), title, meta)
