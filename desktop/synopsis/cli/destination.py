"""Where a command's report goes: a file (through :mod:`synopsis.export.safe_output`) or
standard output (made safe for a terminal).

The inputs named on the command line and the library (``--db``, ``$SYNOPSIS_LIBRARY`` or the
default one) are protected: ``-o`` naming any of them is refused before the work starts.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from ..export.safe_output import check_output, library_files, write_output
from ..library.paths import default_path
from .errors import CliError, note
from .terminal import echo, stdout_is_terminal, visible, visible_bytes, visible_json, write_bytes


def input_paths(sources: Iterable[str]) -> list[str]:
    """The sources that are files on this machine (not URLs, ``-`` or library ids)."""
    out = []
    for source in sources:
        if source == "-" or "://" in source[:12]:
            continue
        if os.path.lexists(source):
            out.append(source)
    return out


class Destination:
    """The output named by ``-o`` (or standard output when None), with what it must not be."""

    def __init__(self, output: Path | None, *, sources: Iterable[str] = (), db: str | os.PathLike[str] | None = None):
        self.output = output
        self.protected = input_paths(sources)
        self.library = library_files(default_path(db))

    def check(self) -> None:
        """Refuse now what writing would refuse later (so no comparison is run for nothing)."""
        if self.output is not None:
            check_output(self.output, protected=self.protected, library=self.library)

    def write(self, data: bytes, fmt: str) -> None:
        """Write a rendered report: into the file, or to standard output."""
        if self.output is None:
            if stdout_is_terminal():
                if fmt == "pdf":
                    raise CliError("a PDF is not for a terminal; write it to a file with -o report.pdf")
                data = (visible_json(data.decode("utf-8")).encode("utf-8") if fmt == "json"
                        else visible_bytes(data))
            write_bytes(data)
            return
        written = write_output(self.output, data, protected=self.protected, library=self.library)
        shown = (f"{self.output} (→ {written})" if os.path.islink(self.output) and str(written) != str(self.output)
                 else self.output)
        note(f"wrote {visible(shown)} ({fmt})")

    def print_text(self, text: str, *, color: bool | None) -> None:
        """A text report (already made visible) to standard output."""
        echo(text, color=color)
