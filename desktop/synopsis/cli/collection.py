"""Many sources at once: ``synopsis compare A B C …`` and ``synopsis matrix A B C …``."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Sequence

import click

from ..core import Settings, SynopsisError
from ..core.collection import DEFAULT_GROUP_THRESHOLD, CollectionReport, compare_collection
from ..core.ingest.url import DEFAULT_TIMEOUT
from ..export.collection_table import CUES, rows, source_names
from .compare import engine_options, fail, settings_from_options
from .sources import load_source

# format -> module of synopsis.export with a ``render(collection) -> bytes``
FORMATS = {"text": None, "json": "collection_json", "csv": "collection_csv",
           "markdown": "collection_markdown", "html": "collection_html"}
EXTENSIONS = {".txt": "text", ".json": "json", ".csv": "csv", ".md": "markdown",
              ".markdown": "markdown", ".html": "html", ".htm": "html"}
CELL_COLOURS = {"shared": "blue", "paraphrased": "yellow", "absent": None, "unique": "magenta"}


def collection_format(output: Path | None, given: str | None) -> str:
    if given:
        given = "markdown" if given == "md" else given
        if given not in FORMATS:
            raise ValueError(f"unknown collection format {given!r} (known: {', '.join(FORMATS)})")
        return given
    if output is None:
        return "text"
    fmt = EXTENSIONS.get(output.suffix.lower())
    if fmt is None:
        raise ValueError(f"{output}: cannot tell the format from the extension {output.suffix or '(none)'}; "
                         f"use --format ({', '.join(FORMATS)})")
    return fmt


def render_collection(collection: CollectionReport, fmt: str) -> bytes:
    if fmt == "text":
        return (render_text(collection) + "\n").encode("utf-8")
    import importlib

    module = importlib.import_module(f"synopsis.export.{FORMATS[fmt]}")
    return module.render(collection)


def render_text(collection: CollectionReport, *, width: int = 100) -> str:
    """The claim matrix for a terminal: sources, similarity, then one line per statement."""
    names = source_names(collection)
    n = len(names)
    out = [click.style(f"Synopsis collection: {n} sources, {len(collection.statements)} statements", bold=True)]
    for k, doc in enumerate(collection.documents):
        published = doc.meta.get("published")
        out.append(f"  {k + 1}: {names[k]}  ({doc.source}, {len(doc.segments)} passages"
                   + (f", published {published}" if published else "") + ")")
    out += ["", click.style("Similarity (share of the row's text found in the column's)", bold=True),
            "      " + "".join(f"{k + 1:>6}" for k in range(n))]
    for i in range(n):
        out.append(f"  {i + 1:>3} " + "".join("     —" if i == j else f"{collection.similarity(i, j):6.0%}"
                                              for j in range(n)))
    out += ["", click.style("Claim matrix (S shared, P paraphrased, U one source only, — absent; "
                            "* reference, † published first)", bold=True)]
    text_w = max(20, width - 12 - 3 * n)
    for row in rows(collection):
        s = row.statement
        cells = []
        for k, label in enumerate(row.cells):
            mark = "*" if k == s.reference and len(s.members) > 1 else ("†" if k == s.earliest else " ")
            cells.append(click.style(CUES[label], fg=CELL_COLOURS[label]) + mark + " ")
        text = " ".join(row.text.split())
        text = text if len(text) <= text_w else text[:text_w - 1] + "…"
        facts = f" [{row.facts} fact(s)]" if row.facts else ""
        out.append(f"  {s.id:>4} " + "".join(cells) + text + facts)
    return "\n".join(out)


def load_all(sources: Sequence[str], settings: Settings, manifest: Path | None = None, *,
             db: Path | None = None, timeout: float = DEFAULT_TIMEOUT) -> list:
    documents = [load_source(source, max_bytes=settings.max_bytes, timeout=timeout, db=db)
                 for source in sources]
    if manifest is not None:
        apply_manifest(documents, manifest)
    return documents


def apply_manifest(documents: list, manifest: Path) -> None:
    """Take outlet / published from a manifest ({"articles": [{"file", "outlet", "published"}]})."""
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
        entries = {Path(a["file"]).name: a for a in data["articles"]}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise SynopsisError(f"{manifest}: not a usable manifest ({exc})") from None
    for doc in documents:
        entry = entries.get(Path(doc.source).name)
        if entry:
            for key in ("outlet", "published"):
                if entry.get(key) and not doc.meta.get(key):
                    doc.meta[key] = entry[key]


def _progress(stage: str, fraction: float) -> None:
    if sys.stderr.isatty():
        click.echo(f"\r{stage:<24} {fraction:4.0%}", err=True, nl=fraction >= 1.0)


def compare_many(sources: Sequence[str], settings: Settings, *, fmt: str | None, output: Path | None,
                 color: bool | None, group_threshold: float = DEFAULT_GROUP_THRESHOLD,
                 manifest: Path | None = None, db: Path | None = None,
                 timeout: float = DEFAULT_TIMEOUT) -> CollectionReport:
    """Compare every pair of ``sources``; print or write the collection report."""
    try:
        fmt = collection_format(output, fmt)
    except ValueError as exc:
        fail(str(exc))
    try:
        documents = load_all(sources, settings, manifest, db=db, timeout=timeout)
        collection = compare_collection(documents, settings, group_threshold=group_threshold,
                                        progress=_progress)
    except SynopsisError as exc:
        fail(str(exc))
    if output is None and fmt == "text":
        click.echo(render_text(collection), color=color)
    elif output is None:
        sys.stdout.buffer.write(render_collection(collection, fmt))
    else:
        from ..export import write_atomically

        try:
            write_atomically(output, render_collection(collection, fmt))
        except OSError as exc:
            fail(f"{output}: cannot write ({exc.strerror or exc})")
        click.echo(f"wrote {output} ({fmt})", err=True)
    return collection


def _size(value: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in value.lower().split("x"))
        if w < 200 or h < 150:
            raise ValueError
        return w, h
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a size like 1400x900") from None


@click.command()
@click.argument("sources", nargs=-1, required=True, metavar="A B [C …]")
@engine_options
@click.option("--group-threshold", type=click.FloatRange(0, 1), default=DEFAULT_GROUP_THRESHOLD,
              show_default=True, help="Pair score a link needs to join passages into one statement.")
@click.option("--manifest", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="JSON manifest giving outlet and published time per file (as seeds/manifest.json).")
@click.option("--screenshot", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Render the window offscreen into this PNG and exit.")
@click.option("--size", default="1400x900", show_default=True, help="Window size, WIDTHxHEIGHT.")
def matrix(sources: tuple[str, ...], granularity: str, shared_threshold: float | None,
           shared_max_changed_words: int | None, paraphrase_threshold: float | None, language: str | None, max_bytes: int, no_facts: bool,
           group_threshold: float, manifest: Path | None, screenshot: Path | None, size: str) -> None:
    """Show the claim matrix and similarity heat map of many sources in a window.

    \b
    Examples:
      synopsis matrix seeds/*.txt --manifest seeds/manifest.json
      synopsis matrix a.txt b.txt c.txt --screenshot matrix.png --size 1400x900
    """
    if len(sources) < 2:
        raise click.UsageError("give at least two sources")
    width, height = _size(size)
    settings = settings_from_options(granularity, shared_threshold, paraphrase_threshold, language,
                                     max_bytes, no_facts, shared_max_changed_words)
    try:
        collection = compare_collection(load_all(sources, settings, manifest), settings,
                                        group_threshold=group_threshold, progress=_progress)
    except SynopsisError as exc:
        fail(str(exc))
    from ..gui.collection.window import run_window

    sys.exit(run_window(collection, size=(width, height), screenshot=screenshot))
