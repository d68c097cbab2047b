"""The second document of a pair prepared in the worker process (runtime.prepare_worker): a real
child process, the same segments, features and report as in this process, and no worker left
running after a comparison stopped or failing while it prepared."""
from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from synopsis import runtime
from synopsis.core import Cancelled, Settings, compare, load
from synopsis.core.features import segment_features
from synopsis.core.pipeline import prepare
from synopsis.runtime import fact_worker, prepare_worker

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
PAIR = ("bbc-witkoff-putin-talks.txt", "translated-witkoff-putin-talks.txt")


def _features(features) -> list:
    return [f and (f.ids, f.span, f.text, f.stems, f.numbers, f.names, list(f.bag.items())) for f in features]


def _without_times(report) -> str:
    data = json.loads(report.to_json(indent=None))
    data.pop("created")
    data.pop("timings", None)
    return json.dumps(data, ensure_ascii=False)


@pytest.mark.parametrize("name", PAIR)
def test_the_worker_prepares_a_document_as_this_process_does(worker_on, name):
    doc = load(SEEDS / name)
    here = prepare(doc, Settings())
    job = prepare_worker.PREPARER.submit(doc, Settings())
    assert job is not None, "not handed to the worker"
    there, features = job.result(lambda: None)
    assert there == here
    assert _features(features) == _features(segment_features(here))
    assert fact_worker._worker is not None and fact_worker._worker.process.poll() is None
    assert not fact_worker._worker.busy.locked(), "the worker is kept busy after its answer"


def test_a_pair_prepared_beside_gives_the_report_made_in_one_thread(worker_on):
    a, b = (load(SEEDS / name) for name in PAIR)
    asked: list[bool] = []

    class Spy(prepare_worker.WorkerPreparer):
        def submit(self, doc, settings):
            job = super().submit(doc, settings)
            asked.append(job is not None)
            return job

    beside = runtime.compare(a, b, Settings(), preparer=Spy())
    alone = compare(a, b, Settings())
    assert asked == [True]
    assert beside.links and _without_times(beside) == _without_times(alone)


def test_small_documents_are_prepared_here_by_default(monkeypatch):
    monkeypatch.delenv("SYNOPSIS_FACT_WORKER", raising=False)
    doc = load(SEEDS / PAIR[0])
    assert len(doc.text) < prepare_worker.MIN_CHARS
    assert prepare_worker.PREPARER.submit(doc, Settings()) is None
    monkeypatch.setenv("SYNOPSIS_FACT_WORKER", "off")
    assert not prepare_worker._wanted(10 ** 9)


def test_a_worker_that_died_while_preparing_leaves_the_document_to_this_process(worker_on):
    doc = load(SEEDS / PAIR[1])
    job = prepare_worker.PREPARER.submit(doc, Settings())
    job.worker.process.kill()
    there, features = job.result(lambda: None)
    here = prepare(doc, Settings())
    assert there == here and _features(features) == _features(segment_features(here))
    assert fact_worker._broken, "a failed worker is tried again"
    assert fact_worker._worker is None and not job.worker.busy.locked()


def test_a_comparison_stopped_while_its_document_is_prepared_ends_the_worker(worker_on, monkeypatch):
    """The wait for the worker's answer checks for cancel; the worker, whose answer would be
    read as the next job's, ends with the comparison, and so does the thread reading it."""
    a, b = (load(SEEDS / name) for name in PAIR)
    started: list[prepare_worker.Preparing] = []
    real = prepare_worker.Preparing.__init__

    def noted(self, *args):
        real(self, *args)
        started.append(self)

    monkeypatch.setattr(prepare_worker.Preparing, "__init__", noted)
    monkeypatch.setattr(prepare_worker, "unpack", lambda doc, packed: pytest.fail("the answer was read"))
    stop_at: list[float] = []

    def cancel() -> bool:
        if started and not stop_at:
            stop_at.append(time.perf_counter())
        return bool(stop_at)

    with pytest.raises(Cancelled):
        runtime.compare(a, b, Settings(), cancel=cancel)
    assert time.perf_counter() - stop_at[0] < 0.5
    job = started[0]
    assert job.worker.process.poll() is not None, "the worker outlived the stopped comparison"
    assert fact_worker._worker is None and not job.worker.busy.locked()
    assert not [t for t in threading.enumerate() if t.name == "synopsis-prepare-receive"]


def test_a_comparison_failing_while_its_document_is_prepared_ends_the_worker(worker_on, monkeypatch):
    from synopsis.core import pipeline

    a, b = (load(SEEDS / name) for name in PAIR)

    def failing(doc, tick=None):
        raise RuntimeError("features failed")

    monkeypatch.setattr(pipeline, "segment_features", failing)
    first = fact_worker._start()
    with pytest.raises(RuntimeError, match="features failed"):
        runtime.compare(a, b, Settings())
    assert first.process.poll() is not None, "the worker outlived the failed comparison"
    assert fact_worker._worker is None and not first.busy.locked()
    assert not [t for t in threading.enumerate() if t.name == "synopsis-prepare-receive"]


def test_the_wait_for_the_worker_checks_for_cancel(worker_on):
    """A long document still being prepared (the worker boots, then segments it): the wait
    calls the comparison's check, and a cancel there ends the worker."""
    from synopsis.core.model import Document

    seed = load(SEEDS / PAIR[0])
    doc = Document("\n\n".join([seed.text] * 40), "long", "long", "")
    job = prepare_worker.PREPARER.submit(doc, Settings())
    checks: list[float] = []

    def check() -> None:
        checks.append(time.perf_counter())
        raise Cancelled()

    start = time.perf_counter()
    with pytest.raises(Cancelled):
        job.result(check)
    job.cancel()
    assert checks and checks[0] - start < 0.5
    assert job.worker.process.poll() is not None and fact_worker._worker is None
    assert not job.reader.is_alive()
