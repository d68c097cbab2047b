"""The pair model: its fitted numbers, its features, and that a comparison scores with it."""
from __future__ import annotations

import numpy as np
import pytest

from synopsis.core.features import Span, Weights, extract
from synopsis.core.semantic import encoders, models, pair_model, vectors
from synopsis.core.semantic.same_language import MeaningView

PARAPHRASE = ("The company said quarterly profit rose 5 percent to $2.1 billion.",
              "Quarterly profit climbed 5 percent to $2.1 billion, the company said.")
SAME_STORY = ("The company said quarterly profit rose 5 percent to $2.1 billion.",
              "The company said it would cut 500 jobs and close two plants next year.")


def _features(pairs):
    fa = [extract(a, (), Span(0, len(a)), "en") for a, _ in pairs]
    fb = [extract(b, (), Span(0, len(b)), "en") for _, b in pairs]
    return fa, fb, Weights([f.bag for f in fa + fb])


def _meaning(pairs):
    """(the cosine, the element-wise products) of each pair's unit vectors."""
    encoder = encoders.load(models.DEFAULT)
    va = vectors.embed([a for a, _ in pairs], encoder).vectors
    vb = vectors.embed([b for _, b in pairs], encoder).vectors
    return np.einsum("ij,ij->i", va, vb), va * vb


def test_the_default_model_has_a_fitted_pair_model_over_features_the_engine_computes():
    model = pair_model.fitted(models.DEFAULT.name)
    assert model is not None
    assert len(model.features) == len(model.mean) == len(model.scale) == len(model.weights)
    fa, fb, weights = _features([PARAPHRASE])
    table = pair_model.pair_table(fa, fb, weights, np.array([0.8]), np.full((1, 512), 0.8 / 512))
    assert set(model.features) <= set(table)
    assert model.product_weights is not None and table["products"].shape == (1, len(model.product_weights))
    assert pair_model.fitted("no-such-model") is None


def test_a_paraphrase_scores_above_a_statement_on_the_same_story():
    pairs = [PARAPHRASE, SAME_STORY]
    fa, fb, weights = _features(pairs)
    p = pair_model.fitted(models.DEFAULT.name)(pair_model.pair_table(fa, fb, weights, *_meaning(pairs)))
    assert p[0] > 0.5 > p[1]


def test_the_vector_products_enter_the_margin_by_their_weights():
    model = pair_model.PairModel(("cos",), (0.0,), (1.0,), (0.0,), 0.0, None, np.array([2.0, -1.0]))
    table = {"cos": np.array([0.5, 0.5]), "products": np.array([[0.25, 0.0], [0.0, 0.5]])}
    # margins 2·0.25 = 0.5 and −1·0.5 = −0.5
    assert model(table) == pytest.approx(1 / (1 + np.exp([-0.5, 0.5])))


def test_the_features_of_one_pair():
    fa, fb, weights = _features([("Talks lasted five hours in Moscow.", "Talks lasted five hours in Moscow.")])
    same = pair_model.pair_table(fa, fb, weights)
    assert same["ng4_min"][0] == same["lcs"][0] == same["cov_min"][0] == 1.0
    assert same["unw_max"][0] == same["names_only"][0] == same["nums_only"][0] == 0.0
    fa, fb, weights = _features([("Talks lasted five hours in Moscow.", "Talks lasted 6 hours in Geneva on Tuesday.")])
    other = pair_model.pair_table(fa, fb, weights)
    assert other["names_only"][0] == 3.0          # Moscow, Geneva, Tuesday
    assert other["nums_only"][0] == 1.0           # 6 (five is a word)
    assert 0 < other["cov_min"][0] < other["cov_max"][0] < 1


