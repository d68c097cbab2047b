"""The scan end to end on the embedded cluster: planted reuse found, unrelated articles apart,
copies collapsed, the same result every time."""
from __future__ import annotations

import numpy as np

from synopsis.scan import inputs
from synopsis.scan.pipeline import run_scan


def _reuse_ids(result) -> set[tuple[str, str]]:
    ids = result.corpus.columns["id"]
    return {tuple(sorted((ids[r["a"]], ids[r["b"]]))) for r in result.rows if r["reuse"]}


def test_planted_reuse_is_found(scan_result, planted):
    _, gold = planted
    assert gold <= _reuse_ids(scan_result)


def test_articles_of_different_sources_are_not_called_reuse(scan_result, planted):
    _, gold = planted
    for a, b in _reuse_ids(scan_result) - gold:
        assert a.split("-")[0] == b.split("-")[0], (a, b)   # only the samples restating themselves


def test_an_exact_copy_is_compared_with_its_first_publication_only(scan_result):
    ids = scan_result.corpus.columns["id"]
    copy = ids.index("copy")
    original = ids.index("belta-7")
    assert scan_result.representative[copy] == original
    rows = [r for r in scan_result.rows if copy in (r["a"], r["b"])]
    assert [(r["a"], r["b"], r["relation"]) for r in rows] == [(original, copy, "exact copy")]
    assert rows[0]["coverage_a"] == rows[0]["coverage_b"] == 1.0


def test_the_paraphrased_pair_carries_the_engine_s_facts(scan_result):
    ids = scan_result.corpus.columns["id"]
    row = next(r for r in scan_result.rows if {ids[r["a"]], ids[r["b"]]} == {"bbc", "translated"})
    assert row["paraphrased"] > row["shared"] > 0
    assert row["facts_alarm"] + row["facts_check"] + row["facts_note"] > 0
    assert row["keys"][1] >= 2          # found by rare-word keys as well as shingles


def test_the_result_does_not_depend_on_partitioning(scan_client, corpus_file, scan_result):
    again = run_scan(scan_client, inputs.plan(corpus_file, rows_per_partition=7))
    strip = [{k: v for k, v in r.items()} for r in scan_result.rows]
    assert [{k: v for k, v in r.items()} for r in again.rows] == strip
    assert np.array_equal(again.representative, scan_result.representative)


def test_progress_is_reported_and_cancel_stops_the_scan(scan_client, corpus_file):
    import pytest

    from synopsis.core import Cancelled
    seen = []
    with pytest.raises(Cancelled):
        run_scan(scan_client, inputs.plan(corpus_file), progress=lambda s, f: seen.append((s, f)),
                 cancelled=lambda: len(seen) > 3)
    assert seen[0][0] == "read" and all(0.0 <= f <= 1.0 for _, f in seen)
