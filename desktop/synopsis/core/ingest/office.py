"""Word (.docx) and OpenDocument (.odt) files: paragraphs in reading order, tables included.

Both are zip archives; :func:`zip_kind` tells them apart by content, so a ``.docx`` that is
really a zip of something else is refused with a clear reason instead of a parser error.
"""
from __future__ import annotations

import io
import zipfile

from ..errors import LoadError
from .result import Extracted
from .text import join_paragraphs

ODT_MIME = b"application/vnd.oasis.opendocument.text"


def zip_kind(data: bytes, source: str) -> str:
    """``"docx"`` or ``"odt"`` for a zip archive, else LoadError naming what it is."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "mimetype" in names and archive.read("mimetype").strip() == ODT_MIME:
                return "odt"
            if "content.xml" in names and "mimetype" in names:
                kind = archive.read("mimetype").decode("ascii", "replace").strip()
                raise LoadError(source, f"is an OpenDocument file of another kind ({kind}), not a text document")
            if "xl/workbook.xml" in names or "ppt/presentation.xml" in names:
                raise LoadError(source, "is a spreadsheet or presentation, not a Word document")
    except zipfile.BadZipFile:
        raise LoadError(source, "is a damaged or truncated zip archive (not a readable .docx/.odt)") from None
    except (OSError, KeyError, RuntimeError) as exc:
        raise LoadError(source, f"zip archive cannot be read ({exc})") from None
    raise LoadError(source, "is a zip archive, but not a Word (.docx) or OpenDocument (.odt) document")


def read_docx(data: bytes, source: str) -> Extracted:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError, lxml and zip errors for broken files
        raise LoadError(source, f"is not a readable Word document ({type(exc).__name__})") from None
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
    props = document.core_properties
    meta = {key: value for key, value in (("author", props.author),) if value}
    if props.created is not None:
        meta["created"] = props.created.isoformat()
    if (meta.get("author"), meta.get("created")) == _TEMPLATE_PROPERTIES or meta.get("author") == "python-docx":
        meta = {}    # the python-docx template's own author and date, not the article's
    return Extracted(join_paragraphs(paragraphs), (props.title or "").strip() or None, meta)


# what a file made from python-docx's default template says about itself
_TEMPLATE_PROPERTIES = ("python-docx", "2013-12-23T23:15:00+00:00")


def read_odt(data: bytes, source: str) -> Extracted:
    from odf import teletype
    from odf.namespaces import TEXTNS
    from odf.opendocument import load as load_odf

    try:
        document = load_odf(io.BytesIO(data))
    except Exception as exc:  # odfpy surfaces zip, XML and key errors as they come
        raise LoadError(source, f"is not a readable OpenDocument text ({type(exc).__name__})") from None
    paragraphs: list[str] = []

    def walk(node) -> None:
        for child in node.childNodes:
            if getattr(child, "qname", None) in ((TEXTNS, "p"), (TEXTNS, "h")):
                paragraphs.append(teletype.extractText(child))
            elif child.nodeType == child.ELEMENT_NODE:
                walk(child)

    walk(document.text)
    meta: dict[str, str] = {}
    title = None
    try:
        from odf import dc, meta as odf_meta

        for el in document.meta.getElementsByType(dc.Title):
            title = teletype.extractText(el).strip() or None
        for el in document.meta.getElementsByType(odf_meta.InitialCreator):
            meta["author"] = teletype.extractText(el).strip()
    except Exception:  # metadata is optional; the text is what matters
        pass
    return Extracted(join_paragraphs(paragraphs), title, {k: v for k, v in meta.items() if v})
