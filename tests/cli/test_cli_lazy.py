"""The command line imports a command's module only when that command runs: ``synopsis --help``,
``synopsis compare … -o FILE`` and ``synopsis scan --query`` start without the library's
database layer (sqlite-utils, which brings pandas when it is installed) and without the window
code."""
from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from import_probe import HEAVY, imported_by
from synopsis.cli import COMMANDS, main

@pytest.mark.parametrize("name", sorted(COMMANDS))
@pytest.mark.parametrize("limit", [20, 45, 60, 200])
def test_the_listed_help_is_the_commands_own(name, limit):
    command = main.get_command(click.Context(main), name)
    assert click.Command(name, help=COMMANDS[name].summary).get_short_help_str(limit) == \
        command.get_short_help_str(limit)


def test_every_command_is_listed_and_loads():
    assert set(main.commands) == set(COMMANDS)
    assert all(isinstance(c, click.Command) for c in main.commands.values())


def test_help_lists_every_command_without_importing_them():
    modules, output = imported_by("--help")
    for name in COMMANDS:
        assert f"  {name} " in output
    assert not {m for m in modules if m.startswith(HEAVY) or m.startswith("synopsis.cli.library")}


def test_help_is_the_same_as_from_the_loaded_commands():
    lazy = CliRunner().invoke(main, ["--help"], prog_name="synopsis").output
    loaded = click.Group("synopsis", commands=main.commands, help=main.help, params=main.params,
                         context_settings=main.context_settings)
    assert lazy == CliRunner().invoke(loaded, ["--help"], prog_name="synopsis").output


def test_compare_into_a_file_does_not_load_the_library_database_layer(tmp_path):
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    out = tmp_path / "report.json"
    modules, _ = imported_by("compare", str(seeds / "bbc-witkoff-putin-talks.txt"),
                             str(seeds / "translated-witkoff-putin-talks.txt"), "--format", "json", "-o", str(out))
    assert out.stat().st_size > 1000
    assert not {m for m in modules if m.startswith(HEAVY)}
