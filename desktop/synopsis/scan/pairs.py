"""Aligning a candidate pair with the engine's own comparison, and the reuse table's row.

Each candidate pair goes through ``synopsis.core.compare`` with the scan's :class:`Settings`
(the app's, facts included), so a row of the reuse table says exactly what opening the pair
side by side would show. A pair counts as reuse when the comparison links at least
``min_links`` passages of article text of ``min_link_words`` words or more each (shorter ones,
a headline, "Sign up for our newsletter", prove nothing), paraphrased ones with a score of
``min_paraphrase_score`` or more; or one shared passage of ``min_shared_words`` words or more
(a reprinted paragraph is reuse even alone). Of two or more such links, at least one must be
more than a shared phrase: shared, or with ``min_spread_words`` content words in common outside
the longest run of words the two passages share (one more per tenfold of the corpus beyond
100,000 articles: :attr:`ReuseRule.spread_needed`; two unrelated articles that both name "the
pro-independence radical, Miodrag Zivkovic" in two places are linked as paraphrases by that
phrase alone), or scoring ``near_verbatim_score`` or more without being one run of words inside
otherwise different sentences (:func:`more_than_a_phrase`). The values were chosen on the
development corpora of ``benchmarks/scan_corpus.py`` (see ``benchmarks/results/scan.md``).

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
import math
from dataclasses import dataclass
from typing import Any

from ..core import Document, Report, Settings
from ..core.pipeline import align, decide, prepare
from ..core.semantic import translation
from .features import MIN_CONTENT_LENGTH, words_of

RELATIONS = ("exact copy", "near copy", "shared passages")


@dataclass(frozen=True)
class ReuseRule:
    min_links: int = 2
    min_link_words: int = 10
    min_paraphrase_score: float = 0.5
    min_shared_words: int = 15
    near_verbatim_score: float = 0.85
    min_spread_words: int = 2
    near_verbatim_run: float | None = 0.9
    spread_reference_articles: int = 100_000
    corpus_articles: int | None = None

    def for_corpus(self, articles: int) -> "ReuseRule":
        """The rule for a corpus of ``articles`` (see :attr:`spread_needed`)."""
        return dataclasses.replace(self, corpus_articles=int(articles))

    @property
    def spread_needed(self) -> int:
        """``min_spread_words`` (chosen on corpora of ``spread_reference_articles``), one more
        per tenfold of the corpus beyond that. Unrelated articles share words outside a phrase
        by chance, and the pairs that can do so grow with the square of the corpus; each
        further word in common makes a chance match rarer, so the evidence a pair needs grows
        with the logarithm of the corpus, as a search's significance threshold grows with the
        size of what is searched."""
        if not self.corpus_articles or self.corpus_articles <= self.spread_reference_articles:
            return self.min_spread_words
        return self.min_spread_words + round(math.log10(self.corpus_articles / self.spread_reference_articles))


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


def _content(text: str) -> list[str]:
    return [w for w in words_of(text) if len(w) >= MIN_CONTENT_LENGTH or w.isdigit()]


def _longest_run(x: list[str], y: list[str]) -> int:
    """Length of the longest run of words ``x`` and ``y`` both contain (dynamic programming)."""
    best, previous = 0, [0] * (len(y) + 1)
    for word in x:
        current = [0] * (len(y) + 1)
        for j, other in enumerate(y):
            if word == other:
                current[j + 1] = previous[j] + 1
                best = max(best, current[j + 1])
        previous = current
    return best


def _link_content(report: Report, link) -> tuple[list[str], list[str]]:
    doc_a, doc_b = report.documents
    return (_content(" ".join(doc_a.segment_text(i) for i in link.a)),
            _content(" ".join(doc_b.segment_text(i) for i in link.b)))


def spread_words(report: Report, link) -> int:
    """Content words a link's two passages share outside the longest run of words they share."""
    x, y = _link_content(report, link)
    return len(set(x) & set(y)) - _longest_run(x, y)


def run_share(report: Report, link) -> float:
    """The longest run of content words a link's passages share, as a share of the content
    words of the shorter one (1.0: one passage is a run of the other)."""
    x, y = _link_content(report, link)
    shorter = min(len(x), len(y))
    return _longest_run(x, y) / shorter if shorter else 0.0


