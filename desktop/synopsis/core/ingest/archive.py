"""Checking a DOCX or ODT archive before any library unpacks it.

The parsers (python-docx, odfpy) read every member of the zip into memory, so a 1 MB archive
whose members claim gigabytes (a zip bomb) is refused here from its directory alone: a zip
member never unpacks to more than the size its directory entry states (Python's ``zipfile``
stops there and fails the checksum), so the stated sizes are a real bound.

The XML parts are then read (within that bound) and refused if they declare a document type
(``<!DOCTYPE`` / ``<!ENTITY``): Word and LibreOffice never write one, and entities are how an
XML file expands itself (a "billion laughs") or, with python-docx, silently loses the text
after an entity reference.
"""
from __future__ import annotations

import io
import lzma
import zipfile
import zlib

from ..errors import LoadError
from .limits import MAX_MEMBERS, MAX_UNPACKED_BYTES, MAX_XML_BYTES, format_size

_XML_SUFFIXES = (".xml", ".rels")
_MEDIA_FOLDERS = ("word/media/", "media/", "pictures/", "thumbnails/")
_DECLARATIONS = tuple(marker.encode(codec) for marker in ("<!DOCTYPE", "<!ENTITY", "<!doctype")
                      for codec in ("utf-8", "utf-16-le", "utf-16-be"))
_XML_STARTS = (b"<", b"\xef\xbb\xbf<", b"\xff\xfe<", b"\xfe\xff\x00<")


def _xml_parts(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> list[tuple[str, bytes]]:
    """(name, bytes) of every member a parser may read as XML: named so, or looking so
    (a package may name its main part anything); images and thumbnails are left out."""
    parts = []
    for member in members:
        name = member.filename.lower()
        if member.is_dir() or (name.startswith(_MEDIA_FOLDERS) and not name.endswith(_XML_SUFFIXES)):
            continue
        content = archive.read(member)
        if name.endswith(_XML_SUFFIXES) or content.lstrip()[:4].startswith(_XML_STARTS):
            parts.append((member.filename, content))
    return parts


def check_archive(data: bytes, source: str, kind: str) -> None:
    """Refuse an archive that unpacks to too much or whose XML declares entities."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise LoadError(source, f"the {kind} archive holds {len(members):,} files; "
                                        f"the limit is {MAX_MEMBERS:,}")
            total = sum(m.file_size for m in members)
            if total > MAX_UNPACKED_BYTES:
                raise LoadError(source, f"the {kind} archive would unpack to {format_size(total)}; "
                                        f"the limit is {format_size(MAX_UNPACKED_BYTES)} (a zip bomb?)")
            xml = _xml_parts(archive, members)
            xml_total = sum(len(content) for _, content in xml)
            if xml_total > MAX_XML_BYTES:
                raise LoadError(source, f"the {kind}'s XML would unpack to {format_size(xml_total)}; "
                                        f"the limit is {format_size(MAX_XML_BYTES)}")
            for name, content in xml:
                if any(marker in content for marker in _DECLARATIONS):
                    raise LoadError(source, f"{name} declares an XML document type or entities, "
                                            f"which {kind.upper()} files never have; refused")
    except LoadError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error, lzma.LZMAError):
        raise LoadError(source, f"is a damaged or truncated zip archive (not a readable .{kind})") from None
    except (OSError, RuntimeError, ValueError, NotImplementedError, KeyError) as exc:
        # RuntimeError: an encrypted member; NotImplementedError: an unknown compression method
        raise LoadError(source, f"zip archive cannot be read ({type(exc).__name__}: {exc})") from None
