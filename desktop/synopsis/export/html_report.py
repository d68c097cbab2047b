"""The report as one self-contained HTML page: works offline, emailed, on a phone and on paper.

No external resources and no script: the stylesheet is inline, and every piece of article text,
title, source and note goes through :func:`html.escape`. Source URLs appear only as text in the
provenance block, never as a link or resource.
"""
from __future__ import annotations

import json
from html import escape
from typing import Any

from ..core.model import LABELS, Report
from ..core.vocab import display_name
from . import layout
from .html_style import CSS


def _e(value: Any) -> str:
    return escape(str(value), quote=True)


def marked_html(text: str, start: int, end: int, marks: list[layout.Mark],
                fact_numbers: dict[int, int] | None = None) -> str:
    """Escaped ``text[start:end]`` with ``<mark>`` elements for the given marks."""
    out = []
    for piece, classes in layout.runs(text, start, end, marks):
        if classes:
            names = " ".join(sorted(classes))
            title = {"diff": "differs from the other side", "fact": "changed fact"}
            tip = "; ".join(title[c] for c in sorted(classes) if c in title)
            out.append(f'<mark class="{names}" title="{tip}">{_e(piece)}</mark>')
        else:
            out.append(_e(piece))
    return "".join(out)


def _segment_html(report: Report, doc_index: int, seg_ids: list[int], link, side: str) -> str:
    doc = report.documents[doc_index]
    marks = layout.marks_for(link, side)
    parts = []
    for sid in seg_ids:
        seg = doc.segments[sid]
        start, end = seg.start, seg.end
        while start < end and doc.text[start].isspace():
            start += 1
        while end > start and doc.text[end - 1].isspace():
            end -= 1
        parts.append(f'<span class="seg" id="{side}{sid}">'
                     f"{marked_html(doc.text, start, end, marks)}</span>")
    return " ".join(parts)


def _fact_refs(fact_rows: list[layout.FactRow]) -> dict[int, str]:
    """Link index -> the F1, F2 … references shown after the pair's A passage."""
    refs: dict[int, str] = {}
    for fr in fact_rows:
        refs[fr.link_index] = refs.get(fr.link_index, "") + \
            f'<a href="#f{fr.number}"><sup class="fn">F{fr.number}</sup></a>'
    return refs


def _summary(report: Report, all_rows: list[layout.Row], fact_rows: list[layout.FactRow]) -> list[str]:
    h = ['<section id="summary"><h2>Summary</h2>']
    h += [f'<p class="comparison">{_e(line)}</p>' for line in layout.comparison_lines(report)]
    h.append('<table class="summary">')
    for i, doc in enumerate(report.documents):
        share = report.summary(i)
        bar = "".join(f'<span class="{lab}" style="width:{share[lab] * 100:.2f}%" '
                      f'title="{lab} {share[lab]:.1%}"></span>' for lab in LABELS if share[lab] > 0)
        words = " · ".join(f"{share[lab]:.1%} {lab}" for lab in LABELS)
        h.append(f'<tr><th scope="row">{_e(layout.document_name(doc, "AB"[i]))}</th>'
                 f'<td style="width:40%"><div class="bar" role="img" aria-label="{_e(words)}">{bar}</div></td>'
                 f"<td>{_e(words)}</td></tr>")
    h.append("</table>")
    counts = {lab: sum(1 for link in report.links if link.label == lab) for lab in ("shared", "paraphrased")}
    only_a = sum(1 for r in all_rows if r.side == "a")
    only_b = sum(1 for r in all_rows if r.side == "b")
    moved = sum(1 for link in report.links if link.moved)
    h.append(f'<p>{len(report.links)} aligned pairs ({counts["shared"]} shared, '
             f'{counts["paraphrased"]} paraphrased, {moved} moved); {only_a} passages only in A, '
             f"{only_b} only in B; {len(fact_rows)} changed facts.</p></section>")
    return h


