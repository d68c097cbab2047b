"""The ``synopsis`` command: a thin click layer over the engine, library and exports.

Each command's module is imported when that command runs (:class:`~.group.LazyGroup`), and a
command module imports the engine, the library and the exports inside the command, so that a
command starts with what it uses.
"""
from __future__ import annotations

import click

from .. import __version__
from .group import Lazy, LazyGroup

COMMANDS = {
    "compare": Lazy("compare", "compare", "Compare sources passage by passage."),
    "gui": Lazy("gui", "gui", "Open the desktop app."),
    "library": Lazy("library", "library", "Keep documents, comparisons, verdicts and cases in a local database."),
    "matrix": Lazy("collection", "matrix", "Show the claim matrix and similarity heat map of many sources in a window."),
    "scan": Lazy("scan", "scan", "Find reused passages across a corpus on a Dask cluster, and who published first."),
}


@click.group(cls=LazyGroup, lazy=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="synopsis")
def main() -> None:
    """Compare news articles passage by passage: shared, paraphrased, unique.

    \b
    Example:
      synopsis compare seeds/bbc-witkoff-putin-talks.txt seeds/translated-witkoff-putin-talks.txt
    """
