"""The PDF report: text extracted with pdftotext, fonts checked, first page drawn with pdftoppm."""
from __future__ import annotations

import subprocess
from collections import Counter

from PySide6.QtGui import QImage

from synopsis.export import render


def pdf_text(path) -> str:
    """The text in drawing order (-raw), so a table cell's lines stay together."""
    return subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def test_pdf_holds_the_report_as_selectable_text(hostile_report, annotations, tmp_path):
    data = render(hostile_report, "pdf", annotations=annotations)
    assert data.startswith(b"%PDF-")
    path = tmp_path / "hostile.pdf"
    path.write_bytes(data)
    text = " ".join(pdf_text(path).split())
    for expected in ("Synopsis comparison", "Changed facts", "Side by side", "Provenance",
                     "<script>document.title='PWNED'</script>", "</style><b>bold</b> & more &amp; entities",
                     "altered", "moved", "alpha <i>title</i>", "https://news.example/alpha?a=1&b=2",
                     "Only in B, a new claim", "5 → 7 <b>!</b>"):
        assert expected in text, expected
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
    assert rows and all("yes" in row[-5:-3] for row in rows), fonts  # every font embedded


def test_seed_pair_pdf_is_paginated_a4_and_draws(seed_report, tmp_path):
    path = tmp_path / "seed.pdf"
    path.write_bytes(render(seed_report, "pdf"))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "595 x 842 pts (A4)" in info
    assert int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:"))) >= 2
    text = " ".join(pdf_text(path).split())
    assert not any("\ufb00" <= ch <= "\ufb06" for ch in text), "ligatures break copy and search"
    # every word of both articles is there as often as in the articles (rows may cross pages)
    words = Counter(text.split())
    for doc in seed_report.documents:
        wanted = Counter(w for seg in doc.segments for w in doc.text[seg.start:seg.end].split())
        assert not wanted - words
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", str(path), str(tmp_path / "page")],
                   check=True)
    image = QImage(str(tmp_path / "page-1.png"))
    assert not image.isNull() and image.height() > image.width()  # portrait
    colours = {image.pixel(x, y) for x in range(0, image.width(), 5) for y in range(0, image.height(), 5)}
    assert len(colours) > 10


def test_pdf_is_the_same_bytes_for_the_same_inputs(hostile_report, annotations, tmp_path):
    first = render(hostile_report, "pdf", annotations=annotations)
    assert render(hostile_report, "pdf", annotations=annotations) == first
    (tmp_path / "1.pdf").write_bytes(first)
    assert "altered" in pdf_text(tmp_path / "1.pdf")
