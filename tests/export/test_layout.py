"""Row order, marked text and facts: what every readable export is built from."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from synopsis.core import Link, Report, Span
from synopsis.export import layout

from export_fixtures import make_document


def test_rows_follow_a_and_place_b_only_passages_where_b_has_them(hostile_report):
    rows = layout.rows(hostile_report)
    assert [(r.a, r.b) for r in rows] == [([0], [0]), ([1], [2]), ([], [3]), ([2], [4]), ([], [5]),
                                          ([3], [1]), ([4], []), ([5], [])]
    assert [r.label for r in rows][:2] == ["paraphrased", "shared"]
    assert rows[5].link.moved and layout.b_position(hostile_report, rows[5].link) == "B ¶1, passage 2"


@st.composite
def random_reports(draw):
    n_a, n_b = draw(st.integers(1, 12)), draw(st.integers(1, 12))
    free_a, free_b = list(range(n_a)), list(range(n_b))
    links = []
    for _ in range(draw(st.integers(0, min(n_a, n_b)))):
        a = draw(st.sampled_from(free_a))
        b = draw(st.sampled_from(free_b))
        free_a.remove(a)
        free_b.remove(b)
        links.append(Link(a=[a], b=[b], label=draw(st.sampled_from(["shared", "paraphrased"])),
                          score=0.9, moved=draw(st.booleans())))
        if not free_a or not free_b:
            break
    docs = [make_document([f"a{i}." for i in range(n_a)], "a"), make_document([f"b{i}." for i in range(n_b)], "b")]
    return Report(documents=docs, links=links, settings={})


@settings(max_examples=150, deadline=None)
@given(random_reports())
def test_every_segment_appears_exactly_once_and_a_keeps_its_order(report):
    rows = layout.rows(report)
    seen_a = [sid for r in rows for sid in r.a]
    seen_b = [sid for r in rows for sid in r.b]
    assert sorted(seen_a) == list(range(len(report.documents[0].segments)))
    assert sorted(seen_b) == list(range(len(report.documents[1].segments)))
    assert seen_a == sorted(seen_a)
    # B-only passages keep B's order among themselves
    b_only = [r.b[0] for r in rows if r.side == "b"]
    assert b_only == sorted(b_only)


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=0, max_size=40), st.data())
def test_runs_rebuild_the_text_and_carry_exactly_the_covering_marks(text, data):
    n = len(text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    spans = data.draw(st.lists(st.tuples(st.integers(0, n + 3), st.integers(0, n + 3),
                                         st.sampled_from(["diff", "fact"])), max_size=6))
    marks = [(Span(min(s, e), max(s, e)), cls) for s, e, cls in spans]
    pieces = layout.runs(text, start, end, marks)
    assert "".join(p for p, _ in pieces) == text[start:end]
    offset = start
    for piece, classes in pieces:
        for k in range(offset, offset + len(piece)):
            expected = {cls for span, cls in marks if span.start <= k < span.end}
            assert classes == expected
        offset += len(piece)


def test_facts_are_numbered_in_reading_order_with_both_wordings(hostile_report):
    facts = layout.facts(hostile_report)
    assert [(f.number, f.a_text, f.b_text, f.fact.kind) for f in facts] == [(1, "5", "7", "number")]
    assert layout.fact_summary(hostile_report, hostile_report.links[0]) == "number: 5 → 7 (5 → 7 <b>!</b>)"


def test_verdicts_are_found_by_pair_key(hostile_report, annotations):
    assert layout.link_key(Link(a=[3, 4], b=[5], label="shared", score=1)) == "a:3,4|b:5"
    assert layout.verdict_for(annotations, hostile_report.links[0])["verdict"] == "altered"
    assert layout.verdict_for(annotations, hostile_report.links[1]) is None
    assert layout.verdict_for(None, hostile_report.links[0]) is None
