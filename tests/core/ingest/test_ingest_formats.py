"""Each format, from a real file the test writes, against the article text it holds."""
from __future__ import annotations

import zipfile

import pytest

from synopsis.core import LoadError
from synopsis.core.ingest import load

TITLE = "Witkoff to meet Umerov in Miami after Putin talks"


@pytest.fixture(scope="module")
def bbc(seed_pair, make):
    return make.paragraphs(seed_pair[0])


def expected(paragraphs):
    return "\n".join(paragraphs) + "\n"


def test_html_page_main_text_and_metadata(tmp_path, bbc, make):
    page = tmp_path / "bbc.html"
    page.write_text(make.page(bbc, TITLE), encoding="utf-8")
    doc = load(page)
    assert doc.format == "html"
    assert make.similarity(doc.text, expected(bbc)) >= 0.98
    assert doc.text.splitlines() == bbc  # one paragraph per line, headline not repeated in the text
    for chrome in make.chrome:
        assert chrome not in doc.text
    assert doc.title == TITLE
    assert doc.meta["outlet"] == "BBC News"
    assert doc.meta["author"] == "Hafsa Khalil"
    assert doc.meta["published"] == "2025-12-03"


def test_html_without_stated_date_or_author_leaves_them_out(tmp_path, bbc, make):
    page = tmp_path / "p.htm"
    page.write_text(make.page(bbc[2:8], "A headline", author=None, published=None)
                    .replace('<time datetime="2025-12-03">3 December 2025</time>', ""), encoding="utf-8")
    doc = load(page)
    assert "author" not in doc.meta and "published" not in doc.meta
    assert doc.text.splitlines() == bbc[2:8]


def test_html_in_windows_1251_declared_in_meta(tmp_path, make):
    paras = ["Президент України Володимир Зеленський заявив, що делегація готується до зустрічі.",
             "Міністр закордонних справ Андрій Сибіга звинуватив Путіна у марнуванні часу світу."]
    page = tmp_path / "uk.html"
    page.write_bytes(make.page(paras, "Зеленський про переговори", charset="windows-1251").encode("cp1251"))
    doc = load(page)
    assert doc.text.splitlines() == paras
    assert doc.meta["encoding"] == "cp1251"


