"""``synopsis gui [A [B]]``: open the desktop app, optionally comparing two sources."""
from __future__ import annotations

from pathlib import Path

import click

from .options import window_size


@click.command()
@click.argument("sources", nargs=-1, metavar="[A [B [C…]]]")
@click.option("--screenshot", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Compare, save a PNG of the window to this file and exit (renders offscreen).")
@click.option("--size", default="1400x900", show_default=True, help="Window size for --screenshot.")
@click.option("--theme", type=click.Choice(["system", "light", "dark"]), default=None,
              help="Colour theme (default: the remembered one, else the system's).")
@click.option("--library", "show_library", is_flag=True,
              help="Show the library dock (the library file: $SYNOPSIS_LIBRARY or the preference).")
def gui(sources: tuple[str, ...], screenshot: Path | None, size: str, theme: str | None,
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
    try:
        dims = window_size(size)
    except click.BadParameter as exc:
        raise click.UsageError(str(exc)) from None
    from ..gui.app import run

    padded = list(sources) + [None] * max(0, 2 - len(sources))
    code = run(*padded, screenshot=str(screenshot) if screenshot else None,
               size=dims, theme=theme, library=show_library)
    if code:
        raise SystemExit(code)
