"""The bounds every reader keeps, and the one bounded reader of files, pipes and standard input.

A source is read in chunks and abandoned as soon as it passes ``max_bytes`` (20 MiB unless
``--max-size`` says otherwise), whatever it is: a file, a pipe (``<(yes)``), a device
(``/dev/zero``) or standard input. Archives (DOCX, ODT) are checked before they are unpacked:
their members may not add up to more than :data:`MAX_UNPACKED_BYTES`, their XML to more than
:data:`MAX_XML_BYTES`, and they may not hold more than :data:`MAX_MEMBERS` files. A PDF may
not have more than :data:`MAX_PDF_PAGES` pages or :data:`MAX_PDF_CONTENT_BYTES` of page content
(each stream is also held to pypdf's own decompression limit).
"""
from __future__ import annotations

import errno
import os
import stat
import sys
from typing import BinaryIO

from ..errors import LoadError

_CHUNK = 1 << 20
MAX_UNPACKED_BYTES = 256 * 1024 * 1024  # every member of a DOCX/ODT together, images included
MAX_XML_BYTES = 64 * 1024 * 1024  # the XML parts together (the text lives there)
MAX_MEMBERS = 10_000
# pypdf's text extraction takes about 0.25 s per MiB of page content (measured on white space):
# a PDF is refused past this much content in all, or this many pages
MAX_PDF_CONTENT_BYTES = 32 * 1024 * 1024
MAX_PDF_PAGES = 5_000


def format_size(size: int) -> str:
    """``"512 bytes"``, ``"1.5 KiB"``, ``"20 MiB"``, ``"2.1 GiB"`` (binary units, one decimal at most)."""
    if size < 1024:
        return f"{size:,} byte" + ("" if size == 1 else "s")
    for unit, scale in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if size >= scale:
            value = f"{size / scale:.1f}".removesuffix(".0")
            return f"{value} {unit}"
    raise AssertionError("unreachable")


def over_limit(what: str, size: int | None, limit: int) -> str:
    """``"file is 21.5 MiB; the limit is 20 MiB"``, exact in bytes where rounding would hide
    the difference; ``size`` None: only known to be larger."""
    if size is None:
        return f"{what} is larger than the limit of {format_size(limit)}"
    shown, bound = format_size(size), format_size(limit)
    if shown == bound:
        shown, bound = f"{size:,} bytes", f"{limit:,} bytes"
    return f"{what} is {shown}; the limit is {bound}"


def display_name(name: str) -> str:
    """A file name fit to show and store: bytes that are not UTF-8 become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def read_capped(stream: BinaryIO, max_bytes: int, name: str, what: str = "input") -> bytes:
    """Read ``stream`` to its end, refusing it once it passes ``max_bytes``."""
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read(min(_CHUNK, max_bytes + 1 - size))
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise LoadError(name, over_limit(what, None, max_bytes)
                            + " (it did not end within the limit)")
        chunks.append(chunk)


def _stat(path: str, name: str) -> os.stat_result:
    try:
        return os.stat(path)
    except FileNotFoundError:
        if os.path.lexists(path):
            raise LoadError(name, f"is a broken symbolic link (to {display_name(os.readlink(path))}, "
                                  "which does not exist)") from None
        raise LoadError(name, "no such file") from None
    except PermissionError:
        raise LoadError(name, "permission denied") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise LoadError(name, "is a symbolic link loop (it points back to itself)") from None
        if exc.errno == errno.ENOTDIR:
            raise LoadError(name, "no such file (a part of the path is a file, not a folder)") from None
        if exc.errno == errno.ENAMETOOLONG:
            raise LoadError(name, "the file name is too long") from None
        raise LoadError(name, f"cannot be read ({exc.strerror or exc})") from None
    except ValueError:  # a NUL character in the name
        raise LoadError(name, "is not a possible file name (it contains a NUL character)") from None


def read_source_bytes(path: str, *, max_bytes: int) -> bytes:
    """The bytes of a file, a pipe, a device or ``-`` (standard input), at most ``max_bytes``."""
    name = display_name(path)
    if path == "-":
        return read_capped(sys.stdin.buffer, max_bytes, "standard input", "standard input")
    info = _stat(path, name)
    if stat.S_ISDIR(info.st_mode):
        raise LoadError(name, "is a directory, not a file")
    if stat.S_ISBLK(info.st_mode):
        raise LoadError(name, "is a disk device, not a file")
    if stat.S_ISSOCK(info.st_mode):
        raise LoadError(name, "is a socket, not a file")
    if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
        raise LoadError(name, over_limit("file", info.st_size, max_bytes))
    what = "file" if stat.S_ISREG(info.st_mode) else "input from this pipe or device"
    try:
        with open(path, "rb") as stream:
            return read_capped(stream, max_bytes, name, what)
    except PermissionError:
        raise LoadError(name, "permission denied") from None
    except OSError as exc:
        if exc.errno == errno.EISDIR:
            raise LoadError(name, "is a directory, not a file") from None
        raise LoadError(name, f"cannot be read ({exc.strerror or exc})") from None
