"""Aligning a candidate pair with the engine's own comparison, and the reuse table's row.

Each candidate pair goes through ``synopsis.core.compare`` with the scan's :class:`Settings`
(the app's, facts included), so a row of the reuse table says exactly what opening the pair
side by side would show. A pair counts as reuse when the comparison links at least
``min_links`` passages of article text of ``min_link_words`` words or more each (shorter ones,
a headline, "Sign up for our newsletter", prove nothing), paraphrased ones with a score of
``min_paraphrase_score`` or more; or one shared passage of ``min_shared_words`` words or more
(a reprinted paragraph is reuse even alone). The values were chosen on the development corpus
of ``benchmarks/scan_corpus.py`` (see ``benchmarks/results/scan.md``).

Most candidate pairs are not reuse, and only reusing pairs are written, so a batch runs the
engine's steps itself rather than ``compare``: each article is prepared once however many
pairs it is in, and a pair is first decided without the fact layer (which changes no link,
label or score: labels come from the word edits) and decided again with it only when the rule
calls it reuse. A reusing pair's row is thus exactly what ``compare`` gives; the row of a pair
that is not reuse counts no facts.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from ..core import Document, Report, Settings
from ..core.pipeline import align, decide, prepare

RELATIONS = ("exact copy", "near copy", "shared passages")


@dataclass(frozen=True)
class ReuseRule:
    min_links: int = 2
    min_link_words: int = 10
    min_paraphrase_score: float = 0.5
    min_shared_words: int = 15


def document(article: dict[str, str]) -> Document:
    """A Document for the engine from a scan record (text, id, title, outlet, date, url)."""
    text = article["text"]
    meta = {k: v for k, v in (("outlet", article.get("outlet")), ("published", article.get("date")),
                              ("url", article.get("url"))) if v}
    return Document(text=text, title=article.get("title") or article["id"], source=article["id"],
                    sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), meta=meta)


def _text_links(report: Report) -> list:
    docs = report.documents
    return [link for link in report.links
            if any(not docs[0].segments[i].is_debris for i in link.a)
            and any(not docs[1].segments[i].is_debris for i in link.b)]


def _words(report: Report, link) -> int:
    """Words of the shorter side of a link."""
    doc_a, doc_b = report.documents
    return min(sum(len(doc_a.segment_text(i).split()) for i in link.a),
               sum(len(doc_b.segment_text(i).split()) for i in link.b))


def is_reuse(report: Report, rule: ReuseRule) -> bool:
    links = [(link, _words(report, link)) for link in _text_links(report)]
    if any(link.label == "shared" and words >= rule.min_shared_words for link, words in links):
        return True
    strong = [link for link, words in links if words >= rule.min_link_words
              and (link.label == "shared" or link.score >= rule.min_paraphrase_score)]
    return len(strong) >= rule.min_links


def row_of(report: Report, rule: ReuseRule) -> dict[str, Any]:
    """The reuse-table columns a comparison fills."""
    doc_a, doc_b = report.documents
    labels = {"shared": 0, "paraphrased": 0}
    severity = {1: 0, 2: 0, 3: 0}
    links = []
    for link in report.links:
        labels[link.label] = labels.get(link.label, 0) + 1
        for fact in link.facts:
            severity[min(3, max(1, fact.severity))] += 1
        links.append({"a": [doc_a.segments[link.a[0]].start, doc_a.segments[link.a[-1]].end],
                      "b": [doc_b.segments[link.b[0]].start, doc_b.segments[link.b[-1]].end],
                      "label": link.label, "score": round(float(link.score), 4),
                      "moved": bool(link.moved), "facts": len(link.facts)})
    summary_a, summary_b = report.summary(0), report.summary(1)
    return {"shared": labels["shared"], "paraphrased": labels["paraphrased"],
            "unique_a": sum(1 for i in report.unique_segments(0) if not doc_a.segments[i].is_debris),
            "unique_b": sum(1 for i in report.unique_segments(1) if not doc_b.segments[i].is_debris),
            "coverage_a": round(1.0 - summary_a["unique"], 4), "coverage_b": round(1.0 - summary_b["unique"], 4),
            "facts_alarm": severity[3], "facts_check": severity[2], "facts_note": severity[1],
            "language_a": doc_a.language or "", "language_b": doc_b.language or "",
            "links": json.dumps(links, separators=(",", ":")), "reuse": is_reuse(report, rule)}


def align_pairs(pairs: list[tuple[int, int, str, tuple[int, ...]]], articles: dict[int, dict[str, str]],
                settings: Settings, rule: ReuseRule) -> list[dict[str, Any]]:
    """Compare each (a, b, relation, shared keys) pair; one row each (reuse or not)."""
    prepared: dict[int, Document] = {}
    screening = dataclasses.replace(settings, facts=False)

    def ready(number: int) -> Document:
        if number not in prepared:
            prepared[number] = prepare(document(articles[number]), settings)
        return prepared[number]

    rows = []
    for a, b, relation, shared in pairs:
        alignment = align(ready(a), ready(b), settings)
        report = decide(alignment, screening)
        if settings.facts and is_reuse(report, rule):
            report = decide(alignment, settings)
        row = {"a": int(a), "b": int(b), "relation": relation, "keys": list(shared)}
        row.update(row_of(report, rule))
        rows.append(row)
    return rows
