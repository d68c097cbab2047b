"""The settings' command-line options: generated from the declaration, with a command's own
defaults where it has them (the corpus scan compares by words unless asked otherwise)."""
from __future__ import annotations

import click
from click.testing import CliRunner

from synopsis.cli.options import settings_options
from synopsis.core import Settings
from synopsis.core.config import declared


def _command(**own):
    seen = []

    @click.command()
    @settings_options(**({"defaults": own} if own else {}))
    def command(settings: Settings) -> None:
        seen.append(settings)

    return command, seen


def test_every_declared_setting_is_an_option():
    command, _ = _command()
    flags = {opt for param in command.params for opt in param.opts}
    assert {spec.flag for spec in declared()} <= flags


def test_a_commands_own_default_applies_and_gives_way_to_the_user():
    command, seen = _command(meaning=False)
    runner = CliRunner()
    assert runner.invoke(command, []).exit_code == 0
    assert runner.invoke(command, ["--meaning"]).exit_code == 0
    assert runner.invoke(command, ["--shared-threshold", "0.9"]).exit_code == 0
    assert [s.meaning for s in seen] == [False, True, False]
    assert seen[2].shared_threshold == 0.9
    assert "(default: False)" in " ".join(runner.invoke(command, ["--help"]).output.split())


def test_without_own_defaults_the_declared_ones_hold():
    command, seen = _command()
    CliRunner().invoke(command, [])
    assert seen == [Settings()]


def test_the_scan_compares_by_words_by_default():
    from synopsis.scan import SCAN_SETTINGS
    from synopsis.scan.pipeline import ScanOptions

    assert SCAN_SETTINGS == {"meaning": False} and ScanOptions().settings.meaning is False


def test_the_command_line_loads_without_the_scan_package():
    """The frozen app leaves the scan extra out: importing the commands must not need it."""
    import subprocess
    import sys

    code = ("import sys, importlib.abc\n"
            "class Block(importlib.abc.MetaPathFinder):\n"
            "    def find_spec(self, name, path, target=None):\n"
            "        if name == 'synopsis.scan' or name.startswith('synopsis.scan.'):\n"
            "            raise ModuleNotFoundError(name)\n"
            "sys.meta_path.insert(0, Block())\n"
            "from synopsis.cli import main\n"
            "print(sorted(main.commands))\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "'compare'" in run.stdout and "'scan'" in run.stdout