def test_shared_names_numbers_and_negation():
    fa, fb, weights = _features([("Smith said Acme won't pay 5 million to Jones.", "Smith said Acme will pay 5 million."),
                                 ("Talks lasted five hours.", "Talks lasted five hours."),
                                 ("Die Firma zahlt nicht, sagte Schmidt.", "Die Firma zahlt keinen Euro und nie wieder.")])
    table = pair_model.pair_table(fa, fb, weights)
    assert table["names_jac"][0] == 0.5       # Acme of Acme and Jones (a first word is no name)
    assert table["nums_jac"][0] == 1.0
    assert table["neg_diff"][0] == table["neg_only"][0] == 1.0
    # neither side has a name, a number or a negation: nothing differs
    assert table["names_jac"][1] == table["nums_jac"][1] == 1.0 and table["neg_diff"][1] == table["neg_only"][1] == 0.0
    # German negations count too; both sides negate, one more often
    assert table["neg_diff"][2] == 1.0 and table["neg_only"][2] == 0.0


def test_character_ngrams_meet_a_word_in_another_form():
    fa, fb, weights = _features([("The minister negotiated.", "The minister's negotiations"),
                                 ("The minister negotiated.", "A storm hit the coast.")])
    table = pair_model.pair_table(fa, fb, weights)
    assert table["ch1_max"][0] <= 1.0 and table["ch6_min"][0] <= table["ch6_max"][0]
    # "theministernegotiat" is in both: long character n-grams shared where no stem bigram is,
    # none with the other statement
    assert table["ch6_min"][0] > 0.4 > table["ng2_max"][0]
    assert table["ch6_max"][1] == 0.0


def test_trees_add_the_leaf_each_pair_reaches():
    trees = pair_model.Trees.from_data({
        "depth": 2, "split_feature": [[0, 1, 1], [1, 0, 0]],
        "split_at": [[0.5, 2.0, 3.0], [1e300, 0.0, 0.0]],      # the second tree never splits at its root
        "leaf": [[1.0, 2.0, 3.0, 4.0], [10.0, 20.0, 30.0, 40.0]]})
    x = np.array([[0.1, 1.0], [0.1, 2.0], [0.5, 2.9], [0.9, 3.0]])
    # tree 1: x0 < 0.5 → node 1 (x1 ≥ 2 → leaf 2); x0 ≥ 0.5 → node 2 (x1 ≥ 3 → leaf 4); tree 2:
    # all to node 1, x0 ≥ 0 → its second leaf
    assert trees.margin(x).tolist() == [1.0 + 20, 2.0 + 20, 3.0 + 20, 4.0 + 20]


def test_the_meaning_view_scores_embedded_pairs_with_the_pair_model():
    pairs = [PARAPHRASE, SAME_STORY]
    fa, fb, weights = _features(pairs)
    view = MeaningView([a for a, _ in pairs], [b for _, b in pairs], encoders.load(models.DEFAULT),
                       words=(fa, fb, weights))
    view.settle(np.zeros(2), np.zeros(2))
    word = np.array([0.05, 0.05])          # words weak: meaning may only raise a pair at even odds
    scored, cosines = view.rescore([(0, 0), (1, 1)], word)
    model = view.pair_model(pair_model.pair_table(fa, fb, weights, cosines, view.vec_a * view.vec_b))
    blend = view.blend(word, cosines, np.zeros(2))
    assert model[0] >= 0.5 and scored[0] == pytest.approx(max(model[0], blend[0]))
    # the higher of the pair model and the cosine blend, and a veto never above the words
    assert scored[1] == pytest.approx(min(0.05, max(model[1], blend[1])))


def test_the_n_gram_cache_is_bounded_and_changes_no_feature(monkeypatch):
    sentences = [f"Sentence {i} says the council met on day {i} and voted {i % 7} times." for i in range(30)]
    pairs = [(sentences[i], sentences[(i * 7) % 30]) for i in range(30)] * 3    # each passage in many pairs
    fa, fb, weights = _features(pairs)
    fa, fb = [fa[i % 30] for i in range(90)], [fb[(i * 11) % 90] for i in range(90)]
    full = pair_model.pair_table(fa, fb, weights)
    monkeypatch.setattr(pair_model, "GRAMS_KEPT", 3)
    small = pair_model.pair_table(fa, fb, weights)
    assert full.keys() == small.keys() and {"ch6_min", "ng4_max"} <= full.keys()
    assert all(np.array_equal(full[k], small[k]) for k in full)
    assert len(set(full["ch3_min"])) >= 3       # the features differ between pairs: a real comparison