def more_than_a_phrase(report: Report, link, rule: ReuseRule) -> bool:
    """Whether a link shows a reused passage rather than a phrase two texts happen to share:
    it is shared, or has ``spread_needed`` content words in common outside their longest
    common run, or scores ``near_verbatim_score`` or more *and* is not one run of two or more
    words inside otherwise different sentences (some word in common outside the run, or a run
    covering ``near_verbatim_run`` of the shorter passage's content words). A stock phrase of
    six or eight words scores high by itself; the more articles a corpus holds, the more pairs
    of unrelated ones print the same one twice. A link with no such run (a translation, a
    rewording linked by meaning) is not a phrase, and its score stands."""
    if link.label == "shared":
        return True
    x, y = _link_content(report, link)
    run = _longest_run(x, y)
    spread = len(set(x) & set(y)) - run
    if spread >= rule.spread_needed:
        return True
    if link.score < rule.near_verbatim_score:
        return False
    if rule.near_verbatim_run is None or spread >= 1 or run < 2:
        return True
    return run / min(len(x), len(y)) >= rule.near_verbatim_run


def is_reuse(report: Report, rule: ReuseRule) -> bool:
    links = [(link, _words(report, link)) for link in _text_links(report)]
    if any(link.label == "shared" and words >= rule.min_shared_words for link, words in links):
        return True
    strong = [link for link, words in links if words >= rule.min_link_words
              and (link.label == "shared" or link.score >= rule.min_paraphrase_score)]
    if len(strong) < rule.min_links:
        return False
    return any(more_than_a_phrase(report, link, rule) for link in strong)


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


class PairComparer:
    """The engine's comparison of articles two by two, each article prepared once, the fact
    layer run only for pairs the rule calls reuse (see the module docstring). With
    ``second_look`` (settings comparing by meaning too), a pair of one language that the first
    look does not call reuse is compared again with them when the caller asks (it shares
    meaning keys): the meaning view settles what the words leave open, and costs an embedding
    of both articles, so it is spent only there."""

    def __init__(self, settings: Settings, rule: ReuseRule, second_look: Settings | None = None) -> None:
        self.settings, self.rule, self.second_look = settings, rule, second_look
        self.prepared: dict[Any, Document] = {}

    def ready(self, key: Any, article: dict[str, str]) -> Document:
        if key not in self.prepared:
            self.prepared[key] = prepare(document(article), self.settings)
        return self.prepared[key]

    def report(self, doc_a: Document, doc_b: Document, look_again: bool = False) -> tuple[Report, bool]:
        """The report of two prepared documents, and whether the pair is reuse."""
        report, reuse = self._look(doc_a, doc_b, self.settings)
        if (not reuse and look_again and self.second_look is not None
                and not translation.is_translation(doc_a, doc_b)):       # two languages: by meaning already
            report, reuse = self._look(doc_a, doc_b, self.second_look)
        return report, reuse

    def _look(self, doc_a: Document, doc_b: Document, settings: Settings) -> tuple[Report, bool]:
        alignment = align(doc_a, doc_b, settings)
        report = decide(alignment, dataclasses.replace(settings, facts=False))
        reuse = is_reuse(report, self.rule)
        if reuse and settings.facts:
            report = decide(alignment, settings)
        return report, reuse


@dataclass(frozen=True)
class SecondLook:
    """Which candidate pairs are compared again by meaning: those sharing ``min_shared`` keys
    of the generator at ``generator`` (the meaning keys) that the words do not make reuse."""

    generator: int
    min_shared: int

    def wanted(self, shared: tuple[int, ...]) -> bool:
        return len(shared) > self.generator and shared[self.generator] >= self.min_shared


def align_pairs(pairs: list[tuple[int, int, str, tuple[int, ...]]], articles: dict[int, dict[str, str]],
                settings: Settings, rule: ReuseRule, second: SecondLook | None = None) -> list[dict[str, Any]]:
    """Compare each (a, b, relation, shared keys) pair; one row each (reuse or not)."""
    comparer = PairComparer(settings, rule, settings.replace(meaning=True) if second else None)
    rows = []
    for a, b, relation, shared in pairs:
        report, _ = comparer.report(comparer.ready(a, articles[a]), comparer.ready(b, articles[b]),
                                    look_again=second is not None and second.wanted(shared))
        row = {"a": int(a), "b": int(b), "relation": relation, "keys": list(shared)}
        row.update(row_of(report, rule))
        rows.append(row)
    return rows
