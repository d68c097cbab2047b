"""Fetching an article by http(s) URL, with a timeout, a size cap, few redirects and provenance.

Only ``http`` and ``https`` are fetched. The body is streamed and abandoned as soon as it
passes the size cap. Every failure is a :class:`LoadError` with one readable line.
"""
from __future__ import annotations

import socket
import ssl
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from email.message import Message
from typing import Any

from ..errors import LoadError

DEFAULT_TIMEOUT = 20.0
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024


def is_url(source: str) -> bool:
    head = source[:8].lower()
    return head.startswith("http://") or head.startswith("https://")


@dataclass(slots=True)
class Fetched:
    data: bytes
    content_type: str
    charset: str | None
    meta: dict[str, Any] = field(default_factory=dict)


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS
    max_repeats = 2


def _user_agent() -> str:
    from ... import __version__

    return f"Synopsis/{__version__} (article comparison; +offline desktop app)"


def _reason(exc: BaseException, timeout: float) -> str:
    if isinstance(exc, urllib.error.HTTPError):
        if exc.code in (301, 302, 303, 307, 308):
            return f"too many redirects (more than {MAX_REDIRECTS})"
        return f"server answered HTTP {exc.code} {exc.reason}".rstrip()
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, (TimeoutError, socket.timeout)) or "timed out" in str(reason):
        return f"timed out after {timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused (is the address right?)"
    if isinstance(reason, socket.gaierror):
        return "host not found (offline, or a mistyped address?)"
    if isinstance(reason, ssl.SSLError):
        return f"secure connection failed ({getattr(reason, 'reason', None) or reason})"
    if isinstance(reason, (ConnectionResetError, ConnectionAbortedError)):
        return "the server closed the connection"
    if isinstance(reason, OSError) and reason.strerror:
        return f"cannot connect ({reason.strerror})"
    text = " ".join(str(reason).split())
    return f"cannot fetch ({text})" if text else "cannot fetch"


def fetch(url: str, *, max_bytes: int, timeout: float = DEFAULT_TIMEOUT) -> Fetched:
    """Download ``url`` (http/https); refuse it past ``max_bytes`` or ``timeout`` seconds."""
    if not is_url(url):
        raise LoadError(url, "only http:// and https:// addresses can be fetched")
    opener = urllib.request.build_opener(_Redirects())
    request = urllib.request.Request(url, headers={
        "User-Agent": _user_agent(),
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,application/pdf;q=0.8,*/*;q=0.1",
    })
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            status = response.status
            final_url = response.geturl()
            headers: Message = response.headers
            length = headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise LoadError(url, f"download is {int(length) / 1e6:.1f} MB, over the "
                                     f"{max_bytes / 1e6:g} MB limit")
            chunks: list[bytes] = []
            size = 0
            while True:
                if time.monotonic() > deadline:
                    raise LoadError(url, f"timed out after {timeout:g} s")
                chunk = response.read(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > max_bytes:
                    raise LoadError(url, f"download passed the {max_bytes / 1e6:g} MB limit")
                chunks.append(chunk)
    except LoadError:
        raise
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise LoadError(url, _reason(exc, timeout)) from None
    except Exception as exc:  # http.client raises its own families (IncompleteRead, BadStatusLine)
        raise LoadError(url, f"broken HTTP response ({type(exc).__name__})") from None
    data = b"".join(chunks)
    content_type = headers.get_content_type() if headers.get("Content-Type") else ""
    meta = {"url": url, "final_url": final_url, "http_status": status}
    if content_type:
        meta["content_type"] = content_type
    return Fetched(data, content_type, headers.get_content_charset(), meta)
