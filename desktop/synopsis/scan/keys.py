"""Passage keys: what two articles must share to be compared at all.

A key generator turns a partition's fingerprints into (key, article) rows. Two articles become a
candidate pair when they share enough keys of one generator (see ``candidates``). The built-in
generators are

- :class:`ShingleKeys`: winnowed word 5-grams, for verbatim and lightly edited reuse;
- :class:`RareWordKeys`: for every sentence, each pair of its rarest content stems (by document
  frequency over the corpus), for reworded reuse that keeps the names, figures and rare words;
- :class:`MeaningKeys` (only when the scan is asked for them): locality-sensitive keys of each
  sentence's embedding (:mod:`.meaning`), for reuse reworded beyond its words or translated.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np

from .features import PartitionFeatures
from .hashing import U64, mix, pair_keys


class Frequencies:
    """Document frequency of every stem over the corpus (sorted hashes, counts)."""

    def __init__(self, stems: np.ndarray, counts: np.ndarray, documents: int) -> None:
        self.stems = stems
        self.counts = counts
        self.documents = documents

    def lookup(self, stems: np.ndarray) -> np.ndarray:
        """How many articles contain each stem (0 for one never seen)."""
        if len(self.stems) == 0:
            return np.zeros(len(stems), dtype=np.int64)
        at = np.clip(np.searchsorted(self.stems, stems), 0, len(self.stems) - 1)
        return np.where(self.stems[at] == stems, self.counts[at], 0)


class KeyGenerator(Protocol):
    """Makes candidate keys for the kept articles of one partition."""

    name: str
    min_shared: int   # shared keys that make two articles a candidate pair …
    min_places: int   # … coming from at least this many places (sentences) of the first one

    def keys(self, features: PartitionFeatures, keep: np.ndarray,
             frequencies: Frequencies) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(keys uint64, local article numbers int32, places int16), each key once per article."""
        ...


def _unique_rows(keys: np.ndarray, docs: np.ndarray, places: np.ndarray) -> tuple[np.ndarray, ...]:
    """Each key once per article (at its first place)."""
    if len(keys) == 0:
        return keys, docs, places
    order = np.lexsort((places, keys, docs))
    keys, docs, places = keys[order], docs[order], places[order]
    first = np.ones(len(keys), dtype=bool)
    first[1:] = (keys[1:] != keys[:-1]) | (docs[1:] != docs[:-1])
    return keys[first], docs[first], places[first]


@dataclass(frozen=True)
class ShingleKeys:
    name: str = "shingle"
    min_shared: int = 3
    min_places: int = 1
    salt: int = 0x5348494E474C45

    def keys(self, features: PartitionFeatures, keep: np.ndarray,
             frequencies: Frequencies) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        mask = keep[features.shingle_doc]
        salted = mix(features.shingles[mask] ^ U64(self.salt))
        return _unique_rows(salted, features.shingle_doc[mask], np.zeros(int(mask.sum()), dtype=np.int16))


@dataclass(frozen=True)
class RareWordKeys:
    """Pairs of each sentence's ``per_sentence`` rarest stems seen in at least two articles;
    two articles must share such pairs from two or more sentences (one sentence in common is
    a phrase or a name, not a reused passage)."""

    name: str = "rare"
    min_shared: int = 4
    min_places: int = 2
    per_sentence: int = 7
    salt: int = 0x52415245

    def keys(self, features: PartitionFeatures, keep: np.ndarray,
             frequencies: Frequencies) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        df = frequencies.lookup(features.stems)
        left, right, owner, place = [], [], [], []
        starts = features.sentence_starts
        for doc in np.flatnonzero(keep):
            for s in range(features.doc_sentences[doc], features.doc_sentences[doc + 1]):
                pairs = self.sentence_pairs(features.stems[starts[s]:starts[s + 1]], df[starts[s]:starts[s + 1]])
                if pairs is not None:
                    left.append(pairs[0])
                    right.append(pairs[1])
                    owner.append(np.full(len(pairs[0]), doc, dtype=np.int32))
                    place.append(np.full(len(pairs[0]), s - features.doc_sentences[doc], dtype=np.int16))
        if not left:
            return np.empty(0, dtype=U64), np.empty(0, dtype=np.int32), np.empty(0, dtype=np.int16)
        keys = pair_keys(np.concatenate(left), np.concatenate(right), self.salt)
        return _unique_rows(keys, np.concatenate(owner), np.concatenate(place))

    def sentence_pairs(self, stems: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
        """The rarest stems of one sentence, paired; words next to each other are not paired
        (two halves of one name or phrase say no more than the phrase)."""
        usable = counts >= 2
        positions = np.flatnonzero(usable)
        if len(positions) < 3:
            return None
        chosen = positions[np.lexsort((stems[positions], counts[positions]))[: self.per_sentence]]
        chosen.sort()
        i, j = np.triu_indices(len(chosen), k=1)
        apart = (chosen[j] - chosen[i] > 1) & (stems[chosen[i]] != stems[chosen[j]])
        if not apart.any():
            return None
        return stems[chosen[i[apart]]], stems[chosen[j[apart]]]


@dataclass(frozen=True)
class MeaningKeys:
    """The meaning keys made while fingerprinting (``FeatureSettings.meaning``); two articles
    must share three of them from two or more sentences of the first (with two, filler
    sentences close in meaning made six times as many candidate pairs on the development
    corpus: ``benchmarks/results/scan.md``, "Meaning keys")."""

    name: str = "meaning"
    min_shared: int = 3
    min_places: int = 2

    def keys(self, features: PartitionFeatures, keep: np.ndarray,
             frequencies: Frequencies) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        mask = keep[features.meaning_doc]
        return _unique_rows(features.meaning_keys[mask], features.meaning_doc[mask], features.meaning_place[mask])


def default_generators() -> list[KeyGenerator]:
    return [ShingleKeys(), RareWordKeys()]


def generators_for(meaning: bool) -> tuple[KeyGenerator, ...]:
    """The key generators of a scan: the lexical ones, and the meaning keys when it makes them."""
    return tuple(default_generators()) + ((MeaningKeys(),) if meaning else ())
