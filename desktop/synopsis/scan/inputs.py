"""Where a scan's articles come from, cut into partitions that any worker can read alone.

The client plans the partitions (:func:`plan`); each worker reads its own
(:func:`read_partition`). A partition is fixed by the input alone (a list of files, a byte
range of a JSON Lines file, a Parquet row group, a batch of CSV rows or a range of library
ids), never by the number of workers, so every cluster sees the same partitions and the
results are the same.

Accepted: a folder of files in any format Synopsis opens (``synopsis.core.load``, with the
folder's ``manifest.json`` for metadata), a ``.jsonl``/``.ndjson`` file, a ``.csv`` file, a
``.parquet`` file or a folder of them, and a Synopsis library (``.db``/``.sqlite``) — each with
a text column and, optionally, id, title, outlet, date and URL columns; and a JSON Lines, CSV
or Parquet corpus named by URL (``file://``, ``s3://``, …; see ``urls``).
"""
from __future__ import annotations

import csv
import json
import os
from pathlib import Path

from ..core.errors import SynopsisError
from .records import (BYTES_PER_BLOCK, FIELDS, Article, InputError, Partition, columns_of, first_line,  # noqa: F401
                      row_article)
from .urls import is_url, plan_url, read_url

TABLE_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}
LIBRARY_SUFFIXES = (".db", ".sqlite", ".sqlite3")
ROWS_PER_PARTITION = 5000


