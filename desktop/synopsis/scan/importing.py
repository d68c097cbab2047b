"""Bringing a slice of a scan into the library, where the app opens it side by side.

A pair becomes one stored comparison; a cluster becomes a case holding its articles and the
comparison of each reusing pair. Documents already in the library (same content) are reused,
never duplicated or overwritten.
"""
from __future__ import annotations

from typing import Iterable

from ..core import Settings
from .folder import ScanFolder


def import_pair(folder: ScanFolder, library, a: int, b: int, *, case: str | None = None,
                settings: Settings | None = None) -> int:
    """Store the comparison of articles ``a`` and ``b``; returns the comparison id."""
    folder.find_pair(a, b)
    report = folder.compare_pair(a, b, settings)
    title = f"{report.documents[0].title} ↔ {report.documents[1].title}"
    return library.save_comparison(report, case, title=title,
                                   note=f"From the scan {folder.path.name}: articles {a} and {b}.")


def import_cluster(folder: ScanFolder, library, cluster: int, *, limit: int = 50,
                   settings: Settings | None = None) -> tuple[str, list[int]]:
    """File the cluster's reusing pairs (at most ``limit``, most alarming first) in a new case.

    Returns the case name and the comparison ids.
    """
    info = folder.cluster(cluster)
    case = _case_name(library, f"Scan {folder.path.name}, cluster {cluster}: {info.get('source_title') or ''}".strip(" :"))
    library.create_case(case, note=f"{int(info['size'])} articles; likely source {info.get('source_id', '')}"
                                   f" ({info.get('source_date') or 'undated'}).")
    ids = []
    for row in _first(folder.pairs(cluster).itertuples(), limit):
        ids.append(import_pair(folder, library, int(row.a), int(row.b), case=case, settings=settings))
    return case, ids


def _first(rows: Iterable, limit: int):
    for n, row in enumerate(rows):
        if n >= limit:
            return
        yield row


def _case_name(library, wanted: str) -> str:
    names = {c["name"] for c in library.list_cases()}
    name, n = wanted[:120], 2
    while name in names:
        name = f"{wanted[:115]} ({n})"
        n += 1
    return name
