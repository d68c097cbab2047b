"""CSV read back with the csv module; Markdown rendered with markdown-it and checked."""
from __future__ import annotations

import csv
import io

import lxml.html
from markdown_it import MarkdownIt

from synopsis.export import render
from synopsis.export.csv_report import COLUMNS, safe_cell
from synopsis.export.markdown_report import escape_md

from export_fixtures import HOSTILE_A, HOSTILE_B


def read_csv(data: bytes) -> list[dict]:
    assert data.startswith("\ufeff".encode("utf-8"))
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_one_row_per_pair_and_unique_passage(hostile_report, annotations):
    rows = read_csv(render(hostile_report, "csv", annotations=annotations))
    assert list(rows[0]) == list(COLUMNS)
    assert [r["class"] for r in rows] == ["paraphrased", "shared", "unique", "shared", "unique", "shared",
                                          "unique", "unique"]
    first = rows[0]
    assert (first["a_text"], first["b_text"]) == (HOSTILE_A[0], HOSTILE_B[0])
    assert first["score"] == "0.8000" and first["moved"] == "no" and first["verdict"] == "altered"
    assert first["facts"] == "number: 5 → 7 (5 → 7 <b>!</b>)"
    assert rows[5]["moved"] == "yes" and rows[5]["a_ids"] == "3" and rows[5]["b_ids"] == "1"
    # the formula cell is neutralised, ordinary text is not
    assert rows[4]["b_text"] == "'" + HOSTILE_B[5]
    assert rows[2]["b_text"] == "'" + HOSTILE_B[3]
    assert safe_cell("-5") == "-5" and safe_cell("@user") == "'@user" and safe_cell("-1+2") == "'-1+2"
    assert safe_cell("Kyiv, -5 °C") == "Kyiv, -5 °C"


def test_seed_csv_covers_every_segment(seed_report):
    rows = read_csv(render(seed_report, "csv"))
    a_ids = sorted(int(i) for r in rows for i in r["a_ids"].split())
    b_ids = sorted(int(i) for r in rows for i in r["b_ids"].split())
    assert a_ids == list(range(len(seed_report.documents[0].segments)))
    assert b_ids == list(range(len(seed_report.documents[1].segments)))
    assert sum(1 for r in rows if r["score"]) == len(seed_report.links)


def test_escaped_markdown_renders_as_the_original_text():
    md = MarkdownIt("commonmark").enable("table")
    for text in HOSTILE_A + HOSTILE_B + ["# heading?", "1) list?", "a\\b `code` ~x~ {y}"]:
        html = md.render(escape_md(text))
        tree = lxml.html.fragment_fromstring(html, create_parent="div")
        assert tree.text_content().strip() == text
        assert not tree.xpath("//script|//img|//a|//em|//strong|//h1|//ol|//ul|//code")


def test_markdown_report_summary_facts_and_pairs(hostile_report, annotations):
    text = render(hostile_report, "markdown", annotations=annotations).decode("utf-8")
    html = MarkdownIt("commonmark").enable("table").render(text)
    tree = lxml.html.fragment_fromstring(html, create_parent="div")
    assert [h.text_content() for h in tree.xpath("//h2")] == ["Changed facts", "Your review", "Summary",
                                                              "Passages", "Repeated passages", "Provenance"]
    assert not tree.xpath("//script|//img|//a")
    tables = tree.xpath("//table")
    assert len(tables) == 3
    fact_cells = [td.text_content() for td in tables[0].xpath(".//tbody/tr/td")]
    assert fact_cells[:5] == ["F1", "number", "alarm", "5", "7"]
    quotes = [q.text_content() for q in tree.xpath("//blockquote")]
    assert len(quotes) == 8
    assert "A: Officials said 5 people died on Monday." in quotes[0]
    assert tree.xpath("//blockquote[1]//strong[text()='5']")
    assert any(HOSTILE_A[1] in q for q in quotes) and any(HOSTILE_B[3] in q for q in quotes)
    body = tree.text_content()
    assert "Verdict: altered — <script>x</script> checked with source" in body
    assert "moved" in tree.xpath("//h3")[5].text_content()