LEGEND = """<section id="legend"><h2>How to read this report</h2><div class="legend">
<div><span class="sw shared"></span><b>shared</b>&nbsp;— the same words (solid bar)</div>
<div><span class="sw paraphrased"></span><b>paraphrased</b>&nbsp;— the same statement reworded (hatched, dashed bar)</div>
<div><span class="sw unique"></span><b>unique</b>&nbsp;— found in one source only (dotted bar)</div>
<div><mark class="diff">marked words</mark>&nbsp;— differ between the two sides of a pair</div>
<div><mark class="fact">boxed words</mark><sup class="fn">F1</sup>&nbsp;— a changed fact, listed below</div>
<div><span class="badge moved">moved</span>&nbsp;— the passage sits elsewhere in B</div>
</div></section>"""


def _glance(fact_rows: list[layout.FactRow], review_rows: list[layout.ReviewRow]) -> list[str]:
    """What an editor reads first: how many changed facts of each severity, and the review."""
    h = ['<section id="glance"><h2>At a glance</h2><ul class="glance"><li>Changed facts:</li>']
    for sev, name, count in layout.severity_counts(fact_rows):
        h.append(f'<li class="sev{sev}"><b>{count}</b> {_e(name)}</li>')
    if review_rows:
        words = ", ".join(f"{n} {_e(v)}" for v, n in layout.review_counts(review_rows))
        h.append(f'<li><b>{len(review_rows)}</b> pair{"" if len(review_rows) == 1 else "s"} reviewed '
                 f'({words}): <a href="#review">your review</a></li>')
    else:
        h.append("<li>No verdicts or notes yet.</li>")
    h.append("</ul></section>")
    return h


def _facts_table(report: Report, fact_rows: list[layout.FactRow]) -> list[str]:
    h = ['<section id="facts"><h2>Changed facts</h2>']
    if not fact_rows:
        h.append("<p>No changed facts were found in the aligned pairs.</p></section>")
        return h
    h.append('<p class="muted">Most severe first; the verdict and note of each pair are under '
             '<a href="#review">Your review</a> and beside the pair.</p>')
    h.append('<table class="facts"><thead><tr><th>#</th><th>kind</th><th>severity</th>'
             f'<th>{_e(layout.document_name(report.documents[0], "A"))}</th>'
             f'<th>{_e(layout.document_name(report.documents[1], "B"))}</th><th>note</th></tr></thead><tbody>')
    for fr in fact_rows:
        sev = fr.fact.severity
        h.append(f'<tr class="sev{sev}" id="f{fr.number}"><td data-h="#">'
                 f'<a href="#r{fr.link_index}">F{fr.number}</a></td>'
                 f'<td data-h="kind">{_e(display_name(fr.fact.kind))}</td>'
                 f'<td data-h="severity" class="sev">{_e(display_name(sev))}</td>'
                 f'<td data-h="A">{_e(fr.a_text) or "<i>absent</i>"}</td>'
                 f'<td data-h="B">{_e(fr.b_text) or "<i>absent</i>"}</td>'
                 f'<td data-h="note">{_e(fr.fact.note)}</td></tr>')
    h.append("</tbody></table></section>")
    return h


def _review(review_rows: list[layout.ReviewRow]) -> list[str]:
    """Each reviewed pair once: its verdict, its note and its changed facts."""
    h = ['<section id="review"><h2>Your review</h2>']
    if not review_rows:
        h.append("<p>No verdicts or notes yet.</p></section>")
        return h
    h.append('<table class="facts review"><thead><tr><th>pair</th><th>verdict</th><th>note</th>'
             "<th>changed facts</th></tr></thead><tbody>")
    for r in review_rows:
        facts = " ".join(f'<a href="#f{n}">F{n}</a>' for n in r.facts)
        h.append(f'<tr><td data-h="pair"><a href="#r{r.link_index}">{r.number}</a></td>'
                 f'<td data-h="verdict">{_e(r.verdict) or "<i>none</i>"}</td>'
                 f'<td data-h="note">{_e(r.note)}</td><td data-h="facts">{facts}</td></tr>')
    h.append("</tbody></table></section>")
    return h


