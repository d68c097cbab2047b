"""The file is never damaged: migrations, refusals (newer, corrupt, foreign, locked, read-only)
leave it byte-identical, and a killed writer loses nothing already committed."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from synopsis.core.model import Document
from synopsis.library import SCHEMA_VERSION, Library, LibraryError
from synopsis.library import db as db_mod
from synopsis.library.migrations import MIGRATIONS


def _doc(i: int) -> Document:
    return Document(text=f"Envoy met the president for talk number {i}.", title=f"Talks {i}",
                    source=f"s{i}.txt", sha256="")


def _filled(path, n=3) -> None:
    with Library.open(path) as lib:
        for i in range(n):
            lib.add_document(_doc(i))


def _files(path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(path.parent.iterdir())}


def test_new_library_is_wal_and_current(lib, lib_path):
    assert lib.schema_version == SCHEMA_VERSION == len(MIGRATIONS)
    assert lib.migrations() == [name for name, _ in MIGRATIONS]
    assert lib.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert lib.conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0
    assert lib.backup_path is None


def test_migrates_a_first_schema_file_and_backs_it_up(lib_path, monkeypatch):
    monkeypatch.setattr(db_mod, "MIGRATIONS", MIGRATIONS[:1])
    monkeypatch.setattr(db_mod, "SCHEMA_VERSION", 1)
    with Library.open(lib_path) as old:
        assert old.schema_version == 1
        doc_id = old.add_document(_doc(7))
    monkeypatch.undo()
    with Library.open(lib_path) as lib:
        assert lib.schema_version == SCHEMA_VERSION
        assert lib.backup_path is not None and lib.backup_path.name.startswith("library.db.bak-1-")
        assert lib.get_document(doc_id).title == "Talks 7"
        assert [h["id"] for h in lib.search("talk number 7", kinds=("document",))] == [doc_id]
        lib.create_case("after upgrade")
        backup = sqlite3.connect(lib.backup_path)
        assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
        assert backup.execute("SELECT title FROM documents").fetchall() == [("Talks 7",)]
        backup.close()
    with Library.open(lib_path) as again:  # already current: no second backup
        assert again.backup_path is None


def test_newer_schema_is_refused_untouched(lib_path):
    _filled(lib_path)
    conn = sqlite3.connect(lib_path)
    with conn:
        conn.execute("INSERT INTO _migrations VALUES ('0099_future', 'x')")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    before = _files(lib_path)
    with pytest.raises(LibraryError, match="newer Synopsis") as err:
        Library.open(lib_path)
    assert "\n" not in str(err.value) and str(lib_path) in str(err.value)
    assert _files(lib_path) == before


@pytest.mark.parametrize("content", [b"not a database at all\n" * 50, b"\x00" * 4096,
                                     b"PK\x03\x04 a zip file"])
def test_not_sqlite_is_refused_untouched(lib_path, content):
    lib_path.write_bytes(content)
    with pytest.raises(LibraryError, match="not an SQLite database|damaged"):
        Library.open(lib_path)
    assert _files(lib_path) == {lib_path.name: content}


def test_damaged_pages_are_refused_untouched(lib_path):
    _filled(lib_path, 300)
    data = bytearray(lib_path.read_bytes())
    assert len(data) > 8 * 4096
    page = 4096
    for n in range(2, len(data) // page, 2):  # scribble over every other page after the first
        data[n * page + 8: n * page + 200] = b"\xa5" * 192
    lib_path.write_bytes(bytes(data))
    before = _files(lib_path)
    with pytest.raises(LibraryError, match="damaged"):
        Library.open(lib_path)
    assert _files(lib_path) == before


def test_foreign_sqlite_file_is_refused(lib_path):
    conn = sqlite3.connect(lib_path)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    before = _files(lib_path)
    with pytest.raises(LibraryError, match="not a Synopsis library"):
        Library.open(lib_path)
    assert _files(lib_path) == before


def test_read_only_reads_but_refuses_writes(lib_path, monkeypatch):
    _filled(lib_path)
    before = _files(lib_path)
    monkeypatch.setattr(db_mod, "_writable", lambda path: False)  # as if chmod a-w (tests run as root)
    with Library.open(lib_path) as lib:
        assert lib.readonly and lib.count_documents() == 3
        assert lib.search("president")
        with pytest.raises(LibraryError, match="read-only.*cannot be saved"):
            lib.add_document(_doc(99))
        lib.mark_opened(1)  # silently skipped
    assert _files(lib_path)[lib_path.name] == before[lib_path.name]
    with Library.open(lib_path, readonly=True) as lib:
        with pytest.raises(LibraryError, match="cannot be saved"):
            lib.create_case("x")


def test_read_only_old_schema_is_refused(lib_path, monkeypatch):
    monkeypatch.setattr(db_mod, "MIGRATIONS", MIGRATIONS[:1])
    monkeypatch.setattr(db_mod, "SCHEMA_VERSION", 1)
    _filled(lib_path)
    monkeypatch.undo()
    before = _files(lib_path)
    with pytest.raises(LibraryError, match="needs upgrading"):
        Library.open(lib_path, readonly=True)
    # a read-only WAL reader may leave empty -wal/-shm beside it; the database itself is unchanged
    assert _files(lib_path)[lib_path.name] == before[lib_path.name]


def test_locked_file_gives_one_line_and_recovers(lib_path):
    _filled(lib_path)
    other = sqlite3.connect(lib_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with Library.open(lib_path, timeout=0.2) as lib:
            assert lib.count_documents() == 3  # WAL: reading goes on
            with pytest.raises(LibraryError, match="busy or locked"):
                lib.add_document(_doc(50))
    finally:
        other.execute("ROLLBACK")
        other.close()
    with Library.open(lib_path) as lib:
        lib.add_document(_doc(50))
        assert lib.count_documents() == 4


def test_missing_folder_is_created_and_directory_refused(tmp_path):
    with Library.open(tmp_path / "a" / "b" / "library.db") as lib:
        assert lib.count_documents() == 0
    with pytest.raises(LibraryError, match="is a directory"):
        Library.open(tmp_path / "a")


WRITER = textwrap.dedent("""
    import sys
    from synopsis.core.model import Document
    from synopsis.library import Library
    lib = Library.open(sys.argv[1])
    i = 0
    while True:
        doc_id = lib.add_document(Document(text="Envoy talk %d. " % i * 40, title="T%d" % i,
                                           source="s", sha256=""))
        lib.create_case("case %d" % i) if i % 5 == 0 else None
        print(doc_id, flush=True)
        i += 1
""")


def test_killed_writer_leaves_consistent_library(lib_path):
    Library.open(lib_path).close()
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(lib_path)], stdout=subprocess.PIPE,
                            text=True)
    committed = []
    try:
        for line in proc.stdout:
            committed.append(int(line))
            if len(committed) >= 60:
                break
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
    assert len(committed) >= 60
    with Library.open(lib_path) as lib:
        assert lib.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {r[0] for r in lib.conn.execute("SELECT id FROM documents")}
        assert set(committed) <= stored  # everything reported as saved is there
        fts = lib.conn.execute("SELECT count(*) FROM documents_fts").fetchone()[0]
        assert fts == len(stored)  # the index was written in the same transactions
        assert len(lib.search("envoy", kinds=("document",), limit=10_000)) == len(stored)
