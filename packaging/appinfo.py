"""Facts about the app the packaging scripts share; the version is read from the package source.

    python packaging/appinfo.py version        # prints synopsis.__version__
    python packaging/appinfo.py nsis OUT.nsh   # !define VERSION / VERSION_QUAD for the installer
"""
from __future__ import annotations

import contextlib
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "Synopsis"
PACKAGE = "synopsis"
APP_ID = "io.github.synopsis.Synopsis"


def version() -> str:
    """``synopsis.__version__``, read without importing the package (no dependencies needed)."""
    text = (ROOT / "desktop" / "synopsis" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.M)
    if not match:
        raise SystemExit("appinfo: no __version__ in desktop/synopsis/__init__.py")
    return match.group(1)


def numeric_version(ver: str) -> str:
    """Four dot-separated numbers, as Windows version resources require (``1.2rc1`` → ``1.2.0.0``)."""
    numbers = [int(re.match(r"\d*", part).group() or 0) for part in ver.split(".")[:4]]
    return ".".join(str(n) for n in numbers + [0] * (4 - len(numbers)))


def nsis_defines(ver: str) -> str:
    return (f'!define VERSION "{ver}"\n!define VERSION_QUAD "{numeric_version(ver)}"\n'
            f'!define APP_NAME "{NAME}"\n')


@contextlib.contextmanager
def build_lock():
    """Hold the lock build-linux.sh and smoke-test.sh take (they share packaging/out and the
    installed package), so a build plus smoke test runs whole; the scripts see it is held."""
    import fcntl

    path = ROOT / "packaging" / "out" / ".lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        previous = os.environ.get("SYNOPSIS_PACKAGING_LOCKED")
        os.environ["SYNOPSIS_PACKAGING_LOCKED"] = "1"
        try:
            yield
        finally:
            if previous is None:
                del os.environ["SYNOPSIS_PACKAGING_LOCKED"]
            else:
                os.environ["SYNOPSIS_PACKAGING_LOCKED"] = previous


def main(argv: list[str]) -> int:
    if argv == ["version"]:
        print(version())
        return 0
    if len(argv) == 2 and argv[0] == "nsis":
        out = Path(argv[1])
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(nsis_defines(version()), encoding="utf-8")
        return 0
    print("usage: appinfo.py version | appinfo.py nsis OUT.nsh", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
