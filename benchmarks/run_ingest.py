"""Extraction speed of each reader on generated files: a ~1 MB saved web page, a 100-page PDF,
a large DOCX and plain text. Writes ``benchmarks/results/ingest.md``.

    .venv/bin/python benchmarks/run_ingest.py [--repeat 3]
"""
from __future__ import annotations

import argparse
import html
import platform
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "desktop"))

from synopsis.core.ingest import load  # noqa: E402

SEED = ROOT / "seeds" / "bbc-witkoff-putin-talks.txt"
COMMAND = ".venv/bin/python benchmarks/run_ingest.py"


def paragraphs() -> list[str]:
    return [p for p in SEED.read_text(encoding="utf-8").splitlines() if p.strip()]


def big_html(path: Path, target: int = 1_000_000) -> None:
    paras = paragraphs()
    chrome = ("<nav><ul>" + "".join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(40)) + "</ul></nav>"
              '<div class="cookie-banner"><p>We use cookies.</p></div><script>var x = 1;</script>')
    body: list[str] = []
    size = 0
    while size < target:
        for p in paras:
            chunk = f"<p>{html.escape(p)}</p>\n"
            body.append(chunk)
            size += len(chunk.encode("utf-8"))
    page = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Long read</title></head><body>{chrome}"
            f"<main><article><h1>Long read</h1>{''.join(body)}</article>"
            "<aside><h2>Related</h2><ul><li><a href='/r'>Related story</a></li></ul></aside></main>"
            "<footer><p>Copyright</p></footer></body></html>")
    path.write_text(page, encoding="utf-8")


def big_pdf(path: Path, pages: int = 100) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    style = getSampleStyleSheet()["Normal"]
    table = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "€": "EUR"})
    paras = [p.translate(table) for p in paragraphs()]
    flow = []
    for page in range(pages):
        for p in paras[(page * 7) % len(paras):][:7]:
            flow += [Paragraph(escape(p), style), Spacer(1, 6)]
        flow.append(PageBreak())
    SimpleDocTemplate(str(path), pagesize=A4).build(flow)


def big_docx(path: Path, copies: int = 50) -> None:
    import docx

    document = docx.Document()
    for _ in range(copies):
        for p in paragraphs():
            document.add_paragraph(p)
    document.save(str(path))


def big_text(path: Path, target: int = 1_000_000) -> None:
    text = SEED.read_text(encoding="utf-8")
    path.write_text(text * (target // len(text.encode("utf-8")) + 1), encoding="utf-8")


def timed(path: Path, repeat: int) -> tuple[float, int, str]:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        doc = load(path, max_bytes=50 * 1024 * 1024)
        best = min(best, time.perf_counter() - start)
    return best, len(doc.text), doc.format


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per file; the best is reported")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "ingest.md")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, build in (("page.html", big_html), ("report.pdf", big_pdf), ("long.docx", big_docx),
                            ("long.txt", big_text)):
            path = folder / name
            build(path)
            seconds, chars, fmt = timed(path, args.repeat)
            size = path.stat().st_size
            extra = ""
            if fmt == "pdf":
                from pypdf import PdfReader

                extra = f"{len(PdfReader(str(path)).pages)} pages"
            rows.append((name, fmt, size, extra, chars, seconds))
            print(f"{name:12} {fmt:6} {size / 1e6:6.2f} MB  {extra:10} {chars:9,} chars  {seconds:7.3f} s")
    lines = ["# Ingest: extraction speed", "",
             f"Command: `{COMMAND} --repeat {args.repeat}` (best of {args.repeat} runs of `load()` per file; "
             "files generated from the BBC seed: a saved page with menus, cookie banner and scripts, "
             "a reportlab PDF, a python-docx file, UTF-8 text).", "",
             f"Machine: {platform.machine()}, Python {platform.python_version()}, {platform.system()}.", "",
             "| file | format | size | | extracted chars | seconds | MB/s |", "|---|---|---|---|---|---|---|"]
    for name, fmt, size, extra, chars, seconds in rows:
        lines.append(f"| {name} | {fmt} | {size / 1e6:.2f} MB | {extra} | {chars:,} | {seconds:.3f} | "
                     f"{size / 1e6 / seconds:.2f} |")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")


if __name__ == "__main__":
    main()
