"""One HTML page per cluster: the claim matrix of its source and (up to 19) reusing articles,
made by the engine's many-sources comparison and its existing HTML export."""
from __future__ import annotations

from pathlib import Path

from ..core import Settings
from ..core.collection import CollectionReport, compare_collection
from .folder import MAX_MATRIX_SOURCES, ScanFolder
from .pairs import document


def cluster_collection(folder: ScanFolder, cluster: int, settings: Settings | None = None, *,
                       limit: int = MAX_MATRIX_SOURCES, progress=None, cancel=None) -> CollectionReport:
    members = folder.matrix_members(cluster, limit)
    docs = [document(folder.article(m)) for m in members]
    return compare_collection(docs, settings or folder.settings, progress=progress, cancel=cancel)


def cluster_html(folder: ScanFolder, cluster: int, settings: Settings | None = None) -> bytes:
    from ..export.collection_html import render
    return render(cluster_collection(folder, cluster, settings))


def write_reports(folder: ScanFolder, clusters: list[int]) -> list[Path]:
    """Write ``reports/cluster-N.html`` for each cluster; returns the files written."""
    from ..export import write_atomically
    out = folder.path / "reports"
    out.mkdir(exist_ok=True)
    written = []
    for number in clusters:
        path = out / f"cluster-{number}.html"
        write_atomically(path, cluster_html(folder, number))
        written.append(path)
    return written
