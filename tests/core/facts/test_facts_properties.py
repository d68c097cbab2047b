"""Offsets are the contract: every fact span lies inside the passages it was given."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from synopsis.core.facts import GROUPS, clear_cache, find_fact_changes, find_fact_changes_many, merge
from synopsis.core.model import Span

PIECES = ["Putin", "Peskov said", "Kyiv", "kiev", "Sybhia", "Sybiha", " not ", " may ", "never",
          "40%", "14 per cent", "€90bn", "€90 billion", "701 sq km", "(270 sq miles)", "five",
          "on Tuesday", "4 February", "February 4, 2025", "yesterday", "“key question”",
          "\"key issue\"", "‘quoted’", "«zitiert»", "according to Rustem Umerov", ", he said.",
          "Die Truppen", "nicht", "2,5 Prozent", " the ", ". ", "\n", "  ", "—", "’s", "3pm"]

text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=14).map("".join)


@st.composite
def passages(draw):
    body = draw(text)
    cuts = sorted(draw(st.lists(st.integers(0, len(body)), max_size=4)))
    bounds = [0] + cuts + [len(body)]
    spans = [Span(s, e) for s, e in zip(bounds, bounds[1:]) if e > s and draw(st.booleans())]
    return body, spans


def inside(span: Span, spans: list[Span]) -> bool:
    return any(s.start <= span.start and span.end <= s.end for s in spans)


@settings(max_examples=150, deadline=None)
@given(passages(), passages())
def test_fact_spans_lie_inside_the_passages(pa, pb):
    text_a, spans_a = pa
    text_b, spans_b = pb
    for fact in find_fact_changes(text_a, spans_a, text_b, spans_b):
        assert fact.a is not None or fact.b is not None
        if fact.a is not None:
            assert inside(fact.a, spans_a) and fact.a.slice(text_a).strip()
        if fact.b is not None:
            assert inside(fact.b, spans_b) and fact.b.slice(text_b).strip()
        assert fact.severity in (1, 2, 3)


@settings(max_examples=100, deadline=None)
@given(passages())
def test_identical_passages_give_no_facts(pa):
    body, spans = pa
    assert find_fact_changes(body, spans, body, spans) == []
    # the same words at other offsets of another text
    shifted = "xx " + body
    assert find_fact_changes(body, spans, shifted, [Span(s.start + 3, s.end + 3) for s in spans]) == []


@st.composite
def link_sets(draw):
    """Two texts and links between their passages; a passage may be in several links."""
    text_a, text_b = draw(text), draw(text)

    def passage(body):
        cuts = sorted(draw(st.lists(st.integers(0, len(body)), min_size=1, max_size=3)))
        bounds = [0] + cuts + [len(body)]
        return [Span(s, e) for s, e in zip(bounds, bounds[1:]) if e > s and draw(st.booleans())]

    pool_a = [passage(text_a) for _ in range(draw(st.integers(1, 3)))]
    pool_b = [passage(text_b) for _ in range(draw(st.integers(1, 3)))]
    links = draw(st.lists(st.tuples(st.sampled_from(pool_a), st.sampled_from(pool_b)), max_size=6))
    return text_a, text_b, links


@settings(max_examples=150, deadline=None)
@given(link_sets())
def test_many_links_at_once_give_what_each_link_gives_alone(case):
    text_a, text_b, links = case
    clear_cache()
    together = find_fact_changes_many(text_a, text_b, links)
    assert find_fact_changes_many(text_a, text_b, links[::-1]) == together[::-1]      # from the kept analyses
    clear_cache()
    assert together == [find_fact_changes(text_a, sa, text_b, sb) for sa, sb in links]


@settings(max_examples=150, deadline=None)
@given(link_sets(), st.sets(st.sampled_from(GROUPS)), st.booleans())
def test_detector_groups_run_apart_give_the_facts_of_one_run(case, some, kept):
    """A large comparison runs some detector groups in a second process and the rest here
    (runtime.fact_worker): merged, the two answers are the one answer, fact for fact, in order."""
    text_a, text_b, links = case
    clear_cache()
    whole = find_fact_changes_many(text_a, text_b, links)
    if not kept:
        clear_cache()       # (each part from fresh analyses, as in the worker; else from half-filled kept ones)
    part = find_fact_changes_many(text_a, text_b, links, sorted(some))
    rest = find_fact_changes_many(text_a, text_b, links, [g for g in GROUPS if g not in some])
    assert merge(part, rest) == whole
    assert merge(rest, part) == whole
