"""The report as Markdown, to paste into a fact-check draft: summary, changed facts, passages.

Article text is escaped so that it reads as written: Markdown and HTML syntax in it (``*``,
``_``, ``[``, ``<script>``, ``&amp;``, a leading ``#`` or ``1.``) is shown, not interpreted.
Words that differ inside a pair are in bold.
"""
from __future__ import annotations

import re
from typing import Any

from ..core.model import LABELS, Report
from ..core.vocab import display_name
from . import layout

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&])")
_SPACES = re.compile(r"\s+")
_LIST_NUMBER = re.compile(r"^(\s*\d+)([.)])")
_LIST_MARK = re.compile(r"^(\s*)([-=])")


def _line_start(text: str) -> str:
    """Stop a passage that begins like a list item or a heading underline from becoming one."""
    return _LIST_MARK.sub(r"\1\\\2", _LIST_NUMBER.sub(r"\1\\\2", text))


def escape_md(text: str) -> str:
    """Escape ``text`` for inline Markdown (one line: runs of whitespace become one space)."""
    return _line_start(_SPECIAL.sub(r"\\\1", _SPACES.sub(" ", text)))


def _marked(report: Report, doc_index: int, ids: list[int], link, side: str) -> str:
    doc = report.documents[doc_index]
    marks = layout.marks_for(link, side)
    parts = []
    for sid in sorted(ids):
        seg = doc.segments[sid]
        pieces = []
        for piece, classes in layout.runs(doc.text, seg.start, seg.end, marks):
            piece = _SPACES.sub(" ", piece)
            if classes and any(ch.isalnum() for ch in piece):
                lead = " " if piece[0] == " " else ""
                tail = " " if piece[-1] == " " else ""
                pieces.append(f"{lead}**{escape_md(piece.strip())}**{tail}")
            else:
                pieces.append(_SPECIAL.sub(r"\\\1", piece))
        parts.append("".join(pieces).strip())
    return _line_start(" ".join(parts))


def render(report: Report, annotations: dict[str, Any] | None = None, **_: Any) -> bytes:
    """What an editor reads first comes first: the changed facts by severity and the review."""
    doc_a, doc_b = report.documents
    names = [layout.document_name(doc_a, "A"), layout.document_name(doc_b, "B")]
    all_rows = layout.rows(report)
    fact_rows = layout.facts(report)
    review_rows = layout.reviewed(report, annotations, all_rows, fact_rows)
    md = ["# Synopsis comparison", ""]
    for name, doc in zip(names, (doc_a, doc_b)):
        byline = layout.byline(doc)
        md.append(f"- **{escape_md(name)}**" + (f" — {escape_md(byline)}" if byline else "")
                  + f" ({escape_md(doc.source)})")
    md += _glance(fact_rows, review_rows)
    md += _facts(fact_rows)
    md += _review(review_rows)
    md += _summary(report, names, all_rows, fact_rows)
    md += _passages(report, all_rows, annotations)
    md += _repeats(report)
    md += _provenance(report)
    return ("\n".join(md) + "\n").encode("utf-8")


def _summary(report: Report, names: list[str], all_rows: list, fact_rows: list) -> list[str]:
    md = ["", "## Summary", ""] + [escape_md(line) + "\n" for line in layout.comparison_lines(report)]
    md += ["| document | " + " | ".join(LABELS) + " |", "|---|" + "---:|" * len(LABELS)]
    for i, name in enumerate(names):
        share = report.summary(i)
        md.append(f"| {escape_md(name)} | " + " | ".join(f"{share[lab]:.1%}" for lab in LABELS) + " |")
    moved = sum(1 for link in report.links if link.moved)
    return md + ["", f"{len(report.links)} aligned pairs ({moved} moved); "
                 f"{sum(1 for r in all_rows if r.side == 'a')} passages only in A, "
                 f"{sum(1 for r in all_rows if r.side == 'b')} only in B; {len(fact_rows)} changed facts."]


def _glance(fact_rows: list, review_rows: list) -> list[str]:
    counts = ", ".join(f"{count} {name}" for _s, name, count in layout.severity_counts(fact_rows))
    review = (f"{len(review_rows)} pairs reviewed ("
              + ", ".join(f"{n} {escape_md(v)}" for v, n in layout.review_counts(review_rows)) + ")"
              if review_rows else "no verdicts or notes yet")
    return ["", f"**At a glance:** {counts} changed facts; {review}."]


