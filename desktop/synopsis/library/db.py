"""Opening the library file safely: refuse what is not ours, back up, migrate, WAL, locking.

Nothing here writes to a file before it has been checked: a file that is not SQLite, fails
``PRAGMA quick_check``, belongs to another program or to a newer Synopsis is refused with one
line and left byte-identical. Every write runs in :meth:`LibraryDB.transaction` (``BEGIN
IMMEDIATE`` … ``COMMIT``) with a busy timeout, so two app instances on one file wait for each
other instead of failing or corrupting it.
"""
from __future__ import annotations

import os
import sqlite3
import stat
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator
from urllib.parse import quote

import sqlite_utils

from ..core.clock import now_iso
from .errors import LibraryError
from .migrations import KNOWN, MIGRATIONS, SCHEMA_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"
DEFAULT_TIMEOUT = 5.0


def describe_sqlite_error(exc: sqlite3.Error) -> str:
    """A user-readable reason for an sqlite3 error."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return "the library is busy or locked by another program (another Synopsis window?); try again"
    if "readonly" in text or "read-only" in text:
        return "the library is read-only; changes cannot be saved"
    if "disk is full" in text or "full" in text:
        return "the disk is full; this change was not saved"
    if "disk i/o error" in text:
        return ("the library file could not be written (disk I/O error: a full disk or a file size "
                "limit?); this change was not saved")
    if "malformed" in text or "not a database" in text:
        return "the library file is damaged (corrupt); it was left untouched"
    return f"database error: {exc}"


def _applied(conn: sqlite3.Connection) -> list[str]:
    has = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='_migrations'").fetchone()
    if not has:
        return []
    return [row[0] for row in conn.execute("SELECT name FROM _migrations ORDER BY rowid")]


class LibraryDB:
    """A checked, migrated connection to one library file (see :meth:`open`)."""

    def __init__(self, path: Path, conn: sqlite3.Connection, readonly: bool, reason: str = "") -> None:
        self.path = path
        self.conn = conn
        self.db = sqlite_utils.Database(conn)
        self.readonly = readonly
        self.readonly_reason = reason
        self.backup_path: Path | None = None

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike[str], *, readonly: bool = False,
             timeout: float = DEFAULT_TIMEOUT):
        """Open (creating if needed) the library at ``path``; raises :class:`LibraryError`."""
        path = Path(path)
        try:
            exists = path.exists()
        except (OSError, ValueError) as exc:  # a name too long, a NUL in it
            raise LibraryError(path, f"cannot be opened ({getattr(exc, 'strerror', None) or exc})") from None
        reason = ""
        if exists:
            _check_header(path)
            _check_plain_file(path)
            if not readonly and not _writable(path):
                readonly, reason = True, "the file or its folder is read-only"
        elif readonly:
            raise LibraryError(path, "no such library file")
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise LibraryError(path, f"cannot create the folder ({exc.strerror or exc})") from None
        ro_reason = "opened read-only" if readonly and not reason else reason
        conn = _connect(path, readonly, timeout)
        try:
            self = cls(path, conn, readonly, ro_reason)
            self._check_and_migrate(existed=exists and path.stat().st_size > 0)
        except LibraryError:
            conn.close()
            raise
        except sqlite3.Error as exc:
            conn.close()
            raise LibraryError(path, describe_sqlite_error(exc)) from None
        return self

    def _check_and_migrate(self, existed: bool) -> None:
        conn = self.conn
        if existed:
            result = [row[0] for row in conn.execute("PRAGMA quick_check")]
            if result != ["ok"]:
                raise LibraryError(self.path, "the library file is damaged (integrity check failed: "
                                   f"{result[0][:80]}); it was left untouched")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        applied = _applied(conn)
        unknown = [name for name in applied if name not in KNOWN]
        if version > SCHEMA_VERSION or unknown:
            raise LibraryError(self.path, f"made by a newer Synopsis (library schema {max(version, len(applied))}, "
                               f"this version knows {SCHEMA_VERSION}); open it with a newer Synopsis")
        if existed and not applied:
            tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
            if tables:
                raise LibraryError(self.path, "is an SQLite database but not a Synopsis library; "
                                   "it was left untouched")
        pending = [(n, f) for n, f in MIGRATIONS if n not in applied]
        if pending and self.readonly:
            raise LibraryError(self.path, f"needs upgrading to schema {SCHEMA_VERSION} but {self.readonly_reason}")
        if pending and applied:
            self.backup_path = self._backup(version)
        if not self.readonly:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA foreign_keys=ON")
        for name, func in pending:
            with self.transaction():
                if name in _applied(conn):  # another instance migrated meanwhile
                    continue
                conn.execute("CREATE TABLE IF NOT EXISTS _migrations "
                             "(name TEXT PRIMARY KEY, applied TEXT NOT NULL)")
                func(self.db)
                conn.execute("INSERT INTO _migrations (name, applied) VALUES (?, ?)", (name, now_iso()))
                position = [n for n, _ in MIGRATIONS].index(name) + 1
                conn.execute(f"PRAGMA user_version = {position:d}")

    def _backup(self, version: int) -> Path:
        stamp = time.strftime("%Y%m%dT%H%M%S")
        target = self.path.with_name(f"{self.path.name}.bak-{version}-{stamp}")
        n = 1
        while target.exists():
            n += 1
            target = self.path.with_name(f"{self.path.name}.bak-{version}-{stamp}-{n}")
        dest = sqlite3.connect(target)
        try:
            self.conn.backup(dest)
        finally:
            dest.close()
        return target

    # -- state -----------------------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def migrations(self) -> list[str]:
        return _applied(self.conn)

    def _live(self) -> sqlite3.Connection:
        if self.conn is None:
            raise LibraryError(self.path, "the library is closed")
        return self.conn

    def companion(self):
        """Another connection to this library file, already checked and migrated, for one other
        thread (a comparison in the background reading and writing passage embeddings while
        this one serves the window). The caller closes it."""
        conn = _connect(self.path, self.readonly, DEFAULT_TIMEOUT)
        if not self.readonly:
            conn.execute("PRAGMA foreign_keys=ON")
        return type(self)(self.path, conn, self.readonly, self.readonly_reason)

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None  # type: ignore[assignment]

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions ----------------------------------------------------------------------
    def require_writable(self) -> None:
        if self.readonly:
            raise LibraryError(self.path, f"{self.readonly_reason}; changes cannot be saved")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is committed, or none of it."""
        self.require_writable()
        conn = self._live()
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise LibraryError(self.path, describe_sqlite_error(exc)) from None
        try:
            yield conn
        except BaseException as exc:
            if conn.in_transaction:
                conn.rollback()
            if isinstance(exc, sqlite3.Error):
                raise LibraryError(self.path, describe_sqlite_error(exc)) from None
            raise
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.rollback()
            raise LibraryError(self.path, describe_sqlite_error(exc)) from None

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """Run queries, turning sqlite3 errors into one-line :class:`LibraryError`."""
        try:
            yield self._live()
        except sqlite3.Error as exc:
            raise LibraryError(self.path, describe_sqlite_error(exc)) from None


