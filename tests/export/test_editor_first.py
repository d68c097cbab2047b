"""Reports an editor reads first: severity at the top, facts by severity, each verdict and note
once per pair, notes kept in Markdown, and a page that fits a 390-pixel phone screen."""
from __future__ import annotations

import html
import re

import browser
import lxml.html
import pytest

from synopsis.export import layout, render


@pytest.fixture(scope="module")
def reviewed(seed_report):
    """The seed pair with a verdict and note on a pair of several facts, and a note alone."""
    many = next(l for l in seed_report.links if len(l.facts) >= 2)
    other = next(l for l in seed_report.links if l is not many)
    return {"verdicts": {layout.link_key(many): {"verdict": "misleading", "note": "ask the BBC desk",
                                                 "time": "2025-12-04T09:00:00+00:00"},
                         layout.link_key(other): {"verdict": "", "note": "call the ministry",
                                                  "time": "2025-12-04T09:05:00+00:00"}}}, many


def test_facts_come_most_severe_first(seed_report):
    facts = layout.facts(seed_report)
    severities = [f.fact.severity for f in facts]
    assert len(set(severities)) >= 2 and severities == sorted(severities, reverse=True)
    assert [f.number for f in facts] == list(range(1, len(facts) + 1))


def test_html_starts_with_the_severities_and_the_review(seed_report, reviewed):
    annotations, many = reviewed
    tree = lxml.html.fromstring(render(seed_report, "html", annotations=annotations))
    sections = [s.get("id") for s in tree.xpath("//main/section")]
    assert sections[:3] == ["glance", "facts", "review"]
    glance = tree.get_element_by_id("glance").text_content()
    counts = {sev: sum(1 for l in seed_report.links for f in l.facts if f.severity == sev) for sev in (3, 2, 1)}
    from synopsis.core.vocab import Severity, display_name

    for sev in Severity:
        assert f"{counts[sev]} {display_name(sev)}" in glance
    assert "2 pairs reviewed" in glance and "misleading" in glance and "note only" in glance
    rows = [tr.get("class") for tr in tree.xpath('//table[@class="facts"]/tbody/tr')]
    assert rows == sorted(rows, reverse=True)         # sev3 … sev1


def test_a_verdict_and_note_appear_once_per_pair(seed_report, reviewed):
    annotations, many = reviewed
    tree = lxml.html.fromstring(render(seed_report, "html", annotations=annotations))
    assert "ask the BBC desk" not in tree.get_element_by_id("facts").text_content()
    assert tree.get_element_by_id("review").text_content().count("ask the BBC desk") == 1
    index = seed_report.links.index(many)
    assert tree.get_element_by_id(f"r{index}").text_content().count("ask the BBC desk") == 1
    # a note without a verdict is shown as a note, with no verdict made up for it
    review = tree.get_element_by_id("review").text_content()
    assert "call the ministry" in review and "none" in review


def test_markdown_keeps_notes_with_and_without_a_verdict(seed_report, reviewed):
    annotations, _ = reviewed
    text = render(seed_report, "markdown", annotations=annotations).decode("utf-8")
    assert text.index("## Changed facts") < text.index("## Your review") < text.index("## Summary")
    assert "**At a glance:**" in text.split("## Changed facts")[0]
    assert "| misleading | ask the BBC desk |" in text
    assert "*Note:* call the ministry" in text and "| *none* | call the ministry |" in text
    assert text.count("ask the BBC desk") == 2         # the review table and its pair, not per fact


def _phone_probe(page_html: str, tmp, width: int = 390) -> tuple[int, int, str]:
    """Lay the page out in a ``width``-pixel frame in chromium: (content width, frame width, overflowing)."""
    wrapper = tmp / f"phone-{width}.html"
    wrapper.write_text(
        '<!DOCTYPE html><html><body style="margin:0">'
        f'<iframe id="f" style="width:{width}px;height:3000px;border:0" '
        f'srcdoc="{html.escape(page_html, quote=True)}"></iframe><script>'
        'var f=document.getElementById("f");f.onload=function(){var d=f.contentDocument;var w=[];'
        'd.querySelectorAll("body *").forEach(function(e){var r=e.getBoundingClientRect();'
        'if(r.right>d.documentElement.clientWidth+1)w.push(e.tagName+"."+e.className);});'
        'document.body.setAttribute("data-probe",[d.documentElement.scrollWidth,d.documentElement.clientWidth]'
        '.join(",")+"|"+w.slice(0,8).join(";"));};</script></body></html>', encoding="utf-8")
    dom = browser.dump_dom(wrapper, tmp, 800)
    found = re.search(r'data-probe="(\d+),(\d+)\|([^"]*)"', dom)
    assert found, dom[-300:]
    return int(found.group(1)), int(found.group(2)), found.group(3)


@pytest.mark.parametrize("which", ["seed", "hostile"])
def test_html_fits_a_390_pixel_phone_without_sideways_scrolling(which, seed_report, hostile_report, reviewed,
                                                               tmp_path):
    report = seed_report if which == "seed" else hostile_report
    page = render(report, "html", annotations=reviewed[0]).decode("utf-8")
    content, frame, overflowing = _phone_probe(page, tmp_path)
    assert content <= frame, overflowing
    wide, _, _ = _phone_probe(page, tmp_path, 1280)      # (the probe itself sees a desk-wide page)
    assert wide > 390


def test_pdf_puts_severities_and_review_first(seed_report, reviewed, tmp_path):
    import subprocess

    annotations, _ = reviewed
    out = tmp_path / "r.pdf"
    out.write_bytes(render(seed_report, "pdf", annotations=annotations))
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    text = " ".join(text.split())          # (a narrow cell wraps the note)
    assert text.index("At a glance") < text.index("Changed facts") < text.index("Your review") < text.index("Summary")
    assert text.count("ask the BBC desk") == 2          # the review table and its pair, not per fact
    assert "call the ministry" in text
