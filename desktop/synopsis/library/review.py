"""The review desk's storage: verdicts and notes as they are typed, the comparison a review
belongs to, finding the review of the same two texts again, and kept claim matrices.

A pair's review is a verdict (``""`` = none yet: only the user sets one) and a note; a row
with neither is deleted. Comparisons of the same two texts are found by the documents'
content hashes in either order (a swapped comparison is the same review, mirrored).
"""
from __future__ import annotations

import json
from typing import Any

from ..core.model import Corrections, Link, Report
from .corrections import VERDICTS, link_key
from ..core.clock import now_iso
from .errors import LibraryError, NotFound


def _corrections_json(report: Report) -> str:
    text_a, text_b = report.documents[0].text, report.documents[1].text
    corrections = report.corrections
    return json.dumps({"manual": [link.to_dict(text_a, text_b) for link in corrections.manual],
                       "apart_a": sorted(corrections.apart_a), "apart_b": sorted(corrections.apart_b)},
                      ensure_ascii=False)


class ReviewMixin:
    """Review methods of :class:`~synopsis.library.store.Library`."""

    # -- a pair's verdict and note ---------------------------------------------------------
    def set_review(self, comparison_id: int, link_a: list[int], link_b: list[int], verdict: str = "",
                   note: str = "") -> str:
        """Store a pair's verdict and note (either may be empty; both empty removes the row)."""
        if verdict and verdict not in VERDICTS:
            raise ValueError(f"verdict must be one of {', '.join(VERDICTS)}, not {verdict!r}")
        key = link_key(link_a, link_b)
        now = now_iso()
        with self.transaction() as conn:  # type: ignore[attr-defined]
            if not verdict and not note:
                conn.execute("DELETE FROM verdicts WHERE comparison_id = ? AND link_key = ?",
                             (int(comparison_id), key))
            else:
                conn.execute("INSERT INTO verdicts (comparison_id, link_key, verdict, note, updated) "
                             "VALUES (?, ?, ?, ?, ?) ON CONFLICT (comparison_id, link_key) DO UPDATE SET "
                             "verdict = excluded.verdict, note = excluded.note, updated = excluded.updated",
                             (int(comparison_id), key, verdict, note, now))
            self._touch(conn, comparison_id, now)
        return key

    def _touch(self, conn, comparison_id: int, when: str) -> None:
        if conn.execute("UPDATE comparisons SET reviewed = ? WHERE id = ?",
                        (when, int(comparison_id))).rowcount == 0:
            raise NotFound(self.path, f"no comparison c{comparison_id}")  # type: ignore[attr-defined]

    def touch_review(self, comparison_id: int) -> None:
        """Mark the comparison as the latest review of its two texts (no-op when read-only)."""
        if self.readonly:  # type: ignore[attr-defined]
            return
        with self.transaction() as conn:  # type: ignore[attr-defined]
            self._touch(conn, comparison_id, now_iso())

    # -- what a person decided by hand --------------------------------------------------------
    def set_corrections_state(self, comparison_id: int, report: Report) -> None:
        """Store ``report.corrections`` (small: the hand-made links and the passages kept apart)."""
        data = _corrections_json(report)
        with self.transaction() as conn:  # type: ignore[attr-defined]
            if conn.execute("UPDATE comparisons SET corrections_state = ?, reviewed = ? WHERE id = ?",
                            (data, now_iso(), int(comparison_id))).rowcount == 0:
                raise NotFound(self.path, f"no comparison c{comparison_id}")  # type: ignore[attr-defined]

    def with_corrections_state(self, comparison_id: int, report: Report) -> Report:
        """``report`` decided again with the corrections stored for the comparison, if any."""
        from ..core.decide import decide

        with self.reading() as conn:  # type: ignore[attr-defined]
            row = conn.execute("SELECT corrections_state FROM comparisons WHERE id = ?",
                               (int(comparison_id),)).fetchone()
        if row is None or not row[0]:
            return report
        data = json.loads(row[0])
        state = Corrections(manual=tuple(Link.from_dict(link) for link in data.get("manual", [])),
                            apart_a=frozenset(data.get("apart_a", [])), apart_b=frozenset(data.get("apart_b", [])))
        if state == report.corrections:
            return report
        return decide(report.alignment, report.settings, corrections=state, known=report.annotations)

    # -- the comparison behind a review ----------------------------------------------------
    def update_comparison_report(self, comparison_id: int, report: Report, report_json: str | None = None) -> None:
        """Replace the stored report (after thresholds were moved); corrections stay as recorded."""
        data = report_json if report_json is not None else report.to_json(indent=None)
        given = report.settings
        settings = json.dumps(given.to_dict() if hasattr(given, "to_dict") else dict(given), ensure_ascii=False)
        with self.transaction() as conn:  # type: ignore[attr-defined]
            if conn.execute("UPDATE comparisons SET report = ?, settings = ?, corrections_state = ?, reviewed = ? "
                            "WHERE id = ?", (data, settings, _corrections_json(report), now_iso(),
                                             int(comparison_id))).rowcount == 0:
                raise NotFound(self.path, f"no comparison c{comparison_id}")  # type: ignore[attr-defined]

    def find_reviews(self, sha_a: str, sha_b: str) -> list[dict[str, Any]]:
        """Comparisons of the texts with these hashes (in either order), latest review first.

        Each: ``{"id", "mirrored", "reviewed"}``; ``mirrored`` when stored as B ↔ A.
        """
        with self.reading() as conn:  # type: ignore[attr-defined]
            rows = conn.execute(
                "SELECT c.id, da.sha256 = ? AND db.sha256 = ? AS same, "
                "coalesce(c.reviewed, c.opened, c.created) AS reviewed "
                "FROM comparisons c JOIN documents da ON da.id = c.doc_a JOIN documents db ON db.id = c.doc_b "
                "WHERE (da.sha256 = ? AND db.sha256 = ?) OR (da.sha256 = ? AND db.sha256 = ?) "
                "ORDER BY reviewed DESC, c.id DESC",
                (sha_a, sha_b, sha_a, sha_b, sha_b, sha_a)).fetchall()
        return [{"id": int(r["id"]), "mirrored": not r["same"], "reviewed": r["reviewed"]} for r in rows]

    # -- claim matrices --------------------------------------------------------------------
    def save_collection(self, collection, title: str | None = None) -> int:
        """Store a claim matrix (:class:`~synopsis.core.collection.CollectionReport`) and its sources."""
        data = collection.to_dict()
        data["pairs"] = [{"a": a, "b": b, "report": r.to_dict()}
                         for (a, b), r in zip(collection.pairs, collection.reports)]
        names = [d.meta.get("outlet") or d.title or d.source for d in collection.documents]
        with self.transaction() as conn:  # type: ignore[attr-defined]
            ids = [self._add_document(doc) for doc in collection.documents]  # type: ignore[attr-defined]
            cur = conn.execute(
                "INSERT INTO collections (title, sources, report, settings, engine_version, created) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (title or " · ".join(str(n) for n in names), len(ids),
                 json.dumps(data, ensure_ascii=False), json.dumps(data.get("settings", {}), ensure_ascii=False),
                 data.get("generator", {}).get("version", ""), collection.created or now_iso()))
            cid = int(cur.lastrowid)
            conn.executemany("INSERT INTO collection_documents (collection_id, position, document_id) "
                             "VALUES (?, ?, ?)", [(cid, k, d) for k, d in enumerate(ids)])
        return cid

    def list_collections(self, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        with self.reading() as conn:  # type: ignore[attr-defined]
            rows = conn.execute("SELECT id, title, sources, created, opened FROM collections "
                                "ORDER BY coalesce(opened, created) DESC, id DESC LIMIT ? OFFSET ?",
                                (int(limit), int(offset))).fetchall()
        return [dict(r) for r in rows]

    def get_collection(self, collection_id: int):
        from ..core.collection import CollectionReport

        with self.reading() as conn:  # type: ignore[attr-defined]
            row = conn.execute("SELECT report FROM collections WHERE id = ?", (int(collection_id),)).fetchone()
        if row is None:
            raise NotFound(self.path, f"no claim matrix m{collection_id}")  # type: ignore[attr-defined]
        try:
            return CollectionReport.from_dict(json.loads(row[0]))
        except (ValueError, KeyError) as exc:
            raise LibraryError(self.path, f"claim matrix m{collection_id} cannot be read ({exc})") from None  # type: ignore[attr-defined]
