"""The collection layer on the five seed articles, its JSON form and its invariants."""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from synopsis.core import Document, Link, Report, Segment, Settings, load
from synopsis.core.collection import (COLLECTION_FORMAT, CollectionReport, compare_collection,
                                      earliest_source)
from synopsis.core.collection_group import group_statements

NAMES = {"bbc": "bbc-witkoff-putin-talks.txt", "translated": "translated-witkoff-putin-talks.txt",
         "belta": "belta-abu-dhabi-round.txt", "russia": "russia-territorial-conditions.txt",
         "geneva": "geneva-round.txt"}


@pytest.fixture(scope="module")
def seeds_collection(seeds):
    order = list(NAMES)
    docs = [load(seeds / NAMES[k]) for k in order]
    return {k: n for n, k in enumerate(order)}, compare_collection(docs, Settings())


def check_invariants(c: CollectionReport) -> None:
    seen: set[tuple[int, int]] = set()
    for s in c.statements:
        sources = [m.source for m in s.members]
        assert len(sources) == len(set(sources)), "two members from one source"
        assert s.reference in sources
        assert sum(m.reference for m in s.members) == 1
        for m in s.members:
            doc = c.documents[m.source]
            for sid in m.segments:
                assert 0 <= sid < len(doc.segments)
                seg = doc.segments[sid]
                assert 0 <= seg.start <= seg.end <= len(doc.text)
                assert (m.source, sid) not in seen, "passage in two statements"
                seen.add((m.source, sid))
    for k, doc in enumerate(c.documents):  # every prose passage is somewhere
        assert {(k, seg.id) for seg in doc.segments if not seg.is_debris} <= seen


def test_seeds_grouped(seeds_collection):
    idx, c = seeds_collection
    check_invariants(c)
    bbc, tr = idx["bbc"], idx["translated"]
    both = [s for s in c.statements if s.member(bbc) and s.member(tr)]
    n_bbc = sum(1 for s in c.statements if s.member(bbc))
    n_tr = sum(1 for s in c.statements if s.member(tr))
    assert len(both) >= 0.5 * min(n_bbc, n_tr), (len(both), n_bbc, n_tr)
    assert c.similarity(bbc, tr) >= 0.5 and c.similarity(tr, bbc) >= 0.5
    # the most widely carried statements come first
    counts = [len(s.members) for s in c.rows()]
    assert counts == sorted(counts, reverse=True)


def test_seeds_unrelated_share_almost_nothing(seeds_collection):
    idx, c = seeds_collection
    for name in ("russia", "geneva"):
        k = idx[name]
        mine = [s for s in c.statements if s.member(k)]
        shared = [s for s in mine if len(s.members) > 1]
        assert len(shared) <= 0.1 * len(mine), (name, len(shared), len(mine))
        for other in range(len(c.documents)):
            if other != k:
                assert c.similarity(k, other) <= 0.15, (name, other, c.similarity(k, other))


def test_seed_repeats_collapse(seeds_collection):
    idx, c = seeds_collection
    belta = idx["belta"]
    doc = c.documents[belta]
    repeats = {tuple(r.segments) for (i, j), report in zip(c.pairs, c.reports) for r in report.repeats
               if (i, j)[r.doc] == belta}
    assert len(repeats) >= 5  # the scraper doubled several paragraphs
    statement_of = {sid: s.id for s in c.statements if (m := s.member(belta)) for sid in m.segments}
    for group in repeats:
        assert len({statement_of[sid] for sid in group}) == 1, group
    n_statements = sum(1 for s in c.statements if s.member(belta))
    assert n_statements <= len(doc.segments) - sum(len(g) - 1 for g in repeats)


def test_each_document_is_prepared_once(seeds, monkeypatch):
    """Five sources, ten pairs: five segmentations, and every pair shares the prepared documents."""
    from synopsis.core import preparation

    calls = []
    real = preparation.split
    monkeypatch.setattr(preparation, "split",
                        lambda text, *rest, **named: calls.append(text) or real(text, *rest, **named))
    docs = [load(seeds / name) for name in NAMES.values()]
    c = compare_collection(docs, Settings(facts=False))
    assert sorted(calls) == sorted(d.text for d in docs)
    for (i, j), report in zip(c.pairs, c.reports):
        assert report.documents[0] is c.documents[i] and report.documents[1] is c.documents[j]
    assert all(d.segments == () for d in docs)          # the loaded documents are left as they were


