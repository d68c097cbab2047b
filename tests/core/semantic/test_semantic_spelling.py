"""Letters two languages write alike, and the block aligner's use of them and of per-passage skips."""
from __future__ import annotations

import numpy as np
import pytest

from synopsis.core.semantic import blocks, spelling
from synopsis.core.semantic.blocks import BlockCosts, Side


def test_pieces_fold_case_and_accents_and_keep_figures_whole():
    assert spelling.pieces("Expédition 1956") == ["<exp", "expe", "xped", "pedi", "edit", "diti", "itio",
                                                   "tion", "ion>", "#1956"]
    assert spelling.pieces("à la mer") == []          # words under four letters are left out


def test_a_translation_shares_more_letters_than_another_sentence():
    de = ["Die Expedition erreichte den Dhaulagiri am 13. Mai 1960."]
    fr = ["L' expédition atteignit le Dhaulagiri le 13 mai 1960 .", "Le temps fut mauvais toute la semaine ."]
    a, b = spelling.run_profiles(spelling.counts(de), 1), spelling.run_profiles(spelling.counts(fr), 1)
    same, other = b @ a[0]
    assert same > 0.5 and other < 0.2


def test_counts_are_the_same_in_every_process_and_runs_are_unit_sums():
    rows = spelling.counts(["Lhotse 8501 m", "Kangchenjunga Face SO", "- _-"])
    assert rows.shape == (3, spelling.DIM) and rows[2].sum() == 0
    # CRC-32 hashing: fixed buckets, not Python's per-process string hash
    assert rows[0].nonzero()[0].tolist() == sorted({spelling.zlib.crc32(p.encode()) % spelling.DIM
                                                    for p in spelling.pieces("Lhotse 8501 m")})
    pairs = spelling.run_profiles(rows, 2)
    assert pairs.shape == (2, spelling.DIM)
    assert np.linalg.norm(pairs, axis=1) == pytest.approx([1.0, 1.0])
    assert np.allclose(pairs[1], spelling.run_profiles(rows[1:2], 1)[0])   # the empty row adds nothing


def test_shared_letters_make_the_right_pair_cheaper():
    vector = np.ones(8) / np.sqrt(8)
    a = Side.of(["Die Expedition von Dyhrenfurth"], lambda k: np.array([vector] * max(0, 2 - k)).reshape(-1, 8))
    b = Side.of(["Un article sans rapport", "L' expédition de Dyhrenfurth"],
                lambda k: np.array([vector] * max(0, 3 - k)).reshape(-1, 8))
    costs = BlockCosts(spelling=0.3, shared_tokens=0.0, token_mismatch=0.0, length=0.0)
    wrong, right = blocks._CostTable(a, b, costs, a.vectors(1), b.vectors(1)).cost(0, 1, 1, 0, 1)
    assert right < wrong
    plain = blocks._CostTable(a, b, BlockCosts(shared_tokens=0.0, token_mismatch=0.0, length=0.0),
                              a.vectors(1), b.vectors(1)).cost(0, 1, 1, 0, 1)
    assert plain[0] == pytest.approx(plain[1])      # without the spelling weight, nothing to choose


def test_a_passage_whose_best_match_does_not_stand_out_is_cheaper_to_leave_out():
    costs = BlockCosts(skip=0.8, lonely=2.0, lonely_at=0.1)
    skips = blocks._skips(costs, np.array([0.3, 0.1, 0.05, -1.0]))
    assert skips.tolist() == pytest.approx([0.8, 0.8, 0.7, 0.0])
    assert blocks._skips(BlockCosts(skip=0.8, lonely=0.0), np.array([-1.0, 0.5])).tolist() == [0.8, 0.8]


def test_a_shape_cost_changes_which_blocks_are_chosen():
    """Two sentences of A that B says in one: a 2-1 block; made dear enough, two 1-1s and a skip."""
    rng = np.random.default_rng(3)
    own = rng.normal(size=(4, 32))
    own /= np.linalg.norm(own, axis=1, keepdims=True)
    meanings_a = own
    meanings_b = np.vstack([own[0], (own[1] + own[2]) / np.sqrt(2), own[3]])

    def side(rows, n):
        def vectors(k):
            out = np.array([rows[i:i + k].sum(axis=0) for i in range(len(rows) - k + 1)]).reshape(-1, 32)
            return out / np.linalg.norm(out, axis=1, keepdims=True)
        return Side.of(["a sentence of some words"] * n, vectors)

    a, b = side(meanings_a, 4), side(meanings_b, 3)
    plain = BlockCosts(part_gain=0.0)
    assert ((1, 2), (1,)) in blocks.align_blocks(a, b, plain)
    dear = BlockCosts(part_gain=0.0, shape_costs=((2, 1, 5.0),))
    assert ((1, 2), (1,)) not in blocks.align_blocks(a, b, dear)
