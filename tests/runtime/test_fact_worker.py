"""The fact layer's worker process (runtime.fact_worker): a real child process, the same facts as
in-process, and the facts still found when the worker is busy, dies or answers nonsense."""
from __future__ import annotations

import gc
import io
import logging
import pickle
import threading
from pathlib import Path

import pytest

from synopsis.core import Settings, compare, load
from synopsis.runtime import fact_worker
from synopsis.core.facts import GROUPS, find_fact_changes_many
from synopsis.core.model import Span

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


def _seed_facts() -> list[list[tuple]]:
    report = compare(load(SEEDS / "bbc-witkoff-putin-talks.txt"),
                     load(SEEDS / "translated-witkoff-putin-talks.txt"), Settings(), facts=fact_worker.WORKER)
    return [[(f.kind, f.a, f.b, f.note, f.severity) for f in link.facts] for link in report.links]


@pytest.fixture
def fresh_worker(monkeypatch):
    """No worker running before or after the test, and none marked as failed."""
    fact_worker.stop()
    monkeypatch.setattr(fact_worker, "_broken", False)
    yield
    fact_worker.stop()


def test_a_comparison_handed_to_the_worker_gets_the_facts_found_in_process(fresh_worker, monkeypatch, caplog):
    monkeypatch.setenv("SYNOPSIS_FACT_WORKER", "off")
    here = _seed_facts()
    assert fact_worker._worker is None
    monkeypatch.setenv("SYNOPSIS_FACT_WORKER", "on")
    with caplog.at_level(logging.WARNING, logger="synopsis.runtime.fact_worker"):
        there = _seed_facts()
    worker = fact_worker._worker
    assert worker is not None and worker.process.poll() is None, "no worker process ran"
    assert not caplog.records, caplog.text
    assert sum(map(len, here)) >= 5
    assert there == here
    fact_worker.stop()
    assert worker.process.returncode == 0, "the worker did not end when its input closed"


def test_small_comparisons_stay_in_process_by_default(fresh_worker, monkeypatch):
    monkeypatch.delenv("SYNOPSIS_FACT_WORKER", raising=False)
    _seed_facts()       # ≈ 40 links: fewer than MIN_LINKS
    assert fact_worker._worker is None
    assert fact_worker.enabled(fact_worker.MIN_LINKS) == (fact_worker._cores() >= 2)
    monkeypatch.setenv("SYNOPSIS_FACT_WORKER", "off")
    assert not fact_worker.enabled(10 ** 6)


def test_a_worker_that_died_leaves_the_facts_to_this_process(fresh_worker, monkeypatch, caplog):
    monkeypatch.setenv("SYNOPSIS_FACT_WORKER", "off")
    here = _seed_facts()
    monkeypatch.setenv("SYNOPSIS_FACT_WORKER", "on")
    fact_worker.prepare_for(1)
    dead = fact_worker._worker
    dead.process.kill()
    dead.process.wait()
    with caplog.at_level(logging.WARNING, logger="synopsis.runtime.fact_worker"):
        assert _seed_facts() == here
    assert "fact worker failed" in caplog.text
    assert fact_worker._worker is None and not fact_worker.enabled(10 ** 6), "a failed worker is tried again"


def test_a_worker_busy_with_another_comparison_is_not_waited_for(fresh_worker, monkeypatch):
    monkeypatch.setenv("SYNOPSIS_FACT_WORKER", "on")
    fact_worker.prepare_for(1)
    worker = fact_worker._worker
    text = "Peskov said 40% left Kyiv. "
    with worker.busy:       # (another thread's comparison)
        assert fact_worker.submit(text, text, [([Span(0, 5)], [Span(0, 5)])]) is None


def test_worker_loop_answers_jobs_and_reports_errors_without_dying():
    text_a, text_b = "Peskov said 40% of troops left Kyiv. ", "Ushakov said 14% of troops left Kiev. "
    pairs = [([Span(0, len(text_a))], [Span(0, len(text_b))])]
    jobs = io.BytesIO()
    packed = fact_worker._pack_pairs(pairs)
    fact_worker._write(jobs, ("facts", text_a, text_b, packed, ("people",)))
    fact_worker._write(jobs, ("facts", text_a))             # malformed
    fact_worker._write(jobs, ("clear",))
    fact_worker._write(jobs, ("facts", text_a, text_b, packed, GROUPS))
    jobs.seek(0)
    answers = io.BytesIO()
    assert gc.isenabled()
    fact_worker.serve(jobs, answers)        # returns when the input ends
    assert gc.isenabled(), "the loop left the cyclic collector off"
    answers.seek(0)
    got = []
    while True:
        try:
            got.append(fact_worker._read(answers))
        except EOFError:
            break
    assert got[0] == ("ready",)
    assert got[1][0] == "ok"
    assert fact_worker._unpack_facts(got[1][1]) == find_fact_changes_many(text_a, text_b, pairs, ("people",))
    assert {f[0] for f in got[1][1][0]} == {"attribution", "name"}      # (no figures asked)
    assert got[2][0] == "error" and "ValueError" in got[2][1]
    assert got[3] == ("ok", None)
    assert got[4][0] == "ok"
    assert fact_worker._unpack_facts(got[4][1]) == find_fact_changes_many(text_a, text_b, pairs)
    assert {f[0] for f in got[4][1][0]} >= {"number", "attribution", "name"}