def test_json_round_trip(seeds_collection, validate_report):
    _, c = seeds_collection
    data = json.loads(json.dumps(c.to_dict()))
    assert data["format"] == COLLECTION_FORMAT and data["version"] == 1
    n = len(data["sources"])
    assert len(data["pairs"]) == n * (n - 1) // 2
    for pair in data["pairs"]:
        validate_report(pair["report"])
    for s in data["statements"]:
        for m in s["members"]:
            text = c.documents[m["source"]].text
            for span in m["spans"]:
                assert text[span["start"]:span["end"]] == span["text"]
    again = CollectionReport.from_dict(data)
    assert again.to_dict() | {"timings": {}} == data | {"timings": {}}
    with pytest.raises(ValueError):
        CollectionReport.from_dict({**data, "format": "synopsis-report"})


def _doc(sentences: list[str], published: str | None = None) -> Document:
    text = "\n".join(sentences)
    segs, pos = [], 0
    for k, s in enumerate(sentences):
        segs.append(Segment(id=k, start=pos, end=pos + len(s), paragraph=k))
        pos += len(s) + 1
    return Document(text=text, title="t", source=f"s{len(sentences)}", sha256="",
                    meta={"published": published} if published else {}, segments=segs)


def _report(a: Document, b: Document, links: list[tuple[int, int, float]]) -> Report:
    return Report(documents=[a, b], settings={},
                  links=[Link(a=[i], b=[j], label="paraphrased", score=sc) for i, j, sc in links])


def test_weak_chain_does_not_merge():
    docs = [_doc([f"statement number {k} in source {k} here"]) for k in range(4)]
    pairs = [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]
    chain = {(0, 1), (1, 2), (2, 3)}
    reports = [_report(docs[i], docs[j], [(0, 0, 0.7)] if (i, j) in chain else []) for i, j in pairs]
    grouping = group_statements(docs, pairs, reports, 0.6)
    assert max(len(g) for g in grouping.groups) <= 3
    # a full clique is one statement
    reports = [_report(docs[i], docs[j], [(0, 0, 0.7)]) for i, j in pairs]
    grouping = group_statements(docs, pairs, reports, 0.6)
    assert sorted(len(g) for g in grouping.groups) == [4]
    # links under the threshold join nothing
    reports = [_report(docs[i], docs[j], [(0, 0, 0.5)]) for i, j in pairs]
    assert len(group_statements(docs, pairs, reports, 0.6).groups) == 4


def test_earliest_source():
    docs = [_doc(["a"], "2025-12-04"), _doc(["b"], "2026-02"), _doc(["c"], "2025-12"), _doc(["d"])]
    assert earliest_source(docs, [0, 1]) == 0
    assert earliest_source(docs, [0, 2]) is None  # same month: a tie at the shared precision
    assert earliest_source(docs, [1, 3]) is None  # one known time says nothing
    assert earliest_source(docs, [0, 1, 3]) == 0


def test_progress_and_cancel(seeds):
    docs = [load(seeds / NAMES[k]) for k in ("bbc", "translated", "geneva")]
    stages: list[tuple[str, float]] = []
    compare_collection(docs, progress=lambda s, f: stages.append((s, f)))
    fractions = [f for _, f in stages]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0 and len(stages) >= 4
    from synopsis.core import Cancelled

    with pytest.raises(Cancelled):
        compare_collection(docs, cancel=lambda: True)
    with pytest.raises(ValueError):
        compare_collection(docs[:1])


POOL = ["The minister said the talks would resume on Monday in Geneva.",
        "Prices rose by 4.5 per cent in the year to March, the office reported.",
        "Fighting continued near the eastern town overnight, officials said.",
        "Ein Sprecher des Ministeriums wollte sich nicht äußern 😀.",
        "The company denied any wrongdoing and said it would appeal.",
        "Ukraine's foreign minister accused Moscow of wasting time.",
        "Rain is expected across the north later this week."]


@hsettings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(POOL), min_size=1, max_size=6), min_size=3, max_size=4))
def test_invariants_hold_for_any_collection(sources):
    docs = [Document(text="\n".join(s), title=f"d{k}", source=f"d{k}", sha256="")
            for k, s in enumerate(sources)]
    c = compare_collection(docs, Settings(language="en"))
    check_invariants(c)
    for i in range(len(docs)):
        for j in range(len(docs)):
            assert 0.0 <= c.similarity(i, j) <= 1.0 + 1e-9
