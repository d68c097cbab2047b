"""Makers of hostile inputs, generated on the spot (no bomb is committed to the repository).

Used by the tests of each class of hostile input and by ``tests/hostile_battery.py``. The
bombs are real: their members really unpack to what their directories say, built fast by
repeating one fully flushed deflate block (each block stands alone after a full flush).
"""
from __future__ import annotations

import io
import json
import struct
import zipfile
import zlib
from pathlib import Path

MiB = 1 << 20
ARTICLE = ("Witkoff spent almost five hours with Russian President Vladimir Putin in Moscow on "
           "Tuesday. The Kremlin said no compromise had been reached on the territorial question.")

_DOCX_TYPES = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
               b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
               b'<Default Extension="xml" ContentType="application/xml"/>'
               b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
               b'officedocument.wordprocessingml.document.main+xml"/></Types>')
_DOCX_RELS = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
              b'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def deflate_repeated(chunk: bytes, times: int, *, wrapper: str = "raw") -> tuple[bytes, int]:
    """(compressed stream, crc32 or adler32) of ``chunk * times``, built in milliseconds."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.flush(zlib.Z_FINISH)
    body = block * times + tail
    if wrapper == "raw":
        crc = 0
        for _ in range(times):
            crc = zlib.crc32(chunk, crc)
        return body, crc
    adler = 1
    for _ in range(times):
        adler = zlib.adler32(chunk, adler)
    return b"\x78\xda" + body + struct.pack(">I", adler), adler


def build_zip(members: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A zip from (name, stored bytes, method, crc32, unpacked size): the directory tells the
    truth (method 8 members are raw deflate streams)."""
    out = io.BytesIO()
    central = []
    for name, data, method, crc, size in members:
        offset = out.tell()
        raw = name.encode()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, crc, len(data), size,
                              len(raw), 0) + raw + data)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0x21, crc,
                                   len(data), size, len(raw), 0, 0, 0, 0, 0, offset) + raw)
    start = out.tell()
    directory = b"".join(central)
    out.write(directory)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(directory), start, 0))
    return out.getvalue()


def _stored(name: str, data: bytes) -> tuple[str, bytes, int, int, int]:
    return name, data, 0, zlib.crc32(data), len(data)


def docx_bomb(unpacked: int = 300 * MiB) -> bytes:
    """A DOCX whose document.xml really unpacks to ``unpacked`` bytes (of white space)."""
    times = unpacked // MiB
    body, crc = deflate_repeated(b" " * MiB, times)
    return build_zip([_stored("[Content_Types].xml", _DOCX_TYPES), _stored("_rels/.rels", _DOCX_RELS),
                      ("word/document.xml", body, 8, crc, times * MiB)])


def docx_with(document_xml: bytes) -> bytes:
    """A minimal DOCX (stored, not compressed) around ``document_xml``."""
    return build_zip([_stored("[Content_Types].xml", _DOCX_TYPES), _stored("_rels/.rels", _DOCX_RELS),
                      _stored("word/document.xml", document_xml)])


def docx_paragraphs(paragraphs: list[str], *, prolog: bytes = b"") -> bytes:
    runs = b"".join(b"<w:p><w:r><w:t>" + p.encode() + b"</w:t></w:r></w:p>" for p in paragraphs)
    return docx_with(b'<?xml version="1.0" encoding="UTF-8"?>' + prolog + b"<w:document " + _W
                     + b"><w:body>" + runs + b"</w:body></w:document>")


def docx_with_entity() -> bytes:
    """A DOCX whose text uses an XML entity (python-docx dropped the rest of the paragraph)."""
    return docx_paragraphs(["Witkoff met &who; in Moscow on Tuesday and talked for five hours.",
                            ARTICLE], prolog=b'<!DOCTYPE w:document [<!ENTITY who "Vladimir Putin">]>')


def docx_billion_laughs() -> bytes:
    lol = b"".join(b'<!ENTITY l%d "&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;">' % ((i,) + (i - 1,) * 10)
                   for i in range(1, 10))
    return docx_paragraphs(["&l9;", ARTICLE], prolog=b'<!DOCTYPE w:document [<!ENTITY l0 "lol">' + lol + b"]>")


def docx_xml_heavy(size: int = 70 * MiB) -> bytes:
    """Plausible XML past the XML limit (many empty paragraphs), small as a file."""
    paragraph = b"<w:p/>" * (MiB // 6)
    times = size // len(paragraph) + 1
    body, crc = deflate_repeated(paragraph, times)
    return build_zip([_stored("[Content_Types].xml", _DOCX_TYPES), _stored("_rels/.rels", _DOCX_RELS),
                      ("word/document.xml", body, 8, crc, times * len(paragraph))])


def odt_not_xml() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "this is <<< not XML at all")
        archive.writestr("META-INF/manifest.xml", '<?xml version="1.0"?><manifest:manifest '
                         'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>')
    return buf.getvalue()


def zip_many_members(count: int = 12_000) -> bytes:
    return build_zip([_stored("word/document.xml", b"<x/>")]
                     + [_stored(f"m/{i}.bin", b"") for i in range(count)])


def pdf_bomb(unpacked: int = 80 * MiB) -> bytes:
    """A one-page PDF whose content stream inflates to ``unpacked`` bytes of white space."""
    stream, _ = deflate_repeated(b" " * MiB, unpacked // MiB, wrapper="zlib")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def html_page(text: str = ARTICLE, *, charset: str = "utf-8", title: str = "Witkoff meets Putin",
              outlet: str | None = None) -> bytes:
    meta = f'<meta property="og:site_name" content="{outlet}">' if outlet else ""
    paragraphs = "".join(f"<p>{text}</p>" for _ in range(3))
    return (f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title>{meta}</head>'
            f"<body><article><h1>{title}</h1>{paragraphs}</article></body></html>").encode("ascii", "replace")


def deep_json(depth: int = 100_000) -> bytes:
    return ('{"articles": ' + "[" * depth + "]" * depth + "}").encode()


def manifest(articles: object) -> bytes:
    return json.dumps({"articles": articles}).encode()


def terminal_attack() -> str:
    """Article text carrying OSC sequences: a window title, a clipboard write, a hidden line."""
    return ("Witkoff met Putin in Moscow on Tuesday.\x1b]0;HACKED TITLE\x07 The talks lasted five hours.\n"
            "The Kremlin said no compromise was reached.\x1b]52;c;ZWNobyBwd25lZA==\x07 Talks go on.\n"
            "Fake line\rOfficials said the deal was signed.\x1b[2J\x9b31m\n")


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path
