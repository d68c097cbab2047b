"""The scan is an optional extra: the desktop installer leaves it and Dask out, the rest of
the package never imports them, and the app says how to get the scan when it is missing."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("dask", "distributed", "pyarrow", "pandas", "bokeh")


def _spec_list(name: str) -> list[str]:
    tree = ast.parse((ROOT / "packaging" / "synopsis.spec").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == name:
            return ast.literal_eval(node.value)
    raise AssertionError(f"no {name} in synopsis.spec")


def test_the_frozen_app_leaves_the_scan_and_its_libraries_out():
    spec = (ROOT / "packaging" / "synopsis.spec").read_text(encoding="utf-8")
    left_out = _spec_list("SCAN_EXTRA")
    assert set(HEAVY) | {"synopsis.scan"} <= set(left_out)
    assert "excludes=EXCLUDES + SCAN_EXTRA" in spec and 'startswith("synopsis.scan")' in spec


def test_only_the_scan_imports_its_libraries():
    outside = []
    for path in (ROOT / "desktop" / "synopsis").rglob("*.py"):
        if "scan" in path.relative_to(ROOT / "desktop" / "synopsis").parts[:1]:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module] if isinstance(node, ast.ImportFrom) and node.module and not node.level else []
            outside += [(n, path.name) for n in names if n.split(".")[0] in HEAVY]
    assert outside == []


def test_the_cli_and_the_window_start_without_dask():
    """(pandas may be there: sqlite-utils imports it when it is installed, and does without.)"""
    code = ("import sys; import synopsis.cli, synopsis.gui.actions; "
            "print(sorted(m for m in ('dask', 'distributed', 'bokeh') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert out.stdout.strip() == "[]"


def test_without_the_extra_the_command_says_how_to_get_it(tmp_path):
    blocker = tmp_path / "sitecustomize.py"
    blocker.write_text("import sys\nclass Block:\n    def find_spec(self, name, path=None, target=None):\n"
                       "        if name.split('.')[0] in ('dask', 'distributed'):\n"
                       "            raise ImportError(name)\nsys.meta_path.insert(0, Block())\n", encoding="utf-8")
    code = "import sys; from synopsis.cli import main; sys.argv = ['synopsis', 'scan', 'x.jsonl', '-o', 'out']; main()"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
                         env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert out.returncode == 2
    assert "pip install 'synopsis[scan]'" in out.stderr and len(out.stderr.strip().splitlines()) == 1
