"""Fetching an article by http(s) URL, with a timeout, a size cap, few redirects and provenance.

- Only ``http`` and ``https`` are fetched, at every hop: a redirect to any other scheme
  (``ftp:``, ``file:``, ``javascript:``…) is refused and named; no FTP, file or data handler
  is even installed.
- The timeout bounds the whole fetch, from the name lookup to the last byte: the lookup runs
  in a thread the fetch stops waiting for (``getaddrinfo`` itself has no timeout), and a
  watchdog shuts the connection down when time runs out, so neither a resolver that never
  answers nor a server that drips one byte at a time can hold the app (a per-read socket
  timeout alone would never fire).
- The body is streamed and abandoned as soon as it passes the size cap.
- An address that cannot be one (``http://[::1/x``, port 99999) is refused before connecting.

Every failure is a :class:`LoadError` with one readable line.
"""
from __future__ import annotations

import http.client
import math
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from email.message import Message
from functools import partial
from typing import Any
from urllib.parse import urljoin, urlsplit

from ..errors import LoadError
from .limits import format_size, over_limit

DEFAULT_TIMEOUT = 20.0
MAX_TIMEOUT = 600.0
MAX_REDIRECTS = 5
SCHEMES = ("http", "https")
_CHUNK = 64 * 1024


def is_url(source: str) -> bool:
    head = source[:8].lower()
    return head.startswith("http://") or head.startswith("https://")


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be fetched (None when it can): scheme, host, port, brackets."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        text = str(exc)
        if "Port" in text or "port" in text:
            return "not a valid address: the port must be a number from 1 to 65535"
        return f"not a valid address ({text[:1].lower() + text[1:]})"
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        return f"only http:// and https:// addresses are fetched, not {scheme or 'this'}:"
    if not parts.hostname:
        return "not a valid address: it names no host"
    if port == 0:
        return "not a valid address: the port must be a number from 1 to 65535"
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        return "not a valid address: it contains spaces or control characters"
    return None


@dataclass(slots=True)
class Fetched:
    data: bytes
    content_type: str
    charset: str | None
    meta: dict[str, Any] = field(default_factory=dict)


class _Refused(Exception):
    """A redirect the fetcher will not follow (its message says why)."""


class _Deadline:
    """Shuts every connection of one fetch down when its time is up (a watchdog thread)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expires = time.monotonic() + seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def remaining(self) -> float:
        return max(0.001, self.expires - time.monotonic())

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            expired = self.expired
        if expired:
            _shutdown(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shutdown(sock)

    def __enter__(self) -> "_Deadline":
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()


def _shutdown(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


class _Watched:
    """Mixin for http.client connections: each new socket is handed to the fetch's deadline."""

    def __init__(self, *args: Any, deadline: _Deadline, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        self._deadline = deadline
        self._create_connection = self._connect_watched

    def _connect_watched(self, address, timeout, source_address=None):  # type: ignore[no-untyped-def]
        host, port = address[0], address[1]
        last_error: OSError = OSError(f"no address found for {host}")
        for family, kind, proto, _name, sockaddr in _resolve(host, port, self._deadline):
            sock = socket.socket(family, kind, proto)
            self._deadline.watch(sock)
            try:
                sock.settimeout(min(timeout, self._deadline.remaining()))
                if source_address:
                    sock.bind(source_address)
                sock.connect(sockaddr)
                return sock
            except OSError as exc:
                sock.close()
                last_error = exc
        raise last_error


def _resolve(host: str, port: int, deadline: _Deadline) -> list[tuple]:
    """``getaddrinfo`` bounded by the fetch's deadline (it has no timeout of its own).

    The lookup runs in a daemon thread; when the deadline passes first, the fetch stops waiting
    and reports a timeout, and the thread ends whenever the resolver gives up.
    """
    answer: dict[str, Any] = {}

    def lookup() -> None:
        try:
            answer["addresses"] = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)
        except OSError as exc:
            answer["error"] = exc

    worker = threading.Thread(target=lookup, name="synopsis-name-lookup", daemon=True)
    worker.start()
    worker.join(deadline.remaining())
    if worker.is_alive():
        raise TimeoutError(f"name lookup of {host} timed out")
    if "error" in answer:
        raise answer["error"]
    return answer["addresses"]


class _HTTPConnection(_Watched, http.client.HTTPConnection):
    pass


