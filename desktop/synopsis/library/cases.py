"""Cases: a named folder of documents and comparisons with its own note."""
from __future__ import annotations

from typing import Any, Iterable

from ..core.clock import now_iso
from .errors import MAX_ID, LibraryError, NotFound

KINDS = ("document", "comparison")


class CasesMixin:
    """Case methods of :class:`~synopsis.library.store.Library` (needs ``conn``/``transaction``)."""

    def _case_id(self, case: int | str, *, create: bool = False) -> int:
        """The id of ``case`` given by id or name; creates a named case if ``create``."""
        conn = self.conn  # type: ignore[attr-defined]
        if isinstance(case, int) or (isinstance(case, str) and case.isascii() and case.isdigit()):
            number = int(case)
            row = (conn.execute("SELECT id FROM cases WHERE id = ?", (number,)).fetchone()
                   if 0 <= number <= MAX_ID else None)
            if row is None:
                raise NotFound(self.path, f"no case {case}")  # type: ignore[attr-defined]
            return int(row[0])
        name = str(case).strip()
        row = conn.execute("SELECT id FROM cases WHERE name = ?", (name,)).fetchone()
        if row is not None:
            return int(row[0])
        if not create:
            raise NotFound(self.path, f"no case named {name!r}")  # type: ignore[attr-defined]
        return self._insert_case(name, "")

    def _insert_case(self, name: str, note: str) -> int:
        if not name or (name.isascii() and name.isdigit()):
            raise LibraryError(self.path, f"a case name must have letters, not {name!r}")  # type: ignore[attr-defined]
        cur = self.conn.execute("INSERT INTO cases (name, note, created) VALUES (?, ?, ?)",  # type: ignore[attr-defined]
                                (name, note, now_iso()))
        return int(cur.lastrowid)

    def _add_items(self, case_id: int, kind: str, ids: Iterable[int]) -> None:
        conn = self.conn  # type: ignore[attr-defined]
        table = "documents" if kind == "document" else "comparisons"
        for item in ids:
            if not 0 <= int(item) <= MAX_ID or \
                    conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (int(item),)).fetchone() is None:
                raise NotFound(self.path, f"no {kind} {kind[0]}{item}")  # type: ignore[attr-defined]
            conn.execute("INSERT OR IGNORE INTO case_items (case_id, kind, item_id, added) VALUES (?, ?, ?, ?)",
                         (case_id, kind, int(item), now_iso()))

    def create_case(self, name: str, note: str = "") -> int:
        """A new empty case; refused if the name is taken."""
        with self.transaction() as conn:  # type: ignore[attr-defined]
            if conn.execute("SELECT 1 FROM cases WHERE name = ?", (name.strip(),)).fetchone():
                raise LibraryError(self.path, f"a case named {name.strip()!r} already exists")  # type: ignore[attr-defined]
            return self._insert_case(name.strip(), note)

    def add_to_case(self, case: int | str, *, documents: Iterable[int] = (),
                    comparisons: Iterable[int] = ()) -> int:
        """File documents and comparisons in ``case`` (created if a new name); returns its id."""
        with self.transaction():  # type: ignore[attr-defined]
            case_id = self._case_id(case, create=True)
            self._add_items(case_id, "document", documents)
            self._add_items(case_id, "comparison", comparisons)
        return case_id

    def remove_from_case(self, case: int | str, kind: str, item_id: int) -> None:
        with self.transaction() as conn:  # type: ignore[attr-defined]
            conn.execute("DELETE FROM case_items WHERE case_id = ? AND kind = ? AND item_id = ?",
                         (self._case_id(case), kind, int(item_id)))

    def set_case_note(self, case: int | str, note: str) -> None:
        with self.transaction() as conn:  # type: ignore[attr-defined]
            conn.execute("UPDATE cases SET note = ? WHERE id = ?", (note, self._case_id(case)))

    def rename_case(self, case: int | str, name: str) -> None:
        with self.transaction() as conn:  # type: ignore[attr-defined]
            case_id = self._case_id(case)
            if conn.execute("SELECT 1 FROM cases WHERE name = ? AND id != ?", (name, case_id)).fetchone():
                raise LibraryError(self.path, f"a case named {name!r} already exists")  # type: ignore[attr-defined]
            conn.execute("UPDATE cases SET name = ? WHERE id = ?", (name, case_id))

    def delete_case(self, case: int | str) -> None:
        """Delete the case (its documents and comparisons stay in the library)."""
        with self.transaction() as conn:  # type: ignore[attr-defined]
            conn.execute("DELETE FROM cases WHERE id = ?", (self._case_id(case),))

    def list_cases(self) -> list[dict[str, Any]]:
        with self.reading() as conn:  # type: ignore[attr-defined]
            rows = conn.execute(
                "SELECT c.id, c.name, c.note, c.created, "
                "sum(i.kind = 'document') AS documents, sum(i.kind = 'comparison') AS comparisons "
                "FROM cases c LEFT JOIN case_items i ON i.case_id = c.id GROUP BY c.id ORDER BY c.name").fetchall()
        return [dict(r, documents=r["documents"] or 0, comparisons=r["comparisons"] or 0) for r in rows]

    def get_case(self, case: int | str) -> dict[str, Any]:
        """The case with its documents and comparisons (summary rows)."""
        with self.reading() as conn:  # type: ignore[attr-defined]
            case_id = self._case_id(case)
            info = dict(conn.execute("SELECT id, name, note, created FROM cases WHERE id = ?", (case_id,)).fetchone())
            info["documents"] = [dict(r) for r in conn.execute(
                "SELECT d.id, d.title, d.outlet, d.published, d.added FROM case_items i "
                "JOIN documents d ON d.id = i.item_id WHERE i.case_id = ? AND i.kind = 'document' "
                "ORDER BY i.added, d.id", (case_id,))]
            info["comparisons"] = [dict(r) for r in conn.execute(
                "SELECT c.id, c.title, c.created, c.doc_a, c.doc_b FROM case_items i "
                "JOIN comparisons c ON c.id = i.item_id WHERE i.case_id = ? AND i.kind = 'comparison' "
                "ORDER BY i.added, c.id", (case_id,))]
        return info
