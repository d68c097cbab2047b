"""``run_scan``: corpus → partitions → fingerprints → near-duplicate groups → keys → candidate
pairs → the engine's comparison of each → reuse table and clusters.

Everything heavy runs on the Dask cluster the caller connects to (see ``cluster``); the
client keeps per-article metadata and the (few) candidate pairs. Workers keep fingerprints, not
texts, and release every stage's data as soon as the next has read it; a key index is written
bucket by bucket as the scan makes it (``index.IndexWriter``). Results do not depend on the
number of workers: partitions come from the input, every shuffle sorts, every tie is broken
by article number.
"""
from __future__ import annotations

import dataclasses
import operator
from collections import deque
import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..core import Settings
from . import SCAN_SETTINGS
from . import tasks
from .candidates import Limits, split_code
from .cluster import CancelCheck, ProgressCallback, gather
from .features import FeatureSettings
from .index import IndexWriter
from .groups import MISSING_DATE, UnionFind, agreement, earliest_of_groups, exact_pairs
from .inputs import Partition
from .keys import KeyGenerator, default_generators, generators_for
from .pairs import ReuseRule, SecondLook, align_pairs

STAGES = (("read", 0.0, 0.25), ("near copies", 0.25, 0.3), ("frequencies", 0.3, 0.35),
          ("keys", 0.35, 0.5), ("pairs", 0.5, 0.55), ("compare", 0.55, 0.98))


@dataclass(frozen=True)
class ScanOptions:
    """Every choice that shapes a scan (recorded in its manifest)."""

    settings: Settings = field(default_factory=lambda: Settings().replace(**SCAN_SETTINGS))
    features: FeatureSettings = field(default_factory=FeatureSettings)
    limits: Limits = field(default_factory=Limits)
    rule: ReuseRule = field(default_factory=ReuseRule)
    generators: tuple[KeyGenerator, ...] = field(default_factory=lambda: tuple(default_generators()))
    near_jaccard: float = 0.8
    bands: int = 16
    pairs_per_task: int = 100
    meaning_second_look: bool = False   # compare by meaning only what the words leave open (below)

    @classmethod
    def for_settings(cls, settings: Settings, every_pair_by_meaning: bool = False) -> "ScanOptions":
        """The options of a scan comparing with ``settings``. With ``settings.meaning`` the
        articles' sentences are embedded and their meaning keys find candidates too; candidate
        pairs are then compared by words first, and again by meaning only when they are in one
        language, the words do not make them reuse and they share the meaning keys' minimum
        (two languages are always aligned by meaning). ``every_pair_by_meaning`` compares every
        pair by meaning instead: the same recall on the development corpus for far more CPU
        (``benchmarks/results/scan.md``, "Meaning keys")."""
        meaning = settings.meaning
        second = meaning and not every_pair_by_meaning
        return cls(settings=settings.replace(meaning=False) if second else settings,
                   features=FeatureSettings(meaning=meaning), generators=generators_for(meaning),
                   meaning_second_look=second)

    def second_look(self) -> SecondLook | None:
        """Which pairs are compared again by meaning (None: none, or every pair already is)."""
        if not self.meaning_second_look:
            return None
        at = next(i for i, g in enumerate(self.generators) if g.name == "meaning")
        return SecondLook(at, self.generators[at].min_shared)

    def record(self) -> dict[str, Any]:
        """The options as JSON-ready data (the manifest's ``options``)."""
        return {"settings": self.settings.to_dict(), "features": dataclasses.asdict(self.features),
                "limits": dataclasses.asdict(self.limits), "rule": dataclasses.asdict(self.rule),
                "generators": [{"name": g.name, **dataclasses.asdict(g)} for g in self.generators],
                "near_jaccard": self.near_jaccard, "bands": self.bands,
                "meaning_second_look": self.meaning_second_look}


@dataclass
class Corpus:
    """What the client knows of every article (numbered 0 … n−1 in partition order)."""

    columns: dict[str, list]
    exact: np.ndarray
    empty: np.ndarray
    offsets: np.ndarray           # first article number of each partition, and the total
    problems: list[str]

    @property
    def size(self) -> int:
        return int(self.offsets[-1])

    def partition_of(self, docs: np.ndarray) -> np.ndarray:
        return np.searchsorted(self.offsets, docs, side="right") - 1

    def dates(self) -> np.ndarray:
        return np.array([d or MISSING_DATE for d in self.columns["date"]], dtype=object).astype(str)


@dataclass
class ScanResult:
    corpus: Corpus
    representative: np.ndarray    # for every article, the first of its near-duplicate group
    rows: list[dict[str, Any]]    # one per compared pair, reuse or not
    articles: dict[int, dict[str, str]]   # the compared articles, by number
    stats: dict[str, Any]
    timings: dict[str, float]


def _span(stage: str) -> tuple[float, float]:
    return next((lo, hi) for name, lo, hi in STAGES if name == stage)


