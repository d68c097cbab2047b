"""The frozen entry point (one program, two faces) and ``python -m synopsis``."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

import synopsis

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = {"compare", "gui", "matrix"}


@pytest.mark.parametrize("argv, program, windowed, expected", [
    ([], "/opt/synopsis/synopsis", False, []),                       # terminal: help as usual
    (["compare", "a", "b"], "/opt/synopsis/synopsis", False, ["compare", "a", "b"]),
    ([], r"C:\Program Files\Synopsis\synopsis-gui.exe", True, ["gui"]),  # Start menu
    (["a.txt"], r"C:\Program Files\Synopsis\synopsis-gui.exe", True, ["gui", "a.txt"]),  # Open with
    (["gui", "a.txt"], "synopsis-gui", True, ["gui", "a.txt"]),
    (["compare", "a", "b"], "synopsis-gui", True, ["compare", "a", "b"]),
    (["--version"], "synopsis-gui", True, ["--version"]),
    (["-psn_0_12345"], "/Applications/Synopsis.app/Contents/MacOS/synopsis-gui", True, ["gui"]),
    ([], "/opt/synopsis/synopsis", True, ["gui"]),                   # windowed, no console
])
def test_launch_args(entry, argv, program, windowed, expected):
    assert entry.launch_args(argv, program=program, windowed=windowed, commands=COMMANDS) == expected


def test_without_a_gui_command_the_launcher_runs_the_cli(entry):
    assert entry.launch_args([], program="synopsis-gui", windowed=True, commands={"compare"}) == []


@given(st.lists(st.text(min_size=1).filter(lambda a: not a.startswith("-psn_")), max_size=4))
def test_the_console_program_passes_arguments_through(entry, argv):
    assert entry.launch_args(argv, program="/usr/bin/synopsis", windowed=False,
                             commands=COMMANDS) == argv


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=60,
                          cwd=ROOT)


def test_python_m_synopsis_runs_the_cli():
    result = run("-m", "synopsis", "--version")
    assert result.returncode == 0, result.stderr
    assert synopsis.__version__ in result.stdout


def test_entry_script_runs_the_cli_unfrozen(seed_pair):
    result = run("packaging/synopsis_entry.py", "compare", str(seed_pair[0]), str(seed_pair[1]),
                 "--format", "json")
    assert result.returncode == 0, result.stderr
    assert '"links"' in result.stdout
