"""Tuning ``synopsis scan --meaning`` on a development corpus, in one process, step by step.

    .venv/bin/python benchmarks/scan_meaning_tune.py candidates benchmarks/out/scan-dev-tr-10k
    .venv/bin/python benchmarks/scan_meaning_tune.py rules benchmarks/out/scan-dev-tr-10k
    .venv/bin/python benchmarks/scan_meaning_tune.py compare benchmarks/out/scan-dev-tr-10k \
        --meaning-keys 3 --meaning-places 2 --mode fallback
    .venv/bin/python benchmarks/scan_meaning_tune.py sample benchmarks/out/scan-dev-tr-10k --size 600

``candidates`` fingerprints every article with meaning keys (the scan's own functions:
``featurize``, the key generators, ``pairs_from_sorted``) and keeps every pair that shares
any key, with the keys it shares and from how many sentences, per generator
(``candidates.npz``; the near-copy groups are those of a word-only scan's
``result-words/documents.parquet``, which meaning keys do not change). ``rules`` prints, for
candidate rules on the meaning keys, the planted pairs that become candidates and the count of
candidates. ``compare`` runs the scan's comparison (``PairComparer``) on the candidates of one
rule in one way (``--mode``), keeps each pair's verdict by words and by meaning in a cache,
and scores the result as ``scan_eval`` scores a scan (recall by kind, precision), with the
CPU time of the comparisons (articles are prepared once; their time is counted apart). Modes:

- ``words``: every pair by words (``meaning`` off; two languages are aligned by meaning anyway);
- ``meaning``: every pair by meaning too (``meaning`` on: the engine's same-language meaning view);
- ``fallback``: by words first; again by meaning only a pair of one language that is not reuse
  by words and shares the rule's meaning keys.

``sample`` estimates comparing every pair by meaning without comparing them all: the planted
candidate pairs and a random sample of the rest, each compared both ways.

Nothing here is run by the scan; it is how the scan's ``--meaning`` choices were made
(``benchmarks/results/scan.md``). It refuses a corpus named held-out.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import scan_eval  # noqa: E402

RULES = ((1, 1), (2, 1), (2, 2), (3, 1), (3, 2), (3, 3), (4, 2), (4, 3), (5, 2), (6, 3))


def read_corpus(corpus: Path) -> list[dict]:
    from synopsis.scan.inputs import plan, read_partition
    articles = []
    for part in plan(str(corpus / "corpus.jsonl")):
        read, _ = read_partition(part)
        articles += [dict(a.__dict__) for a in read]
    return articles


def representatives(corpus: Path, ids: list[str]) -> np.ndarray:
    import pyarrow.parquet as pq
    docs = pq.read_table(corpus / "result-words" / "documents.parquet", columns=["id", "representative"]).to_pydict()
    if docs["id"] != ids:
        raise SystemExit("result-words/documents.parquet numbers the articles differently")
    return np.asarray(docs["representative"])


def candidates(corpus: Path) -> None:
    from synopsis.scan.candidates import Limits, concat_rows, pairs_from_sorted, sorted_rows
    from synopsis.scan.features import FeatureSettings, document_frequencies, featurize
    from synopsis.scan.hashing import hash_text
    from synopsis.scan.keys import MeaningKeys, default_generators
    from synopsis.scan.tasks import merge_frequencies
    articles = read_corpus(corpus)
    rep = representatives(corpus, [a["id"] for a in articles])
    t0 = time.process_time()
    features = featurize([a["text"] for a in articles], FeatureSettings(meaning=True))
    featurize_s = time.process_time() - t0
    keep = (rep == np.arange(len(articles))) & (features.words > 0)
    freq = merge_frequencies([document_frequencies(features, keep)], int(keep.sum()))
    outlets = np.array([hash_text(a["outlet"]) if a.get("outlet") else 0 for a in articles], dtype=np.uint64)
    parts = []
    for kind, generator in enumerate(list(default_generators()) + [MeaningKeys()]):
        k, d, where = generator.keys(features, keep, freq)
        parts.append((k, d.astype(np.int64), np.full(len(k), kind, dtype=np.int8), outlets[d], where))
    (codes, owners, places), stats = pairs_from_sorted(sorted_rows([concat_rows(parts)]), Limits())
    unique, inverse = np.unique(codes, return_inverse=True)
    shared = np.zeros((len(unique), 3), dtype=np.int32)
    np.add.at(shared, (inverse, owners.astype(np.int64)), 1)
    spots = np.unique(np.stack([inverse, owners.astype(np.int64), places.astype(np.int64)]), axis=1)
    spread = np.zeros((len(unique), 3), dtype=np.int32)
    np.add.at(spread, (spots[0], spots[1]), 1)
    np.savez(corpus / "candidates.npz", codes=unique, shared=shared, spread=spread, representative=rep)
    print(json.dumps({"articles": len(articles), "meaning_key_rows": int(len(features.meaning_keys)),
                      "featurize_cpu_s": round(featurize_s, 1), "pairs_sharing_a_key": len(unique), **stats}))


def lexical(table: dict) -> np.ndarray:
    """The scan's word-only rule (``ShingleKeys``, ``RareWordKeys``): 3 shingle keys, or 4
    rare-word keys from 2 sentences."""
    shared, spread = table["shared"], table["spread"]
    return (shared[:, 0] >= 3) | ((shared[:, 1] >= 4) & (spread[:, 1] >= 2))


def by_meaning(table: dict, keys: int, places: int) -> np.ndarray:
    return (table["shared"][:, 2] >= keys) & (table["spread"][:, 2] >= places)


def planted(corpus: Path, ids: list[str], rep: np.ndarray) -> dict[tuple[int, int], str]:
    """Planted pairs between two near-copy groups, by their representatives' numbers."""
    gold = scan_eval.load_gold(corpus)
    number = {i: n for n, i in enumerate(ids)}
    out = {}
    for (a, b), kind in gold["pair_kind"].items():
        x, y = int(rep[number[a]]), int(rep[number[b]])
        if x != y:
            out.setdefault((min(x, y), max(x, y)), kind)
    return out


