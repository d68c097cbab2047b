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


def test_the_pair_models_word_features_made_beside_the_embedding_change_nothing(monkeypatch):
    """Made ahead on this thread while the passages are embedded (``MeaningView.tabulate``), or
    all made after it, as before: the same report."""
    from synopsis.core.semantic import same_language

    a, b = _long_pair()
    ahead: list[int] = []
    real = same_language.MeaningView.tabulate

    def counted(self, pairs, tick=None):
        ahead.append(len(pairs))
        real(self, pairs, tick)

    monkeypatch.setattr(same_language.MeaningView, "tabulate", counted)
    with_ahead = compare(a, b, Settings())
    monkeypatch.setattr(same_language.MeaningView, "tabulate", lambda self, pairs, tick=None: None)
    without = compare(a, b, Settings())
    assert ahead and ahead[0] > 0
    assert any("meaning" in c.scores for c in with_ahead.candidates)
    assert _without_times(with_ahead) == _without_times(without)


def test_a_cancel_while_the_passages_are_embedded_stops_the_comparison_and_its_threads():
    """The embedding's threads ask for cancel between chunks; the one that is told to stop ends
    the comparison (raised on the calling thread), and no thread of it is left running."""
    import threading

    from synopsis.core import Cancelled
    from synopsis.core.semantic import vectors

    vectors.CACHE.clear()                      # (embedded by the tests before: they would not be embedded again)
    a, b = _long_pair(300)
    asked_from: list[str] = []

    def cancel() -> bool:
        asked_from.append(threading.current_thread().name)
        return threading.current_thread() is not threading.main_thread()

    with pytest.raises(Cancelled):
        compare(a, b, Settings(), cancel=cancel)
    assert asked_from[-1] != threading.main_thread().name
    assert not [t for t in threading.enumerate() if t.name == "synopsis-embed" or t.name.startswith("ThreadPool")]
