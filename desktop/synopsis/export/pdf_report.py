"""The report as an A4 PDF: the HTML report's content painted page by page with Qt.

Cells are laid out once with ``QTextLayout`` and painted onto a ``QPdfWriter`` (see
:mod:`.pdf_canvas`), which embeds the fonts and keeps the text selectable. Besides colour, every
class has a second cue that survives greyscale printing: a solid, hatched or dotted stripe and
its symbol and name in each row (■ shared, ▨ paraphrased, ○ unique); differing words are
underlined on yellow, changed facts bold. PySide6 is imported only inside :func:`render`, so
the rest of the export layer (and the CLI) stays free of Qt.

The bytes depend only on the report: the creation date and document id Qt would take from the
clock and a random UUID are derived from ``report.created`` and the documents' hashes.

Not tagged: Qt's PDF writer (``QPdfWriter``, Qt 6.11) writes no structure tree, so a screen
reader gets the selectable text and the document title but no headings or table cells; the HTML
report is the accessible one.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..core.model import LABELS, Document, Report
from ..core.vocab import display_name
from . import layout
from ..palette import TINT_LIGHT
from .html_style import FACT, PARAPHRASED, SHARED, UNIQUE

TINT = TINT_LIGHT
SOLID = {"shared": SHARED, "paraphrased": PARAPHRASED, "unique": UNIQUE}
SYMBOL = {"shared": "■", "paraphrased": "▨", "unique": "○"}
DIFF_STYLE = {"underline": True, "background": "#f7f0a8"}
FACT_STYLE = {"bold": True, "color": FACT}
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


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


# -- deterministic bytes ----------------------------------------------------------------------
def created_time(report: Report) -> datetime:
    """``report.created`` in UTC; the epoch when it is missing or unreadable."""
    try:
        when = datetime.fromisoformat(report.created.replace("Z", "+00:00"))
    except (AttributeError, ValueError):
        return EPOCH
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC)


def document_id(report: Report) -> uuid.UUID:
    """A UUID that names the report's content: same sources, settings and time → same id."""
    key = json.dumps([[d.sha256 for d in report.documents], report.created, len(report.links),
                      layout.provenance(report)["settings"]], sort_keys=True, default=str)
    return uuid.uuid5(uuid.NAMESPACE_URL, "synopsis-report:" + hashlib.sha256(key.encode()).hexdigest())


_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}Z\)")
_XMP_DATE = re.compile(rb'(xmp:(?:CreateDate|ModifyDate|MetadataDate)=")\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00"')


def stamp_dates(data: bytes, when: datetime) -> bytes:
    """Replace the writing time Qt put in the PDF by ``when``.

    The replacements have exactly the length of what they replace, so the cross-reference
    table's byte offsets stay right.
    """
    when = when.astimezone(UTC)
    stamp = when.strftime("%Y%m%d%H%M%S").encode()
    data = _PDF_DATE.sub(lambda m: b"/" + m.group(1) + b" (D:" + stamp + b"Z)", data)
    return _XMP_DATE.sub(lambda m: m.group(1) + when.strftime("%Y-%m-%dT%H:%M:%S+00:00").encode() + b'"', data)


# -- content ----------------------------------------------------------------------------------
def styled_passage(doc: Document, ids: list[int], marks: list[layout.Mark]
                   ) -> tuple[str, list[tuple[int, int, frozenset[str]]]]:
    """Segments stripped and joined by a space, and the marked ranges as offsets into that string.

    ``text[start:end]`` of every range is exactly the document text the mark covers there.
    """
    pieces: list[str] = []
    ranges: list[tuple[int, int, frozenset[str]]] = []
    at = 0
    for n, sid in enumerate(ids):
        seg = doc.segments[sid]
        start, end = seg.start, seg.end
        while start < end and doc.text[start].isspace():
            start += 1
        while end > start and doc.text[end - 1].isspace():
            end -= 1
        if n:
            pieces.append(" ")
            at += 1
        for piece, classes in layout.runs(doc.text, start, end, marks):
            if classes:
                ranges.append((at, at + len(piece), classes))
            pieces.append(piece)
            at += len(piece)
    return "".join(pieces), ranges


