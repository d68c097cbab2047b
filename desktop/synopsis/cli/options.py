"""Options shared by commands: the comparison settings, generated from their one declaration
(``synopsis.core.config``), and the window size."""
from __future__ import annotations

import functools
import re
from typing import Any, Callable

import click

from ..core.config import Declared, Settings, declared


def _option(spec: Declared) -> Callable:
    """The click option of one declared setting; not given, it is None (the default applies)."""
    shown = "" if spec.default is None else f" (default: {spec.default})"
    if spec.kind is bool:
        return click.option(f"{spec.flag}/--no-{spec.flag[2:]}", spec.name, default=None,
                            help=spec.help + shown)
    if spec.choices is not None:
        kind: Any = click.Choice(spec.choices)
    elif spec.kind is float:
        kind = click.FloatRange(spec.minimum, spec.maximum)
    elif spec.kind is int:
        kind = click.IntRange(spec.minimum, spec.maximum)
    else:
        kind = str
    return click.option(spec.flag, spec.name, type=kind, default=None, help=spec.help + shown)


def settings_options(func: Callable) -> Callable:
    """An option for every declared setting; the command receives them as one ``settings``."""
    specs = declared()

    @functools.wraps(func)
    def command(*args: Any, **kwargs: Any) -> Any:
        given = {spec.name: value for spec in specs if (value := kwargs.pop(spec.name)) is not None}
        try:
            kwargs["settings"] = Settings().replace(**given)
        except ValueError as exc:
            raise click.UsageError(str(exc)) from None
        return func(*args, **kwargs)

    for spec in reversed(specs):
        command = _option(spec)(command)
    return command


def window_size(value: str) -> tuple[int, int]:
    """``"1400x900"`` → (1400, 900); a window smaller than 200×150 is refused."""
    match = re.fullmatch(r"(\d{1,5})x(\d{1,5})", value.strip().lower())
    if not match or int(match.group(1)) < 200 or int(match.group(2)) < 150:
        raise click.BadParameter(f"{value!r} is not a size WIDTHxHEIGHT like 1400x900 (at least 200x150)")
    return int(match.group(1)), int(match.group(2))
