"""The HTML report: parsed, checked for escaping and network references, and shown in chromium."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import lxml.html
import pytest
from PySide6.QtGui import QImage

from synopsis.export import render

import browser

URL = re.compile(r"(?i)\b(?:https?:)?//")


class Collector(HTMLParser):
    """Every start tag with its attributes, and the text inside <style>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.in_style = False
        self.style = ""

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self.in_style = tag == "style"

    def handle_endtag(self, tag):
        self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            self.style += data


def parse(data: bytes) -> tuple[Collector, lxml.html.HtmlElement]:
    text = data.decode("utf-8")
    collector = Collector()
    collector.feed(text)
    return collector, lxml.html.document_fromstring(text)


def test_hostile_article_text_is_shown_as_text(hostile_report, annotations):
    collector, tree = parse(render(hostile_report, "html", annotations=annotations))
    names = [tag for tag, _ in collector.tags]
    assert names.count("script") == 0 and names.count("img") == 0 and names.count("style") == 1
    assert not any(k.startswith("on") for _, attrs in collector.tags for k in attrs)
    assert "</style>" not in collector.style and "<b>" not in collector.style
    body = tree.text_content()
    for sentence in ("<script>document.title='PWNED'</script> was found in the page.",
                     "Style break </style><b>bold</b> & more &amp; entities.",
                     "<script>x</script> checked with source", "alpha <i>title</i>"):
        assert sentence in body
    assert tree.findtext(".//title") == "Synopsis: alpha <i>title</i> vs beta <i>title</i>"


def test_no_network_references_outside_the_provenance_text(hostile_report):
    collector, tree = parse(render(hostile_report, "html"))
    for tag, attrs in collector.tags:
        for key, value in attrs.items():
            assert not URL.search(value or ""), f"<{tag} {key}={value!r}>"
    assert not URL.search(collector.style) and "@import" not in collector.style
    assert "url(" not in collector.style
    # the source URLs are there, as text, in the provenance block only (and in article text)
    provenance = tree.get_element_by_id("provenance").text_content()
    assert "https://news.example/alpha?a=1&b=2" in provenance
    outside = tree.get_element_by_id("pairs").text_content() + tree.get_element_by_id("summary").text_content()
    assert "news.example" not in outside


def test_structure_rows_facts_moved_and_verdicts(hostile_report, annotations):
    _, tree = parse(render(hostile_report, "html", annotations=annotations))
    rows = tree.xpath('//table[@class="pairs"]/tbody/tr')
    assert [r.get("class").split()[1] for r in rows] == ["paraphrased", "shared", "unique", "shared",
                                                         "unique", "shared", "unique", "unique"]
    first_a, first_b = rows[0].xpath("./td")
    assert first_a.xpath(".//mark[contains(@class,'fact')]/text()") == ["5"]
    assert first_b.xpath(".//mark[contains(@class,'diff')]/text()") == ["7"]
    assert "altered" in rows[0].xpath("./th")[0].text_content()
    assert "moved" in rows[5].text_content() and "B ¶1, passage 2" in rows[5].text_content()
    assert rows[2].xpath("./td")[0].get("class") == "gap"
    fact_rows = tree.xpath('//table[@class="facts"]/tbody/tr')
    assert len(fact_rows) == 1
    cells = [td.text_content() for td in fact_rows[0].xpath("./td")]
    assert cells[:5] == ["F1", "number", "alarm", "5", "7"] and len(cells) == 6   # no verdict per fact
    review = [td.text_content() for td in tree.xpath('//section[@id="review"]//tbody/tr/td')]
    assert review == ["1", "altered", "<script>x</script> checked with source", "F1"]
    # legend, summary bars, unique lists and provenance are all present
    assert tree.xpath('//section[@id="legend"]//span[contains(@class,"sw")]')
    assert len(tree.xpath('//div[@class="bar"]')) == 2
    uniques = tree.get_element_by_id("unique").text_content()
    assert "1. Only in A, this sentence stands alone." in uniques and "Only in B, a new claim" in uniques
    for word in ("sha256", "settings", "paraphrase_threshold", "created", "2025-12-03T10:05:00+00:00"):
        assert word in tree.get_element_by_id("provenance").text_content()


