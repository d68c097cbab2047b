"""The functions Dask runs on the workers, one per step of a partition's journey.

They take and return plain numpy arrays, lists and dicts (nothing that holds a file or a
lock), so a real cluster can move them between machines.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .candidates import Limits, bucket_pairs, bucket_rows, concat_rows, count_pairs, pairs_from_postings
from .features import FeatureSettings, PartitionFeatures, document_frequencies, featurize
from .groups import band_rows, star_pairs
from .hashing import U64, hash_text
from .inputs import FIELDS, Article, Partition, read_partition
from .keys import Frequencies, KeyGenerator


@dataclass
class LoadedPartition:
    """A partition as it stays in a worker's memory for the whole scan."""

    number: int
    articles: list[Article]
    features: PartitionFeatures
    problems: list[str]


def load(part: Partition, settings: FeatureSettings) -> LoadedPartition:
    articles, problems = read_partition(part)
    return LoadedPartition(part.number, articles, featurize([a.text for a in articles], settings), problems)


def summary(loaded: LoadedPartition) -> dict:
    """What the client keeps of a partition: metadata columns, exact hashes, problems."""
    columns = {name: [getattr(a, name) for a in loaded.articles] for name in FIELDS}
    columns["chars"] = [len(a.text) for a in loaded.articles]
    columns["words"] = loaded.features.words.tolist()
    return {"count": len(loaded.articles), "columns": columns, "exact": loaded.features.exact,
            "empty": loaded.features.words == 0, "problems": loaded.problems}


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
    outlet_of = np.array([hash_text(a.outlet) if a.outlet else 0 for a in loaded.articles], dtype=U64)
    parts = []
    for kind, generator in enumerate(generators):
        k, d, where = generator.keys(loaded.features, keep, freq)
        parts.append((k, d.astype(np.int64) + offset, np.full(len(k), kind, dtype=np.int8), outlet_of[d], where))
    return bucket_rows(concat_rows(parts), buckets)


def postings(limits: Limits, buckets: int, *parts: tuple) -> tuple[list[tuple], dict]:
    pairs, stats = pairs_from_postings(list(parts), limits)
    return bucket_pairs(pairs, buckets), stats


def candidates(min_shared: tuple[int, ...], min_places: tuple[int, ...], *parts: tuple) -> tuple[np.ndarray, np.ndarray]:
    return count_pairs(list(parts), min_shared, min_places)


def articles(loaded: LoadedPartition, local: np.ndarray, offset: int) -> dict[int, dict[str, str]]:
    return {offset + int(i): dict(loaded.articles[int(i)].__dict__) for i in local}
