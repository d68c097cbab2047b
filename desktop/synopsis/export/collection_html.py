"""The claim matrix and heat map as one self-contained HTML page (no scripts, no network)."""
from __future__ import annotations

from html import escape

from ..core.collection import CollectionReport
from ..palette import CELLS
from .collection_table import CUES, passage, rows, source_names

_STYLE = f"""
body{{font:14px/1.4 sans-serif;margin:2em;color:#222}}
table{{border-collapse:collapse;margin:1em 0}}
th,td{{border:1px solid #ccc;padding:3px 6px;vertical-align:top}}
td.c{{text-align:center;font-weight:bold;width:2.2em}}
.shared{{background:{CELLS["shared"]}}}.paraphrased{{background:{CELLS["paraphrased"]};background-image:repeating-linear-gradient(45deg,transparent 0 4px,#fff6 4px 8px)}}
.absent{{background:{CELLS["absent"]};color:#767676}}
.unique{{background:{CELLS["unique"]};background-image:radial-gradient(#fff9 1.2px,transparent 1.5px);background-size:6px 6px}}
.ref{{outline:2px solid #333;outline-offset:-3px}}
.facts{{color:#a40000;font-size:90%}}
"""


def _heat_colour(value: float) -> str:
    level = int(255 - 175 * max(0.0, min(1.0, value)))
    return f"rgb({level},{level},255)"


def render(collection: CollectionReport, *, source: int | None = None) -> bytes:
    names = source_names(collection)
    n = len(names)
    h: list[str] = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
                    "<title>Synopsis collection</title>", f"<style>{_STYLE}</style></head><body>",
                    "<h1>Synopsis collection</h1>", "<h2>Sources</h2><ol>"]
    for doc, name in zip(collection.documents, names):
        published = doc.meta.get("published")
        h.append(f"<li>{escape(name)} <code>{escape(doc.source)}</code>"
                 + (f", published {escape(str(published))}" if published else "") + "</li>")
    h += ["</ol>", "<h2>Similarity</h2><p>Share of the row source's text found in the column source.</p>",
          "<table><tr><th></th>" + "".join(f"<th>{k + 1}</th>" for k in range(n)) + "</tr>"]
    for i in range(n):
        cells = []
        for j in range(n):
            value = collection.similarity(i, j)
            cells.append("<td>—</td>" if i == j else
                         f'<td style="background:{_heat_colour(value)}">{value:.0%}</td>')
        h.append(f"<tr><th>{i + 1}</th>{''.join(cells)}</tr>")
    h += ["</table>", "<h2>Claim matrix</h2>",
          "<p>S shared, P paraphrased (hatched), U in this source only (dotted), — absent; a framed cell "
          "is the reference passage, † the source that published first.</p>",
          "<table><tr><th>#</th>" + "".join(f'<th title="{escape(names[k])}">{k + 1}</th>' for k in range(n))
          + "<th>statement</th></tr>"]
    for row in rows(collection, source):
        s = row.statement
        cells = []
        for k, label in enumerate(row.cells):
            cls = label + (" ref" if k == s.reference and len(s.members) > 1 else "")
            title = escape(passage(collection, s, k)) if label != "absent" else ""
            cells.append(f'<td class="c {cls}" title="{title}">{CUES[label]}'
                         + ("†" if k == s.earliest else "") + "</td>")
        facts = "".join(
            f'<div class="facts">{escape(f["kind"])}: {escape(f.get("a", {}).get("text", "—"))} → '
            f'{escape(f.get("b", {}).get("text", "—"))} ({f["a_source"] + 1}↔{f["b_source"] + 1})</div>'
            for f in s.facts)
        h.append(f"<tr><td>{s.id}</td>{''.join(cells)}<td>{escape(row.text)}{facts}</td></tr>")
    h += ["</table>", "</body></html>"]
    return "\n".join(h).encode("utf-8")
