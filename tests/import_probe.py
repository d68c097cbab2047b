"""What a command line run imports: it runs in a new process and prints its modules at exit."""
from __future__ import annotations

import json
import subprocess
import sys

# runs the command line in a new process, then prints the modules it imported
PROBE = ("import atexit, json, sys\n"
         "atexit.register(lambda: sys.__stdout__.write('\\nMODULES ' + json.dumps(sorted(sys.modules))))\n"
         "from synopsis.cli import main\n"
         "main(sys.argv[1:])\n")
HEAVY = ("sqlite_utils", "pandas", "synopsis.library.store", "PySide6", "synopsis.gui", "dask", "distributed")


def imported_by(*args: str) -> tuple[set[str], str]:
    run = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    output, _, modules = run.stdout.rpartition("\nMODULES ")
    return set(json.loads(modules)), output
