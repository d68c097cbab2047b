"""Corpora named by URL (``file://``, ``s3://``, ``gs://``, ``abfs://``, ``https://`` …): JSON
Lines, CSV or Parquet read through Dask's own readers, which reach storage through fsspec.

A protocol works when its fsspec backend is installed (``s3fs`` for ``s3://``, ``gcsfs`` for
``gs://``, …); credentials come from that backend's usual places (environment, config files),
never from the command line. The client builds the Dask frame once to learn its partitions and
its columns; each worker builds it again and reads only its own partition, so a partition is
fixed by the data (Dask's byte blocks of JSON Lines, Parquet row groups, one CSV file each),
never by the number of workers. CSV is read a whole file per partition: a quoted field may
hold a line break, so a CSV file cannot be cut at an arbitrary byte.
"""
from __future__ import annotations

import re

from .records import BYTES_PER_BLOCK, Article, InputError, Partition, columns_of, row_article

URL = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]+)://")    # two letters or more: C:\ is a path
URL_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv", ".parquet": "parquet"}


def is_url(source: object) -> bool:
    return isinstance(source, str) and URL.match(source) is not None


def url_format(url: str) -> str:
    """``jsonl``, ``csv`` or ``parquet``, from the name's ending (a glob's too)."""
    name = url.split("?", 1)[0].rstrip("/").lower()
    for suffix, kind in URL_FORMATS.items():
        if name.endswith(suffix):
            return kind
    raise InputError(url, "a corpus URL names a .jsonl, .csv or .parquet file (or a glob of them)")


def check_protocol(url: str) -> None:
    """Refuse a protocol fsspec does not know or whose backend is not installed."""
    import fsspec
    protocol = URL.match(url).group(1).lower()
    try:
        fsspec.get_filesystem_class(protocol)
    except ImportError as exc:
        raise InputError(url, f"reading {protocol}:// needs a package that is not installed "
                              f"({' '.join(str(exc).split())})") from None
    except ValueError:
        raise InputError(url, f"{protocol}:// is not a storage protocol fsspec knows") from None


def frame(url: str, kind: str):
    """The Dask frame of ``url`` (nothing read yet but what Dask needs to plan it)."""
    import dask.dataframe as dd
    if kind == "jsonl":
        return dd.read_json(url, lines=True, blocksize=BYTES_PER_BLOCK, dtype=False)
    if kind == "csv":
        return dd.read_csv(url, blocksize=None, dtype=str, keep_default_na=False)
    return dd.read_parquet(url, split_row_groups=True)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    detail = " ".join(str(exc).split())[:200]
    return f"cannot be read ({type(exc).__name__}: {detail})" if detail else f"cannot be read ({type(exc).__name__})"


def plan_url(url: str) -> list[Partition]:
    """The partitions of a corpus URL, after checking that it can be reached and has a text column."""
    kind = url_format(url)
    check_protocol(url)
    try:
        planned = frame(url, kind)
        count, names = planned.npartitions, [str(c) for c in planned.columns]
    except InputError:
        raise
    except Exception as exc:     # fsspec backends and Dask's readers raise many kinds
        raise InputError(url, _reason(exc)) from None
    columns_of(names, url)
    return [Partition(n, "url", url, n, n + 1, items=(kind,)) for n in range(count)]


def read_url(part: Partition) -> tuple[list[Article], list[str]]:
    """The articles of one partition of a corpus URL (a block that cannot be read is a problem)."""
    try:
        rows = frame(part.source, part.items[0]).partitions[part.start].compute(scheduler="sync")
    except Exception as exc:     # as in plan_url
        return [], [f"{part.source}: partition {part.start} {_reason(exc)}"]
    columns = columns_of([str(c) for c in rows.columns], part.source)
    records = rows.rename(columns=str).to_dict("records")
    return [Article(*row_article(row, columns, f"{part.start}:{i}")) for i, row in enumerate(records)], []
