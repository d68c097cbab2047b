"""Decoding text bytes (BOMs, UTF-16, legacy code pages, line endings) and tidying text.

The loaded text keeps its characters as decoded; only line endings are normalised to
``\n`` (a CRLF article and an LF article must align the same way), and trailing blank lines
are dropped. Offsets everywhere refer to the text this module returns.
"""
from __future__ import annotations

import codecs
import re

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


def binary_reason(data: bytes) -> str:
    """Why ``data`` is not read as text, saying where: the first NUL byte's place, or the
    share of control characters."""
    sample = data[:8192]
    nul = sample.find(b"\x00")
    if nul >= 0:
        line = sample.count(b"\n", 0, nul) + 1
        column = nul - (sample.rfind(b"\n", 0, nul) + 1) + 1
        return (f"is not plain text: it has a NUL byte (0x00) at line {line}, column {column} "
                f"(byte {nul:,}); a binary file, or text damaged there")
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return (f"looks like a binary file, not text ({controls:,} control characters in its first "
            f"{len(sample):,} bytes)")


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Return (text, encoding name). Raises LoadError when the bytes are not text."""
    if looks_binary(data):
        raise LoadError(source, binary_reason(data))
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
    text, name = guess_legacy(data)
    if text is None:
        raise LoadError(source, "undecodable text: no known encoding fits these bytes")
    return normalise_newlines(text), name


# Single-byte code pages news text comes in, most common first (the order breaks ties).
LEGACY_ENCODINGS = ("cp1252", "cp1251", "cp1250", "koi8_r", "koi8_u", "cp1253", "cp1254", "cp1257",
                    "iso8859_15", "cp1255", "cp1256", "mac_cyrillic", "cp866")
_COMMON_MARKS = set("’‘“”„«»–—…€£°§©®·×½¼¾•¡¿\u00a0\u2009\u202f")
_WORD = re.compile(r"[^\W\d_]+")


def implausibility(text: str) -> float:
    """How unlike real prose a decoding is: share of odd characters among the non-ASCII ones.

    Odd: symbols and control characters where letters should be, words that switch script
    (Latin ↔ Cyrillic/Greek) or go from lower to upper case ("ZŁrich"), and Latin text whose
    letters are mostly accented (a Cyrillic or Greek text read in a Western code page).
    """
    non_ascii = [ch for ch in text if ord(ch) > 127]
    if not non_ascii:
        return 0.0
    bad = sum(1 for ch in non_ascii if not ch.isalpha() and ch not in _COMMON_MARKS)
    letters = accented = 0
    for word in _WORD.findall(text):
        letters += len(word)
        extra = [ch for ch in word if ord(ch) > 127]
        if not extra:
            continue
        accented += sum(1 for ch in extra if ord(ch) < 0x250)
        scripts = {_script(ch) for ch in word}
        if len(scripts) > 1 or any(a.islower() and b.isupper() for a, b in zip(word, word[1:])):
            bad += 1
    if letters and accented > 0.4 * letters:
        bad += accented
    return bad / len(non_ascii)


def _script(ch: str) -> str:
    code = ord(ch)
    if code < 0x250:
        return "latin"
    if 0x370 <= code < 0x400:
        return "greek"
    if 0x400 <= code < 0x530:
        return "cyrillic"
    return "other"


def _main_script(text: str) -> str:
    counts: dict[str, int] = {}
    for ch in text:
        if ord(ch) > 127 and ch.isalpha():
            counts[_script(ch)] = counts.get(_script(ch), 0) + 1
    return max(counts, key=counts.__getitem__) if counts else "latin"


def guess_legacy(data: bytes) -> tuple[str | None, str]:
    """Decode bytes in the single-byte code page that reads most like prose.

    charset-normalizer alone often misreads short French or German text as a Baltic code page;
    its choice only breaks a tie between equally plausible readings in different scripts.
    """
    scored: list[tuple[float, int, str, str]] = []
    for rank, name in enumerate(LEGACY_ENCODINGS):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        scored.append((implausibility(text), rank, name, text))
    if not scored:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        return (str(best), best.encoding) if best is not None and best.encoding else (None, "")
    scored.sort()
    tied = [item for item in scored if item[0] <= scored[0][0] + 1e-9]
    if len({_main_script(item[3]) for item in tied}) > 1:  # e.g. Greek vs Cyrillic: ask for a second opinion
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        for item in tied:
            if best is not None and best.encoding == item[2]:
                return item[3], item[2]
    return scored[0][3], scored[0][2]


def normalise_newlines(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.rstrip("\n \t") + ("\n" if text.strip() else "")


_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KB (``<meta charset>``), if known."""
    match = _HTML_CHARSET.search(data[:4096])
    if not match:
        return None
    return text_codec(match.group(1).decode("ascii", "replace"))


