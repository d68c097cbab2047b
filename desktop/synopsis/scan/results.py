"""A scan's result folder: the reuse table, the clusters, the articles, and a manifest.

::

    result/
      manifest.json       format "synopsis-scan", version, input, options, counts, timings
      documents.parquet   every article: number, id, title, outlet, date, url, chars,
                          representative (first of its near-copy group), cluster
      reuse.parquet       one row per reusing pair: counts by class, coverage of each side,
                          changed facts by severity, the links (JSON), shared keys
      clusters.parquet    connected components of the reuse pairs, with the likely source
                          (the earliest dated article)
      texts.parquet       the text of every article in a reusing pair, to open it side by side
      reports/            one HTML claim matrix per cluster (see ``report``)

A result is written into a new folder (never over an existing one) and renamed into place
when complete, so a crash leaves no half-written result behind.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import numpy as np

from .. import __version__
from ..core.errors import SynopsisError
from .groups import MISSING_DATE, UnionFind

FORMAT = "synopsis-scan"
VERSION = 1
REUSE_COLUMNS = ("a", "b", "a_id", "b_id", "cluster", "relation", "shared", "paraphrased", "unique_a",
                 "unique_b", "coverage_a", "coverage_b", "facts_alarm", "facts_check", "facts_note",
                 "language_a", "language_b", "a_date", "b_date", "a_outlet", "b_outlet", "a_url", "b_url",
                 "keys_shingle", "keys_rare", "keys_meaning", "links")


class ResultError(SynopsisError):
    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")


def clusters_of(size: int, rows: list[dict], dates: np.ndarray) -> tuple[np.ndarray, list[dict]]:
    """Cluster number of every article (−1 when in no reusing pair) and one record per cluster."""
    groups = UnionFind(size)
    a = np.array([r["a"] for r in rows], dtype=np.int64)
    b = np.array([r["b"] for r in rows], dtype=np.int64)
    groups.union_all(a, b)
    labels = groups.labels()
    members = np.unique(np.r_[a, b])
    roots = labels[members]
    order = np.lexsort((members, dates[members], roots))   # within a cluster: earliest first
    members, roots = members[order], roots[order]
    starts = np.flatnonzero(np.r_[True, roots[1:] != roots[:-1]]) if len(roots) else np.empty(0, int)
    bounds = np.r_[starts, len(members)]
    groups_list = [members[lo:hi] for lo, hi in zip(bounds[:-1], bounds[1:])]
    groups_list.sort(key=lambda g: (-len(g), int(g.min())))
    cluster = np.full(size, -1, dtype=np.int64)
    records = []
    for number, group in enumerate(groups_list):
        cluster[group] = number
        records.append({"cluster": number, "size": len(group), "source": int(group[0]),
                        "members": [int(x) for x in group]})
    return cluster, records


def _with_articles(records: list[dict], columns: dict[str, list], rows: list[dict]) -> None:
    by_cluster: dict[int, list[dict]] = {}
    for row in rows:
        by_cluster.setdefault(row["cluster"], []).append(row)
    for rec in records:
        src = rec["source"]
        dated = columns["date"][src]
        rec.update(source_id=columns["id"][src], source_date=dated, source_outlet=columns["outlet"][src],
                   source_dated=bool(dated), source_title=columns["title"][src],
                   member_ids=[columns["id"][m] for m in rec["members"]],
                   outlets=sorted({columns["outlet"][m] for m in rec["members"] if columns["outlet"][m]}),
                   pairs=len(by_cluster.get(rec["cluster"], [])),
                   facts_alarm=sum(r["facts_alarm"] for r in by_cluster.get(rec["cluster"], [])),
                   last_date=max((columns["date"][m] for m in rec["members"] if columns["date"][m]), default=""))


def build_tables(result) -> dict[str, Any]:
    """The tables of a :class:`~synopsis.scan.pipeline.ScanResult` as pyarrow tables."""
    import pyarrow as pa
    corpus = result.corpus
    cols = corpus.columns
    rows = [dict(r) for r in result.rows if r["reuse"]]
    dates = np.array([d or MISSING_DATE for d in cols["date"]], dtype=object).astype(str)
    cluster, records = clusters_of(corpus.size, rows, dates)
    for row in rows:
        a, b = row["a"], row["b"]
        row.update(a_id=cols["id"][a], b_id=cols["id"][b], cluster=int(cluster[a]),
                   a_date=cols["date"][a], b_date=cols["date"][b], a_outlet=cols["outlet"][a],
                   b_outlet=cols["outlet"][b], a_url=cols["url"][a], b_url=cols["url"][b],
                   keys_shingle=row["keys"][0] if row["keys"] else 0,
                   keys_rare=row["keys"][1] if len(row["keys"]) > 1 else 0,
                   keys_meaning=row["keys"][2] if len(row["keys"]) > 2 else 0)     # 0: no meaning keys
    _with_articles(records, cols, rows)
    documents = {"number": np.arange(corpus.size), **{k: cols[k] for k in ("id", "title", "outlet", "date", "url")},
                 "chars": cols["chars"], "words": cols["words"],
                 "representative": result.representative, "cluster": cluster}
    reuse = {name: [row[name] for row in rows] for name in REUSE_COLUMNS}
    in_pairs = sorted({r["a"] for r in rows} | {r["b"] for r in rows})
    texts = {"number": in_pairs, "text": [result.articles[d]["text"] for d in in_pairs]}
    return {"documents": pa.table(documents), "reuse": pa.table(reuse) if rows else _empty_reuse(),
            "clusters": pa.Table.from_pylist(records) if records else _empty_clusters(), "texts": pa.table(texts)}


def _empty_reuse():
    import pyarrow as pa
    types = {"a": pa.int64(), "b": pa.int64(), "cluster": pa.int64(), "links": pa.string()}
    return pa.table({name: pa.array([], type=types.get(name, pa.string())) for name in REUSE_COLUMNS})


def _empty_clusters():
    import pyarrow as pa
    return pa.table({"cluster": pa.array([], pa.int64()), "size": pa.array([], pa.int64()),
                     "source": pa.array([], pa.int64()), "members": pa.array([], pa.list_(pa.int64()))})


def check_output(path: Path) -> None:
    """Refuse an output folder that exists (a result is never written over anything)."""
    if path.exists():
        raise ResultError(path, "already exists; choose a new folder for the scan result")
    if not path.parent.exists():
        raise ResultError(path, f"the folder {path.parent} does not exist")


def write(result, path: Path, source: str, options: dict[str, Any]) -> dict[str, Any]:
    """Write ``result`` as a new folder ``path``; returns the manifest."""
    import pyarrow.parquet as pq
    check_output(path)
    tables = build_tables(result)
    tmp = path.with_name(f".{path.name}.partial")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir()
    try:
        for name, table in tables.items():
            pq.write_table(table, tmp / f"{name}.parquet")
        manifest = {"format": FORMAT, "version": VERSION, "generator": {"name": "synopsis", "version": __version__},
                    "input": source, "options": options, "counts": dict(result.stats),
                    "clusters": tables["clusters"].num_rows, "problems": result.corpus.problems[:100],
                    "problem_count": len(result.corpus.problems),
                    "timings": {k: round(v, 3) for k, v in result.timings.items()}}
        (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
        tmp.rename(path)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return manifest
