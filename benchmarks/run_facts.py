"""Accuracy and speed of the fact layer; writes benchmarks/results/facts.md.

Accuracy, on four sets scored apart: the development set (facts_generated.jsonl,
facts_hand.jsonl — the detector was tuned on it), the held-out set (facts_heldout.jsonl,
built by benchmarks/facts_heldout.py from sentences the dev set never used), the blind set
(facts_blind.jsonl, benchmarks/facts_blind.py: other sentences, edits written afresh, scored once)
and the second blind set (facts_blind2.jsonl, facts_blind.py --second: new sentences). Every item is a
sentence pair labelled with the fact kinds that changed (none for an equivalent rewrite). An
item predicts a kind when find_fact_changes returns a fact of that kind (any severity), except
kinds in the item's ``allow`` list, where a severity-1 note is no error; an item with a
``scope`` is scored on those kinds only. Precision and recall are counted per (item, kind).
Speed: compare() with Settings(facts=False) and facts=True on the headline seed pair (41 pairs of
runs) and on two ~2,000-line WMT19 reference files from the evaluation data (9 pairs, as shipped
with the fact worker process and again in-process; ``SYNOPSIS_DATA`` overrides ``../shared/data``),
caches cleared and the worker ended before each run; what the fact layer adds is the median of
each on-run less the off-run made next to it, in wall-clock and in CPU time. (For a figure that
does not drift with the machine: benchmarks/fact_instructions.py counts instructions.)

    .venv/bin/python benchmarks/run_facts.py [--show-errors] [--set dev|heldout|blind|blind2|blind3|cross-dev|cross-heldout|cross-heldout2|cross-heldout3]
                                             [--no-write] [--package OTHER/desktop]

The cross-language sets are built from the translations and the evaluation data each run
(``benchmarks/facts_crosslang.py``) and scored three ways: the fact layer told each side's
language, left to judge it, and a naive baseline. ``--package`` scores another checkout's fact
layer (the one before the cross-language work, say) on every set.
"""
from __future__ import annotations

import json
import os
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# --package DIR: the fact layer of another checkout's ``desktop`` folder (a baseline), else this one's
PACKAGE = Path(sys.argv[sys.argv.index("--package") + 1]) if "--package" in sys.argv else ROOT / "desktop"
sys.path.insert(0, str(PACKAGE))
sys.path.insert(1, str(ROOT / "benchmarks"))

from synopsis.core.facts import clear_cache, find_fact_changes  # noqa: E402
from synopsis.core.model import FACT_KINDS, Span  # noqa: E402

GOLD_DIR = ROOT / "benchmarks" / "gold"
DATA = Path(os.environ.get("SYNOPSIS_DATA") or ROOT / ".." / "shared" / "data")
SETS = {"dev": [GOLD_DIR / "facts_generated.jsonl", GOLD_DIR / "facts_hand.jsonl"],
        "heldout": [GOLD_DIR / "facts_heldout.jsonl"],
        "blind": [GOLD_DIR / "facts_blind.jsonl"],
        "blind2": [GOLD_DIR / "facts_blind2.jsonl"],
        "blind3": [GOLD_DIR / "facts_blind3.jsonl"]}
OUT = ROOT / "benchmarks" / "results" / "facts.md"
# Recorded figures kept below the live tables (the held-out "before" baseline, kept by hand).
HISTORY = ROOT / "benchmarks" / "results" / "facts_history.md"


def predict(item: dict) -> set[str]:
    """The fact kinds the fact layer reports for an item (given each side's language, when the
    item says it and the fact layer takes it)."""
    a, b = item["a"], item["b"]
    allow = set(item.get("allow", ()))
    languages = item.get("languages")
    whole_a, whole_b = [Span(0, len(a))], [Span(0, len(b))]
    try:
        found = find_fact_changes(a, whole_a, b, whole_b, languages=languages) \
            if languages else find_fact_changes(a, whole_a, b, whole_b)
    except TypeError:       # (a fact layer from before the language arguments: see --package)
        found = find_fact_changes(a, whole_a, b, whole_b)
    got = {f.kind for f in found if not (f.kind in allow and f.severity == 1)}
    return got & set(item["scope"]) if "scope" in item else got


def predict_digits(item: dict) -> set[str]:
    """The naive baseline: a figure changed when the digit strings of the two sides differ."""
    digits_a, digits_b = Counter(re.findall(r"\d+", item["a"])), Counter(re.findall(r"\d+", item["b"]))
    got = {"number"} if digits_a != digits_b else set()
    return got & set(item["scope"]) if "scope" in item else got


def load(paths: list[Path]) -> list[dict]:
    return [json.loads(line) for path in paths for line in path.read_text(encoding="utf-8").splitlines() if line]


