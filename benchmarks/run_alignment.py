"""Alignment benchmarks: MSRP, synthetic WMT19 article pairs, the seed pair, related articles,
speed and memory — Synopsis beside the naive baseline. Writes benchmarks/results/alignment.{md,json}.

    .venv/bin/python benchmarks/run_alignment.py [--quick] [--show-misses]

The MSRP classifier is a logistic combination of the views fitted on MSRP train each run;
``--quick`` skips the 4x speed run. ``--show-misses`` only scores the synthetic WMT19 pairs and
prints every gold link the aligner missed or did not mark moved (nothing is written).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "desktop"))

from align_data import synthetic_pairs  # noqa: E402
from align_eval import score_related, score_seed, score_synthetic  # noqa: E402
from synopsis.core import Settings, load  # noqa: E402
from synopsis.runtime import compare  # noqa: E402

RESULTS = HERE / "results"
SPEED_CHILD = """
import resource, sys, time
sys.path[:0] = [{here!r}, {desktop!r}]
from align_data import long_pair
from align_eval import run
from synopsis.core import Settings
from synopsis.core.model import Document
a, b = long_pair({n})
t = time.perf_counter()
run(Document(a, 'a', 'a', '', language='de'), Document(b, 'b', 'b', '', language='de'), Settings(), {aligner!r})
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def speed(n: int, aligner: str) -> tuple[float, float]:
    code = SPEED_CHILD.format(here=str(HERE), desktop=str(HERE.parent / "desktop"), n=n, aligner=aligner)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    seconds, mb = out.stdout.split()
    return float(seconds), float(mb)


def seed_time() -> float:
    a, b = HERE.parent / "seeds" / "bbc-witkoff-putin-talks.txt", HERE.parent / "seeds" / "translated-witkoff-putin-talks.txt"
    compare(load(a), load(b))
    times = []
    for _ in range(5):
        da, db = load(a), load(b)
        t = time.perf_counter()
        compare(da, db)
        times.append(time.perf_counter() - t)
    return sorted(times)[2]


# The figures before the gap DP and block-wise moved marking (same data, same command).
BEFORE = {"wmt19": {"precision": 1.000, "recall": 0.919, "f1": 0.958, "label_accuracy": 0.986,
                    "moved_recall": 0.655, "moved_false": 0},
          "seed": {"links": 28, "label_accuracy": 0.929, "moved_right": "0/1", "moved_false": 0},
          "related_total": 3, "seed_seconds": 0.042, "speed_2000": 3.26}


def show_misses() -> None:
    misses: list[str] = []
    result = score_synthetic(synthetic_pairs(20), Settings(), "synopsis", misses=misses)
    print("\n".join(misses))
    print(f"{len(misses)} lines; recall {result['recall']:.3f}, moved recall "
          f"{result['moved_recall']:.3f}, false moved {result['moved_false']}")


def main() -> None:
    if "--show-misses" in sys.argv:
        show_misses()
        return
    import align_msrp
    settings = Settings()
    results: dict = {"settings": settings.to_dict(), "load": [os.getloadavg()[0]]}
    results["msrp"] = align_msrp.evaluate(fit=True)
    pairs = synthetic_pairs(20)
    results["wmt19"] = {al: score_synthetic(pairs, settings, al) for al in ("synopsis", "baseline")}
    results["seed"] = {al: score_seed(settings, al) for al in ("synopsis", "baseline")}
    results["related"] = {al: score_related(settings, al) for al in ("synopsis", "baseline")}
    results["seed_seconds"] = seed_time()
    sizes = (500, 1000) if "--quick" in sys.argv else (500, 1000, 2000)
    results["speed"] = {al: {n: speed(n, al) for n in sizes} for al in ("synopsis", "baseline")}
    results["load"].append(os.getloadavg()[0])
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "alignment.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    (RESULTS / "alignment.md").write_text(render(results), encoding="utf-8")
    print(render(results))


def _f(x: float) -> str:
    return f"{x:.3f}"


