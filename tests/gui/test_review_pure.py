"""The pure parts of the review desk: where F7/F8 stop, and how a review moves to another comparison."""
from __future__ import annotations

import dataclasses

import pytest

from synopsis.core import Settings, compare, corrections, load
from synopsis.core.model import link_key
from synopsis.gui import navigation
from synopsis.gui.review import PairReview, carry_over, segment_map


@pytest.fixture(scope="module")
def pair(seed_pair):
    return compare(load(seed_pair[0]), load(seed_pair[1]), Settings())


@pytest.fixture(scope="module")
def swapped(seed_pair):
    return compare(load(seed_pair[1]), load(seed_pair[0]), Settings())


def test_step_wraps_around_and_says_so():
    stops = [navigation.Stop(10, 1, 0), navigation.Stop(50, 4, 2), navigation.Stop(90, 7, 5)]
    assert navigation.step(stops, None, True) == (stops[0], False)
    assert navigation.step(stops, 50, True) == (stops[2], False)
    assert navigation.step(stops, 90, True) == (stops[0], True)
    assert navigation.step(stops, 10, False) == (stops[2], True)
    assert navigation.step([], 10, True) == (None, False)


def test_fact_stops_follow_the_severities(pair):
    every = navigation.fact_stops(pair, 0, {1, 2, 3})
    worth = navigation.fact_stops(pair, 0, {2, 3})
    assert set(s.link for s in worth) < set(s.link for s in every)
    assert [s.position for s in every] == sorted(s.position for s in every)
    assert all(any(f.severity in (2, 3) for f in pair.links[s.link].facts) for s in worth)


def test_segments_map_by_span_and_text(pair):
    doc = pair.documents[0]
    assert segment_map(doc, doc) == {i: i for i in range(len(doc.segments))}
    at = doc.segments[0].start
    edited = dataclasses.replace(doc, text=doc.text[:at] + "X" + doc.text[at + 1:])
    mapped = segment_map(doc, edited)
    assert 0 not in mapped and mapped[1] == 1          # a changed passage does not move; the others do


def test_a_review_carries_over_mirrored(pair, swapped):
    link = next(l for l in pair.links if l.facts)
    unlinked = pair.links[-1]
    ua = next(i for i in pair.unique_segments(0) if not pair.documents[0].segments[i].is_debris)
    ub = next(i for i in pair.unique_segments(1) if not pair.documents[1].segments[i].is_debris)
    corrected = corrections.link(corrections.unlink(pair, unlinked.a, unlinked.b), [ua], [ub])
    reviews = {link_key(link.a, link.b): PairReview("misleading", "cut short")}
    carry = carry_over(corrected, reviews, swapped, mirrored=True)
    assert carry.lost == []
    assert carry.reviews == {link_key(link.b, link.a): PairReview("misleading", "cut short")}
    assert carry.manual == [([ub], [ua], "paraphrased")]
    assert carry.apart_a == set(unlinked.b) and carry.apart_b == set(unlinked.a)
    shown = carry.applied(swapped)
    assert any(l.a == (ub,) and l.b == (ua,) and l.origin == "manual" for l in shown.links)
    assert not any(set(l.a) & set(unlinked.b) for l in shown.links)


def test_another_cut_loses_what_it_must_and_says_which(pair, seed_pair):
    by_paragraph = compare(load(seed_pair[0]), load(seed_pair[1]), Settings(granularity="paragraph"))
    reviews = {link_key(l.a, l.b): PairReview("accurate", "") for l in pair.links}
    carry = carry_over(pair, reviews, by_paragraph, mirrored=False)
    assert carry.lost and all("cut differently" in line for line in carry.lost)
    assert len(carry.lost) + len(carry.reviews) == len(reviews)