def rules(corpus: Path) -> None:
    from synopsis.scan.candidates import split_code
    table = dict(np.load(corpus / "candidates.npz"))
    articles = read_corpus(corpus)
    kinds = planted(corpus, [a["id"] for a in articles], table["representative"])
    a, b = split_code(table["codes"])
    where = {(int(x), int(y)): i for i, (x, y) in enumerate(zip(a, b))}
    words = lexical(table)
    for keys, places in ((99, 99),) + RULES:
        mask = words | by_meaning(table, keys, places)
        line = {"meaning_keys": keys, "sentences": places, "candidates": int(mask.sum()),
                "by_meaning_only": int((mask & ~words).sum())}
        for kind in scan_eval.KINDS:
            pairs = [p for p, k in kinds.items() if k == kind]
            line[kind] = round(sum(p in where and bool(mask[where[p]]) for p in pairs) / len(pairs), 3) if pairs else None
        print(json.dumps(line))


def pair_list(table: dict, mask: np.ndarray) -> list[tuple]:
    """(a, b, meaning keys shared) of the chosen candidates, then every copy with its first."""
    from synopsis.scan.candidates import split_code
    rep = table["representative"]
    a, b = split_code(table["codes"][mask])
    out = [(int(x), int(y), int(m)) for x, y, m in zip(a, b, table["shared"][mask][:, 2])]
    out += [(min(int(rep[d]), int(d)), max(int(rep[d]), int(d)), 0) for d in np.flatnonzero(rep != np.arange(len(rep)))]
    return sorted(out)


PREPARED: dict[int, object] = {}
PREPARE_CPU = [0.0]


def verdicts(corpus: Path, pairs: list[tuple], articles: list[dict], how: str) -> dict[str, dict]:
    """Each pair's verdict by words (``how`` = "words") or by meaning too ("meaning"), from the
    cache of earlier runs or compared now: reuse or not, the CPU time of aligning and deciding,
    the two languages."""
    from synopsis.core import Settings
    from synopsis.core.pipeline import prepare
    from synopsis.scan import SCAN_SETTINGS
    from synopsis.scan.pairs import PairComparer, ReuseRule, document
    path = corpus / f"verdicts-{how}.json"
    cache = json.loads(path.read_text()) if path.exists() else {}
    settings = Settings().replace(**SCAN_SETTINGS).replace(meaning=how == "meaning")
    comparer = PairComparer(settings, ReuseRule())
    todo = [p for p in pairs if f"{p[0]} {p[1]}" not in cache]
    for n, (a, b, _) in enumerate(todo):
        for x in (a, b):
            if x not in PREPARED:
                t0 = time.process_time()
                PREPARED[x] = prepare(document(articles[x]), settings)
                PREPARE_CPU[0] += time.process_time() - t0
        t0 = time.process_time()
        _, reuse = comparer.report(PREPARED[a], PREPARED[b])
        cache[f"{a} {b}"] = {"reuse": bool(reuse), "cpu_s": round(time.process_time() - t0, 5),
                             "languages": [PREPARED[a].language, PREPARED[b].language]}
        if n % 500 == 499:
            path.write_text(json.dumps(cache))
            print(f"{how}: {n + 1} of {len(todo)}", file=sys.stderr)
    path.write_text(json.dumps(cache))
    return cache


