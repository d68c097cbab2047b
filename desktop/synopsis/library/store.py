"""The library API the app, the CLI and the exports use: documents, comparisons, corrections,
verdicts (cases and search live in their own modules and are mixed in here).

Documents are stored once per content hash (``sha256`` of the source bytes); comparisons keep
the full report JSON of the public schema plus the two document ids.
"""
from __future__ import annotations

import hashlib
import json
from typing import Any

from ..core.model import Document, Report
from .cases import CasesMixin
from .corrections import (ACTIONS, LINK_LABELS, VERDICTS, apply_corrections, check_ids, link_key,
                          parse_key)
from ..core.clock import now_iso
from .db import LibraryDB
from .embeddings import EmbeddingsMixin
from .errors import MAX_ID, LibraryError, NotFound
from .review import ReviewMixin
from .search import SearchMixin

LIST_COLUMNS = "id, title, source, outlet, author, published, language, format, added, length(text) AS chars"


def _doc_row(doc: Document) -> dict[str, Any]:
    meta = dict(doc.meta or {})
    sha = doc.sha256 or hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
    url = meta.get("final_url") or meta.get("url")
    if not url and doc.source.startswith(("http://", "https://")):
        url = doc.source
    return {"sha256": sha, "title": doc.title or "", "source": doc.source or "", "url": url,
            "outlet": meta.get("outlet"), "author": meta.get("author"),
            "published": meta.get("published") or meta.get("date"), "retrieved": doc.retrieved,
            "language": doc.language, "format": doc.format or "text", "text": doc.text,
            "meta": json.dumps(meta, ensure_ascii=False, default=str), "added": now_iso()}


def _page(limit: int, offset: int) -> tuple[int, int]:
    """LIMIT and OFFSET that SQLite takes (signed 64-bit), whatever was asked."""
    return max(0, min(int(limit), MAX_ID)), max(0, min(int(offset), MAX_ID))


def _id(value: int) -> int:
    """An id as SQLite takes it; one past the 64-bit range is simply not found (-1)."""
    number = int(value)
    return number if -MAX_ID <= number <= MAX_ID else -1


