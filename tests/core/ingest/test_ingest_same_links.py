"""An article saved as a web page or as a Word file must compare exactly as its plain text."""
from __future__ import annotations

from synopsis.core import Settings, compare
from synopsis.core.ingest import load


def triples(report):
    return [(tuple(link.a), tuple(link.b), link.label) for link in report.links]


def test_html_vs_docx_gives_the_same_links_as_text(tmp_path, seed_pair, make):
    a_txt, b_txt = seed_pair
    page = tmp_path / "bbc.html"
    page.write_text(make.page(make.paragraphs(a_txt), "Witkoff to meet Umerov in Miami after Putin talks"),
                    encoding="utf-8")
    word = make.docx(tmp_path / "translated.docx", make.paragraphs(b_txt))
    settings = Settings()
    from_text = compare(load(a_txt), load(b_txt), settings)
    from_files = compare(load(page), load(word), settings)
    assert from_files.documents[0].format == "html" and from_files.documents[1].format == "docx"
    assert len(from_text.links) > 5
    assert triples(from_files) == triples(from_text)
    for doc_text, doc_file in zip(from_text.documents, from_files.documents):
        assert [doc_text.segment_text(i) for i in range(len(doc_text.segments))] == \
               [doc_file.segment_text(i) for i in range(len(doc_file.segments))]