class _Builder:
    def __init__(self, canvas, report: Report, annotations: dict[str, Any] | None) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QBrush, QColor, QTransform

        from .pdf_canvas import Cell, Text, make_font

        self.c, self.report, self.annotations = canvas, report, annotations
        self.Cell, self.Text = Cell, Text
        self.body = make_font(8.5)
        self.bold = make_font(8.5, bold=True)
        self.small = make_font(7.5)
        self.small_bold = make_font(7.5, bold=True)
        self.italic = make_font(8.5, italic=True)
        self.mono = make_font(7.5, family="DejaVu Sans Mono")
        self.names = [layout.document_name(d, "AB"[i]) for i, d in enumerate(report.documents)]
        scale = QTransform.fromScale(6, 6)  # Qt's pattern cells are device pixels: make them visible

        def brush(colour, style):
            found = QBrush(QColor(colour), style)
            found.setTransform(scale)
            return found
        self.cue = {"shared": (SHARED, None), "paraphrased": (TINT["paraphrased"], brush(PARAPHRASED, Qt.BrushStyle.BDiagPattern)),
                    "unique": (TINT["unique"], brush(UNIQUE, Qt.BrushStyle.Dense5Pattern))}

    def t(self, text: str, font=None, styles=None, color: str = "#1a1a1a"):
        return self.Text(text, font or self.body, styles or [], color)

    def cell(self, *parts, fill=None, pattern=None):
        return self.Cell(list(parts), fill, pattern)

    def cue_cell(self, label: str):
        fill, pattern = self.cue[label]
        return self.Cell([self.t("", self.small)], fill, pattern)

    def widths(self, *fractions: float) -> list[float]:
        return [self.c.width * f for f in fractions]

    def header_row(self, titles: list[str], widths: list[float]) -> None:
        self.c.row([self.cell(self.t(title, self.small_bold, color="#ffffff"), fill="#333333")
                    for title in titles], widths)

    def table(self, titles: list[str], widths: list[float]):
        """Print a header row now and on every new page until the next section."""
        self.header_row(titles, widths)
        self.c.on_new_page = lambda: self.header_row(titles, widths)

    def end_table(self) -> None:
        self.c.on_new_page = None

    # -- sections ------------------------------------------------------------------------
    def title(self) -> None:
        c = self.c
        c.paragraph(self.t("Synopsis comparison", _font(16, bold=True)), space_after=c.pt(4))
        for name, doc in zip(self.names, self.report.documents):
            c.paragraph(self.t(name, self.bold))
            byline = layout.byline(doc)
            if byline:
                c.paragraph(self.t(byline, self.body, color="#444444"))
            c.paragraph(self.t(doc.source, self.small, color="#555555"), space_after=c.pt(3))

    def summary(self, all_rows, fact_rows) -> None:
        c = self.c
        c.heading("Summary")
        for i, name in enumerate(self.names):
            share = self.report.summary(i)
            bar = [lab for lab in LABELS if share[lab] > 0]
            bar_width = 0.36
            cells = [self.cell(self.t(name, self.bold))]
            widths = [c.width * 0.28]
            for lab in bar:
                cells.append(self.cue_cell(lab))
                widths.append(c.width * bar_width * share[lab])
            words = " · ".join(f"{SYMBOL[lab]} {share[lab]:.1%} {lab}" for lab in LABELS)
            cells.append(self.cell(self.t(words)))
            widths.append(c.width * (1 - 0.28 - bar_width))
            c.row(cells, widths, rule=False)
            c.y += c.pt(2)
        moved = sum(1 for link in self.report.links if link.moved)
        c.paragraph(self.t(f"{len(self.report.links)} aligned pairs ({moved} moved); "
                           f"{sum(1 for r in all_rows if r.side == 'a')} passages only in A, "
                           f"{sum(1 for r in all_rows if r.side == 'b')} only in B; "
                           f"{len(fact_rows)} changed facts; {len(self.report.repeats)} groups of repeated passages."),
                    space_before=c.pt(3), space_after=c.pt(4))

    def legend(self) -> None:
        c = self.c
        cells, widths = [], []
        for lab, what in (("shared", "the same words"), ("paraphrased", "the same statement reworded"),
                          ("unique", "in one source only")):
            cells += [self.cue_cell(lab), self.cell(self.t(f"{SYMBOL[lab]} {lab} — {what}", self.small),
                                                    fill=TINT[lab])]
            widths += [c.pt(10), c.width / 3 - c.pt(10)]
        c.row(cells, widths, rule=False)
        text = "underlined = words differ within a pair;   bold = changed fact, listed as F1, F2 …"
        first, second = text.index("underlined"), text.index("bold")
        c.paragraph(self.t(text, self.small, [(first, first + 10, DIFF_STYLE), (second, second + 4, FACT_STYLE)]),
                    space_before=c.pt(3))

    def facts(self, fact_rows) -> None:
        c = self.c
        c.heading("Changed facts")
        if not fact_rows:
            c.paragraph(self.t("No changed facts were found in the aligned pairs."))
            return
        c.paragraph(self.t("Most severe first; each pair's verdict and note are under Your review.", self.small),
                    space_after=c.pt(2))
        widths = self.widths(0.06, 0.11, 0.08, 0.22, 0.22, 0.31)
        self.table(["#", "kind", "severity", "A", "B", "note"], widths)
        for fr in fact_rows:
            cells = [self.cell(self.t(f"F{fr.number}", self.bold)),
                     self.cell(self.t(display_name(fr.fact.kind))),
                     self.cell(self.t(str(display_name(fr.fact.severity)))),
                     self.cell(self.t(fr.a_text) if fr.a_text else self.t("absent", self.italic)),
                     self.cell(self.t(fr.b_text) if fr.b_text else self.t("absent", self.italic)),
                     self.cell(self.t(fr.fact.note))]
            c.row(cells, widths)
        self.end_table()

    def glance(self, fact_rows, review_rows) -> None:
        """The severities and the review, before anything else."""
        c = self.c
        counts = ", ".join(f"{n} {name}" for _sev, name, n in layout.severity_counts(fact_rows))
        review = (f"{len(review_rows)} pairs reviewed ("
                  + ", ".join(f"{n} {v}" for v, n in layout.review_counts(review_rows)) + ")"
                  if review_rows else "no verdicts or notes yet")
        c.paragraph(self.t(f"At a glance: {counts} changed facts; {review}.", self.bold),
                    space_before=c.pt(2), space_after=c.pt(4))

    def review(self, review_rows) -> None:
        c = self.c
        c.heading("Your review")
        if not review_rows:
            c.paragraph(self.t("No verdicts or notes yet."))
            return
        widths = self.widths(0.08, 0.16, 0.6, 0.16)
        self.table(["pair", "verdict", "note", "changed facts"], widths)
        for r in review_rows:
            c.row([self.cell(self.t(str(r.number), self.bold)),
                   self.cell(self.t(r.verdict) if r.verdict else self.t("none", self.italic)),
                   self.cell(self.t(r.note)),
                   self.cell(self.t(" ".join(f"F{n}" for n in r.facts)))], widths)
        self.end_table()

    def _passage(self, doc_index: int, ids: list[int], link, side: str):
        text, ranges = styled_passage(self.report.documents[doc_index], ids, layout.marks_for(link, side))
        styles = []
        for start, end, classes in ranges:
            style: dict = {}
            if "diff" in classes:
                style.update(DIFF_STYLE)
            if "fact" in classes:
                style.update(FACT_STYLE)
            styles.append((start, end, style))
        return self.t(text, self.body, styles)

    def pairs(self, all_rows, fact_rows) -> None:
        c = self.c
        c.heading("Side by side")
        widths = [c.pt(5)] + self.widths(0.13, 0.435, 0.435)
        widths[1] -= widths[0]
        self.table(["", "passage", self.names[0], self.names[1]], widths)
        facts_by_link: dict[int, list[int]] = {}
        for fr in fact_rows:
            facts_by_link.setdefault(fr.link_index, []).append(fr.number)
        for number, row in enumerate(all_rows, 1):
            link = row.link
            meta = [self.t(f"{number}  {SYMBOL[row.label]} {row.label}", self.small_bold)]
            if link is not None:
                meta.append(self.t(f"score {link.score:.2f}", self.small))
                if link.moved:
                    meta.append(self.t("moved", self.small_bold))
                verdict = layout.verdict_for(self.annotations, link)
                if verdict:
                    if verdict.get("verdict"):
                        meta.append(self.t(str(verdict["verdict"]), self.small_bold))
                    if verdict.get("note"):
                        meta.append(self.t(str(verdict["note"]), _font(7.5, italic=True)))
                if row.link_index in facts_by_link:
                    meta.append(self.t(" ".join(f"F{n}" for n in facts_by_link[row.link_index]),
                                       self.small_bold, color=FACT))
            if row.debris:
                meta.append(self.t(f"{row.debris} (scraping debris)", _font(7.5, italic=True)))
            cells = [self.cue_cell(row.label), self.cell(*meta, fill=TINT[row.label])]
            for side, doc_index, ids in (("a", 0, row.a), ("b", 1, row.b)):
                if not ids:
                    cells.append(self.cell(self.t(f"not in {'AB'[doc_index]}", self.italic, color="#777777")))
                    continue
                parts = [self._passage(doc_index, ids, link, side)]
                if side == "b" and link is not None and link.moved:
                    parts.insert(0, self.t(f"moved: {layout.b_position(self.report, link)}", self.italic))
                cells.append(self.cell(*parts, fill=TINT[row.label]))
            c.row(cells, widths)
        self.end_table()

    def uniques(self, all_rows) -> None:
        c = self.c
        c.heading("Passages in one source only")
        widths = self.widths(0.08, 0.92)
        for side, doc_index in (("a", 0), ("b", 1)):
            items = [r for r in all_rows if r.side == side and not r.debris]
            c.paragraph(self.t(f"{self.names[doc_index]} ({len(items)})", self.bold),
                        space_before=c.pt(4), space_after=c.pt(2))
            if not items:
                c.paragraph(self.t("None."))
            doc = self.report.documents[doc_index]
            for r in items:
                sid = (r.a or r.b)[0]
                c.row([self.cell(self.t(f"{sid + 1}.", self.small)),
                       self.cell(self.t(doc.segment_text(sid).strip()))], widths)

    def repeats(self) -> None:
        c = self.c
        c.heading("Repeated passages")
        groups = layout.repeats(self.report)
        if not groups:
            c.paragraph(self.t("No passage occurs more than once inside either document."))
            return
        c.paragraph(self.t("Passages that occur more than once inside one document (often a scraping "
                           "artefact); numbers are passage positions in that document."), space_after=c.pt(3))
        widths = self.widths(0.08, 0.92)
        for group in groups:
            head = self.t(f"{group.name} — passages {layout.passage_numbers(group.segments)} ({group.label})",
                          self.bold)
            body = [self.t(f"{sid + 1}: {text}") for sid, text in zip(group.segments, group.texts)]
            c.row([self.cell(self.t(f"R{group.number}", self.bold)), self.cell(head, *body)], widths)

    def provenance(self) -> None:
        c = self.c
        c.heading("Provenance")
        prov = layout.provenance(self.report)
        widths = self.widths(0.2, 0.8)
        for entry in prov["documents"]:
            c.row([self.cell(self.t(f"Document {entry['document']}", self.bold), fill="#dddddd"),
                   self.cell(self.t(""), fill="#dddddd")], widths)
            for key, value in entry.items():
                if key == "document":
                    continue
                shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
                c.row([self.cell(self.t(key, self.small_bold)),
                       self.cell(self.t(shown, self.mono if key == "sha256" else self.body))], widths)
        settings = ", ".join(f"{k} = {json.dumps(v)}" for k, v in prov["settings"].items())
        for key, value in (("settings", settings), ("engine", prov["engine"]), ("created", prov["created"])):
            c.row([self.cell(self.t(key, self.small_bold)), self.cell(self.t(value))], widths)


