"""A comparison whose facts are found in the worker process, beside the word diffs and the
contained notes, gives the report the engine makes with everything in one thread of this
process: byte for byte, apart from the times it was made."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from synopsis import runtime
from synopsis.core import Settings, compare, load, prepare
from synopsis.core.contained import contained
from synopsis.core.ingest import load_text_bytes
from synopsis.runtime import fact_worker

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _without_times(report) -> str:
    data = json.loads(report.to_json(indent=None))
    data.pop("created")
    data.pop("timings", None)
    return json.dumps(data, ensure_ascii=False)


def _long_pair(n: int = 600):
    """Two articles from the seed sentences: b drops some, swaps words in some, splits some in
    two and moves a block (so there are facts, splits, moved links and contained notes)."""
    rng = random.Random(11)
    sentences = []
    for path in sorted(SEEDS.glob("*.txt")):
        doc = prepare(load(path), Settings())
        sentences += [doc.segment_text(s.id) for s in doc.segments if len(s.span) > 40]
    a = [rng.choice(sentences) for _ in range(n)]
    b = []
    for sentence in a:
        roll, words = rng.random(), sentence.split()
        if roll < 0.08:
            continue
        if roll < 0.4 and len(words) > 4:
            i = rng.randrange(len(words) - 1)
            words[i], words[i + 1] = words[i + 1], words[i]
        elif roll < 0.5 and len(words) > 10:
            words[len(words) // 2 - 1] += "."
        b.append(" ".join(words))
    b = b[40:80] + b[:40] + b[80:]
    return (load_text_bytes(" ".join(a).encode(), "a.txt"), load_text_bytes(" ".join(b).encode(), "b.txt"))


@pytest.fixture
def worker_on(monkeypatch):
    fact_worker.stop()
    monkeypatch.setattr(fact_worker, "_broken", False)
    monkeypatch.setenv("SYNOPSIS_FACT_WORKER", "on")
    yield
    fact_worker.stop()


@pytest.mark.parametrize("which", ["seeds", "long"])
def test_the_worker_and_the_notes_beside_it_give_the_in_process_report(worker_on, which):
    if which == "seeds":
        a, b = (load(SEEDS / name) for name in ("bbc-witkoff-putin-talks.txt", "translated-witkoff-putin-talks.txt"))
    else:
        a, b = _long_pair()
    used: list[bool] = []
    concurrent = runtime.compare(a, b, Settings(), facts=_Spy(used))
    alone = compare(a, b, Settings())           # the engine's default: facts in this process, after the diffs
    assert used == [True]                        # the facts were found in the worker
    assert concurrent.links and concurrent.contained if which == "long" else concurrent.links
    assert any(link.facts for link in concurrent.links)
    assert _without_times(concurrent) == _without_times(alone)
    # the notes, made from the links' places before their facts came, are the final links' notes
    assert list(contained(concurrent.documents, concurrent.links)) == list(concurrent.contained)


class _Spy(fact_worker.WorkerFacts):
    """The runtime's fact executor, noting whether each job really went to the worker."""

    def __init__(self, used: list[bool]) -> None:
        self.used = used

    def submit(self, text_a, text_b, pairs, languages):
        job = super().submit(text_a, text_b, pairs, languages)
        self.used.append(job.job is not None)
        return job
