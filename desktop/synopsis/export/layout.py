"""What every readable export shows, computed once: rows in reading order, marked text, facts.

The HTML, PDF, CSV and Markdown writers only format what this module decides, so they cannot
disagree about which passages are aligned, where a moved or unique passage goes, or which words
differ. Nothing here knows about a file format (and nothing here imports Qt).

Row order follows document A. A passage unique to B is placed after the row holding the nearest
earlier B passage that sits in an unmoved pair, so it appears where a reader of B meets it.
A moved pair stays at A's position and is flagged with B's position.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from ..core.language import language_name
from ..core.model import Document, Fact, Link, Report, Span
from ..core.model import link_key as model_link_key
from ..core.vocab import Severity, Translation, display_name


def link_key(link: Link) -> str:
    """The key annotations use for a pair (the library's key, see ``core.model.link_key``)."""
    return model_link_key(link.a, link.b)


def verdict_for(annotations: dict[str, Any] | None, link: Link) -> dict[str, Any] | None:
    """The verdict record for ``link`` (``{"verdict", "note", "time"}``), or None."""
    if not annotations:
        return None
    verdicts = annotations.get("verdicts") or {}
    found = verdicts.get(link_key(link))
    if not isinstance(found, dict):
        return None
    if "time" not in found and "updated" in found:  # the library's name for it
        found = {**found, "time": found["updated"]}
    return found


@dataclass(slots=True)
class Row:
    """One line of the side-by-side view: a pair, or a passage found in one document only."""

    label: str                       # "shared", "paraphrased" or "unique"
    a: list[int] = field(default_factory=list)
    b: list[int] = field(default_factory=list)
    link: Link | None = None
    link_index: int | None = None
    debris: str = ""                 # segment kind when the passage is scraping debris

    @property
    def side(self) -> str:
        """"both", "a" or "b"."""
        return "both" if self.a and self.b else ("a" if self.a else "b")


def rows(report: Report) -> list[Row]:
    """Every linked pair and every unlinked segment of both documents, once, in reading order."""
    doc_a, doc_b = report.documents
    by_first_a: dict[int, int] = {}
    linked_a: set[int] = set()
    linked_b: dict[int, int] = {}
    for index, link in enumerate(report.links):
        if link.a:
            by_first_a[min(link.a)] = index
        linked_a.update(link.a)
        for sid in link.b:
            linked_b[sid] = index

    ordered: list[Row] = []
    row_of_link: dict[int, int] = {}
    # pairs without any A segment (should not happen) go first, so nothing is lost
    for index, link in enumerate(report.links):
        if not link.a:
            row_of_link[index] = len(ordered)
            ordered.append(Row(link.label, [], sorted(link.b), link, index))
    for sid, seg in enumerate(doc_a.segments):
        if sid in by_first_a:
            index = by_first_a[sid]
            link = report.links[index]
            row_of_link[index] = len(ordered)
            ordered.append(Row(link.label, sorted(link.a), sorted(link.b), link, index))
        elif sid not in linked_a:
            ordered.append(Row("unique", [sid], [], debris=seg.kind if seg.is_debris else ""))

    # B-only passages: insert after the row of the nearest earlier B segment in an unmoved pair
    inserts: dict[int, list[Row]] = {}
    anchor_row = -1
    for sid, seg in enumerate(doc_b.segments):
        if sid in linked_b:
            index = linked_b[sid]
            if not report.links[index].moved:
                anchor_row = max(anchor_row, row_of_link[index])
            continue
        inserts.setdefault(anchor_row, []).append(
            Row("unique", [], [sid], debris=seg.kind if seg.is_debris else ""))
    out: list[Row] = list(inserts.get(-1, []))
    pending: list[Row] = []
    for position, row in enumerate(ordered):
        out.append(row)
        pending.extend(inserts.get(position, []))
        following = ordered[position + 1] if position + 1 < len(ordered) else None
        # let A-only rows right after the anchor come first, then B-only ones
        if pending and (following is None or following.side != "a"):
            out.extend(pending)
            pending = []
    out.extend(pending)
    return out


def b_position(report: Report, link: Link) -> str:
    """Where a pair's B passage sits, for a reader ("B ¶3, sentence 7")."""
    if not link.b:
        return ""
    seg = report.documents[1].segments[min(link.b)]
    return f"B ¶{seg.paragraph + 1}, passage {min(link.b) + 1}"


# -- marked text ------------------------------------------------------------------------------
Mark = tuple[Span, str]  # a span of the document's text and a class name


def runs(text: str, start: int, end: int, marks: Iterable[Mark]) -> list[tuple[str, frozenset[str]]]:
    """Cut ``text[start:end]`` into pieces, each with the set of mark classes covering it.

    Marks may overlap and may reach outside ``[start, end)``; they are clipped. Joining the
    pieces gives back exactly ``text[start:end]``.
    """
    clipped = [(max(s.start, start), min(s.end, end), cls) for s, cls in marks
               if s.end > start and s.start < end and s.end > s.start]
    cuts = sorted({start, end, *(c[0] for c in clipped), *(c[1] for c in clipped)})
    out: list[tuple[str, frozenset[str]]] = []
    for lo, hi in zip(cuts, cuts[1:]):
        if hi <= lo:
            continue
        classes = frozenset(cls for s, e, cls in clipped if s <= lo and hi <= e)
        if out and out[-1][1] == classes:
            out[-1] = (out[-1][0] + text[lo:hi], classes)
        else:
            out.append((text[lo:hi], classes))
    return out


def marks_for(link: Link | None, side: str) -> list[Mark]:
    """Word-level differences and changed facts of a pair, as marks on one side ("a" / "b")."""
    if link is None:
        return []
    out: list[Mark] = []
    for edit in link.edits:
        span = edit.a if side == "a" else edit.b
        if span is not None and len(span):
            out.append((span, "diff"))
    for fact in link.facts:
        span = fact.a if side == "a" else fact.b
        if span is not None and len(span):
            out.append((span, "fact"))
    return out


def passage_text(doc: Document, seg_ids: Iterable[int]) -> str:
    """The text of some segments, joined by a space (for CSV, Markdown, tables)."""
    return " ".join(doc.segment_text(i).strip() for i in sorted(seg_ids))


# -- facts ------------------------------------------------------------------------------------
@dataclass(slots=True)
class FactRow:
    number: int
    fact: Fact
    link: Link
    link_index: int
    a_text: str
    b_text: str


def facts(report: Report) -> list[FactRow]:
    """Every changed fact of every pair, most severe first, then in A's reading order; numbered
    from 1 in that order (F1 is the first thing an editor should check)."""
    doc_a, doc_b = report.documents
    found = []
    order = sorted(range(len(report.links)),
                   key=lambda i: (min(report.links[i].a, default=-1), min(report.links[i].b, default=-1)))
    for position, index in enumerate(order):
        link = report.links[index]
        for fact in sorted(link.facts, key=lambda f: (f.a.start if f.a else -1, f.b.start if f.b else -1)):
            found.append((-fact.severity, position, len(found), index, fact))
    out: list[FactRow] = []
    for _severity, _position, _n, index, fact in sorted(found):
        out.append(FactRow(len(out) + 1, fact, report.links[index], index,
                           fact.a.slice(doc_a.text) if fact.a else "",
                           fact.b.slice(doc_b.text) if fact.b else ""))
    return out


def severity_counts(fact_rows: list[FactRow]) -> list[tuple[int, str, int]]:
    """(severity, its name, how many changed facts have it), most severe first."""
    return [(sev, display_name(sev), sum(1 for fr in fact_rows if fr.fact.severity == sev))
            for sev in sorted(Severity, reverse=True)]


@dataclass(slots=True)
class ReviewRow:
    """A pair the user gave a verdict or a note, once (not once per changed fact)."""

    number: int          # the pair's row number in the side-by-side table
    link_index: int
    link: Link
    verdict: str
    note: str
    facts: list[int]     # the pair's fact numbers (F…)


def reviewed(report: Report, annotations: dict[str, Any] | None, all_rows: list[Row],
             fact_rows: list[FactRow]) -> list[ReviewRow]:
    """Every pair with a verdict or a note, in reading order."""
    out = []
    for number, row in enumerate(all_rows, 1):
        record = verdict_for(annotations, row.link) if row.link is not None else None
        if record and (record.get("verdict") or record.get("note")):
            out.append(ReviewRow(number, row.link_index, row.link, str(record.get("verdict") or ""),
                                 str(record.get("note") or ""),
                                 [fr.number for fr in fact_rows if fr.link_index == row.link_index]))
    return out


def review_counts(rows: list[ReviewRow]) -> list[tuple[str, int]]:
    """(verdict, pairs) for the verdicts given, and ("note only", n) for notes without one."""
    counts: dict[str, int] = {}
    for r in rows:
        key = r.verdict or "note only"
        counts[key] = counts.get(key, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def fact_summary(report: Report, link: Link) -> str:
    """One line naming a pair's changed facts: ``number: 701 sq km → 701 square kilometers``."""
    doc_a, doc_b = report.documents
    parts = []
    for fact in link.facts:
        a = fact.a.slice(doc_a.text) if fact.a else "—"
        b = fact.b.slice(doc_b.text) if fact.b else "—"
        parts.append(f"{fact.kind}: {a} → {b}" + (f" ({fact.note})" if fact.note else ""))
    return "; ".join(parts)


# -- how the passages were compared ---------------------------------------------------------------
def comparison_lines(report: Report) -> list[str]:
    """Sentences saying how the passages were compared: a translation comparison names the two
    languages, the model that aligned them by meaning and how many pairs are faithful; then any
    notice (a language the model does not cover). Empty for a same-language comparison."""
    how = report.comparison
    if how is None:
        return []
    out: list[str] = []
    if how.is_translation:
        la, lb = how.languages
        line = (f"Translation comparison: A is in {language_name(la)}, B in {language_name(lb)}; "
                "passages were aligned by what they say")
        if how.model:
            line += f" (sentence-embedding model {how.model[0]})"
        verdicts = [link.translation for link in report.links if link.translation]
        if verdicts:
            line += (f". {verdicts.count(Translation.FAITHFUL)} {display_name(Translation.FAITHFUL)}s, "
                     f"{verdicts.count(Translation.CHANGED)} {display_name(Translation.CHANGED)}")
        out.append(line + ".")
    out.extend(how.notices)
    return out


def link_caption(link: Link) -> str:
    """What a pair is called: its class, or in a translation comparison its verdict."""
    return display_name(link.translation if link.translation else link.label)


# -- provenance -------------------------------------------------------------------------------
def provenance(report: Report) -> dict[str, Any]:
    """Where the sources came from and what made the report, as ordered label → value pairs."""
    docs = []
    for name, doc in zip(("A", "B"), report.documents):
        entry: dict[str, Any] = {"document": name, "title": doc.title, "source": doc.source,
                                 "sha256": doc.sha256, "format": doc.format}
        if doc.language:
            entry["language"] = doc.language
        if doc.retrieved:
            entry["retrieved"] = doc.retrieved
        for key in sorted(doc.meta):
            entry[key] = doc.meta[key]
        docs.append(entry)
    generator = report.generator or {}
    return {
        "documents": docs,
        "settings": dict(sorted(report.settings.to_dict().items())),
        "engine": f"{generator.get('name', 'synopsis')} {generator.get('version', '')}".strip(),
        "created": report.created,
    }


def document_name(doc: Document, letter: str) -> str:
    return f"{letter}: {doc.title or doc.source}"


# -- repeats and headers ----------------------------------------------------------------------
@dataclass(slots=True)
class RepeatRow:
    """Passages that occur more than once inside one document (``report.repeats``)."""

    number: int
    doc_index: int
    letter: str
    name: str
    segments: list[int]
    label: str
    texts: list[str]


def repeats(report: Report) -> list[RepeatRow]:
    """Every repeat group with its passages' text, document A first, numbered from 1.

    Segment ids outside the document (a hand-edited report) are left out rather than failing.
    """
    out: list[RepeatRow] = []
    for repeat in sorted(report.repeats, key=lambda r: (r.doc, min(r.segments, default=-1))):
        if repeat.doc not in (0, 1):
            continue
        doc = report.documents[repeat.doc]
        ids = sorted(i for i in set(repeat.segments) if 0 <= i < len(doc.segments))
        if not ids:
            continue
        letter = "AB"[repeat.doc]
        out.append(RepeatRow(len(out) + 1, repeat.doc, letter, document_name(doc, letter), ids,
                             repeat.label, [doc.segment_text(i).strip() for i in ids]))
    return out


def passage_numbers(ids: Iterable[int]) -> str:
    """Segment ids as a reader counts passages: ``[4, 15]`` → ``"5, 16"``."""
    return ", ".join(str(i + 1) for i in ids)


def byline(doc: Document) -> str:
    """Outlet and publication date from the document's metadata (``"BBC News · 2025-12"``), or ""."""
    parts = [str(doc.meta[key]).strip() for key in ("outlet", "published")
             if doc.meta.get(key) not in (None, "")]
    return " · ".join(p for p in parts if p)


def contained_notes(report: Report, *, letter_ids: bool = False) -> dict[tuple[int, int], str]:
    """(document, segment) of each unique passage whose words are mostly inside a linked
    passage of the other document → the note saying so: ``"unique, but 83 % of its words are
    in A's passage 5 (linked)"``; ``letter_ids``: name passages as the terminal does, ``A4``."""
    out: dict[tuple[int, int], str] = {}
    for note in getattr(report, "contained", ()):
        letter = "AB"[1 - note.doc]
        where = (f"{letter}{','.join(map(str, note.inside))}" if letter_ids
                 else f"{letter}'s passage {passage_numbers(note.inside)}")
        out[(note.doc, note.segment)] = (f"unique, but {note.share:.0%} of its words are in "
                                         f"{where} (linked)")
    return out