def _font(size: float, bold: bool = False, italic: bool = False):
    from .pdf_canvas import make_font

    return make_font(size, bold=bold, italic=italic)


def render(report: Report, annotations: dict[str, Any] | None = None, **_: Any) -> bytes:
    _application()
    from .pdf_canvas import Canvas

    doc_a, doc_b = report.documents
    all_rows = layout.rows(report)
    fact_rows = layout.facts(report)
    with tempfile.TemporaryDirectory(prefix="synopsis-pdf-") as tmp:
        path = Path(tmp) / "report.pdf"
        canvas = Canvas(str(path), f"Synopsis: {doc_a.title or doc_a.source} vs {doc_b.title or doc_b.source}",
                        footer="Synopsis comparison", document_id=str(document_id(report)))
        try:
            build = _Builder(canvas, report, annotations)
            review_rows = layout.reviewed(report, annotations, all_rows, fact_rows)
            build.title()
            build.glance(fact_rows, review_rows)
            build.facts(fact_rows)
            build.review(review_rows)
            build.summary(all_rows, fact_rows)
            build.legend()
            build.pairs(all_rows, fact_rows)
            build.uniques(all_rows)
            build.repeats()
            build.provenance()
        finally:
            canvas.finish()
            # ending the painter writes the PDF trailer and closes the file
        return stamp_dates(path.read_bytes(), created_time(report))
