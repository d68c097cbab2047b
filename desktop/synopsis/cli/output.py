"""Readable terminal output for a report: summary, pairs, unique passages, changed facts.

Every piece of document text goes through :func:`~synopsis.cli.terminal.visible_line` before
colour is put around it, so an article cannot send escape sequences to the terminal.
"""
from __future__ import annotations

import click

from ..core.model import Report
from .terminal import visible_line

CLASS_COLOURS = {"shared": "blue", "paraphrased": "yellow", "unique": "magenta"}


def _clip(text: str, width: int) -> str:
    text = visible_line(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def render_summary(report: Report, *, width: int = 100) -> str:
    """The report as plain lines; colour is added by click.style where the terminal supports it."""
    out: list[str] = []
    doc_a, doc_b = report.documents
    out.append(click.style("Synopsis comparison", bold=True))
    for n, doc in enumerate(report.documents):
        s = report.summary(n)
        out.append(f"  {'AB'[n]}: {visible_line(doc.title)}  ({visible_line(doc.source)}, "
                   f"{visible_line(doc.language or '?')}, "
                   f"{len(doc.segments)} passages)")
        out.append("     " + "   ".join(click.style(f"{k} {s[k] * 100:5.1f}%", fg=CLASS_COLOURS[k])
                                        for k in ("shared", "paraphrased", "unique")))
    counts = {"shared": 0, "paraphrased": 0}
    for link in report.links:
        counts[link.label] = counts.get(link.label, 0) + 1
    out.append(f"  {len(report.links)} aligned pairs: {counts['shared']} shared, "
               f"{counts['paraphrased']} paraphrased; "
               f"{sum(1 for link in report.links if link.moved)} moved")
    out.append("")
    out.append(click.style("Aligned pairs", bold=True))
    seg_w = max(20, (width - 24) // 2)
    for link in report.links:
        ta = " ".join(doc_a.text[doc_a.segments[i].start:doc_a.segments[i].end] for i in link.a)
        tb = " ".join(doc_b.text[doc_b.segments[i].start:doc_b.segments[i].end] for i in link.b)
        flag = " moved" if link.moved else ""
        nfacts = f" {len(link.facts)} fact(s)" if link.facts else ""
        ids = f"A{','.join(map(str, link.a))}↔B{','.join(map(str, link.b))}"
        wording = f" · {link.same_words:4.0%} same words" if link.same_words is not None else ""
        out.append(click.style(f"  [{link.label:<11} {link.score:.2f}{wording}]", fg=CLASS_COLOURS[link.label])
                   + f" {ids}{flag}{nfacts}")
        out.append(f"      A: {_clip(ta, seg_w * 2)}")
        out.append(f"      B: {_clip(tb, seg_w * 2)}")
    for n, doc in enumerate(report.documents):
        uniq = report.unique_segments(n)
        out.append("")
        out.append(click.style(f"Only in {'AB'[n]} ({len(uniq)} passages)", bold=True))
        for sid in uniq:
            seg = doc.segments[sid]
            tag = f" ({seg.kind})" if seg.is_debris else ""
            out.append(click.style(f"  {'AB'[n]}{sid}{tag}: ", fg=CLASS_COLOURS["unique"])
                       + _clip(doc.text[seg.start:seg.end], width - 10))
    facts = [(link, fact) for link in report.links for fact in link.facts]
    if facts:
        out.append("")
        out.append(click.style(f"Changed facts ({len(facts)})", bold=True))
        facts.sort(key=lambda lf: -lf[1].severity)
        for link, fact in facts:
            a = fact.a.slice(doc_a.text) if fact.a else "—"
            b = fact.b.slice(doc_b.text) if fact.b else "—"
            out.append(f"  [{fact.kind}] A{link.a[0]}↔B{link.b[0]}: “{_clip(a, 60)}” → “{_clip(b, 60)}”"
                       + (f"  ({visible_line(fact.note)})" if fact.note else ""))
    return "\n".join(out)
