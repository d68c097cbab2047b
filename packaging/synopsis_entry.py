"""Entry point of the frozen application: one program with both faces.

``synopsis …`` is the command line. The windowed launcher (``synopsis-gui`` on Windows and
macOS, where a console program would open a terminal window) and a windowed build started with
no arguments open the main window instead, as if ``synopsis gui`` had been typed. Files passed
by the desktop (Open with…, drag onto the icon) are handed to ``gui``. Started with
``SYNOPSIS_SERVE_FACTS`` set, it is the worker that finds a large comparison's changed facts
(see ``synopsis.runtime.fact_worker``).
"""
from __future__ import annotations

import os
import sys


def launch_args(argv: list[str], *, program: str, windowed: bool, commands: set[str]) -> list[str]:
    """The arguments to run the command group with.

    ``argv`` excludes the program name; ``windowed`` is true when there is no console (the
    process was started by the desktop); ``commands`` are the group's sub-command names.
    """
    args = [a for a in argv if not a.startswith("-psn_")]  # macOS Finder's process serial number
    gui_launcher = os.path.splitext(os.path.basename(program))[0].lower().endswith("-gui")
    if not (gui_launcher or windowed) or "gui" not in commands:
        return args
    if args and (args[0] in commands or args[0].startswith("-")):
        return args
    return ["gui", *args]


def main() -> None:
    if os.environ.get("SYNOPSIS_SERVE_FACTS"):      # started as the fact layer's worker process
        from synopsis.runtime.fact_worker import serve
        serve()
        return
    from synopsis.cli import main as cli

    windowed = sys.stdout is None or sys.stderr is None
    if windowed:  # a windowed build has no console: keep prints and click's output from failing
        sys.stdout = sys.stdout or open(os.devnull, "w", encoding="utf-8")
        sys.stderr = sys.stderr or open(os.devnull, "w", encoding="utf-8")
    args = launch_args(sys.argv[1:], program=sys.executable, windowed=windowed,
                       commands=set(cli.commands))
    cli(args=args, prog_name="synopsis")


if __name__ == "__main__":
    main()
