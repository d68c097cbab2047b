"""Per-unit costs of the scan, measured in one process on real partitions, and what an idle
embedded cluster costs.

    .venv/bin/python benchmarks/scan_units.py benchmarks/out/scan-heldout-100k [--partitions 2] [--idle 60]

For the first ``--partitions`` partitions of the corpus: the CPU time of reading and
fingerprinting (``tasks.load``) and of making the keys (``tasks.keys``), per article; the bytes
a worker keeps per article between stages (the fingerprints) and the bytes of key rows the
key shuffle moves per article; the CPU time of turning key buckets into postings and index
rows with one sort (as the scan does) and with two (postings and index sorting the same rows
each, as before). With ``--idle S``: the CPU time that the embedded cluster of two workers
(client and scheduler, nannies, workers) spends in ``S`` seconds doing nothing, per second,
with the scan's configuration and with Dask's defaults. Appends a JSON line to
``benchmarks/results/scan_units.jsonl``.
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
RESULTS = ROOT / "benchmarks" / "results" / "scan_units.jsonl"


def cpu(function, *args):
    start = time.process_time()
    out = function(*args)
    return out, time.process_time() - start


def partition_costs(corpus: Path, count: int) -> dict:
    from synopsis.scan import inputs, tasks
    from synopsis.scan.candidates import Limits, concat_rows, pairs_from_postings, pairs_from_sorted, sorted_rows
    from synopsis.scan.features import FeatureSettings
    from synopsis.scan.index import bucket_index
    from synopsis.scan.keys import default_generators
    parts = inputs.plan(corpus / "corpus.jsonl")[:count]
    loaded, load_s = [], 0.0
    for part in parts:
        (partition, _summary), seconds = cpu(tasks.load, part, FeatureSettings())
        loaded.append(partition)
        load_s += seconds
    articles = sum(p.features.count for p in loaded)
    keeps = [np.ones(p.features.count, dtype=bool) for p in loaded]
    freq = tasks.merge_frequencies([tasks.frequencies(p, k) for p, k in zip(loaded, keeps)], articles)
    offsets = np.r_[0, np.cumsum([p.features.count for p in loaded])]
    buckets, keys_s, mapped = 4, 0.0, []
    for p, k, offset in zip(loaded, keeps, offsets):
        rows, seconds = cpu(tasks.keys, p, k, int(offset), freq, tuple(default_generators()), buckets)
        mapped.append(rows)
        keys_s += seconds
    limits = Limits()

    def two_sorts():
        for b in range(buckets):
            pairs_from_postings([m[b] for m in mapped], limits)
            rows = concat_rows([m[b] for m in mapped])
            order = np.lexsort((rows[1], rows[0]))
            bucket_index(tuple(c[order] for c in rows), limits.boilerplate_df)

    def one_sort():
        for b in range(buckets):
            rows = sorted_rows([m[b] for m in mapped])
            pairs_from_sorted(rows, limits)
            bucket_index(rows, limits.boilerplate_df)

    key_rows = sum(len(m[b][0]) for m in mapped for b in range(buckets))
    sorts = {name: min(cpu(f)[1] for _ in range(3)) for name, f in (("two", two_sorts), ("one", one_sort))}
    return {"partitions": count, "articles": articles,
            "load_ms_per_article": round(1000 * load_s / articles, 3),
            "keys_ms_per_article": round(1000 * keys_s / articles, 3),
            "kept_bytes_per_article": round(sum(p.nbytes for p in loaded) / articles),
            "key_rows_per_article": round(key_rows / articles, 1),
            "key_row_bytes_per_article": round(sum(c.nbytes for m in mapped for b in m for c in b) / articles),
            "postings_and_index_s": {"two sorts": round(sorts["two"], 3), "one sort": round(sorts["one"], 3),
                                     "key rows": key_rows}}


def idle_cost(seconds: float, config: dict | None) -> float:
    """CPU seconds per wall second of an idle two-worker embedded cluster."""
    import psutil
    from synopsis.scan import cluster
    me = psutil.Process()

    def total() -> float:
        out = 0.0
        for p in [me] + me.children(recursive=True):
            try:
                t = p.cpu_times()
                out += t.user + t.system
            except psutil.NoSuchProcess:
                pass
        return out

    saved = cluster.LOCAL_CONFIG
    if config is not None:
        cluster.LOCAL_CONFIG = config
    try:
        with cluster.connect(workers=2):
            time.sleep(5)
            c0, w0 = total(), time.perf_counter()
            time.sleep(seconds)
            return (total() - c0) / (time.perf_counter() - w0)
    finally:
        cluster.LOCAL_CONFIG = saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--partitions", type=int, default=2)
    parser.add_argument("--idle", type=float, default=0, help="seconds to watch an idle cluster (0: not)")
    args = parser.parse_args()
    record = {"corpus": str(args.corpus), "load_before": round(os.getloadavg()[0], 1),
              **partition_costs(args.corpus, args.partitions)}
    if args.idle:
        from synopsis.scan.cluster import LOCAL_CONFIG
        record["idle_cpu_per_s"] = {
            "scan's configuration": round(idle_cost(args.idle, None), 4),
            "Dask's defaults (workers never paused)": round(
                idle_cost(args.idle, {"distributed.worker.memory.pause": False}), 4),
            "configuration": LOCAL_CONFIG}
    record.update(load_after=round(os.getloadavg()[0], 1), time=time.strftime("%Y-%m-%d %H:%M"),
                  command=f"benchmarks/scan_units.py {args.corpus} --partitions {args.partitions} --idle {args.idle:g}")
    scan_eval.keep_record(RESULTS, record)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "desktop"))
    main()