def _facts(fact_rows: list) -> list[str]:
    md = ["", "## Changed facts", ""]
    if not fact_rows:
        return md + ["No changed facts were found in the aligned pairs."]
    md += ["Most severe first.", "", "| # | kind | severity | A | B | note |", "|---|---|---|---|---|---|"]
    for fr in fact_rows:
        md.append(f"| F{fr.number} | {display_name(fr.fact.kind)} | {display_name(fr.fact.severity)} | "
                  f"{escape_md(fr.a_text) or '*absent*'} | {escape_md(fr.b_text) or '*absent*'} | "
                  f"{escape_md(fr.fact.note)} |")
    return md


def _review(review_rows: list) -> list[str]:
    """Each reviewed pair once: its verdict, its note and its changed facts."""
    md = ["", "## Your review", ""]
    if not review_rows:
        return md + ["No verdicts or notes yet."]
    md += ["| pair | verdict | note | changed facts |", "|---:|---|---|---|"]
    return md + [f"| {r.number} | {escape_md(r.verdict) or '*none*'} | {escape_md(r.note)} | "
                 f"{' '.join(f'F{n}' for n in r.facts)} |" for r in review_rows]


def _passages(report: Report, all_rows: list, annotations: dict[str, Any] | None) -> list[str]:
    md = ["", "## Passages", "", "Words that differ inside a pair are in **bold**.", ""]
    notes = layout.contained_notes(report)
    for number, row in enumerate(all_rows, 1):
        link = row.link
        head = f"### {number}. {layout.link_caption(link) if link is not None else row.label}"
        if link is not None:
            head += f" (score {link.score:.2f}{', moved' if link.moved else ''})"
        else:
            head += f" — only in {'A' if row.side == 'a' else 'B'}"
            if row.debris:
                head += f" ({row.debris})"
        md += [head, ""]
        for side, doc_index, ids in (("a", 0, row.a), ("b", 1, row.b)):
            if ids:
                md += [f"> **{'AB'[doc_index]}:** {_marked(report, doc_index, ids, link, side)}", ">"]
        md.pop()
        note = notes.get((0, row.a[0]) if row.a else (1, row.b[0])) if link is None else None
        if note:
            md += ["", f"*{escape_md(note)}*"]
        verdict = layout.verdict_for(annotations, link) if link is not None else None
        if verdict and verdict.get("verdict"):
            md += ["", f"*Verdict:* {escape_md(str(verdict['verdict']))}"
                   + (f" — {escape_md(str(verdict['note']))}" if verdict.get("note") else "")]
        elif verdict and verdict.get("note"):        # a note without a verdict is kept too
            md += ["", f"*Note:* {escape_md(str(verdict['note']))}"]
        if link is not None and link.facts:
            md += ["", f"*Changed facts:* {escape_md(layout.fact_summary(report, link))}"]
        md.append("")
    return md


def _repeats(report: Report) -> list[str]:
    md = ["## Repeated passages", ""]
    groups = layout.repeats(report)
    if not groups:
        return md + ["No passage occurs more than once inside either document.", ""]
    for group in groups:
        md += [f"- **{escape_md(group.name)}** — passages {layout.passage_numbers(group.segments)} "
               f"({escape_md(group.label)})"]
        md += [f"  - {sid + 1}: {escape_md(text)}" for sid, text in zip(group.segments, group.texts)]
    return md + [""]


def _provenance(report: Report) -> list[str]:
    prov = layout.provenance(report)
    md = ["## Provenance", ""]
    for entry in prov["documents"]:
        md.append(f"- {entry['document']}: {escape_md(entry['source'])}, sha256 `{entry['sha256']}`"
                  + (f", retrieved {escape_md(entry['retrieved'])}" if entry.get("retrieved") else ""))
    md.append(f"- engine {escape_md(prov['engine'])}, created {escape_md(prov['created'])}")
    md.append("- settings: " + escape_md(", ".join(f"{k} = {v}" for k, v in prov["settings"].items())))
    return md
