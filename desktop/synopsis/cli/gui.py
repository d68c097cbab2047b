"""``synopsis gui [A [B]]``: open the desktop app, optionally comparing two sources."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .destination import Destination
from .errors import CliError
from .options import size_option


def require_display(screenshot: object) -> None:
    """Refuse in one line to open a window where there is no screen (Qt would abort)."""
    if screenshot is not None or not sys.platform.startswith("linux"):
        return
    if os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return
    raise CliError("no display to open a window on (no $DISPLAY or $WAYLAND_DISPLAY); "
                   "use --screenshot FILE.png, or synopsis compare in a terminal")


@click.command()
@click.argument("sources", nargs=-1, metavar="[A [B [C…]]]")
@click.option("--screenshot", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Compare, save a PNG of the window to this file and exit (renders offscreen).")
@size_option("Window size for --screenshot")
@click.option("--theme", type=click.Choice(["system", "light", "dark"]), default=None,
              help="Colour theme (default: the remembered one, else the system's).")
@click.option("--library", "show_library", is_flag=True,
              help="Show the library dock (the library file: $SYNOPSIS_LIBRARY or the preference).")
def gui(sources: tuple[str, ...], screenshot: Path | None, size: tuple[int, int], theme: str | None,
        show_library: bool) -> None:
    """Open the desktop app.

    \b
    Examples:
      synopsis gui
      synopsis gui a.txt b.txt
      synopsis gui a.txt b.txt --screenshot docs/screenshots/light.png --theme light
      synopsis gui a.txt b.txt --library
      synopsis gui a.txt b.txt c.txt d.txt       # three or more: the claim matrix

    Two sources open side by side; three or more open the claim matrix of them all (as File ▸
    Compare many sources…). Sources are files or http(s) addresses.
    """
    destination = Destination(screenshot, sources=sources)
    destination.check()
    require_display(screenshot)
    from ..gui.app import run

    padded = list(sources) + [None] * max(0, 2 - len(sources))
    code = run(*padded, screenshot=str(screenshot) if screenshot else None,
               size=size, theme=theme, library=show_library, protected=destination.protected,
               library_files=destination.library)
    if code:
        raise SystemExit(code)
