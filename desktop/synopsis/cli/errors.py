"""The command line's one error idiom: every failure is one line on standard error.

Commands raise :class:`CliError` (exit status 2) for what they refuse themselves, and let the
engine's and the library's :class:`~synopsis.core.SynopsisError` rise: :class:`SynopsisGroup`
renders either as ``synopsis: <file>: <problem>``. Click's usage errors become one line too
(``synopsis compare: no such option: --foo (see 'synopsis compare --help')``), a closed or
full standard output is said once, and an error that cannot even be printed (standard error
closed) still ends the program with its status. The idiom follows sqlite-utils, whose errors
are ``click.ClickException`` subclasses.
"""
from __future__ import annotations

import errno
import os
import sys
from typing import Any

import click

from ..core.errors import SynopsisError

EXIT_ERROR = 2


class CliError(click.ClickException):
    """A refusal of the command line: one line, exit status 2."""

    exit_code = EXIT_ERROR

    def show(self, file: Any = None) -> None:
        emit_error(self.format_message())


class StdoutError(CliError):
    """Standard output could not be written (a full disk, a closed pipe)."""

    def __init__(self, exc: OSError) -> None:
        self.errno = exc.errno
        reason = "the disk is full" if exc.errno in (errno.ENOSPC, errno.EDQUOT) else (exc.strerror or str(exc))
        super().__init__(f"standard output: cannot write ({reason})")


def emit_error(message: str) -> None:
    """Print ``synopsis: <message>`` as one line on standard error, whatever that is."""
    from ..export.terminal import visible_line   # the engine's report code: imported when needed
    line = "synopsis: " + visible_line(message) + "\n"
    try:
        sys.stderr.write(line)
        sys.stderr.flush()
    except (OSError, ValueError):
        pass  # standard error is closed or a broken pipe: the exit status still says it


def note(line: str) -> None:
    """An informational line on standard error ("wrote report.html"); lost quietly if it is closed."""
    try:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _usage_line(exc: click.UsageError) -> str:
    """``compare: no such option: --foo (see 'synopsis compare --help')``."""
    words = exc.ctx.command_path.split()[1:] if exc.ctx is not None else []
    command = " ".join(words)
    message = " ".join(exc.format_message().split()).rstrip(".")
    if message[:1].isupper() and not message[1:2].isupper():
        message = message[0].lower() + message[1:]
    return f"{command or 'usage'}: {message} (see 'synopsis{' ' + command if command else ''} --help')"


def _silence_stdout() -> None:
    """After standard output failed, point it at /dev/null so the exit flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


class SynopsisGroup(click.Group):
    """A click group whose errors are the one-line idiom above."""

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            if args is not None and any("\x00" in str(arg) for arg in args):
                # a real command line cannot hold one; main() called from Python can
                raise CliError("an argument contains a NUL character, which no file name or value can hold")
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
            _flush_stdout()
        except click.UsageError as exc:
            emit_error(_usage_line(exc))
            sys.exit(exc.exit_code)
        except StdoutError as exc:
            _silence_stdout()
            if exc.errno != errno.EPIPE:  # a reader that went away (``| head``) is not an error to report
                exc.show()
            sys.exit(1 if exc.errno == errno.EPIPE else exc.exit_code)
        except click.ClickException as exc:
            exc.show() if isinstance(exc, CliError) else emit_error(exc.format_message())
            sys.exit(exc.exit_code)
        except SynopsisError as exc:
            emit_error(str(exc))
            sys.exit(EXIT_ERROR)
        except click.Abort:
            emit_error("interrupted")
            sys.exit(130)
        sys.exit(code if isinstance(code, int) else 0)


def _flush_stdout() -> None:
    try:
        sys.stdout.flush()
    except OSError as exc:
        raise StdoutError(exc) from None
    except ValueError:  # standard output was closed
        pass


def fail(message: str) -> None:
    """Stop with one error line and exit status 2 (raises :class:`CliError`)."""
    raise CliError(message)