def _pairs_table(report: Report, all_rows: list[layout.Row], fact_rows, annotations) -> list[str]:
    name_a = layout.document_name(report.documents[0], "A")
    name_b = layout.document_name(report.documents[1], "B")
    h = ['<section id="pairs"><h2>Side by side</h2>',
         '<table class="pairs"><colgroup><col class="meta"><col><col></colgroup>'
         f'<thead><tr><th>passage</th><th>{_e(name_a)}</th><th>{_e(name_b)}</th></tr></thead><tbody>']
    fact_refs = _fact_refs(fact_rows)
    notes = layout.contained_notes(report)
    for number, row in enumerate(all_rows, 1):
        link = row.link
        classes = f"row {row.label}" + (" debris" if row.debris else "")
        row_id = f"r{row.link_index}" if row.link_index is not None else f"u{row.side}{(row.a or row.b)[0]}"
        meta = [f'<span class="rowno">{number}</span>', f'<span class="badge {row.label}">{row.label}</span>']
        if link is not None:
            if link.translation:
                meta.append(f'<span class="badge translation">{_e(layout.link_caption(link))}</span>')
            meta.append(f'<span class="score">score {link.score:.2f}</span>')
            if link.moved:
                meta.append('<span class="badge moved">moved</span>')
            verdict = layout.verdict_for(annotations, link)
            if verdict:
                if verdict.get("verdict"):
                    meta.append(f'<span class="badge verdict">{_e(verdict["verdict"])}</span>')
                if verdict.get("note"):
                    meta.append(f'<span class="note">{_e(verdict["note"])}</span>')
        elif (note := notes.get((0, row.a[0]) if row.a else (1, row.b[0]))) is not None:
            meta.append(f'<span class="where">{_e(note)}</span>')
        if row.debris:
            meta.append(f'<span class="where">{_e(row.debris)} (scraping debris)</span>')
        refs = fact_refs.get(row.link_index, "") if row.link_index is not None else ""
        cells = []
        for side, doc_index, ids, name in (("a", 0, row.a, "A"), ("b", 1, row.b, "B")):
            if ids:
                body = _segment_html(report, doc_index, ids, link, side)
                if side == "b" and link is not None and link.moved:
                    body = f'<span class="where">moved: {_e(layout.b_position(report, link))}</span>' + body
                if side == "a" and refs:
                    body += refs
                cells.append(f'<td class="txt" data-side="{name}">{body}</td>')
            else:
                cells.append(f'<td class="gap">not in {name}</td>')
        h.append(f'<tr class="{classes}" id="{row_id}"><th scope="row">{"".join(meta)}</th>'
                 f'{"".join(cells)}</tr>')
    h.append("</tbody></table></section>")
    return h


def _uniques(report: Report, all_rows: list[layout.Row]) -> list[str]:
    h = ['<section id="unique"><h2>Passages in one source only</h2><div class="cols">']
    for side, doc_index in (("a", 0), ("b", 1)):
        doc = report.documents[doc_index]
        items = [r for r in all_rows if r.side == side and not r.debris]
        h.append(f"<div><h3>{_e(layout.document_name(doc, 'AB'[doc_index]))} ({len(items)})</h3>")
        if not items:
            h.append("<p>None.</p></div>")
            continue
        h.append('<ol class="uniques">')
        notes = layout.contained_notes(report)
        for r in items:
            sid = (r.a or r.b)[0]
            note = notes.get((doc_index, sid))
            extra = f'<br><small class="contained">{_e(note)}</small>' if note else ""
            h.append(f'<li><a href="#u{side}{sid}">{_e(doc.segment_text(sid).strip())}</a>{extra}</li>')
        h.append("</ol></div>")
    h.append("</div></section>")
    return h


def _doc_heading(doc, letter: str) -> str:
    """"A: title", then the outlet and publication date when the metadata has them."""
    byline = layout.byline(doc)
    return _e(layout.document_name(doc, letter)) + (f' <span class="byline muted">— {_e(byline)}</span>'
                                                   if byline else "")


