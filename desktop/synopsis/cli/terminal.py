"""What reaches a terminal: text with its control characters made visible, written safely.

Article text may carry terminal escape sequences (an OSC sequence sets the window title or
writes the clipboard; a carriage return hides what came before it). Everything the command
line shows from a document, a library row or an error passes through :func:`visible`, which
keeps line breaks and tabs and shows every other control character as a symbol (C0 and DEL
as their Unicode control pictures, ``␛`` for escape; C1 controls as ``\\x9b``), so nothing in
an article can drive the terminal. Colour is added around such text afterwards, never inside it.

:func:`echo` and :func:`write_bytes` write standard output and turn a failure there (a full
disk, a closed pipe) into :class:`~synopsis.cli.errors.StdoutError` instead of a traceback.
"""
from __future__ import annotations

import re
import sys

import click

from .errors import StdoutError

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return f"\\x{code:02x}"


def visible(text: object) -> str:
    """``text`` with every control character except newline and tab shown, not obeyed."""
    return _CONTROL.sub(_picture, str(text))


def visible_line(text: object) -> str:
    """:func:`visible` on one line: line breaks and tabs become spaces."""
    return visible(" ".join(str(text).split()))


_JSON_UNSAFE = re.compile("[\x7f-\x9f]")


def visible_json(text: str) -> str:
    """JSON text with DEL and the C1 controls written as ``\\u`` escapes (json.dumps escapes
    the C0 ones itself); still the same JSON."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def visible_bytes(data: bytes) -> bytes:
    """UTF-8 ``data`` with control characters shown (for a report printed on a terminal)."""
    return visible(data.decode("utf-8", "replace")).encode("utf-8")


def echo(message: str = "", *, color: bool | None = None, nl: bool = True) -> None:
    """``click.echo`` to standard output; a write that fails is one line, not a traceback.

    ``message`` is printed as given: callers pass text already made :func:`visible`, with
    colour added around it.
    """
    try:
        click.echo(message, color=color, nl=nl)
    except OSError as exc:
        raise StdoutError(exc) from None


def write_bytes(data: bytes) -> None:
    """Raw bytes to standard output (a report in a file format), flushed."""
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except OSError as exc:
        raise StdoutError(exc) from None


def stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (ValueError, OSError):
        return False
