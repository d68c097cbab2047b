"""What the same-language meaning view costs on long articles: the scaling benchmark's pair
(German prose against its edited copy, ``run_scaling.long_pair``) compared with meaning on and
off, each in a fresh process, in process (``synopsis.core.pipeline.compare``, facts included,
BLAS on one thread). CPU time includes the model load when meaning is on.

    .venv/bin/python benchmarks/run_meaning_scaling.py [--sizes 4000,10000]

Writes ``benchmarks/results/meaning_scaling.md``.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "meaning_scaling.md"
CHILD = r"""
import json, resource, sys, time
sys.path[:0] = [{here!r}, {desktop!r}]
from run_scaling import accuracy, long_pair
from synopsis.core import Settings
from synopsis.core.model import Document
from synopsis.core.pipeline import compare
pair = long_pair({n})
da = Document(pair.a.text, 'a', 'a', '', language='de'); db = Document(pair.b.text, 'b', 'b', '', language='de')
c0 = time.process_time()
report = compare(da, db, Settings(meaning={meaning!r}))
cpu = time.process_time() - c0
scores = accuracy(pair, report.links, *report.documents)
print(json.dumps({{"cpu": cpu, "mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "links": len(report.links), **scores}}))
"""


def run(n: int, meaning: bool) -> dict:
    code = CHILD.format(here=str(HERE), desktop=str(HERE.parent / "desktop"), n=n, meaning=meaning)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "OPENBLAS_NUM_THREADS": "1"})
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="4000,10000")
    sizes = [int(x) for x in parser.parse_args().sizes.split(",")]
    load_before = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    lines = ["# The meaning view on long same-language articles", "",
             f"Command: `.venv/bin/python benchmarks/run_meaning_scaling.py --sizes {','.join(map(str, sizes))}` "
             f"(load before: {load_before}). One comparison per row in a fresh process; CPU time of the "
             "comparison (facts included; the model load too when meaning is on), peak memory of the "
             "process; precision / recall / pieces as in `scaling.md`.", "",
             "| sentences | meaning | CPU s | peak MB | links | precision | recall | pieces |",
             "|---|---|---|---|---|---|---|---|"]
    for n in sizes:
        for meaning in (False, True):
            r = run(n, meaning)
            lines.append(f"| {n:,} | {'on' if meaning else 'off'} | {r['cpu']:.1f} | {r['mb']:.0f} | {r['links']} | "
                         f"{r['precision']:.3f} | {r['recall']:.3f} | {r['pieces']:.3f} |")
            print(lines[-1], flush=True)
    lines += ["", f"Load after: {' / '.join(f'{x:.1f}' for x in os.getloadavg())}.", ""]
    RESULTS.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
