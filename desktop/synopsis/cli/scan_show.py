"""Showing a scan result or a query's answer in the terminal (text or JSON), and importing."""
from __future__ import annotations

import json
from pathlib import Path

import click

from ..core import Settings
from .terminal import visible_json, visible_line


def _clip(text: str, width: int = 60) -> str:
    text = visible_line(text)  # document fields: their control characters shown, never obeyed
    return text if len(text) <= width else text[: width - 1] + "…"


def show_query(article: str, index_path: Path, fmt: str) -> None:
    from ..core import load
    from ..scan.index import KeyIndex, query
    doc = load(article)
    index = KeyIndex(index_path)
    answer = query(index, {"text": doc.text, "id": str(article), "title": doc.title})
    if fmt == "json":
        click.echo(visible_json(json.dumps(answer, indent=2, ensure_ascii=False, default=str)))
        return
    matches = answer["matches"]
    click.echo(f"{len(matches)} article(s) in {index_path} reuse {article} "
               f"({answer['candidates']} compared)")
    for m in matches:
        click.echo(f"  #{m['number']} {_clip(m['id'], 30)} {_clip(m['outlet'] or '—', 40)} {_clip(m['date'] or 'undated', 30)}: "
                   f"{m['coverage_a']:.0%} of the article, {m['shared']} shared, {m['paraphrased']} paraphrased, "
                   f"{m['facts_alarm']} alarming fact(s) — {_clip(m['title'])}"
                   + (f" (a copy of #{m['copy_of']})" if m["copy_of"] is not None else ""))


def show_result(path: Path, cluster: int | None, pair: tuple[int, int] | None, do_import: bool,
                db: Path | None, fmt: str, settings: Settings) -> None:
    from ..scan.folder import ScanFolder
    folder = ScanFolder(path)
    if do_import:
        _import(folder, cluster, pair, db, settings)
    elif pair is not None:
        from ..export.terminal import render_summary
        folder.find_pair(*pair)
        report = folder.compare_pair(*pair, settings)
        click.echo(visible_json(report.to_json()) if fmt == "json" else render_summary(report))
    elif cluster is not None:
        rows = folder.pairs(cluster)
        if fmt == "json":
            click.echo(visible_json(rows.to_json(orient="records", force_ascii=False)))
            return
        info = folder.cluster(cluster)
        click.echo(f"cluster {cluster}: {info['size']} articles, likely source #{info['source']} "
                   f"{_clip(info['source_id'], 40)} ({_clip(info['source_date'] or 'undated', 30)})")
        for row in rows.itertuples():
            click.echo(f"  {row.a} ↔ {row.b}  {row.relation}: {row.shared} shared, {row.paraphrased} paraphrased, "
                       f"coverage {row.coverage_a:.0%}/{row.coverage_b:.0%}, facts {row.facts_alarm}/{row.facts_check}"
                       f"/{row.facts_note}  {_clip(row.a_id, 25)} ↔ {_clip(row.b_id, 25)}")
    else:
        table = folder.clusters
        if fmt == "json":
            click.echo(visible_json(table.to_json(orient="records", force_ascii=False)))
            return
        click.echo(f"{len(table)} clusters in {path} ({folder.manifest['counts']['articles']} articles)")
        for row in table.itertuples():
            click.echo(f"  {row.cluster}: {row.size} articles, {row.pairs} pairs, source #{row.source} "
                       f"{_clip(row.source_id, 30)} ({_clip(row.source_date or 'undated', 30)}) — {_clip(row.source_title, 50)}")


def _import(folder, cluster: int | None, pair: tuple[int, int] | None, db: Path | None, settings: Settings) -> None:
    from ..library import Library, default_path
    from ..scan.importing import import_cluster, import_pair
    if (cluster is None) == (pair is None):
        raise click.UsageError("--import needs exactly one of --cluster or --pair")
    with Library.open(default_path(db)) as library:
        if pair is not None:
            cid = import_pair(folder, library, *pair, settings=settings)
            click.echo(f"stored comparison c{cid} in {library.path}")
        else:
            case, ids = import_cluster(folder, library, cluster, settings=settings)
            click.echo(f"stored {len(ids)} comparison(s) in the case {case!r} of {library.path}")