def test_the_n_gram_cache_makes_each_passages_sets_once_when_they_fit_and_keeps_no_more(monkeypatch):
    sentences = [f"Sentence {i} says the council met on day {i} and voted {i % 7} times." for i in range(30)]
    fa, fb, weights = _features([(sentences[i], sentences[(i * 7) % 30]) for i in range(30)])
    fa, fb = [fa[(i * 13) % 30] for i in range(120)], [fb[(i * 11) % 30] for i in range(120)]
    made, largest = [], [0]
    real, get = pair_model._grams, pair_model._GramCache.get

    def counted(f):
        made.append(id(f))
        return real(f)

    def watched(self, f):
        largest[0] = max(largest[0], len(self.kept))
        return get(self, f)

    monkeypatch.setattr(pair_model, "_grams", counted)
    monkeypatch.setattr(pair_model._GramCache, "get", watched)
    pair_model.pair_table(fa, fb, weights)
    assert len(made) == len(set(made)) == 60        # every passage once: none dropped while needed
    made.clear()
    largest[0] = 0
    monkeypatch.setattr(pair_model, "GRAMS_KEPT", 5)
    pair_model.pair_table(fa, fb, weights)
    assert 60 < len(made) < 240 and largest[0] <= 5  # made again when dropped, never all of them


def test_a_store_shares_the_n_gram_sets_between_tables_and_stays_bounded(monkeypatch):
    """One comparison's tables (those made beside the embedding, then its neighbours') make a
    passage's sets once while they fit in the store, and the tables are the ones made without it."""
    sentences = [f"Sentence {i} says the council met on day {i} and voted {i % 7} times." for i in range(30)]
    fa, fb, weights = _features([(sentences[i], sentences[(i * 7) % 30]) for i in range(30)])
    made = []
    real = pair_model._grams

    def counted(f):
        made.append(id(f))
        return real(f)

    first, second = (fa[:20], fb[:20]), (fa[10:], fb[10:])
    plain = [pair_model.pair_table(*half, weights) for half in (first, second)]
    monkeypatch.setattr(pair_model, "_grams", counted)
    store = pair_model.GramStore()
    shared = [pair_model.pair_table(*half, weights, store=store) for half in (first, second)]
    assert len(made) == len(set(made)) == 60       # the ten passages of each side in both: made once
    for a, b in zip(plain, shared):
        assert all(np.array_equal(a[k], b[k]) for k in a)
    monkeypatch.setattr(pair_model, "GRAMS_SHARED", 7)
    small = pair_model.GramStore()
    made.clear()
    for half in (first, second):
        pair_model.pair_table(*half, weights, store=small)
    assert len(small.kept) == 7 and len(made) > 60


def test_word_features_made_ahead_beside_the_embedding_are_read_for_their_pairs():
    """``tabulate`` while the passages are embedded, then ``rescore`` asking for those pairs and
    others in another order: each pair gets its own row, as if all were made at once."""
    words = "council met on day and voted times after long talks in the city hall about budget".split()
    sentences = [" ".join(words[i % 5:i % 5 + 4 + i]) + f" {i}." for i in range(12)]
    fa, fb, weights = _features([(s, sentences[(i * 5) % 12]) for i, s in enumerate(sentences)])
    view = MeaningView([f.text for f in fa], [f.text for f in fb], encoders.load(models.DEFAULT),
                       words=(fa, fb, weights))
    ahead = [(p, (p * 7) % 12) for p in range(0, 12, 2)]
    seen = []
    view.settle(np.zeros(12), np.zeros(12), beside=lambda v: (v.tabulate(ahead), seen.append(True)))
    assert seen and len(view.vec_a) == 12
    asked = sorted(ahead + [(p, (p * 3) % 12) for p in range(1, 12, 2)], key=lambda pq: (-pq[1], pq[0]))
    made = view._word_table(asked)
    direct = pair_model.pair_table([fa[p] for p, _ in asked], [fb[q] for _, q in asked], weights)
    assert made.keys() == direct.keys()
    assert all(np.array_equal(made[k], direct[k]) for k in direct)
    assert len(set(direct["ch3_min"])) > 3         # rows differ: a swapped row would show
