"""Comparisons run in several threads at once (the app's worker, a collection) share the kept
passage analyses: each still gets the facts it gets alone. (Before, the name comparison kept
its working state on the shared names, and two threads comparing the same passages got each
other's matches.)"""
from __future__ import annotations

import sys
import threading

from synopsis.core import facts
from synopsis.core.model import Span

A = ("Peskov said 40% of the troops left Kyiv on Monday. ", "Ushakov said the talks were “useful”. ",
     "The EU will not pay €90bn. ", "About 701 sq km were taken, officials said. ")
B = ("Ushakov said 14% of the troops left Kiev on Tuesday. ", "Peskov said the talks were “quite useful”. ",
     "The EU may pay €90 billion. ", "Some 701 square kilometres were taken. ")


def _case(n: int) -> tuple[str, str, list[tuple[list[Span], list[Span]]]]:
    """A pair of texts whose sentences are linked one to one, the text varied by ``n``."""
    text_a, text_b, links = f"{n}. ", f"{n}. ", []
    for a, b in zip(A, B):
        links.append(([Span(len(text_a), len(text_a) + len(a))], [Span(len(text_b), len(text_b) + len(b))]))
        text_a, text_b = text_a + a, text_b + b
    return text_a, text_b, links


def test_threads_sharing_the_kept_analyses_get_the_facts_one_thread_gets(monkeypatch):
    cases = [_case(n % 2) for n in range(400)]
    expected = [facts.find_fact_changes_many(*case) for case in cases]
    assert all(sum(map(len, found)) >= 4 for found in expected)
    monkeypatch.setattr(facts.analysis, "KEPT", 1)          # evictions all the time
    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    errors: list[BaseException] = []
    results: dict[int, list] = {}

    def work(k: int) -> None:
        try:
            for i in range(k, len(cases), 4):
                results[i] = facts.find_fact_changes_many(*cases[i])
        except BaseException as error:      # reported below, in the test's thread
            errors.append(error)

    try:
        threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(switch)
        facts.clear_cache()
    assert not errors
    assert [results[i] for i in range(len(cases))] == expected
