"""Repeated passages and document bylines in every readable format; PDF bytes and page splits."""
from __future__ import annotations

import csv
import io
import re
import subprocess
import uuid
from collections import Counter

import lxml.html
import pytest
from export_fixtures import HOSTILE_A, HOSTILE_B, make_document
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from synopsis.core import Link, Repeat, Report, Span
from synopsis.export import render
from synopsis.export.pdf_report import (
    created_time,
    document_id,
    stamp_dates,
    styled_passage,
)


@pytest.fixture()
def repeating_report(hostile_report) -> Report:
    """The hostile report with passages 2 and 4 of A repeating each other, and 1, 3, 6 of B."""
    hostile_report.repeats = [Repeat(doc=1, segments=[5, 0, 2], label="paraphrased"),
                              Repeat(doc=0, segments=[3, 1])]
    hostile_report.documents[1].meta["published"] = "2025-12-01"
    return hostile_report


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "r.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    return " ".join(out.split())


def test_html_lists_repeats_and_bylines(repeating_report):
    tree = lxml.html.document_fromstring(render(repeating_report, "html").decode("utf-8"))
    groups = tree.xpath('//section[@id="repeats"]/ol[@class="repeats"]/li')
    assert [g.get("data-doc") for g in groups] == ["A", "B"]
    assert "A: alpha <i>title</i> — passages 2, 4 (shared)" in groups[0].text_content()
    assert [li.text_content() for li in groups[0].xpath("./ol/li")] == [HOSTILE_A[1], HOSTILE_A[3]]
    assert [li.get("value") for li in groups[1].xpath("./ol/li")] == ["1", "3", "6"]
    assert [li.text_content() for li in groups[1].xpath("./ol/li")] == [HOSTILE_B[0], HOSTILE_B[2], HOSTILE_B[5]]
    # every repeated passage links to where it is shown side by side
    for link in groups[1].xpath(".//a"):
        assert tree.get_element_by_id(link.get("href")[1:]) is not None
    sub = tree.xpath('//header/p[@class="sub"]')[0].text_content()
    assert "A: alpha <i>title</i> — Example & Co" in sub
    assert "B: beta <i>title</i> — Example & Co · 2025-12-01" in sub


def test_html_says_when_nothing_repeats(hostile_report):
    tree = lxml.html.document_fromstring(render(hostile_report, "html").decode("utf-8"))
    assert "No passage occurs more than once" in tree.get_element_by_id("repeats").text_content()


def test_markdown_lists_repeats_and_bylines(repeating_report):
    text = render(repeating_report, "markdown").decode("utf-8")
    tree = lxml.html.fragment_fromstring(MarkdownIt("commonmark").render(text), create_parent="div")
    heading = tree.xpath("//h2[text()='Repeated passages']")[0]
    groups = heading.getnext().xpath("./li")
    assert len(groups) == 2
    assert groups[0].text_content().startswith("A: alpha <i>title</i> — passages 2, 4 (shared)")
    assert [li.text_content() for li in groups[1].xpath("./ul/li")] == [
        f"{n}: {HOSTILE_B[n - 1]}" for n in (1, 3, 6)]
    assert not tree.xpath("//script|//img")
    heads = [li.text_content() for li in tree.xpath("//ul")[0].xpath("./li")]
    assert heads[1] == "B: beta <i>title</i> — Example & Co · 2025-12-01 (https://news.example/beta?a=1&b=2)"


def test_csv_has_one_repeat_row_per_group(repeating_report):
    data = render(repeating_report, "csv")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    repeats = [r for r in rows if r["class"] == "repeat"]
    assert len(repeats) == 2 and rows[-2:] == repeats
    assert [int(r["row"]) for r in rows] == list(range(1, len(rows) + 1))
    first, second = repeats
    assert (first["a_ids"], first["b_ids"], first["b_text"]) == ("1 3", "", "")
    assert first["a_text"].split("\n") == [HOSTILE_A[1], HOSTILE_A[3]]
    assert second["b_ids"] == "0 2 5" and second["note"] == "paraphrased repeat in B: passages 1, 3, 6"
    assert second["b_text"].split("\n") == [HOSTILE_B[0], HOSTILE_B[2], HOSTILE_B[5]]