def test_html_with_no_article_text(tmp_path):
    page = tmp_path / "empty.html"
    page.write_text("<!DOCTYPE html><html><head><title>x</title><script>var a = 1;</script></head>"
                    "<body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    with pytest.raises(LoadError, match="no article text") as err:
        load(page)
    assert str(page) in str(err.value) and "\n" not in str(err.value)


def test_docx_paragraphs_and_table(tmp_path, bbc, make):
    path = make.docx(tmp_path / "a.docx", bbc, title=TITLE, table=[["Round", "City"], ["First", "Abu Dhabi"]])
    doc = load(path)
    assert doc.format == "docx" and doc.title == TITLE
    lines = doc.text.splitlines()
    assert lines[:len(bbc)] == bbc
    assert lines[len(bbc):] == ["Round", "City", "First", "Abu Dhabi"]
    assert make.similarity("\n".join(lines[:len(bbc)]), expected(bbc)) >= 0.98


def test_odt_paragraphs_and_heading(tmp_path, bbc, make):
    path = make.odt(tmp_path / "a.odt", bbc, heading=TITLE)
    doc = load(path)
    assert doc.format == "odt"
    assert doc.text.splitlines() == [TITLE] + bbc


def test_pdf_text_layer(tmp_path, bbc, make):
    path, shown = make.pdf(tmp_path / "a.pdf", bbc, title=TITLE)
    doc = load(path)
    assert doc.format == "pdf" and doc.title == TITLE and doc.meta["pages"] >= 2
    assert make.similarity(doc.text, expected(shown)) >= 0.98
    assert doc.text.splitlines() == shown  # paragraphs survive line wrapping and page breaks


def test_markdown_rendered_to_plain_text(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("# Talks in Miami\n\nWitkoff will meet **Umerov** in [Miami](https://example.org) on\n"
                    "Thursday, the *White House* said.\n\n![a photo](x.jpg)\n\n- Kyiv wants `guarantees`.\n"
                    "- Moscow wants land.\n\n> \"No compromise,\" Ushakov said.\n", encoding="utf-8")
    doc = load(path)
    assert doc.format == "markdown" and doc.title == "Talks in Miami"
    assert doc.text.splitlines() == [
        "Talks in Miami", "Witkoff will meet Umerov in Miami on Thursday, the White House said.",
        "Kyiv wants guarantees.", "Moscow wants land.", "\"No compromise,\" Ushakov said."]


def test_rtf_with_code_page(tmp_path):
    path = tmp_path / "a.rtf"
    path.write_bytes(b"{\\rtf1\\ansi\\ansicpg1251\\deff0{\\fonttbl{\\f0 Times;}}\n"
                     b"\\f0 \\'cf\\'f3\\'f2\\'e8\\'ed \\b met\\b0  Witkoff.\\par\n"
                     b"Second paragraph \\'96 with a dash.\\par\n}")
    doc = load(path)
    assert doc.format == "rtf"
    assert doc.text.splitlines() == ["Путин met Witkoff.", "Second paragraph – with a dash."]


def test_stdin_sniffs_html(monkeypatch, bbc, make):
    import io
    import sys

    data = make.page(bbc[:5], TITLE).encode("utf-8")
    monkeypatch.setattr(sys, "stdin", type("In", (), {"buffer": io.BytesIO(data)})())
    doc = load("-")
    assert doc.format == "html" and doc.text.splitlines() == bbc[:5] and doc.source == "-"


def _zip(path, members):
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize("builder,reason", [
    (lambda p: _zip(p / "fake.docx", {"readme.txt": "hello", "img.png": b"\x89PNG"}), "not a Word"),
    (lambda p: (p / "notzip.docx").write_bytes(b"This is plain text named .docx") and p / "notzip.docx",
     "not a zip archive"),
    (lambda p: (p / "cut.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 40) and p / "cut.docx", "damaged or truncated"),
    (lambda p: _zip(p / "broken.docx", {"word/document.xml": "<not xml", "[Content_Types].xml": "<x/>"}),
     "not a readable Word document"),
    (lambda p: _zip(p / "sheet.docx", {"xl/workbook.xml": "<x/>"}), "spreadsheet"),
    (lambda p: (p / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600) and p / "old.doc",
     "old Word"),
    (lambda p: (p / "fake.pdf").write_bytes(b"<html>not a pdf</html>") and p / "fake.pdf", "not a valid PDF"),
])
def test_bad_office_and_pdf_files(tmp_path, builder, reason):
    path = builder(tmp_path)
    before = sorted(tmp_path.iterdir())
    with pytest.raises(LoadError) as err:
        load(path)
    message = str(err.value)
    assert reason in message and str(path) in message and "\n" not in message
    assert sorted(tmp_path.iterdir()) == before  # nothing written anywhere


def test_truncated_pdf(tmp_path, bbc, make):
    path, _ = make.pdf(tmp_path / "whole.pdf", bbc)
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(path.read_bytes()[:1500])
    with pytest.raises(LoadError, match="damaged or truncated|no text layer"):
        load(cut)


def test_encrypted_pdf(tmp_path, bbc, make):
    path, _ = make.pdf(tmp_path / "locked.pdf", bbc[:3], encrypt="secret")
    with pytest.raises(LoadError, match="encrypted"):
        load(path)


def test_pdf_without_text_layer(tmp_path, make):
    path, _ = make.pdf(tmp_path / "scan.pdf", [], blank=True)
    with pytest.raises(LoadError, match=r"no text layer \(scanned\?\)"):
        load(path)


def test_docx_template_properties_are_not_the_articles(tmp_path, bbc, make):
    """python-docx's own template says author "python-docx", created 2013: not the article's."""
    import docx

    doc = load(make.docx(tmp_path / "plain.docx", bbc))
    assert "author" not in doc.meta and "created" not in doc.meta
    path = tmp_path / "signed.docx"
    document = docx.Document()
    document.core_properties.author = "Hafsa Khalil"
    document.add_paragraph(bbc[0])
    document.save(str(path))
    assert load(path).meta.get("author") == "Hafsa Khalil"
