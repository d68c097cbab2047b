"""Candidate pairs: bounded per passage, whatever the documents, with a seam for more proposers."""
from __future__ import annotations

import random

import numpy as np

from hypothesis import given, settings as hsettings, strategies as st

from synopsis.core.candidates import NEAR, PER_SEGMENT, candidate_pairs, nearest_copies
from synopsis.core.features import Span, Weights, extract


def feats(sentences: list[str]):
    return [extract(s, (k,), Span(0, len(s)), "en") for k, s in enumerate(sentences)]


def sentence(rng: random.Random, vocabulary: list[str]) -> str:
    return " ".join(rng.choice(vocabulary) for _ in range(rng.randint(3, 15))) + "."


@hsettings(max_examples=25, deadline=None)
@given(st.integers(1, 400), st.integers(1, 400), st.integers(3, 3000), st.integers(0, 10**6))
def test_at_most_a_fixed_number_of_pairs_per_passage(n_a, n_b, words, seed):
    rng = random.Random(seed)
    vocabulary = [f"word{k}" for k in range(words)]
    fa = feats([sentence(rng, vocabulary) for _ in range(n_a)])
    fb = feats([sentence(rng, vocabulary) for _ in range(n_b)])
    pairs = candidate_pairs(fa, fb, Weights([f.bag for f in fa + fb]))
    assert all(0 <= p < n_a and 0 <= q < n_b for p, q in pairs)
    assert len(pairs) <= PER_SEGMENT * (n_a + n_b) + NEAR * n_a


def test_the_same_sentence_everywhere_still_gives_few_pairs_each():
    text = ["The council approved the budget for the new bridge."] * 2000
    fa, fb = feats(text), feats(text)
    pairs = candidate_pairs(fa, fb, Weights([f.bag for f in fa + fb]))
    assert {p for p, _ in pairs} == set(range(2000))
    assert len(pairs) <= NEAR * 2000
    assert all(abs(p - q) <= NEAR for p, q in pairs)   # the copies nearest each one's place


def test_a_paraphrase_sharing_its_rare_words_is_proposed():
    a = ["Witkoff spent five hours with Putin in the Kremlin on Tuesday.",
         "Fishing boats were moved to the southern quay.", "The mayor promised compensation."]
    b = ["The mayor has promised to pay compensation.", "Boats moved to the quay in the south.",
         "Putin received Witkoff at the Kremlin for nearly five hours."]
    pairs = candidate_pairs(feats(a), feats(b), Weights([f.bag for f in feats(a + b)]))
    assert {(0, 2), (1, 1), (2, 0)} <= pairs


def test_other_proposers_add_their_pairs():
    a, b = feats(["Alpha beta gamma."]), feats(["Delta epsilon zeta.", "Eta theta iota."])
    weights = Weights([f.bag for f in a + b])
    assert candidate_pairs(a, b, weights) == set()
    assert candidate_pairs(a, b, weights, proposers=[lambda la, lb: [(0, 1)]]) == {(0, 1)}


def test_each_copy_of_a_repeated_sentence_is_paired_with_the_copy_at_its_place():
    """A sentence said four times on both sides, once merged with its neighbour on b: every
    copy is paired with the copy at its own place, and the copy whose partner was merged is
    not paired with a far copy (whose own partner is near it)."""
    filler = [f"Sentence number {k} talks about topic{k} and matter{k}." for k in range(40)]
    said = "The harbour master closed the northern pier after the storm."
    a, b = [], []
    for copy in range(4):
        block = filler[copy * 10:(copy + 1) * 10]
        a += block[:5] + [said, "Boats waited outside."] + block[5:]
        if copy == 1:
            b += block[:5] + [said[:-1] + ", and boats waited outside."] + block[5:]
        else:
            b += block[:5] + [said, "Boats waited outside."] + block[5:]
    fa, fb = feats(a), feats(b)
    pairs = candidate_pairs(fa, fb, Weights([f.bag for f in fa + fb]))
    copies_a = [p for p, s in enumerate(a) if s == said]
    copies_b = [q for q, s in enumerate(b) if s == said]
    exact = {(p, q) for p, q in pairs if p in copies_a and q in copies_b}
    assert exact == {(copies_a[0], copies_b[0]), (copies_a[2], copies_b[1]), (copies_a[3], copies_b[2])}
    merged = b.index(said[:-1] + ", and boats waited outside.")
    assert (copies_a[1], merged) in pairs


def test_nearest_copies_pairs_a_passage_with_one_copy_of_each_text():
    text_ids = [np.array([0, 1, 2]), np.array([5, 5, 6, 7])]   # b says text 5 twice
    pairs = {(0, 0), (0, 1), (1, 2), (2, 3), (2, 0)}
    # passage 0 of a keeps the copy of text 5 nearest its place (b 0, not b 1); passage 2 of a
    # keeps b 0 too (its only copy of text 5), and every pair of texts said once stays
    assert nearest_copies(pairs, text_ids, (3, 4)) == {(0, 0), (1, 2), (2, 3), (2, 0)}