def compare(corpus: Path, keys: int, places: int, mode: str) -> None:
    table = dict(np.load(corpus / "candidates.npz"))
    rep = table["representative"]
    articles = read_corpus(corpus)
    ids = [a["id"] for a in articles]
    pairs = pair_list(table, lexical(table) | by_meaning(table, keys, places))
    first = verdicts(corpus, pairs, articles, "meaning" if mode == "meaning" else "words")
    final = {(a, b): first[f"{a} {b}"]["reuse"] for a, b, _ in pairs}
    cpu = sum(first[f"{a} {b}"]["cpu_s"] for a, b, _ in pairs)
    retry = []
    if mode == "fallback":
        retry = [(a, b, m) for a, b, m in pairs if not final[a, b] and m >= keys
                 and len(set(first[f"{a} {b}"]["languages"])) == 1]
        second = verdicts(corpus, retry, articles, "meaning")
        for a, b, _ in retry:
            final[a, b] = second[f"{a} {b}"]["reuse"]
            cpu += second[f"{a} {b}"]["cpu_s"]
    rows = sorted(p for p, reuse in final.items() if reuse)
    gold = scan_eval.load_gold(corpus)
    number = {i: n for n, i in enumerate(ids)}
    found = set()
    rowset = set(rows)
    for a, b in gold["pair_kind"]:
        x, y = int(rep[number[a]]), int(rep[number[b]])
        if x == y or (min(x, y), max(x, y)) in rowset:
            found.add((a, b))
    copies = {i for i, role in gold["roles"].items() if role == "copy"}
    out = {"meaning_keys": keys, "sentences": places, "mode": mode, "compared": len(pairs),
           "compared_again_by_meaning": len(retry),
           "two_languages": sum(len(set(first[f"{a} {b}"]["languages"])) > 1 for a, b, _ in pairs),
           "compare_cpu_s": round(cpu, 1), "prepare_cpu_s_this_run": round(PREPARE_CPU[0], 1)}
    out.update(scan_eval.score(found, [(ids[a], ids[b]) for a, b in rows], gold, copies))
    print(json.dumps(out))


def sample(corpus: Path, keys: int, places: int, size: int) -> None:
    """Every pair by meaning, estimated: the planted candidate pairs and ``size`` others drawn
    at random (fixed seed), each compared by words and by meaning; the CPU time of each way on
    the same pairs, the planted pairs each finds, and the share of the others each calls reuse."""
    table = dict(np.load(corpus / "candidates.npz"))
    articles = read_corpus(corpus)
    ids = [a["id"] for a in articles]
    kinds = planted(corpus, ids, table["representative"])
    rep = table["representative"]
    pairs = [p for p in pair_list(table, lexical(table) | by_meaning(table, keys, places))
             if rep[p[0]] == p[0] and rep[p[1]] == p[1]]           # candidates, not copies
    gold = scan_eval.load_gold(corpus)
    fine = {tuple(sorted(p)) for p in gold["acceptable"]}
    mine = [p for p in pairs if p[:2] in kinds]
    others = [p for p in pairs if p[:2] not in kinds and tuple(sorted((ids[p[0]], ids[p[1]]))) not in fine]
    drawn = [others[i] for i in sorted(np.random.default_rng(7).choice(len(others), min(size, len(others)), replace=False))]
    out = {"meaning_keys": keys, "sentences": places, "candidates_planted": len(mine), "others": len(others),
           "drawn": len(drawn)}
    for how in ("words", "meaning"):
        v = verdicts(corpus, mine + drawn, articles, how)
        out[f"{how}_cpu_ms_per_pair_drawn"] = round(1000 * float(np.mean([v[f"{a} {b}"]["cpu_s"] for a, b, _ in drawn])), 1)
        out[f"{how}_false_share_drawn"] = round(float(np.mean([v[f"{a} {b}"]["reuse"] for a, b, _ in drawn])), 4)
        for kind in scan_eval.KINDS:
            these = [p for p in mine if kinds[p[:2]] == kind]
            out[f"{how}_{kind}_candidates_reuse"] = round(float(np.mean([v[f"{a} {b}"]["reuse"] for a, b, _ in these])), 3)
    print(json.dumps(out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("step", choices=("candidates", "rules", "compare", "sample"))
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--meaning-keys", type=int, default=3)
    parser.add_argument("--meaning-places", type=int, default=2)
    parser.add_argument("--mode", choices=("words", "meaning", "fallback"), default="fallback")
    parser.add_argument("--size", type=int, default=600, help="sample: candidate pairs drawn at random")
    args = parser.parse_args()
    if "heldout" in args.corpus.name:
        raise SystemExit("never tune on a held-out corpus")
    if args.step == "candidates":
        candidates(args.corpus)
    elif args.step == "rules":
        rules(args.corpus)
    elif args.step == "sample":
        sample(args.corpus, args.meaning_keys, args.meaning_places, args.size)
    else:
        compare(args.corpus, args.meaning_keys, args.meaning_places, args.mode)


if __name__ == "__main__":
    main()
