"""Query mode: "who reused this?" against a scan's key index, timed and scored.

    .venv/bin/python benchmarks/scan_bench.py benchmarks/out/scan-heldout-100k --index
    .venv/bin/python benchmarks/scan_query.py benchmarks/out/scan-heldout-100k [--queries 200]

Asks the index (``corpus.idx`` beside the corpus) about planted articles (sources and
reusers, chosen with a fixed seed), in this process after the index is opened once (as the
app would keep it) and once through the command line (a new process: imports, opening,
query). A query is right for each planted partner it returns. The baseline answers the same
queries by whole-document MinHash against every indexed article (estimated Jaccard ≥ 0.2).
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from scan_eval import load_gold  # noqa: E402


def read_corpus(path: Path) -> dict[str, dict]:
    with path.open(encoding="utf-8") as handle:
        return {row["id"]: row for row in map(json.loads, handle)}


def partners(gold: dict) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for a, b in gold["pair_kind"]:
        out.setdefault(a, set()).add(b)
        out.setdefault(b, set()).add(a)
    return out


def main() -> None:
    from synopsis.scan.index import KeyIndex, query
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    gold = load_gold(args.corpus)
    articles = read_corpus(args.corpus / "corpus.jsonl")
    who = partners(gold)
    asked = sorted(random.Random(3).sample(sorted(who), min(args.queries, len(who))))
    t0 = time.perf_counter()
    index = KeyIndex(args.corpus / "corpus.idx")
    opened = time.perf_counter() - t0
    times, found, wanted = [], 0, 0
    for ident in asked:
        start = time.perf_counter()
        answer = query(index, articles[ident])
        times.append(time.perf_counter() - start)
        got = {m["id"] for m in answer["matches"]} - {ident}
        found += len(got & who[ident])
        wanted += len(who[ident])
    cli = _cli_once(args.corpus, articles[asked[0]])
    baseline = _baseline(args.corpus, articles, asked, who)
    record = {"corpus": str(args.corpus.resolve().relative_to(ROOT)), "queries": len(asked), "index_open_s": round(opened, 3),
              "median_s": round(statistics.median(times), 3), "p90_s": round(sorted(times)[int(0.9 * len(times))], 3),
              "max_s": round(max(times), 3), "recall": round(found / wanted, 4), "cli_s": cli, "baseline": baseline,
              "command": f"benchmarks/scan_query.py {args.corpus.resolve().relative_to(ROOT)} --queries {args.queries}",
              "time": time.strftime("%Y-%m-%d %H:%M")}
    with (ROOT / "benchmarks" / "results" / "scan_query_runs.jsonl").open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(record) + "\n")
    print(json.dumps(record, indent=1))


def _cli_once(corpus: Path, article: dict) -> float:
    path = Path("/tmp") / "synopsis-query-article.txt"
    path.write_text(article["text"], encoding="utf-8")
    start = time.perf_counter()
    subprocess.run([str(ROOT / ".venv" / "bin" / "synopsis"), "scan", "--query", str(path), "--index",
                    str(corpus / "corpus.idx")], check=True, capture_output=True)
    return round(time.perf_counter() - start, 3)


def _baseline(corpus: Path, articles: dict[str, dict], asked: list[str], who: dict[str, set[str]]) -> dict:
    from synopsis.scan.features import FeatureSettings, featurize
    ids = list(articles)
    signatures = np.concatenate([featurize([articles[i]["text"] for i in ids[k:k + 5000]], FeatureSettings()).signatures
                                 for k in range(0, len(ids), 5000)])
    row = {i: n for n, i in enumerate(ids)}
    found = wanted = 0
    times = []
    for ident in asked:
        start = time.perf_counter()
        estimate = (signatures == signatures[row[ident]]).mean(axis=1)
        got = {ids[n] for n in np.flatnonzero(estimate >= 0.2)} - {ident}
        times.append(time.perf_counter() - start)
        found += len(got & who[ident])
        wanted += len(who[ident])
    return {"recall": round(found / wanted, 4), "median_s": round(statistics.median(times), 4),
            "method": "whole-document MinHash, every article, Jaccard estimate >= 0.2"}


if __name__ == "__main__":
    main()
