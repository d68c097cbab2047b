"""Time and size of the HTML and PDF reports for two ~2,000-sentence articles.

The articles are the WMT19 en→de human translation (AR) and its heavy paraphrase (AR.p) from
the public data (``../shared/data``, or ``$SYNOPSIS_DATA``), one sentence a line, loaded as two
documents and compared with the real pipeline. Writes ``benchmarks/results/export.md``.

    .venv/bin/python benchmarks/run_export.py [--lines N]
"""
from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "desktop"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from synopsis.core import Settings, load  # noqa: E402
from synopsis.runtime import compare  # noqa: E402
from synopsis.export import render  # noqa: E402

TARGET_SECONDS = 3.0
TARGET_HTML_BYTES = 5 * 1024 * 1024


def data_dir() -> Path:
    return Path(os.environ.get("SYNOPSIS_DATA") or ROOT.parent / "shared" / "data")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=0, help="use only the first N lines (0 = all)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "export.md")
    args = parser.parse_args()
    folder = data_dir() / "wmt19_paraphrased_refs" / "wmt19" / "ende"
    sources = [folder / "wmt19-ende-ar.ref", folder / "wmt19-ende-arp.ref"]
    for path in sources:
        if not path.exists():
            print(f"run_export: {path}: not found (set SYNOPSIS_DATA)", file=sys.stderr)
            return 2
    if args.lines:
        tmp = ROOT / "benchmarks" / ".export-input"
        tmp.mkdir(exist_ok=True)
        cut = []
        for path in sources:
            target = tmp / path.name
            target.write_text("".join(path.read_text(encoding="utf-8").splitlines(True)[:args.lines]),
                              encoding="utf-8")
            cut.append(target)
        sources = cut
    started = time.perf_counter()
    report = compare(load(str(sources[0])), load(str(sources[1])), Settings())
    compare_seconds = time.perf_counter() - started
    results = []
    for fmt in ("html", "pdf", "csv", "markdown"):
        started = time.perf_counter()
        data = render(report, fmt)
        seconds = time.perf_counter() - started
        results.append((fmt, seconds, len(data)))
        print(f"{fmt}: {seconds:.2f} s, {len(data) / 1024:.0f} KiB", file=sys.stderr)
    segs = [len(d.segments) for d in report.documents]
    lines = ["# Export benchmark", "",
             f"Input: WMT19 en→de AR vs AR.p (`wmt19-ende-ar.ref`, `wmt19-ende-arp.ref`"
             f"{f', first {args.lines} lines' if args.lines else ''}): {segs[0]} and {segs[1]} segments, "
             f"{len(report.links)} aligned pairs, {sum(len(l.edits) for l in report.links)} word edits, "
             f"{sum(len(l.facts) for l in report.links)} facts.",
             f"Machine: {platform.machine()}, Python {platform.python_version()}, {os.cpu_count()} cores (shared). "
             f"Comparison itself (not counted below): {compare_seconds:.1f} s.", "",
             "Command: `.venv/bin/python benchmarks/run_export.py`", "",
             "| format | time (s) | size | target | met |", "|---|---:|---:|---|---|"]
    for fmt, seconds, size in results:
        if fmt == "html":
            target, met = "< 3 s, < 5 MB", seconds < TARGET_SECONDS and size < TARGET_HTML_BYTES
        elif fmt == "pdf":
            target, met = "< 3 s", seconds < TARGET_SECONDS
        else:
            target, met = "—", None
        lines.append(f"| {fmt} | {seconds:.2f} | {size / 1024 / 1024:.2f} MB | {target} | "
                     f"{'—' if met is None else ('yes' if met else 'NO')} |")
    lines += ["", "History of the PDF figure on this input (same machine):", "",
              "- QTextDocument with the passages in HTML tables, then `print_`: 3.77 s, re-measured 4.44 s "
              "(most of it Qt laying the tables out, twice).",
              "- Now: every cell one `QTextLayout`, painted with `QPainter` and paginated by "
              "`export/pdf_canvas.py`."]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
