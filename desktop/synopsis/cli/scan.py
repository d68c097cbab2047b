"""``synopsis scan``: who reused what across a corpus (Dask), query an index, open a result."""
from __future__ import annotations

from pathlib import Path

import click

from ..core import Settings, SynopsisError
from ..core.config import WORDS_ONLY
from .errors import fail as _fail
from .options import settings_options

MEANING_HELP = ("Also find reuse in another language or reworded beyond its words: embed every sentence "
                "of five words or more (the multilingual model, in every worker) and give it meaning keys, "
                "so such reuse becomes a candidate. Candidates are compared by words first; a pair in one "
                "language that the words do not make reuse and that shares meaning keys is compared by "
                "meaning too (two languages always are). Slower: embedding takes about 1.4 ms of CPU a "
                "sentence, the extra candidates are compared too, and every worker holds the model. An "
                "index written with it answers --query with meaning keys too.")


@click.command()
@click.argument("corpus", required=False)
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path),
              help="New folder for the result (reuse.parquet, clusters.parquet, reports/ …).")
@click.option("--scheduler", metavar="tcp://HOST:PORT", default=None,
              help="A running Dask scheduler to use instead of a local cluster.")
@click.option("--workers", type=click.IntRange(1), default=None,
              help="Worker processes of the local cluster (default: one per core).")
@click.option("--memory-limit", default=None, metavar="SIZE",
              help="Memory of each local worker (e.g. 4GB) above which it spills data to disk "
                   "(default: the machine's memory shared among the workers).")
@click.option("--index", "index_path", type=click.Path(path_type=Path), default=None,
              help="With CORPUS: also write a key index here. With --query: the index to ask.")
@click.option("--query", "query_path", default=None, metavar="ARTICLE",
              help="Who in the index reused this article (any format Synopsis opens)?")
@click.option("--reports", type=click.IntRange(0), default=10, show_default=True,
              help="HTML claim matrices to write, for the largest clusters.")
@click.option("--result", "result_path", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Open an earlier scan result: list its clusters, or see --cluster / --pair.")
@click.option("--cluster", "cluster_no", type=click.IntRange(0), default=None,
              help="With --result: the pairs of this cluster (with --import: file it in the library).")
@click.option("--pair", nargs=2, type=click.IntRange(0), default=None, metavar="A B",
              help="With --result: compare these two articles (numbers from the result).")
@click.option("--import", "do_import", is_flag=True, help="With --result and --cluster or --pair: store in the library.")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Library for --import (default: $SYNOPSIS_LIBRARY or the user-data folder).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="How to print what was found.")
@settings_options(defaults=WORDS_ONLY, helps={"meaning": MEANING_HELP})  # the scan's defaults (SCAN_SETTINGS)
def scan(corpus, output, scheduler, workers, memory_limit, index_path, query_path, reports, result_path, cluster_no,
         pair, do_import, db, fmt, settings: Settings) -> None:
    """Find reused passages across a corpus on a Dask cluster, and who published first.

    CORPUS is a folder of articles (any format Synopsis opens), a .jsonl, .csv or .parquet
    file with a text column (and optional id, title, outlet, date, url columns), or a library
    file; or a .jsonl, .csv or .parquet file (or glob) named by URL: file://, and s3://, gs://
    and the other storage of fsspec when its package is installed (s3fs, gcsfs, …). Runs on a
    local cluster unless --scheduler names one.

    \b
    Examples:
      synopsis scan news/ -o news-scan
      synopsis scan crawl.parquet -o crawl-scan --scheduler tcp://10.0.0.5:8786 --index crawl.idx
      synopsis scan 's3://bucket/crawl/*.parquet' -o crawl-scan   # needs s3fs
      synopsis scan --query article.html --index crawl.idx
      synopsis scan --result news-scan                      # the clusters
      synopsis scan --result news-scan --cluster 0          # its pairs
      synopsis scan --result news-scan --pair 12 40 --import
    """
    try:
        from ..scan import require_extra
    except ImportError:       # the frozen desktop app leaves the scan out
        _fail("the corpus scan is not part of this installation; install Synopsis with "
              "pip install 'synopsis[scan]'")
    try:
        require_extra()
        if query_path is not None:
            from .scan_show import show_query
            if index_path is None:
                raise click.UsageError("--query needs --index")
            show_query(query_path, index_path, fmt)
        elif result_path is not None:
            from .scan_show import show_result
            show_result(result_path, cluster_no, pair, do_import, db, fmt, settings)
        elif corpus is not None:
            if output is None:
                raise click.UsageError("give -o/--output, a new folder for the result")
            from .scan_run import run
            run(corpus, output, scheduler, workers, index_path, reports, settings, fmt, memory_limit)
        else:
            raise click.UsageError("give a CORPUS to scan, --query with --index, or --result")
    except SynopsisError as exc:
        _fail(str(exc))
