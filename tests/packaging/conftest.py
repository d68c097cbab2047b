"""Load the packaging scripts (they live outside the package) as modules for the tests."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
RESOURCES = ROOT / "resources"


def load(path: Path):
    name = f"_synopsis_packaging_{path.stem}"
    if name in sys.modules:
        return sys.modules[name]
    if str(path.parent) not in sys.path:  # make_deb imports appinfo beside it
        sys.path.insert(0, str(path.parent))
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def appinfo():
    return load(PACKAGING / "appinfo.py")


@pytest.fixture(scope="session")
def make_deb():
    return load(PACKAGING / "make_deb.py")


@pytest.fixture(scope="session")
def entry():
    return load(PACKAGING / "synopsis_entry.py")


@pytest.fixture(scope="session")
def icons():
    return load(RESOURCES / "render_icons.py")
