"""Fixtures for the export tests: the seed pair through the real pipeline, a hostile report."""
from __future__ import annotations

import pytest

from synopsis.core import Edit, Fact, Link, Report, Settings, compare, load

from export_fixtures import make_document, span_of, HOSTILE_A, HOSTILE_B


@pytest.fixture()
def hostile_report() -> Report:
    """A: 6 sentences, B: 6; one moved pair, a changed number, uniques on both sides."""
    a, b = make_document(HOSTILE_A, "alpha"), make_document(HOSTILE_B, "beta")
    first = Link(a=[0], b=[0], label="paraphrased", score=0.8,
                 edits=[Edit("replace", span_of(a, 0, "5"), span_of(b, 0, "7"))],
                 facts=[Fact("number", span_of(a, 0, "5"), span_of(b, 0, "7"), note="5 → 7 <b>!</b>",
                             severity=3)])
    links = [first,
             Link(a=[1], b=[2], label="shared", score=1.0),
             Link(a=[2], b=[4], label="shared", score=1.0),
             Link(a=[3], b=[1], label="shared", score=1.0, moved=True)]
    return Report(documents=[a, b], links=links, settings=Settings().to_dict(),
                  created="2025-12-03T10:05:00+00:00", generator={"name": "synopsis", "version": "test"})


@pytest.fixture()
def annotations() -> dict:
    return {"verdicts": {"a:0|b:0": {"verdict": "altered", "note": "<script>x</script> checked with source",
                                 "time": "2025-12-03T11:00:00+00:00"}}}


@pytest.fixture(scope="session")
def seed_report(seed_pair) -> Report:
    path_a, path_b = seed_pair
    return compare(load(str(path_a)), load(str(path_b)), Settings())
