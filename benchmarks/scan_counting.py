"""CPU of the candidate stage's steps in one process, on every partition of a corpus, and a
check that counting candidate pairs by sorted runs (``count_pairs``) gives exactly what the
earlier counting by ``numpy.unique`` gave.

    .venv/bin/python benchmarks/scan_counting.py benchmarks/out/scan-heldout-100k [--partitions N] [--buckets 13]

Reads and fingerprints the partitions (every article kept: the near-copy collapse is left
out), makes the keys with the corpus's document frequencies, then per key bucket: the sort
into posting lists, the pairs (``pairs_from_sorted``), their bucketing, and the counting, each
timed by CPU; the earlier counting is timed on the same pair buckets and its output compared.
Appends a JSON line to ``benchmarks/results/scan_counting.jsonl``.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import scan_eval  # noqa: E402
RESULTS = ROOT / "benchmarks" / "results" / "scan_counting.jsonl"


def unique_counting(parts: list[tuple], min_shared: tuple[int, ...], min_places: tuple[int, ...]):
    """The counting the scan used before (``numpy.unique`` over pairs and over (pair, generator,
    place) triples), kept here as the reference the sorted runs must equal."""
    codes, owners, places = (np.concatenate([p[i] for p in parts]) for i in range(3))
    generators = len(min_shared)
    unique, inverse = np.unique(codes, return_inverse=True)
    shared = np.zeros((len(unique), generators), dtype=np.int32)
    np.add.at(shared, (inverse, owners.astype(np.int64)), 1)
    spots = np.unique(np.stack([inverse, owners.astype(np.int64), places.astype(np.int64)]), axis=1)
    spread = np.zeros((len(unique), generators), dtype=np.int32)
    np.add.at(spread, (spots[0], spots[1]), 1)
    keep = ((shared >= np.asarray(min_shared)[None, :]) & (spread >= np.asarray(min_places)[None, :])).any(axis=1)
    return unique[keep], shared[keep]


def cpu(function, *args):
    start = time.process_time()
    out = function(*args)
    return out, time.process_time() - start


def measure(corpus: Path, count: int | None, buckets: int) -> dict:
    from synopsis.scan import inputs, tasks
    from synopsis.scan.candidates import Limits, bucket_pairs, count_pairs, pairs_from_sorted, sorted_rows
    from synopsis.scan.features import FeatureSettings
    from synopsis.scan.keys import default_generators
    parts = inputs.plan(corpus / "corpus.jsonl")[:count]
    seconds: dict[str, float] = {}

    def timed(step, function, *args):
        out, s = cpu(function, *args)
        seconds[step] = seconds.get(step, 0.0) + s
        return out

    loaded = [timed("read and fingerprint", tasks.load, p, FeatureSettings())[0] for p in parts]
    keeps = [np.ones(p.features.count, dtype=bool) for p in loaded]
    articles = sum(p.features.count for p in loaded)
    freq = tasks.merge_frequencies([tasks.frequencies(p, k) for p, k in zip(loaded, keeps)], articles)
    offsets = np.r_[0, np.cumsum([p.features.count for p in loaded])]
    generators = tuple(default_generators())
    mapped = [timed("keys", tasks.keys, p, k, int(o), freq, generators, buckets)
              for p, k, o in zip(loaded, keeps, offsets)]
    del loaded
    limits = Limits()
    posted = []
    for b in range(buckets):
        rows = timed("sort key rows", sorted_rows, [m[b] for m in mapped])
        pairs, _ = timed("pairs from postings", pairs_from_sorted, rows, limits)
        posted.append(timed("bucket pairs", bucket_pairs, pairs, buckets))
    key_rows = sum(len(m[b][0]) for m in mapped for b in range(buckets))
    del mapped
    min_shared, min_places = tuple(g.min_shared for g in generators), tuple(g.min_places for g in generators)
    pair_rows, candidates, same = 0, 0, True
    for b in range(buckets):
        bucket = [p[b] for p in posted]
        pair_rows += sum(len(p[0]) for p in bucket)
        kept, shared = timed("count pairs (sorted runs)", count_pairs, bucket, min_shared, min_places)
        old_kept, old_shared = timed("count pairs (numpy.unique, before)", unique_counting, bucket, min_shared, min_places)
        same &= np.array_equal(kept, old_kept) and np.array_equal(shared, old_shared)
        candidates += len(kept)
    return {"partitions": len(parts), "articles": articles, "key_rows": key_rows, "pair_rows": pair_rows,
            "candidates": candidates, "identical": bool(same),
            "cpu_s": {k: round(v, 2) for k, v in seconds.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--partitions", type=int, default=None, help="only the first N partitions")
    parser.add_argument("--buckets", type=int, default=13)
    args = parser.parse_args()
    record = {"corpus": str(args.corpus), "load_before": round(os.getloadavg()[0], 1),
              **measure(args.corpus, args.partitions, args.buckets)}
    record.update(load_after=round(os.getloadavg()[0], 1), time=time.strftime("%Y-%m-%d %H:%M"),
                  command=f"benchmarks/scan_counting.py {args.corpus}"
                          + (f" --partitions {args.partitions}" if args.partitions else "") + f" --buckets {args.buckets}")
    scan_eval.keep_record(RESULTS, record)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "desktop"))
    main()
