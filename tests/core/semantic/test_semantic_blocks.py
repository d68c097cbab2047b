"""The block aligner on vectors whose right answer is known by construction."""
from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from synopsis.core.semantic import blocks
from synopsis.core.semantic.blocks import BlockCosts, Side, align_blocks, band, longest_chain


def unit(rows):
    rows = np.asarray(rows, dtype=np.float64)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def side(meanings, texts=None):
    """A side whose passage i means ``meanings[i]``; a run of passages means their sum."""
    meanings = np.asarray(meanings, dtype=np.float64)
    texts = texts or ["a passage with some words"] * len(meanings)

    def vectors(k):
        n = len(meanings) - k + 1
        return unit(sum(meanings[d:d + n] for d in range(k))) if n > 0 else np.zeros((0, meanings.shape[1]))

    return Side.of(texts, vectors)


TOPIC = unit(np.random.default_rng(99).normal(size=(1, 64)))[0]


def random_meanings(n, dim=64, seed=0):
    """Statements of one article: a shared topic and their own content, so two unrelated ones
    have a cosine near 0.35, as sentence embeddings of one news story do."""
    own = unit(np.random.default_rng(seed).normal(size=(n, dim)))
    return 0.6 * TOPIC + 0.8 * own


def test_a_faithful_translation_aligns_one_to_one():
    meanings = random_meanings(30)
    noisy = meanings + 0.4 * unit(np.random.default_rng(1).normal(size=meanings.shape))  # cos ≈ 0.9
    out = align_blocks(side(meanings), side(noisy))
    assert out == [((i,), (i,)) for i in range(30)]


def test_dropped_and_inserted_passages_are_left_unaligned():
    meanings = random_meanings(24)
    extra = random_meanings(2, seed=5)
    b = np.vstack([meanings[:5], extra[:1], meanings[5:10], meanings[11:], extra[1:]])
    out = align_blocks(side(meanings), side(b))
    assert ((10,), ()) in out
    assert ((), (5,)) in out and ((), (len(b) - 1,)) in out
    pairs = [o for o in out if o[0] and o[1]]
    assert len(pairs) == 23 and all(len(x) == 1 and len(y) == 1 for x, y in pairs)


def test_a_sentence_split_in_two_becomes_one_block():
    """A says "X happened, and Y said Z"; B says "X happened." and "Y said Z." apart."""
    meanings = random_meanings(12)
    first, second = unit(np.random.default_rng(7).normal(size=(2, 64)))
    meanings[6] = 0.6 * TOPIC + 0.8 * (first + second) / np.sqrt(2)
    halves = [0.6 * TOPIC + 0.8 * first, 0.6 * TOPIC + 0.8 * second]
    b = np.vstack([meanings[:6], halves, meanings[7:]])
    out = align_blocks(side(meanings), side(b))
    assert ((6,), (6, 7)) in out
    assert ((5,), (5,)) in out and ((7,), (8,)) in out


def test_a_shared_figure_makes_a_pair_cheaper_and_a_different_one_dearer():
    base = random_meanings(1, seed=9)[0]
    a = side([base], ["Der Lhotse misst amtlich 8501 m"])
    b = side([base, base], ["Le Lhotse mesure 8848 m", "Le Lhotse mesure 8501 m"])
    costs = BlockCosts(spelling=0.0)           # the figures and names alone, not the letters
    table = blocks._CostTable(a, b, costs, a.vectors(1), b.vectors(1))
    wrong, right = table.cost(0, 1, 1, 0, 1)
    assert right < wrong
    # Dice over the figures and names both documents write: {lhotse, 8501} against {lhotse} (8848
    # is written in one document only) is 2/3, against {lhotse, 8501} it is 1
    weights = costs.shared_tokens + costs.token_mismatch
    assert wrong - right == pytest.approx(weights / 3, abs=1e-6)


def test_an_empty_side_leaves_everything_unaligned():
    a = side(random_meanings(3))
    empty = Side(lambda k: np.zeros((0, 64)), np.zeros(0), [], np.zeros(0))
    assert align_blocks(a, empty) == [((0,), ()), ((1,), ()), ((2,), ())]
    assert align_blocks(empty, a) == [((), (0,)), ((), (1,)), ((), (2,))]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=25, unique=True))
def test_the_longest_chain_is_increasing_and_as_long_as_any(pairs):
    chain = longest_chain(pairs)
    assert all(p in pairs for p in chain)
    assert all(x[0] < y[0] and x[1] < y[1] for x, y in itertools.pairwise(chain))
    ordered = sorted(pairs)
    best = 0
    for size in range(len(ordered), 0, -1):
        if any(all(x[0] < y[0] and x[1] < y[1] for x, y in itertools.pairwise(c))
               for c in itertools.islice(itertools.combinations(ordered, size), 2000)):
            best = size
            break
    if len(pairs) <= 10:
        assert len(chain) == best


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 60), st.integers(1, 60), st.integers(0, 10), st.data())
def test_the_band_holds_the_corners_and_never_turns_back(n, m, width, data):
    anchors = data.draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, m - 1)), max_size=8))
    anchors = longest_chain(anchors)
    lo, hi = band(anchors, n, m, width)
    assert lo[0] == 0 and hi[-1] == m
    assert all(np.diff(lo) >= 0) and all(np.diff(hi) >= 0) and all(lo <= hi)
    for i, j in anchors:
        assert lo[i + 1] <= j + 1 <= hi[i + 1]


def test_invariant_tokens_are_figures_and_names():
    assert blocks.invariant_tokens("Der Lhotse misst 8501 m, sagte Peter am 9.Mai.") == \
        frozenset({"lhotse", "8501", "peter", "9"})


def test_meaning_neighbours_in_chunks_are_those_of_the_whole_matrix(monkeypatch):
    """The same-language view's nearest neighbours, computed a few rows at a time, are the
    brute-force ones over the whole similarity matrix, ties included (earlier passage first)."""
    from synopsis.core.semantic import same_language

    rng = np.random.default_rng(7)
    for n, m, rows in ((5, 7, 2), (300, 200, 64), (40, 2, 3), (2, 40, 1)):
        view = same_language.MeaningView.__new__(same_language.MeaningView)
        view.vec_a, view.vec_b = rng.normal(size=(n, 6)).round(1), rng.normal(size=(m, 6)).round(1)
        view.rows_a, view.rows_b = list(range(10, 10 + n)), list(range(m))
        sims = view.vec_a @ view.vec_b.T
        k = same_language.NEIGHBOURS
        expected = {(10 + p, int(q)) for p, row in enumerate(np.argsort(-sims, axis=1, kind="stable")[:, :k])
                    for q in row}
        expected |= {(10 + int(p), q) for q, col in enumerate(np.argsort(-sims, axis=0, kind="stable")[:k].T)
                     for p in col}
        monkeypatch.setattr(same_language, "ROWS", rows)
        assert view.candidates() == expected
