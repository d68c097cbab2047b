"""``synopsis compare A B [C …]``: align sources and print or write the report."""
from __future__ import annotations

from pathlib import Path

import click

from ..core import Settings
from .errors import CliError
from .options import settings_options, timeout_option


@click.command()
@click.argument("sources", nargs=-1, required=True, metavar="A B [C …]")
@click.option("--format", "fmt", default=None,
              help="Output format: text, json, … (default: from the -o extension, else text).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the report to this file instead of standard output.")
@settings_options
@timeout_option
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Library to look up ids like d12 in (default: $SYNOPSIS_LIBRARY or the user-data folder).")
@click.option("--color/--no-color", default=None, help="Colour the text output (default: when a terminal).")
def compare(sources: tuple[str, ...], fmt: str | None, output: Path | None, settings: Settings,
            timeout: float, db: Path | None, color: bool | None) -> None:
    """Compare sources passage by passage.

    \b
    Examples:
      synopsis compare a.txt b.txt
      synopsis compare a.txt b.txt --format json -o report.json
      synopsis compare a.txt b.txt --granularity paragraph --shared-threshold 0.9
      synopsis compare d1 d2 c.txt        # d1, d2: documents stored in the library
    """
    # the engine, the library and the exports are imported here, so that --help starts without
    # them, and the engine only once the output has been found safe to write
    from .. import export
    from .destination import Destination
    if len(sources) < 2:
        raise click.UsageError("give at least two sources to compare")
    if len(sources) > 2:
        from .collection import compare_many
        compare_many(sources, settings, fmt=fmt, output=output, color=color, db=db, timeout=timeout)
        return
    try:
        fmt = export.format_for(output, fmt)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    destination = Destination(output, sources=sources, db=db)
    destination.check()
    from .. import runtime
    from ..export.terminal import render_summary
    from .sources import load_source
    doc_a = load_source(sources[0], max_bytes=settings.max_bytes, timeout=timeout, db=db)
    doc_b = load_source(sources[1], max_bytes=settings.max_bytes, timeout=timeout, db=db)
    report = runtime.compare(doc_a, doc_b, settings, settle=True)   # (its objects frozen: never walked again)
    if output is None and fmt == "text":
        destination.print_text(render_summary(report), color=color)
    else:
        with runtime.collector_paused():    # (the report's objects all live until it is written)
            data = export.render(report, fmt)
        destination.write(data, fmt)
