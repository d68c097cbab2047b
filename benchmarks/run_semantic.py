"""Meaning benchmarks: Text+Berg, bilingual news, WMT19 pairs printed as articles, MSRP, related
articles, the seed pair and speed — each beside a naive baseline. Writes
benchmarks/results/semantic.{md,json}.

    .venv/bin/python benchmarks/run_semantic.py [--only SECTION ...] [--calibrate] [--blend]

Sections: textberg news printed msrp seeds speed (all by default; a run with ``--only`` merges
its sections into the existing results). ``--calibrate`` prints the meaning-score calibration
fit (core/semantic/calibrate.py) and ``--blend`` the same-language blend fit
(core/semantic/same_language.py), both on development data only, and writes nothing.
Needs the evaluation data (../shared/data or $SYNOPSIS_DATA) and pysbd for the naive baseline; the
news articles are read from benchmarks/data/news/ (see benchmarks/news_data.py).
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "desktop"))

import semantic_sections as sections  # noqa: E402

RESULTS = HERE / "results"
ALL = ("textberg", "news", "printed", "msrp", "seeds", "speed")


def main(argv: list[str]) -> None:
    if "--calibrate" in argv:
        sections.print_calibration()
        return
    if "--blend" in argv:
        sections.print_blend()
        return
    chosen = argv[argv.index("--only") + 1:] if "--only" in argv else list(ALL)
    path = RESULTS / "semantic.json"
    results = json.loads(path.read_text(encoding="utf-8")) if path.exists() and "--only" in argv else {}
    for name in chosen:
        start = time.perf_counter()
        results[name] = getattr(sections, name)()
        results[name]["benchmark_seconds"] = round(time.perf_counter() - start, 1)
        print(f"{name}: done in {results[name]['benchmark_seconds']} s", flush=True)
        path.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    (RESULTS / "semantic.md").write_text(sections.render(results), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
