"""Rebuild Qt's bundled ICU data library without the data Qt never reads (Linux build step).

PySide6 ships ``libicudata.so.NN``: one 32 MB symbol, ``icudtNN_dat``, holding ICU's common data
package. Qt Core calls ICU for collation (``ucol_*``), case mapping, time-zone ids (``ucal_*``)
and named text encodings (``ucnv_*``), and for nothing else: it imports no break iterator, no
character-name and no formatting function (``objdump -T libQt6Core.so.6``; Qt breaks text with
its own Unicode tables). So these go: ICU's formatting of units, currencies, time-zone, language
and region names, transliteration and spelled-out numbers; the break rules and their word
dictionaries; character names and the confusables table; and the conversion tables of legacy
encodings (Synopsis decodes every input in Python and hands Qt only Unicode text; UTF-8, UTF-16,
UTF-32, ASCII and Latin-1 are computed by ICU without tables, and the alias table stays). About
24 MB in all are removed with ``icupkg`` (Debian: icu-devtools) and the rest is linked back into a
library with the same soname and symbol, so libicuuc loads it exactly as before.

    python packaging/trim_icu.py path/to/libicudata.so.73

Prints one line with the sizes; exits 2 with one line when a tool is missing or the library is
not what it expects (the build then keeps the original library).
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# Items of the ICU data package that Qt does not open (see the module docstring): whole trees,
# top-level items by suffix (a legacy encoding's table, ``*.cnv``) and single items.
UNUSED_TREES = ("unit", "curr", "zone", "lang", "region", "translit", "rbnf", "brkitr")
UNUSED_SUFFIXES = (".cnv",)
UNUSED_ITEMS = ("unames.icu", "confusables.cfu")


def unused(item: str) -> bool:
    """Whether the package item ``item`` (``brkitr/word.brk``, ``ibm-943_P15A-2003.cnv``) goes."""
    return (item.split("/")[0] in UNUSED_TREES or item.endswith(UNUSED_SUFFIXES)
            or item in UNUSED_ITEMS)

ASSEMBLY = """\
    .section .rodata
    .globl {symbol}
    .type {symbol}, @object
    .balign 16
{symbol}:
    .incbin "{data}"
    .size {symbol}, . - {symbol}
    .section .note.GNU-stack,"",@progbits
"""


class TrimError(Exception):
    """The library cannot be trimmed here; the message says why."""


def run(*args: str, cwd: Path | None = None) -> str:
    result = subprocess.run(args, capture_output=True, text=True, cwd=cwd)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise TrimError(f"{args[0]} failed: {detail[-1] if detail else result.returncode}")
    return result.stdout


def data_symbol(library: Path) -> tuple[str, int, int]:
    """Name, file offset and size of the ``icudtNN_dat`` symbol in ``library``."""
    symbols = run("objdump", "-T", str(library))
    found = re.search(r"^([0-9a-f]+)\s.*\.rodata\s+([0-9a-f]+)\s+(icudt\d+_dat)\s*$", symbols, re.M)
    if not found:
        raise TrimError(f"{library}: no icudtNN_dat symbol")
    address, size, name = int(found[1], 16), int(found[2], 16), found[3]
    sections = run("readelf", "-W", "-S", str(library))
    rodata = re.search(r"\.rodata\s+PROGBITS\s+([0-9a-f]+)\s+([0-9a-f]+)", sections)
    if not rodata:
        raise TrimError(f"{library}: no .rodata section")
    return name, address - int(rodata[1], 16) + int(rodata[2], 16), size


def trim(library: Path) -> tuple[int, int]:
    """Replace ``library`` in place with a trimmed build; returns (bytes before, bytes after)."""
    for tool in ("icupkg", "objdump", "readelf", "cc"):
        if shutil.which(tool) is None:
            raise TrimError(f"{tool} not found (icupkg: Debian package icu-devtools)")
    symbol, offset, size = data_symbol(library)
    stem = symbol[: -len("_dat")] + "l"  # icudt73 -> icudt73l, the little-endian package name
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        with library.open("rb") as handle:
            handle.seek(offset)
            (work / f"{stem}.dat").write_bytes(handle.read(size))
        items = run("icupkg", "-l", f"{stem}.dat", cwd=work).split()
        removed = [item for item in items if unused(item)]
        if not removed:
            raise TrimError(f"{library}: none of {', '.join(UNUSED_TREES)} found; not ICU data?")
        (work / "unused.txt").write_text("\n".join(removed) + "\n")
        # icupkg names the items after the output file, so it keeps the package's name
        (work / "small").mkdir()
        run("icupkg", "-r", "unused.txt", f"{stem}.dat", f"small/{stem}.dat", cwd=work)
        (work / "data.S").write_text(ASSEMBLY.format(symbol=symbol, data=f"small/{stem}.dat"))
        soname = re.search(r"SONAME\)\s+Library soname: \[([^\]]+)\]",
                           run("readelf", "-d", str(library)))
        if not soname:
            raise TrimError(f"{library}: no soname")
        run("cc", "-shared", "-nostdlib", "-Wl,-soname," + soname[1], "-Wl,-z,noexecstack",
            "-o", "lib.so", "data.S", cwd=work)
        before = library.stat().st_size
        shutil.copyfile(work / "lib.so", library)
    return before, library.stat().st_size


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: trim_icu.py path/to/libicudataNN.so", file=sys.stderr)
        return 2
    library = Path(argv[0])
    if not library.is_file():
        print(f"trim_icu: {library}: no such file", file=sys.stderr)
        return 2
    try:
        before, after = trim(library)
    except TrimError as exc:
        print(f"trim_icu: {exc}", file=sys.stderr)
        return 2
    print(f"trim_icu: {library.name} {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
