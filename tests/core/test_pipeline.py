import json

import pytest

from synopsis.core import Cancelled, Report, Settings, compare, load


def test_seed_pair_report_is_schema_valid(seed_pair, validate_report):
    report = compare(load(seed_pair[0]), load(seed_pair[1]))
    data = json.loads(report.to_json())
    validate_report(data)
    assert data["settings"]["shared_threshold"] == Settings().shared_threshold
    assert Report.from_dict(data).to_dict()["links"] == data["links"]


def test_progress_and_cancel(seed_pair):
    stages = []
    compare(load(seed_pair[0]), load(seed_pair[1]), progress=lambda s, f: stages.append((s, f)))
    assert stages[0][1] == 0.0 and stages[-1] == ("done", 1.0)
    fractions = [f for _, f in stages]
    assert fractions == sorted(fractions)
    with pytest.raises(Cancelled):
        compare(load(seed_pair[0]), load(seed_pair[1]), cancel=lambda: True)


def test_edit_spans_point_into_text(seed_pair):
    report = compare(load(seed_pair[0]), load(seed_pair[1]))
    a, b = report.documents
    paraphrased = [link for link in report.links if link.edits]
    assert paraphrased
    for link in paraphrased:
        for e in link.edits:
            if e.a:
                assert a.text[e.a.start:e.a.end].strip() == a.text[e.a.start:e.a.end]
            if e.b:
                assert b.text[e.b.start:e.b.end].strip() == b.text[e.b.start:e.b.end]


def test_the_collector_is_paused_during_a_comparison_and_restored_after():
    import gc

    from synopsis.core.pipeline import collector_paused

    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():             # a comparison inside another (a collection)
            assert not gc.isenabled()
        assert not gc.isenabled()            # the outer one still runs
    assert gc.isenabled()
    gc.disable()                             # a caller that turned it off keeps it off
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_comes_back_when_a_comparison_fails():
    import gc

    from synopsis.core.ingest import load_text_bytes

    a, b = load_text_bytes(b"One. Two.", "a.txt"), load_text_bytes(b"One. Two.", "b.txt")
    with pytest.raises(Cancelled):
        compare(a, b, cancel=lambda: True)
    assert gc.isenabled()
