"""Hostile web servers on 127.0.0.1: redirects to other schemes, slow drips, bad addresses.
Every one ends in one LoadError line, within the timeout, without contacting anything else."""
from __future__ import annotations

import socket
import threading
import time

import pytest
from click.testing import CliRunner

from synopsis.cli import main
from synopsis.core import LoadError
from synopsis.core.ingest import load
from synopsis.core.ingest.url import fetch


class Listener:
    """A TCP server on 127.0.0.1 that runs ``serve(connection)`` for each connection and
    counts them (to prove a refused redirect contacted nothing)."""

    def __init__(self, serve) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._serve = serve
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._loop, daemon=True)
        self.thread.start()

    def _loop(self) -> None:
        self.sock.settimeout(0.1)
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        try:
            conn.recv(65536)
            self._serve(conn, self._stop)
        except OSError:
            pass
        finally:
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self.thread.join(timeout=5)
        self.sock.close()


def drip(chunks):
    """A server that sends ``chunks`` (bytes or a generator of them) one per 0.3 s."""
    def serve(conn: socket.socket, stop: threading.Event) -> None:
        for chunk in chunks():
            if stop.is_set():
                return
            conn.sendall(chunk)
            time.sleep(0.3)
    return serve


@pytest.fixture
def listener():
    made = []

    def start(serve):
        made.append(Listener(serve))
        return made[-1]

    yield start
    for server in made:
        server.close()


def _endless_body():
    yield b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n"
    while True:
        yield b"Witkoff met Putin. "


def _endless_headers():
    yield b"HTTP/1.1 200 OK\r\n"
    while True:
        yield b"X"


@pytest.mark.parametrize("chunks", [_endless_body, _endless_headers], ids=["body", "headers"])
def test_a_slow_drip_is_cut_at_the_timeout(listener, chunks):
    server = listener(drip(chunks))
    started = time.monotonic()
    with pytest.raises(LoadError, match=r"timed out after 1\.5 s \(the whole download\)"):
        load(f"http://127.0.0.1:{server.port}/story", timeout=1.5)
    assert time.monotonic() - started < 4.0


def test_a_name_lookup_that_never_answers_is_cut_at_the_timeout(monkeypatch):
    """getaddrinfo has no timeout of its own: a resolver that hangs must not hold the fetch."""
    released = threading.Event()
    real_lookup = socket.getaddrinfo

    def hanging_lookup(host, *args, **kwargs):
        if host == "stalled.example":
            released.wait(30)
            raise socket.gaierror("released by the test")
        return real_lookup(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", hanging_lookup)
    started = time.monotonic()
    try:
        with pytest.raises(LoadError, match=r"timed out after 1 s"):
            fetch("http://stalled.example/story", max_bytes=1_000_000, timeout=1)
        assert time.monotonic() - started < 3.0
    finally:
        released.set()


def test_a_resolved_name_still_connects(listener):
    """The bounded lookup hands every address on: a server named "localhost" is still reached."""
    server = listener(lambda conn, stop: conn.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello"))
    fetched = fetch(f"http://localhost:{server.port}/story", max_bytes=1_000, timeout=5)
    assert fetched.data == b"hello"


def test_compare_and_library_add_are_bounded_too(listener, tmp_path, seed_pair):
    server = listener(drip(_endless_body))
    url = f"http://127.0.0.1:{server.port}/story"
    for args in (["compare", url, str(seed_pair[1]), "--timeout", "1"],
                 ["library", "add", url, "--timeout", "1", "--db", str(tmp_path / "lib.db")]):
        started = time.monotonic()
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2 and "timed out after 1 s" in result.stderr, result.output
        assert len(result.stderr.splitlines()) == 1 and time.monotonic() - started < 8.0  # (endless without the bound)


@pytest.mark.parametrize("target, scheme", [("ftp://127.0.0.1:{ftp}/pub/a.txt", "ftp:"),
                                            ("file:///etc/passwd", "file:"),
                                            ("javascript:alert(1)", "javascript:"),
                                            ("data:text/plain,hello", "data:"),
                                            ("gopher://127.0.0.1:{ftp}/", "gopher:")])
def test_redirects_to_other_schemes_are_refused_and_named(http_server, listener, target, scheme):
    ftp = listener(lambda conn, stop: conn.sendall(b"220 FTP server ready\r\n"))
    location = target.format(ftp=ftp.port)
    start = http_server.add("/go", b"", status=302, headers={"Location": location})
    with pytest.raises(LoadError) as err:
        load(start)
    message = str(err.value)
    assert f"not {scheme}" in message and "redirected to" in message and "\n" not in message
    assert ftp.connections == 0  # no FTP login, nothing contacted


def test_a_redirect_to_a_bad_address_at_the_second_hop(http_server):
    http_server.add("/two", b"", status=301, headers={"Location": "http://127.0.0.1:99999/x"})
    start = http_server.add("/one", b"", status=302, headers={"Location": "/two"})
    with pytest.raises(LoadError, match="port must be a number from 1 to 65535"):
        load(start)


def test_a_redirect_loop_is_too_many_redirects(http_server):
    http_server.add("/a", b"", status=302, headers={"Location": "/b"})
    http_server.add("/b", b"", status=302, headers={"Location": "/a"})
    with pytest.raises(LoadError, match="too many redirects"):
        load(http_server.base + "/a")


@pytest.mark.parametrize("url, fragment", [
    ("http://[::1/x", "invalid IPv6"), ("http://127.0.0.1:99999/", "port must be"),
    ("http://127.0.0.1:0/", "port must be"), ("https:///x", "names no host"),
    ("http://exa mple.org/", "spaces or control characters"),
])
def test_impossible_addresses_are_refused_before_connecting(url, fragment):
    with pytest.raises(LoadError, match=fragment):
        load(url)


@pytest.mark.parametrize("timeout", [float("inf"), float("nan"), 0, -1, 10_000])
def test_impossible_timeouts(timeout):
    with pytest.raises(LoadError, match="timeout must be a number of seconds"):
        fetch("http://127.0.0.1:9/x", max_bytes=1000, timeout=timeout)
