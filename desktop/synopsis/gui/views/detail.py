"""The selected pair in detail: word-level differences and the facts that changed."""
from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser

from ...core.model import Link, Report
from .. import theme as themes

_KINDS = {"number": "number", "date": "date", "name": "name", "quote": "quote",
          "attribution": "attribution", "negation": "negation"}


def marked_html(text: str, start: int, end: int, spans: list[tuple[int, int]], style: str) -> str:
    """``text[start:end]`` escaped, with each span of ``spans`` wrapped in a styled <span>."""
    out, pos = [], start
    for s, e in sorted(spans):
        s, e = max(s, pos), min(e, end)
        if e <= s:
            continue
        out.append(html.escape(text[pos:s]))
        out.append(f'<span style="{style}">{html.escape(text[s:e])}</span>')
        pos = e
    out.append(html.escape(text[pos:end]))
    return "".join(out)


class DetailPanel(QTextBrowser):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.theme = themes.LIGHT
        self.setOpenLinks(False)
        self.show_nothing()

    def show_nothing(self) -> None:
        self.setHtml("<p><i>" + html.escape(self.tr(
            "Click a passage or a pair to see its word-level differences and changed facts.")) + "</i></p>")

    def show_unique(self, report: Report, side: int, seg: int) -> None:
        doc = report.documents[side]
        letter = "A" if side == 0 else "B"
        self.setHtml(f"<p><b>{html.escape(self.tr('Unique to %1').replace('%1', letter))}</b></p>"
                     f"<p>{html.escape(doc.segment_text(seg))}</p>")

    def show_link(self, report: Report, link: Link) -> None:
        ta, tb = report.documents[0].text, report.documents[1].text
        dels = [(e.a.start, e.a.end) for e in link.edits if e.a is not None]
        ins = [(e.b.start, e.b.end) for e in link.edits if e.b is not None]
        del_style = f"color:{self.theme.delete}; text-decoration: line-through;"
        ins_style = f"color:{self.theme.insert}; text-decoration: underline; font-weight:bold;"

        def passage(text, doc, ids, spans, style):
            return " ".join(marked_html(text, doc.segments[i].start, doc.segments[i].end, spans, style)
                            for i in ids if 0 <= i < len(doc.segments))

        names = {"shared": self.tr("shared"), "paraphrased": self.tr("paraphrased")}
        head = self.tr("%1 pair, score %2").replace("%1", names.get(link.label, link.label)) \
            .replace("%2", f"{link.score:.2f}")
        if link.same_words is not None:
            head += " · " + self.tr("%1 same words").replace("%1", f"{link.same_words:.0%}")
        flags = []
        if link.moved:
            flags.append(self.tr("moved"))
        if link.origin == "manual":
            flags.append(self.tr("set by hand"))
        parts = [f"<p><b>{html.escape(head)}</b>"
                 + (f" — {html.escape(', '.join(flags))}" if flags else "") + "</p>"]
        # the changed facts first: what a fact-checker reads the pair for
        if link.facts:
            severity = {3: self.tr("alarm"), 2: self.tr("check"), 1: self.tr("note")}
            rows = "".join(
                f"<tr><td>{'⚠ ' if f.severity >= 3 else ''}{html.escape(severity.get(f.severity, str(f.severity)))}</td>"
                f"<td>{html.escape(self.tr(_KINDS.get(f.kind, f.kind)))}</td>"
                f"<td>{html.escape(f.a.slice(ta)) if f.a else '—'}</td>"
                f"<td>{html.escape(f.b.slice(tb)) if f.b else '—'}</td>"
                f"<td>{html.escape(f.note)}</td></tr>" for f in link.facts)
            parts.append(f"<p><b>{html.escape(self.tr('Changed facts'))}</b></p>"
                         f"<table border='1' cellspacing='0' cellpadding='3'><tr><th>{html.escape(self.tr('severity'))}</th>"
                         f"<th>{html.escape(self.tr('kind'))}</th><th>A</th><th>B</th>"
                         f"<th>{html.escape(self.tr('note'))}</th></tr>{rows}</table>")
        else:
            parts.append(f"<p><i>{html.escape(self.tr('No changed facts found in this pair.'))}</i></p>")
        parts += [f"<p><b>A</b> {passage(ta, report.documents[0], link.a, dels, del_style)}</p>",
                  f"<p><b>B</b> {passage(tb, report.documents[1], link.b, ins, ins_style)}</p>"]
        self.setHtml("".join(parts))
