"""Fixtures of the runtime tests."""
from __future__ import annotations

import pytest

from synopsis.runtime import blas_single_threaded, fact_worker


@pytest.fixture(autouse=True)
def one_blas_thread():
    """Every comparison of these tests under one BLAS setting, the one the command line and the
    app compare under (``runtime.compare`` holds BLAS to one thread): the tests set reports made
    by ``runtime.compare`` beside the engine's own, and on some processors BLAS's sums differ in
    their last bits with its thread count (a meaning cosine in its seventh digit)."""
    with blas_single_threaded():
        yield


@pytest.fixture
def worker_on(monkeypatch):
    """The fact worker process on (as the command line and the app run it), ended after the test."""
    fact_worker.stop()
    monkeypatch.setattr(fact_worker, "_broken", False)
    monkeypatch.setenv("SYNOPSIS_FACT_WORKER", "on")
    yield
    fact_worker.stop()
