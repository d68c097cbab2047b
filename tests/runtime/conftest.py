"""Fixtures of the runtime tests."""
from __future__ import annotations

import pytest

from synopsis.runtime import fact_worker


@pytest.fixture
def worker_on(monkeypatch):
    """The fact worker process on (as the command line and the app run it), ended after the test."""
    fact_worker.stop()
    monkeypatch.setattr(fact_worker, "_broken", False)
    monkeypatch.setenv("SYNOPSIS_FACT_WORKER", "on")
    yield
    fact_worker.stop()
