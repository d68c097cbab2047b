"""Careless commands and hostile input on the command line: one line on standard error, exit
status 2, nothing the user had is lost (real files, real processes, a real SQLite library)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from hostile_inputs import ARTICLE, deep_json, manifest, terminal_attack, write
from synopsis.cli import main

CONTROL = ("\x1b", "\x07", "\x9b", "\r")


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def one_line(result, *fragments: str) -> str:
    """A CliRunner result that is the one-line error the README promises."""
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("synopsis: "), result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    return lines[0]


@pytest.fixture
def pair(tmp_path, seed_pair):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    shutil.copy(seed_pair[0], a)
    shutil.copy(seed_pair[1], b)
    return a, b


@pytest.fixture
def stored(tmp_path, pair):
    """A library with the two documents and one comparison (c1)."""
    db = tmp_path / "lib.db"
    assert invoke("library", "add", str(pair[0]), str(pair[1]), "--db", str(db)).exit_code == 0
    assert invoke("library", "compare", "d1", "d2", "--db", str(db)).exit_code == 0
    return db


# -- data loss ------------------------------------------------------------------------------
@pytest.mark.parametrize("how", ["same", "hard link", "symlink"])
def test_compare_never_writes_over_an_input(tmp_path, pair, how):
    a, b = pair
    before = a.read_bytes()
    out = {"same": a, "hard link": tmp_path / "h.txt", "symlink": tmp_path / "s.txt"}[how]
    if how == "hard link":
        os.link(a, out)
    if how == "symlink":
        out.symlink_to(a)
    one_line(invoke("compare", str(a), str(b), "-o", str(out)), "is one of the inputs")
    many = tmp_path / "c.txt"
    many.write_text(ARTICLE, encoding="utf-8")
    one_line(invoke("compare", str(a), str(b), str(many), "-o", str(many)), "is one of the inputs")
    assert a.read_bytes() == before and many.read_text(encoding="utf-8") == ARTICLE


def test_export_never_writes_over_the_library(tmp_path, stored):
    before = stored.read_bytes()
    one_line(invoke("library", "export", "c1", "-o", str(stored), "--db", str(stored), "--format", "json"),
             "is the library")
    link = tmp_path / "report.json"
    link.symlink_to(stored)
    one_line(invoke("library", "export", "c1", "-o", str(link), "--db", str(stored)), "is the library")
    assert stored.read_bytes() == before
    assert "d1" in invoke("library", "list", "--db", str(stored)).output


def test_standard_output_named_as_output_into_an_input_is_refused(tmp_path, pair, synopsis_cmd, one_line_error):
    """``-o /dev/stdout >> a.txt`` (a link to /proc/self/fd/1 stands for /dev/stdout, so that a
    regression could only replace the link, never the system's /dev/stdout)."""
    a, b = pair
    stdout = tmp_path / "stdout"
    stdout.symlink_to("/proc/self/fd/1")
    before = a.read_bytes()
    with a.open("ab") as appended:
        proc = synopsis_cmd("compare", a, b, "-o", stdout, "--format", "json", stdout=appended)
    one_line_error(proc, "is one of the inputs")
    assert a.read_bytes() == before
    log = tmp_path / "log.txt"
    log.write_text("kept\n", encoding="utf-8")
    with log.open("ab") as appended:
        proc = synopsis_cmd("compare", a, b, "-o", stdout, "--format", "json", stdout=appended)
    assert proc.returncode == 0 and stdout.is_symlink()
    assert log.read_text().startswith("kept\n{") and json.loads(log.read_text()[5:])["links"]


def test_screenshots_never_replace_an_input_and_fail_loudly(tmp_path, pair, seeds):
    a, b = pair
    before = a.read_bytes()
    one_line(invoke("gui", str(a), str(b), "--screenshot", str(a)), "is one of the inputs")
    one_line(invoke("matrix", str(a), str(b), "--screenshot", str(b)), "is one of the inputs")
    one_line(invoke("matrix", str(a), str(b), "--screenshot", str(tmp_path / "no" / "m.png")),
             "does not exist")
    for size in ("99999x99999", "0x0", "10x10"):
        one_line(invoke("matrix", str(a), str(b), "--screenshot", str(tmp_path / "m.png"), "--size", size),
                 "--size")
    assert a.read_bytes() == before and not (tmp_path / "m.png").exists()


def test_a_full_disk_during_add_says_exactly_what_was_stored(tmp_path, synopsis_cmd):
    """A real write limit (RLIMIT_FSIZE) stops the library growing in the middle of the adds."""
    import resource

    folder = tmp_path / "many"
    folder.mkdir()
    files = []
    for n in range(12):
        words = " ".join(f"w{n}x{i}" for i in range(9000))  # ~90 kB of distinct text each
        files.append(write(folder / f"doc{n:02d}.txt", f"Article {n}. {words}.\n"))
    db = tmp_path / "lib.db"
    assert synopsis_cmd("library", "add", files[0], "--db", db).returncode == 0
    limit = db.stat().st_size + 400_000

    def small_disk() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    proc = subprocess.run([sys.executable, "-m", "synopsis", "library", "add", *map(str, files[1:]),
                           "--db", str(db)], capture_output=True, text=True, preexec_fn=small_disk,
                          timeout=120, env=dict(os.environ, LANG="C.UTF-8"))
    assert proc.returncode == 2, proc.stderr
    line = proc.stderr.strip()
    assert "\n" not in line and "Traceback" not in line and "nothing was saved" not in line
    printed = [row.split("\t")[0] for row in proc.stdout.splitlines()]
    stored = synopsis_cmd("library", "list", "--db", db, "--limit", "100").stdout
    stored_ids = {row.split()[0] for row in stored.splitlines()}
    assert set(printed) <= stored_ids and len(stored_ids) == len(printed) + 1  # d1 was there before
    assert f"{len(printed)} of {len(files) - 1} documents were stored" in line
    first_not_stored = files[1 + len(printed)].name
    assert first_not_stored in line and files[len(printed)].name not in line.split("were not:")[1]


# -- terminal escapes -----------------------------------------------------------------------
def test_article_text_cannot_drive_the_terminal(tmp_path, pair):
    hostile = write(tmp_path / "evil.txt", terminal_attack())
    result = invoke("compare", str(hostile), str(pair[1]), "--no-color")
    assert result.exit_code == 0, result.output
    assert not any(ch in result.output for ch in CONTROL) and "␛]0;HACKED TITLE␇" in result.output
    db = tmp_path / "lib.db"
    assert invoke("library", "add", str(hostile), "--db", str(db)).exit_code == 0
    shown = invoke("library", "show", "d1", "--text", "--db", str(db))
    assert shown.exit_code == 0 and not any(ch in shown.output for ch in CONTROL)
    assert "␛]52;c;" in shown.output and "\\x9b31m" in shown.output
    named = tmp_path / "x\x1b]0;title\x07.txt"
    line = one_line(invoke("compare", str(named), str(pair[1])), "no such file")
    assert not any(ch in line for ch in CONTROL)


# -- the tracebacks of the first battery, each now one line ---------------------------------
BIG = str(2**64)


@pytest.mark.parametrize("args", [
    ("library", "show", "d" + BIG), ("library", "remove", "c" + BIG), ("library", "export", "c" + BIG, "-o", "r.json"),
    ("library", "compare", "d" + BIG, "d1"), ("library", "cases", "add", "Case", "d" + BIG),
    ("library", "list", "--limit", BIG), ("library", "list", "--offset", BIG),
    ("library", "search", "Putin", "--limit", BIG), ("library", "cases", "show", BIG),
    ("compare", "d" + BIG, "d1"), ("library", "show", "d²"), ("library", "cases", "show", "²"),
    ("library", "show", "d١"),
])
def test_ids_limits_and_offsets_out_of_range(stored, tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    result = invoke(*args, "--db", str(stored))
    assert result.exit_code == 2 and result.exception is None or isinstance(result.exception, SystemExit)
    one_line(result)


@pytest.mark.parametrize("content", [manifest(5), manifest(None), manifest("x"), deep_json(), b"[]", b"\xff"])
def test_a_bad_manifest_is_one_line_and_a_bad_sidecar_is_ignored(tmp_path, pair, seeds, content):
    path = write(tmp_path / "manifest.json", content)
    c = tmp_path / "c.txt"
    c.write_text(ARTICLE, encoding="utf-8")
    result = invoke("matrix", str(pair[0]), str(pair[1]), str(c), "--manifest", str(path),
                    "--screenshot", str(tmp_path / "m.png"))
    one_line(result, "manifest")
    # beside the articles, the same file is a sidecar: it only adds metadata, so it is ignored
    compared = invoke("compare", str(pair[0]), str(pair[1]), "--format", "json")
    assert compared.exit_code == 0, compared.output


@pytest.mark.parametrize("url, fragment", [
    ("http://[::1/x", "not a valid address"), ("http://127.0.0.1:99999/a", "port must be a number from 1 to 65535"),
    ("http:///nohost", "names no host"), ("ftp://example.org/a.txt", "only http:// and https://"),
])
def test_impossible_addresses(pair, url, fragment):
    one_line(invoke("compare", url, str(pair[1])), fragment)


@pytest.mark.parametrize("value", ["inf", "nan", "-1", "1e9"])
def test_timeouts_must_be_possible(pair, value):
    one_line(invoke("compare", str(pair[0]), str(pair[1]), "--timeout", value), "--timeout")


def test_a_file_name_that_is_not_utf8_reaches_every_export(tmp_path, pair, synopsis_cmd):
    folder = os.fsencode(tmp_path)
    name = folder + b"/caf\xe9-\xff.txt"
    with open(name, "wb") as handle:
        handle.write(pair[0].read_bytes())
    for fmt in ("json", "html", "csv", "markdown", "text"):
        out = tmp_path / f"r.{fmt}"
        proc = synopsis_cmd("compare", name, pair[1], "--format", fmt, "-o", out)
        assert proc.returncode == 0, proc.stderr
        text = out.read_text(encoding="utf-8-sig")  # valid UTF-8, whatever the name was
        assert fmt == "csv" or "caf\ufffd-\ufffd.txt" in text


def test_standard_output_full_or_closed(pair, synopsis_cmd, one_line_error):
    with open("/dev/full", "wb") as full:
        proc = synopsis_cmd("compare", pair[0], pair[1], stdout=full)
    one_line_error(proc, "standard output", "disk is full")
    with open("/dev/full", "wb") as full:
        proc = synopsis_cmd("compare", pair[0], pair[1], "--format", "json", stdout=full)
    one_line_error(proc, "standard output")
    read, write_end = os.pipe()
    os.close(read)  # the reader went away (`| head`): no traceback, no message
    proc = synopsis_cmd("compare", pair[0], pair[1], stdout=write_end)
    os.close(write_end)
    assert proc.returncode == 1 and proc.stderr == ""


# -- messages that misled -------------------------------------------------------------------
def test_input_messages_say_what_is_wrong(tmp_path, pair):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(tmp_path / "loop2.txt")
    (tmp_path / "loop2.txt").symlink_to(loop)
    one_line(invoke("compare", str(loop), str(pair[1])), "symbolic link loop")
    broken = tmp_path / "broken.txt"
    broken.symlink_to(tmp_path / "gone.txt")
    one_line(invoke("compare", str(broken), str(pair[1])), "broken symbolic link")
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 4_200_000 + b"w")  # 21,000,001 bytes: 20.03 MiB against 20 MiB
    line = one_line(invoke("compare", str(big), str(pair[1])))
    assert "21,000,001 bytes" in line and "20,971,520 bytes" in line
    line = one_line(invoke("compare", str(pair[0]), str(pair[1]), "--max-size", "10"))
    assert "the limit is 10 bytes" in line and "0 MB" not in line
    nul = write(tmp_path / "nul.txt", b"First line.\nSecond line.\nThe\x00third line.\n")
    one_line(invoke("compare", str(nul), str(pair[1])), "line 3, column 4")


@pytest.mark.parametrize("args, fragment", [
    (("compare", "--foo"), "no such option"), (("compare", "a.txt"), "at least two"),
    (("library", "show"), "missing argument"), (("nosuch",), "no such command"),
    (("compare", "a", "b", "--granularity", "word"), "--granularity"),
])
def test_usage_errors_are_one_line(args, fragment):
    line = one_line(invoke(*args), fragment)
    assert "--help" in line


def test_read_only_library_can_be_read(tmp_path, stored, synopsis_cmd, as_ordinary_user, one_line_error):
    """The file and its folder read-only, as on a shared drive or a CD."""
    folder = tmp_path / "shared"
    folder.mkdir()
    db = folder / "lib.db"
    shutil.copy(stored, db)
    db.chmod(0o444)
    folder.chmod(0o555)
    try:
        for args in (("list",), ("search", "Putin"), ("show", "d1"), ("show", "c1"), ("cases", "list")):
            proc = synopsis_cmd("library", *args, "--db", db, wrap=as_ordinary_user)
            assert proc.returncode == 0 and (proc.stdout.strip() or args == ("cases", "list")), (args, proc.stderr)
        out = tmp_path / "r.json"
        proc = synopsis_cmd("library", "export", "c1", "-o", out, "--db", db, wrap=as_ordinary_user)
        assert proc.returncode == 0 and json.loads(out.read_text())["links"]
        proc = synopsis_cmd("library", "add", tmp_path / "a.txt", "--db", db, wrap=as_ordinary_user)
        one_line_error(proc, "read-only")
        assert sorted(p.name for p in folder.iterdir()) == ["lib.db"]
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("db", ["", "."])
def test_an_empty_library_name_is_one_line(tmp_path, monkeypatch, pair, db):
    """Found by the fuzzer: ``--db ""`` names the current folder."""
    monkeypatch.chdir(tmp_path)
    one_line(invoke("library", "export", "c1", "-o", str(tmp_path / "r.json"), "--db", db), "is a directory")
    one_line(invoke("compare", str(pair[0]), str(pair[1]), "d1", "-o", str(tmp_path / "r.json"), "--db", db),
             "is a directory")
