"""The selected pair in detail: the facts that changed, then the word-level differences.

It observes the comparison session (what is selected, the links, the theme and text size).
"""
from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser

from ...core.model import Link, Report
from ...core.vocab import display_name
from ...export import layout
from ..appearance import appearance


def marked_html(text: str, start: int, end: int, marks: list[layout.Mark], styles: dict[str, str]) -> str:
    """``text[start:end]`` escaped, each piece covered by marks (word differences, changed
    facts: they may overlap) wrapped in a <span> with the styles of its mark classes."""
    out = []
    for piece, classes in layout.runs(text, start, end, marks):
        style = " ".join(styles[c] for c in sorted(classes) if c in styles)
        out.append(f'<span style="{style}">{html.escape(piece)}</span>' if style else html.escape(piece))
    return "".join(out)


def _notices(report: Report) -> tuple[str, ...]:
    return report.comparison.notices if report.comparison is not None else ()


class DetailPanel(QTextBrowser):
    def __init__(self, session=None, parent=None) -> None:
        super().__init__(parent)
        self.theme = appearance().theme
        self.setOpenLinks(False)
        self.setAccessibleName(self.tr("Selected pair in detail"))
        self.setAccessibleDescription(self.tr("The changed facts of the selected pair, then both passages "
                                              "with the words that differ marked"))
        self.setTabChangesFocus(True)
        self.show_nothing()
        self.session = session
        appearance().changed.connect(self._appearance_changed)
        self._appearance_changed("font")
        if session is not None:
            session.selectionChanged.connect(self.refresh)
            session.reportChanged.connect(self.refresh)

    def _appearance_changed(self, what: str) -> None:
        if what == "theme":
            self.theme = appearance().theme
            self.refresh()
        else:
            self.setFont(appearance().zoomed(self.font()))
            self.document().setDefaultFont(self.font())
            self.refresh()

    def refresh(self) -> None:
        session = self.session
        if session is None or session.report is None:
            self.show_nothing()
            return
        notices = _notices(session.report)
        link, sel = session.current_pair(), session.selection
        if link is not None:
            self.show_link(session.report, link)
        elif sel.on(sel.side) and len(sel.on(sel.side)) == 1 and not sel.on(1 - sel.side):
            self.show_unique(session.report, sel.side, sel.on(sel.side)[0])
        else:
            self.show_nothing(notices)

    def show_nothing(self, notices: tuple[str, ...] = ()) -> None:
        """The empty state; with how the shown comparison fell short first (e.g. no model)."""
        warned = "".join(f"<p><b>⚠ {html.escape(notice)}</b></p>" for notice in notices)
        self.setHtml(warned + "<p><i>" + html.escape(self.tr(
            "Click a passage or a pair to see its word-level differences and changed facts.")) + "</i></p>")

    def show_unique(self, report: Report, side: int, seg: int) -> None:
        doc = report.documents[side]
        letter = "A" if side == 0 else "B"
        note = next((c for c in report.contained if (c.doc, c.segment) == (side, seg)), None)
        inside = "" if note is None else "<p><i>" + html.escape(
            self.tr("but %1 of its words are in %2's passage %3, which is linked")
            .replace("%1", f"{note.share:.0%}").replace("%2", "AB"[1 - side])
            .replace("%3", layout.passage_numbers(note.inside))) + "</i></p>"
        self.setHtml(f"<p><b>{html.escape(self.tr('Unique to %1').replace('%1', letter))}</b></p>"
                     f"<p>{html.escape(doc.segment_text(seg))}</p>{inside}")

    def show_link(self, report: Report, link: Link) -> None:
        ta, tb = report.documents[0].text, report.documents[1].text
        fact_style = f"background-color:{self.theme.fact};"
        styles_a = {"diff": f"color:{self.theme.delete}; text-decoration: line-through;", "fact": fact_style}
        styles_b = {"diff": f"color:{self.theme.insert}; text-decoration: underline; font-weight:bold;",
                    "fact": fact_style}

        def passage(text, doc, ids, side, styles):
            marks = layout.marks_for(link, side)
            return " ".join(marked_html(text, doc.segments[i].start, doc.segments[i].end, marks, styles)
                            for i in ids if 0 <= i < len(doc.segments))

        names = {"shared": self.tr("shared"), "paraphrased": self.tr("paraphrased")}
        if link.origin == "manual" and link.same_words is None:     # never scored: made by hand
            head = self.tr("%1 pair, linked by hand").replace("%1", names.get(link.label, link.label))
        elif link.translation:
            head = self.tr("%1, meaning score %2").replace("%1", layout.link_caption(link)) \
                .replace("%2", f"{link.score:.2f}")
        else:
            head = self.tr("%1 pair, score %2").replace("%1", names.get(link.label, link.label)) \
                .replace("%2", f"{link.score:.2f}")
        if link.same_words is not None and not link.translation:
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
            rows = "".join(
                f"<tr><td>{'⚠ ' if f.severity >= 3 else ''}{html.escape(self.tr(display_name(f.severity)))}</td>"
                f"<td>{html.escape(self.tr(display_name(f.kind)))}</td>"
                f"<td>{html.escape(f.a.slice(ta)) if f.a else '—'}</td>"
                f"<td>{html.escape(f.b.slice(tb)) if f.b else '—'}</td>"
                f"<td>{html.escape(f.note)}</td></tr>" for f in link.facts)
            parts.append(f"<p><b>{html.escape(self.tr('Changed facts'))}</b> "
                         f"<span style='{fact_style}'>{html.escape(self.tr('(marked in the passages below)'))}</span></p>"
                         f"<table border='1' cellspacing='0' cellpadding='3'><tr><th>{html.escape(self.tr('severity'))}</th>"
                         f"<th>{html.escape(self.tr('kind'))}</th><th>A</th><th>B</th>"
                         f"<th>{html.escape(self.tr('note'))}</th></tr>{rows}</table>")
        else:
            parts.append(f"<p><i>{html.escape(self.tr('No changed facts found in this pair.'))}</i></p>")
        parts += [f"<p><b>A</b> {passage(ta, report.documents[0], link.a, 'a', styles_a)}</p>",
                  f"<p><b>B</b> {passage(tb, report.documents[1], link.b, 'b', styles_b)}</p>"]
        self.setHtml("".join(parts))
