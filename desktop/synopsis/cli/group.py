"""The ``synopsis`` group, which imports a command's module only when that command is run.

``synopsis scan --query …`` then starts without the library (sqlite-utils, which imports pandas
when it is installed), the exports and the window code of the other commands. ``synopsis
--help`` lists every command from the one-line help given here, without importing any of them;
a test checks that line against each command's own docstring. Anything that asks for
:attr:`LazyGroup.commands` (click's own code paths, the tests) gets every command, loaded. The
frozen app bundles every ``synopsis.cli`` module (``packaging/synopsis.spec``), so the imports
by name are found there too.
"""
from __future__ import annotations

import importlib
from typing import Any, NamedTuple

import click

from .errors import SynopsisGroup


class Lazy(NamedTuple):
    """Where a command lives, and the first sentence of its help (shown by ``--help``)."""

    module: str        # relative to this package
    attribute: str
    summary: str


class LazyGroup(SynopsisGroup):
    def __init__(self, *args: Any, lazy: dict[str, Lazy] | None = None, **kwargs: Any) -> None:
        self.lazy = dict(lazy or {})
        super().__init__(*args, **kwargs)

    @property
    def commands(self) -> dict[str, click.Command]:
        """Every command, each module imported."""
        for name in list(self.lazy):
            self._load(name)
        return self._commands

    @commands.setter
    def commands(self, value: dict[str, click.Command]) -> None:
        self._commands = value

    def _load(self, name: str) -> click.Command:
        where = self.lazy.pop(name)
        command = getattr(importlib.import_module(f".{where.module}", __package__), where.attribute)
        self._commands[name] = command
        return command

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        name = name or cmd.name
        self.lazy.pop(name, None)
        self._commands[name] = cmd

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self._commands, *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy:
            return self._load(cmd_name)
        return self._commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The commands and their one-line help, as click writes them, importing none."""
        names = self.list_commands(ctx)
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            command = self._commands.get(name) or click.Command(name, help=self.lazy[name].summary)
            if not command.hidden:
                rows.append((name, command.get_short_help_str(limit)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)
