"""The functions Dask runs on the workers, one per step of a partition's journey.

They take and return plain numpy arrays, lists and dicts (nothing that holds a file or a
lock), so a real cluster can move them between machines. What stays in a worker's memory
between steps is a partition's fingerprints, never its texts: the few articles the comparison
needs are read again from the input (:func:`articles`), so the memory the scan holds grows with
the fingerprints (about 2 KB an article) and Dask can count it, spill it and move it.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .candidates import Limits, bucket_pairs, bucket_rows, concat_rows, count_pairs, pairs_from_sorted, sorted_rows
from .features import FeatureSettings, PartitionFeatures, document_frequencies, featurize
from .groups import band_rows, star_pairs
from .hashing import U64, hash_text
from .index import bucket_index
from .inputs import FIELDS, Article, Partition, read_partition
from .keys import Frequencies, KeyGenerator


@dataclass
class LoadedPartition:
    """A partition as it stays in a worker's memory until its keys are made: fingerprints only."""

    number: int
    features: PartitionFeatures
    outlets: np.ndarray          # uint64 [n]: hash of each article's outlet (0: none given)

    @property
    def nbytes(self) -> int:
        f = self.features
        return self.outlets.nbytes + sum(getattr(f, name).nbytes for name in (
            "exact", "signatures", "shingles", "shingle_doc", "stems", "sentence_starts", "doc_sentences", "words",
            "meaning_keys", "meaning_doc", "meaning_place"))


try:   # let Dask count a loaded partition, so that it spills it when a worker's memory runs short
    from dask.sizeof import sizeof as _sizeof

    _sizeof.register(LoadedPartition)(lambda loaded: loaded.nbytes)
except ImportError:      # pragma: no cover - dask comes with the scan's extra
    pass


def load(part: Partition, settings: FeatureSettings) -> tuple[LoadedPartition, dict]:
    """A partition's fingerprints, and what the client keeps of it (:func:`summary`)."""
    articles, problems = read_partition(part)
    features = featurize([a.text for a in articles], settings)
    outlets = np.array([hash_text(a.outlet) if a.outlet else 0 for a in articles], dtype=U64)
    return LoadedPartition(part.number, features, outlets), summary(articles, features, problems)


def summary(articles: list[Article], features: PartitionFeatures, problems: list[str]) -> dict:
    """What the client keeps of a partition: metadata columns, exact hashes, problems."""
    columns = {name: [getattr(a, name) for a in articles] for name in FIELDS}
    columns["chars"] = [len(a.text) for a in articles]
    columns["words"] = features.words.tolist()
    return {"count": len(articles), "columns": columns, "exact": features.exact,
            "empty": features.words == 0, "problems": problems}


def bands(loaded: LoadedPartition, offset: int, band_count: int, buckets: int) -> list[tuple]:
    rows = band_rows(loaded.features.signatures, offset, band_count, loaded.features.words == 0)
    return bucket_rows(rows, buckets)


def band_pairs(*parts: tuple) -> np.ndarray:
    return star_pairs(list(parts))


def signatures(loaded: LoadedPartition, local: np.ndarray) -> np.ndarray:
    return loaded.features.signatures[local]


def frequencies(loaded: LoadedPartition, keep: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return document_frequencies(loaded.features, keep)


def merge_frequencies(parts: list[tuple[np.ndarray, np.ndarray]], documents: int) -> Frequencies:
    stems = np.concatenate([p[0] for p in parts]) if parts else np.empty(0, dtype=U64)
    counts = np.concatenate([p[1] for p in parts]) if parts else np.empty(0, dtype=np.int64)
    unique, inverse = np.unique(stems, return_inverse=True)
    totals = np.zeros(len(unique), dtype=np.int64)
    np.add.at(totals, inverse, counts)
    return Frequencies(unique, totals, documents)


def keys(loaded: LoadedPartition, keep: np.ndarray, offset: int, freq: Frequencies,
         generators: tuple[KeyGenerator, ...], buckets: int) -> list[tuple]:
    outlet_of = loaded.outlets
    parts = []
    for kind, generator in enumerate(generators):
        k, d, where = generator.keys(loaded.features, keep, freq)
        parts.append((k, d.astype(np.int64) + offset, np.full(len(k), kind, dtype=np.int8), outlet_of[d], where))
    return bucket_rows(concat_rows(parts), buckets)


def postings(limits: Limits, buckets: int, index: bool, *parts: tuple) -> tuple[list[tuple], dict, tuple | None]:
    """A key bucket's article pairs (bucketed again), its counts and, when a key index is
    written, its rows for the index (from the same sort)."""
    rows = sorted_rows(list(parts))
    pairs, stats = pairs_from_sorted(rows, limits)
    return bucket_pairs(pairs, buckets), stats, bucket_index(rows, limits.boilerplate_df) if index else None


def candidates(min_shared: tuple[int, ...], min_places: tuple[int, ...], *parts: tuple) -> tuple[np.ndarray, np.ndarray]:
    return count_pairs(list(parts), min_shared, min_places)


def articles(part: Partition, local: np.ndarray, offset: int) -> dict[int, dict[str, str]]:
    """Articles of ``part`` by number, read again from the input (the same input reads the same)."""
    read, _ = read_partition(part)
    return {offset + int(i): dict(read[int(i)].__dict__) for i in local}
