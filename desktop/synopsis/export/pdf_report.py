"""The report as an A4 PDF: the HTML report's content in Qt's rich-text subset, paginated.

Qt (``QTextDocument`` → ``QPdfWriter``) embeds the fonts and keeps the text selectable; it needs
a ``QGuiApplication``, created offscreen-capable here when none exists. PySide6 is imported
only inside :func:`render`, so the rest of the export layer (and the CLI) stays free of Qt.
Qt's HTML has no hatching, so the class cue besides colour is a symbol and the class name in
every row (■ shared, ▨ paraphrased, ○ unique), and differing words are underlined.
"""
from __future__ import annotations

import json
import os
import tempfile
from html import escape
from pathlib import Path
from typing import Any

from ..core.model import LABELS, Report
from . import layout
from .html_style import FACT, PARAPHRASED, SHARED, UNIQUE

TINT = {"shared": "#e3eff7", "paraphrased": "#fcefd6", "unique": "#f6e6ef"}
SOLID = {"shared": SHARED, "paraphrased": PARAPHRASED, "unique": UNIQUE}
# Qt lays out one long table much more slowly than several short ones (rows that cross a page
# are laid out again); short tables with the header repeated read the same on paper.
ROWS_PER_TABLE = 40
SYMBOL = {"shared": "■", "paraphrased": "▨", "unique": "○"}


def _e(value: Any) -> str:
    return escape(str(value), quote=True)


def _marked(text: str, start: int, end: int, marks: list[layout.Mark]) -> str:
    out = []
    for piece, classes in layout.runs(text, start, end, marks):
        piece = _e(piece)
        if "fact" in classes:
            piece = f'<b style="color:{FACT}">{piece}</b>'
        if "diff" in classes:
            piece = f'<u style="background-color:#f7f0a8">{piece}</u>'
        out.append(piece)
    return "".join(out)


def _cell(report: Report, doc_index: int, ids: list[int], link, side: str) -> str:
    doc = report.documents[doc_index]
    marks = layout.marks_for(link, side)
    parts = []
    for sid in ids:
        seg = doc.segments[sid]
        text = doc.text
        start, end = seg.start, seg.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        parts.append(_marked(text, start, end, marks).replace("\n", "<br>"))
    return " ".join(parts)


