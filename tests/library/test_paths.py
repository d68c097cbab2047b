"""Where the library lives on each platform, and the overrides."""
from __future__ import annotations

from pathlib import Path

from synopsis.library.paths import data_dir, default_path


def test_platform_folders():
    env = {"HOME": "/home/u"}
    assert data_dir("linux", env) == Path("/home/u/.local/share/synopsis")
    assert data_dir("linux", {**env, "XDG_DATA_HOME": "/data"}) == Path("/data/synopsis")
    assert data_dir("linux", {**env, "XDG_DATA_HOME": "relative"}) == Path("/home/u/.local/share/synopsis")
    assert data_dir("darwin", env) == Path("/home/u/Library/Application Support/Synopsis")
    assert data_dir("win32", {**env, "APPDATA": "C:/Users/u/AppData/Roaming"}) == \
        Path("C:/Users/u/AppData/Roaming/Synopsis")


def test_overrides(tmp_path):
    env = {"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "xdg")}
    assert default_path(env=env) == tmp_path / "xdg" / "synopsis" / "library.db"
    env["SYNOPSIS_LIBRARY"] = str(tmp_path / "env.db")
    assert default_path(env=env) == tmp_path / "env.db"
    assert default_path(tmp_path / "flag.db", env=env) == tmp_path / "flag.db"


def test_library_never_imports_qt():
    import subprocess
    import sys

    code = "import sys, synopsis.library, synopsis.cli.library; assert 'PySide6' not in sys.modules"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
