"""``synopsis compare A B``: align two sources and print or write the report."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..core import Settings, SynopsisError, compare as run_compare
from ..core.config import DEFAULT_MAX_BYTES, GRANULARITIES
from ..core.ingest import load
from .output import render_summary

FORMATS = ("text", "json")


def _format_for(output: Path | None, given: str | None) -> str:
    if given:
        return given
    if output is not None and output.suffix.lower().lstrip(".") in FORMATS:
        return output.suffix.lower().lstrip(".")
    if output is not None:
        ext = output.suffix.lower().lstrip(".")
        return {"txt": "text"}.get(ext, ext or "text")
    return "text"


def write_atomically(path: Path, data: bytes) -> None:
    """Write via a temporary file and rename, so an existing file is never left half-written."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


@click.command()
@click.argument("sources", nargs=2, metavar="A B")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format (default: from the -o extension, else text).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the report to this file instead of standard output.")
@click.option("--granularity", type=click.Choice(GRANULARITIES), default="sentence", show_default=True,
              help="Align sentences or whole paragraphs.")
@click.option("--shared-threshold", type=click.FloatRange(0, 1), default=None,
              help="Similarity at or above which a pair is 'shared' (same words).")
@click.option("--paraphrase-threshold", type=click.FloatRange(0, 1), default=None,
              help="Score at or above which two passages are linked as paraphrases.")
@click.option("--language", default=None, help="Language of both sources (e.g. en, de); detected if not given.")
@click.option("--max-size", "max_bytes", type=click.IntRange(1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Largest source accepted, in bytes.")
@click.option("--no-facts", is_flag=True, help="Skip the changed-facts layer.")
@click.option("--color/--no-color", default=None, help="Colour the text output (default: when a terminal).")
def compare(sources: tuple[str, str], fmt: str | None, output: Path | None, granularity: str,
            shared_threshold: float | None, paraphrase_threshold: float | None, language: str | None,
            max_bytes: int, no_facts: bool, color: bool | None) -> None:
    """Compare two sources passage by passage.

    \b
    Examples:
      synopsis compare a.txt b.txt
      synopsis compare a.txt b.txt --format json -o report.json
      synopsis compare a.txt b.txt --granularity paragraph --shared-threshold 0.9
    """
    changes: dict = {"granularity": granularity, "language": language, "max_bytes": max_bytes,
                     "facts": not no_facts}
    if shared_threshold is not None:
        changes["shared_threshold"] = shared_threshold
    if paraphrase_threshold is not None:
        changes["paraphrase_threshold"] = paraphrase_threshold
    try:
        settings = Settings().replace(**changes)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    try:
        doc_a = load(sources[0], max_bytes=max_bytes)
        doc_b = load(sources[1], max_bytes=max_bytes)
        report = run_compare(doc_a, doc_b, settings)
    except SynopsisError as exc:
        click.echo(f"synopsis: error: {exc}", err=True)
        sys.exit(2)
    fmt = _format_for(output, fmt)
    if fmt == "json":
        data = report.to_json().encode("utf-8") + b"\n"
    elif fmt == "text":
        data = (click.unstyle(render_summary(report)) + "\n").encode("utf-8")
        if output is None:
            click.echo(render_summary(report), color=color)
            return
    else:
        click.echo(f"synopsis: error: {output}: unknown report format {fmt!r}", err=True)
        sys.exit(2)
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        try:
            write_atomically(output, data)
        except OSError as exc:
            click.echo(f"synopsis: error: {output}: cannot write ({exc.strerror or exc})", err=True)
            sys.exit(2)
        click.echo(f"wrote {output}", err=True)
