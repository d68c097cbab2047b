"""Write one seed article as HTML, DOCX and PDF, for the smoke test of the frozen app.

Each format goes through a different extractor (trafilatura and friends, python-docx, pypdf),
so comparing these files in the installed app shows when the build left out a module or a data
file one of them needs. Run with the project's .venv (python-docx is a runtime dependency).

    python packaging/make_fixtures.py seeds/bbc-witkoff-putin-talks.txt OUT_DIR

Prints the paths written. The PDF is written by hand (one Helvetica text block per page) so no
PDF library is needed to make it.
"""
from __future__ import annotations

import html
import sys
from pathlib import Path

PARAGRAPHS = 12  # enough text for every extractor's "is this an article" heuristics
LINE_CHARS = 90
LINES_PER_PAGE = 48


def paragraphs_of(seed: Path) -> tuple[str, list[str]]:
    lines = [line.strip() for line in seed.read_text(encoding="utf-8").splitlines()]
    body = [line for line in lines if len(line.split()) >= 8][:PARAGRAPHS]
    if len(body) < 3:
        raise SystemExit(f"{seed}: too few paragraphs to make fixtures from")
    return body[0], body


def write_html(title: str, body: list[str], path: Path) -> None:
    paras = "\n".join(f"    <p>{html.escape(text)}</p>" for text in body)
    path.write_text(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(title)}</title></head>\n<body>\n"
        "  <nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\n"
        f"  <article>\n    <h1>{html.escape(title)}</h1>\n"
        "    <time datetime=\"2025-12-03\">3 December 2025</time>\n"
        f"{paras}\n  </article>\n  <footer>Copyright notice</footer>\n</body></html>\n",
        encoding="utf-8")


def write_docx(title: str, body: list[str], path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading(title, level=1)
    for text in body:
        document.add_paragraph(text)
    document.save(str(path))


def _wrap(text: str) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > LINE_CHARS:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + [line] if line else lines


def _pdf_string(text: str) -> str:
    raw = text.encode("cp1252", "replace").decode("latin-1")
    return "(" + raw.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def write_pdf(body: list[str], path: Path) -> None:
    lines: list[str] = []
    for text in body:
        lines += _wrap(text) + [""]
    pages = [lines[i:i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)]
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "",
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    kids = []
    for page in pages:
        ops = ["BT", "/F1 10 Tf", "14 TL", "50 790 Td"]
        ops += [f"{_pdf_string(line)} Tj T*" for line in page]
        stream = "\n".join(ops + ["ET"]).encode("latin-1")
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream.decode('latin-1')}\nendstream")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       f"/Resources << /Font << /F1 3 0 R >> >> /Contents {len(objects)} 0 R >>")
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body_text in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body_text}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: make_fixtures.py SEED.txt OUT_DIR", file=sys.stderr)
        return 2
    seed, out = Path(argv[0]), Path(argv[1])
    if not seed.is_file():
        print(f"make_fixtures: {seed}: no such file", file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    title, body = paragraphs_of(seed)
    stem = seed.stem
    write_html(title, body[1:], out / f"{stem}.html")
    write_docx(title, body[1:], out / f"{stem}.docx")
    write_pdf(body, out / f"{stem}.pdf")
    for suffix in ("html", "docx", "pdf"):
        print(out / f"{stem}.{suffix}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