def _repeats(report: Report) -> list[str]:
    groups = layout.repeats(report)
    h = ['<section id="repeats"><h2>Repeated passages</h2>']
    if not groups:
        h.append("<p>No passage occurs more than once inside either document.</p></section>")
        return h
    h.append('<p class="muted">Passages that occur more than once inside one document (often a '
             "scraping artefact); numbers are passage positions in that document.</p>")
    h.append('<ol class="repeats">')
    for group in groups:
        side = "ab"[group.doc_index]
        items = "".join(f'<li value="{sid + 1}"><a href="#{side}{sid}">{_e(text)}</a></li>'
                        for sid, text in zip(group.segments, group.texts))
        h.append(f'<li id="rep{group.number}" data-doc="{group.letter}"><b>{_e(group.name)}</b> — passages '
                 f'{_e(layout.passage_numbers(group.segments))} ({_e(group.label)})<ol>{items}</ol></li>')
    h.append("</ol></section>")
    return h


def _provenance(report: Report) -> list[str]:
    prov = layout.provenance(report)
    h = ['<section id="provenance"><h2>Provenance</h2><table class="prov"><tbody>']
    for entry in prov["documents"]:
        h.append(f'<tr><th colspan="2" style="background:#ddd">Document {_e(entry["document"])}</th></tr>')
        for key, value in entry.items():
            if key == "document":
                continue
            shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
            cls = ' class="hash"' if key == "sha256" else ""
            h.append(f"<tr><th>{_e(key)}</th><td{cls}>{_e(shown)}</td></tr>")
    settings = ", ".join(f"{k} = {json.dumps(v)}" for k, v in prov["settings"].items())
    h += ['<tr><th colspan="2" style="background:#ddd">Comparison</th></tr>',
          f"<tr><th>settings</th><td><code>{_e(settings)}</code></td></tr>",
          f"<tr><th>engine</th><td>{_e(prov['engine'])}</td></tr>",
          f"<tr><th>created</th><td>{_e(prov['created'])}</td></tr>",
          "</tbody></table></section>"]
    return h


def render(report: Report, annotations: dict[str, Any] | None = None, **_: Any) -> bytes:
    doc_a, doc_b = report.documents
    all_rows = layout.rows(report)
    fact_rows = layout.facts(report)
    title = f"Synopsis: {doc_a.title or doc_a.source} vs {doc_b.title or doc_b.source}"
    h = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
         '<meta name="viewport" content="width=device-width,initial-scale=1">',
         '<meta name="color-scheme" content="light">',
         f"<title>{_e(title)}</title><style>{CSS}</style></head><body>",
         "<header><h1>Synopsis comparison</h1>",
         '<p class="sub">' + "<br>".join(_doc_heading(doc, "AB"[i]) for i, doc in enumerate((doc_a, doc_b)))
         + "</p>",
         '<nav class="muted"><a href="#glance">At a glance</a> · <a href="#facts">Changed facts</a> · '
         '<a href="#review">Your review</a> · <a href="#summary">Summary</a> · '
         '<a href="#pairs">Side by side</a> · <a href="#unique">Unique passages</a> · '
         '<a href="#repeats">Repeated passages</a> · '
         '<a href="#provenance">Provenance</a></nav></header><main>']
    review_rows = layout.reviewed(report, annotations, all_rows, fact_rows)
    h += _glance(fact_rows, review_rows)
    h += _facts_table(report, fact_rows)
    h += _review(review_rows)
    h += _summary(report, all_rows, fact_rows)
    h.append(LEGEND)
    h += _pairs_table(report, all_rows, fact_rows, annotations)
    h += _uniques(report, all_rows)
    h += _repeats(report)
    h += _provenance(report)
    h.append(f"</main><footer>Made by {_e(layout.provenance(report)['engine'])}"
             f"{' on ' + _e(report.created) if report.created else ''}.</footer></body></html>")
    return ("\n".join(h) + "\n").encode("utf-8")
