"""Corpora named by URL: read through Dask's readers into the same articles as the local file;
a protocol without its package, an unknown one or a missing file is one clear line, exit 2."""
from __future__ import annotations

import csv
import importlib.util
import json

import pytest
from click.testing import CliRunner

from synopsis.cli import main
from synopsis.scan.inputs import InputError, plan, read_partition

ROWS = [{"text": f"Article {i}: «quoted» ünïcode,\nand a second line.", "id": f"a{i}", "date": "2024-01-02",
         "outlet": "AP", "url": f"https://example.org/{i}"} for i in range(23)]


def _articles(source):
    out = []
    for part in plan(source):
        got, problems = read_partition(part)
        assert not problems
        out += got
    return out


def _write(folder, kind):
    import pyarrow as pa
    import pyarrow.parquet as pq
    path = folder / f"corpus.{kind}"
    if kind == "jsonl":
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ROWS), encoding="utf-8")
    elif kind == "csv":
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, list(ROWS[0]))
            writer.writeheader()
            writer.writerows(ROWS)
    else:
        pq.write_table(pa.Table.from_pylist(ROWS), path, row_group_size=10)
    return path


@pytest.mark.parametrize("kind", ["jsonl", "csv", "parquet"])
def test_a_file_url_gives_the_articles_of_the_local_file(tmp_path, kind):
    path = _write(tmp_path, kind)
    url = path.resolve().as_uri()
    assert url.startswith("file://") and all(p.kind == "url" for p in plan(url))
    articles = _articles(url)
    assert articles == _articles(path)
    assert [a.id for a in articles] == [r["id"] for r in ROWS] and articles[5].text == ROWS[5]["text"]
    if kind == "parquet":
        assert len(plan(url)) == 3       # one partition a row group


def _missing_backend() -> str:
    """A storage protocol fsspec knows whose package is not installed here."""
    from fsspec.registry import known_implementations
    for protocol in ("s3", "gs", "abfs", "oci", "webdav", "dropbox"):
        spec = known_implementations.get(protocol, {})
        module = spec.get("class", "").split(".")[0]
        if module and importlib.util.find_spec(module) is None:
            return protocol
    raise AssertionError("every storage backend tried is installed")


def test_a_protocol_without_its_package_is_named(tmp_path):
    protocol = _missing_backend()
    with pytest.raises(InputError, match=f"reading {protocol}:// needs a package that is not installed"):
        plan(f"{protocol}://bucket/crawl.jsonl")


@pytest.mark.parametrize("url, message", [
    ("{missing}://bucket/crawl.parquet", "needs a package that is not installed"),
    ("nosuchprotocol://host/crawl.csv", "nosuchprotocol:// is not a storage protocol fsspec knows"),
    ("file:///no/such/folder/crawl.jsonl", "no such file"),
    ("file:///no/such/folder/crawl.txt", "names a .jsonl, .csv or .parquet file"),
])
def test_bad_urls_are_one_line_with_exit_code_2(tmp_path, url, message):
    url = url.format(missing=_missing_backend())
    run = CliRunner().invoke(main, ["scan", url, "-o", str(tmp_path / "out")])
    assert run.exit_code == 2, run.output
    assert url in run.output and message in run.output and len(run.output.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_a_url_corpus_without_a_text_column(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"body_html": "<p>x</p>"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="has no text column"):
        plan(path.resolve().as_uri())


def test_a_scan_of_a_file_url_equals_the_scan_of_the_path(scan_client, corpus_file, scan_result):
    from synopsis.scan.pipeline import run_scan
    by_url = run_scan(scan_client, plan(corpus_file.resolve().as_uri()))
    assert by_url.corpus.columns["id"] == scan_result.corpus.columns["id"]
    reuse = sorted((r["a"], r["b"], r["shared"], r["paraphrased"]) for r in by_url.rows if r["reuse"])
    assert reuse and reuse == sorted((r["a"], r["b"], r["shared"], r["paraphrased"])
                                     for r in scan_result.rows if r["reuse"])