class Library(ReviewMixin, CasesMixin, SearchMixin, EmbeddingsMixin, LibraryDB):
    """A Synopsis library file. ``Library.open(path)``; close with :meth:`close` or ``with``."""

    # -- documents -------------------------------------------------------------------------
    def add_document(self, doc: Document) -> int:
        """Store ``doc`` (unless the same content is already stored); returns its id."""
        with self.transaction():
            return self._add_document(doc)

    def _add_document(self, doc: Document) -> int:
        row = _doc_row(doc)
        found = self.conn.execute("SELECT id FROM documents WHERE sha256 = ?", (row["sha256"],)).fetchone()
        if found:
            return int(found[0])
        cols = ", ".join(row)
        cur = self.conn.execute(f"INSERT INTO documents ({cols}) VALUES ({', '.join('?' * len(row))})",
                                tuple(row.values()))
        return int(cur.lastrowid)

    def find_document(self, sha256: str) -> int | None:
        with self.reading() as conn:
            row = conn.execute("SELECT id FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
        return int(row[0]) if row else None

    def document_info(self, doc_id: int) -> dict[str, Any]:
        """A document's stored fields (text included) as a dict."""
        with self.reading() as conn:
            row = conn.execute("SELECT * FROM documents WHERE id = ?", (_id(doc_id),)).fetchone()
        if row is None:
            raise NotFound(self.path, f"no document d{doc_id}")
        out = dict(row)
        out["meta"] = json.loads(out["meta"] or "{}")
        return out

    def get_document(self, doc_id: int) -> Document:
        """The stored document, as loaded (not segmented)."""
        info = self.document_info(doc_id)
        return Document(text=info["text"], title=info["title"], source=info["source"],
                        sha256=info["sha256"], format=info["format"], language=info["language"],
                        retrieved=info["retrieved"], meta=info["meta"])

    def list_documents(self, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Newest first, one page; each row without the text (``chars`` is its length)."""
        with self.reading() as conn:
            rows = conn.execute(f"SELECT {LIST_COLUMNS} FROM documents ORDER BY added DESC, id DESC "
                                "LIMIT ? OFFSET ?", _page(limit, offset)).fetchall()
        return [dict(r) for r in rows]

    def count_documents(self) -> int:
        with self.reading() as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    def set_document_note(self, doc_id: int, note: str) -> None:
        with self.transaction() as conn:
            if conn.execute("UPDATE documents SET note = ? WHERE id = ?", (note, _id(doc_id))).rowcount == 0:
                raise NotFound(self.path, f"no document d{doc_id}")

    def remove_document(self, doc_id: int) -> None:
        """Delete a document; refused while a comparison uses it."""
        with self.transaction() as conn:
            used = [r[0] for r in conn.execute(
                "SELECT id FROM comparisons WHERE doc_a = ? OR doc_b = ? ORDER BY id", (_id(doc_id), _id(doc_id)))]
            if used:
                raise LibraryError(self.path, f"document d{doc_id} is used by comparison "
                                   f"{', '.join(f'c{i}' for i in used)}; remove that first")
            if conn.execute("DELETE FROM documents WHERE id = ?", (_id(doc_id),)).rowcount == 0:
                raise NotFound(self.path, f"no document d{doc_id}")
            conn.execute("DELETE FROM case_items WHERE kind = 'document' AND item_id = ?", (_id(doc_id),))

    # -- comparisons -----------------------------------------------------------------------
    def save_comparison(self, report: Report, case: int | str | None = None, *, title: str | None = None,
                        note: str = "") -> int:
        """Store the report (and its two documents); optionally file it in ``case``."""
        doc_a, doc_b = report.documents[0], report.documents[1]
        with self.transaction() as conn:
            a, b = self._add_document(doc_a), self._add_document(doc_b)
            cur = conn.execute(
                "INSERT INTO comparisons (doc_a, doc_b, title, report, settings, engine_version, created, note)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (a, b, title or f"{doc_a.title} ↔ {doc_b.title}", report.to_json(indent=None),
                 json.dumps(report.settings.to_dict(), ensure_ascii=False),
                 report.generator.get("version", ""), report.created or now_iso(), note))
            cid = int(cur.lastrowid)
            if case is not None:
                self._add_items(self._case_id(case, create=True), "comparison", [cid])
        return cid

    def comparison_info(self, comparison_id: int) -> dict[str, Any]:
        """The comparison's row without the report JSON."""
        with self.reading() as conn:
            row = conn.execute("SELECT id, doc_a, doc_b, title, engine_version, created, opened, note, "
                               "settings FROM comparisons WHERE id = ?", (_id(comparison_id),)).fetchone()
        if row is None:
            raise NotFound(self.path, f"no comparison c{comparison_id}")
        out = dict(row)
        out["settings"] = json.loads(out["settings"] or "{}")
        return out

    def get_comparison(self, comparison_id: int, *, corrected: bool = True) -> Report:
        """The stored report, with the manual corrections replayed unless ``corrected=False``."""
        with self.reading() as conn:
            row = conn.execute("SELECT report FROM comparisons WHERE id = ?", (_id(comparison_id),)).fetchone()
        if row is None:
            raise NotFound(self.path, f"no comparison c{comparison_id}")
        try:
            report = Report.from_json(row[0])
        except (ValueError, KeyError) as exc:
            raise LibraryError(self.path, f"comparison c{comparison_id} cannot be read ({exc})") from None
        if corrected:
            report = self.with_corrections_state(comparison_id, report)     # the app's review, as it stands
            report = apply_corrections(report, self.corrections(comparison_id))
        return report

    def list_comparisons(self, limit: int = 50, offset: int = 0, *, recent: bool = False) -> list[dict[str, Any]]:
        """Newest first; ``recent=True`` orders by when each was last opened."""
        order = "coalesce(opened, created) DESC, id DESC" if recent else "created DESC, id DESC"
        with self.reading() as conn:
            rows = conn.execute(f"SELECT id, doc_a, doc_b, title, engine_version, created, opened, note "
                                f"FROM comparisons ORDER BY {order} LIMIT ? OFFSET ?",
                                _page(limit, offset)).fetchall()
        return [dict(r) for r in rows]

    def mark_opened(self, comparison_id: int) -> None:
        """Remember that the user opened it now (for the recent list); no-op when read-only."""
        if self.readonly:
            return
        with self.transaction() as conn:
            conn.execute("UPDATE comparisons SET opened = ? WHERE id = ?", (now_iso(), _id(comparison_id)))

    def set_comparison_note(self, comparison_id: int, note: str) -> None:
        with self.transaction() as conn:
            if conn.execute("UPDATE comparisons SET note = ? WHERE id = ?",
                            (note, _id(comparison_id))).rowcount == 0:
                raise NotFound(self.path, f"no comparison c{comparison_id}")

    def remove_comparison(self, comparison_id: int) -> None:
        with self.transaction() as conn:
            if conn.execute("DELETE FROM comparisons WHERE id = ?", (_id(comparison_id),)).rowcount == 0:
                raise NotFound(self.path, f"no comparison c{comparison_id}")
            conn.execute("DELETE FROM case_items WHERE kind = 'comparison' AND item_id = ?", (_id(comparison_id),))

    # -- corrections -----------------------------------------------------------------------
    def record_correction(self, comparison_id: int, action: str, a: list[int], b: list[int],
                          label: str | None = None) -> int:
        """Record a manual ``link``/``unlink``/``relabel`` of the passages ``a``↔``b``."""
        if action not in ACTIONS:
            raise ValueError(f"unknown correction {action!r} (known: {', '.join(ACTIONS)})")
        if action in ("link", "relabel") and label not in LINK_LABELS + (("unique",) if action == "relabel" else ()):
            raise ValueError(f"label must be one of {', '.join(LINK_LABELS)}, not {label!r}")
        a, b = sorted(set(int(i) for i in a)), sorted(set(int(i) for i in b))
        check_ids(self.get_comparison(comparison_id, corrected=False), a, b)
        with self.transaction() as conn:
            cur = conn.execute("INSERT INTO corrections (comparison_id, action, a, b, label, created) "
                               "VALUES (?, ?, ?, ?, ?, ?)",
                               (_id(comparison_id), action, json.dumps(a), json.dumps(b), label, now_iso()))
            return int(cur.lastrowid)

    def corrections(self, comparison_id: int) -> list[dict[str, Any]]:
        with self.reading() as conn:
            rows = conn.execute("SELECT id, action, a, b, label, created FROM corrections "
                                "WHERE comparison_id = ? ORDER BY id", (_id(comparison_id),)).fetchall()
        return [dict(r, a=json.loads(r["a"]), b=json.loads(r["b"])) for r in rows]

    def undo_correction(self, correction_id: int) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM corrections WHERE id = ?", (int(correction_id),))

    # -- verdicts --------------------------------------------------------------------------
    def set_verdict(self, comparison_id: int, link_a: list[int], link_b: list[int], verdict: str,
                    note: str = "") -> str:
        """Record the fact-checker's verdict on a link; returns the link key."""
        if verdict not in VERDICTS:
            raise ValueError(f"verdict must be one of {', '.join(VERDICTS)}, not {verdict!r}")
        key = link_key(link_a, link_b)
        self.comparison_info(comparison_id)
        with self.transaction() as conn:
            conn.execute("INSERT INTO verdicts (comparison_id, link_key, verdict, note, updated) "
                         "VALUES (?, ?, ?, ?, ?) ON CONFLICT (comparison_id, link_key) DO UPDATE SET "
                         "verdict = excluded.verdict, note = excluded.note, updated = excluded.updated",
                         (_id(comparison_id), key, verdict, note, now_iso()))
        return key

    def clear_verdict(self, comparison_id: int, link_a: list[int], link_b: list[int]) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM verdicts WHERE comparison_id = ? AND link_key = ?",
                         (_id(comparison_id), link_key(link_a, link_b)))

    def verdicts(self, comparison_id: int) -> dict[str, dict[str, Any]]:
        """``{link_key: {"a", "b", "verdict", "note", "updated"}}`` for the comparison."""
        with self.reading() as conn:
            rows = conn.execute("SELECT link_key, verdict, note, updated FROM verdicts "
                                "WHERE comparison_id = ? ORDER BY link_key", (_id(comparison_id),)).fetchall()
        out = {}
        for r in rows:
            a, b = parse_key(r["link_key"])
            out[r["link_key"]] = {"a": a, "b": b, "verdict": r["verdict"], "note": r["note"],
                                  "updated": r["updated"]}
        return out