def accuracy(paths: list[Path] | list[dict], show_errors: bool, guess=predict, by_pair: bool = False
             ) -> tuple[list[str], dict]:
    """Precision and recall per kind of ``guess`` on the items of ``paths`` (or the items given);
    ``by_pair``: a table per language pair too."""
    items = load(paths) if paths and isinstance(paths[0], Path) else paths      # type: ignore[arg-type]
    tp, fp, fn = Counter(), Counter(), Counter()
    clean_ok = clean = 0
    pairs: dict[str, Counter] = {}
    for item in items:
        gold, got = set(item["kinds"]), guess(item)
        counts = pairs.setdefault(item.get("pair", ""), Counter())
        counts["tp"] += len(got & gold)
        counts["fp"] += len(got - gold)
        counts["fn"] += len(gold - got)
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
    named = ", ".join(p.name for p in paths) if paths and isinstance(paths[0], Path) else "built by facts_crosslang.py"
    rows.append(f"{len(items)} items ({named}); {clean} without a fact change, "
                f"{clean_ok} of them ({clean_ok / max(clean, 1):.1%}) with no fact reported.")
    if by_pair:
        rows += ["", "| language pair (A-B) | items | precision | recall |", "|---|---:|---:|---:|"]
        for pair, c in sorted(pairs.items()):
            size = sum(1 for item in items if item.get("pair") == pair)
            prec = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
            rec = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
            rows.append(f"| {pair} | {size} | {prec:.3f} | {rec:.3f} |")
    return rows, figures


def _cold() -> None:
    """Forget every passage analysis and word cache, as in a fresh comparison, and end the fact
    worker (a large comparison then boots its own, as a fresh ``synopsis compare`` does)."""
    from synopsis.runtime import fact_worker
    clear_cache()
    fact_worker.stop()


def _cpu() -> float:
    """CPU seconds of this process and of its ended children (the fact worker, once stopped)."""
    import resource
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _timed(path_a: Path, path_b: Path, repeats: int, worker: bool) -> tuple[float, float, float, int]:
    """Median compare() time with facts off, the median of what turning facts on adds to the
    wall-clock time and to the CPU time of both processes (each on-run against the off-run made
    next to it, in alternating order: the machine's speed drifts by more than the fact layer
    costs), and the link count. Cold caches each run. ``worker``: a large comparison's fact
    layer may use the worker process (as shipped); else it runs in this process. Both run with
    the collector paused, as the command line does (``synopsis.runtime.compare``)."""
    from synopsis.core.annotate import IN_PROCESS
    from synopsis.core.config import Settings
    from synopsis.core.ingest import load
    from synopsis.runtime import compare, fact_worker
    executor = fact_worker.WORKER if worker else IN_PROCESS
    saved = os.environ.pop("SYNOPSIS_FACT_WORKER", None)
    offs: list[float] = []
    added: list[float] = []
    added_cpu: list[float] = []
    n_links = 0
    try:
        for i in range(repeats):
            run: dict[bool, float] = {}
            cpu: dict[bool, float] = {}
            for facts in ((False, True) if i % 2 == 0 else (True, False)):
                a, b = load(path_a), load(path_b)
                _cold()
                c0 = _cpu()
                t0 = time.perf_counter()
                report = compare(a, b, Settings(facts=facts), facts=executor)
                run[facts] = time.perf_counter() - t0
                fact_worker.stop()      # (its CPU time counts once it has ended)
                cpu[facts] = _cpu() - c0
                n_links = len(report.links)
                del report          # (freed here, not inside the next run's timing)
            offs.append(run[False])
            added.append(run[True] - run[False])
            added_cpu.append(cpu[True] - cpu[False])
    finally:
        if saved is not None:
            os.environ["SYNOPSIS_FACT_WORKER"] = saved
    return statistics.median(offs), statistics.median(added), statistics.median(added_cpu), n_links


def speed() -> list[str]:
    from synopsis.runtime import fact_worker
    cases = [("headline seed pair", ROOT / "seeds" / "bbc-witkoff-putin-talks.txt",
              ROOT / "seeds" / "translated-witkoff-putin-talks.txt", 41)]
    ende = DATA / "wmt19_paraphrased_refs" / "wmt19" / "ende"
    big = ende / "wmt19-ende-ar.ref", ende / "wmt19-ende-arp.ref"
    if all(p.exists() for p in big):
        cases.append(("WMT19 en-de references, ~2,000 lines each (ar / arp)", *big, 9))
    rows = ["| pair | fact layer | links | facts off | added by facts | added | per link | CPU added |",
            "|---|---|---:|---:|---:|---:|---:|---:|"]
    load_before = os.getloadavg()[0]
    for label, path_a, path_b, repeats in cases:
        for worker in (True, False):
            off, added, added_cpu, n_links = _timed(path_a, path_b, repeats, worker)
            where = ("worker process and this one (as shipped)" if worker and fact_worker.enabled(n_links)
                     else "this process" + (" (as shipped: too few links for the worker)" if worker else ""))
            rows.append(f"| {label}, {repeats} pairs of runs | {where} | {n_links} | {off * 1000:.1f} ms | "
                        f"{added * 1000:.1f} ms | {added / off:+.0%} | {added / max(n_links, 1) * 1000:.3f} ms | "
                        f"{added_cpu / off:+.0%} |")
            if worker and not fact_worker.enabled(n_links):
                break           # (in-process either way)
    rows.append(f"\nLoad average (1 minute) before / after these runs: {load_before:.1f} / {os.getloadavg()[0]:.1f} "
                f"on {os.cpu_count()} cores.")
    if len(cases) == 1:
        rows.append(f"\n(The 2,000-line pair was skipped: no data under {DATA}.)")
    return ["`compare()` with `Settings(facts=False)` and `facts=True`, every passage analysis and word "
            "cache cleared and the fact worker ended before each run (a large comparison boots its own "
            "while it aligns, as a fresh `synopsis compare` does); *facts off* is the median run without "
            "the fact layer, *added by facts* the median of what it adds to a run's wall-clock time (each "
            "run with facts against the run without made next to it); *added* is their ratio; *CPU added* "
            "what it adds to the CPU time of both processes, against the run without facts (edits and facts "
            "are computed for links only). A comparison of 200 links or more on a machine with two cores "
            "hands the quotes, names, attribution and negation detectors to the worker process "
            "(`synopsis.runtime.fact_worker`, the fact executor the command line and the app pass to the "
            "engine) while this process makes the word diffs and then finds the dates and figures; the "
            "in-process rows (the engine's default executor) are the fact layer's own cost. Every run holds "
            "the garbage collector off, as the command line does.", "", *rows, "",
            "    .venv/bin/python benchmarks/run_facts.py          # every set (same-language, cross-language), then the speed table"]


