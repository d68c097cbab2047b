"""Stable hashes, winnowing's guarantee, MinHash and the key generators."""
from __future__ import annotations

import subprocess
import sys

import numpy as np
from hypothesis import given, settings, strategies as st

from synopsis.scan.features import FeatureSettings, featurize
from synopsis.scan.hashing import U64, hash_text, minhash, minhash_seeds, ngrams, pair_keys, winnow
from synopsis.scan.keys import Frequencies, RareWordKeys, ShingleKeys


def test_hashes_are_the_same_in_another_process_with_another_hash_seed():
    code = ("from synopsis.scan.hashing import hash_text, ngrams, U64; import numpy as np;"
            "print(hash_text('Zelensky'), int(ngrams(np.arange(6, dtype=U64), 5)[0]))")
    outputs = {subprocess.run([sys.executable, "-c", code], env={"PYTHONHASHSEED": seed}, capture_output=True,
                              text=True, check=True).stdout for seed in ("1", "2")}
    here = f"{hash_text('Zelensky')} {int(ngrams(np.arange(6, dtype=U64), 5)[0])}\n"
    assert outputs == {here}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 2**64 - 1), min_size=1, max_size=60), st.integers(2, 6),
       st.lists(st.integers(0, 2**64 - 1), max_size=20), st.lists(st.integers(0, 2**64 - 1), max_size=20))
def test_winnowing_keeps_a_key_of_every_shared_run_of_window_hashes(shared, window, before, after):
    """Any run of ``window`` hashes two sequences share leaves a common key (Schleimer et al.)."""
    run = np.array(shared, dtype=U64)
    one = winnow(np.array(before + shared, dtype=U64), window)
    two = winnow(np.array(shared + after, dtype=U64), window)
    if len(run) >= window:
        assert len(np.intersect1d(one, two)) > 0
    assert set(winnow(run, window).tolist()) <= set(run.tolist())


def test_minhash_estimates_jaccard():
    seeds = minhash_seeds(256)
    a = np.arange(0, 1000, dtype=U64) * U64(7919)
    b = np.arange(500, 1500, dtype=U64) * U64(7919)
    estimate = (minhash(a, seeds) == minhash(b, seeds)).mean()
    assert abs(estimate - 500 / 1500) < 0.08


def test_pair_keys_ignore_order():
    x, y = np.array([1, 2], dtype=U64), np.array([3, 4], dtype=U64)
    assert np.array_equal(pair_keys(x, y, 9), pair_keys(y, x, 9))
    assert not np.array_equal(pair_keys(x, y, 9), pair_keys(x, y, 10))


def test_a_reworded_sentence_shares_rare_word_keys_but_no_shingles():
    texts = ["Zelensky met Witkoff in Miami on Sunday to discuss the Donbas ceasefire proposal.",
             "On Sunday the Donbas truce plan was what Witkoff and Zelensky talked over in Miami.",
             "The weather in Miami was warm on Sunday."]
    features = featurize(texts, FeatureSettings())
    keep = np.ones(3, dtype=bool)
    stems = np.unique(features.stems)
    freq = Frequencies(stems, np.full(len(stems), 2), 3)
    shingle_keys, shingle_docs, _ = ShingleKeys().keys(features, keep, freq)
    rare_keys, rare_docs, _ = RareWordKeys().keys(features, keep, freq)
    assert not set(shingle_keys[shingle_docs == 0]) & set(shingle_keys[shingle_docs == 1])
    shared = set(rare_keys[rare_docs == 0]) & set(rare_keys[rare_docs == 1])
    assert len(shared) >= 2
    assert not set(rare_keys[rare_docs == 0]) & set(rare_keys[rare_docs == 2])
