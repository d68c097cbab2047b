"""Reading a scan result back: clusters, pairs, articles, and the comparisons behind them.

The app, ``synopsis scan --result …`` and the library import all open a result through
:class:`ScanFolder`. A pair is compared again from the stored texts with the scan's settings
(the same as the app's), which takes a fraction of a second and gives the full report the
reuse table summarises.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..core import Report, Settings, compare
from .pairs import document
from .results import FORMAT, VERSION, ResultError

MAX_MATRIX_SOURCES = 20


class ScanFolder:
    """An opened scan result (raises :class:`ResultError` for anything else)."""

    def __init__(self, path: str | Path) -> None:
        import pyarrow.parquet as pq
        self.path = Path(path)
        manifest = self.path / "manifest.json"
        try:
            self.manifest = json.loads(manifest.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ResultError(self.path, "is not a scan result (no manifest.json)") from None
        except (OSError, ValueError) as exc:
            raise ResultError(self.path, f"its manifest.json cannot be read ({exc})") from None
        if self.manifest.get("format") != FORMAT:
            raise ResultError(self.path, "is not a scan result")
        if self.manifest.get("version") != VERSION:
            raise ResultError(self.path, f"was written by another Synopsis (result version {self.manifest.get('version')})")
        try:
            self.documents = pq.read_table(self.path / "documents.parquet").to_pandas()
            self.reuse = pq.read_table(self.path / "reuse.parquet").to_pandas()
            self.clusters = pq.read_table(self.path / "clusters.parquet").to_pandas()
            texts = pq.read_table(self.path / "texts.parquet").to_pydict()
        except (OSError, ValueError) as exc:
            raise ResultError(self.path, f"a table cannot be read ({exc})") from None
        self._texts = dict(zip(texts["number"], texts["text"]))

    @property
    def settings(self) -> Settings:
        return Settings.from_dict(self.manifest.get("options", {}).get("settings", {}))

    def article(self, number: int) -> dict[str, str]:
        if number not in self._texts:
            raise ResultError(self.path, f"article {number} is in no reusing pair; its text was not kept")
        row = self.documents.iloc[int(number)]
        return {"text": self._texts[number], "id": str(row["id"]), "title": str(row["title"]),
                "outlet": str(row["outlet"]), "date": str(row["date"]), "url": str(row["url"])}

    def cluster(self, number: int) -> dict[str, Any]:
        found = self.clusters[self.clusters["cluster"] == int(number)]
        if found.empty:
            raise ResultError(self.path, f"has no cluster {number} (clusters 0–{len(self.clusters) - 1})")
        return found.iloc[0].to_dict()

    def pairs(self, cluster: int | None = None):
        """The reuse rows (of one cluster), most alarming facts first."""
        rows = self.reuse if cluster is None else self.reuse[self.reuse["cluster"] == int(cluster)]
        return rows.sort_values(["facts_alarm", "coverage_b", "a", "b"], ascending=[False, False, True, True])

    def find_pair(self, a: int, b: int):
        a, b = min(a, b), max(a, b)
        found = self.reuse[(self.reuse["a"] == a) & (self.reuse["b"] == b)]
        if found.empty:
            raise ResultError(self.path, f"articles {a} and {b} are not a reusing pair of this scan")
        return found.iloc[0].to_dict()

    def compare_pair(self, a: int, b: int, settings: Settings | None = None) -> Report:
        """The full comparison of a pair (source first when its date is known)."""
        first, second = self.ordered(a, b)
        return compare(document(self.article(first)), document(self.article(second)), settings or self.settings)

    def ordered(self, a: int, b: int) -> tuple[int, int]:
        date_a, date_b = self.documents.iloc[a]["date"], self.documents.iloc[b]["date"]
        if date_a and date_b and date_b < date_a:
            return b, a
        return a, b

    def matrix_members(self, cluster: int, limit: int = MAX_MATRIX_SOURCES) -> list[int]:
        """The source and the members that reuse most of it, at most ``limit``."""
        info = self.cluster(cluster)
        members = [int(m) for m in info["members"]]
        source = int(info["source"])
        rows = self.pairs(cluster)
        reach: dict[int, float] = {}
        for row in rows.itertuples():
            for doc, cover in ((row.a, row.coverage_a), (row.b, row.coverage_b)):
                reach[int(doc)] = max(reach.get(int(doc), 0.0), float(cover))
        others = sorted((m for m in members if m != source), key=lambda m: (-reach.get(m, 0.0), m))
        return [source] + others[: limit - 1]
