"""An ESTIMATE of a 10-million-article scan on a 100-core cluster, from measured unit costs.

    .venv/bin/python benchmarks/scan_estimate.py      # reads benchmarks/results/scan_runs.jsonl

Fits the CPU time of the measured held-out runs (all processes of the local cluster) as
``per_article × articles + per_pair × compared pairs``, keeps the compared pairs per article of
the largest run (the planted reuse is the same in every corpus, so the pairs that grew are the
candidates the comparison rejects: their number per article fell from the 10k to the 100k
corpus; keeping it is the cautious choice), and sizes the key shuffle from
the key index (rows × 27 bytes: key, article, generator, outlet, place). The wall time assumes
80 % of 100 cores busy plus two minutes of start-up and writing. Not a measurement: nothing
here ran on 100 cores.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
RUNS = ROOT / "benchmarks" / "results" / "scan_runs.jsonl"
ROW_BYTES = 27
TARGET, CORES, BUSY = 10_000_000, 100, 0.8
STARTUP_S = 120         # scheduler, workers, the client's planning and writing


def latest_runs() -> list[dict]:
    runs: dict[str, dict] = {}
    for line in RUNS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if "heldout" in record["corpus"]:
            runs[record["corpus"]] = record
    return sorted(runs.values(), key=lambda r: r["counts"]["articles"])


def index_rows(corpus: str) -> int | None:
    folder = ROOT / corpus / "corpus.idx"
    if not folder.exists():
        return None
    return sum(int(np.load(p, mmap_mode="r").shape[0]) for p in folder.glob("keys-*.npy"))


def estimate() -> dict:
    runs = latest_runs()
    if len(runs) < 2:
        raise SystemExit("needs two held-out runs (scan_bench.py on 10k and 100k)")
    articles = np.array([r["counts"]["articles"] for r in runs], dtype=float)
    pairs = np.array([r["counts"]["compared"] for r in runs], dtype=float)
    cpu = np.array([r["cpu_s"] for r in runs], dtype=float)
    (per_article, per_pair), *_ = np.linalg.lstsq(np.stack([articles, pairs], axis=1), cpu, rcond=None)
    small, large = runs[-2], runs[-1]
    rejected = [(r["counts"]["compared"] - r["counts"]["reuse_pairs"]) / r["counts"]["articles"] for r in (small, large)]
    pairs_per_article = large["counts"]["compared"] / large["counts"]["articles"]
    total_pairs = pairs_per_article * TARGET
    cpu_s = per_article * TARGET + per_pair * total_pairs
    rows = index_rows(large["corpus"])
    rows_per_article = rows / large["counts"]["articles"] if rows else None
    return {"from": [r["corpus"] for r in runs], "per_article_cpu_ms": round(per_article * 1000, 3),
            "per_pair_cpu_ms": round(per_pair * 1000, 2), "rejected_pairs_per_article": [round(x, 4) for x in rejected],
            "compared_pairs_per_article": round(pairs_per_article, 4),
            "compared_pairs": int(total_pairs), "cpu_hours": round(cpu_s / 3600, 1),
            "wall_hours_100_cores": round((cpu_s / (CORES * BUSY) + STARTUP_S) / 3600, 2),
            "key_rows_per_article": round(rows_per_article, 1) if rows_per_article else None,
            "key_shuffle_gb": round(rows_per_article * TARGET * ROW_BYTES / 1e9, 1) if rows_per_article else None,
            "note": "ESTIMATE from measured unit costs on 2 cores; not run on a cluster"}


if __name__ == "__main__":
    print(json.dumps(estimate(), indent=1))
