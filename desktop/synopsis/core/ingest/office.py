"""Word (.docx) and OpenDocument (.odt) files: paragraphs in reading order, tables included.

Both are zip archives; :func:`zip_kind` tells them apart by content, so a ``.docx`` that is
really a zip of something else is refused with a clear reason instead of a parser error.
"""
from __future__ import annotations

import io
import zipfile
import zlib

from ..errors import LoadError
from .archive import check_archive
from .result import Extracted
from .text import join_paragraphs

ODT_MIME = b"application/vnd.oasis.opendocument.text"


def _mimetype(archive: zipfile.ZipFile) -> bytes:
    """The ODF ``mimetype`` member (a short line; a long one is not an ODF marker)."""
    try:
        info = archive.getinfo("mimetype")
    except KeyError:
        return b""
    return archive.read(info).strip() if info.file_size <= 256 else b""


def zip_kind(data: bytes, source: str) -> str:
    """``"docx"`` or ``"odt"`` for a zip archive, else LoadError naming what it is."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return "docx"
            mimetype = _mimetype(archive)
            if mimetype == ODT_MIME:
                return "odt"
            if "content.xml" in names and mimetype:
                kind = mimetype.decode("ascii", "replace")[:80]
                raise LoadError(source, f"is an OpenDocument file of another kind ({kind}), not a text document")
            if "xl/workbook.xml" in names or "ppt/presentation.xml" in names:
                raise LoadError(source, "is a spreadsheet or presentation, not a Word document")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error):
        raise LoadError(source, "is a damaged or truncated zip archive (not a readable .docx/.odt)") from None
    except (OSError, KeyError, RuntimeError, ValueError, NotImplementedError) as exc:
        raise LoadError(source, f"zip archive cannot be read ({type(exc).__name__}: {exc})") from None
    raise LoadError(source, "is a zip archive, but not a Word (.docx) or OpenDocument (.odt) document")


def _docx_paragraphs(document) -> list[str]:
    """Paragraph texts in reading order, table cells included (a merged cell once)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    paragraphs: list[str] = []

    def walk_table(table: Table) -> None:
        for row in table.rows:
            seen: set[int] = set()
            for cell in row.cells:
                if id(cell._tc) in seen:  # a merged cell repeats across the row
                    continue
                seen.add(id(cell._tc))
                for block in cell.iter_inner_content():
                    if isinstance(block, Paragraph):
                        paragraphs.append(block.text)
                    else:
                        walk_table(block)

    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            paragraphs.append(block.text)
        else:
            walk_table(block)
    return paragraphs


def read_docx(data: bytes, source: str) -> Extracted:
    check_archive(data, source, "docx")
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        paragraphs = _docx_paragraphs(document)
        props = document.core_properties
        meta = {key: value for key, value in (("author", props.author),) if value}
        if props.created is not None:
            meta["created"] = props.created.isoformat()
        title = (props.title or "").strip() or None
    except Exception as exc:  # python-docx raises KeyError, lxml, zip and value errors for broken files
        raise LoadError(source, f"is not a readable Word document ({type(exc).__name__})") from None
    if (meta.get("author"), meta.get("created")) == _TEMPLATE_PROPERTIES or meta.get("author") == "python-docx":
        meta = {}    # the python-docx template's own author and date, not the article's
    return Extracted(join_paragraphs(paragraphs), title, meta)


# what a file made from python-docx's default template says about itself
_TEMPLATE_PROPERTIES = ("python-docx", "2013-12-23T23:15:00+00:00")


def _odt_paragraphs(body) -> list[str]:
    from odf import teletype
    from odf.namespaces import TEXTNS

    paragraphs: list[str] = []

    def walk(node) -> None:
        for child in node.childNodes:
            if getattr(child, "qname", None) in ((TEXTNS, "p"), (TEXTNS, "h")):
                paragraphs.append(teletype.extractText(child))
            elif child.nodeType == child.ELEMENT_NODE:
                walk(child)

    walk(body)
    return paragraphs


def _odt_meta(document) -> tuple[str | None, dict[str, str]]:
    from odf import dc, meta as odf_meta, teletype

    meta: dict[str, str] = {}
    title = None
    try:
        for el in document.meta.getElementsByType(dc.Title):
            title = teletype.extractText(el).strip() or None
        for el in document.meta.getElementsByType(odf_meta.InitialCreator):
            meta["author"] = teletype.extractText(el).strip()
    except Exception:  # metadata is optional; the text is what matters
        pass
    return title, {k: v for k, v in meta.items() if v}


def read_odt(data: bytes, source: str) -> Extracted:
    check_archive(data, source, "odt")
    from odf.opendocument import load as load_odf

    try:
        document = load_odf(io.BytesIO(data))
        body = document.text
        paragraphs = _odt_paragraphs(body) if body is not None else None
    except Exception as exc:  # odfpy surfaces zip, XML and key errors as they come
        raise LoadError(source, f"is not a readable OpenDocument text ({type(exc).__name__})") from None
    if paragraphs is None:  # odfpy swallows a content.xml it cannot parse and leaves no body
        raise LoadError(source, "is not a readable OpenDocument text (its content.xml is not "
                                "well-formed XML, or has no text body)")
    title, meta = _odt_meta(document)
    return Extracted(join_paragraphs(paragraphs), title, meta)
