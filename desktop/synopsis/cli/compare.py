"""``synopsis compare A B [C …]``: align sources and print or write the report."""
from __future__ import annotations

import math
from pathlib import Path

import click

from ..core import Settings, compare as run_compare
from ..core.config import DEFAULT_MAX_BYTES, GRANULARITIES
from ..core.ingest.url import MAX_TIMEOUT
from .. import export
from .destination import Destination
from .errors import CliError
from .output import render_summary
from .sources import load_source

TIMEOUT_HELP = (f"Seconds a URL may take to download, from connecting to the last byte "
                f"(at most {MAX_TIMEOUT:g}).")


def _finite(_ctx: click.Context, _param: click.Parameter, value: float) -> float:
    if not math.isfinite(value):  # "nan" passes FloatRange (every comparison with it is false)
        raise click.BadParameter(f"{value} is not a number of seconds")
    return value


def timeout_option(func):
    return click.option("--timeout", type=click.FloatRange(min=0.1, max=MAX_TIMEOUT), default=20.0,
                        show_default=True, callback=_finite, help=TIMEOUT_HELP)(func)


def settings_from_options(granularity: str, shared_threshold: float | None,
                          paraphrase_threshold: float | None, language: str | None, max_bytes: int,
                          no_facts: bool, shared_max_changed_words: int | None = None) -> Settings:
    changes: dict = {"granularity": granularity, "language": language, "max_bytes": max_bytes,
                     "facts": not no_facts}
    if shared_threshold is not None:
        changes["shared_threshold"] = shared_threshold
    if shared_max_changed_words is not None:
        changes["shared_max_changed_words"] = shared_max_changed_words
    if paraphrase_threshold is not None:
        changes["paraphrase_threshold"] = paraphrase_threshold
    try:
        return Settings().replace(**changes)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None


def engine_options(func):
    """The options every command that runs a comparison shares."""
    for option in reversed([
        click.option("--granularity", type=click.Choice(GRANULARITIES), default="sentence",
                     show_default=True, help="Align sentences or whole paragraphs."),
        click.option("--shared-threshold", type=click.FloatRange(0, 1), default=None,
                     help=f"Similarity at or above which a pair is 'shared' (default {Settings().shared_threshold})."),
        click.option("--shared-max-changed-words", type=click.IntRange(0), default=None,
                     help="Most words dropped, added or replaced in a 'shared' pair "
                          f"(default {Settings().shared_max_changed_words})."),
        click.option("--paraphrase-threshold", type=click.FloatRange(0, 1), default=None,
                     help=f"Score at or above which passages are linked (default {Settings().paraphrase_threshold})."),
        click.option("--language", default=None, help="Language of the sources (e.g. en, de); detected if not given."),
        click.option("--max-size", "max_bytes", type=click.IntRange(1), default=DEFAULT_MAX_BYTES,
                     show_default=True, help="Largest source accepted, in bytes."),
        click.option("--no-facts", is_flag=True, help="Skip the changed-facts layer."),
    ]):
        func = option(func)
    return func


@click.command()
@click.argument("sources", nargs=-1, required=True, metavar="A B [C …]")
@click.option("--format", "fmt", default=None,
              help="Output format: text, json, … (default: from the -o extension, else text).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the report to this file instead of standard output.")
@engine_options
@timeout_option
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Library to look up ids like d12 in (default: $SYNOPSIS_LIBRARY or the user-data folder).")
@click.option("--color/--no-color", default=None, help="Colour the text output (default: when a terminal).")
def compare(sources: tuple[str, ...], fmt: str | None, output: Path | None, granularity: str,
            shared_threshold: float | None, shared_max_changed_words: int | None,
            paraphrase_threshold: float | None, language: str | None,
            max_bytes: int, no_facts: bool, timeout: float, db: Path | None, color: bool | None) -> None:
    """Compare sources passage by passage.

    \b
    Examples:
      synopsis compare a.txt b.txt
      synopsis compare a.txt b.txt --format json -o report.json
      synopsis compare a.txt b.txt --granularity paragraph --shared-threshold 0.9
      synopsis compare d1 d2 c.txt        # d1, d2: documents stored in the library
    """
    if len(sources) < 2:
        raise click.UsageError("give at least two sources to compare")
    settings = settings_from_options(granularity, shared_threshold, paraphrase_threshold, language,
                                     max_bytes, no_facts, shared_max_changed_words)
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
    doc_a = load_source(sources[0], max_bytes=max_bytes, timeout=timeout, db=db)
    doc_b = load_source(sources[1], max_bytes=max_bytes, timeout=timeout, db=db)
    report = run_compare(doc_a, doc_b, settings)
    if output is None and fmt == "text":
        destination.print_text(render_summary(report), color=color)
    else:
        destination.write(export.render(report, fmt), fmt)
