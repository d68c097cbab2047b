"""Many sources at once: ``synopsis compare A B C …`` and ``synopsis matrix A B C …``."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Sequence

import click

from .. import export, runtime
from ..core import Document, Settings
from ..core.collection import DEFAULT_GROUP_THRESHOLD, CollectionReport
from ..core.ingest.sidecar import read_manifest, with_metadata
from ..core.ingest.url import DEFAULT_TIMEOUT
from ..export.terminal import render_collection
from .destination import Destination
from .errors import CliError
from .gui import require_display
from .options import settings_options, size_option, timeout_option
from .sources import load_source


def load_all(sources: Sequence[str], settings: Settings, manifest: Path | None = None, *,
             db: Path | None = None, timeout: float = DEFAULT_TIMEOUT) -> list[Document]:
    """The named sources loaded, with the metadata ``manifest`` gives them (by file name)."""
    documents = [load_source(source, max_bytes=settings.max_bytes, timeout=timeout, db=db)
                 for source in sources]
    if manifest is None:
        return documents
    entries = read_manifest(manifest, strict=True)
    return [with_metadata(doc, entries.get(Path(doc.source).name, {})) for doc in documents]


def _progress(stage: str, fraction: float) -> None:
    try:
        if sys.stderr.isatty():
            click.echo(f"\r{stage:<24} {fraction:4.0%}", err=True, nl=fraction >= 1.0)
    except (OSError, ValueError):
        pass  # progress is a courtesy; a closed standard error must not stop the work


def compare_many(sources: Sequence[str], settings: Settings, *, fmt: str | None, output: Path | None,
                 color: bool | None, group_threshold: float = DEFAULT_GROUP_THRESHOLD,
                 manifest: Path | None = None, db: Path | None = None,
                 timeout: float = DEFAULT_TIMEOUT) -> CollectionReport:
    """Compare every pair of ``sources``; print or write the collection report."""
    try:
        fmt = export.format_for(output, fmt, export.COLLECTION)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    destination = Destination(output, sources=[*sources, *([str(manifest)] if manifest else [])], db=db)
    destination.check()
    documents = load_all(sources, settings, manifest, db=db, timeout=timeout)
    collection = runtime.compare_collection(documents, settings, group_threshold=group_threshold,
                                            progress=_progress)
    if output is None and fmt == "text":
        destination.print_text(render_collection(collection), color=color)
    else:
        destination.write(export.render(collection, fmt), fmt)
    return collection


@click.command()
@click.argument("sources", nargs=-1, required=True, metavar="A B [C …]")
@settings_options
@click.option("--group-threshold", type=click.FloatRange(0, 1), default=DEFAULT_GROUP_THRESHOLD,
              show_default=True, help="Pair score a link needs to join passages into one statement.")
@click.option("--manifest", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="JSON manifest giving outlet and published time per file (as seeds/manifest.json).")
@click.option("--screenshot", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Render the window offscreen into this PNG and exit.")
@size_option("Window size, WIDTHxHEIGHT")
@timeout_option
def matrix(sources: tuple[str, ...], settings: Settings, group_threshold: float, manifest: Path | None,
           screenshot: Path | None, size: tuple[int, int], timeout: float) -> None:
    """Show the claim matrix and similarity heat map of many sources in a window.

    \b
    Examples:
      synopsis matrix seeds/*.txt --manifest seeds/manifest.json
      synopsis matrix a.txt b.txt c.txt --screenshot matrix.png --size 1400x900
    """
    if len(sources) < 2:
        raise click.UsageError("give at least two sources")
    destination = Destination(screenshot, sources=[*sources, *([str(manifest)] if manifest else [])])
    destination.check()
    require_display(screenshot)
    collection = runtime.compare_collection(load_all(sources, settings, manifest, timeout=timeout), settings,
                                            group_threshold=group_threshold, progress=_progress)
    from ..gui.collection.window import run_window

    sys.exit(run_window(collection, size=size, screenshot=screenshot,
                        protected=destination.protected, library=destination.library))
