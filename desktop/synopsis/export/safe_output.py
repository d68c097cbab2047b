"""Writing an output file without ever destroying what the user has: the one way every writer
(``compare -o``, ``library export``, ``matrix --screenshot``, ``gui --screenshot``, File ▸ Export)
puts bytes on disk.

The rules, in order:

- An output that *is* one of the inputs or the library (the same file by its real path, through
  a symbolic link or a hard link) is refused before anything is written; so is any SQLite
  database (another library), which no report ever replaces.
- A symbolic link is written through: the file it points to gets the new content, the link stays.
  Only a regular file reached under its real name is ever replaced: a path whose real location
  cannot be named is refused, so no link (``/dev/stdout`` itself) is ever replaced by a file.
- A path naming one of this process's open descriptors (``/dev/stdout``, ``/dev/fd/3``) is
  written through that descriptor: ``-o /dev/stdout >> log`` appends to the log.
- A regular file (or a new one) is written atomically: a temporary file beside the real target,
  flushed to disk, then renamed over it. A failed write (a full disk) leaves the old file as it
  was and no temporary file behind. An existing file keeps its permission bits; a read-only one
  is refused rather than replaced.
- A FIFO or a character device the user names (``/dev/null``, ``/dev/stdout``, a terminal, a
  named pipe) is written straight into and never replaced by a regular file; a FIFO that no
  program is reading is refused instead of waited on.
- Anything else (a folder, a block device, a socket) is refused.
"""
from __future__ import annotations

import errno
import os
import re
import secrets
import stat
from pathlib import Path
from typing import Iterable

from ..core.errors import SynopsisError


