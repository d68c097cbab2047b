"""Fixtures for library tests: a fresh library file and two loaded seed documents."""
from __future__ import annotations

import pytest

from synopsis.core import compare, load
from synopsis.library import Library


@pytest.fixture
def lib_path(tmp_path):
    return tmp_path / "library.db"


@pytest.fixture
def lib(lib_path):
    library = Library.open(lib_path)
    yield library
    library.close()


@pytest.fixture(scope="session")
def seed_report(seed_pair):
    """One comparison of the headline pair, made once (tests must not mutate it)."""
    return compare(load(seed_pair[0]), load(seed_pair[1]))


@pytest.fixture
def report(seed_report):
    from synopsis.core.model import Report

    return Report.from_json(seed_report.to_json())
