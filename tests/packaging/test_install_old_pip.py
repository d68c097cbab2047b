"""An install with the oldest pip the README supports: Debian 12's python3 -m venv (pip 23.0.1,
never upgraded), then HTML and text compared. Its resolver dropped the lxml[html_clean] extra
that trafilatura's jusText asks for, and every HTML input failed; the dependency is now declared."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SYSTEM_PYTHON = Path("/usr/bin/python3")


def _not_sources(folder: str, names: list[str]) -> set[str]:
    """The tree as a fresh clone has it: no environments, builds or caches."""
    skip = {".venv", ".git", "build", "__pycache__", ".hypothesis", ".pytest_cache"}
    if Path(folder).name == "packaging":
        skip.add("out")
    return {n for n in names if n in skip or n.endswith(".egg-info")}


@pytest.mark.packaging
def test_a_fresh_venv_with_debian_pip_reads_html(tmp_path, seed_pair):
    assert SYSTEM_PYTHON.exists(), "Debian's python3 is needed for this test"
    venv = tmp_path / "venv"
    subprocess.run([str(SYSTEM_PYTHON), "-m", "venv", str(venv)], check=True, timeout=300)
    pip_version = subprocess.run([str(venv / "bin" / "pip"), "--version"], capture_output=True, text=True,
                                 check=True).stdout
    assert pip_version.startswith("pip 23."), pip_version  # the shipped pip, not an upgraded one
    source = tmp_path / "src"
    shutil.copytree(ROOT, source, ignore=_not_sources)
    env = dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1")
    install = subprocess.run([str(venv / "bin" / "pip"), "install", "-q", str(source)], capture_output=True,
                             text=True, env=env, timeout=1800)
    assert install.returncode == 0, install.stderr[-3000:]
    page = tmp_path / "page.html"
    paragraphs = "".join(f"<p>{line}</p>" for line in seed_pair[0].read_text(encoding="utf-8").splitlines()[:12])
    page.write_text(f"<html><head><title>Witkoff</title></head><body><article>{paragraphs}</article></body></html>",
                    encoding="utf-8")
    compared = subprocess.run([str(venv / "bin" / "synopsis"), "compare", str(page), str(seed_pair[1]),
                               "--format", "json"], capture_output=True, text=True, timeout=300,
                              env=dict(env, LANG="C.UTF-8"))
    assert compared.returncode == 0, compared.stderr[-3000:]
    assert '"format": "html"' in compared.stdout