CROSS_SETS = {"cross-dev": "dev", "cross-heldout": "heldout", "cross-heldout2": "heldout2", "cross-heldout3": "heldout3"}


def predict_without_languages(item: dict) -> set[str]:
    """The fact layer left to judge each side's language from its words."""
    return predict({k: v for k, v in item.items() if k != "languages"})


def cross_language(split: str, show: bool) -> list[str]:
    """The tables of a part of the cross-language set (facts_crosslang.py): the fact layer told
    each side's language, then left to judge it, then the naive baseline."""
    import facts_crosslang
    items = [item for item in facts_crosslang.build() if item["split"] == split]
    rows, _ = accuracy(items, show, by_pair=True)
    guessed, _ = accuracy(items, False, predict_without_languages)
    naive, _ = accuracy(items, False, predict_digits)
    return (["Each side's language given (as `compare()` knows it):", "", *rows, "",
             "The same items, each side's language left to the fact layer to judge from the words:", "", *guessed,
             "", "Naive baseline on the same items: a figure changed when the two sides' digit strings differ "
             "(no other kind is ever reported):", "", *naive])


def main() -> int:
    show = "--show-errors" in sys.argv
    only = sys.argv[sys.argv.index("--set") + 1] if "--set" in sys.argv else None
    sections = []
    for name, paths in SETS.items():
        if only and name != only:
            continue
        rows, _ = accuracy(paths, show)
        sections.append((name, rows))
    for name, split in CROSS_SETS.items():
        if only and name != only or not DATA.exists():
            continue
        sections.append((name, cross_language(split, show)))
    for name, rows in sections:
        print(f"## {name}", *rows, sep="\n")
    if only or "--no-write" in sys.argv:
        return 0
    timing = speed()
    print(*timing, sep="\n")
    lines = ["# Fact layer: accuracy and speed", "",
             "Generated by `benchmarks/run_facts.py`. Development set: `benchmarks/facts_gold.py` "
             "(generated edits of real sentences from the seeds, MSRP train and WMT19 German) plus "
             "`benchmarks/gold/facts_hand.jsonl` (hand-written cases); the detector was tuned on it. "
             "Held-out set: `benchmarks/facts_heldout.py` (MSRP test, WMT18/WMT20 German references, "
             "real MSRP test paraphrase pairs), not used for tuning. Blind set: `benchmarks/facts_blind.py` "
             "(MSRP train rows after the first 600, WMT19 German lines from 1,000, Text+Berg German; "
             "edits written afresh), scored once; the detector was changed after that run for the faults it "
             "showed. Second blind set: `benchmarks/facts_blind.py --second` (the same edit functions on "
             "sentences no earlier set used), built after those changes and scored once; first-run "
             "figures of both are kept in the history below. Cross-language sets: `benchmarks/facts_crosslang.py` "
             "(a real sentence and a translation of it, faithful or with one planted change; English news "
             "into Russian, Ukrainian, Spanish, French and German, WMT19 German into English, translations written for the "
             "set; Text+Berg German-French, published translations; a severity-1 note counts as no fact), "
             "the development part tuned on; the first and second held-out parts each scored, then tuned on for the "
             "faults it showed (their first-run figures are not in the repository); the third held-out part not "
             "tuned on.", ""]
    for name, rows in sections:
        title = {"heldout": "held-out", "blind": "blind", "blind2": "second blind", "blind3": "third blind",
                 "dev": "development", "cross-dev": "cross-language development",
                 "cross-heldout": "cross-language held-out",
                 "cross-heldout2": "second cross-language held-out",
                 "cross-heldout3": "third cross-language held-out"}[name]
        lines += [f"## Accuracy, {title} set "
                  "(per item and kind, any severity)", "", *rows, ""]
    lines += ["## Speed", "", *timing, ""]
    if HISTORY.exists():
        lines += [HISTORY.read_text(encoding="utf-8").rstrip(), ""]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
