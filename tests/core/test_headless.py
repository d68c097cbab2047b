"""The engine must run without Qt: importing the core and the CLI pulls in no PySide6."""
import subprocess
import sys


def test_core_and_cli_import_no_qt():
    code = ("import sys, synopsis.core, synopsis.core.pipeline, synopsis.cli; "
            "from synopsis.cli import main; "
            "bad = sorted(m for m in sys.modules if m.startswith('PySide6') or m.startswith('shiboken')); "
            "print(','.join(bad)); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, f"Qt imported by the headless layers: {result.stdout} {result.stderr}"


def test_core_sources_never_import_qt():
    from pathlib import Path
    import synopsis.core

    root = Path(synopsis.core.__file__).parent
    offenders = [str(p) for p in root.rglob("*.py") if "PySide6" in p.read_text(encoding="utf-8")]
    assert offenders == []