def test_pdf_shows_repeats_and_bylines(repeating_report, tmp_path):
    text = pdf_text(render(repeating_report, "pdf"), tmp_path)
    assert "Example & Co · 2025-12-01" in text
    tail = text[text.index("Repeated passages"):text.index("Provenance")]
    assert "A: alpha <i>title</i> — passages 2, 4 (shared)" in tail
    assert "B: beta <i>title</i> — passages 1, 3, 6 (paraphrased)" in tail
    for n in (1, 3, 6):
        assert f"{n}: {HOSTILE_B[n - 1]}" in tail


def test_pdf_bytes_depend_on_the_report_not_the_clock(hostile_report, tmp_path):
    first = render(hostile_report, "pdf")
    second = render(hostile_report, "pdf")
    assert first == second
    # the dates are the report's, not today's, and the file still parses
    assert b"/CreationDate (D:20251203100500Z)" in first and b"/ModDate (D:20251203100500Z)" in first
    assert first.count(b'"2025-12-03T10:05:00+00:00"') == 3  # xmp CreateDate, ModifyDate, MetadataDate
    ids = re.findall(rb"/ID \[ <([0-9a-f]+)>", first)
    assert ids and bytes.fromhex(ids[0].decode()).decode() == str(document_id(hostile_report))
    (tmp_path / "r.pdf").write_bytes(first)
    info = subprocess.run(["pdfinfo", str(tmp_path / "r.pdf")], capture_output=True, text=True, check=True)
    assert "Dec  3 10:05:00 2025" in info.stdout
    hostile_report.created = "2025-12-04T09:00:00+01:00"
    later = render(hostile_report, "pdf")
    assert later != first
    assert b"/CreationDate (D:20251204080000Z)" in later


def test_stamp_dates_keeps_lengths_and_handles_missing_created(hostile_report):
    data = b"<< /CreationDate (D:20991231235959Z) /ModDate (D:20991231235959Z) >>" \
           b' xmp:CreateDate="2099-12-31T23:59:59+00:00"'
    hostile_report.created = ""
    when = created_time(hostile_report)
    stamped = stamp_dates(data, when)
    assert len(stamped) == len(data) and b"2099" not in stamped and b"D:19700101000000Z" in stamped
    hostile_report.created = "not a date"
    assert created_time(hostile_report) == when
    assert isinstance(document_id(hostile_report), uuid.UUID)


def test_a_passage_longer_than_a_page_is_split_without_losing_words(tmp_path):
    words = [f"w{i:04d}" for i in range(2600)]
    a = make_document(["Short opening.", " ".join(words) + "."], "long")
    b = make_document(["Short opening."], "short")
    report = Report(documents=[a, b], links=[Link(a=[0], b=[0], label="shared", score=1.0)], settings={},
                    created="2025-12-03T10:05:00+00:00")
    data = render(report, "pdf")
    text = pdf_text(data, tmp_path)
    counts = Counter(re.findall(r"w\d{4}", text))
    # once side by side, once in the list of passages found in A only
    assert all(counts[w] == 2 for w in words), [w for w in words if counts[w] != 2][:5]
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(
        ["pdfinfo", str(tmp_path / "r.pdf")], capture_output=True, text=True, check=True).stdout).group(1))
    assert pages >= 3


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=" \nab.é", min_size=0, max_size=12), min_size=1, max_size=5), st.data())
def test_styled_ranges_point_at_the_marked_text(sentences, data):
    doc = make_document(sentences, "p")
    n = len(doc.text)
    ids = sorted(data.draw(st.sets(st.integers(0, len(sentences) - 1), min_size=1)))
    spans = data.draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n), st.sampled_from(["diff", "fact"])),
                               max_size=5))
    marks = [(Span(min(s, e), max(s, e)), cls) for s, e, cls in spans]
    text, ranges = styled_passage(doc, ids, marks)
    assert text == " ".join(doc.segment_text(i).strip() for i in ids)
    for start, end, classes in ranges:
        assert 0 <= start < end <= len(text) and classes
    # walking the segments again, each range's text is the document text under those marks
    covered = {}
    at = 0
    for i in ids:
        seg = doc.segments[i]
        raw = doc.segment_text(i)
        lead = len(raw) - len(raw.lstrip())
        stripped = raw.strip()
        for k in range(len(stripped)):
            pos = seg.start + lead + k
            covered[at + k] = frozenset(cls for span, cls in marks if span.start <= pos < span.end)
        at += len(stripped) + 1
    for start, end, classes in ranges:
        assert all(covered[k] == classes for k in range(start, end))
    marked = {k for start, end, _ in ranges for k in range(start, end)}
    assert marked == {k for k, classes in covered.items() if classes}
