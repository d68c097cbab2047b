"""Full-text search (SQLite FTS5) over document titles, texts and notes, comparison titles and
notes, verdict notes and cases.

User text is never passed to FTS5 as syntax: words are quoted, ``"a phrase"`` stays a phrase,
and the last word matches as a prefix so results appear while typing (from its third letter
on: a one- or two-letter prefix expands to most of the index and costs hundreds of ms on 10,000
articles, see ``benchmarks/results/library.md``).
"""
from __future__ import annotations

import re
from typing import Any

_PHRASE = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)
MARK = ("[", "]")
PREFIX_MIN = 3
# A search is a few words; every word is one more FTS5 term (a 20,000-word query took 34 s).
MAX_QUERY_WORDS = 32
MAX_QUERY_CHARS = 1000


class QueryTooLong(ValueError):
    """The search text is past :data:`MAX_QUERY_WORDS` words or :data:`MAX_QUERY_CHARS` characters."""


def check_query(text: str) -> None:
    """Refuse a search too long to be one (see :class:`QueryTooLong`)."""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryTooLong(f"the search is {len(text):,} characters long; the limit is {MAX_QUERY_CHARS:,}")
    words = len(_WORD.findall(text))
    if words > MAX_QUERY_WORDS:
        raise QueryTooLong(f"the search has {words:,} words; the limit is {MAX_QUERY_WORDS}")


def fts_query(text: str, *, prefix: bool = True) -> str:
    """An FTS5 MATCH expression for what the user typed ('' when there is nothing to match).

    Raises :class:`QueryTooLong` for a text past the limits."""
    check_query(text)
    terms: list[str] = []
    for phrase, bare in _PHRASE.findall(text):
        words = _WORD.findall(phrase if phrase else bare)
        if words:
            terms.append('"' + " ".join(words) + '"')
    if not terms:
        return ""
    last = terms[-1][1:-1]
    if prefix and len(last) >= PREFIX_MIN and " " not in last and not text.endswith((" ", '"')):
        terms[-1] += "*"
    return " ".join(terms)


class SearchMixin:
    """Search methods of :class:`~synopsis.library.store.Library`."""

    def search(self, query: str, *, limit: int = 20, kinds: tuple[str, ...] = ("document", "comparison",
                                                                               "verdict", "case"),
               prefix: bool = True, mark: tuple[str, str] = MARK) -> list[dict[str, Any]]:
        """Best matches first: dicts with ``kind``, ``id``, ``title``, ``snippet`` (and ids to open).

        A query past the limits raises :class:`~synopsis.library.LibraryError` saying so."""
        from .errors import LibraryError

        try:
            match = fts_query(query, prefix=prefix)
        except QueryTooLong as exc:
            raise LibraryError(self.path, str(exc)) from None  # type: ignore[attr-defined]
        limit = max(0, min(int(limit), 10_000))
        if not match:
            return []
        hits: list[dict[str, Any]] = []
        with self.reading() as conn:  # type: ignore[attr-defined]
            if "document" in kinds:
                hits += [dict(r, kind="document") for r in conn.execute(
                    "SELECT d.id, d.title, d.outlet, d.published, d.added, documents_fts.rank AS rank, "
                    "snippet(documents_fts, -1, ?, ?, '…', 12) AS snippet "
                    "FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
                    "WHERE documents_fts MATCH ? ORDER BY documents_fts.rank LIMIT ?",
                    (*mark, match, limit))]
            if "comparison" in kinds:
                hits += [dict(r, kind="comparison") for r in conn.execute(
                    "SELECT c.id, c.title, c.created, comparisons_fts.rank AS rank, "
                    "snippet(comparisons_fts, -1, ?, ?, '…', 12) AS snippet "
                    "FROM comparisons_fts JOIN comparisons c ON c.id = comparisons_fts.rowid "
                    "WHERE comparisons_fts MATCH ? ORDER BY comparisons_fts.rank LIMIT ?",
                    (*mark, match, limit))]
            if "verdict" in kinds:
                hits += [dict(r, kind="verdict") for r in conn.execute(
                    "SELECT v.comparison_id AS id, c.title, v.link_key, v.verdict, verdicts_fts.rank AS rank, "
                    "snippet(verdicts_fts, -1, ?, ?, '…', 12) AS snippet "
                    "FROM verdicts_fts JOIN verdicts v ON v.rowid = verdicts_fts.rowid "
                    "JOIN comparisons c ON c.id = v.comparison_id "
                    "WHERE verdicts_fts MATCH ? ORDER BY verdicts_fts.rank LIMIT ?",
                    (*mark, match, limit))]
            if "case" in kinds:
                hits += [dict(r, kind="case", title=r["name"]) for r in conn.execute(
                    "SELECT k.id, k.name, cases_fts.rank AS rank, "
                    "snippet(cases_fts, -1, ?, ?, '…', 12) AS snippet "
                    "FROM cases_fts JOIN cases k ON k.id = cases_fts.rowid "
                    "WHERE cases_fts MATCH ? ORDER BY cases_fts.rank LIMIT ?",
                    (*mark, match, limit))]
        hits.sort(key=lambda h: h["rank"])
        return hits[:limit]
