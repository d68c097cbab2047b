"""The claim matrix and heat map as a Markdown summary."""
from __future__ import annotations

from ..core.collection import CollectionReport
from .collection_table import CUES, rows, source_names


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def render(collection: CollectionReport, *, source: int | None = None, width: int = 160) -> bytes:
    names = source_names(collection)
    n = len(names)
    out = ["# Synopsis collection", "", "## Sources", ""]
    for k, doc in enumerate(collection.documents):
        published = doc.meta.get("published")
        out.append(f"{k + 1}. {_cell(names[k])} — `{_cell(doc.source)}`"
                   + (f", published {published}" if published else ""))
    out += ["", "## Similarity (share of the row's text found in the column's)", "",
            "| | " + " | ".join(str(k + 1) for k in range(n)) + " |",
            "|---|" + "---:|" * n]
    for i in range(n):
        out.append(f"| {i + 1} | " + " | ".join("—" if i == j else f"{collection.similarity(i, j):.0%}"
                                                for j in range(n)) + " |")
    out += ["", "## Claim matrix", "", "S shared, P paraphrased, U in this source only, — absent; "
            "* reference passage, † published first.", "",
            "| # | " + " | ".join(str(k + 1) for k in range(n)) + " | facts | statement |",
            "|---:|" + ":---:|" * n + "---:|---|"]
    for row in rows(collection, source):
        s = row.statement
        cells = [CUES[c] + ("*" if k == s.reference and len(s.members) > 1 else "")
                 + ("†" if k == s.earliest else "") for k, c in enumerate(row.cells)]
        text = _cell(row.text)
        text = text if len(text) <= width else text[:width - 1] + "…"
        out.append(f"| {s.id} | " + " | ".join(cells) + f" | {row.facts or ''} | {text} |")
    return ("\n".join(out) + "\n").encode("utf-8")