class OutputError(SynopsisError):
    """The output cannot be written; ``str()`` names the file and the reason on one line."""

    def __init__(self, path: object, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


def library_files(path: str | os.PathLike[str] | None) -> list[Path]:
    """The library file and the files SQLite keeps beside it (all protected from outputs)."""
    if path is None:
        return []
    base = Path(path)
    if not base.name:  # "" or "." (a folder: the library open refuses it in its own words)
        return [base]
    return [base] + [base.with_name(base.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def _stat(path: Path) -> os.stat_result | None:
    """``os.stat`` following links; None when nothing is there; refusals for the odd cases."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise OutputError(path, "is a symbolic link loop (it points back to itself)") from None
        if exc.errno == errno.ENOTDIR:
            raise OutputError(path, "a part of this path is a file, not a folder") from None
        raise OutputError(path, f"cannot be checked ({exc.strerror or exc})") from None


def _same_file(info: os.stat_result, real: str, other: Path) -> bool:
    try:
        other_info = os.stat(other)
    except OSError:
        return os.path.realpath(other) == real
    return os.path.samestat(info, other_info)


def check_not_protected(path: str | os.PathLike[str], protected: Iterable[str | os.PathLike[str]],
                        library: Iterable[str | os.PathLike[str]] = ()) -> None:
    """Refuse ``path`` when it is one of ``protected`` (inputs) or ``library`` files."""
    path = Path(path)
    info = _stat(path)
    if info is None:
        return  # nothing there yet: writing it cannot overwrite an input
    real = os.path.realpath(path)
    if not stat.S_ISREG(info.st_mode):
        return  # a device or FIFO is written into, not replaced
    for other in library:
        if _same_file(info, real, Path(other)):
            raise OutputError(path, f"is the library ({other}); choose another output file")
    for other in protected:
        if _same_file(info, real, Path(other)):
            same = "" if os.path.abspath(other) == os.path.abspath(path) else f" ({other})"
            raise OutputError(path, f"is one of the inputs{same}; choose another output file")


def check_output(path: str | os.PathLike[str], *, protected: Iterable[str | os.PathLike[str]] = (),
                 library: Iterable[str | os.PathLike[str]] = ()) -> None:
    """Every refusal :func:`write_output` would make, without writing (checked before long work)."""
    path = Path(path)
    check_not_protected(path, list(protected), list(library))
    info = _stat(path)
    if info is None:
        _check_folder(Path(os.path.realpath(path)).parent if os.path.islink(path) else path.parent, path)
    elif stat.S_ISDIR(info.st_mode):
        raise OutputError(path, "is a folder; give a file name")
    elif not (stat.S_ISREG(info.st_mode) or stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode)):
        raise OutputError(path, f"is a {_kind(info.st_mode)}; refusing to write a report into it")
    elif stat.S_ISREG(info.st_mode) and not os.access(path, os.W_OK):
        raise OutputError(path, "is read-only; it was left as it was")
    elif stat.S_ISREG(info.st_mode) and _is_database(path):
        raise OutputError(path, "is an SQLite database (a library?); a report never replaces one")


def write_output(path: str | os.PathLike[str], data: bytes, *,
                 protected: Iterable[str | os.PathLike[str]] = (),
                 library: Iterable[str | os.PathLike[str]] = ()) -> Path:
    """Write ``data`` to ``path`` under the rules above; returns the file actually written."""
    path = Path(path)
    check_output(path, protected=protected, library=library)
    descriptor = own_descriptor(path)
    if descriptor is not None:
        _write_descriptor(path, descriptor, data)
        return path
    info = _stat(path)
    if info is not None and (stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode)):
        _write_into(path, data, fifo=stat.S_ISFIFO(info.st_mode))
        return path
    target = Path(os.path.realpath(path))
    if not _nameable(target, info):
        raise OutputError(path, f"cannot tell where this path leads ({target}); give the real file name")
    _write_replacing(target, data, info, shown=path)
    return target


def _nameable(target: Path, info: os.stat_result | None) -> bool:
    """Whether ``target`` (a real path) is the file ``info`` describes, under a name that can be
    replaced: never a symbolic link (realpath stops at what it cannot resolve, such as
    /dev/stdout's /proc link to a deleted file) and never something else than what was named."""
    try:
        found = os.lstat(target)
    except FileNotFoundError:
        return info is None  # a new file: nothing is there to lose
    except OSError:
        return False
    return info is not None and stat.S_ISREG(found.st_mode) and os.path.samestat(found, info)


def _is_database(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _kind(mode: int) -> str:
    if stat.S_ISBLK(mode):
        return "block device (a disk)"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"


def _check_folder(folder: Path, shown: Path) -> None:
    folder = folder if str(folder) else Path(".")
    try:
        info = os.stat(folder)
    except FileNotFoundError:
        raise OutputError(shown, f"the folder {folder} does not exist") from None
    except OSError as exc:
        raise OutputError(shown, f"the folder {folder} cannot be used ({exc.strerror or exc})") from None
    if not stat.S_ISDIR(info.st_mode):
        raise OutputError(shown, f"{folder} is not a folder")


def _reason(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    if exc.errno == errno.EFBIG:
        return "the file would be larger than this system allows"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EROFS:
        return "the disk is read-only"
    return exc.strerror or str(exc)


_STANDARD = {"/dev/stdin": 0, "/dev/stdout": 1, "/dev/stderr": 2}
_FD_PATH = re.compile(r"/(?:dev/fd|proc/self/fd|proc/thread-self/fd)/(\d+)")


def own_descriptor(path: str | os.PathLike[str]) -> int | None:
    """The file descriptor of this process that ``path`` names (``/dev/stdout``, ``/dev/fd/3``,
    ``/proc/self/fd/1``, or a link to one), if it is open; else None."""
    current = os.path.abspath(path)
    for _ in range(40):  # follow the chain of links by hand: realpath cannot name a pipe or socket
        number = _STANDARD.get(current)
        match = _FD_PATH.fullmatch(current) or re.fullmatch(rf"/proc/{os.getpid()}/fd/(\d+)", current)
        if number is None and match:
            number = int(match.group(1))
        if number is not None:
            try:
                os.fstat(number)
            except OSError:
                return None
            return number
        if not os.path.islink(current):
            return None
        current = os.path.normpath(os.path.join(os.path.dirname(current), os.readlink(current)))
    return None


def _write_descriptor(path: Path, descriptor: int, data: bytes) -> None:
    """Write through the descriptor the user named (``-o /dev/stdout``): its file, its position
    and its mode (``>>`` appends) are the user's; nothing is truncated or replaced."""
    _write_all(path, os.dup(descriptor), data)


def _write_into(path: Path, data: bytes, *, fifo: bool) -> None:
    """Write into a FIFO or a character device as it is: no create, no truncate, no rename."""
    flags = os.O_WRONLY | (os.O_NONBLOCK if fifo else 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise OutputError(path, "is a named pipe (FIFO) that no program is reading; "
                                    "start the reader first") from None
        raise OutputError(path, f"cannot write ({_reason(exc)})") from None
    _write_all(path, fd, data)


def _write_all(path: Path, fd: int, data: bytes) -> None:
    """Write every byte to ``fd`` (blocking), then close it; failures are one line."""
    try:
        os.set_blocking(fd, True)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    except OSError as exc:
        if exc.errno == errno.EPIPE:
            raise OutputError(path, "the program reading this pipe stopped reading") from None
        raise OutputError(path, f"cannot write ({_reason(exc)})") from None
    finally:
        os.close(fd)


def _temporary(folder: Path, name: str, mode: int) -> tuple[int, Path]:
    for _ in range(100):
        tmp = folder / f".{name}.{secrets.token_hex(4)}.tmp"
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode), tmp
        except FileExistsError:
            continue
    raise OutputError(folder / name, "cannot create a temporary file beside it")


def _write_replacing(target: Path, data: bytes, info: os.stat_result | None, *, shown: Path) -> None:
    """Write a regular file atomically next to its real location; the old one survives a failure."""
    # a new file gets 0o666 minus the umask (os.open applies it), as any program's output would
    mode = stat.S_IMODE(info.st_mode) if info is not None else 0o666
    try:
        fd, tmp = _temporary(target.parent, target.name, mode)
    except OSError as exc:
        raise OutputError(shown, f"cannot write in {target.parent} ({_reason(exc)})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if info is not None:
            os.chmod(tmp, mode)  # os.open's mode was narrowed by the umask
        os.replace(tmp, target)
    except OSError as exc:
        _remove_quietly(tmp)
        kept = " it was left as it was" if info is not None else " nothing was written"
        raise OutputError(shown, f"cannot write ({_reason(exc)});{kept}") from None
    except BaseException:
        _remove_quietly(tmp)
        raise


def _remove_quietly(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
