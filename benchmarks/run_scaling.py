"""Cost against length: two long articles of real prose, time and peak memory per size.

    .venv/bin/python benchmarks/run_scaling.py                       # ~15 min: sizes 2,000 … 20,000, 3 runs each
    .venv/bin/python benchmarks/run_scaling.py --words-only          # the same with the meaning layer off
    .venv/bin/python benchmarks/run_scaling.py --sizes 2000,4000 --runs 1
    .venv/bin/python benchmarks/run_scaling.py --profile 10000       # where the time goes, one size

Side a is German news prose (WMT19 AR, the WMT18 and WMT20 paraphrased references: every
distinct line, taken in order and from the start again when a size needs more) printed as
articles (``articles.lay_out``); side b its edited copy (``split_cases.build``: lines kept,
edited, replaced by the human paraphrase AR.p, dropped, inserted, split and merged). Each
comparison (``synopsis.runtime.compare``, as the command line runs it: segmentation to facts,
then the JSON report) runs in a child process of its own; its peak memory is the child's ``ru_maxrss`` (``os.wait4``) plus that
of the fact worker it starts, its time the wall-clock and CPU time of the comparison. The
naive baseline (all pairs, character ratio, greedy) runs on the same text up to 8,000 sentences.
The comparison runs with the default settings (the meaning layer on: its model's load is in the
CPU time); ``--words-only`` turns the meaning layer off and skips the baseline (the same text:
see the default run). Writes ``benchmarks/results/scaling.md``, ``scaling.json`` and
``scaling.png`` (``bench`` extra: matplotlib), or ``scaling_words.*`` with ``--words-only``. The
machine's load average is recorded beside the figures.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "desktop"))

RESULTS = HERE / "results"
SIZES = (2000, 4000, 5000, 8000, 10000, 16000, 20000)
BASELINE_MAX = 8000
_CHILD = r"""
import json, resource, sys, time
sys.path[:0] = [{here!r}, {desktop!r}]
from run_scaling import long_pair
from synopsis.core import Settings
from synopsis.core.model import Document
from synopsis.runtime import collector_paused, compare, fact_worker
from run_scaling import accuracy
pair = long_pair({n})
a, b = pair.a.text, pair.b.text
da = Document(a, 'a', 'a', '', language='de'); db = Document(b, 'b', 'b', '', language='de')
t0, c0 = time.perf_counter(), time.process_time()
if {aligner!r} == 'synopsis':
    report = compare(da, db, Settings(meaning={meaning!r}), settle=True)   # as the command line runs it (fact worker)
    with collector_paused():         # as the command line writes it
        report.to_json(indent=None)  # the report as the library stores it
    stages = dict(report.timings)
    found = report.links
    da, db = report.documents
else:
    from synopsis.core import baseline
    from synopsis.core.pipeline import prepare
    da, db = prepare(da, Settings()), prepare(db, Settings())
    found = baseline.align(da, db, Settings())[0]
    stages = {{}}
wall, cpu = time.perf_counter() - t0, time.process_time() - c0
links = len(found)
scores = accuracy(pair, found, da, db)
fact_worker.stop()
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({{"wall": wall, "cpu": cpu, "stages": stages, "links": links, "worker_mb": kids, **scores,
                  "segments": [len(da.segments), len(db.segments)], "chars": [len(a), len(b)]}}))
