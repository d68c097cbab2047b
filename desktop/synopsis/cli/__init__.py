"""The ``synopsis`` command: a thin click layer over the engine, library and exports."""
from __future__ import annotations

import click

from .. import __version__
from .errors import SynopsisGroup


@click.group(cls=SynopsisGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="synopsis")
def main() -> None:
    """Compare news articles passage by passage: shared, paraphrased, unique.

    \b
    Example:
      synopsis compare seeds/bbc-witkoff-putin-talks.txt seeds/translated-witkoff-putin-talks.txt
    """


def _register() -> None:
    from .compare import compare
    from .gui import gui

    main.add_command(compare)
    main.add_command(gui)
    from .library import library
    main.add_command(library)
    from .collection import matrix

    main.add_command(matrix)
    from .scan import scan

    main.add_command(scan)


_register()