def plan(source: str | os.PathLike[str], rows_per_partition: int = ROWS_PER_PARTITION) -> list[Partition]:
    """The partitions of ``source`` (raises :class:`InputError` when it cannot be read)."""
    if is_url(source):
        return plan_url(str(source))
    path = Path(source)
    name = str(source)
    if not path.exists():
        raise InputError(name, "no such file or folder")
    if path.is_dir():
        tables = sorted(p for p in path.iterdir() if p.suffix.lower() == ".parquet")
        if tables:
            return renumber([part for t in tables for part in _plan_parquet(t)])
        return _plan_files(path, max(1, rows_per_partition // 10))
    suffix = path.suffix.lower()
    if suffix in LIBRARY_SUFFIXES:
        return _plan_library(path, rows_per_partition)
    kind = TABLE_SUFFIXES.get(suffix)
    if kind == "jsonl":
        return _plan_jsonl(path)
    if kind == "parquet":
        return _plan_parquet(path)
    if kind == "csv":
        return _plan_csv(path, rows_per_partition)
    raise InputError(name, "is not a corpus: give a folder of articles, or a .jsonl, .csv, "
                           ".parquet or library (.db) file")


def _plan_files(folder: Path, per_partition: int) -> list[Partition]:
    files = sorted(str(p.relative_to(folder)) for p in folder.rglob("*")
                   if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
                   and p.name != "manifest.json")
    if not files:
        raise InputError(str(folder), "the folder holds no articles")
    return [Partition(n, "files", str(folder), items=tuple(files[i:i + per_partition]))
            for n, i in enumerate(range(0, len(files), per_partition))]


def _plan_jsonl(path: Path) -> list[Partition]:
    size = path.stat().st_size
    if size == 0:
        raise InputError(str(path), "is empty")
    starts = list(range(0, size, BYTES_PER_BLOCK))
    return [Partition(n, "jsonl", str(path), start, min(size, start + BYTES_PER_BLOCK))
            for n, start in enumerate(starts)]


def _plan_parquet(path: Path) -> list[Partition]:
    import pyarrow.parquet as pq
    try:
        meta = pq.ParquetFile(path).metadata
    except Exception as exc:  # pyarrow raises several kinds for a file that is not Parquet
        raise InputError(str(path), f"is not a readable Parquet file ({exc})") from None
    return [Partition(0, "parquet", str(path), group, group + 1) for group in range(meta.num_row_groups)]


def _plan_csv(path: Path, per_partition: int) -> list[Partition]:
    """CSV rows may hold line breaks inside quotes, so the client reads them (streaming) and
    each partition carries its rows."""
    parts: list[Partition] = []
    batch: list[tuple] = []
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            columns = columns_of(reader.fieldnames or [], str(path))
            for number, row in enumerate(reader):
                batch.append(row_article(row, columns, f"{number}"))
                if len(batch) == per_partition:
                    parts.append(Partition(len(parts), "rows", str(path), items=tuple(batch)))
                    batch = []
    except (UnicodeDecodeError, csv.Error) as exc:
        raise InputError(str(path), f"is not a readable UTF-8 CSV file ({exc})") from None
    if batch:
        parts.append(Partition(len(parts), "rows", str(path), items=tuple(batch)))
    if not parts:
        raise InputError(str(path), "holds no rows")
    return parts


def _plan_library(path: Path, per_partition: int) -> list[Partition]:
    from ..library import Library, LibraryError
    try:
        with Library.open(path, readonly=True) as library:
            with library.reading() as conn:
                ids = [int(r[0]) for r in conn.execute("SELECT id FROM documents ORDER BY id")]
    except LibraryError as exc:
        raise InputError(str(path), str(exc)) from None
    if not ids:
        raise InputError(str(path), "the library holds no documents")
    return [Partition(n, "library", str(path), ids[i], ids[min(len(ids), i + per_partition) - 1])
            for n, i in enumerate(range(0, len(ids), per_partition))]


def renumber(parts: list[Partition]) -> list[Partition]:
    return [Partition(n, p.kind, p.source, p.start, p.end, p.items) for n, p in enumerate(parts)]


# -- reading on a worker -------------------------------------------------------------------

def read_partition(part: Partition) -> tuple[list[Article], list[str]]:
    """The articles of ``part`` and one line for each record that could not be read."""
    reader = {"files": _read_files, "jsonl": _read_jsonl, "parquet": _read_parquet,
              "rows": _read_rows, "library": _read_library, "url": read_url}[part.kind]
    articles, problems = reader(part)
    kept = [a for a in articles if a.text.strip()]
    problems += [f"{part.source}: record {a.id} has no text" for a in articles if not a.text.strip()]
    return kept, problems


def _read_files(part: Partition) -> tuple[list[Article], list[str]]:
    from ..core import load
    articles, problems = [], []
    for rel in part.items:
        path = Path(part.source) / rel
        try:
            doc = load(path)
        except SynopsisError as exc:
            problems.append(str(exc))
            continue
        meta = doc.meta or {}
        articles.append(Article(doc.text, rel, doc.title or "", str(meta.get("outlet") or ""),
                                str(meta.get("published") or meta.get("date") or ""),
                                str(meta.get("url") or meta.get("final_url") or "")))
    return articles, problems


def _read_jsonl(part: Partition) -> tuple[list[Article], list[str]]:
    """Lines that start inside [start, end); a line is read whole even past ``end``."""
    articles, problems = [], []
    columns: dict[str, str] | None = None
    with open(part.source, "rb") as handle:
        handle.seek(part.start)
        if part.start:
            handle.readline()        # the line that began before start belongs to the previous block
        while handle.tell() < part.end:
            offset = handle.tell()
            line = handle.readline()
            if not line:
                break
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                if not isinstance(row, dict):
                    raise ValueError("not an object")
            except ValueError as exc:
                problems.append(f"{part.source}: the line at byte {offset} is not a JSON object ({exc})")
                continue
            if columns is None:
                columns = columns_of(list(row), part.source)
            articles.append(Article(*row_article(row, columns, f"@{offset}")))
    return articles, problems


def _read_parquet(part: Partition) -> tuple[list[Article], list[str]]:
    import pyarrow.parquet as pq
    table = pq.ParquetFile(part.source).read_row_group(part.start)
    columns = columns_of(table.column_names, part.source)
    data = {name: table.column(col).to_pylist() for name, col in columns.items()}
    articles = []
    for i in range(table.num_rows):
        row = {columns[name]: data[name][i] for name in columns}
        articles.append(Article(*row_article(row, columns, f"{part.start}:{i}")))
    return articles, []


def _read_rows(part: Partition) -> tuple[list[Article], list[str]]:
    return [Article(*row) for row in part.items], []


def _read_library(part: Partition) -> tuple[list[Article], list[str]]:
    from ..library import Library
    with Library.open(part.source, readonly=True) as library:
        with library.reading() as conn:
            rows = conn.execute("SELECT id, title, outlet, published, url, text FROM documents "
                                "WHERE id BETWEEN ? AND ? ORDER BY id", (part.start, part.end)).fetchall()
    return [Article(r["text"] or "", f"d{r['id']}", r["title"] or "", r["outlet"] or "",
                    r["published"] or "", r["url"] or "") for r in rows], []


def describe(parts: list[Partition]) -> str:
    kinds = sorted({p.kind for p in parts})
    return f"{len(parts)} partition(s) of {', '.join(kinds)}"