def build_html(report: Report, annotations: dict[str, Any] | None = None) -> str:
    """The simplified HTML Qt lays out (public for tests and for the GUI's print preview)."""
    doc_a, doc_b = report.documents
    names = [layout.display_name(doc_a, "A"), layout.display_name(doc_b, "B")]
    all_rows = layout.rows(report)
    fact_rows = layout.facts(report)
    h = ["<html><body>", "<h1>Synopsis comparison</h1>",
         f"<p>{_e(names[0])}<br>{_e(names[1])}</p>", "<h2>Summary</h2>",
         '<table cellspacing="0" cellpadding="3" width="100%">']
    for i, name in enumerate(names):
        share = report.summary(i)
        bar = "".join(f'<td width="{max(1, round(share[lab] * 100))}%" bgcolor="{SOLID[lab]}">&nbsp;</td>'
                      for lab in LABELS if share[lab] > 0)
        words = " · ".join(f"{SYMBOL[lab]} {share[lab]:.1%} {lab}" for lab in LABELS)
        h.append(f'<tr><td width="30%"><b>{_e(name)}</b></td><td width="35%">'
                 f'<table cellspacing="0" cellpadding="2" width="100%" border="1"><tr>{bar}</tr></table>'
                 f"</td><td>{_e(words)}</td></tr>")
    h.append("</table>")
    moved = sum(1 for link in report.links if link.moved)
    h.append(f"<p>{len(report.links)} aligned pairs ({moved} moved); "
             f"{sum(1 for r in all_rows if r.side == 'a')} passages only in A, "
             f"{sum(1 for r in all_rows if r.side == 'b')} only in B; {len(fact_rows)} changed facts.</p>")
    h.append("<p><b>Legend:</b> " + " &nbsp; ".join(
        f'<span style="background-color:{TINT[lab]}">&nbsp;{SYMBOL[lab]} {lab}&nbsp;</span>' for lab in LABELS)
        + ' &nbsp; <u style="background-color:#f7f0a8">underlined</u> = words differ within a pair'
        + f' &nbsp; <b style="color:{FACT}">bold</b> = changed fact [F<i>n</i>]</p>')

    h.append("<h2>Changed facts</h2>")
    if not fact_rows:
        h.append("<p>No changed facts were found in the aligned pairs.</p>")
    else:
        h.append('<table border="1" cellspacing="0" cellpadding="3" width="100%"><tr>'
                 "<th>#</th><th>kind</th><th>severity</th><th>A</th><th>B</th><th>note</th>"
                 + ("<th>verdict</th>" if annotations else "") + "</tr>")
        for fr in fact_rows:
            verdict = layout.verdict_for(annotations, fr.link) or {}
            h.append(f"<tr><td>F{fr.number}</td><td>{_e(fr.fact.kind)}</td>"
                     f"<td>{_e(layout.SEVERITY_NAMES.get(fr.fact.severity, fr.fact.severity))}</td>"
                     f"<td>{_e(fr.a_text) or '<i>absent</i>'}</td><td>{_e(fr.b_text) or '<i>absent</i>'}</td>"
                     f"<td>{_e(fr.fact.note)}</td>"
                     + (f"<td>{_e(verdict.get('verdict', ''))} {_e(verdict.get('note', ''))}</td>"
                        if annotations else "") + "</tr>")
        h.append("</table>")

    h.append("<h2>Side by side</h2>")
    table_head = ('<table border="1" cellspacing="0" cellpadding="4" width="100%">'
                  f'<thead><tr><th width="15%">passage</th><th width="42.5%">{_e(names[0])}</th>'
                  f'<th width="42.5%">{_e(names[1])}</th></tr></thead>')
    h.append(table_head)
    facts_by_link: dict[int, list[int]] = {}
    for fr in fact_rows:
        facts_by_link.setdefault(fr.link_index, []).append(fr.number)
    for number, row in enumerate(all_rows, 1):
        if number % ROWS_PER_TABLE == 0:
            h.append("</table>" + table_head)
        link = row.link
        meta = [f"{number}<br><b>{SYMBOL[row.label]} {row.label}</b>"]
        if link is not None:
            meta.append(f"score {link.score:.2f}")
            if link.moved:
                meta.append("<b>moved</b>")
            verdict = layout.verdict_for(annotations, link)
            if verdict:
                meta.append(f"<b>{_e(verdict.get('verdict', ''))}</b>"
                            + (f"<br><i>{_e(verdict['note'])}</i>" if verdict.get("note") else ""))
            if row.link_index in facts_by_link:
                meta.append(" ".join(f"F{n}" for n in facts_by_link[row.link_index]))
        if row.debris:
            meta.append(f"<i>{_e(row.debris)}</i>")
        cells = []
        for side, doc_index, ids in (("a", 0, row.a), ("b", 1, row.b)):
            if ids:
                body = _cell(report, doc_index, ids, link, side)
                if side == "b" and link is not None and link.moved:
                    body = f"<i>moved: {_e(layout.b_position(report, link))}</i><br>{body}"
                cells.append(f'<td bgcolor="{TINT[row.label]}">{body}</td>')
            else:
                cells.append('<td><i style="color:#777">not in ' + "AB"[doc_index] + "</i></td>")
        h.append(f'<tr><td bgcolor="{TINT[row.label]}">{"<br>".join(meta)}</td>{"".join(cells)}</tr>')
    h.append("</table>")

    prov = layout.provenance(report)
    h.append('<h2>Provenance</h2><table border="1" cellspacing="0" cellpadding="3" width="100%">')
    for entry in prov["documents"]:
        h.append(f'<tr><th colspan="2" bgcolor="#dddddd">Document {_e(entry["document"])}</th></tr>')
        for key, value in entry.items():
            if key != "document":
                shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
                h.append(f'<tr><td width="20%">{_e(key)}</td><td>{_e(shown)}</td></tr>')
    settings = ", ".join(f"{k} = {json.dumps(v)}" for k, v in prov["settings"].items())
    h.append(f'<tr><td>settings</td><td>{_e(settings)}</td></tr><tr><td>engine</td>'
             f'<td>{_e(prov["engine"])}</td></tr><tr><td>created</td><td>{_e(prov["created"])}</td></tr>')
    h.append("</table></body></html>")
    return "\n".join(h)


def _application():
    """The running Qt application, or a new one when there is none.

    A full QApplication, not a QGuiApplication: a process that later opens a window (the
    app, or a test session) cannot create widgets under a bare QGuiApplication.
    """
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        app = QApplication([])
    return app


def render(report: Report, annotations: dict[str, Any] | None = None, **_: Any) -> bytes:
    app = _application()
    from PySide6.QtCore import QMarginsF, QSizeF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    doc_a, doc_b = report.documents
    with tempfile.TemporaryDirectory(prefix="synopsis-pdf-") as tmp:
        path = Path(tmp) / "report.pdf"
        writer = QPdfWriter(str(path))
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                         QMarginsF(12, 12, 12, 14), QPageLayout.Unit.Millimeter))
        writer.setResolution(300)
        writer.setTitle(f"Synopsis: {doc_a.title or doc_a.source} vs {doc_b.title or doc_b.source}")
        writer.setCreator("Synopsis")
        document = QTextDocument()
        font = QFont("DejaVu Sans")
        font.setPointSizeF(8.5)
        # no ligatures: "Witkoff" copied out of the PDF must stay searchable, not "Witkoﬀ"
        for tag in ("liga", "clig"):
            font.setFeature(QFont.Tag(tag), 0)
        document.setDefaultFont(font)
        document.setDefaultStyleSheet("h1{font-size:16pt} h2{font-size:12pt} th{background-color:#333333;"
                                      "color:#ffffff}")
        document.setHtml(build_html(report, annotations))
        # the document lays out at the screen's logical DPI; print_ scales it to the writer's
        page = writer.pageLayout().paintRect(QPageLayout.Unit.Point)
        dpi = app.primaryScreen().logicalDotsPerInch() if app.primaryScreen() else 96.0
        document.setPageSize(QSizeF(page.width() * dpi / 72.0, page.height() * dpi / 72.0))
        document.print_(writer)
        del writer  # finishes the file
        return path.read_bytes()