def render(r: dict) -> str:
    m = r["msrp"]["systems"]
    lines = ["# Alignment benchmarks", "",
             f"Settings: shared_threshold {r['settings']['shared_threshold']}, "
             f"paraphrase_threshold {r['settings']['paraphrase_threshold']}. "
             "Command: `.venv/bin/python benchmarks/run_alignment.py`.", "",
             "## MSRP test (pair classifier; combination and threshold tuned on train only)", "",
             "| system | accuracy | F1 |", "|---|---|---|"]
    for name, v in m.items():
        lines.append(f"| {name} | {_f(v['accuracy'])} | {_f(v['f1'])} |")
    lines += ["| published unsupervised (Mihalcea 2006 / Fernando & Stevenson 2008) | 0.703 / 0.741 | 0.813 / 0.824 |",
              "", "## Synthetic WMT19 article pairs (20 pairs of 40 lines, German)", "",
              "| aligner | precision | recall | F1 | label accuracy | moved recall | false moved |",
              "|---|---|---|---|---|---|---|"]
    for al, v in r["wmt19"].items():
        lines.append(f"| {al} | {_f(v['precision'])} | {_f(v['recall'])} | {_f(v['f1'])} | "
                     f"{_f(v['label_accuracy'])} | {_f(v['moved_recall'])} | {v['moved_false']} |")
    lines += ["", "## Seed pair (BBC original vs translated rewrite; gold in benchmarks/gold/)", "",
              "| aligner | links | precision | recall | F1 | labels | split linked | unique right | debris | cores | moved right | false moved |",
              "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for al, v in r["seed"].items():
        lines.append(f"| {al} | {v['links']}/{v['gold_links']} | {_f(v['precision'])} | {_f(v['recall'])} | "
                     f"{_f(v['f1'])} | {_f(v['label_accuracy'])} | {v['split_linked']} | {v['unique_right']} | "
                     f"{v['debris_right']} | {v['cores_right']} | {v['moved_right']} | {v['moved_false']} |")
    lines += ["", "## Related-but-different articles (links found; should be about 0)", "",
              "| pair | synopsis | baseline |", "|---|---|---|"]
    for pair, n in r["related"]["synopsis"].items():
        lines.append(f"| {pair} | {n} | {r['related']['baseline'][pair]} |")
    lines += ["", f"## Speed and memory", "",
              f"Seed pair end to end, in process (median of 5): {r['seed_seconds']:.3f} s.", "",
              "| lines per article | synopsis s | synopsis peak MB | baseline s | baseline peak MB |",
              "|---|---|---|---|---|"]
    for n, (t, mb) in r["speed"]["synopsis"].items():
        bt, bmb = r["speed"]["baseline"][n]
        lines.append(f"| {n} | {t:.2f} | {mb:.0f} | {bt:.2f} | {bmb:.0f} |")
    lines.append("")
    lines.append("End to end (segment, align, edits, facts) in a fresh subprocess; peak = ru_maxrss.")
    if "load" in r:     # (other processes on the machine slow every figure of this section)
        lines.append(f"Load average (1 min) at the start / end of the run: {r['load'][0]:.1f} / "
                     f"{r['load'][-1]:.1f}, on {os.cpu_count()} cores.")
    lines += _before_after(r)
    return "\n".join(lines) + "\n"


def _before_after(r: dict) -> list[str]:
    """Key figures of the synopsis aligner before the gap DP / block-wise moved marking and now."""
    b, w, s = BEFORE, r["wmt19"]["synopsis"], r["seed"]["synopsis"]
    now_2000 = r["speed"]["synopsis"].get(2000, r["speed"]["synopsis"].get("2000"))
    rows = [("WMT19 precision / recall / F1",
             f"{_f(b['wmt19']['precision'])} / {_f(b['wmt19']['recall'])} / {_f(b['wmt19']['f1'])}",
             f"{_f(w['precision'])} / {_f(w['recall'])} / {_f(w['f1'])}"),
            ("WMT19 label accuracy", _f(b["wmt19"]["label_accuracy"]), _f(w["label_accuracy"])),
            ("WMT19 moved recall (false moved)",
             f"{_f(b['wmt19']['moved_recall'])} ({b['wmt19']['moved_false']})",
             f"{_f(w['moved_recall'])} ({w['moved_false']})"),
            ("seed pair links, labels", f"{b['seed']['links']}/28, {_f(b['seed']['label_accuracy'])}",
             f"{s['links']}/{s['gold_links']}, {_f(s['label_accuracy'])}"),
            ("seed pair moved right (false moved)", f"{b['seed']['moved_right']} ({b['seed']['moved_false']})",
             f"{s['moved_right']} ({s['moved_false']})"),
            ("related-but-different links, total", str(b["related_total"]),
             str(sum(r["related"]["synopsis"].values()))),
            ("seed pair seconds", f"{b['seed_seconds']:.3f}", f"{r['seed_seconds']:.3f}"),
            ("2,000 lines seconds", f"{b['speed_2000']:.2f}",
             f"{now_2000[0]:.2f}" if now_2000 else "not run (--quick)")]
    out = ["", "## Before / after the gap DP and block-wise moved marking", "",
           "| figure | before | after |", "|---|---|---|"]
    return out + [f"| {name} | {x} | {y} |" for name, x, y in rows]


if __name__ == "__main__":
    main()