class _Run:
    def __init__(self, client, options: ScanOptions, progress: ProgressCallback | None,
                 cancelled: CancelCheck | None) -> None:
        self.client, self.options = client, options
        self.progress, self.cancelled = progress, cancelled
        self.timings: dict[str, float] = {}
        self.stats: dict[str, Any] = {}
        self.index: IndexWriter | None = None
        self.parts: list[Partition] = []

    def wait(self, futures: list, stage: str) -> list:
        return gather(self.client, futures, stage, self.progress, self.cancelled, _span(stage))

    def buckets(self, parts: int) -> int:
        return max(2, min(64, parts))

    def read(self, parts: list[Partition]) -> tuple[list, Corpus]:
        c = self.client
        self.parts = parts
        both = c.map(tasks.load, parts, settings=self.options.features, pure=False)
        loaded = [c.submit(operator.getitem, f, 0, pure=False) for f in both]
        summaries = self.wait([c.submit(operator.getitem, f, 1, pure=False) for f in both], "read")
        del both        # the workers drop each summary once the client has it
        counts = [s["count"] for s in summaries]
        offsets = np.zeros(len(parts) + 1, dtype=np.int64)
        np.cumsum(counts, out=offsets[1:])
        columns = {k: [v for s in summaries for v in s["columns"][k]] for k in summaries[0]["columns"]}
        empty = np.concatenate([s["empty"] for s in summaries]) if summaries else np.zeros(0, bool)
        exact = np.concatenate([s["exact"] for s in summaries]) if summaries else np.zeros(0, np.uint64)
        corpus = Corpus(columns, exact, empty, offsets, [p for s in summaries for p in s["problems"]])
        return loaded, corpus

    def shuffle(self, mapped: list, reduce, *args) -> list:
        """Bucket ``b`` of every mapped future → one ``reduce(*args, *bucket b parts)`` future each."""
        c = self.client
        count = self.buckets(len(mapped))
        return [c.submit(reduce, *args, *[c.submit(operator.getitem, m, b, pure=False) for m in mapped],
                         pure=False) for b in range(count)]

    def near_copies(self, loaded: list, corpus: Corpus) -> np.ndarray:
        """The representative (earliest member) of every article's near-duplicate group."""
        c, o = self.client, self.options
        count = self.buckets(len(loaded))
        mapped = [c.submit(tasks.bands, f, int(corpus.offsets[i]), o.bands, count, pure=False)
                  for i, f in enumerate(loaded)]
        codes = self.wait(self.shuffle(mapped, tasks.band_pairs), "near copies")
        codes = np.unique(np.concatenate(codes)) if codes else np.empty(0, np.uint64)
        a, b = split_code(codes)
        near_a, near_b = self.verify(loaded, corpus, a, b)
        same_a, same_b = exact_pairs(corpus.exact, corpus.empty)
        groups = UnionFind(corpus.size)
        groups.union_all(np.r_[same_a, near_a], np.r_[same_b, near_b])
        self.stats.update(exact_copies=len(same_a), near_copy_pairs=len(near_a), band_pairs=len(a))
        return earliest_of_groups(groups.labels(), corpus.dates())

    def verify(self, loaded: list, corpus: Corpus, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        if len(a) == 0:
            return a, b
        needed = np.unique(np.r_[a, b])
        where = corpus.partition_of(needed)
        futures = [self.client.submit(tasks.signatures, loaded[p], needed[where == p] - corpus.offsets[p],
                                      pure=False) for p in np.unique(where)]
        rows = np.concatenate(self.client.gather(futures))
        at = {int(d): i for i, d in enumerate(needed)}
        sig_a = rows[[at[int(x)] for x in a]]
        sig_b = rows[[at[int(x)] for x in b]]
        close = agreement(sig_a, sig_b) >= self.options.near_jaccard
        return a[close], b[close]

    def candidates(self, loaded: list, corpus: Corpus, keep: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        c, o = self.client, self.options
        slices = [keep[corpus.offsets[i]:corpus.offsets[i + 1]] for i in range(len(loaded))]
        parts = self.wait([c.submit(tasks.frequencies, f, s, pure=False) for f, s in zip(loaded, slices)],
                          "frequencies")
        merged = tasks.merge_frequencies(parts, int(keep.sum()))
        freq = c.scatter(merged, broadcast=True)
        count = self.buckets(len(loaded))
        mapped = [c.submit(tasks.keys, f, s, int(corpus.offsets[i]), freq, o.generators, count, pure=False)
                  for i, (f, s) in enumerate(zip(loaded, slices))]
        posted = self.shuffle(mapped, tasks.postings, o.limits, count, self.index is not None)
        indexed = [c.submit(operator.getitem, p, 2, pure=False) for p in posted] if self.index else []
        del mapped      # each partition's key rows go once every bucket has read them
        bucketed = [c.submit(operator.getitem, p, 0, pure=False) for p in posted]
        counted = self.shuffle(bucketed, tasks.candidates, tuple(g.min_shared for g in o.generators),
                               tuple(g.min_places for g in o.generators))
        stats = [c.submit(operator.getitem, p, 1, pure=False) for p in posted]
        del bucketed, posted
        if self.index:
            self.write_index(indexed, corpus, keep, merged)
        results = self.wait(counted, "keys")
        stats = c.gather(stats)
        for name in ("keys", "singletons", "paired", "hubs", "boilerplate", "house"):
            self.stats[name] = int(sum(s[name] for s in stats))
        codes = np.concatenate([r[0] for r in results])
        shared = np.concatenate([r[1] for r in results])
        order = np.argsort(codes)
        return codes[order], shared[order]

    def write_index(self, indexed: list, corpus: Corpus, keep: np.ndarray, freq) -> None:
        """Write each index bucket as it is ready, then the kept articles' texts, a few
        partitions at a time (read again from the input), releasing each once written."""
        c, writer = self.client, self.index
        writer.frequencies(freq)
        for b in range(len(indexed)):
            writer.bucket(b, indexed[b].result())
            indexed[b] = None
        window: deque = deque()
        for i, part in enumerate(self.parts):
            local = np.flatnonzero(keep[corpus.offsets[i]:corpus.offsets[i + 1]])
            window.append(c.submit(tasks.articles, part, local, int(corpus.offsets[i]), pure=False))
            if len(window) > 2:
                writer.add_texts({k: v["text"] for k, v in window.popleft().result().items()})
        while window:
            writer.add_texts({k: v["text"] for k, v in window.popleft().result().items()})

    def align(self, corpus: Corpus, pairs: list[tuple]) -> tuple[list, dict]:
        c, o = self.client, self.options
        if not pairs:
            return [], {}
        docs = np.unique(np.array([(p[0], p[1]) for p in pairs]).ravel())
        where = corpus.partition_of(docs)
        fetched = {int(p): c.submit(tasks.articles, self.parts[p], docs[where == p] - corpus.offsets[p],
                                    int(corpus.offsets[p]), pure=False) for p in np.unique(where)}
        parts_of = corpus.partition_of(np.array([(p[0], p[1]) for p in pairs]))
        order = np.lexsort((parts_of[:, 1], parts_of[:, 0]))
        pairs = [pairs[i] for i in order]
        parts_of = parts_of[order]
        futures = []
        for lo in range(0, len(pairs), o.pairs_per_task):
            needed = sorted({int(x) for x in parts_of[lo:lo + o.pairs_per_task].ravel()})
            futures.append(c.submit(_align_batch, pairs[lo:lo + o.pairs_per_task], o.settings, o.rule,
                                    o.second_look(), *[fetched[p] for p in needed], pure=False))
        rows = [row for batch in self.wait(futures, "compare") for row in batch]
        texts = {k: v for part in c.gather(list(fetched.values())) for k, v in part.items()}
        return sorted(rows, key=lambda r: (r["a"], r["b"])), texts


def _align_batch(pairs, settings, rule, second, *fetched):
    articles = {}
    for part in fetched:
        articles.update(part)
    return align_pairs(pairs, articles, settings, rule, second)


def pair_list(codes: np.ndarray, shared: np.ndarray, representative: np.ndarray,
              corpus: Corpus) -> list[tuple]:
    """Candidate pairs between representatives, then every copy with its representative."""
    a, b = split_code(codes)
    out = [(int(x), int(y), "shared passages", tuple(int(v) for v in s)) for x, y, s in zip(a, b, shared)]
    for doc in np.flatnonzero(representative != np.arange(len(representative))):
        rep = int(representative[doc])
        relation = "exact copy" if corpus.exact[doc] == corpus.exact[rep] else "near copy"
        first, second = min(rep, int(doc)), max(rep, int(doc))
        out.append((first, second, relation, ()))
    return sorted(out)


def run_scan(client, parts: list[Partition], options: ScanOptions | None = None, *,
             progress: ProgressCallback | None = None, cancelled: CancelCheck | None = None,
             index: IndexWriter | None = None) -> ScanResult:
    """Scan the corpus ``parts`` on ``client``'s cluster (and write its keys and texts to
    ``index``, which the caller finishes with the metadata)."""
    run = _Run(client, options or ScanOptions(), progress, cancelled)
    run.index = index
    t0 = time.perf_counter()
    loaded, corpus = run.read(parts)
    run.timings["read"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    representative = run.near_copies(loaded, corpus)
    keep = (representative == np.arange(corpus.size)) & ~corpus.empty
    run.timings["near copies"] = time.perf_counter() - t1
    t2 = time.perf_counter()
    codes, shared = run.candidates(loaded, corpus, keep)
    client.cancel(loaded)       # the fingerprints are done with; the comparison reads texts again
    del loaded
    run.timings["candidates"] = time.perf_counter() - t2
    pairs = pair_list(codes, shared, representative, corpus)
    run.stats.update(articles=corpus.size, representatives=int(keep.sum()), candidates=len(codes),
                     compared=len(pairs))
    t3 = time.perf_counter()
    run.options = dataclasses.replace(run.options, rule=run.options.rule.for_corpus(corpus.size))
    run.stats["spread_words_needed"] = run.options.rule.spread_needed
    rows, texts = run.align(corpus, pairs)
    run.timings["compare"] = time.perf_counter() - t3
    run.stats["reuse_pairs"] = sum(1 for r in rows if r["reuse"])
    if progress is not None:
        progress("done", 1.0)
    return ScanResult(corpus, representative, rows, texts, run.stats, run.timings)
