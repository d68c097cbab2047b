"""Moved passages follow the links that exist: after a threshold change and a manual edit."""
from __future__ import annotations

from synopsis.core.config import Settings
from synopsis.core.decide import decide, redecide
from synopsis.core.ingest import load_text_bytes
from synopsis.core.model import Alignment, Candidate, Report
from synopsis.core.order import in_order
from synopsis.core.pipeline import prepare

SENTENCES = [f"Sentence number {w} of the article says something quite particular." for w in
             ("one", "two", "three", "four", "five")]


def _report(pairs: list[tuple[int, int, float]]) -> Report:
    text = " ".join(SENTENCES)
    a, b = (prepare(load_text_bytes(text.encode(), name), Settings()) for name in ("a.txt", "b.txt"))
    candidates = tuple(Candidate(a=(p,), b=(q,), score=s, scores={"chars": 0.5}) for p, q, s in pairs)
    return decide(Alignment((a, b), candidates), Settings())


def _moved(report: Report) -> list[int]:
    return sorted(link.a[0] for link in report.links if link.moved)


def test_moved_is_recomputed_when_a_threshold_drops_links():
    # a-order 0..4 lands in b as 0, 1, 3, 4, 2: with all five linked, a 4 (at b 2) is moved
    report = _report([(0, 0, 0.95), (1, 1, 0.95), (2, 3, 0.6), (3, 4, 0.6), (4, 2, 0.95)])
    assert _moved(report) == [4]
    # the two 0.6 links go: what is left is in order, nothing is moved any more
    fewer = redecide(report, Settings(paraphrase_threshold=0.7))
    assert [link.a[0] for link in fewer.links] == [0, 1, 4]
    assert _moved(fewer) == []
    assert _moved(redecide(fewer, Settings())) == [4]
    assert _moved(report) == [4]                                    # the first report is as it was


def test_in_order_marks_copies_and_leaves_the_originals():
    report = _report([(0, 0, 0.95), (1, 1, 0.95), (2, 3, 0.6), (3, 4, 0.6), (4, 2, 0.95)])
    before = list(report.links)
    after = in_order([link for link in before if link.a[0] not in (2, 3)])
    assert [link.moved for link in after] == [False, False, False]
    assert [link.a[0] for link in before if link.moved] == [4]      # the undo state is intact


def test_shared_needs_few_changed_words():
    from synopsis.core.ingest import load_text_bytes as text
    from synopsis.core.pipeline import compare

    base = ("Ahead of the visit to the Kremlin, Putin was filmed in army fatigues at a command post, "
            "being briefed by commanders claiming the conquest of the key city of Pokrovsk.")
    two = base.replace("in army fatigues", "in fatigues").replace("claiming", "asserting")
    three = base.replace("in army fatigues", "dressed in military uniform")
    for variant, expected, max_words in ((two, "shared", 2), (three, "paraphrased", 2), (three, "shared", 3)):
        report = compare(text(base.encode(), "a.txt"), text(variant.encode(), "b.txt"),
                         Settings(shared_threshold=0.8, shared_max_changed_words=max_words))
        assert [link.label for link in report.links] == [expected], (variant, max_words)
        assert report.settings.shared_max_changed_words == max_words
