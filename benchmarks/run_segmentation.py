"""Sentence segmentation benchmark: precision / recall / F1 of sentence boundaries in running
text (UD treebanks, see ``segment_data``), pySBD's golden rules, and speed, for Synopsis and
the libraries in ``segment_systems``. Writes benchmarks/results/segmentation.{md,json}.

    .venv/bin/python benchmarks/run_segmentation.py                 # everything
    .venv/bin/python benchmarks/run_segmentation.py --dev --show de  # dev only, print Synopsis's errors in German
    .venv/bin/python benchmarks/run_segmentation.py --systems synopsis,pySBD
    .venv/bin/python benchmarks/run_segmentation.py --render       # the .md again from the .json
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "desktop"))

from segment_data import LANGUAGES, PUD, Corpus, corpus, golden_rules, ud_dir  # noqa: E402
from segment_systems import SYSTEMS, Splitter, starts_of  # noqa: E402

RESULTS = HERE / "results"


def score(split: Splitter, data: Corpus, show: bool = False) -> dict:
    tp = fp = fn = 0
    cpu = time.process_time()
    wall = time.perf_counter()
    predicted = [split(p.text, data.language) for p in data.paragraphs]
    cpu = time.process_time() - cpu
    wall = time.perf_counter() - wall
    for para, found in zip(data.paragraphs, predicted):
        pred = found - para.unscored
        gold = para.gold - para.unscored
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
        if show and pred != gold:
            _show(para.text, pred, gold)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn, "cpu": cpu,
            "wall": wall, "chars": data.characters, "sentences": data.sentences}


def _show(text: str, pred: set[int], gold: set[int]) -> None:
    for pos in sorted(pred ^ gold):
        kind = "FALSE SPLIT" if pos in pred else "MISSED     "
        print(f"{kind} …{text[max(0, pos - 70):pos]}‖{text[pos:pos + 50]}…")


def speed(split: Splitter, corpora: list[Corpus], repeats: int = 3) -> dict:
    """CPU seconds of one pass over ``corpora`` (median of ``repeats``), characters, sentences."""
    times = []
    for _ in range(repeats):
        cpu = time.process_time()
        for data in corpora:
            for para in data.paragraphs:
                split(para.text, data.language)
        times.append(time.process_time() - cpu)
    return {"cpu": sorted(times)[len(times) // 2], "chars": sum(c.characters for c in corpora),
            "sentences": sum(c.sentences for c in corpora)}


def golden(split: Splitter, language: str) -> tuple[int, int]:
    """(cases segmented exactly as expected, cases) of pySBD's golden rules."""
    right = total = 0
    for text, expected in golden_rules(language):
        gold = starts_of(text, expected)
        if len(gold) != len(expected) - 1:
            continue          # expected sentences that do not map back to the text
        total += 1
        right += split(text, language) == gold
    return right, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev", action="store_true", help="score the dev splits only (no file written)")
    parser.add_argument("--systems", default=",".join(SYSTEMS))
    parser.add_argument("--languages", default=",".join(LANGUAGES))
    parser.add_argument("--show", default="", help="print Synopsis's errors for these languages")
    parser.add_argument("--render", action="store_true", help="rewrite the .md from the last .json only")
    args = parser.parse_args()
    if args.render:
        results = json.loads((RESULTS / "segmentation.json").read_text())
        (RESULTS / "segmentation.md").write_text(report(results, list(LANGUAGES)))
        return
    if not ud_dir().exists():
        sys.exit(f"run_segmentation: no treebanks in {ud_dir()} (see benchmarks/README.md)")
    languages = args.languages.split(",")
    show = set(args.show.split(",")) if args.show else set()
    splits = ["dev", "pud-dev"] if args.dev else ["dev", "pud-dev", "test", "pud"]
    results: dict = {"load": os.getloadavg()[0], "systems": {}}
    for name in args.systems.split(","):
        try:
            split = SYSTEMS[name]()
        except ImportError as err:
            results["systems"][name] = {"error": f"not installed ({err.name})"}
            continue
        rows = results["systems"][name] = {}
        held_out = []
        for language in languages:
            for which in splits:
                if which.startswith("pud") and language not in PUD:
                    continue
                data = corpus(language, which)
                rows[f"{language} {which}"] = row = score(split, data, name == "synopsis" and language in show)
                row["corpus"] = data.name
                if which in ("test", "pud"):
                    held_out.append(data)
            rows[f"{language} golden"] = dict(zip(("right", "total"), golden(split, language)))
            print(name, language, {k: round(v["f1"], 3) for k, v in rows.items()
                                   if k.startswith(language) and "f1" in v}, flush=True)
        if held_out:
            results.setdefault("speed", {})[name] = speed(split, held_out)
    if not args.dev:
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "segmentation.json").write_text(json.dumps(results, indent=1) + "\n")
        (RESULTS / "segmentation.md").write_text(report(results, languages))


def _f(row: dict) -> str:
    return f"{row['precision']:.3f} / {row['recall']:.3f} / **{row['f1']:.3f}**"


def report(results: dict, languages: list[str]) -> str:
    systems = results["systems"]
    names = [n for n in systems if "error" not in systems[n]]
    lines = ["# Sentence segmentation", "",
             "Command: `.venv/bin/python benchmarks/run_segmentation.py` (treebanks in `$SYNOPSIS_UD`, "
             "see `benchmarks/README.md`). Load average at the start: "
             f"{results['load']:.2f} (2 cores).", "",
             "Boundaries inside paragraphs of running text rebuilt from UD treebanks "
             "(`segment_data.py`); each cell precision / recall / **F1**. *dev* was looked at "
             "while writing the rules; *test* and PUD's odd documents were not. How the text is rebuilt, "
             "what was tuned on what, and why Synopsis keeps its own rules: `benchmarks/README.md`.", ""]
    for which, title in (("test", "Held out: treebank test split"),
                         ("pud", "Held out: PUD odd documents (news and Wikipedia)"),
                         ("dev", "Dev: treebank dev split (tuned on)"),
                         ("pud-dev", "Dev: PUD even documents (tuned on)")):
        keys = [f"{lang} {which}" for lang in languages if f"{lang} {which}" in systems[names[0]]]
        if not keys:
            continue
        lines += [f"## {title}", "", "| system | " + " | ".join(k.split()[0] for k in keys) + " |",
                  "|---|" + "---|" * len(keys)]
        lines.append("| corpus | " + " | ".join(systems[names[0]][k]["corpus"] for k in keys) + " |")
        for name in names:
            lines.append(f"| {name} | " + " | ".join(_f(systems[name][k]) for k in keys) + " |")
        lines.append("")
    lines += ["## pySBD golden rules (cases segmented exactly right)", "",
              "pySBD's own test cases, so pySBD is not blind on them; they were also looked at "
              "while writing Synopsis's rules.", "",
              "| system | " + " | ".join(languages) + " |", "|---|" + "---|" * len(languages)]
    for name in names:
        cells = []
        for lang in languages:
            g = systems[name].get(f"{lang} golden", {})
            cells.append(f"{g['right']}/{g['total']}" if g.get("total") else "—")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines += ["", "## Speed (the held-out corpora, paragraph by paragraph; CPU time, median of 3 passes)", "",
              "| system | characters / s | sentences / s |", "|---|---|---|"]
    for name in names:
        row = results.get("speed", {}).get(name)
        if row:
            lines.append(f"| {name} | {row['chars'] / row['cpu']:,.0f} | {row['sentences'] / row['cpu']:,.0f} |")
    for name, row in systems.items():
        if "error" in row:
            lines.append(f"\n{name}: {row['error']}.")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
