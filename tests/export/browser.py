"""Debian's chromium, headless and offline, for looking at the HTML report as a reader would."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    assert found, "chromium is needed for the browser tests (Debian: apt-get install chromium)"
    return found


def run(page: Path, tmp: Path, *args: str) -> subprocess.CompletedProcess:
    command = [chromium(), *FLAGS, f"--user-data-dir={tmp / 'profile'}", *args, page.resolve().as_uri()]
    return subprocess.run(command, capture_output=True, text=True, timeout=90, check=False)


def screenshot(page: Path, png: Path, width: int = 1280, height: int = 2000) -> Path:
    result = run(page, png.parent, f"--screenshot={png}", f"--window-size={width},{height}")
    assert png.exists(), f"no screenshot: {result.stderr[-500:]}"
    return png


def dump_dom(page: Path, tmp: Path, width: int = 1280) -> str:
    result = run(page, tmp, "--dump-dom", f"--window-size={width},2000", "--virtual-time-budget=2000")
    assert result.returncode == 0, result.stderr[-500:]
    return result.stdout