class _HTTPSConnection(_Watched, http.client.HTTPSConnection):
    pass


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self._deadline = deadline

    def http_open(self, req):  # type: ignore[no-untyped-def]
        return self.do_open(partial(_HTTPConnection, deadline=self._deadline), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self._deadline = deadline

    def https_open(self, req):  # type: ignore[no-untyped-def]
        return self.do_open(partial(_HTTPSConnection, deadline=self._deadline), req,
                            context=self._context)


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows at most MAX_REDIRECTS redirects, to http(s) addresses only."""

    max_redirections = MAX_REDIRECTS
    max_repeats = 2

    def http_error_302(self, req, fp, code, msg, headers):  # type: ignore[no-untyped-def]
        location = headers.get("location") or headers.get("uri")
        if location:
            try:
                target = urljoin(req.full_url, location)
            except ValueError:
                target = location
            problem = url_problem(target)
            if problem:
                fp.close()
                shown = target if len(target) <= 80 else target[:79] + "…"
                raise _Refused(f"redirected to {shown!r}, which is refused: {problem}")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _opener(deadline: _Deadline) -> urllib.request.OpenerDirector:
    """An opener with only what a web page needs: proxies from the environment, http, https."""
    opener = urllib.request.OpenerDirector()
    for handler in (urllib.request.ProxyHandler(), _HTTPHandler(deadline), _HTTPSHandler(deadline),
                    urllib.request.HTTPDefaultErrorHandler(), _Redirects(),
                    urllib.request.HTTPErrorProcessor(), urllib.request.UnknownHandler()):
        opener.add_handler(handler)
    return opener


def _user_agent() -> str:
    from ... import __version__

    return f"Synopsis/{__version__} (article comparison; +offline desktop app)"


def _reason(exc: BaseException, timeout: float) -> str:
    if isinstance(exc, urllib.error.HTTPError):
        if exc.code in (301, 302, 303, 307, 308):
            return f"too many redirects (more than {MAX_REDIRECTS}, or a loop)"
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


def _check_timeout(url: str, timeout: float) -> None:
    if not (isinstance(timeout, (int, float)) and math.isfinite(timeout) and 0 < timeout <= MAX_TIMEOUT):
        raise LoadError(url, f"the timeout must be a number of seconds above 0 and at most "
                             f"{MAX_TIMEOUT:g}, not {timeout!r}")


def fetch(url: str, *, max_bytes: int, timeout: float = DEFAULT_TIMEOUT) -> Fetched:
    """Download ``url`` (http/https); refuse it past ``max_bytes`` or ``timeout`` seconds in all."""
    problem = url_problem(url)
    if problem:
        raise LoadError(url, problem)
    _check_timeout(url, timeout)
    request = urllib.request.Request(url, headers={
        "User-Agent": _user_agent(),
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,application/pdf;q=0.8,*/*;q=0.1",
    })
    with _Deadline(timeout) as deadline:
        try:
            status, final_url, headers, data = _download(_opener(deadline), request, url, max_bytes, timeout)
        except LoadError:
            raise
        except _Refused as exc:
            raise LoadError(url, str(exc)) from None
        except Exception as exc:  # http.client raises its own families (IncompleteRead, BadStatusLine)
            if deadline.expired:
                raise LoadError(url, f"timed out after {timeout:g} s (the whole download)") from None
            if isinstance(exc, (urllib.error.URLError, OSError)):
                raise LoadError(url, _reason(exc, timeout)) from None
            raise LoadError(url, f"broken HTTP response ({type(exc).__name__})") from None
        if deadline.expired:  # the watchdog's shutdown can look like a clean end of the body
            raise LoadError(url, f"timed out after {timeout:g} s (the whole download)")
    content_type = headers.get_content_type() if headers.get("Content-Type") else ""
    meta = {"url": url, "final_url": final_url, "http_status": status}
    if content_type:
        meta["content_type"] = content_type
    return Fetched(data, content_type, headers.get_content_charset(), meta)


def _download(opener, request, url: str, max_bytes: int, timeout: float) -> tuple[int, str, Message, bytes]:
    with opener.open(request, timeout=timeout) as response:
        headers: Message = response.headers
        length = headers.get("Content-Length", "").strip()
        if length.isdigit() and int(length) > max_bytes:
            raise LoadError(url, over_limit("the download", int(length), max_bytes))
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = response.read(_CHUNK)
            if not chunk:
                break
            size += len(chunk)
            if size > max_bytes:
                raise LoadError(url, f"the download passed the limit of {format_size(max_bytes)}")
            chunks.append(chunk)
        return response.status, response.geturl(), headers, b"".join(chunks)
