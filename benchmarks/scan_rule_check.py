"""The reuse rule's variants decided again on a finished scan's reusing pairs, offline.

    .venv/bin/python benchmarks/scan_rule_check.py benchmarks/out/scan-dev-100k [--result DIR]

A candidate pair's comparison does not depend on the rest of the corpus, so the pairs a scan
called reuse can be compared again (``PairComparer``, the scan's settings, the texts the
result keeps) and decided by a stricter rule: the pairs it keeps are exactly the ones a scan
with that rule would claim among the same candidates. Prints (and appends to
``benchmarks/results/scan_rule_checks.jsonl``), for the rule the result was
made with and for each variant, the claimed and false pairs and the recall by kind (a planted
pair is found when its two articles are in one near-copy group or form a kept pair). A
variant can only drop pairs, so this says nothing of pairs a looser rule would add. Each rule
is taken for the corpus's size (``ReuseRule.for_corpus``) unless its name says otherwise.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "scan_rule_checks.jsonl"
sys.path.insert(0, str(ROOT / "benchmarks"))
import scan_eval  # noqa: E402


def variants(articles: int):
    """The rule now and the variants, each for a corpus of ``articles`` unless named otherwise."""
    from synopsis.scan.pairs import ReuseRule
    base = ReuseRule()
    named = {"the rule now": base,
             "no phrase condition (before the spread words)": dataclasses.replace(base, near_verbatim_score=0.0,
                                                                                 near_verbatim_run=None),
             "any link scoring 0.85 (before the run condition)": dataclasses.replace(base, near_verbatim_run=None),
             **{f"a link scoring 0.85 must not be one run, or the run covers {share:.0%}":
                dataclasses.replace(base, near_verbatim_run=share) for share in (0.8, 0.9, 1.0)},
             "no link passes by its score": dataclasses.replace(base, near_verbatim_score=2.0),
             "min_spread_words 3 (and one more per tenfold beyond 100k)": dataclasses.replace(base, min_spread_words=3)}
    out = {name: rule.for_corpus(articles) for name, rule in named.items()}
    out["the rule now, not corpus-size aware (two spread words)"] = base
    return out


def compare_rows(result: Path) -> tuple[list[dict], list]:
    import pyarrow.parquet as pq
    from synopsis.scan.pairs import PairComparer, ReuseRule
    from synopsis.scan.pipeline import ScanOptions
    settings = ScanOptions().settings       # the scan's own (words only, as the results were made)
    rows = pq.read_table(result / "reuse.parquet", columns=["a", "b", "a_id", "b_id", "relation"]).to_pylist()
    texts = {r["number"]: r["text"] for r in pq.read_table(result / "texts.parquet").to_pylist()}
    comparer = PairComparer(dataclasses.replace(settings, facts=False), ReuseRule())
    reports = []
    for n, row in enumerate(rows):
        if n % 500 == 0:
            print(f"compared {n} of {len(rows)}", file=sys.stderr, flush=True)
        if row["relation"] != "shared passages":
            reports.append(None)
            continue
        doc_a = comparer.ready(row["a"], {"text": texts[row["a"]], "id": row["a_id"]})
        doc_b = comparer.ready(row["b"], {"text": texts[row["b"]], "id": row["b_id"]})
        reports.append(comparer.report(doc_a, doc_b)[0])
    return rows, reports


def score(corpus: Path, result: Path, rows: list[dict], kept: list[bool]) -> dict:
    import pyarrow.parquet as pq
    gold = scan_eval.load_gold(corpus)
    docs = pq.read_table(result / "documents.parquet", columns=["id", "representative"]).to_pydict()
    number = {i: n for n, i in enumerate(docs["id"])}
    rep = np.asarray(docs["representative"])
    pairs = {(r["a"], r["b"]) for r, k in zip(rows, kept) if k}
    found = {p for p in gold["pair_kind"] if rep[number[p[0]]] == rep[number[p[1]]]
             or (min(rep[number[p[0]]], rep[number[p[1]]]), max(rep[number[p[0]]], rep[number[p[1]]])) in pairs}
    copies = {i for i, role in gold["roles"].items() if role == "copy"}
    claimed = [(r["a_id"], r["b_id"]) for r, k in zip(rows, kept) if k]
    return scan_eval.score(found, claimed, gold, copies)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--result", type=Path, default=None)
    args = parser.parse_args()
    from synopsis.scan.pairs import is_reuse
    result = args.result or args.corpus / "result"
    rows, reports = compare_rows(result)
    articles = json.loads((result / "manifest.json").read_text())["counts"]["articles"]
    out = {}
    for name, rule in variants(articles).items():
        kept = [report is None or is_reuse(report, rule) for report in reports]
        s = score(args.corpus, result, rows, kept)
        out[name] = {"spread_words_needed": rule.spread_needed,
                     **{k: s[k] for k in ("claimed", "false", "precision", "recall_verbatim", "recall_light",
                                          "recall_paraphrased")}}
    record = {"corpus": str(args.corpus), "result": str(result), "articles": articles, "variants": out,
              "command": f"benchmarks/scan_rule_check.py {args.corpus}" + (f" --result {args.result}" if args.result else ""),
              "time": time.strftime("%Y-%m-%d %H:%M")}
    scan_eval.keep_record(RESULTS, record)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "desktop"))
    main()