"""


def long_pair(n: int, seed: int = 5):
    """Side a of ``n`` source sentences printed as articles, side b its edited copy (a
    ``split_cases.SplitPair``, with its gold)."""
    from articles import german_pool
    from split_cases import build
    pool = german_pool()
    rows = [pool[k % len(pool)] for k in range(n)]
    far = [s for s, _ in pool[len(pool) // 2:]]
    return build(rows, "de", seed, far)


def accuracy(pair, links, doc_a, doc_b) -> dict:
    """Precision and recall over (a sentence, b sentence) pairs, and the share of split and
    merged pieces linked to their whole. Sentences are told apart by their text: past the
    4,900 distinct lines of the pool a long document repeats them, and a link to another copy
    of the right sentence is right."""
    from split_cases import MANY, sentence_of_segments
    text_a = [pair.a.text[s:e] for s, e in pair.a.spans]
    text_b = [pair.b.text[s:e] for s, e in pair.b.spans]
    seg_a = sentence_of_segments(pair.a.spans, [(s.start, s.end) for s in doc_a.segments])
    seg_b = sentence_of_segments(pair.b.spans, [(s.start, s.end) for s in doc_b.segments])
    found = {(text_a[x], text_b[y]) for link in links for i in link.a for j in link.b
             for x in seg_a[i] for y in seg_b[j]}
    gold = {(text_a[x], text_b[y]) for c in pair.cases for x in c.a for y in c.b}
    parts = sum(len(c.parts) for c in pair.cases if c.kind in MANY)
    linked = sum(any(((text_a[w], text_b[p]) if c.kind != "merge" else (text_a[p], text_b[w])) in found
                     for w in (c.b if c.kind == "merge" else c.a))
                 for c in pair.cases if c.kind in MANY for p in c.parts)
    right = len(found & gold)
    return {"precision": right / len(found) if found else 0.0, "recall": right / len(gold) if gold else 0.0,
            "pieces": linked / parts if parts else 0.0}


def measure(n: int, aligner: str, meaning: bool = True) -> dict:
    """One comparison of size ``n`` in a child process: wall and CPU seconds, peak MB."""
    code = _CHILD.format(here=str(HERE), desktop=str(HERE.parent / "desktop"), n=n, aligner=aligner,
                         meaning=meaning)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"size {n} ({aligner}) failed with exit code {proc.returncode}")
    result = json.loads(out)
    result["peak_mb"] = usage.ru_maxrss / 1024
    return result


# The same command on the aligner before candidates were bounded per passage (every pair of
# passages sharing a stem in up to a fifth of them was scored), one run per size, load 9-15.
BEFORE = {2000: {"wall": 12.88, "cpu": 2.26, "peak_mb": 114, "precision": 0.985, "recall": 0.882, "pieces": 0.647},
          4000: {"wall": 42.74, "cpu": 6.12, "peak_mb": 268, "precision": 0.984, "recall": 0.890, "pieces": 0.631},
          10000: {"wall": 197.92, "cpu": 32.82, "peak_mb": 1353, "precision": 0.977, "recall": 0.894, "pieces": 0.668},
          20000: {"wall": 721.90, "cpu": 120.43, "peak_mb": 4851, "precision": 0.978, "recall": 0.892, "pieces": 0.684}}


# The same command before a passage's same-text partners were limited to the copy nearest its
# place (commit bcb90b2, words only: the meaning layer was not yet in the comparison), 3 runs per size, load 11-25.
PREVIOUS = {2000: {"cpu": 1.36, "peak_mb": 102, "precision": 0.986, "recall": 0.976, "pieces": 0.965},
            4000: {"cpu": 2.77, "peak_mb": 172, "precision": 0.989, "recall": 0.984, "pieces": 0.975},
            5000: {"cpu": 3.89, "peak_mb": 194, "precision": 0.982, "recall": 0.984, "pieces": 0.976},
            10000: {"cpu": 9.20, "peak_mb": 323, "precision": 0.983, "recall": 0.972, "pieces": 0.962},
            20000: {"cpu": 23.38, "peak_mb": 624, "precision": 0.980, "recall": 0.917, "pieces": 0.820}}


# The same command before passages of the same text went undiffed, a unique passage's share
# was counted over the links of its rarest words only and the model loaded beside the first
# steps (commit 0359857, one run per size, load 32-35): CPU s, peak MB, P, R, pieces.
LAST_ROUND = {True: {2500: (6.06, 248, 0.990, 0.979, 0.965), 5000: (10.01, 335, 0.986, 0.989, 0.981),
                     10000: (18.20, 441, 0.986, 0.988, 0.980), 20000: (34.69, 643, 0.986, 0.989, 0.980)},
              False: {5000: (6.13, 193, 0.985, 0.989, 0.984), 10000: (11.59, 293, 0.986, 0.989, 0.982),
                      20000: (25.72, 493, 0.986, 0.990, 0.982)}}


def load() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def run(sizes: list[int], runs: int, meaning: bool = True, baseline: bool = True) -> dict:
    out: dict = {"sizes": {}, "baseline": {}, "cores": os.cpu_count(), "runs": runs, "meaning": meaning}
    for n in sizes:
        before = load()
        trials = [measure(n, "synopsis", meaning) for _ in range(runs)]
        med = statistics.median(t["wall"] for t in trials)
        out["sizes"][n] = {"wall": med, "walls": [t["wall"] for t in trials],
                           "cpu": statistics.median(t["cpu"] for t in trials),
                           "peak_mb": max(t["peak_mb"] for t in trials),
                           "worker_mb": max(t["worker_mb"] for t in trials),
                           "stages": trials[0]["stages"], "links": trials[0]["links"],
                           "precision": trials[0]["precision"], "recall": trials[0]["recall"],
                           "pieces": trials[0]["pieces"],
                           "segments": trials[0]["segments"], "chars": trials[0]["chars"],
                           "load_before": before, "load_after": load()}
        print(f"{n}: {med:.2f} s wall, {out['sizes'][n]['cpu']:.2f} s CPU, "
              f"{out['sizes'][n]['peak_mb']:.0f} MB (load {before})", flush=True)
        if meaning and baseline and n <= BASELINE_MAX:
            base = measure(n, "baseline")
            out["baseline"][n] = {k: base[k] for k in ("wall", "cpu", "peak_mb", "precision", "recall", "pieces")}
            print(f"   baseline {base['wall']:.2f} s, {base['peak_mb']:.0f} MB", flush=True)
    return out


def growth(r: dict) -> list[tuple[int, int, float, float]]:
    """(n, 2n, time ratio, CPU ratio) for every size whose double was measured too."""
    sizes = {int(k): v for k, v in r["sizes"].items()}
    return [(n, 2 * n, sizes[2 * n]["wall"] / sizes[n]["wall"], sizes[2 * n]["cpu"] / sizes[n]["cpu"])
            for n in sorted(sizes) if 2 * n in sizes]


def plot(r: dict, path: Path) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = sorted(int(k) for k in r["sizes"])
    rows = [r["sizes"][k] if k in r["sizes"] else r["sizes"][str(k)] for k in sizes]
    base = sorted((int(k), v) for k, v in r["baseline"].items())
    fig, (ax_t, ax_m) = plt.subplots(1, 2, figsize=(11, 4.2))
    # CPU time only: wall-clock on this shared machine follows its load (in the table)
    ax_t.plot(sizes, [x["cpu"] for x in rows], "s-", color="#009E73", label="Synopsis, CPU")
    if base:
        ax_t.plot([n for n, _ in base], [v["cpu"] for _, v in base], "^:", color="#D55E00",
                  label="naive baseline (all pairs), CPU")
    ax_t.plot(list(BEFORE), [v["cpu"] for v in BEFORE.values()], "x-.", color="#E69F00",
              label="before (unbounded candidates), CPU")
    ax_t.plot(list(PREVIOUS), [v["cpu"] for v in PREVIOUS.values()], "d:", color="#56B4E9",
              label="before nearest copies (words only), CPU")
    linear = [rows[0]["cpu"] * n / sizes[0] for n in sizes]
    ax_t.plot(sizes, linear, color="#999999", lw=1, label="linear from the smallest size")
    ax_t.axhline(10, color="#CC79A7", lw=0.8, ls="--")
    ax_t.axhline(25, color="#CC79A7", lw=0.8, ls="--")
    ax_t.set(xlabel="sentences per article", ylabel="CPU seconds", title="CPU time to compare two articles (targets dashed)")
    ax_t.legend(fontsize=8)
    ax_m.plot(sizes, [x["peak_mb"] for x in rows], "o-", color="#0072B2", label="Synopsis, peak RSS")
    if base:
        ax_m.plot([n for n, _ in base], [v["peak_mb"] for _, v in base], "^:", color="#D55E00",
                  label="naive baseline")
    ax_m.plot(list(BEFORE), [v["peak_mb"] for v in BEFORE.values()], "x-.", color="#E69F00",
              label="before (unbounded candidates)")
    ax_m.axhline(1024, color="#CC79A7", lw=0.8, ls="--")
    ax_m.axhline(1536, color="#CC79A7", lw=0.8, ls="--")
    ax_m.set(xlabel="sentences per article", ylabel="MB", title="Peak memory (targets dashed)")
    ax_m.legend(fontsize=8)
    for ax in (ax_t, ax_m):
        ax.grid(alpha=0.3)
        ax.set_ylim(bottom=0)
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def render(r: dict) -> str:
    meaning = r.get("meaning", True)
    lines = ["# Cost against length" + ("" if meaning else ", words only (meaning layer off)"), "",
             "Command: `.venv/bin/python benchmarks/run_scaling.py" + ("" if meaning else " --words-only") + "` "
             + ("with the default settings (the meaning layer on; its model's load is in the CPU time)"
                if meaning else "with the meaning layer off (the naive baseline on the same text: `scaling.md`)")
             + f" ({r['runs']} runs per size, median wall-clock; {r['cores']} cores shared with other work, "
             "load average 1/5/15 min before each size in the table). German news prose printed as "
             "articles against an edited copy (kept, edited, paraphrased, dropped, inserted, split, "
             "merged); end to end: segmentation, alignment, word edits, facts, the JSON report (compact, as the library stores it; the indented export adds 1.8 s at 20,000). "
             "Peak = the comparison process's ru_maxrss (the fact worker's beside it); CPU = the "
             "comparison process's (the fact worker's is not in it). "
             f"Plot: `scaling{'' if meaning else '_words'}.png`.", "",
             "Accuracy against the construction's gold: P / R over (a sentence, b sentence) pairs, "
             "and the share of split and merged pieces linked to their whole.", "",
             "| sentences (a / b segments) | wall s | CPU s | peak MB | worker MB | links | P / R | pieces | align s | edits+facts s | load | baseline s | baseline MB | baseline P / R | baseline pieces |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for k, v in sorted(r["sizes"].items(), key=lambda kv: int(kv[0])):
        base = r["baseline"].get(k) or r["baseline"].get(str(k))
        st = v["stages"]
        lines.append(f"| {int(k):,} ({v['segments'][0]:,} / {v['segments'][1]:,}) | {v['wall']:.2f} | {v['cpu']:.2f} | "
                     f"{v['peak_mb']:.0f} | {v['worker_mb']:.0f} | {v['links']:,} | {v['precision']:.3f} / {v['recall']:.3f} | "
                     f"{v['pieces']:.3f} | {st.get('align', 0):.2f} | {st.get('edits_facts', 0):.2f} | {v['load_before']} | "
                     + (f"{base['wall']:.2f} | {base['peak_mb']:.0f} | {base['precision']:.3f} / {base['recall']:.3f} | "
                        f"{base['pieces']:.3f} |" if base else "— | — | — | — |"))
    lines += ["", "Before this round (commit 0359857: every linked pair diffed, every link of a unique passage's "
              "words counted, the model loaded when the meaning view needed it; same command, one run per size, "
              "load 32–35):", "", "| sentences | CPU s | peak MB | P / R | pieces |", "|---|---|---|---|---|"]
    lines += [f"| {n:,} | {c:.2f} | {m} | {p:.3f} / {rc:.3f} | {pc:.3f} |"
              for n, (c, m, p, rc, pc) in LAST_ROUND[meaning].items()]
    lines += ["", "Before candidates were bounded per passage (same command, one run per size, load 9–15):", "",
              "| sentences | wall s | CPU s | peak MB | P / R | pieces |", "|---|---|---|---|---|---|"]
    lines += [f"| {n:,} | {v['wall']:.2f} | {v['cpu']:.2f} | {v['peak_mb']:.0f} | {v['precision']:.3f} / "
              f"{v['recall']:.3f} | {v['pieces']:.3f} |" for n, v in BEFORE.items()]
    lines += ["", "Before each copy of a repeated sentence was paired only with the copy at its place "
              "(commit bcb90b2, words only, 3 runs per size, load 11–25; past 4,900 lines the documents "
              "repeat themselves, twice at 10,000 sentences, four times at 20,000):", "",
              "| sentences | CPU s | peak MB | P / R | pieces |", "|---|---|---|---|---|"]
    lines += [f"| {n:,} | {v['cpu']:.2f} | {v['peak_mb']:.0f} | {v['precision']:.3f} / {v['recall']:.3f} | "
              f"{v['pieces']:.3f} |" for n, v in PREVIOUS.items()]
    if not r["baseline"] and r.get("meaning", True):
        lines += ["", "The naive baseline was not run this time (`--no-baseline`); on the same text "
                  "(commit bcb90b2): 2,000 sentences 3.79 s / 122 MB, P / R 0.933 / 0.773, pieces 0.479; "
                  "5,000: 41.46 s / 699 MB, 0.929 / 0.836, 0.550; 8,000: 83.30 s / 1,572 MB, 0.915 / 0.827, 0.540 "
                  "(wall-clock)."]
    lines += ["", "Growth for twice the length (wall-clock / CPU time):", ""]
    lines += [f"- {n:,} → {m:,}: {t:.2f}× / {c:.2f}×" for n, m, t, c in growth(r)]
    return "\n".join(lines) + "\n"


def profile(n: int, sort_keys: tuple[str, ...] = ("cumulative",)) -> None:
    """cProfile of one comparison of size ``n``, in this process: the 30 costliest functions."""
    import cProfile
    import io
    import pstats
    from synopsis.core import Settings
    from synopsis.core.model import Document
    from synopsis.runtime import collector_paused, compare

    pair = long_pair(n)
    da = Document(pair.a.text, "a", "a", "", language="de")
    db = Document(pair.b.text, "b", "b", "", language="de")
    prof = cProfile.Profile()
    prof.enable()
    report = compare(da, db, Settings())
    with collector_paused():
        report.to_json(indent=None)
    prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats(*sort_keys).print_stats(30)
    print(f"stages: {report.timings}")
    print(buf.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--words-only", action="store_true", help="the meaning layer off (no baseline)")
    parser.add_argument("--no-baseline", action="store_true", help="skip the naive baseline")
    parser.add_argument("--profile", type=int, default=0, help="profile one size instead")
    parser.add_argument("--sort", default="cumulative", help="pstats sort keys for --profile")
    args = parser.parse_args()
    if args.profile:
        profile(args.profile, tuple(args.sort.split(",")))
        return
    result = run([int(s) for s in args.sizes.split(",")], args.runs, meaning=not args.words_only,
                 baseline=not args.no_baseline)
    RESULTS.mkdir(exist_ok=True)
    stem = "scaling_words" if args.words_only else "scaling"
    (RESULTS / f"{stem}.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    (RESULTS / f"{stem}.md").write_text(render(result), encoding="utf-8")
    plot(result, RESULTS / f"{stem}.png")
    print(render(result))


if __name__ == "__main__":
    main()