# text codecs Python has that are not character sets a page can be written in
_NOT_CHARSETS = {"idna", "punycode", "unicode-escape", "raw-unicode-escape", "undefined"}


def text_codec(name: str | None) -> str | None:
    """The codec ``name`` stands for if it decodes bytes to text, else None: ``base64``,
    ``rot13``, ``zlib`` and the like (which a page can declare) are not text encodings."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name).name
    except (LookupError, ValueError, TypeError):  # ValueError: a NUL in the name
        return None
    try:
        b"x".decode(codec)  # LookupError for bytes-to-bytes and text-to-text codecs
    except (LookupError, TypeError):
        return None
    except (UnicodeError, ValueError):
        pass  # a text encoding that does not take this one byte
    return None if codec in _NOT_CHARSETS else codec


def decode_with_hint(data: bytes, source: str, hint: str | None) -> tuple[str, str]:
    """Decode using a declared charset (HTTP header or ``<meta>``) when it fits, else detect.

    A BOM always wins. A declared charset that does not decode the bytes is ignored (pages
    often lie about it); ``latin-1``/``ascii`` declarations are read as Windows-1252, as
    browsers do.
    """
    if hint and not any(data.startswith(bom) for bom, _ in _BOMS):
        name = text_codec(hint)
        if name in ("latin-1", "iso8859-1", "ascii"):
            name = "cp1252"
        if name and not looks_binary(data):
            try:
                return normalise_newlines(data.decode(name)), name
            except (UnicodeError, LookupError, ValueError):
                pass
    return decode(data, source)


# Characters a Windows-1252 (or Latin-1) decoder produces from bytes 0x80-0xFF.
_CP1252_HIGH = "".join(sorted({bytes([b]).decode("cp1252", "ignore") or chr(b) for b in range(0x80, 0x100)}))
_MOJIBAKE_RUN = re.compile("[" + re.escape(_CP1252_HIGH) + "]{2,}")
_LEAD = set("ÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ")


def _as_cp1252_bytes(run: str) -> bytes | None:
    out = bytearray()
    for ch in run:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) < 256:  # bytes cp1252 leaves undefined come through Latin-1 as C1 controls
                out.append(ord(ch))
            else:
                return None
    return bytes(out)


def repair_mojibake(text: str) -> tuple[str, int]:
    """Undo UTF-8 text that was decoded as Windows-1252 ("â€™" → "’"), run by run.

    A run is replaced only when its Windows-1252 bytes are strictly valid UTF-8 that decodes
    to non-ASCII characters and encodes back to exactly those bytes; ordinary accented words
    ("été", "Zürich") never pass that test. Returns the text and the number of runs repaired.
    """
    if not any(ch in _LEAD for ch in text):
        return text, 0
    count = 0

    def fix(match: re.Match[str]) -> str:
        nonlocal count
        run = match.group()
        raw = _as_cp1252_bytes(run)
        if raw is None:
            return run
        fixed_parts: list[str] = []
        pos = 0
        # repair each valid multi-byte UTF-8 character inside the run, keep the rest as it was
        while pos < len(raw):
            lead = raw[pos]
            size = 2 if 0xC2 <= lead <= 0xDF else 3 if 0xE0 <= lead <= 0xEF else 4 if 0xF0 <= lead <= 0xF4 else 0
            piece = None
            if size and pos + size <= len(raw):
                try:
                    piece = raw[pos:pos + size].decode("utf-8")
                except UnicodeDecodeError:
                    piece = None
            if piece is not None and piece.encode("utf-8") == raw[pos:pos + size]:
                fixed_parts.append(piece)
                pos += size
            else:
                fixed_parts.append(run[pos])  # one character per byte in a cp1252 run
                pos += 1
        fixed = "".join(fixed_parts)
        if fixed != run:
            count += 1
        return fixed

    return _MOJIBAKE_RUN.sub(fix, text), count


def clean_paragraph(text: str) -> str:
    """One paragraph on one line: inner line breaks and runs of white space become one space."""
    return " ".join(text.split())


def join_paragraphs(paragraphs: list[str]) -> str:
    """Article text with one paragraph per line (what the segmenter expects), blank ones dropped."""
    lines = [clean_paragraph(p) for p in paragraphs]
    return "\n".join(line for line in lines if line) + "\n" if any(lines) else ""