def test_every_segment_of_the_seed_pair_is_shown_once(seed_report):
    _, tree = parse(render(seed_report, "html"))
    for side, doc in (("a", seed_report.documents[0]), ("b", seed_report.documents[1])):
        ids = [el.get("id") for el in tree.xpath('//table[@class="pairs"]//span[@class="seg"]')
               if el.get("id").startswith(side)]
        assert sorted(ids) == sorted(f"{side}{i}" for i in range(len(doc.segments)))
        for i, seg in enumerate(doc.segments):
            shown = tree.get_element_by_id(f"{side}{i}").text_content()
            assert shown == doc.text[seg.start:seg.end].strip()


def test_same_inputs_give_the_same_bytes(seed_pair, seed_report):
    from synopsis.core import Settings, compare, load

    again = compare(load(str(seed_pair[0])), load(str(seed_pair[1])), Settings())
    again.created = seed_report.created
    for fmt in ("html", "csv", "markdown", "json"):
        if fmt == "json":
            again.timings = seed_report.timings
        assert render(again, fmt) == render(seed_report, fmt), fmt


@pytest.fixture(scope="module")
def shots(tmp_path_factory, seed_report):
    """The seed pair's HTML as chromium draws it."""
    tmp = tmp_path_factory.mktemp("html")
    page = tmp / "seed.html"
    page.write_bytes(render(seed_report, "html"))
    return page, browser.screenshot(page, tmp / "seed.png")


def test_chromium_draws_a_non_trivial_page(shots):
    _, png = shots
    image = QImage(str(png))
    assert image.width() == 1280 and image.height() == 2000
    colours = {image.pixel(x, y) for x in range(0, 1280, 16) for y in range(0, 2000, 16)}
    assert len(colours) > 20  # text, the class tints, bars — not a blank or error page
    # the shared blue of the summary bar is drawn somewhere near the top
    blues = sum(1 for x in range(0, 1280, 4) for y in range(0, 2000, 4)
                if image.pixelColor(x, y).name() == "#0072b2")
    assert blues > 50


def probe_page(page, tmp, width):
    """Load the page with a probe script that records where the first pair's two cells are."""
    probe = tmp / f"probe-{width}.html"
    script = ('<script>var c=document.querySelectorAll("tr.row td.txt");'
              'var r0=c[0].getBoundingClientRect(),r1=c[1].getBoundingClientRect();'
              'document.body.setAttribute("data-probe",[r0.left,r0.top,r1.left,r1.top].join(","));</script>')
    probe.write_text(page.read_text(encoding="utf-8").replace("</body>", script + "</body>"), encoding="utf-8")
    dom = browser.dump_dom(probe, tmp, width)
    found = re.search(r'data-probe="([^"]+)"', dom)
    assert found, dom[-300:]
    return [float(v) for v in found.group(1).split(",")]


def test_columns_side_by_side_on_a_desk_and_stacked_on_a_phone(hostile_report, tmp_path):
    page = tmp_path / "hostile.html"
    page.write_bytes(render(hostile_report, "html"))
    ax, ay, bx, by = probe_page(page, tmp_path, 1280)
    assert bx > ax + 300 and abs(ay - by) < 1
    ax, ay, bx, by = probe_page(page, tmp_path, 420)
    assert abs(ax - bx) < 1 and by > ay


def test_hostile_page_runs_no_script_in_chromium(hostile_report, tmp_path):
    page = tmp_path / "hostile.html"
    page.write_bytes(render(hostile_report, "html"))
    dom = browser.dump_dom(page, tmp_path)
    assert "PWNED" not in re.search(r"<title>(.*?)</title>", dom, re.S).group(1)
    assert "data-pwned" not in re.search(r"<body[^>]*>", dom).group(0)
