"""Build the standalone app and its .deb, install it, use it, remove it (about a minute).

Runs ``packaging/build-linux.sh`` then ``packaging/smoke-test.sh``; needs root or sudo for
apt-get, and dpkg. Deselect with ``-m "not packaging"``.
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Decimal megabytes. Before the sentence-embedding model: 176 MB folder, 66 MB .deb, limits 185 and
# 80. The model adds 33.5 MB to both (its weights are 30.4 MB of already-compressed npz, the
# tokenizer 2.5 MB), which no other trimming left could make up (benchmarks/results/packaging.md):
# 209.4 MB and 97.8 MB measured, limits raised by the model's size plus the old margin. The .deb
# is xz-compressed since: 80.1 MB measured (209.9 MB folder).
FOLDER_LIMIT_MB = 220
DEB_LIMIT_MB = 85


def run(script: str) -> str:
    result = subprocess.run(["bash", f"packaging/{script}"], cwd=ROOT, capture_output=True,
                            text=True, timeout=1800)   # xz -9 of 210 MB: minutes on a busy machine
    output = result.stdout + result.stderr
    noise = "WARNING: Library not found"  # X11 libraries the build machine lacks: harmless here
    tail = "\n".join(line for line in output.splitlines() if noise not in line)[-4000:]
    assert result.returncode == 0, f"{script} exited {result.returncode}:\n{tail}"
    return output


@pytest.mark.packaging
@pytest.mark.slow
def test_build_install_use_and_remove_the_deb(appinfo):
    with appinfo.build_lock():
        built = run("build-linux.sh")
        smoke = run("smoke-test.sh")
    folder_mb = float(re.search(r"build-linux: app .*\(([\d.]+) MB,", built).group(1))
    deb_mb = float(re.search(r"build-linux: deb .*\(([\d.]+) MB,", built).group(1))
    assert folder_mb < FOLDER_LIMIT_MB, f"one-folder app is {folder_mb} MB"
    assert deb_mb < DEB_LIMIT_MB, f".deb is {deb_mb} MB"
    assert "smoke-test: OK" in smoke
    assert not Path("/opt/synopsis").exists() and not Path("/usr/bin/synopsis").exists()
