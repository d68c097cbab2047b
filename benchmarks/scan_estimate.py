"""An ESTIMATE of a 10-million-article scan on a 100-core cluster, from measured unit costs.

    .venv/bin/python benchmarks/scan_estimate.py      # reads benchmarks/results/scan_runs.jsonl

Extrapolates the CPU time of the two largest measured held-out runs (all processes of the
local cluster, measured without counting a reaped worker twice) by the power of the corpus
size they grew with: ``cpu(N) = cpu(largest) × (N / largest) ** exponent``, the exponent from
the two runs (1 would be linear; the candidate stage makes it larger: a key shared by up to
``max_df`` articles pairs them all, so pairs grow faster than articles). Beside it, the
largest run's CPU per article times 10M (what linear growth would give, a lower bound). The
key shuffle is sized from the largest key index (rows × 27 bytes: key, article, generator,
outlet, place). The wall time assumes 80 % of 100 cores busy plus two minutes of start-up and
writing. Not a measurement: nothing here ran on 100 cores.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
RUNS = ROOT / "benchmarks" / "results" / "scan_runs.jsonl"
ROW_BYTES = 27
TARGET, CORES, BUSY = 10_000_000, 100, 0.8
STARTUP_S = 120         # scheduler, workers, the client's planning and writing


def latest_runs() -> list[dict]:
    """The latest held-out run of each corpus whose CPU time was measured without counting a
    reaped worker twice (records with ``cpu_sampled_s``: see ``scan_bench.watch``)."""
    runs: dict[str, dict] = {}
    for line in RUNS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if "heldout" in record["corpus"] and "cpu_sampled_s" in record and "-tr-" not in record["corpus"]:
            runs[record["corpus"]] = record
    return sorted(runs.values(), key=lambda r: r["counts"]["articles"])


def index_rows(corpus: str) -> int | None:
    folder = ROOT / corpus / "corpus.idx"
    if not folder.exists():
        return None
    return sum(int(np.load(p, mmap_mode="r").shape[0]) for p in folder.glob("keys-*.npy"))


def cpu_of(record: dict) -> float:
    """A run's CPU seconds: the kernel's count, or the progress samples' sum for a record noted
    as counting its workers twice (``cpu_note``)."""
    return record["cpu_sampled_s"] if "cpu_note" in record else record["cpu_s"]


def estimate() -> dict:
    runs = latest_runs()
    if len(runs) < 2:
        raise SystemExit("needs two held-out runs of different sizes (scan_bench.py on 100k and 1M)")
    small, large = runs[-2], runs[-1]
    n_small, n_large = small["counts"]["articles"], large["counts"]["articles"]
    exponent = math.log(cpu_of(large) / cpu_of(small)) / math.log(n_large / n_small)
    cpu_s = cpu_of(large) * (TARGET / n_large) ** exponent
    linear_s = cpu_of(large) / n_large * TARGET
    indexed = [(index_rows(r["corpus"]), r["counts"]["articles"]) for r in reversed(runs)]
    rows_per_article = next((rows / n for rows, n in indexed if rows), None)   # the largest indexed corpus
    return {"from": {r["corpus"]: {"articles": r["counts"]["articles"], "cpu_s": cpu_of(r), "time": r["time"]}
                     for r in (small, large)},
            "growth_exponent": round(exponent, 3),
            "per_article_cpu_ms": {"small": round(cpu_of(small) / n_small * 1000, 3),
                                   "large": round(cpu_of(large) / n_large * 1000, 3)},
            "cpu_hours": round(cpu_s / 3600, 1), "cpu_hours_if_linear": round(linear_s / 3600, 1),
            "wall_hours_100_cores": round((cpu_s / (CORES * BUSY) + STARTUP_S) / 3600, 2),
            "key_rows_per_article": round(rows_per_article, 1) if rows_per_article else None,
            "key_shuffle_gb": round(rows_per_article * TARGET * ROW_BYTES / 1e9, 1) if rows_per_article else None,
            "note": "ESTIMATE extrapolated from two measured runs on 2 cores; not run on a cluster"}

if __name__ == "__main__":
    print(json.dumps(estimate(), indent=1))
