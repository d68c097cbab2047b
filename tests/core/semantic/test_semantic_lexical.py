"""The word model the block aligner learns from a document and its translation (lexical.py)."""
from __future__ import annotations

import numpy as np

from synopsis.core.semantic import blocks, lexical
from synopsis.core.semantic.blocks import BlockCosts, Side

DE = ["der Gipfel war hoch", "das Lager lag tief", "der Gipfel und das Lager", "das Wetter war gut",
      "der Sherpa trug viel", "das Wetter und der Sherpa"]
FR = ["le sommet était haut", "le camp était bas", "le sommet et le camp", "le temps était beau",
      "le sherpa portait beaucoup", "le temps et le sherpa"]


def test_em_learns_which_words_translate_each_other():
    ids_a, size_a = lexical._ids(lexical.words(DE))
    ids_b, size_b = lexical._ids(lexical.words(FR))
    t = lexical.train([(ids_a[i], ids_b[i]) for i in range(len(DE))], size_a, size_b)
    word_a = {w: i for i, w in enumerate(dict.fromkeys(w for row in lexical.words(DE) for w in row))}
    word_b = {w: i for i, w in enumerate(dict.fromkeys(w for row in lexical.words(FR) for w in row))}
    assert t.shape == (size_a + 1, size_b)
    assert np.allclose(t.sum(axis=1), 1.0)
    gipfel = t[word_a["gipfel"]]
    assert gipfel.argmax() == word_b["sommet"]
    assert t[word_a["lager"]].argmax() == word_b["camp"]


def test_a_passage_explains_its_translation_better_than_its_neighbour():
    lexicon = lexical.Lexicon(DE, FR, [(i, i) for i in range(len(DE))], [1, 2])
    assert lexicon.ok
    one = lexicon.score(0, 1, 1, 0, len(FR) - 1)
    assert one.argmax() == 0 and one[0] > one[1] + 1.0
    two = lexicon.score(1, 2, 2, 0, len(FR) - 2)      # "das Lager …, der Gipfel und das Lager"
    assert two.argmax() == 1
    again = lexical.Lexicon(DE, FR, [(i, i) for i in range(len(DE))], [1, 2])
    assert np.array_equal(again.ab[2], lexicon.ab[2]) and np.array_equal(again.ba[1], lexicon.ba[1])


def test_no_model_without_pairs_or_when_the_table_would_be_too_large(monkeypatch):
    assert not lexical.Lexicon(DE, FR, [], [1]).ok
    monkeypatch.setattr(lexical, "MAX_TABLE", 10)
    assert not lexical.Lexicon(DE, FR, [(0, 0)], [1]).ok


def test_the_block_aligner_reads_the_word_model_only_when_asked():
    rng = np.random.default_rng(0)
    base = rng.normal(size=(len(DE), 16))
    unit = lambda x: x / np.linalg.norm(x, axis=1, keepdims=True)          # noqa: E731

    def side(texts, noise):
        vecs = unit(base + noise * rng.normal(size=base.shape))
        return Side.of(texts, lambda k: unit(np.array([vecs[i:i + k].sum(axis=0)
                                                        for i in range(len(vecs) - k + 1)])))
    a, b = side(DE, 0.1), side(FR, 0.1)
    anchors = [(i, i) for i in range(len(DE))]
    plain = blocks._CostTable(a, b, BlockCosts(), a.vectors(1), b.vectors(1), anchors=anchors)
    assert plain.lexicon is None
    costs = BlockCosts(lexical=0.1)
    worded = blocks._CostTable(a, b, costs, a.vectors(1), b.vectors(1), anchors=anchors)
    assert worded.lexicon is not None
    gain = plain.cost(0, 1, 1, 0, len(FR) - 1) - worded.cost(0, 1, 1, 0, len(FR) - 1)
    assert gain[0] > gain[1]                      # the translation gains most from its words
    assert blocks.align_blocks(a, b, costs) == [((i,), (i,)) for i in range(len(DE))]
