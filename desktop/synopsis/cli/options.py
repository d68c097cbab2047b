"""Options shared by commands: the comparison settings, generated from their one declaration
(``synopsis.core.config``), and the window size."""
from __future__ import annotations

import functools
import math
import re
from typing import Any, Callable

import click

from ..core.config import Declared, Settings, declared


def _option(spec: Declared, default: Any = None, help: str | None = None) -> Callable:
    """The click option of one declared setting; not given, it is None (the default applies)."""
    default = spec.default if default is None else default
    shown = "" if default is None else f" (default: {default})"
    help = (help or spec.help) + shown
    if spec.kind is bool:
        return click.option(f"{spec.flag}/--no-{spec.flag[2:]}", spec.name, default=None, help=help)
    if spec.choices is not None:
        kind: Any = click.Choice(spec.choices)
    elif spec.kind is float:
        kind = click.FloatRange(spec.minimum, spec.maximum)
    elif spec.kind is int:
        kind = click.IntRange(spec.minimum, spec.maximum)
    else:
        kind = str
    return click.option(spec.flag, spec.name, type=kind, default=None, help=help)


def settings_options(func: Callable | None = None, *, defaults: dict[str, Any] | None = None,
                     helps: dict[str, str] | None = None) -> Any:
    """An option for every declared setting; the command receives them as one ``settings``.

    ``defaults`` are a command's own defaults for some settings (the corpus scan compares by
    words unless asked otherwise); its help shows them. ``helps`` replace a setting's help text
    where it does more in that command.
    """
    if func is None:
        return functools.partial(settings_options, defaults=defaults, helps=helps)
    specs = declared()
    own = dict(defaults or {})

    @functools.wraps(func)
    def command(*args: Any, **kwargs: Any) -> Any:
        given = {spec.name: value for spec in specs if (value := kwargs.pop(spec.name)) is not None}
        try:
            kwargs["settings"] = Settings().replace(**{**own, **given})
        except ValueError as exc:
            raise click.UsageError(str(exc)) from None
        return func(*args, **kwargs)

    for spec in reversed(specs):
        command = _option(spec, own.get(spec.name), (helps or {}).get(spec.name))(command)
    return command


# a window (and its screenshot) from 200×150 to 8192×8192 pixels
MIN_SIZE, MAX_SIZE = (200, 150), (8192, 8192)
SIZE_HELP = f"from {MIN_SIZE[0]}x{MIN_SIZE[1]} to {MAX_SIZE[0]}x{MAX_SIZE[1]}"


def window_size(value: str) -> tuple[int, int]:
    """``"1400x900"`` → (1400, 900); a size no window or PNG can have is refused."""
    match = re.fullmatch(r"(\d{1,6})x(\d{1,6})", value.strip().lower())
    if not match:
        raise click.BadParameter(f"{value!r} is not a size WIDTHxHEIGHT like 1400x900")
    width, height = int(match.group(1)), int(match.group(2))
    if not (MIN_SIZE[0] <= width <= MAX_SIZE[0] and MIN_SIZE[1] <= height <= MAX_SIZE[1]):
        raise click.BadParameter(f"{width}x{height} is not a possible window size ({SIZE_HELP})")
    return width, height


def size_option(what: str) -> Callable:
    """``--size WIDTHxHEIGHT``, checked while the command line is read (one usage line)."""
    return click.option("--size", default="1400x900", show_default=True,
                        callback=lambda _ctx, _param, value: window_size(value),
                        help=f"{what} ({SIZE_HELP}).")


def _finite(_ctx: click.Context, _param: click.Parameter, value: float) -> float:
    if not math.isfinite(value):  # "nan" passes FloatRange (every comparison with it is false)
        raise click.BadParameter(f"{value} is not a number of seconds")
    return value


def timeout_option(func: Callable) -> Callable:
    """``--timeout SECONDS``: the whole download of a URL, from connecting to the last byte."""
    from ..core.ingest.url import DEFAULT_TIMEOUT, MAX_TIMEOUT

    return click.option("--timeout", type=click.FloatRange(min=0.1, max=MAX_TIMEOUT), default=DEFAULT_TIMEOUT,
                        show_default=True, callback=_finite,
                        help=f"Seconds a URL may take to download, from connecting to the last byte "
                             f"(at most {MAX_TIMEOUT:g}).")(func)
