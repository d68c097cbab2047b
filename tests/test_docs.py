"""The README documents every command, and the commands it shows exist."""
from pathlib import Path

import click

from synopsis.cli import main

README = Path(__file__).resolve().parent.parent / "README.md"


def _commands(group: click.Group, prefix: str = "synopsis"):
    for name, command in group.commands.items():
        yield f"{prefix} {name}", command
        if isinstance(command, click.Group):
            yield from _commands(command, f"{prefix} {name}")


def test_every_command_is_in_the_readme_and_has_an_example():
    text = README.read_text(encoding="utf-8")
    for path, command in _commands(main):
        parent, leaf = path.rsplit(" ", 1)
        # "synopsis library list | search QUERY" documents both list and search
        lines = [line for line in text.splitlines() if parent + " " in line]
        assert any(leaf in line.split(parent, 1)[1].split("#")[0].replace("|", " ").split() for line in lines), \
            f"{path} is not in README.md"
        if isinstance(command, click.Group) or command.name in {"compare", "gui", "matrix"}:
            assert "Example" in (command.help or ""), f"{path} --help has no example"


def test_readme_names_the_setup_and_test_commands():
    text = README.read_text(encoding="utf-8")
    assert "bash scripts/setup" in text and "bash scripts/test" in text
    for seed in ("seeds/bbc-witkoff-putin-talks.txt", "seeds/translated-witkoff-putin-talks.txt"):
        assert seed in text and (README.parent / seed).exists()
