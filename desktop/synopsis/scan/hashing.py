"""Stable 64-bit hashes and MinHash signatures, the same in every process and on every machine.

Python's ``hash()`` of a string is salted per process, so two workers would disagree on every
key. Words are hashed once with BLAKE2b (8-byte digests, cached per partition); everything
built from them (word n-grams, key pairs, MinHash permutations) is mixed in numpy with the
SplitMix64 finaliser (Steele, Lea & Flood, "Fast splittable pseudorandom number generators",
OOPSLA 2014), whose unsigned 64-bit arithmetic wraps identically everywhere.
"""
from __future__ import annotations

import hashlib

import numpy as np

U64 = np.uint64
_GOLDEN = U64(0x9E3779B97F4A7C15)
_MUL1 = U64(0xBF58476D1CE4E5B9)
_MUL2 = U64(0x94D049BB133111EB)
_NGRAM_MUL = U64(0x100000001B3)      # the 64-bit FNV prime: an odd multiplier for n-gram rolling


def hash_text(text: str) -> int:
    """A stable unsigned 64-bit hash of ``text``."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


def mix(values: np.ndarray) -> np.ndarray:
    """SplitMix64's finaliser applied to every element (uint64 in, uint64 out)."""
    with np.errstate(over="ignore"):
        z = values.astype(U64, copy=True) + _GOLDEN
        z = (z ^ (z >> U64(30))) * _MUL1
        z = (z ^ (z >> U64(27))) * _MUL2
        return z ^ (z >> U64(31))


class WordHasher:
    """Hashes words with BLAKE2b, remembering each word it has seen (a partition repeats most)."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def __call__(self, words: list[str]) -> np.ndarray:
        return np.array(self.values(words), dtype=U64)

    def values(self, words: list[str]) -> list[int]:
        seen = self._seen
        try:
            return [seen[word] for word in words]
        except KeyError:
            for word in words:
                if word not in seen:
                    seen[word] = hash_text(word)
            return [seen[word] for word in words]


def ngrams(words: np.ndarray, n: int) -> np.ndarray:
    """Hashes of every run of ``n`` consecutive word hashes (empty when there are fewer words)."""
    count = len(words) - n + 1
    if count <= 0:
        return np.empty(0, dtype=U64)
    with np.errstate(over="ignore"):
        acc = np.zeros(count, dtype=U64)
        for j in range(n):
            acc = acc * _NGRAM_MUL + words[j:j + count]
    return mix(acc)


def pair_keys(left: np.ndarray, right: np.ndarray, salt: int) -> np.ndarray:
    """An order-free key for each pair of word hashes (a, b) == (b, a)."""
    low, high = np.minimum(left, right), np.maximum(left, right)
    with np.errstate(over="ignore"):
        return mix(mix(low ^ U64(salt)) + high)


def winnow(hashes: np.ndarray, window: int) -> np.ndarray:
    """The distinct values among the smallest hash of every ``window`` consecutive ones.

    Winnowing (Schleimer, Wilkerson & Aiken, SIGMOD 2003): any run of ``window`` hashes two
    documents share leaves at least one key in both, at about 2 / (window + 1) of the hashes.
    """
    if window <= 1 or len(hashes) <= window:
        return np.unique(hashes) if len(hashes) else hashes
    count = len(hashes) - window + 1
    smallest = hashes[:count].copy()
    for shift in range(1, window):         # the minimum of each window, by value
        np.minimum(smallest, hashes[shift:shift + count], out=smallest)
    return np.unique(smallest)


def minhash_seeds(count: int) -> np.ndarray:
    """``count`` fixed seeds, one per MinHash permutation."""
    return mix(np.arange(1, count + 1, dtype=U64) * _GOLDEN)


def minhash(shingles: np.ndarray, seeds: np.ndarray) -> np.ndarray:
    """The MinHash signature of a set of shingle hashes (all ones' bits set when it is empty)."""
    if len(shingles) == 0:
        return np.full(len(seeds), np.iinfo(U64).max, dtype=U64)
    table = mix(shingles[:, None] ^ seeds[None, :])
    return table.min(axis=0)


def band_keys(signature: np.ndarray, bands: int) -> np.ndarray:
    """One hash per band of rows of a signature (locality-sensitive hashing by banding)."""
    rows = len(signature) // bands
    parts = signature[: rows * bands].reshape(bands, rows)
    with np.errstate(over="ignore"):
        acc = np.arange(bands, dtype=U64)
        for r in range(rows):
            acc = mix(acc * _NGRAM_MUL + parts[:, r])
    return acc