def test_a_stream_cut_short_is_the_end_not_garbage():
    data = io.BytesIO()
    fact_worker._write(data, ("ok", list(range(1000))))
    cut = io.BytesIO(data.getvalue()[:-10])
    with pytest.raises(EOFError):
        fact_worker._read(cut)
    with pytest.raises(EOFError):
        fact_worker._read(io.BytesIO(pickle.dumps("x")[:3]))


def test_threads_comparing_at_once_share_the_worker_or_work_alone(fresh_worker, monkeypatch):
    monkeypatch.setenv("SYNOPSIS_FACT_WORKER", "off")
    expected = _seed_facts()
    monkeypatch.setenv("SYNOPSIS_FACT_WORKER", "on")
    results: list = [None] * 4
    errors: list[BaseException] = []

    def work(i: int) -> None:
        try:
            results[i] = _seed_facts()
        except BaseException as error:      # reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert results == [expected] * 4


def _fail_with_a_worker(monkeypatch, module, name: str, message: str):
    """Compare the seed pair with a worker while ``module.name`` raises ``message``; check the
    comparison raised it and that worker ended, free. Returns that worker."""
    monkeypatch.setenv("SYNOPSIS_FACT_WORKER", "on")
    fact_worker.prepare_for(1)
    first = fact_worker._worker

    def failing(*args, **named):
        raise RuntimeError(message)

    monkeypatch.setattr(module, name, failing)
    with pytest.raises(RuntimeError, match=message):
        _seed_facts()
    assert first.process.poll() is not None and not first.busy.locked()
    return first


def test_a_comparison_that_fails_after_handing_over_its_facts_ends_that_worker(fresh_worker, monkeypatch):
    """Else the unread answer would be taken for the next comparison's, or the worker kept busy."""
    from synopsis.core import annotate

    monkeypatch.setenv("SYNOPSIS_FACT_WORKER", "off")
    expected = _seed_facts()
    real = annotate.word_edits
    first = _fail_with_a_worker(monkeypatch, annotate, "word_edits", "diff failed")
    monkeypatch.setattr(annotate, "word_edits", real)
    assert _seed_facts() == expected
    second = fact_worker._worker
    assert second is not None and second is not first and second.process.poll() is None


def test_a_comparison_that_fails_while_its_notes_are_made_beside_the_facts_ends_that_worker(fresh_worker, monkeypatch):
    """The contained notes are made while the worker finds the facts: a failure (or a cancel)
    there gives the worker's job up as a failing diff does."""
    from synopsis.core import decide

    _fail_with_a_worker(monkeypatch, decide, "contained", "notes failed")


def test_the_worker_runs_every_fact_group():
    assert tuple(fact_worker.WORKER_GROUPS) == tuple(GROUPS)


def test_the_worker_tells_its_progress_and_a_cancel_while_waiting_ends_it(fresh_worker, monkeypatch):
    """A long comparison's facts take seconds in the worker after the diffs are made here: the
    worker tells its progress on the way (the window's bar moves), and a cancel asked then
    stops the comparison at the worker's next word and ends that worker (its answer unread)."""
    from synopsis.core import Cancelled
    from synopsis.core.model import Document

    monkeypatch.setenv("SYNOPSIS_FACT_WORKER", "on")
    a, b = (load(SEEDS / name) for name in ("bbc-witkoff-putin-talks.txt", "translated-witkoff-putin-talks.txt"))
    # a dozen copies of each side: some 340 links, more than the worker's ticks need (ticks.EVERY)
    a, b = (Document("\n\n".join([d.text] * 12), d.title, d.source, "") for d in (a, b))
    seen: list[float] = []
    compare(a, b, Settings(), facts=fact_worker.WORKER,
            progress=lambda stage, fraction: seen.append(fraction) if stage == "edits" else None)
    facts_from = 0.8 + 0.2 * 0.7        # (pipeline.ALIGN_TO; decide.DIFF_SHARE + NOTES_SHARE)
    assert len([f for f in seen if facts_from < f < 1.0]) >= 2, seen
    first = fact_worker._worker
    asked: list[float] = []

    def progress(stage: str, fraction: float) -> None:
        if stage == "edits" and facts_from < fraction < 1.0:
            asked.append(fraction)

    with pytest.raises(Cancelled):
        compare(a, b, Settings(), facts=fact_worker.WORKER, progress=progress, cancel=lambda: bool(asked))
    assert len(asked) == 1
    assert first is not None and first.process.wait(timeout=5) is not None and not first.busy.locked()
    assert fact_worker._worker is None
