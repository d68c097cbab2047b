"""Running a scan from the command line: plan, connect, scan, write, report progress."""
from __future__ import annotations

import json
import time
from pathlib import Path

import click

from ..core import Settings


class StageEcho:
    """Prints each stage to standard error as it starts and at every further 5 % of the whole
    (a long stage of a large corpus shows it is moving)."""

    STEP = 0.05

    def __init__(self) -> None:
        self.stage = ""
        self.shown = 0.0
        self.start = time.perf_counter()

    def __call__(self, stage: str, fraction: float) -> None:
        if stage != self.stage or fraction >= self.shown + self.STEP:
            self.stage, self.shown = stage, fraction
            click.echo(f"scan: {stage} ({fraction:.0%}, {time.perf_counter() - self.start:.1f} s)", err=True)


def run(corpus: str, output: Path, scheduler: str | None, workers: int | None, index_path: Path | None,
        reports: int, settings: Settings, fmt: str, memory_limit: str | None = None) -> None:
    from ..scan import cluster, inputs, results
    from ..scan.index import IndexWriter
    from ..scan.pipeline import ScanOptions, run_scan
    results.check_output(output)
    if index_path is not None and index_path.exists():
        raise results.ResultError(index_path, "already exists; choose a new name for the index")
    parts = inputs.plan(corpus)
    options = ScanOptions.for_settings(settings)
    echo = StageEcho()
    writer = IndexWriter(index_path) if index_path is not None else None
    try:
        with cluster.connect(scheduler, workers, memory_limit) as client:
            link = cluster.dashboard_link(client)
            click.echo(f"scan: {inputs.describe(parts)} on {len(client.scheduler_info()['workers'])} worker(s)"
                       + (f"; dashboard {link}" if link else ""), err=True)
            result = run_scan(client, parts, options, progress=echo, index=writer)
        record = options.record()
        manifest = results.write(result, output, str(corpus), record)
        if writer is not None:
            finish_index(writer, result, record)
    except BaseException:
        if writer is not None:
            writer.abort()
        raise
    written = write_reports(output, reports)
    summary = {"result": str(output), "articles": manifest["counts"]["articles"],
               "reuse_pairs": manifest["counts"]["reuse_pairs"], "clusters": manifest["clusters"],
               "reports": [str(p) for p in written], "problems": manifest["problem_count"],
               "index": str(index_path) if index_path else None,
               "seconds": round(time.perf_counter() - echo.start, 1)}
    if fmt == "json":
        click.echo(json.dumps(summary, indent=2, ensure_ascii=False))
        return
    click.echo(f"{summary['articles']} articles, {summary['reuse_pairs']} reusing pairs in "
               f"{summary['clusters']} clusters → {output}")
    if manifest["problem_count"]:
        click.echo(f"{manifest['problem_count']} record(s) could not be read; see manifest.json", err=True)
    for path in written:
        click.echo(f"  report: {path}")


def finish_index(writer, result, record: dict) -> None:
    """The index's metadata table and manifest (its keys and texts are written already)."""
    cols = result.corpus.columns
    keep = result.representative == range(result.corpus.size)
    documents = {"number": list(range(result.corpus.size)),
                 **{k: cols[k] for k in ("id", "title", "outlet", "date", "url")},
                 "representative": result.representative, "kept": keep}
    info = {"features": record["features"], "settings": record["settings"],
            "meaning_second_look": record["meaning_second_look"],
            "max_df": record["limits"]["max_df"], "generators": record["generators"]}
    writer.finish(documents, info)


def write_reports(output: Path, count: int) -> list[Path]:
    from ..scan.folder import ScanFolder
    from ..scan.report import write_reports as write
    if count == 0:
        return []
    folder = ScanFolder(output)
    return write(folder, [int(c) for c in folder.clusters["cluster"][:count]])
