"""A persisted key index: "who in this corpus reused this article?" without a cluster.

A scan run with ``--index`` keeps every representative article's keys, bucketed as the scan
shuffled them, each bucket sorted so a key is found by binary search in a memory-mapped file;
beside them the stem frequencies, the articles' metadata and their texts (SQLite, by number).
A query fingerprints one article the same way, counts the keys it shares with each indexed
article, compares the best candidates with the engine and keeps those that reuse it.
"""
from __future__ import annotations

import functools
import json
import shutil
import sqlite3
import time
from pathlib import Path
from typing import Any

import numpy as np

from .. import __version__
from ..core import Settings
from .cluster import fingerprint
from .features import FeatureSettings, featurize
from .hashing import U64
from .keys import Frequencies, KeyGenerator, generators_for
from .pairs import PairComparer, ReuseRule, SecondLook, row_of
from .results import ResultError

FORMAT = "synopsis-scan-index"
VERSION = 1
MAX_COMPARED = 40


def bucket_index(rows: tuple[np.ndarray, ...], boilerplate_df: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One bucket's (key, article, generator) rows, sorted by key (``candidates.sorted_rows``),
    without the keys above the boilerplate limit."""
    keys, docs, kinds = rows[:3]
    if len(keys):
        starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
        lengths = np.diff(np.r_[starts, len(keys)])
        keep = np.repeat(lengths <= boilerplate_df, lengths)
        keys, docs, kinds = keys[keep], docs[keep], kinds[keep]
    return keys, docs.astype(np.int32), kinds


class IndexWriter:
    """Writes an index folder piece by piece while the scan runs (a bucket, a partition's texts
    at a time, so no process holds the whole corpus), into a hidden folder renamed into place
    by :meth:`finish`; :meth:`abort` removes it."""

    def __init__(self, path: Path) -> None:
        if path.exists():
            raise ResultError(path, "already exists; choose a new name for the index")
        self.path = path
        self.tmp = path.with_name(f".{path.name}.partial")
        shutil.rmtree(self.tmp, ignore_errors=True)
        self.tmp.mkdir()
        self.bucket_count = 0
        self.documents = 0
        self.texts = sqlite3.connect(self.tmp / "texts.sqlite")
        self.texts.execute("CREATE TABLE texts (number INTEGER PRIMARY KEY, text TEXT NOT NULL)")

    def bucket(self, number: int, rows: tuple[np.ndarray, np.ndarray, np.ndarray]) -> None:
        for name, column in zip(("keys", "docs", "kinds"), rows):
            np.save(self.tmp / f"{name}-{number}.npy", column)
        self.bucket_count = max(self.bucket_count, number + 1)

    def add_texts(self, texts: dict[int, str]) -> None:
        self.texts.executemany("INSERT INTO texts VALUES (?, ?)", sorted(texts.items()))
        self.texts.commit()

    def frequencies(self, freq: Frequencies) -> None:
        np.save(self.tmp / "stems.npy", freq.stems)
        np.save(self.tmp / "stem-counts.npy", freq.counts)
        self.documents = freq.documents

    def finish(self, documents, info: dict[str, Any]) -> None:
        """Write the metadata table and the manifest, and move the folder into place."""
        import pyarrow as pa
        import pyarrow.parquet as pq
        try:
            self.texts.close()
            pq.write_table(pa.table(documents), self.tmp / "documents.parquet")
            np.save(self.tmp / "representative.npy", np.asarray(documents["representative"], dtype=np.int64))
            manifest = {"format": FORMAT, "version": VERSION,
                        "generator": {"name": "synopsis", "version": __version__}, "engine": fingerprint(),
                        "buckets": self.bucket_count, "documents": self.documents, **info}
            (self.tmp / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False),
                                                    encoding="utf-8")
            self.tmp.rename(self.path)
        except BaseException:
            self.abort()
            raise

    def abort(self) -> None:
        self.texts.close()
        shutil.rmtree(self.tmp, ignore_errors=True)


class KeyIndex:
    """An opened index (memory-mapped; opening reads only the small files)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.manifest = json.loads((self.path / "manifest.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise ResultError(self.path, "is not a scan index (no readable manifest.json)") from None
        if self.manifest.get("format") != FORMAT or self.manifest.get("version") != VERSION:
            raise ResultError(self.path, "is not a scan index of this Synopsis version")
        count = int(self.manifest["buckets"])
        self.buckets = [tuple(np.load(self.path / f"{name}-{b}.npy", mmap_mode="r")
                              for name in ("keys", "docs", "kinds")) for b in range(count)]
        self.frequencies = Frequencies(np.load(self.path / "stems.npy", mmap_mode="r"),
                                       np.load(self.path / "stem-counts.npy", mmap_mode="r"),
                                       int(self.manifest["documents"]))
        representative = self.path / "representative.npy"      # absent in an index of 0.1.0 before it
        self.representative = (np.load(representative) if representative.exists() else
                               np.asarray(self.documents.column("representative").to_pylist(), dtype=np.int64))
        self.features = FeatureSettings(**self.manifest["features"])
        self.settings = Settings.from_dict(self.manifest["settings"])
        self.second_look = bool(self.manifest.get("meaning_second_look", False))   # see ScanOptions
        self.max_df = int(self.manifest["max_df"])

    @functools.cached_property
    def documents(self):
        """The articles' metadata (read when first asked for; ``ParquetFile``, not ``read_table``,
        which would import ``pyarrow.dataset`` and pandas with it)."""
        import pyarrow.parquet as pq
        return pq.ParquetFile(self.path / "documents.parquet").read()

    def info(self, number: int) -> dict[str, str]:
        """An indexed article's id, title, outlet, date and URL."""
        return {k: str(self.documents.column(k)[int(number)].as_py() or "")
                for k in ("id", "title", "outlet", "date", "url")}

    def copies(self, number: int) -> list[int]:
        """The other articles of a representative's near-copy group (not indexed themselves)."""
        return [int(n) for n in np.flatnonzero(self.representative == number) if n != number]

    def text(self, number: int) -> str:
        with sqlite3.connect(f"file:{self.path / 'texts.sqlite'}?mode=ro", uri=True) as conn:
            row = conn.execute("SELECT text FROM texts WHERE number = ?", (int(number),)).fetchone()
        conn.close()
        return row[0] if row else ""

    def shared_keys(self, keys: np.ndarray, kinds: int) -> dict[int, np.ndarray]:
        """For every indexed article sharing a key: how many keys it shares, per generator."""
        found_docs, found_kinds = [], []
        count = len(self.buckets)
        for key in np.unique(keys):
            bucket_keys, bucket_docs, bucket_kinds = self.buckets[int(key % U64(count))]
            lo, hi = np.searchsorted(bucket_keys, key, "left"), np.searchsorted(bucket_keys, key, "right")
            if 0 < hi - lo <= self.max_df:
                found_docs.append(np.asarray(bucket_docs[lo:hi]))
                found_kinds.append(np.asarray(bucket_kinds[lo:hi]))
        out: dict[int, np.ndarray] = {}
        if found_docs:
            docs, owners = np.concatenate(found_docs), np.concatenate(found_kinds)
            for doc, kind in zip(docs.tolist(), owners.tolist()):
                out.setdefault(doc, np.zeros(kinds, dtype=np.int32))[kind] += 1
        return out


def query_keys(text: str, index: KeyIndex, generators: tuple[KeyGenerator, ...]) -> list[np.ndarray]:
    """The keys of one article, one array per generator; its own words count in the frequencies."""
    features = featurize([text], index.features)
    freq = Frequencies(index.frequencies.stems, np.asarray(index.frequencies.counts) + 1,
                       index.frequencies.documents + 1)
    return [g.keys(features, np.ones(1, dtype=bool), freq)[0] for g in generators]  # (places unused)


def query(index: KeyIndex, article: dict[str, str], *, generators: tuple[KeyGenerator, ...] | None = None,
          rule: ReuseRule | None = None, limit: int = MAX_COMPARED) -> dict[str, Any]:
    """Who in the index reuses ``article``: matches (most reused first) and timings. An index
    written by a scan with meaning keys is asked with them too (the article is embedded)."""
    generators = generators or generators_for(index.features.meaning)
    rule = rule or ReuseRule().for_corpus(index.frequencies.documents)
    t0 = time.perf_counter()
    per_kind = query_keys(article["text"], index, generators)
    shared: dict[int, np.ndarray] = {}
    for kind, keys in enumerate(per_kind):
        for doc, counts in index.shared_keys(keys, len(generators)).items():
            shared.setdefault(doc, np.zeros(len(generators), dtype=np.int32))[kind] += counts[kind]
    need = np.array([g.min_shared for g in generators])
    ranked = sorted((doc for doc, c in shared.items() if (c >= need).any()),
                    key=lambda d: (-int(shared[d].sum()), d))[:limit]
    t1 = time.perf_counter()
    matches = []
    second = (SecondLook(len(generators) - 1, generators[-1].min_shared)
              if index.second_look and generators[-1].name == "meaning" else None)
    comparer = PairComparer(index.settings, rule, index.settings.replace(meaning=True) if second else None)
    asked = comparer.ready("query", article)
    for doc in ranked:
        other = index.info(doc)
        report, reuse = comparer.report(asked, comparer.ready(doc, {**other, "text": index.text(doc)}),
                                        look_again=second is not None and second.wanted(tuple(shared[doc])))
        if not reuse:
            continue
        row = row_of(report, rule)
        row.update(number=doc, keys=[int(v) for v in shared[doc]], copy_of=None, **other)
        matches.append(row)
        for copy in index.copies(doc):      # its copies reuse the article as much as it does
            matches.append({**row, "number": copy, "copy_of": doc, **index.info(copy)})
    matches.sort(key=lambda r: (-r["coverage_a"], r["copy_of"] is not None, r["number"]))
    return {"matches": matches, "candidates": len(ranked),
            "timings": {"keys": round(t1 - t0, 4), "compare": round(time.perf_counter() - t1, 4)}}
