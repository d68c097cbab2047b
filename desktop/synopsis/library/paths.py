"""Where the library lives: the platform's user-data folder, unless told otherwise.

Order: an explicit path (``--db``), then ``SYNOPSIS_LIBRARY``, then the platform default
(Linux ``$XDG_DATA_HOME/synopsis/library.db``, Windows ``%APPDATA%\\Synopsis``, macOS
``~/Library/Application Support/Synopsis``).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_VAR = "SYNOPSIS_LIBRARY"
FILENAME = "library.db"


def data_dir(platform: str | None = None, env: dict[str, str] | None = None) -> Path:
    """The per-user data folder for Synopsis on ``platform`` (default: this one)."""
    platform = platform or sys.platform
    env = os.environ if env is None else env
    home = Path(env.get("HOME") or env.get("USERPROFILE") or Path.home())
    if platform.startswith("win"):
        base = env.get("APPDATA")
        return (Path(base) if base else home / "AppData" / "Roaming") / "Synopsis"
    if platform == "darwin":
        return home / "Library" / "Application Support" / "Synopsis"
    base = env.get("XDG_DATA_HOME")
    return (Path(base) if base and Path(base).is_absolute() else home / ".local" / "share") / "synopsis"


def default_path(explicit: str | os.PathLike[str] | None = None,
                 env: dict[str, str] | None = None) -> Path:
    """The library file to use: ``explicit``, else ``$SYNOPSIS_LIBRARY``, else the default."""
    env = os.environ if env is None else env
    if explicit:
        return Path(explicit).expanduser()
    if env.get(ENV_VAR):
        return Path(env[ENV_VAR]).expanduser()
    return data_dir(env=env) / FILENAME
