"""The engine must run without Qt: importing the core and the CLI pulls in no PySide6 (which
modules may import Qt at all is an import-linter contract: tests/test_layers.py)."""
import subprocess
import sys


def test_core_and_cli_import_no_qt():
    code = ("import sys, synopsis.core, synopsis.core.pipeline, synopsis.cli; "
            "from synopsis.cli import main; "
            "bad = sorted(m for m in sys.modules if m.startswith('PySide6') or m.startswith('shiboken')); "
            "print(','.join(bad)); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, f"Qt imported by the headless layers: {result.stdout} {result.stderr}"