def _check_header(path: Path) -> None:
    if path.is_dir():
        raise LibraryError(path, "is a directory, not a library file")
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except PermissionError:
        raise LibraryError(path, "permission denied") from None
    except OSError as exc:
        raise LibraryError(path, f"cannot be read ({exc.strerror or exc})") from None
    if head and head != SQLITE_MAGIC:
        raise LibraryError(path, "is not a Synopsis library (not an SQLite database); it was left untouched")


def _check_plain_file(path: Path) -> None:
    """A library is a regular file reached under its real name. SQLite resolves links itself:
    given a device, a pipe, or a link it cannot name (``/dev/stdout`` leading to a deleted
    file), it would open something else or create a new database elsewhere."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise LibraryError(path, "is not a regular file (a device or a pipe?); a library is a file")
    real = os.path.realpath(path)
    try:
        same = os.path.samestat(os.stat(real), info)
    except OSError:
        same = False
    if not same:
        raise LibraryError(path, f"cannot tell where this path leads ({real}); give the library's real file name")


def _writable(path: Path) -> bool:
    # WAL needs to create -wal/-shm files beside the database.
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _read_only_uri(path: Path) -> str:
    """The URI that opens ``path`` for reading only.

    In WAL mode even a reader needs the ``-shm`` file beside the database; in a folder it
    cannot write, SQLite could not create it and every query failed ("attempt to write a
    readonly database"). There, with no pending ``-wal`` content, the file is opened
    ``immutable`` (nothing else can be changing it: nobody can write the folder); with
    pending content and no ``-shm`` it cannot be read safely and is refused.
    """
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    if os.access(path.parent, os.W_OK):
        return uri
    wal, shm = path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")
    pending = wal.exists() and wal.stat().st_size > 0
    if not pending:
        return uri + "&immutable=1"
    if not shm.exists():
        raise LibraryError(path, "has changes not yet merged into it (its -wal file) and its folder is "
                                 "read-only; open it once where it can be written")
    return uri


def _connect(path: Path, readonly: bool, timeout: float) -> sqlite3.Connection:
    try:
        if readonly:
            conn = sqlite3.connect(_read_only_uri(path), uri=True, timeout=timeout, isolation_level=None,
                                   check_same_thread=False)
        else:
            conn = sqlite3.connect(str(path), timeout=timeout, isolation_level=None,
                                   check_same_thread=False)
    except sqlite3.Error as exc:
        raise LibraryError(path, describe_sqlite_error(exc)) from None
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000):d}")
    return conn
