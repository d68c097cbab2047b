"""Readable terminal text for a report and a collection (coloured with ``click.style``; the
text exports and a terminal without colour take it unstyled).

Article text may carry terminal escape sequences (an OSC sequence sets the window title or
writes the clipboard; a carriage return hides what came before it). Every piece of document
text goes through :func:`visible_line` (or :func:`visible`) before colour is put around it:
line breaks and tabs stay, every other control character is shown as a symbol (C0 and DEL as
their Unicode control pictures, ``␛`` for escape; C1 controls as ``\\x9b``), never obeyed.
"""
from __future__ import annotations

import re

import click

from ..core.collection import CollectionReport
from ..core.model import Link, Report
from ..core.vocab import display_name
from .collection_table import CUES, rows, source_names
from .layout import comparison_lines, contained_notes

CLASS_COLOURS = {"shared": "blue", "paraphrased": "yellow", "unique": "magenta"}
CELL_COLOURS = {"shared": "blue", "paraphrased": "yellow", "absent": None, "unique": "magenta"}
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")
_JSON_UNSAFE = re.compile("[\x7f-\x9f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return f"\\x{code:02x}"


def visible(text: object) -> str:
    """``text`` with every control character except newline and tab shown, not obeyed."""
    return _CONTROL.sub(_picture, str(text))


def visible_line(text: object) -> str:
    """:func:`visible` on one line: line breaks and tabs become spaces."""
    return visible(" ".join(str(text).split()))


def visible_json(text: str) -> str:
    """JSON text with DEL and the C1 controls written as ``\\u`` escapes (json.dumps escapes
    the C0 ones itself); still the same JSON."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def visible_bytes(data: bytes) -> bytes:
    """UTF-8 ``data`` with control characters shown (a report printed on a terminal)."""
    return visible(data.decode("utf-8", "replace")).encode("utf-8")


def _clip(text: str, width: int) -> str:
    text = visible_line(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def render_summary(report: Report, *, width: int = 100) -> str:
    """The report as plain lines; colour is added by click.style where the terminal supports it."""
    out: list[str] = []
    doc_a, doc_b = report.documents
    out.append(click.style("Synopsis comparison", bold=True))
    out.extend(f"  {visible_line(line)}" for line in comparison_lines(report))
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
        out.append(click.style(f"  [{_caption(link)}]", fg=CLASS_COLOURS[link.label]) + f" {ids}{flag}{nfacts}")
        out.append(f"      A: {_clip(ta, seg_w * 2)}")
        out.append(f"      B: {_clip(tb, seg_w * 2)}")
    notes = contained_notes(report, letter_ids=True)
    for n, doc in enumerate(report.documents):
        uniq = report.unique_segments(n)
        out.append("")
        out.append(click.style(f"Only in {'AB'[n]} ({len(uniq)} passages)", bold=True))
        for sid in uniq:
            seg = doc.segments[sid]
            tag = f" ({seg.kind})" if seg.is_debris else ""
            out.append(click.style(f"  {'AB'[n]}{sid}{tag}: ", fg=CLASS_COLOURS["unique"])
                       + _clip(doc.text[seg.start:seg.end], width - 10))
            if (n, sid) in notes:
                out.append(f"      {notes[(n, sid)]}")
    facts = [(link, fact) for link in report.links for fact in link.facts]
    if facts:
        out.append("")
        out.append(click.style(f"Changed facts ({len(facts)})", bold=True))
        facts.sort(key=lambda lf: -lf[1].severity)
        for link, fact in facts:
            a = fact.a.slice(doc_a.text) if fact.a else "—"
            b = fact.b.slice(doc_b.text) if fact.b else "—"
            out.append(f"  [{display_name(fact.kind)}] A{link.a[0]}↔B{link.b[0]}: “{_clip(a, 60)}” → “{_clip(b, 60)}”"
                       + (f"  ({visible_line(fact.note)})" if fact.note else ""))
    return "\n".join(out)


def _caption(link: Link) -> str:
    """A pair's class, score and share of same words; in a translation comparison its verdict
    and meaning score."""
    if link.translation:
        return f"{display_name(link.translation)} {link.score:.2f} meaning"
    wording = f" · {link.same_words:4.0%} same words" if link.same_words is not None else ""
    return f"{link.label:<11} {link.score:.2f}{wording}"


def render_collection(collection: CollectionReport, *, width: int = 100) -> str:
    """The claim matrix for a terminal: sources, similarity, then one line per statement."""
    names = source_names(collection)
    n = len(names)
    out = [click.style(f"Synopsis collection: {n} sources, {len(collection.statements)} statements", bold=True)]
    for k, doc in enumerate(collection.documents):
        published = doc.meta.get("published")
        out.append(f"  {k + 1}: {visible_line(names[k])}  ({visible_line(doc.source)}, {len(doc.segments)} passages"
                   + (f", published {visible_line(published)}" if published else "") + ")")
    out += ["", click.style("Similarity (share of the row's text found in the column's)", bold=True),
            "      " + "".join(f"{k + 1:>6}" for k in range(n))]
    for i in range(n):
        out.append(f"  {i + 1:>3} " + "".join("     —" if i == j else f"{collection.similarity(i, j):6.0%}"
                                              for j in range(n)))
    out += ["", click.style("Claim matrix (S shared, P paraphrased, U one source only, — absent; * reference, "
                            "† published first)", bold=True)]
    text_w = max(20, width - 12 - 3 * n)
    for row in rows(collection):
        s = row.statement
        cells = []
        for k, label in enumerate(row.cells):
            mark = "*" if k == s.reference and len(s.members) > 1 else ("†" if k == s.earliest else " ")
            cells.append(click.style(CUES[label], fg=CELL_COLOURS[label]) + mark + " ")
        text = visible_line(row.text)
        text = text if len(text) <= text_w else text[:text_w - 1] + "…"
        facts = f" [{row.facts} fact(s)]" if row.facts else ""
        out.append(f"  {s.id:>4} " + "".join(cells) + text + facts)
    return "\n".join(out)
