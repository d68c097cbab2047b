"""Bulk pair views (numpy) against their readable one-pair definitions."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from synopsis.core.features import VIEWS, Span, Weights, extract, pair_views, reference_overlap, word_views

WORDS = ["Putin", "Kremlin", "talks", "the", "and", "peace", "plan", "said", "5", "2025", "Witkoff",
         "Moscow", "of", "war", "Ukraine", "deal", "12.5%", "Verhandlungen", "Verhandlung", "der"]


def feats(sentences: list[str]):
    return [extract(s, (), Span(0, len(s)), "en") for s in sentences]


def jaccard(x, y) -> float:
    return len(x & y) / len(x | y) if x | y else 0.0


sentence = st.lists(st.sampled_from(WORDS), min_size=0, max_size=12).map(" ".join)


@hsettings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(sentence, sentence), min_size=1, max_size=8))
def test_bulk_views_match_the_one_pair_definitions(rows):
    fa = feats([x for x, _ in rows])
    fb = feats([y for _, y in rows])
    weights = Weights([f.bag for f in fa + fb])
    views = pair_views(fa, fb, weights)
    split = word_views(fa, fb, weights)
    assert sorted(views) == sorted(VIEWS)        # the views weighed 0 are not computed
    for k, (x, y) in enumerate(zip(fa, fb)):
        words, contain, rare, unmatched = reference_overlap(x, y, weights)
        assert views["words"][k] == pytest.approx(words, abs=1e-9) == split["words"][k]
        assert views["rare"][k] == pytest.approx(rare, abs=1e-9) == split["rare"][k]
        assert split["contain"][k] == pytest.approx(contain, abs=1e-9)
        assert split["unmatched"][k] == pytest.approx(unmatched, abs=1e-9)
        assert views["numbers"][k] == pytest.approx(jaccard(x.numbers, y.numbers))
        assert views["names"][k] == pytest.approx(jaccard(x.names, y.names))
        conflict = bool(x.numbers and y.numbers and not x.numbers & y.numbers)
        assert views["num_conflict"][k] == float(conflict)
        longer = max(len(x.text), len(y.text))
        assert views["length"][k] == pytest.approx(min(len(x.text), len(y.text)) / longer if longer else 0.0)


def test_the_same_passage_in_many_pairs_and_both_sides():
    fa = feats(["Putin met Witkoff in Moscow for five hours.", "The war in Ukraine goes on."])
    weights = Weights([f.bag for f in fa])
    views = word_views([fa[0], fa[0], fa[1]], [fa[0], fa[1], fa[0]], weights)
    assert views["words"][0] == pytest.approx(1.0) == views["contain"][0]
    assert views["words"][1] == views["words"][2] < 0.2
    assert math.isclose(views["unmatched"][0], 0.0, abs_tol=1e-12)


def test_no_pairs_and_empty_passages():
    assert len(pair_views([], [], Weights([]))["words"]) == 0
    assert len(word_views([], [], Weights([]))["contain"]) == 0
    empty = feats(["", "..."])
    views = pair_views(empty, list(reversed(empty)), Weights([f.bag for f in empty]))
    assert list(views["words"]) == [0.0, 0.0] and list(views["names"]) == [0.0, 0.0]
