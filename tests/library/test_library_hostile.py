"""The library against careless and hostile calls: out-of-range ids, endless searches, a
read-only file and folder, a write limit hit in the middle (real SQLite files)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from synopsis.core.model import Document
from synopsis.library import MAX_ID, Library, LibraryError, NotFound
from synopsis.library.db import describe_sqlite_error
from synopsis.library.search import MAX_QUERY_WORDS, QueryTooLong, fts_query


def test_ids_beyond_64_bits_are_not_found(lib, report):
    cid = lib.save_comparison(report)
    for too_big in (MAX_ID + 1, 2**80, -(2**70)):
        with pytest.raises(NotFound):
            lib.document_info(too_big)
        with pytest.raises(NotFound):
            lib.get_comparison(too_big)
        with pytest.raises(NotFound):
            lib.remove_comparison(too_big)
    assert lib.list_documents(limit=2**70, offset=0) and lib.list_documents(limit=5, offset=2**70) == []
    assert lib.list_comparisons(limit=2**64, offset=2**64) == []
    assert lib.comparison_info(cid)["id"] == cid
    with pytest.raises(NotFound):
        lib.add_to_case("Case", documents=[2**64])
    with pytest.raises(NotFound):
        lib.get_case(str(2**70))
    with pytest.raises(LibraryError):  # a superscript digit is not a number: a name, not found
        lib.get_case("²")


def test_a_search_is_a_few_words(lib, report):
    lib.save_comparison(report)
    assert lib.search(" ".join(["Kremlin"] * MAX_QUERY_WORDS))
    with pytest.raises(LibraryError, match=f"has {MAX_QUERY_WORDS + 1} words; the limit is {MAX_QUERY_WORDS}"):
        lib.search(" ".join(["Kremlin"] * (MAX_QUERY_WORDS + 1)))
    with pytest.raises(QueryTooLong):
        fts_query("x" * 20_000)
    with pytest.raises(LibraryError, match="20,000 characters"):
        lib.search("word " * 4_000)


def test_a_full_disk_is_not_reported_as_nothing_saved():
    import sqlite3

    assert describe_sqlite_error(sqlite3.OperationalError("database or disk is full")) == \
        "the disk is full; this change was not saved"
    assert "disk I/O error" in describe_sqlite_error(sqlite3.OperationalError("disk I/O error"))


def test_a_write_limit_mid_add_keeps_what_was_stored(tmp_path):
    """RLIMIT_FSIZE in a child process: each document is its own transaction, so the ones
    before the failure stay stored and the file stays a valid library."""
    db = tmp_path / "lib.db"
    Library.open(db).close()
    limit = db.stat().st_size + 300_000
    script = (
        "import resource, sys\n"
        "from synopsis.core.model import Document\n"
        "from synopsis.library import Library, LibraryError\n"
        f"lib = Library.open({str(db)!r})\n"
        f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))\n"
        "stored = 0\n"
        "try:\n"
        "    for n in range(40):\n"
        "        text = ' '.join(f'w{n}x{i}' for i in range(8000))\n"
        "        lib.add_document(Document(text=text, title=f'doc {n}', source=f'{n}.txt', sha256=''))\n"
        "        stored += 1\n"
        "except LibraryError as exc:\n"
        "    print(stored, exc)\n")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    stored, _, message = proc.stdout.strip().partition(" ")
    assert proc.returncode == 0 and 0 < int(stored) < 40, proc.stdout + proc.stderr
    assert "this change was not saved" in message
    with Library.open(db) as lib:
        assert lib.count_documents() == int(stored)


def test_a_read_only_library_in_a_read_only_folder_can_be_read(tmp_path, report, as_ordinary_user):
    source = tmp_path / "lib.db"
    with Library.open(source) as lib:
        cid = lib.save_comparison(report)
    folder = tmp_path / "cd-rom"
    folder.mkdir()
    shutil.copy(source, folder / "lib.db")
    (folder / "lib.db").chmod(0o444)
    folder.chmod(0o555)
    script = (
        "from synopsis.library import Library\n"
        f"lib = Library.open({str(folder / 'lib.db')!r})\n"
        "print(lib.readonly, lib.count_documents(), len(lib.search('Kremlin')),\n"
        f"      len(lib.get_comparison({cid}).links) > 0)\n")
    try:
        proc = subprocess.run(as_ordinary_user([sys.executable, "-c", script]), capture_output=True,
                              text=True, timeout=60)
    finally:
        folder.chmod(0o755)
    assert proc.stdout.split() == ["True", "2", "2", "True"], proc.stderr
    assert sorted(os.listdir(folder)) == ["lib.db"]  # nothing written beside it


def test_document_text_with_control_characters_round_trips(lib):
    text = "Title\x1b]0;x\x07 and\x00 more\x9b text.\n"
    doc_id = lib.add_document(Document(text=text, title="t\x1b[31m", source="x.txt", sha256=""))
    assert lib.document_info(doc_id)["text"] == text  # stored as given; escaped only where shown


def test_a_library_must_be_a_plain_file(tmp_path):
    """SQLite follows links itself: a library named through /proc/self/fd (here a deleted file,
    as a captured standard output is) would be created anew under that file's dead name."""
    import tempfile

    with tempfile.TemporaryFile(dir=tmp_path) as deleted:
        link = tmp_path / "stdout.db"
        link.symlink_to(f"/proc/self/fd/{deleted.fileno()}")
        with pytest.raises(LibraryError, match="cannot tell where this path leads"):
            Library.open(link)
    for special in ("/dev/null", "/dev/zero"):
        named = tmp_path / f"{special.rsplit('/', 1)[1]}.db"
        named.symlink_to(special)
        with pytest.raises(LibraryError, match="not a regular file|not an SQLite database"):
            Library.open(named)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null.db", "stdout.db", "zero.db"]
