"""Scoring a scan result against the planted gold, and the naive baseline on the same corpus.

Recall (by relation: verbatim, light, paraphrased and, in a corpus made with ``--translated``,
translated) counts a planted pair as found when the result links the two articles: they are in
one near-copy group, or their groups' first articles form a reusing pair. Precision counts
the result's rows (pairs it calls reuse) that are planted pairs, or incidental ones (two
stories printing the same MSRP sentence; see ``scan_corpus.incidental_pairs``). The likely source of a
cluster is right when it is the planted story's source article.

The baseline is whole-document MinHash alone (the usual near-duplicate detector, as
datasketch's MinHashLSH does it): 64 permutations of word 5-shingles, 16 bands of 4 rows,
pairs whose estimated Jaccard similarity reaches a threshold.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

KINDS = ("verbatim", "light", "paraphrased", "translated")


def keep_record(results: Path, record: dict) -> None:
    """Append ``record`` as one JSON line to ``results`` and print it."""
    with results.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(record) + "\n")
    print(json.dumps(record, indent=1))


def load_gold(corpus: Path) -> dict:
    gold = json.loads((corpus / "gold.json").read_text(encoding="utf-8"))
    gold["pair_kind"] = {(a, b): kind for a, b, kind, _ in gold["pairs"]}
    gold["acceptable"] = set(gold["pair_kind"]) | {tuple(p) for p in gold.get("incidental", [])}
    return gold


def score(found: set[tuple[str, str]], claimed: list[tuple[str, str]], gold: dict, copies: set[str]) -> dict:
    """Recall by kind (and without copy–copy pairs), precision of the claimed rows."""
    out: dict = {}
    for kind in KINDS:
        pairs = [p for p, k in gold["pair_kind"].items() if k == kind]
        hits = sum(p in found for p in pairs)
        out[f"recall_{kind}"] = round(hits / len(pairs), 4) if pairs else None
        out[f"gold_{kind}"] = len(pairs)
    light = [p for p, k in gold["pair_kind"].items() if k in ("verbatim", "light")
             and not (p[0] in copies and p[1] in copies)]
    out["recall_verbatim_light_no_copy_pairs"] = round(sum(p in found for p in light) / len(light), 4) if light else None
    right = sum(tuple(sorted(p)) in gold["acceptable"] for p in claimed)
    out["claimed"] = len(claimed)
    out["false"] = len(claimed) - right
    out["precision"] = round(right / len(claimed), 4) if claimed else None
    return out


def score_result(result: Path, corpus: Path) -> dict:
    import pyarrow.parquet as pq
    gold = load_gold(corpus)
    docs = pq.read_table(result / "documents.parquet", columns=["id", "representative"]).to_pydict()
    ids, rep = docs["id"], np.asarray(docs["representative"])
    reuse = pq.read_table(result / "reuse.parquet", columns=["a", "b", "a_id", "b_id"]).to_pydict()
    rows = set(zip(reuse["a"], reuse["b"]))
    number = {i: n for n, i in enumerate(ids)}
    found = set()
    for a, b in gold["pair_kind"]:
        x, y = rep[number[a]], rep[number[b]]
        if x == y or (min(x, y), max(x, y)) in rows:
            found.add((a, b))
    copies = {i for i, role in gold["roles"].items() if role == "copy"}
    out = score(found, list(zip(reuse["a_id"], reuse["b_id"])), gold, copies)
    out["likely_source"] = _sources(result, gold)
    return out


def _sources(result: Path, gold: dict) -> dict:
    import pyarrow.parquet as pq
    clusters = pq.read_table(result / "clusters.parquet", columns=["source_id", "member_ids"]).to_pylist()
    planted_sources = set(gold["sources"].values())
    cluster_of = {}
    for record in clusters:
        for member in record["member_ids"]:
            cluster_of[member] = record["source_id"]
    judged = [s for s in planted_sources if s in cluster_of]
    right = sum(cluster_of[s] == s for s in judged)
    return {"stories_found": len(judged), "stories": len(planted_sources),
            "source_right": round(right / len(judged), 4) if judged else None}


def baseline(corpus: Path, thresholds=(0.2, 0.5)) -> dict:
    """Whole-document MinHash LSH on the same corpus (in this process)."""
    from synopsis.scan.candidates import split_code
    from synopsis.scan.features import FeatureSettings, featurize
    from synopsis.scan.groups import agreement, band_rows, star_pairs
    gold = load_gold(corpus)
    ids, signatures = [], []
    with (corpus / "corpus.jsonl").open(encoding="utf-8") as handle:
        batch = []
        for line in handle:
            row = json.loads(line)
            ids.append(row["id"])
            batch.append(row["text"])
            if len(batch) == 5000:
                signatures.append(featurize(batch, FeatureSettings()).signatures)
                batch = []
        if batch:
            signatures.append(featurize(batch, FeatureSettings()).signatures)
    sig = np.concatenate(signatures)
    keys, docs = band_rows(sig, 0, 16, np.zeros(len(sig), dtype=bool))[:2]
    a, b = _all_band_pairs(keys, docs)
    estimate = agreement(sig[a], sig[b])
    copies = {i for i, role in gold["roles"].items() if role == "copy"}
    out = {}
    for t in thresholds:
        keep = estimate >= t
        claimed = [tuple(sorted((ids[x], ids[y]))) for x, y in zip(a[keep], b[keep])]
        out[str(t)] = score(set(claimed), claimed, gold, copies)
    return out


def _all_band_pairs(keys: np.ndarray, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every pair of documents sharing a band (buckets of more than 200 are skipped, as LSH
    implementations cap them)."""
    order = np.lexsort((docs, keys))
    keys, docs = keys[order], docs[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    lengths = np.diff(np.r_[starts, len(keys)])
    pairs = set()
    for start, length in zip(starts[(lengths >= 2) & (lengths <= 200)], lengths[(lengths >= 2) & (lengths <= 200)]):
        members = docs[start:start + length]
        for i in range(length):
            for j in range(i + 1, length):
                pairs.add((int(members[i]), int(members[j])))
    pairs = sorted(pairs)
    return np.array([p[0] for p in pairs], dtype=np.int64), np.array([p[1] for p in pairs], dtype=np.int64)
