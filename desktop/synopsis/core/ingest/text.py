"""Decoding plain-text bytes: BOMs, UTF-16, legacy code pages, line endings.

The loaded text keeps its characters as decoded; only line endings are normalised to
``\n`` (a CRLF article and an LF article must align the same way), and trailing blank lines
are dropped. Offsets everywhere refer to the text this module returns.
"""
from __future__ import annotations

import codecs

from ..errors import LoadError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding we read (NULs outside UTF-16/32)."""
    sample = data[:8192]
    if not sample:
        return False
    for bom, _ in _BOMS:
        if sample.startswith(bom):
            return False
    if b"\x00" in sample:
        # UTF-16 without BOM: every other byte NUL in ASCII-heavy text
        even = sample[0::2].count(0)
        odd = sample[1::2].count(0)
        half = len(sample) / 2
        return not (odd > 0.3 * half and even < 0.05 * half or even > 0.3 * half and odd < 0.05 * half)
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > 0.1 * len(sample)


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Return (text, encoding name). Raises LoadError when the bytes are not text."""
    if looks_binary(data):
        raise LoadError(source, "looks like a binary file, not text")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return normalise_newlines(data[len(bom):].decode(name)), name
            except UnicodeDecodeError as exc:
                raise LoadError(source, f"text marked {name} does not decode ({exc.reason})") from None
    try:
        return normalise_newlines(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:8192]:
        name = "utf-16-le" if data[1:8192:2].count(0) > data[0:8192:2].count(0) else "utf-16-be"
        try:
            return normalise_newlines(data.decode(name)), name
        except UnicodeDecodeError:
            raise LoadError(source, "undecodable text (not UTF-8, not UTF-16)") from None
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise LoadError(source, "undecodable text: no known encoding fits these bytes")
    return normalise_newlines(str(best)), best.encoding


def normalise_newlines(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.rstrip("\n \t") + ("\n" if text.strip() else "")
