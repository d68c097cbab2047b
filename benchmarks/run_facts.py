"""Accuracy and speed of the fact layer; writes benchmarks/results/facts.md.

Accuracy, on two sets scored apart: the development set (facts_generated.jsonl,
facts_hand.jsonl — the detector was tuned on it) and the held-out set (facts_heldout.jsonl,
built by benchmarks/facts_heldout.py from sentences the dev set never used). Every item is a
sentence pair labelled with the fact kinds that changed (none for an equivalent rewrite). An
item predicts a kind when find_fact_changes returns a fact of that kind (any severity), except
kinds in the item's ``allow`` list, where a severity-1 note is no error; an item with a
``scope`` is scored on those kinds only. Precision and recall are counted per (item, kind).
Speed: compare() on the headline seed pair with Settings(facts=False) and facts=True, median
of 7 in-process runs each; the difference is what the fact layer adds.

    .venv/bin/python benchmarks/run_facts.py [--show-errors] [--set dev|heldout] [--no-write]
"""
from __future__ import annotations

import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "desktop"))

from synopsis.core.facts import _analyse, find_fact_changes  # noqa: E402
from synopsis.core.model import FACT_KINDS, Span, spans_of  # noqa: E402

GOLD_DIR = ROOT / "benchmarks" / "gold"
SETS = {"dev": [GOLD_DIR / "facts_generated.jsonl", GOLD_DIR / "facts_hand.jsonl"],
        "heldout": [GOLD_DIR / "facts_heldout.jsonl"]}
OUT = ROOT / "benchmarks" / "results" / "facts.md"
# Recorded figures kept below the live tables (the held-out "before" baseline, kept by hand).
HISTORY = ROOT / "benchmarks" / "results" / "facts_history.md"


def predict(item: dict) -> set[str]:
    a, b = item["a"], item["b"]
    allow = set(item.get("allow", ()))
    got = {f.kind for f in find_fact_changes(a, [Span(0, len(a))], b, [Span(0, len(b))])
           if not (f.kind in allow and f.severity == 1)}
    return got & set(item["scope"]) if "scope" in item else got


def accuracy(paths: list[Path], show_errors: bool) -> tuple[list[str], dict]:
    items = [json.loads(line) for path in paths for line in path.read_text(encoding="utf-8").splitlines() if line]
    tp, fp, fn = Counter(), Counter(), Counter()
    clean_ok = clean = 0
    for item in items:
        gold, got = set(item["kinds"]), predict(item)
        for k in got & gold:
            tp[k] += 1
        for k in got - gold:
            fp[k] += 1
        for k in gold - got:
            fn[k] += 1
        if not gold:
            clean += 1
            clean_ok += not got
        if show_errors and got != gold:
            print(f"{item['id']} {item['edit']}: gold {sorted(gold)} got {sorted(got)}\n  A: {item['a']}\n  B: {item['b']}")
    rows = ["| kind | gold items | precision | recall |", "|---|---:|---:|---:|"]
    figures = {}
    for k in list(FACT_KINDS) + ["overall"]:
        t = sum(tp.values()) if k == "overall" else tp[k]
        p_ = sum(fp.values()) if k == "overall" else fp[k]
        n_ = sum(fn.values()) if k == "overall" else fn[k]
        prec = t / (t + p_) if t + p_ else 1.0
        rec = t / (t + n_) if t + n_ else 1.0
        figures[k] = (prec, rec)
        rows.append(f"| {k} | {t + n_} | {prec:.3f} | {rec:.3f} |")
    rows.append("")
    rows.append(f"{len(items)} items ({', '.join(p.name for p in paths)}); {clean} without a fact change, "
                f"{clean_ok} of them ({clean_ok / max(clean, 1):.1%}) with no fact reported.")
    return rows, figures


def speed(repeats: int = 7) -> list[str]:
    from synopsis.core.config import Settings
    from synopsis.core.ingest import load
    from synopsis.core.pipeline import compare
    pair = ROOT / "seeds" / "bbc-witkoff-putin-talks.txt", ROOT / "seeds" / "translated-witkoff-putin-talks.txt"
    times: dict[bool, list[float]] = {False: [], True: []}
    n_pairs = 0
    for _ in range(repeats):
        for facts in (False, True):
            a, b = load(pair[0]), load(pair[1])
            _analyse.cache_clear()  # cold each run: no passage analysis carried over
            t0 = time.perf_counter()
            report = compare(a, b, Settings(facts=facts))
            times[facts].append(time.perf_counter() - t0)
            n_pairs = len(report.candidates or report.links)
    off, on = statistics.median(times[False]), statistics.median(times[True])
    return [f"Headline seed pair, {n_pairs} candidate pairs, median of {repeats} in-process runs: "
            f"compare() {off * 1000:.1f} ms with facts=False, {on * 1000:.1f} ms with facts=True: "
            f"the fact layer adds {(on - off) * 1000:.1f} ms ({(on - off) / off:+.0%})."]


def main() -> int:
    show = "--show-errors" in sys.argv
    only = sys.argv[sys.argv.index("--set") + 1] if "--set" in sys.argv else None
    sections = []
    for name, paths in SETS.items():
        if only and name != only:
            continue
        rows, _ = accuracy(paths, show)
        sections.append((name, rows))
    for name, rows in sections:
        print(f"## {name}", *rows, sep="\n")
    if only or "--no-write" in sys.argv:
        return 0
    timing = speed()
    print(*timing)
    lines = ["# Fact layer: accuracy and speed", "",
             "Generated by `benchmarks/run_facts.py`. Development set: `benchmarks/facts_gold.py` "
             "(generated edits of real sentences from the seeds, MSRP train and WMT19 German) plus "
             "`benchmarks/gold/facts_hand.jsonl` (hand-written cases); the detector was tuned on it. "
             "Held-out set: `benchmarks/facts_heldout.py` (MSRP test, WMT18/WMT20 German references, "
             "real MSRP test paraphrase pairs), not used for tuning.", ""]
    for name, rows in sections:
        lines += [f"## Accuracy, {'held-out' if name == 'heldout' else 'development'} set "
                  "(per item and kind, any severity)", "", *rows, ""]
    lines += ["## Speed", "", *timing, ""]
    if HISTORY.exists():
        lines += [HISTORY.read_text(encoding="utf-8").rstrip(), ""]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
