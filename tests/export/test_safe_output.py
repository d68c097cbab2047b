"""The one way outputs are written: never over an input or the library, through symlinks,
into FIFOs and devices without replacing them, atomically for regular files (real files, a real
FIFO with a reader, /dev/null and /dev/full, a real write limit in a child process)."""
from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

from synopsis.export.safe_output import OutputError, library_files, write_output


def _files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def test_new_and_replaced_regular_files(tmp_path):
    out = tmp_path / "r.json"
    assert write_output(out, b"one") == out
    assert out.read_bytes() == b"one"
    out.chmod(0o640)
    write_output(out, b"two")
    assert out.read_bytes() == b"two" and stat.S_IMODE(out.stat().st_mode) == 0o640
    assert _files(tmp_path) == {"r.json"}  # no temporary file left behind


@pytest.mark.parametrize("how", ["same path", "relative path", "symlink", "hard link"])
def test_an_input_is_never_the_output(tmp_path, monkeypatch, how):
    source = tmp_path / "a.txt"
    source.write_text("the article", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = {"same path": source, "relative path": Path("a.txt"), "symlink": tmp_path / "link.txt",
           "hard link": tmp_path / "hard.txt"}[how]
    if how == "symlink":
        out.symlink_to(source)
    if how == "hard link":
        os.link(source, out)
    with pytest.raises(OutputError, match="is one of the inputs"):
        write_output(out, b"report", protected=[str(source)])
    assert source.read_text(encoding="utf-8") == "the article"


def test_the_library_and_its_sidecars_are_never_the_output(tmp_path):
    library = tmp_path / "lib.db"
    library.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    wal = tmp_path / "lib.db-wal"
    wal.write_bytes(b"wal")
    for out in (library, wal):
        with pytest.raises(OutputError, match="is the library"):
            write_output(out, b"{}", library=library_files(library))
    assert wal.read_bytes() == b"wal" and library.read_bytes().startswith(b"SQLite")


def test_a_symlink_is_written_through_and_kept(tmp_path):
    target = tmp_path / "real.html"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "report.html"
    link.symlink_to(target)
    assert write_output(link, b"new") == target
    assert link.is_symlink() and target.read_bytes() == b"new"
    dangling = tmp_path / "later.html"
    dangling.symlink_to(tmp_path / "made.html")
    write_output(dangling, b"made")
    assert dangling.is_symlink() and (tmp_path / "made.html").read_bytes() == b"made"


def test_a_symlink_loop_is_named(tmp_path):
    (tmp_path / "x").symlink_to(tmp_path / "y")
    (tmp_path / "y").symlink_to(tmp_path / "x")
    with pytest.raises(OutputError, match="symbolic link loop"):
        write_output(tmp_path / "x", b"data")


def device_links(folder: Path) -> dict[str, Path]:
    """Links in ``folder`` to /dev/null, /dev/full and this process's standard output. Tests
    write through these, never to /dev itself: if the code ever regressed to replacing what it
    is given (as it once did), only these links would be replaced, and the test would see it."""
    links = {}
    for name, target in (("null", "/dev/null"), ("full", "/dev/full"), ("stdout", "/proc/self/fd/1")):
        links[name] = folder / name
        links[name].symlink_to(target)
    return links


def test_character_devices_are_written_into_not_replaced(tmp_path):
    links = device_links(tmp_path)
    before = os.stat("/dev/null")
    write_output(links["null"], b"report")
    after = os.stat("/dev/null")
    assert links["null"].is_symlink() and stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
    with pytest.raises(OutputError, match="disk is full"):
        write_output(links["full"], b"report")
    assert links["full"].is_symlink() and stat.S_ISCHR(os.stat("/dev/full").st_mode)


@pytest.mark.parametrize("stdout", ["file", "appended file", "deleted file", "pipe"])
def test_standard_output_named_as_a_file_is_written_through(tmp_path, stdout):
    """``-o /dev/stdout``: the descriptor the shell opened is written, whatever it is; an
    appended log keeps what it had; no link is replaced, no stray file is made."""
    links = device_links(tmp_path)
    log = tmp_path / "log.txt"
    log.write_bytes(b"kept\n")
    script = ("from synopsis.export.safe_output import write_output\n"
              f"write_output({str(links['stdout'])!r}, b'report\\n')\n")
    target = {"file": lambda: open(log, "wb"), "appended file": lambda: open(log, "ab"),
              "deleted file": tempfile.TemporaryFile, "pipe": lambda: subprocess.PIPE}[stdout]()
    proc = subprocess.run([sys.executable, "-c", script], stdout=target, stderr=subprocess.PIPE, timeout=60)
    assert proc.returncode == 0, proc.stderr
    if stdout == "pipe":
        assert proc.stdout == b"report\n"
    elif stdout == "deleted file":
        target.seek(0)
        assert target.read() == b"report\n"
    else:
        assert log.read_bytes() == (b"kept\nreport\n" if stdout == "appended file" else b"report\n")
    assert links["stdout"].is_symlink() and _files(tmp_path) == {"null", "full", "stdout", "log.txt"}
    if hasattr(target, "close"):
        target.close()


def test_a_fifo_is_written_into_when_read_and_refused_when_not(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="no program is reading"):
        write_output(fifo, b"nobody listens")
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    for _ in range(200):  # the reader opens the FIFO; until then no write can start
        try:
            write_output(fifo, b"x" * 200_000)
            break
        except OutputError:
            threading.Event().wait(0.01)
    reader.join(timeout=10)
    assert received == [b"x" * 200_000] and stat.S_ISFIFO(fifo.stat().st_mode)


def test_folders_sockets_missing_folders_and_read_only_files_are_refused(tmp_path):
    with pytest.raises(OutputError, match="is a folder"):
        write_output(tmp_path, b"data")
    with pytest.raises(OutputError, match="folder .*missing does not exist"):
        write_output(tmp_path / "missing" / "r.json", b"data")
    sock_path = tmp_path / "s.sock"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(sock_path))
        with pytest.raises(OutputError, match="socket"):
            write_output(sock_path, b"data")
    finally:
        server.close()


def test_a_read_only_file_is_not_replaced(tmp_path, as_ordinary_user):
    locked = tmp_path / "kept.txt"
    locked.write_text("kept", encoding="utf-8")
    locked.chmod(0o444)
    script = ("from synopsis.export.safe_output import write_output\n"
              f"write_output({str(locked)!r}, b'new')\n")
    proc = subprocess.run(as_ordinary_user([sys.executable, "-c", script]), capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode != 0 and "is read-only; it was left as it was" in proc.stderr
    assert locked.read_text(encoding="utf-8") == "kept"


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    """A write limit (RLIMIT_FSIZE) in a child process: the write fails with EFBIG half way."""
    out = tmp_path / "report.html"
    out.write_bytes(b"the old report")
    script = (
        "import resource, sys\n"
        "from synopsis.export.safe_output import write_output, OutputError\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))\n"
        "try:\n"
        f"    write_output({str(out)!r}, b'x' * 100_000)\n"
        "except OutputError as exc:\n"
        "    print(exc)\n"
        "    sys.exit(2)\n")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "cannot write" in proc.stdout and "left as it was" in proc.stdout
    assert out.read_bytes() == b"the old report" and _files(tmp_path) == {"report.html"}
